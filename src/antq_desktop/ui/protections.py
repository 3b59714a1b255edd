"""What guards a signed-in session: the idle lock and automatic encrypted backups (hourly, on exit)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QWidget

from antq_desktop.ui.context import AppContext

if TYPE_CHECKING:
    from antq_desktop.services.accounts import BackupKey

HOURLY_MS = 60 * 60 * 1000
log = logging.getLogger(__name__)


class SessionProtections(QObject):
    """Installed once the main window is shown; `close()` makes the exit backup."""

    def __init__(self, window: QWidget, context: AppContext, password: str) -> None:
        super().__init__(window)
        from antq_desktop.ui.idle_lock import install_idle_lock

        self.context = context
        self.idle_lock = install_idle_lock(window, context.store, context.user)
        self.backup_key: BackupKey | None = None
        self.last_message: str | None = None
        self.closing = False  # set by close(): a key delivered then is for the exit backup only
        self.timer = QTimer(self)
        self.timer.setInterval(HOURLY_MS)
        self.timer.timeout.connect(lambda: self.backup(only_if_due=True))
        if context.store.is_sqlite:  # PostgreSQL offices back up with pg_dump (docs/postgresql.md)
            self._derive_key(password)

    def _derive_key(self, password: str) -> None:
        # Argon2id takes a moment on purpose: derive it off the GUI thread, once per session.
        from antq_desktop.services.accounts import BackupKey

        job = self.context.jobs.start(lambda _p, _c: BackupKey.derive(password), title="", show_progress=False)
        job.succeeded.connect(self._key_ready)

    def _key_ready(self, key: BackupKey) -> None:
        self.backup_key = key
        if self.closing:  # delivered inside close(): the exit backup follows, never an hourly one beside it
            return
        self.timer.start()
        self.backup(only_if_due=True)

    def backup(self, *, only_if_due: bool) -> None:
        if self.backup_key is None:
            return
        from antq_desktop.services.accounts import automatic_backup

        store, key, actor = self.context.store, self.backup_key, self.context.actor
        job = self.context.jobs.start(lambda _p, _c: automatic_backup(store, key, actor=actor, only_if_due=only_if_due),
                                      title="", show_progress=False)
        job.succeeded.connect(self._report)

    def _report(self, result: tuple[Path | None, str | None]) -> None:
        _path, message = result
        if message:
            self.last_message = message
            self.context.events.status_message.emit(message)

    def close(self) -> None:
        """The exit backup, in the foreground: the app is closing and the officer expects it done."""
        self.closing = True
        self.timer.stop()
        self.context.jobs.wait()
        QCoreApplication.processEvents()  # deliver a key derived just before closing
        if self.backup_key is None:
            return
        from antq_desktop.services.accounts import automatic_backup

        _path, message = automatic_backup(self.context.store, self.backup_key, actor=self.context.actor)
        if message:
            log.warning("exit backup: %s", message)
