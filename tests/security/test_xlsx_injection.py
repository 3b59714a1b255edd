"""Formula injection (issue 12, point 5): text that starts with =, +, -, @, tab or CR is written to .xlsx as
text, never as a live formula — in the list export, the audit export and the upper-office summary — and
Excel import keeps a formula cell as its text.

Each attack puts hostile text where the code takes it from outside: a household name in a commune
package, a commune's name in its key file, a cell of an imported workbook, and, with no account at
all, a user name typed at a failed sign-in. Each produced workbook is opened as a zip and its sheet
XML read: no <f> element anywhere, and the cell holds exactly the typed text as a string, with
Excel's quote-prefix flag so editing the cell in Excel keeps it text.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import Workbook
from tests.conftest import ACTOR, PASSWORD, make_store
from tests.services.merge.conftest import make_upper, merge, new_commune

from antq_desktop.domain.errors import AntqError
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.services import demo
from antq_desktop.services.accounts import audit_log
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.excel import import_rows as excel_import
from antq_desktop.services.excel.export import export_rows_to_xlsx
from antq_desktop.services.forms.reports import render_summary
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.records import queries
from antq_desktop.services.records import writes as records
from antq_desktop.xlsx_cells import FORMULA_TRIGGERS, needs_text_guard, safe_row

HYPERLINK = '=HYPERLINK("http://x","bấm")'
DDE = "=cmd|' /C calc'!A0"
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def xlsx_cells(path: Path) -> list[tuple[str, str | None, bool]]:
    """(text, type attribute, quote prefix) of every cell of every sheet; fails on any formula."""
    out = []
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            shared = ["".join(si.itertext()) for si in ElementTree.fromstring(z.read("xl/sharedStrings.xml"))]
        xfs = ElementTree.fromstring(z.read("xl/styles.xml")).find(f"{M}cellXfs")
        styles = list(xfs) if xfs is not None else []
        for name in (n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")):
            for cell in ElementTree.fromstring(z.read(name)).iter(f"{M}c"):
                assert cell.find(f"{M}f") is None, f"formula in {name} {cell.get('r')}"
                kind = cell.get("t")
                value = cell.find(f"{M}v")
                inline = cell.find(f"{M}is")
                if kind == "inlineStr":
                    text = "".join(inline.itertext()) if inline is not None else ""
                elif kind == "s":
                    text = shared[int(value.text)]
                else:
                    text = value.text if value is not None else ""
                style = styles[int(cell.get("s", 0))] if styles else None
                out.append((text, kind, style is not None and style.get("quotePrefix") == "1"))
    return out


def assert_text_cell(path: Path, typed: str) -> None:
    found = [c for c in xlsx_cells(path) if c[0] == typed]
    assert found, f"{typed!r} not in {path.name}"
    for _text, kind, quoted in found:
        assert kind in ("inlineStr", "s") and quoted, (kind, quoted)


# ---- the helper ----

@pytest.mark.parametrize("text", [HYPERLINK, DDE, "+84 912 345 678", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "#N/A"])
def test_every_risky_start_is_written_as_text(text: str, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    export_rows_to_xlsx(path, "Danh sách", ["Tên", "Số"], [[text, -5], ["bình thường", 3.5]])
    assert_text_cell(path, text.replace("\r", "\n"))  # XML itself reads a raw CR as LF
    cells = xlsx_cells(path)
    assert ("-5", "n", False) in cells and ("3.5", "n", False) in cells  # real numbers stay numbers
    assert ("bình thường", "inlineStr", False) in cells  # ordinary text is untouched


def test_only_str_values_are_guarded() -> None:
    assert all(needs_text_guard(t + "x") for t in FORMULA_TRIGGERS)
    assert not any(needs_text_guard(v) for v in (-1, -2.5, None, date(2026, 1, 1), "Nguyễn Văn An"))
    workbook = Workbook()
    sheet = workbook.active
    assert safe_row(sheet, [-1, "a", None]) == [-1, "a", None]


# ---- a household name from a commune package, in the office's list export ----

@pytest.fixture
def office_after_hostile_package(tmp_path: Path):  # type: ignore[no-untyped-def]
    commune = new_commune(tmp_path, "00004", "Phường Ba Đình")
    upper = make_upper(str(tmp_path / "upper.sqlite3"))
    demo.generate(commune.store, households=5, seed=2)
    hh = queries.list_rows(commune.store, "household", limit=1)[0]["id"]
    records.update(commune.store, "household", hh, {"head_name": HYPERLINK}, actor=ACTOR)
    # The commune's key file names it "=HYPERLINK(…)" (a hostile commune writes its own key file).
    with commune.store.session_factory() as session:
        blob = keys.active_blob(session)
    hostile_key = KeyStore().export_public_key_file(blob, PASSWORD, commune.code, HYPERLINK, "commune")
    with upper.session() as session:
        keys.trust_add(session, hostile_key, actor=ACTOR)
    (result,) = merge(upper, commune.export(upper))
    assert result.status == "merged", result.message
    yield upper, hh
    commune.store.close()
    upper.close()


def test_household_name_from_a_package_is_text_in_the_office_list_export(office_after_hostile_package,
                                                                          tmp_path: Path) -> None:
    upper, hh = office_after_hostile_package
    rows = [r for r in queries.list_rows(upper, "household") if r["id"] == hh]
    assert rows and rows[0]["head_name"] == HYPERLINK  # stored exactly as the commune typed it
    path = tmp_path / "ho.xlsx"
    export_rows_to_xlsx(path, "Danh sách hộ gia đình", ["Họ tên chủ hộ", "Địa chỉ"],
                        [[r["head_name"], r.get("address")] for r in queries.list_rows(upper, "household")])
    assert_text_cell(path, HYPERLINK)


def test_commune_name_from_a_key_file_is_text_in_the_summary(office_after_hostile_package, tmp_path: Path) -> None:
    upper, _hh = office_after_hostile_package
    path = render_summary(upper, date.today().year, tmp_path / "tong-hop.xlsx")
    names = [c[0] for c in xlsx_cells(path)]
    if HYPERLINK not in names:  # the office may show the official catalogue name instead: also safe
        assert "Phường Ba Đình" in " ".join(names)
    else:
        assert_text_cell(path, HYPERLINK)


def test_summary_writer_guards_every_cell(tmp_path: Path) -> None:
    """The summary workbook itself (both sheets), whatever the source of a commune's name."""
    from antq_desktop.reports.form_data import SummaryData, SummaryRow
    from antq_desktop.services.forms.reports import Miss, _write_xlsx

    row = SummaryRow(HYPERLINK, areas=3, last_package=None, missing_targets=True, registered_pct=50.0,
                     recognised_pct=None, classified_good_pct=None, pledge_coverage_pct=None)
    data = SummaryData("CÔNG AN TỈNH", "CỤM 1", "Hà Nội", 2026, (row,), report_date=date(2026, 12, 1), notes=())
    path = _write_xlsx(tmp_path / "s.xlsx", data, [Miss(HYPERLINK, "-Chỉ tiêu", "10%", "≥ 80%")])
    assert_text_cell(path, HYPERLINK)
    assert_text_cell(path, "-Chỉ tiêu")


