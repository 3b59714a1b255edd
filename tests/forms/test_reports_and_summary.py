"""Annual report and upper-office summary: the printed numbers are the indicators' numbers."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert, select
from tests.conftest import PASSWORD
from tests.forms.conftest import YEAR, fill_demo
from tests.reports.conftest import pdf_fonts, pdf_text_flat

from antq_desktop.reports.text import pct
from antq_desktop.services.forms import reports as form_reports
from antq_desktop.services.office import indicators, stats
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import SYNCED_MODELS, ProducerState

SUMMARY_INDICATORS = ("units_registered_pct", "units_meet_standard_pct", "classified_kha_or_above_pct",
                      "households_pledged_pct")


def test_commune_report_lists_targets_and_units(forms_store, tmp_path) -> None:
    pdf = form_reports.render_commune_report(forms_store, YEAR, tmp_path / "r.pdf")
    text = pdf_text_flat(pdf)
    assert "BÁO CÁO" in text and "CÔNG AN PHƯỜNG HOÀN KIẾM" in text and "TRƯỞNG CÔNG AN PHƯỜNG" in text
    # addressed as every other form names the upper office: "thành phố" in a sentence, not the catalog's "Thành phố"
    assert "Kính gửi: Công an thành phố Hà Nội" in text and "Công an Thành phố" not in text
    with forms_store.session_factory() as session:
        statuses = stats.target_statuses(session, YEAR)
    assert statuses
    for t in statuses:
        assert t.label.split(" ")[0] in text
        if t.actual is not None:
            assert pct(t.actual) in text
    data = form_reports.annual_report_data(forms_store, YEAR)
    assert [r.label for r in data.targets] == [t.label for t in statuses]
    assert [r.met for r in data.targets] == [t.met for t in statuses]
    for unit in data.recognised:
        assert unit.name in text
    assert data.record is not None and data.record.record_uuid in text
    assert all(f["emb"] == "yes" for f in pdf_fonts(pdf))


def test_recognised_are_submitted_assessments_met(forms_store) -> None:
    data = form_reports.annual_report_data(forms_store, YEAR)
    with forms_store.session_factory() as session:
        met = indicators.compute(session, "units_meet_standard_pct", YEAR)
    assert met is not None and len(data.recognised) == met.numerator
    assert len(data.classification) >= len(data.recognised)


def test_commune_summary_xlsx_equals_stats(forms_store, tmp_path) -> None:
    out = form_reports.render_summary(forms_store, YEAR, tmp_path / "s.xlsx")
    sheet = load_workbook(out).worksheets[0]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[0] == "STT")
    commune = rows[header + 1]
    assert commune[1] == "Phường Hoàn Kiếm"
    with forms_store.session_factory() as session:
        expected = [indicators.compute(session, code, YEAR).percent for code in SUMMARY_INDICATORS]
        assert commune[2] == indicators.Scope(session, YEAR).areas()
        misses = [t for t in stats.target_statuses(session, YEAR) if not t.met]
    assert commune[3:7] == pytest.approx([e / 100 for e in expected])
    missed = load_workbook(out)["Chỉ tiêu chưa đạt"]
    assert [r[1].value for r in missed.iter_rows(min_row=2)] == [t.label for t in misses]


def _copy_records(source: Store, target: Store) -> None:
    """Stand-in for merged packages: every synced record of `source` lands in `target` as is."""
    with source.engine.connect() as src, target.engine.begin() as dst:
        for model in SYNCED_MODELS:
            rows = [dict(r) for r in src.execute(select(model.__table__)).mappings()]
            if rows:
                dst.execute(insert(model.__table__), rows)


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> tuple[Store, dict[str, Store]]:
    base = tmp_path_factory.mktemp("office")
    communes = {}
    for code, seed in (("00070", 1), ("00004", 2)):
        store = open_store(base / f"{code}.sqlite3")
        profile.initialise(store, role="commune", unit_code=code, officer_name="Cán bộ", password=PASSWORD)
        communes[code] = fill_demo(store, households=200, seed=seed)
    upper = open_store(base / "office.sqlite3")
    profile.initialise(upper, role="province", unit_code="01", officer_name="Cán bộ", password=PASSWORD)
    for store in communes.values():
        _copy_records(store, upper)
    with upper.session() as session:
        session.add(ProducerState(producer_unit="00004", key_id="k", last_sequence=3, last_package_uuid="u",
                                  last_package_sha256="0" * 64, last_merged_at=date(YEAR, 12, 1)))
    yield upper, communes
    for store in (upper, *communes.values()):
        store.close()


def test_office_summary_one_row_per_commune_equal_to_its_own_store(office) -> None:
    upper, communes = office
    data, misses = form_reports.summary_data(upper, YEAR)
    by_name = {r.commune: r for r in data.rows}
    assert set(by_name) == {"Phường Hoàn Kiếm", "Phường Ba Đình"}
    for store in communes.values():
        name = profile.get_profile(store).unit_name
        row = by_name[name]
        with store.session_factory() as session:
            own = [indicators.compute(session, c, YEAR).percent for c in SUMMARY_INDICATORS]
            assert row.areas == indicators.Scope(session, YEAR).areas()
        assert [row.registered_pct, row.recognised_pct, row.classified_good_pct, row.pledge_coverage_pct] == own
    assert by_name["Phường Ba Đình"].last_package == date(YEAR, 12, 1)
    assert by_name["Phường Hoàn Kiếm"].last_package is None
    assert data.parent_body == "BỘ CÔNG AN" and data.issuing_body == "CÔNG AN THÀNH PHỐ HÀ NỘI"
    assert {m.commune for m in misses} <= set(by_name)


def test_office_summary_pdf_and_xlsx(office, tmp_path) -> None:
    upper, _ = office
    pdf = form_reports.render_summary(upper, YEAR, tmp_path / "s.pdf")
    text = pdf_text_flat(pdf)
    # An outgoing report now (upper_office.json): "BÁO CÁO" with a number line, signer and Nơi nhận.
    assert "BÁO CÁO" in text and "Phường Hoàn Kiếm" in text and "Phường Ba Đình" in text
    assert "Tổng cộng" in text
    xlsx = load_workbook(form_reports.render_summary(upper, YEAR, tmp_path / "s.xlsx")).worksheets[0]
    names = [r[1].value for r in xlsx.iter_rows()]
    assert "Phường Ba Đình" in names and "Phường Hoàn Kiếm" in names and "Tổng cộng" in names


def test_office_cannot_print_a_commune_report(office, tmp_path) -> None:
    from antq_desktop.services.forms.request import FormError

    with pytest.raises(FormError, match="bảng tổng hợp"):
        form_reports.render_commune_report(office[0], YEAR, tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


def test_summary_rejects_other_suffix(forms_store, tmp_path) -> None:
    from antq_desktop.services.forms.request import FormError

    with pytest.raises(FormError, match=r"\.pdf hoặc \.xlsx"):
        form_reports.render_summary(forms_store, YEAR, tmp_path / "s.csv")


def test_office_summary_queries_do_not_grow_per_indicator_and_commune(office) -> None:
    """Grouped by commune: at province scale a query set per commune took ~30 s (bench_scale)."""
    from sqlalchemy import event

    upper, communes = office
    statements: list[str] = []

    def count(*_args) -> None:  # type: ignore[no-untyped-def]
        statements.append("x")

    event.listen(upper.engine, "before_cursor_execute", count)
    try:
        form_reports.summary_data(upper, YEAR)
    finally:
        event.remove(upper.engine, "before_cursor_execute", count)
    # ~37 grouped queries plus one name lookup per commune; per commune it was ~60 each. The activity
    # columns (issue 20) add seven grouped queries: present and invited of briefings, rated and completed
    # teams, working models, festival days, commendations.
    assert len(statements) <= 47 + 2 * len(communes), len(statements)


# ---------------------------------------------------------------- issue 15: the summary as a document

def test_office_summary_totals_come_from_counts_not_averaged_percentages(office) -> None:
    upper, _ = office
    data, _ = form_reports.summary_data(upper, YEAR)
    from antq_desktop.reports.forms.summary import summary_totals

    total = summary_totals(data.rows)
    for attr in ("registered_pct", "recognised_pct", "classified_good_pct", "pledge_coverage_pct"):
        counts = [next((n, d) for key, n, d in r.counts if key == attr) for r in data.rows]
        num, den = sum(n for n, _ in counts), sum(d for _, d in counts)
        assert getattr(total, attr) == pytest.approx(100 * num / den), attr


def test_office_summary_lists_communes_only_and_is_an_outgoing_report(office, tmp_path) -> None:
    upper, communes = office
    # A cluster office's own record (forwarded data) must not become a row of the communes' summary.
    source = next(iter(communes.values()))
    with source.engine.connect() as src, upper.engine.begin() as dst:
        table = SYNCED_MODELS[0].__table__
        row = dict(src.execute(select(table).limit(1)).mappings().one())
        dst.execute(insert(table), [{**row, "id": "c0ffee00-0000-4000-8000-000000000001", "origin_unit": "CUM-01"}])
    data, _ = form_reports.summary_data(upper, YEAR, number="21")
    assert {r.commune for r in data.rows} == {"Phường Hoàn Kiếm", "Phường Ba Đình"}
    assert data.place == "Hà Nội"  # the office's locality, not its name
    text = pdf_text_flat(form_reports.render_summary(upper, YEAR, tmp_path / "s.pdf", number="21"))
    assert "Số: 21/BC-CAT" in text and "Hà Nội, ngày" in text and "Công an thành phố Hà Nội, ngày" not in text
    assert "Nơi nhận:" in text and "- Lưu: VT" in text and "GIÁM ĐỐC" in text and "(Ký, ghi rõ họ tên" in text
    assert "CUM-01" not in text


def test_office_summary_workbook_prints_and_filters_and_keeps_numbers(office, tmp_path) -> None:
    upper, _ = office
    book = load_workbook(form_reports.render_summary(upper, YEAR, tmp_path / "s.xlsx"))
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape" and str(sheet.page_setup.paperSize) == "9"  # A4
        assert sheet.print_title_rows and sheet.auto_filter.ref, sheet.title
        for row in sheet.iter_rows():
            for cell in row:
                assert not (isinstance(cell.value, str) and cell.value.rstrip().endswith("%")), (sheet.title, cell)
    missed = book["Chỉ tiêu chưa đạt"]
    for row in missed.iter_rows(min_row=2):
        assert row[2].value is None or isinstance(row[2].value, float) and row[2].number_format == "0.0%"
        assert isinstance(row[4].value, float)


def test_office_recognises_communes_as_the_upper_authority(office, tmp_path) -> None:
    upper, _ = office
    data = form_reports.recognition_data(upper, YEAR, number="3")
    assert data.issuing_body == "CÔNG AN THÀNH PHỐ HÀ NỘI" and data.doc_code == "QĐ-CAT"
    assert all(u.kind == "Xã, phường, đặc khu" for u in data.units)
    if data.units:
        text = pdf_text_flat(form_reports.render_recognition(upper, YEAR, tmp_path / "r.pdf", number="3"))
        assert "Số: 3/QĐ-CAT" in text and text.count("GIẤY CÔNG NHẬN") == len(data.units)
