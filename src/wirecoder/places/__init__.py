"""Places: toponyms resolved offline to coordinates and countries."""
