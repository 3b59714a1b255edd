"""The user guide opens from Help; pages built through the real AppContext follow year and data changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.changes import Changes
from antq_desktop.ui.context import make_context
from antq_desktop.ui.help import show_user_guide, user_guide_path
from antq_desktop.ui.pages.dashboard_page import DashboardPage

from .conftest import PASSWORD


def test_user_guide_opens_with_images(qtbot) -> None:
    assert user_guide_path() is not None
    dialog = show_user_guide(None)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Hướng dẫn sử dụng ANTQ Desktop" in text and "Tự đánh giá" in text
    html = dialog.browser.toHtml()
    assert "screenshots/03-tong-quan.png" in html


def test_dashboard_from_context_follows_year(qtbot, feature_store) -> None:
    user = accounts.sign_in(feature_store, username="admin", password=PASSWORD)
    context = make_context(feature_store, user)
    page = DashboardPage.from_context(context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.data is not None, timeout=10000)  # read off the GUI thread
    assert page.data.year == date.today().year
    assert page.import_button.text() == "Nhập từ Excel…"
    context.events.year_changed.emit(2001)
    assert page.year == 2001
    qtbot.waitUntil(lambda: page.data.year == 2001, timeout=10000)
    assert any("Chưa có kế hoạch năm 2001" in label.text() for label in page.findChildren(QLabel))
    context.apply_changes(Changes.records("household"))  # hidden page: refreshed when shown
    assert page._stale
    context.jobs.wait()


def test_pending_assessment_opens_from_todo(qtbot, feature_store) -> None:
    from antq_desktop.services.records import writes as records

    area_id = records.create(feature_store, "residential_area", {"name": "Thôn Mới", "kind": "thon"}, actor="admin")
    page = DashboardPage(feature_store, date.today().year)
    qtbot.addWidget(page)
    opened = []
    page.open_assessment = lambda kind, subject_id: opened.append((kind, subject_id))
    page.refresh()
    group = page.todo.topLevelItem(2)
    item = next(group.child(i) for i in range(group.childCount()) if group.child(i).text(0) == "Thôn Mới")
    page.todo.itemDoubleClicked.emit(item, 0)
    assert opened == [("area", area_id)]


def test_main_window_has_the_help_menu(qtbot, feature_store) -> None:
    from antq_desktop.ui.main_window import MainWindow

    context = make_context(feature_store, accounts.sign_in(feature_store, username="admin", password=PASSWORD))
    window = MainWindow(context)
    qtbot.addWidget(window)
    menus = {action.text().replace("&", ""): action.menu() for action in window.menuBar().actions()}  # Alt keys
    guide = menus["Trợ giúp"].actions()[0]
    assert guide.text() == "Hướng dẫn sử dụng" and guide.shortcut().toString() == "F1"
    context.jobs.wait()


def test_saved_language_is_applied_at_start(qapp) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

    from antq_desktop.ui.app import install_translator
    from antq_desktop.ui.language import save_language

    save_language("en")
    before, locale = set(qapp.findChildren(QTranslator)), QLocale()
    install_translator(qapp, None)
    added = [t for t in qapp.findChildren(QTranslator) if t not in before]
    try:
        assert QCoreApplication.translate("MainWindow", "Tổng quan") == "Overview"
        assert QLocale().language() == QLocale.Language.English  # Qt's calendar names in English too
    finally:
        for translator in added:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)
        save_language("vi")
    assert QCoreApplication.translate("MainWindow", "Tổng quan") == "Tổng quan"
