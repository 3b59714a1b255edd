"""Tổng quan: the year's targets, counts, pledge coverage per area, assessment results and what is left to do."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.errors import AntqError
from antq_desktop.storage.db import Store

if TYPE_CHECKING:
    from antq_desktop.services import office
from antq_desktop.ui.formatting import format_date, format_int, format_percent, format_threshold
from antq_desktop.ui.i18n import QT_TRANSLATE_NOOP
from antq_desktop.ui.widgets.charts import LEVEL_COLORS, MET_COLOR, NOT_MET_COLOR, bar_chart, percent_bar, pie_chart
from antq_desktop.ui.widgets.charts import status_label as make_status_label

# Indicator and level labels are data (resources/); listed here so that lupdate extracts them.
_DATA_LABELS = (
    QT_TRANSLATE_NOOP("Indicators", "Khu dân cư đăng ký phấn đấu đạt chuẩn"),
    QT_TRANSLATE_NOOP("Indicators", "Cơ quan, cơ sở giáo dục đăng ký phấn đấu đạt chuẩn"),
    QT_TRANSLATE_NOOP("Indicators", "Doanh nghiệp đăng ký phấn đấu đạt chuẩn"),
    QT_TRANSLATE_NOOP("Indicators", "Khu dân cư, xã, cơ quan, doanh nghiệp, trường học đăng ký"),
    QT_TRANSLATE_NOOP("Indicators", "Khu dân cư đạt chuẩn “An toàn về ANTT”"),
    QT_TRANSLATE_NOOP("Indicators", "Đơn vị đạt chuẩn “An toàn về ANTT”"),
    QT_TRANSLATE_NOOP("Indicators", "Doanh nghiệp đã đăng ký được công nhận đạt chuẩn"),
    QT_TRANSLATE_NOOP("Indicators", "Phong trào xếp loại Khá trở lên"),
    QT_TRANSLATE_NOOP("Indicators", "Hộ gia đình ký cam kết"),
    QT_TRANSLATE_NOOP("Indicators", "Ban hành kế hoạch năm"),
    QT_TRANSLATE_NOOP("Indicators", "Xã có mô hình, điển hình tiên tiến"),
    QT_TRANSLATE_NOOP("Indicators", "Xã tổ chức Ngày hội toàn dân bảo vệ ANTQ"),
    QT_TRANSLATE_NOOP("Indicators", "Cơ quan, doanh nghiệp, trường học tổ chức Ngày hội"),
    QT_TRANSLATE_NOOP("Indicators", "Cán bộ, đảng viên, hội viên, học sinh, sinh viên được phổ biến, quán triệt"),
    QT_TRANSLATE_NOOP("Indicators", "Tổ bảo vệ ANTT ở cơ sở xếp loại hoàn thành nhiệm vụ trở lên"),
    QT_TRANSLATE_NOOP("Catalog", "Tốt"),
    QT_TRANSLATE_NOOP("Catalog", "Khá"),
    QT_TRANSLATE_NOOP("Catalog", "Trung bình"),
    QT_TRANSLATE_NOOP("Catalog", "Yếu"),
)


def _collect(store: Store, year: int) -> office.Dashboard:
    # Imported here, on the worker thread: the indicator modules are not needed to show the window.
    from antq_desktop.services import office

    return office.collect_dashboard(store, year)


def _clear(layout: QGridLayout | QHBoxLayout | QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def _open_import(context, parent: QWidget) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.ui.excel.import_wizard import open_import_wizard

    open_import_wizard(context, parent)


def _open_assessment(context, parent: QWidget, kind: str, subject_id: str | None) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.ui.pages.assessment_form import open_assessment_dialog

    open_assessment_dialog(context, parent, subject_kind=kind, subject_id=subject_id)


# What a to-do item opens, kept in the item (Qt.UserRole) as a tuple of plain values:
#   (UNREGISTERED_AREAS,)          the areas list, only the areas not registered this year
#   (REGISTER_AREA, area id)       the registrations page, a new registration of that area
#   (UNPLEDGED, area id or None)   the households list, only those without a signed pledge this year
#   (ASSESSMENTS,)                 the self-assessments list
#   (ASSESSMENT, kind, subject id) the self-assessment form of one unit
#   (CONFLICTS,)                   the import page, its unresolved conflicts
UNREGISTERED_AREAS, REGISTER_AREA, UNPLEDGED, ASSESSMENTS, ASSESSMENT, CONFLICTS = (
    "unregistered_areas", "register_area", "unpledged", "assessments", "assessment", "conflicts")

# The chips the record pages show (translated there, in context "RecordPages"); %1 is the year.
UNREGISTERED_CHIP = QT_TRANSLATE_NOOP("RecordPages", "khu dân cư chưa đăng ký năm %1")
UNPLEDGED_CHIP = QT_TRANSLATE_NOOP("RecordPages", "hộ chưa ký cam kết năm %1")


def open_todo(context, parent: QWidget, action: tuple[Any, ...]) -> QWidget | None:  # type: ignore[no-untyped-def]
    """Carry out a to-do item's action through the main window (context.extras["open_page"])."""
    from antq_desktop.ui.pages.record_page import Restriction

    open_page = context.extras.get("open_page")
    kind = action[0]
    if kind == ASSESSMENT:
        _open_assessment(context, parent, action[1], action[2])
        return None
    if open_page is None:
        return None
    if kind == UNREGISTERED_AREAS:
        page = open_page("areas")
        page.show_only(Restriction("unregistered_in", UNREGISTERED_CHIP))
    elif kind == REGISTER_AREA:
        page = open_page("registrations")
        page.show_only(subject_kind="area")
        if context.can_write:
            page.new_record_with({"subject_kind": "area", "area_id": action[1]})
    elif kind == UNPLEDGED:
        page = open_page("households")
        page.show_only(Restriction("unpledged_in", UNPLEDGED_CHIP), area_id=action[1])
    elif kind == CONFLICTS:
        page = open_page("import")
    else:
        page = open_page("assessments")
    return page


