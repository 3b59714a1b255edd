"""The main window fits the screen it opens on; a geometry saved on a bigger screen is clamped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.window_geometry import clamp_geometry, first_geometry, restored_geometry

LAPTOP = (0, 0, 1366, 728)  # 1366 × 768 less a 40-pixel taskbar
SMALL = (0, 0, 1024, 728)
OFFICE = (0, 0, 1920, 1040)


def test_first_start_is_maximised_on_a_laptop_and_centred_on_a_big_screen() -> None:
    assert first_geometry(LAPTOP) == (LAPTOP, True)
    assert first_geometry(SMALL) == (SMALL, True)
    rect, maximised = first_geometry(OFFICE)
    assert not maximised and rect == (320, 130, 1280, 780)


def test_a_geometry_saved_on_a_bigger_screen_comes_back_inside_this_one() -> None:
    rect, maximised = restored_geometry((200, 150, 1800, 1000), False, LAPTOP)
    assert rect == LAPTOP and maximised  # not 815 × 428, not off-screen
    assert clamp_geometry((1500, 900, 800, 600), SMALL) == (224, 128, 800, 600)  # moved back on screen
    assert clamp_geometry((-400, -50, 700, 500), SMALL) == (0, 0, 700, 500)
    assert clamp_geometry((10, 10, 815, 428), OFFICE)[2:] == (815, 480)  # a leftover tiny height grows
    assert restored_geometry(None, False, OFFICE) == first_geometry(OFFICE)
    assert restored_geometry((100, 100, 1200, 700), True, OFFICE) == ((100, 100, 1200, 700), True)


def _available() -> tuple[int, int, int, int]:
    area = QApplication.primaryScreen().availableGeometry()
    return area.x(), area.y(), area.width(), area.height()


def test_window_opens_within_the_screen(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    x, y, width, height = _available()  # the offscreen screen is smaller than the old 1280 × 780
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert window.isMaximized() or (window.width() <= width and window.height() <= height)
    assert window.normalGeometry().width() <= width and window.normalGeometry().height() <= height


def test_saved_geometry_from_a_big_screen_is_clamped(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    x, y, width, height = _available()
    QSettings().setValue("main_window/rect", [900, 700, 2400, 1300])
    QSettings().setValue("main_window/maximised", False)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    normal = window.normalGeometry()
    assert normal.width() <= width and normal.height() <= height
    assert normal.x() >= x and normal.y() >= y
    assert normal.right() <= x + width and normal.bottom() <= y + height


def test_size_and_place_are_remembered(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.showNormal()
    window.setGeometry(0, 30, 700, 600)  # the offscreen screen is 800 wide: only the height is free
    window.save_layout()
    again = MainWindow(context)
    qtbot.addWidget(again)
    assert QSettings().value("main_window/maximised") in (False, "false")
    assert again.height() == 600  # (815 wide is the window's least: maximised on this 800-wide screen)
    assert [int(v) for v in QSettings().value("main_window/rect")][3] == 600


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
@pytest.mark.parametrize("key", ["dashboard", "households", "pledges", "assessments", "exchange", "settings"])
def test_status_bar_with_year_visible(size, key, demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    width, height = size[0], size[1] - 40 - 30  # less the taskbar and the title bar
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.showNormal()
    window.resize(width, height)
    window.open_page(key)
    for _ in range(3):
        QApplication.processEvents()
    assert window.minimumSizeHint().height() <= height, key
    assert (window.width(), window.height()) == (width, height), key  # nothing forced it larger
    year = window.year_box
    assert year.isVisible()
    corner = year.mapTo(window, year.rect().bottomRight())
    assert corner.x() < window.width() and corner.y() < window.height()


_ON_A_LAPTOP = r"""
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QCoreApplication, QSettings
app = QApplication([])
QCoreApplication.setOrganizationName("ANTQ-tests")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
if sys.argv[3] == "big":
    QSettings().setValue("main_window/rect", [300, 200, 1900, 1050])  # saved on a 1920 × 1080 office screen
from antq_desktop.storage.db import open_store
from antq_desktop.services.accounts import login as accounts
from antq_desktop.ui.context import make_context
from antq_desktop.ui.main_window import MainWindow
store = open_store(sys.argv[1])
user = next(u for u in accounts.list_users(store) if u.username == "admin")
window = MainWindow(make_context(store, user))
window.show()
app.processEvents()
frame, year = window.frameGeometry(), window.year_box
corner = year.mapTo(window, year.rect().bottomRight())
print(json.dumps({"maximised": window.isMaximized(), "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                  "year_visible": year.isVisible() and corner.y() < window.height() and corner.x() < window.width()}))
store.close()
"""


@pytest.mark.parametrize("saved", ["none", "big"])
@pytest.mark.parametrize("screen", [(1366, 768), (1024, 768)])
def test_on_a_real_laptop_screen(screen, saved, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A separate process with an offscreen screen of the laptop's size: the window opens maximised on
    it, within it, with the year selector on screen, whether or not a bigger size was saved."""
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": screen[0],
                                              "height": screen[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                              "dpr": 1}]}), encoding="utf-8")
    path = store.sqlite_path
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run([sys.executable, "-c", _ON_A_LAPTOP, str(path), str(tmp_path / "settings"), saved],
                            env=env, capture_output=True, text=True, timeout=120, check=True)
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    x, y, width, height = shown["frame"]
    assert shown["maximised"] and shown["year_visible"]
    assert x >= 0 and y >= 0 and x + width <= screen[0] and y + height <= screen[1]
