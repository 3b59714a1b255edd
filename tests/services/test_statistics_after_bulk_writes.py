"""After a bulk write the planner's statistics describe the rows, not the empty store they were taken
on (a fresh 200,000-household demo store searched at 233 ms per keystroke until the app closed once)."""
from openpyxl import Workbook
from tests.conftest import ACTOR, make_store

from antq_desktop.services import demo
from antq_desktop.services.excel import import_rows as excel_import
from antq_desktop.storage.db import Store


def _stat_rows(store: Store, table: str) -> int:
    with store.engine.connect() as conn:
        stat = conn.exec_driver_sql(f"SELECT stat FROM sqlite_stat1 WHERE tbl = '{table}' AND idx IS NOT NULL "
                                    "LIMIT 1").scalar()
    return int(stat.split()[0]) if stat else 0


def test_demo_data_refreshes_the_statistics_taken_on_the_empty_store(tmp_path):
    store = make_store(tmp_path / "s.sqlite3")
    assert _stat_rows(store, "households") == 0
    demo.generate(store, households=80, seed=3)
    assert _stat_rows(store, "households") >= 80


def test_a_large_spreadsheet_import_refreshes_them_too(tmp_path):
    store = make_store(tmp_path / "s.sqlite3")
    workbook = Workbook()
    workbook.active.append(["Tên khu dân cư", "Loại"])
    for n in range(excel_import.BULK_ROWS):
        workbook.active.append([f"Tổ dân phố số {n + 1}", "Tổ dân phố"])
    workbook.save(tmp_path / "x.xlsx")
    sheet = excel_import.read_sheet(tmp_path / "x.xlsx", workbook.active.title)
    headers = ["Tên khu dân cư", "Loại"]
    rows = excel_import.preview(store, "residential_area", sheet,
                                excel_import.guess_mapping("residential_area", headers))
    assert all(row.valid for row in rows)
    assert _stat_rows(store, "residential_areas") == 0
    excel_import.import_valid_rows(store, "residential_area", rows, actor=ACTOR)
    assert _stat_rows(store, "residential_areas") >= excel_import.BULK_ROWS
