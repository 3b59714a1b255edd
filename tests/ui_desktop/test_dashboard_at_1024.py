"""The overview at 1,024 × 768 with a full year's data: long indicator names ("Cơ quan, doanh nghiệp,
trường học tổ chức Ngày hội") wrap instead of pushing the page sideways (issue 16, point 1)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QApplication
from tests.conftest import make_store
from tests.ui.conftest import admin_of

from antq_desktop.services import demo
from antq_desktop.ui.context import make_context
from antq_desktop.ui.main_window import MainWindow


def test_overview_has_no_sideways_scrolling_at_1024(tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = make_store(tmp_path / "s.sqlite3")
    demo.generate(store, households=2400, seed=7)  # the data of the guide's screenshots, where it scrolled
    context = make_context(store, admin_of(store))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.showNormal()
    window.resize(1024, 768 - 40 - 30)
    page = window.open_page("dashboard")
    context.jobs.wait(60000)
    for _ in range(5):
        QApplication.processEvents()
    sideways = [a for a in page.findChildren(QAbstractScrollArea)
                if a.isVisible() and a.horizontalScrollBar().isVisible()]
    assert sideways == []
    context.jobs.wait()
    store.close()
