"""One module per form.

Each exposes ``<form>_flowables(data)`` and ``render_<form>s(output, records, ...)``.
"""
