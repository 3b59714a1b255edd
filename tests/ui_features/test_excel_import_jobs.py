"""The Excel import wizard reads, checks and saves on the worker thread, with progress and "Hủy"."""

from __future__ import annotations

import threading

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from antq_desktop.services import excel as excel_front
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.excel import import_rows as excel_import
from antq_desktop.services.records import queries
from antq_desktop.services.records import writes as records
from antq_desktop.ui.context import make_context
from antq_desktop.ui.excel.import_wizard import PREVIEW_LIMIT, ImportWizard

from .conftest import PASSWORD

ROWS = 3_000
BAD_EVERY = 10  # every tenth row has a bad CCCD


def write_many_households(path, area_name: str, rows: int = ROWS) -> None:  # type: ignore[no-untyped-def]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Hộ")
    sheet.append(["STT", "Họ tên chủ hộ", "Số CCCD", "Thôn", "Số nhân khẩu"])
    for n in range(1, rows + 1):
        citizen_id = "123" if n % BAD_EVERY == 0 else f"0010850{n:05d}"
        sheet.append([n, f"Nguyễn Văn Thử {n}", citizen_id, area_name, 1 + n % 6])
    workbook.save(path)


@pytest.fixture
def context(feature_store):  # type: ignore[no-untyped-def]
    ctx = make_context(feature_store, accounts.sign_in(feature_store, username="admin", password=PASSWORD))
    yield ctx
    ctx.jobs.wait()


@pytest.fixture
def xlsx(tmp_path, feature_store):  # type: ignore[no-untyped-def]
    path = tmp_path / "nhieu_ho.xlsx"
    write_many_households(path, queries.list_rows(feature_store, "residential_area", limit=1)[0]["name"])
    return path


def _threads_of(monkeypatch, *names: str) -> dict[str, list[threading.Thread]]:  # type: ignore[no-untyped-def]
    seen: dict[str, list[threading.Thread]] = {name: [] for name in names}
    for name in names:
        real = getattr(excel_import, name)

        def spy(*args, _real=real, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            seen[_name].append(threading.current_thread())
            return _real(*args, **kwargs)

        monkeypatch.setattr(excel_front, name, spy)  # where the wizard looks it up
    return seen


def _wizard(qtbot, context, xlsx, jobs=True) -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(context.store, actor="admin", jobs=context.jobs if jobs else None)
    qtbot.addWidget(wizard)
    wizard.confirm = lambda _t, _m: True
    wizard.show()
    assert wizard.file_page.set_file(str(xlsx))
    return wizard


@pytest.mark.parametrize("jobs", [True, False], ids=["context-jobs", "own-worker"])
def test_preview_is_read_and_checked_off_the_gui_thread(qtbot, context, xlsx, monkeypatch, jobs) -> None:  # type: ignore[no-untyped-def]
    seen = _threads_of(monkeypatch, "read_sheet", "preview", "import_valid_rows")
    wizard = _wizard(qtbot, context, xlsx, jobs)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))  # the GUI thread's event loop keeps running meanwhile
    timer.start(0)
    wizard.next()
    timer.stop()
    assert wizard.currentPage() is wizard.mapping_page
    assert ticks, "the window froze while the file was read"
    assert len(wizard.sheet.rows) == ROWS
    wizard.next()
    page = wizard.preview_page
    assert wizard.currentPage() is page
    bad = ROWS // BAD_EVERY
    assert page.summary.text() == f"{ROWS - bad:,} dòng hợp lệ sẽ được nhập; {bad} dòng có lỗi sẽ bị bỏ qua.".replace(
        ",", ".")
    assert page.table.rowCount() == min(ROWS, PREVIEW_LIMIT)  # filled once the job finished
    assert "12 chữ số" in page.table.item(BAD_EVERY - 1, 1).text()
    before = queries.count_rows(context.store, "household")
    wizard.accept()
    assert wizard.result() == 1 and len(wizard.imported_ids) == ROWS - bad
    assert queries.count_rows(context.store, "household") == before + ROWS - bad
    main = threading.main_thread()
    for name in ("read_sheet", "preview", "import_valid_rows"):
        assert seen[name] and all(thread is not main for thread in seen[name]), name


def test_cancel_while_reading_keeps_the_wizard_on_the_file(qtbot, context, xlsx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, context, xlsx)
    real_start = wizard.jobs.start

    def start(work, **kwargs):  # type: ignore[no-untyped-def]
        job = real_start(work, **kwargs)
        job.progressed.connect(lambda *_: wizard.reject())  # Esc / "Hủy" at the first progress report
        return job

    monkeypatch.setattr(wizard.jobs, "start", start)
    wizard.next()
    assert wizard.isVisible() and wizard.currentPage() is wizard.file_page
    assert "Đã hủy đọc tệp" in wizard.file_page.problem.text()
    monkeypatch.setattr(wizard.jobs, "start", real_start)
    wizard.next()  # reading again works
    assert wizard.currentPage() is wizard.mapping_page


def test_cancel_during_the_import_saves_nothing(qtbot, context, xlsx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(excel_import, "SAVE_CHUNK", 500)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    wizard = _wizard(qtbot, context, xlsx)
    wizard.next()
    wizard.next()
    real_insert = records.insert_batch
    chunks: list[int] = []

    def insert_then_cancel(*args, **kwargs):  # type: ignore[no-untyped-def]
        ids = real_insert(*args, **kwargs)
        chunks.append(len(ids))
        if len(chunks) == 2:
            wizard.job.cancel()  # the officer presses "Hủy" with 1,000 rows written in the transaction
        return ids

    monkeypatch.setattr(records, "insert_batch", insert_then_cancel)
    before = queries.count_rows(context.store, "household")
    wizard.accept()
    assert chunks == [500, 500]
    assert wizard.isVisible() and wizard.currentPage() is wizard.preview_page
    assert shown == ["Đã hủy; không có dòng nào được lưu. Bấm “Nhập” để nhập lại."]
    assert queries.count_rows(context.store, "household") == before  # rolled back
    assert wizard.imported_ids == []


def test_service_cancel_rolls_back(feature_store, xlsx) -> None:  # type: ignore[no-untyped-def]
    sheet = excel_import.read_sheet(xlsx, "Hộ")
    rows = excel_import.preview(feature_store, "household", sheet,
                                excel_import.guess_mapping("household", sheet.headers))
    cancel = threading.Event()
    reports: list[float] = []

    def progress(fraction: float, _message: str) -> None:
        reports.append(fraction)
        if len(reports) == 2:
            cancel.set()

    before = queries.count_rows(feature_store, "household")
    with pytest.raises(excel_import.ImportCancelled):
        excel_import.import_valid_rows(feature_store, "household", rows, actor="admin", progress=progress,
                                       cancel=cancel)
    assert queries.count_rows(feature_store, "household") == before
    with pytest.raises(excel_import.ImportCancelled):
        excel_import.read_sheet(xlsx, "Hộ", cancel=cancel)
