"""Undo and redo of the session's actions ("Hoàn tác" Ctrl+Z, "Làm lại" Ctrl+Y), through the same services.

Undoing a creation deletes; undoing a deletion restores; undoing an edit writes the previous
values back; redoing does the action again the same way. The history is a QUndoStack of the
session's actions (the Edit menu shows what Ctrl+Z and Ctrl+Y would do). An action that cannot be
undone or redone (someone changed the record meanwhile) clears the history: after a failure
nobody can tell what the older steps would write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from antq_desktop.services.changes import EVERYTHING, Changes
from antq_desktop.ui.events import AppEvents


@dataclass(frozen=True)
class UndoAction:
    description: str  # e.g. "Xóa hộ Nguyễn Văn An"
    record_type: str
    revert: Callable[[], object]  # a service call; raises AntqError when it cannot be undone
    in_background: bool = False  # undoing a bulk action touches many records: run it as a job
    redo: Callable[[], object] | None = None  # does the action again; None: it cannot be redone

    @property
    def changes(self) -> Changes:
        """What undoing or redoing it changes, for the one refresh hook ("" record type: anything)."""
        return Changes.records(self.record_type) if self.record_type else EVERYTHING


def restore_many(store, record_type: str, record_ids: list[str], *, actor: str) -> None:  # type: ignore[no-untyped-def]
    """Redo of a bulk creation that undo deleted: the same records come back (the same ids)."""
    from antq_desktop.services import records

    for record_id in record_ids:
        records.restore(store, record_type, record_id, actor=actor)


class _Command(QUndoCommand):
    """One action on the stack, for its place and text only: the history runs the service calls itself,
    now or as a background job, and can then report a failure (QUndoStack's undo()/redo() cannot)."""

    def __init__(self, action: UndoAction) -> None:
        super().__init__(action.description)
        self.action = action

    def undo(self) -> None:
        pass

    def redo(self) -> None:  # also called by push(): the action is already done by then
        pass


class UndoHistory(QObject):
    changed = Signal()

    def __init__(self, events: AppEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.events = events
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(100)  # a working day's slips; older steps are rarely wanted and hold memory
        self.stack.indexChanged.connect(self.changed)  # signal to signal: gone with this object at exit

    def push(self, action: UndoAction) -> None:
        self.stack.push(_Command(action))

    def clear(self) -> None:
        self.stack.clear()
        self.changed.emit()

    # ---- what would happen ----

    def _command(self, index: int) -> _Command | None:
        command = self.stack.command(index) if 0 <= index < self.stack.count() else None
        return command if isinstance(command, _Command) else None

    @property
    def last(self) -> UndoAction | None:
        """The action Ctrl+Z would undo."""
        command = self._command(self.stack.index() - 1)
        return command.action if command else None

    @property
    def next_redo(self) -> UndoAction | None:
        """The action Ctrl+Y would do again."""
        command = self._command(self.stack.index())
        return command.action if command and command.action.redo is not None else None

    @property
    def can_undo(self) -> bool:
        return self.last is not None

    @property
    def can_redo(self) -> bool:
        return self.next_redo is not None

    # ---- doing it ----

    def take(self) -> UndoAction | None:
        """Step back without running the action's service call; the caller runs `last.revert` (as a job)."""
        action = self.last
        if action is not None:
            self.stack.undo()
        return action

    def take_redo(self) -> UndoAction | None:
        """Step forward without running the action; the caller runs `redo` (as a job)."""
        action = self.next_redo
        if action is not None:
            self.stack.redo()
        return action

    def undo(self) -> UndoAction | None:
        """Revert the last action now; on failure the history is cleared and the error raised."""
        action = self.take()
        if action is not None:
            self._run(action, action.revert)
        return action

    def redo(self) -> UndoAction | None:
        """Do the undone action again now; on failure the history is cleared and the error raised."""
        action = self.take_redo()
        if action is not None and action.redo is not None:
            self._run(action, action.redo)
        return action

    def _run(self, action: UndoAction, call: Callable[[], object]) -> None:
        try:
            call()
        except BaseException:
            self.clear()
            raise
        finally:
            self.events.apply_changes(action.changes)
