"""The main window opens offscreen over a real store, signed in as the admin."""

from tests.conftest import PASSWORD

from antq_desktop.services.accounts import login as accounts
from antq_desktop.ui.context import make_context
from antq_desktop.ui.main_window import MainWindow


def test_main_window_opens_with_navigation(qtbot, store):
    user = accounts.sign_in(store, username="admin", password=PASSWORD)
    window = MainWindow(make_context(store, user))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert len(titles) >= 10
    assert "Tổng quan" in titles and "Hộ gia đình" in titles
