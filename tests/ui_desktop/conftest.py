"""GUI tests of the desktop conventions over a real temporary store; QSettings in a temporary folder."""

from __future__ import annotations

from tests.ui.conftest import _isolated_settings, context, demo_context  # noqa: F401 - fixtures shared