# ---- a cell from Excel import: import → store → export ----

def test_excel_import_keeps_formula_cells_as_text_and_exports_them_as_text(tmp_path: Path) -> None:
    store = make_store(tmp_path / "c.sqlite3")
    try:
        demo.generate(store, households=1, seed=3)
        area = queries.list_rows(store, "residential_area", limit=1)[0]["name"]
        source = tmp_path / "nhap.xlsx"
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(["Họ tên chủ hộ", "Thôn", "Số nhân khẩu"])
        sheet.append([HYPERLINK, area, 3])  # a live formula cell in the officer's workbook (<f> in the XML)
        sheet.append(safe_row(sheet, ["=1+2", area, 2]))  # a text cell that starts with "="
        workbook.save(source)
        with zipfile.ZipFile(source) as z:  # the attack is real: the source holds a live formula
            assert b"<f>" in z.read("xl/worksheets/sheet1.xml")
        read = excel_import.read_sheet(source, sheet.title)
        rows = excel_import.preview(store, "household", read, excel_import.guess_mapping("household", read.headers))
        assert [r.cells["head_name"] for r in rows] == [HYPERLINK, "=1+2"]  # the formula's text, not evaluated
        assert all(r.valid for r in rows), [r.errors for r in rows]
        excel_import.import_valid_rows(store, "household", rows, actor=ACTOR)
        stored = {r["head_name"] for r in queries.list_rows(store, "household")}
        assert {HYPERLINK, "=1+2"} <= stored
        out = tmp_path / "xuat.xlsx"
        export_rows_to_xlsx(out, "Hộ", ["Họ tên chủ hộ"], [[r["head_name"]] for r in queries.list_rows(store,
                                                                                                      "household")])
        assert_text_cell(out, HYPERLINK)
        assert_text_cell(out, "=1+2")
    finally:
        store.close()


# ---- a user name typed at a failed sign-in, in the admin's audit export ----

def test_failed_sign_in_name_is_text_in_the_audit_export(tmp_path: Path) -> None:
    store = make_store(tmp_path / "c.sqlite3")
    try:
        with pytest.raises(AntqError):
            accounts.sign_in(store, username=DDE, password="không biết")
        (actor,) = [r.actor for r in audit_log.query(store, limit=5).rows if r.action == "login_failed"]
        assert actor.casefold() == DDE.casefold()  # kept as typed (user names are compared case-folded)
        path = tmp_path / "nhat-ky.xlsx"
        audit_log.export_xlsx(store, path, actor="admin")
        assert_text_cell(path, actor)  # the export holds exactly what the log holds, as text
    finally:
        store.close()
