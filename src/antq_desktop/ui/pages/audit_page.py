"""Nhật ký thao tác: the audit trail with filters, paging and Excel export (admins only)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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
from antq_desktop.ui.audit_labels import tr_audit
from antq_desktop.ui.i18n import N
from antq_desktop.ui.widgets.date_field import DateField

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
        # Typed dd/MM/yyyy like every other date of the app; a typed date ticks its box, so what is
        # shown is what filters.
        self.use_since, self.since = QCheckBox(self.tr("Từ ngày")), self._date(self.tr("Từ ngày"))
        self.use_until, self.until = QCheckBox(self.tr("Đến ngày")), self._date(self.tr("Đến ngày"))
        for check, field in ((self.use_since, self.since), (self.use_until, self.until)):
            field.edit.textEdited.connect(lambda text, c=check: c.setChecked(bool(text.strip())))
            field.edit.returnPressed.connect(self.apply_filters)
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
        top = Qt.AlignmentFlag.AlignTop  # a date's red message opens below it without moving its row
        grid.addWidget(self.use_since, 1, 0, top)
        grid.addWidget(self.since, 1, 1, top)
        grid.addWidget(self.use_until, 1, 2, top)
        grid.addWidget(self.until, 1, 3, top)
        grid.addWidget(self.text, 1, 4, top)
        buttons = QHBoxLayout()
        buttons.addWidget(apply)
        buttons.addWidget(self.export_button)
        grid.addLayout(buttons, 1, 5, top)
        return grid

    def _combo(self, values: list[str], labels: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Tất cả"), None)
        for value in values:
            combo.addItem(tr_audit(labels.get(value, value)), value)
        return combo

    def _date(self, name: str) -> DateField:
        field = DateField(optional=True)
        field.set_date(date.today())
        field.setAccessibleName(name)
        field.edit.setMaximumWidth(110)
        return field

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

    def date_problem(self) -> str | None:
        """Why a ticked date cannot filter (not a date, or left blank), shown under it; None when both can."""
        found = None
        for check, field in ((self.use_since, self.since), (self.use_until, self.until)):
            problem = field.problem() if check.isChecked() else None
            if problem is None and check.isChecked() and field.date() is None:
                problem = self.tr("Hãy nhập ngày, ví dụ 15/03/2026, hoặc bỏ dấu chọn ô này.")
            field.error.show_message(problem)
            if problem is None and check.isChecked():
                field.check()  # 15032026 is shown as 15/03/2026: what is shown is what filters
            found = found or problem
        return found

    def current_filter(self) -> accounts.AuditFilter:
        def day(check: QCheckBox, field: DateField) -> date | None:
            return field.date() if check.isChecked() and field.problem() is None else None

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
        self._show_chain(accounts.chain_check(self.store))
        if self.date_problem():  # the red message under the date says what to type; the list stays as it was
            return
        try:
            page = accounts.query(self.store, self.current_filter(), offset=self.offset, limit=PAGE_SIZE)
        except AntqError as exc:
            QMessageBox.warning(self, self.tr("Bộ lọc chưa hợp lệ"), exc.message)
            return
        self.page = page
        self.table.setRowCount(len(page.rows))
        names = accounts.names_for(self.store, page.rows)
        for r, row in enumerate(page.rows):
            values = (local_time_text(row.at, seconds=True), row.actor, tr_audit(row.action_label),
                      tr_audit(row.record_type_label),
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

    def _show_chain(self, check: accounts.ChainCheck) -> None:
        if check.ok:
            sentence = self.tr("Chuỗi nhật ký nguyên vẹn. Mã đầu chuỗi: %1…").replace("%1", check.head[:16])
        else:
            sentence = (self.tr("Nhật ký đã bị sửa hoặc xóa ở %1 chỗ (đầu tiên: %2). Hãy báo ngay cho cấp trên và "
                                "khôi phục từ bản sao lưu.").replace("%1", str(check.problems))
                        .replace("%2", check.first_problem))
        self.status.setText(sentence)
        self.status.setStyleSheet("" if check.ok else colours.text_style("error", "font-weight: bold;"))

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
        if self.date_problem():  # never export a different period than the one shown
            QMessageBox.warning(self, self.tr("Không xuất được nhật ký"),
                                self.tr("Ngày lọc chưa đúng. Hãy sửa ô ngày có chữ đỏ rồi bấm “Xuất Excel…” lại."))
            return None
        try:
            count = accounts.export_xlsx(self.store, path, self.current_filter(), actor=self.user.username)
        except AntqError as exc:
            QMessageBox.warning(self, self.tr("Không xuất được nhật ký"), exc.message)
            return None
        self.refresh()
        self.status.setText(self.tr("Đã xuất %1 dòng nhật ký ra %2.").replace("%1", str(count))
                            .replace("%2", str(path)))
        return count
