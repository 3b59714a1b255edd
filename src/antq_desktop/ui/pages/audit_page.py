"""Nhật ký thao tác: the audit trail with filters, paging and Excel export (admins only)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
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
from antq_desktop.services.accounts import UserInfo
from antq_desktop.storage.db import Store
from antq_desktop.ui import colours, file_dialogs
from antq_desktop.ui.choice_labels import tr_choice
from antq_desktop.ui.i18n import N

PAGE_SIZE = 200
RECORD_COLUMN = 4
COLUMNS = (N("AuditPage", "Thời điểm"), N("AuditPage", "Người thực hiện"), N("AuditPage", "Thao tác"),
           N("AuditPage", "Loại bản ghi"), N("AuditPage", "Bản ghi"), N("AuditPage", "Nội dung thay đổi"))


class AuditPage(QWidget):
    def __init__(self, store: Store, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user, self.offset = store, user, 0
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Nhật ký thao tác</h2>")))
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        if user.role != "admin":
            self.status.setText(self.tr("Chỉ quản trị viên xem được nhật ký thao tác. Hãy nhờ quản trị viên."))
            layout.addStretch(1)
            self.table = None
            return
        layout.addLayout(self._filters())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._pager())
        self.refresh()

    @classmethod
    def from_context(cls, context: Any) -> AuditPage:
        return cls(context.store, context.user)

    def _filters(self) -> QGridLayout:
        grid = QGridLayout()
        choices = accounts.choices(self.store)
        self.actor = self._combo(choices["actor"], {})
        self.action = self._combo(choices["action"], accounts.ACTION_LABELS)
        self.record_type = self._combo(choices["record_type"], accounts.RECORD_TYPE_LABELS)
        # Long labels ("Cơ quan, doanh nghiệp, trường học") must not widen the page past a laptop screen.
        self.record_type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.record_type.setMinimumContentsLength(10)
        self.use_since, self.since = QCheckBox(self.tr("Từ ngày")), self._date()
        self.use_until, self.until = QCheckBox(self.tr("Đến ngày")), self._date()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Tìm trong nội dung, mã bản ghi…"))
        self.text.returnPressed.connect(self.apply_filters)
        apply = QPushButton(self.tr("Lọc"))
        apply.clicked.connect(self.apply_filters)
        self.export_button = QPushButton(self.tr("Xuất Excel…"))
        self.export_button.clicked.connect(self._ask_export)
        for column, (label, widget) in enumerate([(self.tr("Người thực hiện"), self.actor),
                                                  (self.tr("Thao tác"), self.action),
                                                  (self.tr("Loại bản ghi"), self.record_type)]):
            grid.addWidget(QLabel(label), 0, column * 2)
            grid.addWidget(widget, 0, column * 2 + 1)
        grid.addWidget(self.use_since, 1, 0)
        grid.addWidget(self.since, 1, 1)
        grid.addWidget(self.use_until, 1, 2)
        grid.addWidget(self.until, 1, 3)
        grid.addWidget(self.text, 1, 4)
        buttons = QHBoxLayout()
        buttons.addWidget(apply)
        buttons.addWidget(self.export_button)
        grid.addLayout(buttons, 1, 5)
        return grid

    def _combo(self, values: list[str], labels: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Tất cả"), None)
        for value in values:
            combo.addItem(tr_choice(labels.get(value, value)), value)
        return combo

    def _date(self) -> QDateEdit:
        edit = QDateEdit(QDate.currentDate())
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        return edit

    def _pager(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.previous = QPushButton(self.tr("‹ Trang trước"))
        self.next = QPushButton(self.tr("Trang sau ›"))
        self.position = QLabel()
        self.previous.clicked.connect(lambda: self._move(-PAGE_SIZE))
        self.next.clicked.connect(lambda: self._move(PAGE_SIZE))
        row.addWidget(self.previous)
        row.addWidget(self.position, 1, Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.next)
        return row

    def current_filter(self) -> accounts.AuditFilter:
        def day(check: QCheckBox, edit: QDateEdit) -> date | None:
            return edit.date().toPython() if check.isChecked() else None  # type: ignore[return-value]

        return accounts.AuditFilter(actor=self.actor.currentData(), action=self.action.currentData(),
                                     record_type=self.record_type.currentData(),
                                     since=day(self.use_since, self.since), until=day(self.use_until, self.until),
                                     text=self.text.text().strip() or None)

    def apply_filters(self) -> None:
        self.offset = 0
        self.refresh()

    def _move(self, step: int) -> None:
        self.offset = max(0, self.offset + step)
        self.refresh()

    def refresh(self) -> None:
        if self.table is None:
            return
        ok, sentence = accounts.chain_status(self.store)
        self.status.setText(sentence)
        self.status.setStyleSheet("" if ok else colours.text_style("error", "font-weight: bold;"))
        try:
            page = accounts.query(self.store, self.current_filter(), offset=self.offset, limit=PAGE_SIZE)
        except AntqError as exc:
            QMessageBox.warning(self, self.tr("Bộ lọc chưa hợp lệ"), exc.message)
            return
        self.page = page
        self.table.setRowCount(len(page.rows))
        names = accounts.names_for(self.store, page.rows)
        for r, row in enumerate(page.rows):
            values = (local_time_text(row.at, seconds=True), row.actor, row.action_label, row.record_type_label,
                      names.get(row.record_id or "", row.record_id or ""), row.summary(names))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == RECORD_COLUMN and row.record_id:
                    item.setToolTip(row.record_id)  # the id stays findable (the search box matches it)
                self.table.setItem(r, c, item)
        last = page.offset + len(page.rows)
        self.position.setText(self.tr("%1–%2 trên %3 mục").replace("%1", str(page.offset + 1 if page.rows else 0))
                              .replace("%2", str(last)).replace("%3", f"{page.total:,}".replace(",", ".")))
        self.previous.setEnabled(page.offset > 0)
        self.next.setEnabled(last < page.total)

    def export_excel(self) -> None:
        """Tệp → Xuất… on this page (the same as its "Xuất Excel…" button)."""
        self._ask_export()

    def _ask_export(self) -> None:
        name = file_dialogs.save_file(self, file_dialogs.EXCEL, self.tr("Xuất nhật ký ra Excel"),
                                      "nhat-ky-thao-tac.xlsx",
                                              self.tr("Tệp Excel (*.xlsx)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> int | None:
        """Export the filtered trail; errors (full disk…) are shown, never raised."""
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        try:
            count = accounts.export_xlsx(self.store, path, self.current_filter(), actor=self.user.username)
        except AntqError as exc:
            QMessageBox.warning(self, self.tr("Không xuất được nhật ký"), exc.message)
            return None
        self.refresh()
        self.status.setText(self.tr("Đã xuất %1 dòng nhật ký ra %2.").replace("%1", str(count))
                            .replace("%2", str(path)))
        return count
