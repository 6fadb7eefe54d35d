"""Counts: numbers in words and digits with what they count."""
