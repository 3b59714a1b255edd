"""The upper office's import page: preview, merge off the GUI thread, received table, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from tests.conftest import PASSWORD

from antq_desktop.services import demo
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.office import stats
from antq_desktop.storage.models import Household
from antq_desktop.ui import password_prompt
from antq_desktop.ui.context import make_context
from antq_desktop.ui.main_window import PAGES

from .conftest import Commune, trust


@pytest.fixture
def page(qtbot, upper_sqlite, monkeypatch):  # type: ignore[no-untyped-def]
    from antq_desktop.ui.pages.import_page import ImportPage
    admin = next(u for u in accounts.list_users(upper_sqlite) if u.username == "admin")
    context = make_context(upper_sqlite, admin)
    widget = ImportPage(context)
    monkeypatch.setattr(password_prompt, "ask_password", lambda _parent, *_a: PASSWORD)
    qtbot.addWidget(widget)
    yield widget
    context.jobs.wait()


def _cell(table, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return table.item(row, column).text()


def test_registered_for_upper_offices_only(qtbot, upper_sqlite, commune: Commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from antq_desktop.ui.main_window import MainWindow
    from antq_desktop.ui.pages.import_page import ImportPage
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    spec = next(p for p in PAGES if p.key == "import")
    assert spec.roles == ("district", "province") and spec.factory is not None
    for store, shown in ((upper_sqlite, True), (commune.store, False)):
        admin = next(u for u in accounts.list_users(store) if u.username == "admin")
        context = make_context(store, admin)
        window = MainWindow(context)
        qtbot.addWidget(window)
        assert ("import" in [s.key for s in window.specs]) is shown
        if shown:
            assert isinstance(window.open_page("import"), ImportPage)
        context.jobs.wait()


def test_preview_then_merge(qtbot, page, upper_sqlite, commune: Commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    demo.generate(commune.store, households=15, seed=51)
    trust(upper_sqlite, commune)
    good = commune.export(upper_sqlite)
    bad = tmp_path / "hong.antq"
    bad.write_bytes(good.read_bytes()[:-10])
    page.add_files([good, bad])
    assert _cell(page.files, 0, 1).startswith(commune.code) and _cell(page.files, 0, 4) == "Chưa kiểm tra"
    seen: list = []  # what reached the one refresh hook (context.apply_changes -> events.changed)
    page.context.events.changed.connect(seen.append)

    with qtbot.waitSignal(page.merged, timeout=60_000):
        page.run(dry_run=True)
    assert seen == []  # a preview writes nothing, so nothing redraws
    assert _cell(page.files, 0, 4) == "Hợp lệ (xem trước)" and _cell(page.files, 0, 5) != "0"
    assert _cell(page.files, 1, 4) == "Từ chối" and "TRUNCATED" in _cell(page.files, 1, 9)
    assert page.received.rowCount() == 0

    with qtbot.waitSignal(page.merged, timeout=60_000):
        page.run(dry_run=False)
    assert _cell(page.files, 0, 4) == "Đã nhập"
    assert page.received.rowCount() == 1 and _cell(page.received, 0, 2) == "#1"
    assert "Đã nhập 1 gói" in page.summary.text()
    assert len(seen) == 1 and seen[0].count("household") == 15  # the merge's Changes: rows written per kind
    with upper_sqlite.session_factory() as session, commune.store.session_factory() as theirs:
        assert stats.unit_stats(session, commune.code) == stats.unit_stats(theirs, commune.code)


def test_cancel_writes_nothing(qtbot, page, upper_sqlite, commune: Commune) -> None:  # type: ignore[no-untyped-def]
    demo.generate(commune.store, households=15, seed=52)
    trust(upper_sqlite, commune)
    page.add_files([commune.export(upper_sqlite)])
    job = page.run(dry_run=False)
    job.cancel()  # before the first batch: unlocking the key alone takes longer than this
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert "Đã hủy" in page.summary.text()
    with upper_sqlite.session_factory() as session:
        assert session.execute(select(func.count()).select_from(Household)).scalar() == 0


def test_hui_after_the_first_package_keeps_it_and_says_so(qtbot, page, upper_sqlite, commune: Commune,  # type: ignore[no-untyped-def]
                                                          monkeypatch) -> None:
    """Packages merged before "Hủy" stay merged: the page lists them, the summary counts both, and the one
    refresh hook hears what was written (before, the cancel hid them until the next restart)."""
    from antq_desktop.services.merge import run as merge_run

    demo.generate(commune.store, households=10, seed=53)
    trust(upper_sqlite, commune)
    first = commune.export(upper_sqlite)
    demo.generate(commune.store, households=5, seed=54)
    second = commune.export(upper_sqlite, "incremental")
    real = merge_run.merge_file

    def then_hui(store, path, options):  # type: ignore[no-untyped-def]
        results = real(store, path, options)
        options.cancel.set()  # the officer presses "Hủy" as the first package is done
        return results

    monkeypatch.setattr(merge_run, "merge_file", then_hui)
    seen: list = []
    page.context.events.changed.connect(seen.append)
    page.add_files([first, second])
    with qtbot.waitSignal(page.merged, timeout=60_000):
        page.run(dry_run=False)
    assert [_cell(page.files, row, 4) for row in range(2)] == ["Đã nhập", "Đã hủy"]
    assert "Đã nhập 1 gói" in page.summary.text() and "Đã hủy 1 gói" in page.summary.text()
    assert len(seen) == 1 and seen[0].count("household") == 10
    with upper_sqlite.session_factory() as session:
        assert session.execute(select(func.count()).select_from(Household)).scalar() == 10
