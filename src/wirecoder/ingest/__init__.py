"""Ingest: read articles from files, HTML, feeds, JSONL/CSV corpora, directories and stdin."""
