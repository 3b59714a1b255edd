"""Errors shown to officers: known problems as plain Vietnamese, unexpected ones with copyable details.

Unexpected exceptions (bugs) go to a log file in `paths.log_dir()` and a message box with a
"Sao chép chi tiết" button, so the officer can paste the details to the technical staff; the
app stays usable.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from antq_desktop.domain.errors import AntqError

log = logging.getLogger("antq_desktop.ui")


def _t(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


LOG_NAME = "antq-desktop.log"
FAULT_LOG_NAME = "antq-desktop-crash.log"  # faulthandler: a crash inside Qt or SQLite leaves its stack here
LOG_BYTES, LOG_BACKUPS = 1_000_000, 4  # about 5 MB at most on a small laptop disk
_fault_file = None  # kept open for faulthandler, which writes with no Python left to open a file


def setup_logging() -> str:
    """Log to antq-desktop.log in the log folder, rotated; faulthandler on; returns the log's path."""
    from logging.handlers import RotatingFileHandler

    from antq_desktop.paths import log_dir

    path = log_dir() / LOG_NAME
    root = logging.getLogger("antq_desktop")
    for old in [h for h in root.handlers if isinstance(h, logging.FileHandler)]:
        if old.baseFilename == str(path):
            return str(path)
        root.removeHandler(old)  # the data folder changed (tests, ANTQ_HOME): log next to it
        old.close()
    handler = RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    enable_faulthandler(path.parent / FAULT_LOG_NAME)
    return str(path)


def enable_faulthandler(path) -> None:  # type: ignore[no-untyped-def]
    """A hard crash (segfault in a library) writes every thread's stack to `path`, shown in Giới thiệu.
    The file is cut back when it grows past LOG_BYTES so it never fills the disk."""
    import faulthandler

    global _fault_file
    if _fault_file is not None and _fault_file.name == str(path):
        return
    if path.exists() and path.stat().st_size > LOG_BYTES:
        path.write_text("", encoding="utf-8")
    previous, _fault_file = _fault_file, open(path, "a", encoding="utf-8")  # noqa: SIM115 - must stay open
    faulthandler.enable(file=_fault_file, all_threads=True)
    if previous is not None:
        previous.close()


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Known errors (AntqError) say what happened and what to do; anything else is a bug report."""
    if isinstance(exc, AntqError):
        QMessageBox.warning(parent, title or _t("Không thực hiện được"), exc.message)
    else:
        show_unexpected(parent, type(exc), exc, exc.__traceback__)


def show_unexpected(parent: QWidget | None, kind: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
    details = "".join(traceback.format_exception(kind, exc, tb))
    log.error("Lỗi không mong muốn:\n%s", details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_t("Đã xảy ra lỗi không mong muốn"))
    box.setText(_t("Chương trình gặp một lỗi không mong muốn. Công việc đang làm dở có thể chưa được lưu; "
                   "dữ liệu đã lưu trước đó vẫn an toàn."))
    box.setInformativeText(_t("Hãy thử lại. Nếu vẫn lỗi, bấm “Sao chép chi tiết” rồi gửi cho cán bộ kỹ thuật "
                              "(chi tiết cũng đã được ghi vào nhật ký lỗi)."))
    box.setDetailedText(details)
    copy = box.addButton(_t("Sao chép chi tiết"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_t("Đóng"), QMessageBox.ButtonRole.AcceptRole)
    copy.clicked.disconnect()  # keep the box open after copying
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
    box.exec()


def explain_load_failure(label, exc: BaseException, message: str, what: str) -> None:  # type: ignore[no-untyped-def]
    """A background read failed: `message` (with %1 for the reason) on `label`. A known problem gives
    its own words; anything else a plain reason, with the details in the tooltip and the log."""
    if isinstance(exc, AntqError):
        reason = exc.message
    else:
        log.error("%s", what, exc_info=exc)
        reason = _t("cơ sở dữ liệu không đọc được (có thể đang bị khóa hoặc hỏng)")
    label.setText(message.replace("%1", reason))
    label.setToolTip("" if isinstance(exc, AntqError) else str(exc))


def install_exception_hook() -> None:
    """Unexpected exceptions in slots reach sys.excepthook: show them instead of dying silently."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        if threading.current_thread() is not threading.main_thread():
            # Widgets live on the GUI thread only: a dialog built here never shows and hangs the app.
            log.error("Lỗi ngoài luồng giao diện", exc_info=(kind, exc, tb))
            return
        if isinstance(exc, AntqError):  # a known problem that a page forgot to catch
            log.warning("%s", exc.message)
            QMessageBox.warning(None, _t("Không thực hiện được"), exc.message)
            return
        show_unexpected(None, kind, exc, tb)

    sys.excepthook = hook


def run_undo(context, parent: QWidget | None):  # type: ignore[no-untyped-def]
    """Ctrl+Z / "Hoàn tác": undo the last action and say what was undone.

    Returns the background job when the action runs as one (undoing a bulk action), else None.
    """
    if not context.undo.can_undo:
        context.events.status_message.emit(_t("Không có thao tác nào để hoàn tác."))
        return None
    action = context.undo.take()
    return _run_step(context, parent, action, action.revert, _t("Đã hoàn tác: %1"), _t("Không hoàn tác được"),
                     _t("Đang hoàn tác…"))


def run_redo(context, parent: QWidget | None):  # type: ignore[no-untyped-def]
    """Ctrl+Y / "Làm lại": do the last undone action again and say what was done."""
    if not context.undo.can_redo:
        context.events.status_message.emit(_t("Không có thao tác nào để làm lại."))
        return None
    action = context.undo.take_redo()
    return _run_step(context, parent, action, action.redo, _t("Đã làm lại: %1"), _t("Không làm lại được"),
                     _t("Đang làm lại…"))


def _run_step(context, parent, action, call, done: str, failed: str, busy: str):  # type: ignore[no-untyped-def]
    """Run one undo or redo step (a bulk one as a background job); a failure clears the history."""
    def report_failure(exc: BaseException) -> None:
        context.undo.clear()
        show_error(parent, exc, failed)

    if action.in_background:
        job = context.jobs.start(lambda _progress, _cancel: call(), title=busy, parent=parent, writes=True)
        job.succeeded.connect(lambda _r: context.events.status_message.emit(done.replace("%1", action.description)))
        job.failed.connect(report_failure)
        job.finished.connect(lambda: context.apply_changes(action.changes))
        return job
    try:
        call()
    except Exception as exc:  # noqa: BLE001 — every failure is shown to the officer
        report_failure(exc)
        return None
    finally:
        context.apply_changes(action.changes)
    context.events.status_message.emit(done.replace("%1", action.description))
    return None
