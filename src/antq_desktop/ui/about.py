"""Trợ giúp → Giới thiệu: version, where the data and the logs are, licences, and the crash log.

What the technical staff ask for on the phone ("which version? where is the data file? what does
the error log say?") is here, readable and copyable, without a file manager.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from antq_desktop import APP_NAME, __version__

LOG_TAIL_LINES = 300

LICENCES = (
    ("ANTQ Desktop", "Phần mềm dùng nội bộ lực lượng Công an (không phân phối ra ngoài)"),
    ("Qt / PySide6", "LGPL phiên bản 3"),
    ("SQLAlchemy, Alembic", "MIT"),
    ("cryptography", "Apache 2.0 hoặc BSD"),
    ("ReportLab", "BSD"),
    ("openpyxl", "MIT"),
    ("Phông chữ Liberation", "SIL Open Font License 1.1"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("About", text)


def tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    """The last `lines` lines of a log file ("" when it does not exist yet)."""
    if not path.is_file():
        return ""
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - 200_000))  # the tail only: a log may be megabytes
        text = handle.read().decode("utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])


def crash_log_text(folder: Path) -> str:
    """The error log's last lines, and a hard crash's stacks when there was one."""
    from antq_desktop.ui.errors import FAULT_LOG_NAME, LOG_NAME

    parts = []
    fault = tail(folder / FAULT_LOG_NAME).strip()
    if fault:
        parts.append(_t("=== Lần chương trình bị đóng đột ngột ===") + "\n" + fault)
    log = tail(folder / LOG_NAME).strip()
    parts.append(log or _t("Chưa có lỗi nào được ghi lại."))
    return "\n\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, data_file: str, parent: QWidget | None = None) -> None:
        from antq_desktop.paths import log_dir

        super().__init__(parent)
        self.setWindowTitle(_t("Giới thiệu %1").replace("%1", APP_NAME))
        self.log_folder = log_dir()
        tabs = QTabWidget()
        tabs.addTab(self._about_tab(data_file), _t("Thông tin"))
        tabs.addTab(self._licences_tab(), _t("Giấy phép"))
        tabs.addTab(self._log_tab(), _t("Nhật ký lỗi"))
        tabs.setAccessibleName(_t("Giới thiệu"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        buttons = QDialogButtonBox()
        close = buttons.addButton(_t("Đó&ng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def _about_tab(self, data_file: str) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        heading = QLabel(f"<h2>{APP_NAME}</h2>" + _t("Phần mềm quản lý phong trào Toàn dân bảo vệ an ninh Tổ quốc"))
        heading.setWordWrap(True)
        form.addRow(heading)
        self.version_label = self._selectable(__version__)
        self.version_label.setObjectName("about_version")
        self.data_label = self._selectable(data_file)
        self.data_label.setObjectName("about_data")
        self.log_label = self._selectable(str(self.log_folder))
        self.log_label.setObjectName("about_logs")
        form.addRow(_t("Phiên bản:"), self.version_label)
        form.addRow(_t("Tệp dữ liệu:"), self.data_label)
        form.addRow(_t("Thư mục nhật ký:"), self.log_label)
        return page

    @staticmethod
    def _selectable(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # copied to the technician
        return label

    def _licences_tab(self) -> QWidget:
        text = QPlainTextEdit("\n".join(f"{name}: {licence}" for name, licence in LICENCES))
        text.setObjectName("about_licences")
        text.setReadOnly(True)
        text.setAccessibleName(_t("Giấy phép"))
        return text

    def _log_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.log_text = QPlainTextEdit(crash_log_text(self.log_folder))
        self.log_text.setObjectName("about_crash_log")
        self.log_text.setReadOnly(True)
        self.log_text.setAccessibleName(_t("Nhật ký lỗi"))
        layout.addWidget(self.log_text)
        buttons = QDialogButtonBox()
        copy = buttons.addButton(_t("&Sao chép nhật ký"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.log_text.toPlainText()))
        folder = buttons.addButton(_t("&Mở thư mục nhật ký"), QDialogButtonBox.ButtonRole.ActionRole)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_folder))))
        layout.addWidget(buttons)
        self.log_text.moveCursor(self.log_text.textCursor().MoveOperation.End)  # the latest entries first in view
        return page
