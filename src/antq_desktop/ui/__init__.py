"""Qt lives only in this package (a test enforces it)."""
