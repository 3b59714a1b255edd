"""The main window: navigation on the left, one page at a time on the right, unit and year below."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt, Signal
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

from antq_desktop.storage.db import Store

# (key, title) of every page, in navigation order. Pages not built yet show what they will hold.
PAGES = (
    ("dashboard", "Tổng quan"),
    ("areas", "Khu dân cư"),
    ("organizations", "Cơ quan – doanh nghiệp – trường học"),
    ("households", "Hộ gia đình"),
    ("pledges", "Cam kết"),
    ("registrations", "Đăng ký"),
    ("assessments", "Tự đánh giá"),
    ("plans", "Kế hoạch – chỉ tiêu"),
    ("forms", "In biểu mẫu"),
    ("exchange", "Gửi – nhận dữ liệu"),
    ("settings", "Cài đặt"),
)


class PlaceholderPage(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{title}</h2>")
        layout.addWidget(heading)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    year_changed = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("ANTQ Desktop — Phong trào Toàn dân bảo vệ an ninh Tổ quốc"))
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for key, title in PAGES:
            self._add_page(key, self.tr(title), PlaceholderPage(self.tr(title)))
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self._build_status_bar()
        self._restore_layout()

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        self.pages[key] = page
        self.stack.addWidget(page)
        QListWidgetItem(title, self.navigation)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.unit_label = QLabel(self._unit_text())
        bar.addWidget(self.unit_label, 1)
        self.year_box = QComboBox()
        this_year = date.today().year
        for year in range(this_year + 1, this_year - 6, -1):
            self.year_box.addItem(self.tr("Năm %1").replace("%1", str(year)), year)
        self.year_box.setCurrentIndex(1)
        self.year_box.currentIndexChanged.connect(lambda _i: self.year_changed.emit(self.year))
        bar.addPermanentWidget(self.year_box)

    @property
    def year(self) -> int:
        return int(self.year_box.currentData())

    def _unit_text(self) -> str:
        from antq_desktop.services.profile import get_profile

        if not self.store.is_initialised():
            return self.tr("Chưa thiết lập đơn vị")
        profile = get_profile(self.store)
        return self.tr("Đơn vị: %1 (mã %2)").replace("%1", profile.unit_name).replace("%2", profile.unit_code)

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        state = settings.value("main_window/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([260, 940])

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        super().closeEvent(event)
