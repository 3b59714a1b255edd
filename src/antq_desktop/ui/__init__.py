"""Qt lives only in this package (a test enforces it)."""

from antq_desktop.ui.pyside_source import keep_no_module_source

# Before any other ui module imports SQLAlchemy, ReportLab or the services (see pyside_source).
keep_no_module_source()
