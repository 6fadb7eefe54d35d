"""Actors: states, IGOs, people and groups, with coreference inside one article."""
