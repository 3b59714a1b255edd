"""What the window keeps in memory (issue 18): SQLite's page cache of its connections, module source."""

from __future__ import annotations

import linecache
import sys

from sqlalchemy import text
from tests.ui.conftest import admin_of

from antq_desktop.storage import db
from antq_desktop.ui import pyside_source
from antq_desktop.ui.context import make_context


def _cache_size(store) -> int:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        return int(conn.execute(text("PRAGMA cache_size")).scalar_one())


def test_the_window_caps_sqlite_page_cache_and_the_cli_keeps_its_own(store):
    assert _cache_size(store) == -65536  # what the CLI's merges and exports use
    context = make_context(store, admin_of(store))
    assert _cache_size(store) == -db.WINDOW_CACHE_KIB
    with store.engine.connect() as first, store.engine.connect() as second:  # a background job's connection too
        for conn in (first, second):
            assert conn.execute(text("PRAGMA cache_size")).scalar_one() == -db.WINDOW_CACHE_KIB
    make_context(store, admin_of(store))  # a second window on the same store: still one cap
    assert _cache_size(store) == -db.WINDOW_CACHE_KIB
    context.jobs.wait()


def test_modules_imported_after_pyside_keep_no_source_lines(tmp_path, monkeypatch):
    (tmp_path / "speed_plain_module.py").write_text("VALUE = 1\n" * 2000, encoding="utf-8")
    (tmp_path / "speed_qt_module.py").write_text("import PySide6.QtCore\nVALUE = 2\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("speed_plain_module", "speed_qt_module"):
        sys.modules.pop(name, None)
        __import__(name)  # through builtins.__import__, where PySide6 hooks in (importlib bypasses it)
    kept = [path for path in linecache.cache if "speed_plain_module" in path or "speed_qt_module" in path]
    assert kept == []
    # The hook still tells a module that uses PySide6 (0: features apply) from one that does not (-1).
    feature = sys.modules["shibokensupport.feature"]
    assert feature.pyside_feature_dict["speed_qt_module"] == 0
    assert feature.pyside_feature_dict["speed_plain_module"] == -1


def test_the_replacement_is_installed_once_and_asks_the_hook_for_modules_without_a_file():
    assert pyside_source.keep_no_module_source() is True
    assert getattr(sys.modules["shibokensupport.feature"]._mod_uses_pyside, pyside_source.MARK)
    asked = []
    assert pyside_source.uses_pyside(sys, lambda module: asked.append(module) or False) is False
    assert asked == [sys]


WINDOW_MODULES = """
import sys
from antq_desktop.ui.app import create_application
app = create_application(sys.argv[:1])
from antq_desktop.storage.db import open_store
from antq_desktop.services.accounts.login import UserInfo
from antq_desktop.ui.context import make_context
from antq_desktop.ui.main_window import MainWindow
window = MainWindow(make_context(open_store(sys.argv[1]), UserInfo("admin", "admin", "Quản trị", "admin")))
window.show(); app.processEvents()
window.open_page("households"); app.processEvents(); window.context.jobs.wait(); app.processEvents()
print(" ".join(name for name in ("reportlab", "openpyxl") if name in sys.modules))
"""


def test_the_households_page_loads_printing_only_when_something_is_printed(store):
    import os
    import subprocess

    path = str(store.sqlite_path)
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", WINDOW_MODULES, path], capture_output=True, text=True, env=env,
                         timeout=300, check=True)
    assert out.stdout.split() == []
