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


def setup_logging() -> str:
    """Log to antq-desktop.log in the log folder; returns the file path (shown in crash messages)."""
    from antq_desktop.paths import log_dir

    path = log_dir() / "antq-desktop.log"
    root = logging.getLogger("antq_desktop")
    for old in [h for h in root.handlers if isinstance(h, logging.FileHandler)]:
        if old.baseFilename == str(path):
            return str(path)
        root.removeHandler(old)  # the data folder changed (tests, ANTQ_HOME): log next to it
        old.close()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(path)


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
    if context.undo.last.in_background:
        return _undo_in_background(context, parent)
    description = context.undo.last.description
    try:
        context.undo.undo()
    except Exception as exc:  # noqa: BLE001 — every failure is shown to the officer
        show_error(parent, exc, _t("Không hoàn tác được"))
        return None
    context.events.status_message.emit(_t("Đã hoàn tác: %1").replace("%1", description))
    return None


def _undo_in_background(context, parent: QWidget | None):  # type: ignore[no-untyped-def]
    action = context.undo.take()
    job = context.jobs.start(lambda _progress, _cancel: action.revert(), title=_t("Đang hoàn tác…"), parent=parent)
    job.succeeded.connect(lambda _r: context.events.status_message.emit(
        _t("Đã hoàn tác: %1").replace("%1", action.description)))
    job.failed.connect(lambda exc: show_error(parent, exc, _t("Không hoàn tác được")))
    job.finished.connect(lambda: context.events.data_changed.emit(action.record_type))
    return job
