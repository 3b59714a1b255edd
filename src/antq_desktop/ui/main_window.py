"""The main window: navigation on the left, one page at a time on the right, unit and year below.

Pages are registered in `PAGES` as (key, title, factory); a factory takes the AppContext and
returns the page widget (a class with a `from_context(context)` classmethod works too). Pages
are built the first time they are shown, so the window opens fast.
A page may offer `focus_search()`, `new_record()` and `save_layout()`; the window's shortcuts
(Ctrl+F, Ctrl+N) and closing call them when present.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QRect, QSettings, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services.changes import Changes
from antq_desktop.ui.accessibility import name_focusable_widgets
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.i18n import QT_TRANSLATE_NOOP
from antq_desktop.ui.mnemonics import assign_mnemonics
from antq_desktop.ui.window_geometry import Rect, clamp_geometry, restored_geometry

PageFactory = Callable[[AppContext], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # Vietnamese source text, translated in context "MainWindow"
    factory: PageFactory | None  # None: a placeholder until the feature exists
    roles: tuple[str, ...] | None = None  # unit roles that see the page (None: every role)


def lazy_page(module: str, class_name: str) -> PageFactory | None:
    """A factory importing `antq_desktop.ui.pages.<module>` on first use; None if the module is absent."""
    full_name = f"antq_desktop.ui.pages.{module}"
    if importlib.util.find_spec(full_name) is None:
        return None

    def factory(context: AppContext) -> QWidget:
        page_class = getattr(importlib.import_module(full_name), class_name)
        build = getattr(page_class, "from_context", None)  # pages may take plain arguments plus this
        return build(context) if callable(build) else page_class(context)

    return factory


# Navigation order. Other features add or replace entries with `register_page`.
PAGES: list[PageSpec] = [
    PageSpec("dashboard", QT_TRANSLATE_NOOP("MainWindow", "Tổng quan"), lazy_page("dashboard_page", "DashboardPage")),
    PageSpec("communes", QT_TRANSLATE_NOOP("MainWindow", "Tình hình các xã"),
             lazy_page("communes_page", "CommunesPage"), roles=("district", "province")),
    PageSpec("areas", QT_TRANSLATE_NOOP("MainWindow", "Khu dân cư"), lazy_page("areas_page", "AreasPage")),
    PageSpec("organizations", QT_TRANSLATE_NOOP("MainWindow", "Cơ quan – doanh nghiệp – trường học"),
             lazy_page("organizations_page", "OrganizationsPage")),
    PageSpec("households", QT_TRANSLATE_NOOP("MainWindow", "Hộ gia đình"),
             lazy_page("households_page", "HouseholdsPage")),
    PageSpec("pledges", QT_TRANSLATE_NOOP("MainWindow", "Cam kết"), lazy_page("pledges_page", "PledgesPage")),
    PageSpec("registrations", QT_TRANSLATE_NOOP("MainWindow", "Đăng ký"),
             lazy_page("registrations_page", "RegistrationsPage")),
    PageSpec("assessments", QT_TRANSLATE_NOOP("MainWindow", "Tự đánh giá"),
             lazy_page("assessments_page", "AssessmentsPage")),
    PageSpec("meetings", QT_TRANSLATE_NOOP("MainWindow", "Biên bản họp"), lazy_page("meetings_page", "MeetingsPage")),
    PageSpec("activities", QT_TRANSLATE_NOOP("MainWindow", "Phong trào"),
             lazy_page("activities_page", "ActivitiesPage")),
    PageSpec("plans", QT_TRANSLATE_NOOP("MainWindow", "Kế hoạch – chỉ tiêu"), lazy_page("plans_page", "PlansPage")),
    PageSpec("forms", QT_TRANSLATE_NOOP("MainWindow", "In biểu mẫu"), lazy_page("print_page", "PrintPage")),
    PageSpec("exchange", QT_TRANSLATE_NOOP("MainWindow", "Gửi – nhận dữ liệu"),
             lazy_page("exchange_page", "ExchangePage")),
    PageSpec("import", QT_TRANSLATE_NOOP("MainWindow", "Nhận gói dữ liệu"), lazy_page("import_page", "ImportPage"),
             roles=("district", "province")),
    PageSpec("trust", QT_TRANSLATE_NOOP("MainWindow", "Khóa tin cậy các xã"), lazy_page("trust_page", "TrustPage"),
             roles=("district", "province")),
    PageSpec("audit", QT_TRANSLATE_NOOP("MainWindow", "Nhật ký thao tác"), lazy_page("audit_page", "AuditPage")),
    PageSpec("backups", QT_TRANSLATE_NOOP("MainWindow", "Sao lưu – khôi phục"), lazy_page("backup_page", "BackupPage")),
    PageSpec("users", QT_TRANSLATE_NOOP("MainWindow", "Tài khoản"), lazy_page("users_page", "UsersPage")),
    PageSpec("settings", QT_TRANSLATE_NOOP("MainWindow", "Cài đặt"), lazy_page("settings_page", "SettingsPage")),
]


def register_page(key: str, title: str, factory: PageFactory, *, before: str | None = None) -> None:
    """Add a page, or replace the factory of an existing key; call before the window is built."""
    spec = PageSpec(key, title, factory)
    for index, existing in enumerate(PAGES):
        if existing.key == key:
            PAGES[index] = spec
            return
    keys = [p.key for p in PAGES]
    PAGES.insert(keys.index(before) if before in keys else len(PAGES), spec)


class PlaceholderPage(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        note = QLabel(self.tr("Chức năng này đang được hoàn thiện và sẽ có trong bản cập nhật tới."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)


def _local_time(utc_text: str) -> str:
    """"2026-12-03 12:59" (stored in UTC) as the laptop's clock shows it: "03/12/2026 19:59"."""
    from antq_desktop.domain.local_time import local_time_text

    return local_time_text(utc_text)


