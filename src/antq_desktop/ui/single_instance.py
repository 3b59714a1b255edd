"""A package double-clicked while the app is already open goes to the open window.

Only one copy of the app works on a data file (its lock file, see app.lock_data_file). A second
copy, started by Explorer for a double-clicked .antq file, finds the lock taken, leaves the file
names in a small request file next to the data file and ends without a message; the open copy
looks for that file every 0.7 s, opens its import page with the packages selected and comes to
the front. A file, not a socket: the app opens no connection of any kind (docs/security.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

POLL_MS = 700


def request_file(database: str | Path) -> Path:
    return Path(str(database) + ".open-requests")


def send_packages(database: str | Path, packages: Sequence[str]) -> bool:
    """Leave `packages` (made absolute: the other copy has another working folder) for the open copy."""
    lines = "".join(str(Path(p).resolve()) + "\n" for p in packages)
    try:
        with open(request_file(database), "a", encoding="utf-8") as handle:
            handle.write(lines)
    except OSError:
        return False
    return True


def take_requests(database: str | Path) -> list[str]:
    """The package names left since the last look, each once (the file is moved aside before reading)."""
    path = request_file(database)
    taking = path.with_name(path.name + ".taking")
    try:
        os.replace(path, taking)
    except OSError:  # nothing asked
        return []
    try:
        names = [line.strip() for line in taking.read_text(encoding="utf-8").splitlines() if line.strip()]
    finally:
        taking.unlink(missing_ok=True)
    return names


class PackageListener(QObject):
    """In the open copy: packages left by a second copy are passed to `open_package` on the GUI thread."""

    def __init__(self, database: str | Path, open_package: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database, self.open_package = database, open_package
        take_requests(database)  # left over from a copy that ended before looking: stale, not asked now
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        for name in take_requests(self.database):
            self.open_package(name)

    def close(self) -> None:
        self.timer.stop()
