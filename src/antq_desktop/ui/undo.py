"""Undo of the last action ("Hoàn tác", Ctrl+Z): one step back, through the same services.

Undoing a creation deletes; undoing a deletion restores; undoing an edit writes the previous
values back. Only the last action is kept: that is what an officer expects after a slip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from antq_desktop.ui.events import AppEvents


@dataclass(frozen=True)
class UndoAction:
    description: str  # e.g. "Xóa hộ Nguyễn Văn An"
    record_type: str
    revert: Callable[[], object]  # a service call; raises AntqError when it cannot be undone
    in_background: bool = False  # undoing a bulk action touches many records: run it as a job


class UndoHistory(QObject):
    changed = Signal()

    def __init__(self, events: AppEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.last: UndoAction | None = None

    def push(self, action: UndoAction) -> None:
        self.last = action
        self.changed.emit()

    def clear(self) -> None:
        self.last = None
        self.changed.emit()

    @property
    def can_undo(self) -> bool:
        return self.last is not None

    def take(self) -> UndoAction | None:
        """Remove and return the last action without running it (the caller runs it as a job)."""
        action, self.last = self.last, None
        self.changed.emit()
        return action

    def undo(self) -> UndoAction | None:
        """Revert the last action; the action is dropped even if reverting fails (no retry loops)."""
        action, self.last = self.last, None
        self.changed.emit()
        if action is None:
            return None
        try:
            action.revert()
        finally:
            self.events.data_changed.emit(action.record_type)
        return action
