"""Output: the JSON contract (OUTPUT.md shape) and terminal rendering."""
