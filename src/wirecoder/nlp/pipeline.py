"""Build the spaCy pipeline: the statistical model plus wirecoder's components.

The model is loaded once per process (cached by the settings that shape it).
Every custom step is a registered spaCy component, so ``nlp.pipe_names``
shows the whole pipeline and a user can remove or reorder steps.
"""
from __future__ import annotations

import threading
from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelError
from ..settings import Settings
from .extensions import register_extensions

# Importing the component modules registers their factories with spaCy.
from . import paragraphs  # noqa: F401
from ..time import component as _time  # noqa: F401
from ..quantities import component as _quantities  # noqa: F401
from ..places import component as _places  # noqa: F401
from ..actors import component as _actors  # noqa: F401
from ..quotes import component as _quotes  # noqa: F401
from ..events import component as _events  # noqa: F401

# Our components, in the order they run after the model. Each reads what the
# ones before it assigned (see their factories' requires/assigns).
WIRECODER_COMPONENTS: tuple[str, ...] = (
    "wc_timexes", "wc_quantities", "wc_places", "wc_actors", "wc_quotes", "wc_events")

_lock = threading.Lock()


def add_wirecoder_components(nlp: Language, settings: Settings | None = None) -> Language:
    """Add wirecoder's components to any English pipeline (a blank one in tests)."""
    register_extensions()
    settings = settings or Settings()
    if "wc_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("wc_paragraphs", first=True)
    for name in WIRECODER_COMPONENTS:
        if name in nlp.pipe_names:
            continue
        config = _component_config(name, settings)
        nlp.add_pipe(name, config=config) if config else nlp.add_pipe(name)
    return nlp


def _component_config(name: str, settings: Settings) -> dict:
    if name == "wc_events" and settings.triggers_file:
        return {"triggers_file": str(settings.triggers_file)}
    if name == "wc_actors" and settings.actors_file:
        return {"actors_file": str(settings.actors_file)}
    return {}


def build_pipeline(settings: Settings | None = None) -> Language:
    settings = settings or Settings()
    return _cached_pipeline(settings.model, str(settings.triggers_file or ""), str(settings.actors_file or ""))


@lru_cache(maxsize=4)
def _cached_pipeline(model: str, triggers_file: str, actors_file: str) -> Language:
    with _lock:
        try:
            # The lemmatizer and attribute ruler stay; nothing we use is disabled.
            nlp = spacy.load(model)
        except OSError as exc:
            raise ModelError(
                f"spaCy model {model!r} is not installed. Install it with "
                f"'pip install --no-deps --require-hashes -r requirements/model.txt' "
                f"(or set WIRECODER_MODEL to an installed pipeline): {exc}") from exc
        settings = Settings(model=model, triggers_file=triggers_file or None, actors_file=actors_file or None)
        return add_wirecoder_components(nlp, settings)


def model_version(nlp: Language) -> str:
    from .. import __version__
    return f"wirecoder {__version__}; {nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"
