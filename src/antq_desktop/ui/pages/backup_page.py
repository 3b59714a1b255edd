"""Sao lưu – khôi phục: list the encrypted backups, back up now, restore with confirmation (admins)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.errors import AntqError
from antq_desktop.domain.local_time import local_time_text
from antq_desktop.services import accounts
from antq_desktop.services.accounts import BACKUP_SUFFIX as SUFFIX
from antq_desktop.services.accounts import BackupKey, UserInfo
from antq_desktop.storage.db import Store
from antq_desktop.ui import file_dialogs, password_prompt
from antq_desktop.ui.i18n import N

COLUMNS = (N("BackupPage", "Tệp"), N("BackupPage", "Thời điểm tạo"), N("BackupPage", "Người tạo"),
           N("BackupPage", "Dung lượng"))


class BackupPage(QWidget):
    restored = Signal(str)  # the data file was replaced: the app must reopen it (default: quit)

    def __init__(self, store: Store, user: UserInfo, folder: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.folder = Path(folder) if folder else accounts.default_folder(store)
        # Replaceable in tests: ask for a password (None = cancelled), confirm a question.
        self.confirm: Callable[[str], bool] = self._confirm
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Sao lưu – khôi phục</h2>")))
        note = QLabel(self.tr("Bản sao lưu được mã hóa bằng mật khẩu của người tạo; cần đúng mật khẩu đó để "
                              "khôi phục. Thư mục: %1").replace("%1", str(self.folder)))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Sao lưu ngay"))
        self.restore_button = QPushButton(self.tr("Khôi phục bản đã chọn…"))
        # Backups kept on a USB stick: the file dialogs open where the officer went last time.
        self.copy_button = QPushButton(self.tr("Chép bản đã chọn ra…"))
        self.copy_button.setToolTip(self.tr("Chép bản sao lưu đang chọn ra USB hoặc thư mục khác để cất giữ"))
        self.restore_file_button = QPushButton(self.tr("Khôi phục từ tệp khác…"))
        self.restore_file_button.setToolTip(self.tr("Chọn một bản sao lưu (.antqbak) trên USB hoặc thư mục khác"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.copy_button.clicked.connect(self.copy_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        for button in (self.backup_button, self.restore_button, self.copy_button, self.restore_file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        # Another unit's backup would replace this unit's data wholesale: only when ticked on purpose.
        self.other_unit = QCheckBox(self.tr("Tôi đồng ý khôi phục bản sao lưu của đơn vị khác (thay toàn bộ dữ liệu "
                                           "của đơn vị này)"))
        layout.addWidget(self.other_unit)
        is_admin = user.role == "admin"
        self.backup_button.setEnabled(is_admin)
        self.restore_button.setEnabled(is_admin)
        self.copy_button.setEnabled(is_admin)
        self.restore_file_button.setEnabled(is_admin)
        self.other_unit.setEnabled(is_admin)
        if not is_admin:
            self.status.setText(self.tr("Chỉ quản trị viên được sao lưu và khôi phục."))
        self.restored.connect(self._default_after_restore)
        self.refresh()

    @classmethod
    def from_context(cls, context: Any) -> BackupPage:
        return cls(context.store, context.user)

    def refresh(self) -> None:
        self.listing = accounts.list_backups(self.folder) if self.folder.exists() else []
        self.table.setRowCount(len(self.listing))
        for r, item in enumerate(self.listing):
            header = item.header
            values = (item.path.name, local_time_text(header.created_at) if header else "?",
                      header.username if header else self.tr("(không đọc được)"),
                      f"{item.size / 1024 / 1024:.1f} MB".replace(".", ","))
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Xác nhận"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _fail(self, title: str, exc: AntqError) -> None:
        self.status.setText(exc.message)
        QMessageBox.warning(self, title, exc.message)

    def back_up_now(self) -> Path | None:
        password = password_prompt.ask_password(self, self.tr("Nhập mật khẩu của bạn để mã hóa bản sao lưu:"),
                                                self.tr("Mật khẩu"))
        if not password:
            return None
        try:
            from antq_desktop.services import accounts

            accounts.sign_in(self.store, username=self.user.username, password=password)  # the right password
            key = BackupKey.derive(password)
            path = accounts.rolling_backup(self.store, self.folder, key, actor=self.user.username)
        except AntqError as exc:
            self._fail(self.tr("Chưa sao lưu được"), exc)
            return None
        self.status.setText(self.tr("Đã sao lưu và kiểm tra: %1").replace("%1", path.name))
        self.refresh()
        return path

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return self.listing[rows[0].row()].path if rows else None

    def copy_selected(self) -> Path | None:
        path = self.selected()
        if path is None:
            self.status.setText(self.tr("Hãy chọn một bản sao lưu trong danh sách."))
            return None
        name = file_dialogs.save_file(self, file_dialogs.BACKUPS, self.tr("Chép bản sao lưu ra"), path.name,
                                      self.tr("Bản sao lưu (*%1)").replace("%1", SUFFIX))
        if not name:
            return None
        target = Path(name if name.lower().endswith(SUFFIX) else f"{name}{SUFFIX}")
        try:
            shutil.copyfile(path, target)
        except OSError as exc:
            self._fail(self.tr("Chưa chép được"), AntqError(self.tr(
                "Không ghi được “%1”. Hãy kiểm tra USB còn chỗ trống và chưa bị rút, rồi chép lại.")
                .replace("%1", str(target)) + f" ({exc.strerror or exc})"))
            return None
        self.status.setText(self.tr("Đã chép bản sao lưu ra %1.").replace("%1", str(target)))
        return target

    def restore_from_file(self) -> bool:
        name = file_dialogs.open_file(self, file_dialogs.BACKUPS, self.tr("Chọn bản sao lưu để khôi phục"),
                                      self.tr("Bản sao lưu (*%1)").replace("%1", SUFFIX))
        return self.restore_file(Path(name)) if name else False

    def restore_selected(self) -> bool:
        path = self.selected()
        if path is None:
            self.status.setText(self.tr("Hãy chọn một bản sao lưu trong danh sách."))
            return False
        return self.restore_file(path)

    def restore_file(self, path: Path) -> bool:
        question = self.tr("Khôi phục “%1”? Dữ liệu hiện tại sẽ được thay bằng bản sao lưu này (dữ liệu hiện tại "
                           "được giữ lại thành một bản sao lưu riêng). Chương trình sẽ đóng sau khi khôi phục."
                           ).replace("%1", path.name)
        if not self.confirm(question):
            return False
        password = password_prompt.ask_password(self, self.tr("Mật khẩu của người đã tạo bản sao lưu:"),
                                                self.tr("Mật khẩu"))
        if not password:
            return False
        db_path = self.store.sqlite_path
        if db_path is None:
            self._fail(self.tr("Không khôi phục được"), AntqError("Chỉ khôi phục được dữ liệu dạng tệp SQLite."))
            return False
        other_unit = self.other_unit.isChecked()
        try:
            accounts.check_unit(db_path, accounts.read_header(path).unit_code, other_unit=other_unit)
            accounts.verify_backup(path, password)  # refuse before closing anything
            self.store.close()
            result = accounts.restore_backup(db_path, path, password, keep_folder=self.folder,
                                             username=self.user.username, other_unit=other_unit)
        except accounts.OtherUnitError as exc:
            hint = self.tr("Nếu đúng là cần vậy, hãy đánh dấu ô “%1” rồi khôi phục lại.").replace(
                "%1", self.other_unit.text())
            self._fail(self.tr("Không khôi phục được"), AntqError(f"{exc.message} {hint}"))
            return False
        except AntqError as exc:
            self._fail(self.tr("Không khôi phục được"), exc)
            return False
        message = self.tr("Đã khôi phục bản sao lưu ngày %1. Dữ liệu trước đó được giữ ở %2.").replace(
            "%1", local_time_text(result.header.created_at)).replace("%2", result.kept.name if result.kept else "—")
        self.status.setText(message)
        self.restored.emit(message)
        return True

    def _default_after_restore(self, message: str) -> None:
        # The open store object now points at a replaced file: reopening the app is the only safe path.
        app = QApplication.instance()
        if app is not None and not getattr(self, "keep_running_after_restore", False):
            QMessageBox.information(self, self.tr("Đã khôi phục"), message + " " +
                                    self.tr("Chương trình sẽ đóng; hãy mở lại."))
            app.quit()
