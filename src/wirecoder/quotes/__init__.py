"""Quotes: direct, unmarked and reported speech attributed to resolved speakers."""
