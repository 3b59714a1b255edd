"""Filled forms from a demo store: headings, the records' own data (NFC), fonts, QR and footer."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.forms.conftest import YEAR, first_area
from tests.reports.conftest import pdf_fonts, pdf_pages, pdf_text_flat

from antq_desktop.domain import catalog as catalogs
from antq_desktop.reports import RenderCancelled, batch
from antq_desktop.services import forms
from antq_desktop.services.forms import request as form_request
from antq_desktop.services.records.queries import ListQuery, list_rows
from antq_desktop.storage.models import Assessment, Household, Pledge, ResidentialArea


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def render(store, tmp_path: Path, **kw) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{kw['kind']}.pdf"
    return forms.render_form(store, forms.FormRequest(year=kw.pop("year", YEAR), **kw), out)


def assert_embedded(pdf: Path) -> None:
    fonts = pdf_fonts(pdf)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts


def test_issuing_unit_from_profile(forms_store) -> None:
    unit = forms.unit_info(forms_store)
    assert (unit.parent_body, unit.issuing_body) == ("CÔNG AN THÀNH PHỐ HÀ NỘI", "CÔNG AN PHƯỜNG HOÀN KIẾM")
    assert (unit.place, unit.commune_name) == ("Hoàn Kiếm", "phường Hoàn Kiếm")
    assert unit.key_fingerprint == form_request.key_fingerprint(forms_store) != ""


def test_pledges_of_an_area(forms_store, tmp_path) -> None:
    area = first_area(forms_store)
    pledges = list_rows(forms_store, "pledge", ListQuery(year=YEAR, filters={"area_id": area["id"],
                                                                             "status": "signed"}))
    pdf = render(forms_store, tmp_path, kind="pledge", area_id=area["id"])
    text = pdf_text_flat(pdf)
    assert pdf_pages(pdf) == len(pledges) == text.count("BẢN CAM KẾT")
    households = {h["id"]: h for h in list_rows(forms_store, "household", ListQuery(filters={"area_id": area["id"]}))}
    for p in pledges[:20]:
        household = households[p["household_id"]]
        assert nfc(f"Họ và tên chủ hộ: {household['head_name']}") in text
        assert nfc(f"Nơi cư trú: {household['address']}") in text
        assert f"({household['members']} người)" in text
        assert f"Mã hồ sơ: {p['id']} · phiên bản {p['revision']}" in text
    assert nfc(area["name"]) in text and nfc(area["head_name"]) in text
    assert f"Dấu khóa xã: {form_request.key_fingerprint(forms_store)}" in text
    assert_embedded(pdf)


def test_one_household_and_one_record(forms_store, tmp_path) -> None:
    pledge = list_rows(forms_store, "pledge", ListQuery(year=YEAR), limit=1)[0]
    by_household = render(forms_store, tmp_path, kind="pledge", household_id=pledge["household_id"])
    assert pdf_pages(by_household) == 1
    assert pledge["id"] in pdf_text_flat(by_household)
    by_record = render(forms_store, tmp_path, kind="pledge", record_id=pledge["id"])
    assert pledge["id"] in pdf_text_flat(by_record)


def test_qr_payload_carries_uuid_and_revision(forms_store, tmp_path, monkeypatch) -> None:
    seen: list[str] = []
    original = batch.qr_payload
    monkeypatch.setattr(batch, "qr_payload", lambda *a: seen.append(original(*a)) or seen[-1])
    pledge = list_rows(forms_store, "pledge", ListQuery(year=YEAR), limit=1)[0]
    render(forms_store, tmp_path, kind="pledge", record_id=pledge["id"])
    fingerprint = form_request.key_fingerprint(forms_store)
    assert seen == [original("household_pledge", pledge["id"], pledge["revision"], fingerprint)]
    assert seen[0].startswith(f"ANTQ1|household_pledge|{pledge['id']}|r{pledge['revision']}|")


@pytest.mark.skipif(not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbar-tools not installed")
def test_printed_qr_scans_to_the_record(forms_store, tmp_path) -> None:
    registration = list_rows(forms_store, "registration", ListQuery(year=YEAR), limit=1)[0]
    pdf = render(forms_store, tmp_path, kind="registration", record_id=registration["id"])
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "qr")],
                   check=True)  # a whole page at 150 dpi, the resolution of an ordinary office scan
    png = next(tmp_path.glob("qr*.png"))
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout.strip()
    fingerprint = "".join(ch for ch in form_request.key_fingerprint(forms_store) if ch.isalnum())[:16]
    assert len(fingerprint) == 16
    assert scanned == (f"ANTQ1|registration|{registration['id']}|r{registration['revision']}|{fingerprint}")


def test_covenants_of_organisations(forms_store, tmp_path) -> None:
    pdf = render(forms_store, tmp_path, kind="covenant")
    text = pdf_text_flat(pdf)
    covenants = [p for p in list_rows(forms_store, "pledge", ListQuery(year=YEAR))
                 if p["signer_kind"] == "organization"]
    assert covenants and text.count("BẢN GIAO ƯỚC THI ĐUA") == len(covenants)
    for c in covenants:
        assert nfc(c["signer_name"]) in text and c["id"] in text
    assert "Trưởng Công an phường" in text and "TRƯỞNG CÔNG AN PHƯỜNG" in text  # a ward, not "xã"
    assert_embedded(pdf)


def test_registrations_of_the_year(forms_store, tmp_path) -> None:
    registrations = list_rows(forms_store, "registration", ListQuery(year=YEAR))
    pdf = render(forms_store, tmp_path, kind="registration")
    text = pdf_text_flat(pdf)
    assert text.count("BẢN ĐĂNG KÝ") == len(registrations)
    for r in registrations:
        assert r["id"] in text
        name = "Phường Hoàn Kiếm" if r["subject_kind"] == "commune" else r["subject_name"]
        # Each unit type names itself ("Tên khu dân cư", "Tên doanh nghiệp"…: resources/forms/unit_types.json).
        assert any(nfc(f"{label}: {name}") in text for label in REGISTRANT_NAME_LABELS), name
    assert_embedded(pdf)


REGISTRANT_NAME_LABELS = ("Tên đơn vị", "Tên khu dân cư", "Tên cơ quan", "Tên doanh nghiệp", "Tên cơ sở giáo dục")


def _assessment(store, outcome: str) -> tuple[dict, str]:  # type: ignore[no-untyped-def]
    """An assessment with this outcome and the catalog unit type of its subject."""
    row = list_rows(store, "assessment", ListQuery(year=YEAR, filters={"outcome": outcome}))[0]
    if row["subject_kind"] != "organization":
        return row, row["subject_kind"]
    org = next(o for o in list_rows(store, "organization") if o["id"] == row["organization_id"])
    return row, org["org_type"]


def _name(row: dict) -> str:
    return "Phường Hoàn Kiếm" if row["subject_kind"] == "commune" else row["subject_name"]


@pytest.mark.parametrize("outcome", ["dat", "chua_dat"])
def test_self_assessment_sheet_matches_answers(forms_store, tmp_path, outcome) -> None:
    row, unit_type = _assessment(forms_store, outcome)
    pdf = render(forms_store, tmp_path, kind="assessment", record_id=row["id"])
    text = pdf_text_flat(pdf)
    catalog = catalogs.get_catalog(row["catalog_code"])
    answers = json.loads(row["answers"]) if isinstance(row["answers"], str) else row["answers"]
    assert "PHIẾU TỰ ĐÁNH GIÁ" in text and nfc(f"Đơn vị tự đánh giá: {_name(row)}") in text
    for criterion in catalog.criteria(unit_type):
        assert criterion.code in text
    met_points = sum(c.points for c in catalog.criteria(unit_type) if answers.get(c.code, {}).get("met"))
    assert met_points == row["score"]
    assert f"Tổng điểm: {row['score']:g}/{sum(c.points for c in catalog.criteria(unit_type)):g}" in text
    assert f"Kết quả tự đánh giá: {'Đạt' if outcome == 'dat' else 'Chưa đạt'}" in text
    assert nfc(f"Tự xếp loại: {catalog.level(row['level']).label}") in text
    assert f"Mã hồ sơ: {row['id']} · phiên bản {row['revision']}" in text


def test_minutes_prefilled_from_assessment(forms_store, tmp_path) -> None:
    row, _ = _assessment(forms_store, "dat")
    pdf = render(forms_store, tmp_path, kind="minutes", record_id=row["id"])
    text = pdf_text_flat(pdf)
    assert "BIÊN BẢN" in text and "III. KẾT LUẬN" in text
    assert nfc(f"Đề nghị công nhận {_name(row)} đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm {YEAR}") \
        in text
    assert row["id"] in text
    assert "Chủ trì:" in text  # meeting facts stay blank lines to fill in


def test_scope_area_covers_area_and_its_organisations(forms_store, tmp_path) -> None:
    with forms_store.engine.connect() as conn:
        area_ids = list(conn.execute(select(ResidentialArea.id)).scalars())
        expected = conn.execute(select(Assessment.id).where(Assessment.year == YEAR)).scalars().all()
    total = sum(forms.count_records(forms_store, forms.FormRequest("assessment", YEAR, area_id=a)) for a in area_ids)
    commune_only = 1  # the commune's own assessment belongs to no area
    assert total + commune_only == len(expected) == forms.count_records(forms_store,
                                                                       forms.FormRequest("assessment", YEAR))


def test_blank_forms_have_no_record_mark(forms_store, tmp_path) -> None:
    for kind in forms.FORM_KINDS:
        pdf = render(forms_store, tmp_path, kind=kind, blank=True)
        text = pdf_text_flat(pdf)
        assert pdf_pages(pdf) >= 1 and "Mã hồ sơ" not in text, kind
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text


def test_blank_pledges_with_names_for_an_area(forms_store, tmp_path) -> None:
    area = first_area(forms_store)
    with forms_store.engine.connect() as conn:
        heads = conn.execute(select(Household.head_name).where(Household.area_id == area["id"])).scalars().all()
    pdf = render(forms_store, tmp_path, kind="pledge", blank=True, area_id=area["id"], names=True)
    text = pdf_text_flat(pdf)
    assert pdf_pages(pdf) == len(heads) and all(nfc(h) in text for h in heads[:10])
    assert "Mã hồ sơ" not in text


def test_no_records_says_what_to_do(forms_store, tmp_path) -> None:
    with pytest.raises(forms.FormError, match="Không có bản cam kết hộ gia đình nào .* năm 1999.*--blank"):
        render(forms_store, tmp_path, kind="pledge", year=1999)
    assert not (tmp_path / "pledge.pdf").exists()


def test_cancel_leaves_no_file(forms_store, tmp_path) -> None:
    flag = threading.Event()
    flag.set()
    with pytest.raises(RenderCancelled):
        forms.render_form(forms_store, forms.FormRequest("pledge", YEAR), tmp_path / "x.pdf", cancel=flag)
    assert list(tmp_path.iterdir()) == []


def test_pledge_counts_match_store(forms_store) -> None:
    with forms_store.engine.connect() as conn:
        signed = conn.execute(select(Pledge.id).where(Pledge.year == YEAR, Pledge.status == "signed",
                                                      Pledge.signer_kind == "household")).scalars().all()
    assert forms.count_records(forms_store, forms.FormRequest("pledge", YEAR)) == len(signed)


def test_without_a_key_the_footer_has_no_fingerprint(store, tmp_path) -> None:
    from antq_desktop.services.records import writes as records
    from antq_desktop.storage.models import LocalKey, utcnow

    with store.session() as session:
        session.execute(LocalKey.__table__.update().values(retired_at=utcnow()))
    assert form_request.key_fingerprint(store) == ""
    area = records.create(store, "residential_area", {"name": "Thôn Đoài"}, actor="admin")
    reg = records.create(store, "registration", {"subject_kind": "area", "area_id": area, "year": YEAR,
                                                 "registered_on": "2025-02-01"}, actor="admin")
    text = pdf_text_flat(render(store, tmp_path, kind="registration", record_id=reg))
    assert f"Mã hồ sơ: {reg} · phiên bản 1" in text and "Dấu khóa xã" not in text
    assert "Tên khu dân cư: Thôn Đoài" in text  # the area's own label (unit_types.json)


def test_every_form_on_both_engines(any_store, tmp_path) -> None:
    """The Core queries (unions, CASE ordering, C-collated sort keys) run on SQLite and PostgreSQL."""
    from tests.forms.conftest import add_covenants, fill_demo

    from antq_desktop.services.forms import reports as form_reports

    fill_demo(any_store, households=60)
    add_covenants(any_store, 1)
    area = first_area(any_store)
    for kind in forms.FORM_KINDS:
        assert pdf_pages(render(any_store, tmp_path, kind=kind, area_id=None if kind == "covenant" else area["id"]))
        assert pdf_pages(render(any_store, tmp_path, kind=kind, blank=True, names=True))
    assert form_reports.render_commune_report(any_store, YEAR, tmp_path / "r.pdf").exists()
    assert form_reports.render_summary(any_store, YEAR, tmp_path / "s.xlsx").exists()