def _saved_rect(value: object) -> Rect | None:
    """The saved (x, y, width, height), or None when absent or unreadable (a first start then)."""
    try:
        x, y, w, h = (int(v) for v in value)  # type: ignore[attr-defined]  # any saved value; a bad one raises below
    except (TypeError, ValueError):
        return None
    return x, y, w, h


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("ANTQ Desktop — Phong trào Toàn dân bảo vệ an ninh Tổ quốc"))
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.specs = [spec for spec in PAGES if spec.roles is None or context.profile.role in spec.roles]
        for spec in self.specs:
            QListWidgetItem(self._title(spec), self.navigation)
            self.stack.addWidget(QWidget())  # a slot; the real page is built when first shown
        # Wide enough for the longest title: a cut "Cơ quan – doanh nghiệp – trườ…" reads as a bug.
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setMinimumWidth(self.navigation.sizeHintForColumn(0) + 2 * self.navigation.frameWidth() + 8)
        self.navigation.currentRowChanged.connect(self.show_page_at)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self._build_status_bar()
        context.year_getter = lambda: self.year
        context.extras["open_page"] = self.open_page  # pages that lead to others (the dashboard's to-do list)
        self._build_shortcuts()
        self._build_menus()
        self._frame_fitted = False
        self._restore_layout()
        self.navigation.setCurrentRow(0)

    @staticmethod
    def _title(spec: PageSpec) -> str:
        return QCoreApplication.translate("MainWindow", spec.title)

    # ---- pages ----

    def show_page_at(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentWidget(self.page(self.specs[row].key))

    def page(self, key: str) -> QWidget:
        """The page for `key`, built now if it has not been shown yet."""
        if key not in self.pages:
            row = [s.key for s in self.specs].index(key)
            spec = self.specs[row]
            page = spec.factory(self.context) if spec.factory else PlaceholderPage(self._title(spec))
            assign_mnemonics(page, self._menu_letters())  # Alt-letters on the page's buttons (never a menu's)
            name_focusable_widgets(page, self._title(spec))  # what a screen reader says for each field
            slot = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if slot is not None:  # the placeholder the page replaces
                self.stack.removeWidget(slot)
                slot.deleteLater()
            self.pages[key] = page
        return self.pages[key]

    def open_page(self, key: str) -> QWidget:
        self.navigation.setCurrentRow([s.key for s in self.specs].index(key))
        return self.pages[key]

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    # ---- status bar ----

    def _show_profile(self) -> None:
        profile, user = self.context.profile, self.context.user
        self.unit_label.setText(self.tr("Đơn vị: %1 (mã %2)").replace("%1", profile.unit_name)
                                .replace("%2", profile.unit_code))
        self.user_label.setText(self.tr("Cán bộ: %1").replace("%1", user.full_name))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.unit_label, self.user_label = QLabel(), QLabel()
        bar.addWidget(self.unit_label, 1)
        bar.addPermanentWidget(self.user_label)
        self._show_profile()
        self.context.events.profile_changed.connect(self._show_profile)
        self.last_export_label = QLabel()
        self.last_export_label.setObjectName("last_export_label")
        bar.addPermanentWidget(self.last_export_label)
        self.show_last_export()
        self.context.events.changed.connect(self._on_changed)
        self.year_box = QComboBox()
        self.year_box.setObjectName("year_box")
        self.year_box.setToolTip(self.tr("Năm đang làm việc: các danh sách cam kết, đăng ký, tự đánh giá theo năm này"))
        this_year = date.today().year
        for year in range(this_year + 1, this_year - 6, -1):
            self.year_box.addItem(self.tr("Năm %1").replace("%1", str(year)), year)
        self.year_box.setCurrentIndex(1)
        self.year_box.currentIndexChanged.connect(lambda _i: self.context.events.year_changed.emit(self.year))
        bar.addPermanentWidget(self.year_box)
        self.context.events.status_message.connect(lambda text: bar.showMessage(text, 6000))

    def _on_changed(self, changes: Changes) -> None:
        """The status bar's last export follows an export (or a restore) through the one hook."""
        if changes.export_made or changes.everything:
            self.show_last_export()

    def show_last_export(self) -> None:
        """The newest package this unit sent up (the plans it sends down do not count), in local time."""
        from antq_desktop.services import export

        sent = next((row for row in export.history(self.context.store) if row.kind != "plan"), None)
        if sent is None:
            self.last_export_label.setText(self.tr("Lần gửi dữ liệu gần nhất: chưa có"))
        else:
            text = self.tr("Lần gửi dữ liệu gần nhất: %1 (gói số %2)")
            self.last_export_label.setText(text.replace("%1", _local_time(sent.created_at))
                                           .replace("%2", str(sent.sequence)))

    @property
    def year(self) -> int:
        return int(self.year_box.currentData())

    # ---- keyboard ----

    def _build_menus(self) -> None:
        from antq_desktop.ui.menus import build_menus  # Tệp, Sửa (undo, redo, find), Trợ giúp (F1, about)

        build_menus(self)

    def _build_shortcuts(self) -> None:
        shortcut = QShortcut(QKeySequence.StandardKey.New, self)  # Ctrl+F, Ctrl+Z, Ctrl+Y: the menus' actions
        shortcut.activated.connect(lambda: self._call_page("new_record"))

    def _menu_letters(self) -> frozenset[str]:
        """The menus' Alt-letters (Tệp, Sửa, Trợ giúp or File, Edit, Help): no button may take them."""
        texts = [action.text() for action in self.menuBar().actions()]
        return frozenset(t[t.index("&") + 1].lower() for t in texts if "&" in t[:-1])

    def open_package(self, path: str | None = None) -> None:
        """A .antq file given on the command line (a double-click in Explorer) or Tệp → Mở gói dữ liệu."""
        from antq_desktop.ui.menus import open_package

        open_package(self, path)

    def _call_page(self, method: str) -> None:
        action = getattr(self.current_page(), method, None)
        if callable(action):
            action()

    def undo_last(self) -> None:
        from antq_desktop.ui.errors import run_undo

        run_undo(self.context, self)

    def redo_next(self) -> None:
        from antq_desktop.ui.errors import run_redo

        run_redo(self.context, self)

    # ---- layout memory ----

    def _available(self, shown: bool = False) -> Rect:
        """The available area (without the taskbar) of the screen the window opens on: before it is
        shown, the one under the mouse (where the officer started it); once shown, its own."""
        screen = None if shown else QGuiApplication.screenAt(QCursor.pos())
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        return area.x(), area.y(), area.width(), area.height()

    def _restore_layout(self) -> None:
        settings = QSettings()
        saved = _saved_rect(settings.value("main_window/rect"))
        maximised = str(settings.value("main_window/maximised", "false")).lower() == "true"
        rect, maximised = restored_geometry(saved, maximised, self._available())
        self.move(rect[0], rect[1])
        self.resize(rect[2], rect[3])
        if maximised:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        state = settings.value("main_window/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([self.navigation.minimumWidth(), 1000])

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override
        super().showEvent(event)
        if not self._frame_fitted and not self.isMaximized():
            self._frame_fitted = True
            self._fit_frame()

    def _fit_frame(self) -> None:
        """Once the title bar is known: the whole frame inside the available area, not just the inside."""
        frame, inner = self.frameGeometry(), self.geometry()
        extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()
        x, y, w, h = clamp_geometry((frame.x(), frame.y(), frame.width(), frame.height()), self._available(True))
        if (x, y, w, h) != (frame.x(), frame.y(), frame.width(), frame.height()):
            self.resize(w - extra_w, h - extra_h)
            self.move(x, y)

    def save_layout(self) -> None:
        settings = QSettings()
        # The frame's corner (what move() takes) and the inside size (what resize() takes).
        normal = self.normalGeometry() if self.isMaximized() else QRect(self.pos(), self.size())
        settings.setValue("main_window/rect", [normal.x(), normal.y(), normal.width(), normal.height()])
        settings.setValue("main_window/maximised", self.isMaximized())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        for page in self.pages.values():
            save = getattr(page, "save_layout", None)
            if callable(save):
                save()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override
        self.save_layout()
        self.context.jobs.wait()
        super().closeEvent(event)
