"""File dialogs that open where the officer went last time, per kind of file.

Packages, keys and receipts travel on a USB stick, Excel lists live in Documents, PDFs where the
officer prints from: each kind remembers its own folder (QSettings "last_folder/<kind>"), so the
next "Chọn tệp…" opens on the USB stick again instead of the home folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

PACKAGES, EXCEL, PDF = "packages", "excel", "pdf"  # packages: .antq, keys, receipts — the USB stick
BACKUPS = "backups"  # encrypted backups copied to (or restored from) a USB stick


def last_folder(kind: str) -> str:
    folder = str(QSettings().value(f"last_folder/{kind}", "") or "")
    return folder if folder and Path(folder).is_dir() else ""


def remember(kind: str, path: str) -> None:
    if path:
        QSettings().setValue(f"last_folder/{kind}", str(Path(path).parent))


def _start(kind: str, suggested: str) -> str:
    """A suggested name goes into the remembered folder; a suggested full path is kept as it is."""
    folder = last_folder(kind)
    if not suggested:
        return folder
    if Path(suggested).is_absolute() or not folder:
        return suggested
    return str(Path(folder) / suggested)


def open_file(parent: QWidget | None, kind: str, title: str, filters: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, last_folder(kind), filters)
    remember(kind, path)
    return path


def open_files(parent: QWidget | None, kind: str, title: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, last_folder(kind), filters)
    if paths:
        remember(kind, paths[0])
    return list(paths)


def save_file(parent: QWidget | None, kind: str, title: str, suggested: str, filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, _start(kind, suggested), filters)
    remember(kind, path)
    return path
