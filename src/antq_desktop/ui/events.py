"""App-wide notifications, in their own module so that the undo history and the context can both use them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """App-wide notifications. `data_changed` carries a record type ("" = everything may have changed)."""

    data_changed = Signal(str)
    year_changed = Signal(int)
    status_message = Signal(str)
    profile_changed = Signal()  # the unit or the signed-in officer's name changed (redo setup)
