"""Locate bundled resources (fonts, form texts) for the reports package."""

from __future__ import annotations

from pathlib import Path

try:  # The application-wide resolver knows about PyInstaller and installed wheels.
    from antq_desktop.paths import resource_path as _app_resource_path
except ImportError:  # pragma: no cover - only until antq_desktop.paths is committed
    _app_resource_path = None


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("forms", "covenant.json")``."""
    if _app_resource_path is not None:
        return _app_resource_path(*parts)
    # Source-checkout fallback: <repo>/src/antq_desktop/reports/resources.py -> <repo>/resources
    return Path(__file__).resolve().parents[3].joinpath("resources", *parts)
