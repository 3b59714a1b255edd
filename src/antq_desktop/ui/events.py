"""App-wide notifications, in their own module so that the undo history and the context can both use them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from antq_desktop.services.changes import Changes


class AppEvents(QObject):
    """App-wide notifications.

    `changed` carries a `services.changes.Changes` and is emitted by ONE hook, `AppContext.apply_changes`;
    pages decide from the value what to redraw. `data_changed` (a record type, "" = everything may have
    changed) and `profile_changed` are derived from it for the pages that still listen to them.
    """

    changed = Signal(object)  # Changes
    data_changed = Signal(str)
    year_changed = Signal(int)
    status_message = Signal(str)
    profile_changed = Signal()  # the unit or the signed-in officer's name changed (redo setup)

    def apply_changes(self, changes: Changes) -> None:
        """Emit `changed` once, then the older signals derived from it (see the class docstring)."""
        if not changes:
            return
        self.changed.emit(changes)
        for kind in () if changes.everything else sorted(changes.kinds):
            self.data_changed.emit(kind)
        if changes.everything or (not changes.kinds and not changes.export_made):
            # keys, trust, accounts, plans: old subscribers read "" as "anything may have changed";
            # an export changes no record, so only what listens to `changed` redraws (the status bar)
            self.data_changed.emit("")
        if changes.profile_changed or changes.everything:
            self.profile_changed.emit()
