"""Events: PLOVER/CAMEO coding of every event in every sentence, with sides and modality.

Modules: ontology (data loading), triggers (pattern matching), sides (source and
target from the parse; objects: the phrases that may name a target), modality (negated/hypothetical/future/historical), coder
(the per-sentence logic; build: one event from one candidate trigger), component (the spaCy component ``wc_events``).
"""
