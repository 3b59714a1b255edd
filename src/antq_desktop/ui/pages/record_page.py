"""The common record page: search, filters, a lazily loaded table, add / edit / delete / undo.

A page for one record type is a subclass that declares its columns, form fields and filters
(see areas_page.py and its siblings). Every change goes through `services.records`; deletions are
soft and can be undone with "Hoàn tác" (Ctrl+Z).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services.changes import Changes
from antq_desktop.services.records import ListQuery
from antq_desktop.ui import colours
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.errors import run_undo
from antq_desktop.ui.pages.record_actions import RecordActions, tr_page
from antq_desktop.ui.table_model import Column, RecordTableModel, format_count
from antq_desktop.ui.widgets.fields import FieldSpec
from antq_desktop.ui.widgets.flow_layout import FlowLayout, flow_row

_SELECT_ROWS = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows


def _feature(module: str) -> bool:
    """Whether an optional feature module is installed (pages work without it)."""
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def fitted_widths(wanted: list[int], available: int, floors: list[int]) -> list[int]:
    """Column widths that fit `available` pixels: each column keeps its floor (what its header needs
    on two lines, its short cells such as dates whole) and the wide ones share what is left in
    proportion to what they lose; only when even the floors do not fit is every column narrowed."""
    if sum(wanted) <= available:
        return list(wanted)
    floors = [min(f, w) for f, w in zip(floors, wanted, strict=True)]
    if sum(floors) >= available:
        return [max(1, f * available // sum(floors)) for f in floors]
    extra = [w - f for w, f in zip(wanted, floors, strict=True)]
    room = available - sum(floors)
    return [f + e * room // sum(extra) for f, e in zip(floors, extra, strict=True)]


def content_widths(defaults: list[int], content: list[int], available: int, floors: list[int]) -> list[int]:
    """Widths for a table narrower than its default widths: a column never wants more than its content
    needs (an empty phone column shrinks to its title) and the room saved goes to columns whose text
    is cut ("Tổ dân phố số 12" whole); what is still left goes to the last, stretched column. When even
    the contents do not fit, fitted_widths shares the shortage."""
    if sum(defaults) <= available:
        return list(defaults)
    needs = [max(c, f) for c, f in zip(content, floors, strict=True)]
    wanted = [min(d, n) for d, n in zip(defaults, needs, strict=True)]
    spare = available - sum(wanted)
    short = [n - w for n, w in zip(needs, wanted, strict=True)]
    if spare > 0 and sum(short) > 0:
        share = min(1.0, spare / sum(short))
        wanted = [w + int(s * share) for w, s in zip(wanted, short, strict=True)]
    return fitted_widths(wanted, available, floors)


class _WrappingTitlesModel(RecordTableModel):
    """Column titles wrap onto a second line when the page narrows a column (see fit_columns).

    Through the model, not QHeaderView.setDefaultAlignment: Qt refuses to restore a saved header
    state whose default alignment carries the word-wrap flag, and the officer's widths would be lost.
    """

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802  # Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap.value)
        return super().headerData(section, orientation, role)


@dataclass(frozen=True)
class Restriction:
    """A filter the filter row has no box for, set from elsewhere (the dashboard's to-do list) and
    shown as a chip above the table until the officer clears it."""

    key: str  # a ListQuery.filters key that takes the working year (unregistered_in, unpledged_in)
    label: str  # Vietnamese source text in context "RecordPages"; %1 is the year


@dataclass(frozen=True)
class FilterSpec:
    key: str  # a ListQuery.filters key (area_id, org_type, status, subject_kind, kind…)
    label: str  # Vietnamese source text: the "all" entry, e.g. "Mọi khu dân cư"
    choices: Callable[[AppContext], dict[str, str]]


class RecordPage(RecordActions, QWidget):
    record_type = ""
    heading = ""  # Vietnamese source text
    search_hint = "Tìm theo tên (gõ có dấu hoặc không dấu)"
    columns: list[Column] = []
    fields: list[FieldSpec] = []
    filters: list[FilterSpec] = []
    uses_year = False
    related_types: tuple[str, ...] = ()  # other record types whose changes show on this page
    new_title = "Thêm bản ghi"
    edit_title = "Sửa bản ghi"
    excel_import = False  # the Excel import wizard handles this record type
    print_actions: tuple[tuple[str, str], ...] = ()  # (form kind, button text) printable from a selected row

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stale = False
        self.model = _WrappingTitlesModel(context.store, self.record_type, self.columns, self)
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{tr_page(self.heading)}</h2>")
        title.setWordWrap(True)  # a long heading wraps rather than widening the window
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        heading = QHBoxLayout()
        heading.addWidget(title, 1)
        heading.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(heading)
        layout.addWidget(self._build_filter_row())
        self.restriction: Restriction | None = None
        self._preset: dict[str, Any] | None = None
        layout.addWidget(self._build_restriction_chip())
        layout.addWidget(self._build_button_row())
        self.table = self._build_table()
        layout.addWidget(self.table, 1)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(150)  # debounce: one query after the officer pauses typing
        self.search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self.search_timer.start())
        context.events.changed.connect(self._on_changes)
        context.events.year_changed.connect(lambda _y: self._on_data_changed(self.record_type if self.uses_year
                                                                             else "-"))
        context.undo.changed.connect(self._update_undo_button)
        self.refresh()
        self._restore_layout()
        self._update_undo_button()

    # ---- building ----

    def _build_filter_row(self) -> QWidget:
        # A flow too: the search box takes the room left, the filters wrap below it when narrow.
        holder, row = flow_row(self)
        holder.setObjectName("filter_row")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setPlaceholderText(tr_page(self.search_hint) + " — Ctrl+F")
        self.search_edit.setToolTip(tr_page(self.search_hint))  # the placeholder is cut on narrow screens
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(200)
        row.addWidget(self.search_edit)
        self.filter_boxes: dict[str, QComboBox] = {}
        for spec in self.filters:
            box = QComboBox()
            box.setObjectName(f"filter_{spec.key}")
            # Long entries ("Cơ quan, doanh nghiệp, trường học") must not squeeze the search box on a laptop.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(14)
            self.filter_boxes[spec.key] = box
            self._fill_filter(spec, box)
            box.currentIndexChanged.connect(lambda _i: self.refresh())
            row.addWidget(box)
        return holder

    def _build_restriction_chip(self) -> QFrame:
        self.restriction_chip = QFrame()
        self.restriction_chip.setObjectName("restriction_chip")
        self.restriction_chip.setStyleSheet(colours.box_style("chip", "QFrame#restriction_chip")
                                            + f" QFrame#restriction_chip QLabel {{ color: {colours.box('chip')[1]}; }}")
        row = QHBoxLayout(self.restriction_chip)
        row.setContentsMargins(8, 2, 2, 2)
        self.restriction_label = QLabel()
        self.restriction_label.setObjectName("restriction_label")
        self.restriction_label.setWordWrap(True)
        clear = QToolButton()
        clear.setObjectName("clear_restriction_button")
        clear.setText(tr_page("✕ Bỏ lọc"))
        clear.setToolTip(tr_page("Bỏ điều kiện lọc này, hiện lại toàn bộ danh sách"))
        clear.setAutoRaise(True)
        clear.clicked.connect(self.clear_restriction)
        row.addWidget(self.restriction_label, 1)
        row.addWidget(clear)
        self.restriction_chip.hide()
        return self.restriction_chip

    def show_only(self, restriction: Restriction | None = None, **filters: Any) -> None:
        """Show exactly some records: the search is cleared, the filter boxes set to `filters` (others to
        "all") and `restriction` shown as a chip the officer can clear."""
        self.search_timer.stop()
        for box in (self.search_edit, *self.filter_boxes.values()):
            box.blockSignals(True)
        self.search_edit.clear()
        for key, box in self.filter_boxes.items():
            box.setCurrentIndex(max(0, box.findData(filters.get(key))))
        for box in (self.search_edit, *self.filter_boxes.values()):
            box.blockSignals(False)
        self.restriction = restriction
        self.refresh()

    def clear_restriction(self) -> None:
        self.restriction = None
        self.refresh()

    def _show_restriction(self) -> None:
        if self.restriction is None:
            self.restriction_chip.hide()
            return
        text = tr_page(self.restriction.label).replace("%1", str(self.context.year))
        self.restriction_label.setText(tr_page("Đang lọc: %1").replace("%1", text))
        self.restriction_chip.show()

    def new_record_with(self, values: dict[str, Any]) -> None:
        """The new-record dialog with some fields filled in (e.g. the area to register)."""
        self._preset = dict(values)
        try:
            self.new_record()
        finally:
            self._preset = None

    def default_values(self) -> dict[str, Any]:
        return {**super().default_values(), **(self._preset or {})}

    def _fill_filter(self, spec: FilterSpec, box: QComboBox) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(tr_page(spec.label), None)
        for value, label in spec.choices(self.context).items():
            box.addItem(tr_page(label), value)
        box.setCurrentIndex(max(0, box.findData(current)))
        box.blockSignals(False)

    def _build_button_row(self) -> QWidget:
        # A flow, not a row: on a 1,024 × 768 laptop the buttons wrap instead of widening the window.
        holder, row = flow_row(self)
        holder.setObjectName("button_row")
        self.button_row = row
        self.add_button = self._button(row, "add_button", "Thêm mới", self.new_record, "Ctrl+N")
        self.edit_button = self._button(row, "edit_button", "Sửa", self.open_selected, "Enter")
        self.delete_button = self._button(row, "delete_button", "Xóa", self.delete_selected, "Delete")
        self.undo_button = self._button(row, "undo_button", "Hoàn tác", lambda: run_undo(self.context, self),
                                        "Ctrl+Z")
        self.action_buttons = [self.add_button, self.delete_button, self.undo_button]
        for button in self.extra_buttons():
            row.addWidget(button)
            self.action_buttons.append(button)
        if self.excel_import and _feature("antq_desktop.ui.excel.import_wizard"):
            self.action_buttons.append(self._button(row, "import_button", "Nhập từ Excel…", self.import_excel,
                                                    tr_page("tệp .xlsx")))
        if _feature("antq_desktop.ui.excel.export"):
            self.export_button = self._button(row, "export_button", "Xuất Excel", self.export_excel, "Ctrl+E",
                                              trailing=True)
            QShortcut(QKeySequence("Ctrl+E"), self, self.export_excel,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for kind, label in self.print_actions:  # printing is reading: read-only accounts may print too
            button = self._button(row, f"print_{kind}_button", label,
                                  lambda _checked=False, k=kind: self.print_selected(k), "", trailing=True)
            button.setToolTip(tr_page("In bản của dòng đang chọn, xem trước rồi in"))
        if not self.context.can_write:  # read-only accounts see the data, not the changes
            for button in self.action_buttons:
                button.hide()
            self.edit_button.setText(tr_page("Xem"))
        return holder

    def _button(self, row: FlowLayout, name: str, text: str, slot: Callable[..., Any], keys: str, *,
                trailing: bool = False) -> QPushButton:
        button = QPushButton(tr_page(text))
        button.setObjectName(name)
        button.setToolTip(f"{tr_page(text)} ({keys})")
        button.clicked.connect(slot)
        if trailing:  # export and print sit at the right end while the row fits on one line
            row.add_trailing(button)
        else:
            row.addWidget(button)
        return button

    def print_selected(self, kind: str) -> None:
        """Preview and print the selected record's form (ui/pages/print_page.print_record)."""
        rows = self.selected_rows()
        if not rows:
            QMessageBox.information(self, tr_page("In biểu mẫu"), tr_page("Hãy chọn một dòng trong danh sách để in."))
            return
        from antq_desktop.ui.pages.print_page import print_record

        row = rows[0]
        print_record(self.context, self, self.print_kind(kind, row), row["id"], int(row.get("year") or
                                                                                   self.context.year))

    def print_kind(self, kind: str, row: dict[str, Any]) -> str:
        """The form a row prints as; a page may choose by the row (a pledge or a covenant)."""
        return kind

    def extra_buttons(self) -> list[QPushButton]:
        """Bulk actions of a page (only shown to accounts that may write)."""
        return []

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("records_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(lambda col, order: self.model.sort(col, order))
        header.setStretchLastSection(True)
        for index, column in enumerate(self.columns):
            table.setColumnWidth(index, column.width)
        self._columns_sized_by_user = False
        self._fitting_columns = False
        header.sectionResized.connect(self._on_section_resized)
        self._one_line_header_height = header.sizeHint().height()
        table.verticalHeader().setDefaultSectionSize(26)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.doubleClicked.connect(lambda _i: self.open_selected())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), table, self.open_selected, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table, self._delete_if_allowed,
                  context=Qt.ShortcutContext.WidgetShortcut)
        # Qt's Ctrl+End stops at the last row loaded (500 of 20,000): go to the real last row.
        QShortcut(QKeySequence(QKeySequence.StandardKey.MoveToEndOfDocument), table, self.go_to_last_row,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.model.modelReset.connect(self._update_count)
        return table

    # ---- querying ----

    def build_query(self) -> ListQuery:
        filters = {key: box.currentData() for key, box in self.filter_boxes.items() if box.currentData()}
        self._show_restriction()
        if self.restriction is not None:
            filters[self.restriction.key] = self.context.year
        return ListQuery(search=self.search_edit.text(), year=self.context.year if self.uses_year else None,
                         filters=filters, order_by=self.model.query.order_by,
                         descending=self.model.query.descending)

    def refresh(self, keep_position: bool = False) -> None:
        """Re-query; after an edit (`keep_position`) the loaded rows, selection and scroll stay."""
        self.stale = False
        query = self.build_query()
        if not keep_position or query != self.model.query:
            self.model.set_query(query)
            return
        scroll = self.table.verticalScrollBar().value()
        selected = [row["id"] for row in self.selected_rows()]
        self.model.reload(keep_loaded=True)
        self.table.verticalScrollBar().setValue(scroll)
        for record_id in selected:
            row = self.model.row_of(record_id)
            if row is not None:
                self.table.selectionModel().select(self.model.index(row, 0), _SELECT_ROWS)

    def _update_count(self) -> None:
        self.count_label.setText(tr_page("%1 bản ghi").replace("%1", format_count(self.model.total)))

    def _on_changes(self, changes: Changes) -> None:
        """From the one hook: redraw when this page's kind or a related one was touched."""
        if changes.everything or changes.kinds & {self.record_type, *self.related_types}:
            self._on_data_changed(self.record_type)

    def _on_data_changed(self, record_type: str) -> None:
        if record_type in ("", self.record_type, *self.related_types):
            for spec in self.filters:
                self._fill_filter(spec, self.filter_boxes[spec.key])
            if self.isVisible():
                self.refresh(keep_position=True)
            else:
                self.stale = True

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override
        if self.stale:
            self.refresh()
        super().showEvent(event)
        self.fit_columns()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override
        super().resizeEvent(event)
        self.fit_columns()

    # ---- column widths ----

    MIN_COLUMN_WIDTH = 48
    SHORT_CELL_WIDTH = 130  # cells up to this wide (dates, kinds, statuses, "Tổ dân phố số 12") are kept whole

    def fit_columns(self) -> None:
        """Until the officer sizes a column, the default widths shrink to fit the table (no sideways
        scrolling on a 1,024-pixel laptop), headers wrapping onto two lines, and return to the
        defaults when there is room."""
        if self._columns_sized_by_user or not self.columns:
            return
        available = self.table.viewport().width()
        if available <= 0:
            return
        header = self.table.horizontalHeader()
        content = [self.table.sizeHintForColumn(index) for index in range(len(self.columns))]
        # Short cells are kept whole; long free text (names, addresses) may be cut to its title's width.
        floors = [max(self.MIN_COLUMN_WIDTH, self._two_line_header_width(index),
                      content[index] if content[index] <= self.SHORT_CELL_WIDTH else 0)
                  for index in range(len(self.columns))]
        widths = content_widths([column.width for column in self.columns], content, available, floors)
        self._fitting_columns = True
        try:
            for index, width in enumerate(widths):
                self.table.setColumnWidth(index, width)
        finally:
            self._fitting_columns = False
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 2
        wrapped = any(width < self._header_text_width(index) + margin for index, width in enumerate(widths))
        header.setMinimumHeight(self._one_line_header_height + header.fontMetrics().lineSpacing() if wrapped
                                else 0)

    def _header_text_width(self, index: int) -> int:
        header = self.table.horizontalHeader()
        return header.fontMetrics().horizontalAdvance(str(self.model.headerData(index, Qt.Orientation.Horizontal)
                                                          or ""))

    def _two_line_header_width(self, index: int) -> int:
        """The narrowest width showing a column's title on at most two lines (broken at a space)."""
        header = self.table.horizontalHeader()
        title = str(self.model.headerData(index, Qt.Orientation.Horizontal) or "")
        metrics = header.fontMetrics()
        words = title.split(" ")
        best = metrics.horizontalAdvance(title)
        for cut in range(1, len(words)):
            best = min(best, max(metrics.horizontalAdvance(" ".join(words[:cut])),
                                 metrics.horizontalAdvance(" ".join(words[cut:]))))
        # what Qt adds around the text: margins and the sort arrow
        padding = header.sectionSizeHint(index) - metrics.horizontalAdvance(title)
        return best + max(0, padding)

    def _on_section_resized(self, _index: int, _old: int, _new: int) -> None:
        header = self.table.horizontalHeader()
        # Qt resizes the stretched last section itself; only other changes are the officer's.
        if not self._fitting_columns and _index != header.count() - 1:
            self._columns_sized_by_user = True

    # ---- selection ----

    def go_to_last_row(self) -> None:
        """Ctrl+End: load the rest of the list (in the model's growing pages) and select its last row."""
        if self.model.canFetchMore():
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                while self.model.canFetchMore():
                    self.model.fetchMore()
            finally:
                QApplication.restoreOverrideCursor()
        last = self.model.rowCount() - 1
        if last >= 0:
            index = self.model.index(last, 0)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)

    def selected_rows(self) -> list[dict[str, Any]]:
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [self.model.row_at(i.row()) for i in sorted(indexes, key=lambda i: i.row())]

    def select_record(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            # Not selectRow(): with Ctrl held it toggles, and would deselect a row already selected.
            index = self.model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)

    def describe(self, row: dict[str, Any]) -> str:
        """How a record is named in confirmations and undo messages."""
        return str(row.get("name") or row.get("head_name") or row.get("title") or "")

    # ---- layout memory ----

    def _settings_key(self) -> str:
        return f"pages/{self.record_type}/header"

    def _restore_layout(self) -> None:
        settings = QSettings()
        state = settings.value(self._settings_key())
        # Widths saved before the flag existed were the officer's own (no flag: True).
        if state is not None and settings.value(self._settings_key() + "_by_user", True, type=bool):
            self._columns_sized_by_user = True
            header = self.table.horizontalHeader()
            header.blockSignals(True)  # widths only; the list keeps its default order
            header.restoreState(state)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)

    def save_layout(self) -> None:
        settings = QSettings()
        if self._columns_sized_by_user:  # widths fitted to the window are not worth remembering
            settings.setValue(self._settings_key(), self.table.horizontalHeader().saveState())
        settings.setValue(self._settings_key() + "_by_user", self._columns_sized_by_user)
