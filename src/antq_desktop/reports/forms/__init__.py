"""One module per form; each exposes ``<form>_flowables(data)`` and ``render_<form>s(output, records, ...)``."""
