"""wirecoder: offline political event coding from news.

The public face is small::

    import wirecoder
    a = wirecoder.analyze("Russia expelled eight diplomats.", date="2022-01-12")
    for ev in a.events: ...

    for outcome in wirecoder.analyze_many(articles):   # Article records, streamed
        ...
"""
from __future__ import annotations

__version__ = "0.1.0"

from .api import analyze, analyze_many, load_pipeline
from .records import (Actor, ActorRef, Analysis, Article, Entity, Event, Failure, Place,
                      PlaceMention, Quantity, Quote, TimeExpression)
from .settings import Settings

__all__ = ["analyze", "analyze_many", "load_pipeline", "Settings", "Analysis", "Article", "Actor",
           "ActorRef", "Entity", "Event", "Failure", "Place", "PlaceMention", "Quantity", "Quote",
           "TimeExpression", "__version__"]