class DashboardPage(QWidget):
    """Read-only overview for one year; `refresh()` re-reads everything (in the background when a job
    runner is given: about a second per 50,000 households, mostly the indicator queries)."""

    import_button: QPushButton  # added by the page registry's factory for accounts that may write

    def __init__(self, store: Store, year: int | None = None, parent: QWidget | None = None, *,
                 jobs: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.year = year or date.today().year
        self.data: office.Dashboard | None = None
        # With a job runner the numbers are read off the GUI thread: with 200,000 households the
        # indicator queries take seconds, and the window must not wait for them.
        self.jobs = jobs
        self._generation = 0
        self.can_write = True
        # Set by from_context: carries out a to-do item's action (see open_todo); None: items open nothing.
        self.todo_handler: Any = None
        # (subject kind, subject id) -> opens the self-assessment form; before todo_handler for those items.
        self.open_assessment: Any = None
        outer = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("dashboard_title")
        refresh = QPushButton(self.tr("Làm mới"))
        refresh.setToolTip(self.tr("Đọc lại số liệu mới nhất từ cơ sở dữ liệu"))
        refresh.clicked.connect(self.refresh)
        self.busy = QLabel()
        header.addWidget(self.title, 1)
        header.addWidget(self.busy)
        header.addWidget(refresh)
        self.header = header
        outer.addLayout(header)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.body = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self._build_sections()
        self.refresh()

    @classmethod
    def from_context(cls, context) -> DashboardPage:  # type: ignore[no-untyped-def]
        """Factory for the main window's page registry: follows the selected year and data changes."""
        page = cls(context.store, context.year, jobs=context.jobs)
        page.todo_handler = lambda action: open_todo(context, page, action)
        page.open_assessment = lambda kind, subject_id: _open_assessment(context, page, kind, subject_id)
        page.can_write = context.can_write
        if context.can_write:
            # Also reachable from here, so officers find it on the first page they see.
            # QCoreApplication.translate, not page.tr: lupdate would take "page" for the context.
            page.import_button = QPushButton(QCoreApplication.translate("DashboardPage", "Nhập từ Excel…"))
            page.import_button.setToolTip(QCoreApplication.translate(
                "DashboardPage", "Nhập danh sách hộ gia đình, khu dân cư hoặc cơ quan từ tệp .xlsx"))
            page.import_button.clicked.connect(lambda: _open_import(context, page))
            page.header.insertWidget(1, page.import_button)
        context.events.year_changed.connect(page.set_year)
        context.events.changed.connect(lambda _changes: page.refresh_if_visible())  # any change: once per action
        return page

    def refresh_if_visible(self) -> None:
        """Data changed elsewhere: refresh now if shown, else on the next showEvent."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override
        if getattr(self, "_stale", False):
            self.refresh()
        super().showEvent(event)

    def _group(self, title: str, layout: QGridLayout | QHBoxLayout | QVBoxLayout) -> QGroupBox:
        box = QGroupBox(title)
        box.setLayout(layout)
        self.body.addWidget(box)
        return box

    def _build_sections(self) -> None:
        self.targets_grid = QGridLayout()
        self.targets_grid.setColumnStretch(0, 2)  # the target's name, wrapped when the screen is narrow
        self.targets_grid.setColumnStretch(1, 1)
        self._group(self.tr("Chỉ tiêu năm"), self.targets_grid)
        self.counts_row = QHBoxLayout()
        self._group(self.tr("Số liệu hiện có"), self.counts_row)
        todo_layout = QVBoxLayout()
        self.todo = QTreeWidget()
        self.todo.setHeaderLabels([self.tr("Việc cần làm"), self.tr("Chi tiết")])
        self.todo.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.todo.setMinimumHeight(220)
        self.todo.setObjectName("todo")
        self.todo.itemDoubleClicked.connect(lambda item, _column: self.activate_todo(item))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # the keyboard way, as in the record lists
            QShortcut(QKeySequence(key), self.todo, lambda: self.activate_todo(self.todo.currentItem()),
                      context=Qt.ShortcutContext.WidgetShortcut)
        todo_layout.addWidget(self.todo)
        self._group(self.tr("Việc cần làm"), todo_layout)
        coverage_layout = QVBoxLayout()
        self.coverage_table = QTableWidget(0, 5)
        self.coverage_table.setHorizontalHeaderLabels(
            [self.tr("Khu dân cư"), self.tr("Số hộ"), self.tr("Đã ký cam kết"), self.tr("Chưa ký"), self.tr("Tỷ lệ")])
        self.coverage_table.verticalHeader().setVisible(False)
        self.coverage_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.coverage_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.coverage_table.setMinimumHeight(200)
        coverage_layout.addWidget(self.coverage_table)
        self._group(self.tr("Hộ gia đình ký cam kết theo khu dân cư"), coverage_layout)
        self.charts_row = QHBoxLayout()
        self._group(self.tr("Kết quả tự đánh giá (bản đã nộp)"), self.charts_row)

    def set_year(self, year: int) -> None:
        self.year = int(year)
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._generation += 1
        self.title.setText(self.tr("<h2>Tổng quan năm %1</h2>").replace("%1", str(self.year)))
        if self.jobs is None:
            self.show_data(_collect(self.store, self.year))
            return
        generation, store, year = self._generation, self.store, self.year
        self.busy.setText(self.tr("Đang tính số liệu…"))
        job = self.jobs.start(lambda _progress, _cancel: _collect(store, year),
                              title=self.tr("Tổng quan"), parent=self, show_progress=False)
        job.succeeded.connect(lambda data: self._on_collected(generation, data))
        job.failed.connect(lambda exc: self._on_failed(generation, exc))

    def _on_collected(self, generation: int, data: office.Dashboard) -> None:
        if generation == self._generation:  # an older year's numbers arriving late are dropped
            self.show_data(data)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            message = exc.message if isinstance(exc, AntqError) else str(exc)
            self.busy.setText(self.tr("Không đọc được số liệu: %1. Bấm “Làm mới” để thử lại.").replace("%1", message))

    def show_data(self, data: office.Dashboard) -> None:
        self.data = data
        self.busy.clear()
        self._show_targets(data)
        self._show_counts(data)
        self._show_coverage(data)
        self._show_charts(data)
        self._show_todo(data)

    def _show_targets(self, data: office.Dashboard) -> None:
        _clear(self.targets_grid)
        if not data.targets:
            text = self.tr("Chưa có kế hoạch năm %1 với chỉ tiêu. Hãy vào “Kế hoạch – chỉ tiêu” để nhập "
                           "kế hoạch của đơn vị, hoặc nhận gói kế hoạch từ cấp trên.")
            hint = QLabel(text.replace("%1", str(data.year)))
            hint.setWordWrap(True)
            self.targets_grid.addWidget(hint, 0, 0, 1, 5)
            return
        for row, target in enumerate(data.targets):
            label = QCoreApplication.translate("Indicators", target.label)
            if target.extra:  # the unit's own target beside its office's plan: shown, not what it is measured by
                label += self.tr(" (chỉ tiêu riêng của đơn vị, thêm)")
            elif target.indicator in data.added_by:  # e.g. the cluster's, beside the province's plan
                label += self.tr(" (chỉ tiêu do %1 đặt thêm)").replace("%1", data.added_by[target.indicator])
            name = QLabel(label)
            name.setWordWrap(True)  # a long target name takes two lines rather than the page's width at 1,024
            self.targets_grid.addWidget(name, row, 0)
            self.targets_grid.addWidget(percent_bar(target.actual, bool(target.met)), row, 1)
            threshold = format_threshold(target.comparator, target.threshold)
            actual = format_percent(target.actual) if target.met is not None else self.tr("Chưa có số liệu")
            numbers = QLabel(f"{actual} / {threshold}")
            numbers.setObjectName(f"target_{target.indicator}")
            if target.actual is None:  # e.g. no briefing recorded this year: nothing to divide by
                numbers.setToolTip(self.tr("Chưa có số liệu của năm %1").replace("%1", str(data.year)))
            self.targets_grid.addWidget(numbers, row, 2)
            self.targets_grid.addWidget(QLabel(f"({format_int(target.numerator)}/{format_int(target.denominator)})"),
                                        row, 3)
            self.targets_grid.addWidget(self._target_status(target), row, 4)

    def _target_status(self, target: office.TargetStatus) -> QLabel:
        if target.met is None:  # nothing to measure yet: neither green nor red
            label = QLabel(self.tr("Chưa có số liệu"))
            label.setObjectName(f"target_status_{target.indicator}")
            return label
        label = make_status_label(target.met, self.tr("Đạt"), self.tr("Chưa đạt"))
        label.setObjectName(f"target_status_{target.indicator}")
        return label

    def _count_titles(self) -> dict[str, str]:
        return {"residential_areas": self.tr("Khu dân cư"), "organizations": self.tr("Cơ quan, DN, trường học"),
                "households": self.tr("Hộ gia đình"), "pledges": self.tr("Bản cam kết"),
                "registrations": self.tr("Đăng ký"), "assessments": self.tr("Tự đánh giá")}

    def _show_counts(self, data: office.Dashboard) -> None:
        _clear(self.counts_row)
        for key, title in self._count_titles().items():
            label = QLabel(f"<div align='center'><span style='font-size:18pt; font-weight:bold'>"
                           f"{format_int(data.counts.get(key, 0))}</span><br>{title}</div>")
            label.setObjectName(f"count_{key}")
            self.counts_row.addWidget(label, 1)

    def _show_coverage(self, data: office.Dashboard) -> None:
        table = self.coverage_table
        table.setRowCount(len(data.coverage))
        for row, area in enumerate(data.coverage):
            cells = [area.name, format_int(area.households), format_int(area.pledged), format_int(area.missing)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
            bar_cell = QWidget()
            bar_layout = QHBoxLayout(bar_cell)
            bar_layout.setContentsMargins(4, 2, 4, 2)
            bar_layout.addWidget(percent_bar(area.percent, area.missing == 0), 1)
            bar_layout.addWidget(QLabel(format_percent(area.percent)))
            table.setCellWidget(row, 4, bar_cell)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _show_charts(self, data: office.Dashboard) -> None:
        _clear(self.charts_row)
        outcomes = {self.tr("Đạt"): data.outcomes.get("dat", 0), self.tr("Chưa đạt"): data.outcomes.get("chua_dat", 0)}
        levels = {QCoreApplication.translate("Catalog", label): count for label, count in data.levels.items()}
        self.outcome_chart = pie_chart(self.tr("Kết quả đạt chuẩn"), outcomes, (MET_COLOR, NOT_MET_COLOR))
        self.level_chart = bar_chart(self.tr("Xếp loại phong trào"), levels, LEVEL_COLORS)
        self.charts_row.addWidget(self.outcome_chart, 1)
        self.charts_row.addWidget(self.level_chart, 1)
        if data.drafts:
            note = QLabel(self.tr("Còn %1 bản đang soạn\nchưa được tính.").replace("%1", format_int(data.drafts)))
            self.charts_row.addWidget(note)

    def _show_todo(self, data: office.Dashboard) -> None:
        self.todo.clear()
        areas = self._todo_group(self.tr("Khu dân cư chưa đăng ký năm nay"), len(data.unregistered_areas),
                                 (UNREGISTERED_AREAS,), self.tr("Mở danh sách khu dân cư, chỉ các khu chưa đăng ký"))
        register_tip = (self.tr("Mở trang Đăng ký với bản đăng ký mới cho khu dân cư này") if self.can_write
                        else self.tr("Mở trang Đăng ký"))
        for area_id, name in data.unregistered_areas:
            self._todo_item(areas, [name, ""], (REGISTER_AREA, area_id), register_tip)
        without = [a for a in data.coverage if a.missing > 0]
        pledges = self._todo_group(self.tr("Hộ chưa ký cam kết"), data.households_without_pledge, (UNPLEDGED, None),
                                   self.tr("Mở danh sách hộ gia đình, chỉ các hộ chưa ký cam kết năm nay"))
        for area in without:
            self._todo_item(pledges, [area.name, self.tr("%1 hộ").replace("%1", format_int(area.missing))],
                            (UNPLEDGED, area.area_id),
                            self.tr("Mở danh sách hộ gia đình của khu dân cư này, chỉ các hộ chưa ký cam kết"))
        pending = self._todo_group(self.tr("Chưa tự đánh giá hoặc còn bản nháp"), len(data.pending), (ASSESSMENTS,),
                                   self.tr("Mở trang Tự đánh giá"))
        for item in data.pending:
            self._todo_item(pending, [item.name, self._pending_text(item)],
                            (ASSESSMENT, item.subject_kind, item.subject_id),
                            self.tr("Mở bản tự đánh giá của đơn vị này"))
        if data.unresolved_conflicts:  # only where merges happen and left some
            self._todo_group(self.tr("Xung đột dữ liệu chưa giải quyết"), data.unresolved_conflicts, (CONFLICTS,),
                             self.tr("Mở trang Nhận gói dữ liệu, phần xung đột dữ liệu"))
        self.todo.expandAll()

    def activate_todo(self, item: QTreeWidgetItem | None) -> None:
        """Double-click or Enter on a to-do item: open what lets the officer act on it."""
        action = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if not action:
            return
        if action[0] == ASSESSMENT and self.open_assessment is not None:
            self.open_assessment(action[1], action[2])
        elif self.todo_handler is not None:
            self.todo_handler(tuple(action))

    def _todo_item(self, parent: QTreeWidgetItem, texts: list[str], action: tuple[Any, ...],
                   tip: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, texts)
        item.setData(0, Qt.ItemDataRole.UserRole, action)
        if self.todo_handler is not None or (action[0] == ASSESSMENT and self.open_assessment is not None):
            for column in range(2):
                item.setToolTip(column, self.tr("%1 (bấm đúp hoặc Enter)").replace("%1", tip))
        return item

    def _todo_group(self, title: str, count: int, action: tuple[Any, ...], tip: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.todo, [title, self.tr("Xong") if count == 0 else format_int(count)])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setForeground(1, Qt.GlobalColor.darkGreen if count == 0 else Qt.GlobalColor.darkRed)
        if count == 0:
            for column in range(2):
                group.setToolTip(column, self.tr("Đã xong, không còn việc nào ở mục này."))
        else:
            group.setData(0, Qt.ItemDataRole.UserRole, action)
        if count and self.todo_handler is not None:
            for column in range(2):
                group.setToolTip(column, self.tr("%1 (bấm đúp hoặc Enter)").replace("%1", tip))
        return group

    def _pending_text(self, item: office.PendingAssessment) -> str:
        state = self.tr("Chưa có bản tự đánh giá") if item.state == "missing" else self.tr("Bản nháp, chưa nộp")
        deadline = format_date(item.deadline)
        if item.overdue:
            when = self.tr("quá hạn %1 (%2 ngày)").replace("%1", deadline).replace("%2", str(-item.days_left))
        else:
            when = self.tr("hạn %1, còn %2 ngày").replace("%1", deadline).replace("%2", str(item.days_left))
        return f"{state} — {when}"
