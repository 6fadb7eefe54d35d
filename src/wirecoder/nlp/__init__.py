"""The spaCy stage: build the pipeline once, annotate Docs with wirecoder's components."""
