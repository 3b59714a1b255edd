"""Issue 15 "documents": every form per unit type carries the unit's own header, criteria, signers and
stored facts; self-assessments tell points apart; pledges fit their page; recognition prints.

Read as a clerk would: the text of the printed PDF (pdftotext), one record at a time.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import make_store
from tests.forms.conftest import YEAR, add_covenants, fill_demo
from tests.reports.conftest import pdf_text, pdf_text_flat

from antq_desktop.domain import catalog as catalogs
from antq_desktop.paths import resource_path
from antq_desktop.reports.text import nfc, number
from antq_desktop.services import forms
from antq_desktop.services.forms import reports as form_reports
from antq_desktop.services.forms import request as form_request
from antq_desktop.services.records import writes as records
from antq_desktop.services.records.queries import ListQuery, list_rows
from antq_desktop.storage.db import Store

OFFICER = "Đỗ Thị Hạnh"
HIGH_SCHOOL = "Trường THPT Trần Phú"
ORGS = {"agency": ("Trạm Y tế phường", "Trưởng trạm"), "enterprise": ("Công ty TNHH Hải Long", ""),
        "school": (HIGH_SCHOOL, "")}
SIGNERS = {"area": ("BÍ THƯ", "TỔ TRƯỞNG TỔ DÂN PHỐ"), "commune": ("CHỦ TỊCH",), "agency": ("THỦ TRƯỞNG CƠ QUAN",),
           "enterprise": ("GIÁM ĐỐC",), "school": ("HIỆU TRƯỞNG",)}


def _answers(unit_type: str, unmet: tuple[str, ...] = ()) -> dict[str, dict[str, object]]:
    crit = catalogs.get_catalog().criteria(unit_type)
    return {c.code: {"met": c.code not in unmet, "note": "Chưa tổ chức" if c.code in unmet else ""} for c in crit}


def _org(store: Store, org_type: str, area_id: str) -> str:
    name, _ = ORGS[org_type]
    org = records.create(store, "organization", {"name": name, "org_type": org_type, "area_id": area_id,
                                                 "address": f"Số 9 phố Tràng Thi ({org_type})",
                                                 "head_name": f"Phan Văn {org_type.title()}", "phone": "0243826111",
                                                 "staff_count": 24985, "in_scope": True}, actor="admin")
    records.create(store, "registration", {"subject_kind": "organization", "organization_id": org, "year": YEAR,
                                           "registered_on": date(YEAR, 2, 3)}, actor="admin")
    records.create(store, "assessment", {"subject_kind": "organization", "organization_id": org, "year": YEAR,
                                         "catalog_code": catalogs.DEFAULT_CATALOG_CODE, "assessor": OFFICER,
                                         "assessed_on": date(YEAR, 11, 20), "status": "submitted",
                                         "answers": _answers(org_type)}, actor="admin")
    return org


@pytest.fixture(scope="module")
def docs_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """A ward (phường Hoàn Kiếm) with demo data, one organisation of each type and a capped assessment."""
    store = fill_demo(make_store(tmp_path_factory.mktemp("docs") / "ward.sqlite3"), households=80)
    area = list_rows(store, "residential_area", limit=1)[0]
    records.update(store, "residential_area", area["id"], {"address": "Ngõ 12 phố Hàng Bông", "population": 24985},
                   actor="admin")
    for org_type in ORGS:
        _org(store, org_type, area["id"])
    add_covenants(store, 10)
    yield store
    store.close()


def _one(store: Store, tmp_path: Path, kind: str, record_id: str, name: str = "x.pdf") -> tuple[str, str]:
    pdf = forms.render_form(store, forms.FormRequest(kind, YEAR, record_id=record_id), tmp_path / name)
    return pdf_text_flat(pdf), pdf_text(pdf)


def _subjects(store: Store, record_type: str) -> list[tuple[dict, str, dict]]:
    """(record, unit type, subject facts) of every record of the year."""
    areas = {a["id"]: a for a in list_rows(store, "residential_area")}
    orgs = {o["id"]: o for o in list_rows(store, "organization")}
    out = []
    for r in list_rows(store, record_type, ListQuery(year=YEAR)):
        if r["subject_kind"] == "area":
            out.append((r, "area", areas[r["area_id"]]))
        elif r["subject_kind"] == "organization":
            org = orgs[r["organization_id"]]
            out.append((r, org["org_type"], org))
        else:
            out.append((r, "commune", {}))
    return out


def _assert_clean(text: str) -> None:
    """No unfilled template placeholder reaches paper."""
    assert not re.search(r"\{[A-Za-z_]+\}", text), text


# ---------------------------------------------------------------- registration per unit type

def test_registration_of_every_unit_type_carries_its_own_header_criteria_signers_and_facts(docs_store, tmp_path):
    seen = set()
    households = {a["id"]: n for a, n in _live_households(docs_store)}
    for record, utype, subject in _subjects(docs_store, "registration"):
        flat, _ = _one(docs_store, tmp_path, "registration", record["id"])
        _assert_clean(flat)
        seen.add(utype)
        for title in SIGNERS[utype]:
            assert title in flat, (utype, title)
        assert "XÁC NHẬN CỦA CÔNG AN" not in flat  # nobody's registration is "confirmed" by the police here
        for c in catalogs.get_catalog().criteria(utype):
            if c.required:
                assert nfc(form_request.localise_line(c.text, "phường")) in flat, (utype, c.code)
        assert "tai nạn giao thông" in flat
        if utype == "area":
            assert flat.startswith(" UBND PHƯỜNG HOÀN KIẾM") or "UBND PHƯỜNG HOÀN KIẾM" in flat[:80]
            assert "Kính gửi: Ủy ban nhân dân phường Hoàn Kiếm" in flat
            assert nfc(f"Tên khu dân cư: {subject['name']}") in flat
            assert f"Số hộ gia đình: {number(households[subject['id']])}" in flat
            if subject.get("population"):
                assert f"Số nhân khẩu: {number(subject['population'])}" in flat
            if subject.get("head_name"):
                assert nfc(f"Tổ trưởng tổ dân phố: {subject['head_name']}") in flat
            if subject.get("address"):
                assert nfc(f"Địa chỉ: {subject['address']}") in flat
        elif utype == "commune":
            assert "Kính gửi: Công an thành phố Hà Nội" in flat
            assert "TM. ỦY BAN NHÂN DÂN" in flat and "Số khu dân cư:" in flat and "Số hộ gia đình:" in flat
        else:
            assert "Số hộ gia đình" not in flat and "Số nhân khẩu" not in flat  # an organisation has no households
            assert "UBND PHƯỜNG" not in flat[:120]  # an enterprise or a high school is not under the ward
            assert nfc(subject["name"]) in flat and nfc(subject["address"]) in flat
            assert nfc(subject["head_name"]) in flat
            if subject.get("staff_count"):
                assert number(subject["staff_count"]) in flat
    assert seen == {"area", "commune", "agency", "enterprise", "school"}


def _live_households(store: Store) -> list[tuple[dict, int]]:
    hh = list_rows(store, "household", limit=100000)
    return [(a, sum(1 for h in hh if h["area_id"] == a["id"])) for a in list_rows(store, "residential_area")]


def test_a_high_school_sits_under_the_education_department(docs_store, tmp_path):
    record = next(r for r, t, s in _subjects(docs_store, "registration") if s.get("name") == HIGH_SCHOOL)
    flat, _ = _one(docs_store, tmp_path, "registration", record["id"])
    head = flat[:200]  # the two header columns interleave in the extracted text
    assert "SỞ GIÁO DỤC VÀ ĐÀO TẠO" in head and "THÀNH PHỐ HÀ NỘI" in head and "UBND" not in head
    assert "24.985" in flat  # staff count with a Vietnamese thousands separator


# ---------------------------------------------------------------- self-assessment

def test_self_assessment_max_and_awarded_binding_and_bonus_period_and_officer(docs_store, tmp_path):
    seen = set()
    for record, utype, _ in _subjects(docs_store, "assessment"):
        if utype not in ("area", "school") or utype in seen:
            continue
        seen.add(utype)
        flat, _ = _one(docs_store, tmp_path, "assessment", record["id"], f"{utype}.pdf")
        _assert_clean(flat)
        assert re.search(r"Điểm\s+Điểm.{0,40}tối\s+đa\s+đạt", flat)  # two columns: maximum, awarded
        assert "A. Tiêu chí bắt buộc" in flat and "B. Tiêu chí cộng điểm" in flat
        period = (f"từ ngày 01/11/{YEAR - 1} đến ngày 31/10/{YEAR}" if utype == "area"
                  else f"từ ngày 16/11/{YEAR - 1} đến ngày 15/11/{YEAR}")
        assert f"Kỳ đánh giá: {period}" in flat
        assert nfc(record["assessor"]) in flat and "NGƯỜI LẬP" in flat
        assert "Phường Hoàn Kiếm" != record["assessor"]  # the demo's preparer is a person
    assert seen == {"area", "school"}


def test_minutes_of_every_unit_type_are_headed_by_the_reviewed_unit(docs_store, tmp_path):
    """Review minutes are the reviewed unit's: its own header (an area under the ward's committee, an
    organisation under itself, a high school under the education department), never the police's
    "CÔNG AN PHƯỜNG … /BB-CAX"; chair and secretary sign; nothing left as a placeholder."""
    seen = set()
    for record, utype, subject in _subjects(docs_store, "assessment"):
        if utype in seen:
            continue
        seen.add(utype)
        flat, _ = _one(docs_store, tmp_path, "minutes", record["id"], f"bb-{utype}.pdf")
        _assert_clean(flat)
        head = flat[:160]
        assert "BB-CAX" not in flat and "CÔNG AN PHƯỜNG" not in head and "Số: ………/BB" in flat, utype
        assert "CHỦ TRÌ" in flat and "THƯ KÝ" in flat, utype
        if utype == "area":
            assert "UBND PHƯỜNG HOÀN KIẾM" in head and nfc(subject["name"]).upper() in head
        elif utype == "commune":
            assert "ỦY BAN NHÂN DÂN" in head and "PHƯỜNG HOÀN KIẾM" in head
        else:
            assert nfc(subject["name"]).upper() in head and "UBND PHƯỜNG" not in head, utype
            assert nfc(f"Đề nghị công nhận {subject['name']}") in flat or nfc(subject["name"]) in flat
    assert seen == {"area", "commune", "agency", "enterprise", "school"}


def test_the_communes_own_sheet_asks_the_upper_office_to_review_it(docs_store, tmp_path):
    """The ward's sheet goes to the city police ("Kính gửi"): its closing asks that office, not the ward's own
    police, to review it; an area's sheet still asks the ward police (who advise the ward's committee)."""
    closings = {}
    for record, utype, _ in _subjects(docs_store, "assessment"):
        if utype in ("commune", "area") and utype not in closings:
            closings[utype] = _one(docs_store, tmp_path, "assessment", record["id"], f"{utype}.pdf")[0]
    assert "đề nghị Công an thành phố Hà Nội xem xét, công nhận." in closings["commune"]
    assert "đề nghị Công an phường xem xét" not in closings["commune"]
    assert "đề nghị Công an phường xem xét." in closings["area"]


def test_unmet_rows_show_zero_awarded_and_a_capped_level_says_why(docs_store, tmp_path):
    area = list_rows(docs_store, "residential_area", limit=1)[0]
    binding = next(c for c in catalogs.get_catalog().criteria("area") if c.required and c.points == 10)
    rid = records.create(docs_store, "assessment", {
        "subject_kind": "area", "area_id": area["id"], "year": YEAR + 1, "catalog_code": catalogs.DEFAULT_CATALOG_CODE,
        "assessor": OFFICER, "assessed_on": date(YEAR + 1, 10, 30), "status": "draft",
        "answers": _answers("area", (binding.code,))}, actor="admin")
    pdf = forms.render_form(docs_store, forms.FormRequest("assessment", YEAR + 1, record_id=rid), tmp_path / "c.pdf")
    flat = pdf_text_flat(pdf)
    assert "Tổng điểm: 90/100" in flat and "Kết quả tự đánh giá: Chưa đạt" in flat
    assert "Tự xếp loại: Trung bình" in flat
    assert f"Lý do: Chưa đạt tiêu chuẩn vì tiêu chí bắt buộc {binding.code} chưa đạt" in flat
    assert "chỉ được xếp loại cao nhất “Trung bình” (theo điểm 90 là “Tốt”)" in flat
    row = re.search(rf"{binding.code}\s+(?:\D*?\s)?(\d+) (\d+) X", flat)
    assert row and row.groups() == ("10", "0"), "unmet row: maximum 10, awarded 0, ticked 'Không đạt'"
    assert "Tổng cộng 100 90" in flat


# ---------------------------------------------------------------- signatures never alone on a page

def _closings() -> list[re.Pattern[str]]:
    """Every closing sentence of the bundled wording, placeholders as wildcards."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "closing" and isinstance(value, str) and value:
                    found.append(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in Path(resource_path("forms")).glob("*.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    out = []
    for text in found:
        pattern = re.escape(nfc(text)).replace(r"\ ", r"\s+")
        pattern = re.sub(r"\\\{[A-Za-z_]+\\\}", r".{1,80}?", pattern).replace("Công\\s+an\\s+xã", "Công\\s+an\\s+\\w+")
        out.append(re.compile(pattern, re.S))
    return out


SIGNATURE_LINE = re.compile(r"(\(Ký, ghi rõ|^[A-ZÀ-Ỹ .\n]{4,}$|Mã hồ sơ|Dấu khóa|Nơi nhận|^\s*-\s|^\s*\d+\s*$)")


def pages_with_only_signatures(pdf: Path, names: set[str]) -> list[int]:
    """Pages whose text, once the signature block, names, closing sentence and footer are removed, is empty."""
    closings = _closings()
    bad = []
    for no, page in enumerate(pdf_text(pdf).split("\f"), 1):
        if "(Ký, ghi rõ" not in page:
            continue
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        body = " ".join(ln for ln in lines if not SIGNATURE_LINE.search(ln) and ln not in names)
        for pattern in closings:
            body = pattern.sub(" ", body)
        if len(re.sub(r"[\W\d_]+", "", body)) < 20:
            bad.append(no)
    return bad


def test_the_checker_flags_a_page_holding_only_the_closing_and_signatures(tmp_path):
    from reportlab.platypus import PageBreak

    from antq_desktop.reports import nd30
    from antq_desktop.reports.batch import RecordMark, render_records
    from antq_desktop.reports.forms.common import FRAME_WIDTH, para

    closing = "Đơn vị cam đoan kết quả tự đánh giá trên là đúng sự thật và đề nghị Công an xã xem xét."

    def build(_: int) -> tuple[RecordMark, list]:
        body = [para("Nội dung chính của văn bản, đủ dài để là thân bài thật sự của trang đầu."), PageBreak()]
        return RecordMark("t"), body + nd30.closing_and_signatures([para(closing)], [nd30.Signer("THỦ TRƯỞNG", "An")],
                                                                   FRAME_WIDTH)

    pdf = render_records(tmp_path / "bad.pdf", [1], build, title="t")
    assert pages_with_only_signatures(pdf, {"An"}) == [2]


@pytest.mark.parametrize("kind", ["registration", "assessment", "covenant", "pledge", "minutes"])
def test_no_page_holds_only_closing_and_signatures(docs_store, tmp_path, kind):
    pdf = forms.render_form(docs_store, forms.FormRequest(kind, YEAR), tmp_path / f"{kind}.pdf")
    names = {nfc(n) for n in _all_names(docs_store)}
    assert pages_with_only_signatures(pdf, names) == []


def _all_names(store: Store) -> set[str]:
    names = {OFFICER}
    for t in ("residential_area", "organization", "household", "assessment"):
        for r in list_rows(store, t, limit=100000):
            names.update(v for k, v in r.items() if k in ("head_name", "assessor") and v)
    return names


# ---------------------------------------------------------------- covenant per organisation type

def test_covenant_wording_follows_the_organisation_type(docs_store, tmp_path):
    orgs = {o["id"]: o for o in list_rows(docs_store, "organization")}
    seen = set()
    for pledge in list_rows(docs_store, "pledge", ListQuery(year=YEAR, filters={"signer_kind": "organization"})):
        org = orgs[pledge["organization_id"]]
        flat, _ = _one(docs_store, tmp_path, "covenant", pledge["id"])
        _assert_clean(flat)
        seen.add(org["org_type"])
        assert ("học sinh" in flat) == (org["org_type"] == "school"), org["org_type"]
        assert {"agency": "THỦ TRƯỞNG CƠ QUAN", "enterprise": "GIÁM ĐỐC", "school": "HIỆU TRƯỞNG"}[org["org_type"]] \
            in flat
        assert nfc(org["name"]) in flat and nfc(org["head_name"]) in flat
    assert seen == {"agency", "enterprise", "school"}


# ---------------------------------------------------------------- pledges

def test_household_pledge_fills_every_stored_fact(docs_store, tmp_path):
    pledge = list_rows(docs_store, "pledge", ListQuery(year=YEAR, filters={"signer_kind": "household"}), limit=1)[0]
    household = next(h for h in list_rows(docs_store, "household", limit=100000)
                     if h["id"] == pledge["household_id"])
    area = next(a for a in list_rows(docs_store, "residential_area") if a["id"] == household["area_id"])
    flat, raw = _one(docs_store, tmp_path, "pledge", pledge["id"])
    _assert_clean(flat)
    assert nfc(f"Họ và tên chủ hộ: {household['head_name']}") in flat
    assert nfc(household["address"]) in flat and nfc(area["name"]) in flat
    assert f"({household['members']} người)" in flat
    assert "TỔ TRƯỞNG TỔ DÂN PHỐ" in flat and "TRƯỞNG THÔN" not in flat  # a ward's areas are tổ dân phố
    assert raw.count("\f") <= 1  # one page


def test_member_rows_follow_the_member_count_and_a_long_address_keeps_one_page(tmp_path):
    from dataclasses import replace

    from tests.reports.conftest import pdf_pages

    from antq_desktop.reports import demo, render_pledges

    d = demo.demo_pledge(3)
    small = replace(d, members=d.members[:1], member_count=3)
    long_address = ("Số 12, ngõ 34, đường Nguyễn Trãi, tổ dân phố số 5, phường Hoàn Kiếm, thành phố Hà Nội, "
                    "nhà có cổng sắt màu xanh cạnh trường mầm non Hoa Sen, đối diện chợ Đồng Xuân, gần ngã tư "
                    "Hàng Đào, sau ngõ nhỏ số 14B, khu tập thể cũ, tầng 3, căn hộ số 12")
    big = replace(small, member_count=8, address=long_address)
    pdf = render_pledges(tmp_path / "p.pdf", [small, big])
    assert pdf_pages(pdf) == 2  # one page each: the address takes member rows, never the signatures
    first, second = pdf_text(pdf).split("\f")[:2]
    rows = [int(n) for n in re.findall(r"^\s+(\d)\s*$", first, re.M)]
    assert rows == [2, 3]  # the head's row (named) plus 2 blank rows for a 3-person household
    assert "NGƯỜI CAM KẾT" in second and "Số 12, ngõ 34" in second


def test_blank_pledge_in_a_ward_is_signed_by_the_to_truong(docs_store, tmp_path):
    pdf = forms.render_form(docs_store, forms.FormRequest("pledge", YEAR, blank=True), tmp_path / "b.pdf")
    flat = pdf_text_flat(pdf)
    assert "TỔ TRƯỞNG TỔ DÂN PHỐ" in flat and "TRƯỞNG THÔN" not in flat


def test_blank_pledge_in_a_xa_is_signed_by_the_truong_thon(tmp_path):
    store = make_store(tmp_path / "xa.sqlite3", "19483")  # Xã A Dơi, from the official catalog
    try:
        assert form_request.kind_word(form_request.get_profile(store)) == "xã"
        pdf = forms.render_form(store, forms.FormRequest("pledge", YEAR, blank=True), tmp_path / "b.pdf")
        assert "TRƯỞNG THÔN" in pdf_text_flat(pdf)
    finally:
        store.close()


def _unsigned(store: Store) -> list[dict]:
    signed = {p["household_id"] for p in list_rows(store, "pledge", ListQuery(year=YEAR), limit=100000)
              if p["status"] == "signed"}
    return [h for h in list_rows(store, "household", limit=100000) if h["id"] not in signed]


def test_unsigned_prints_one_prefilled_page_per_household_without_a_pledge(docs_store, tmp_path):
    unsigned = _unsigned(docs_store)
    assert unsigned, "the demo leaves some households unsigned"
    request = forms.FormRequest("pledge", YEAR, unsigned=True)
    assert forms.count_records(docs_store, request) == len(unsigned)
    pdf = forms.render_form(docs_store, request, tmp_path / "u.pdf")
    text = pdf_text_flat(pdf)
    assert text.count("BẢN CAM KẾT") == len(unsigned)
    for h in unsigned:
        assert nfc(f"Họ và tên chủ hộ: {h['head_name']}") in text
    assert "Mã hồ sơ" not in text  # not a stored pledge: no record mark


def test_chosen_households_and_a_household_without_a_pledge(docs_store, tmp_path):
    signed = list_rows(docs_store, "pledge", ListQuery(year=YEAR, filters={"signer_kind": "household"}), limit=3)
    ids = tuple(p["household_id"] for p in signed)
    assert forms.count_records(docs_store, forms.FormRequest("pledge", YEAR, household_ids=ids)) == len(ids)
    lonely = _unsigned(docs_store)[0]
    with pytest.raises(forms.FormError) as err:
        forms.render_form(docs_store, forms.FormRequest("pledge", YEAR, household_id=lonely["id"]), tmp_path / "n.pdf")
    message = str(err.value)
    assert nfc(lonely["head_name"]) in message and "chưa có bản cam kết" in message
    assert "của đơn vị" not in message  # not "the whole unit has none"


# ---------------------------------------------------------------- recognition

def test_recognition_decision_annex_and_one_certificate_per_recognised_unit(docs_store, tmp_path):
    met = [r for r in list_rows(docs_store, "assessment", ListQuery(year=YEAR), limit=100000)
           if r["status"] == "submitted" and r["outcome"] == "dat" and r["subject_kind"] != "commune"]
    pdf = form_reports.render_recognition(docs_store, YEAR, tmp_path / "r.pdf", number="07",
                                          decided_on=date(YEAR, 11, 20))
    text = pdf_text_flat(pdf)
    _assert_clean(text)
    assert "QUYẾT ĐỊNH" in text and "Số: 07/QĐ-UBND" in text and "ngày 20 tháng 11 năm" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM" in text and "TM. ỦY BAN NHÂN DÂN" in text
    assert f"Công nhận {len(met):02d} đơn vị" in text
    assert "DANH SÁCH" in text and "Kèm theo Quyết định số 07/QĐ-UBND ngày 20/11/" in text
    assert text.count("GIẤY CÔNG NHẬN") == len(met)
    for r in met:
        assert nfc(r["subject_name"]) in text


def test_recognition_without_number_prints_dots(docs_store, tmp_path):
    text = pdf_text_flat(form_reports.render_recognition(docs_store, YEAR, tmp_path / "r.pdf"))
    assert "Số: ………/QĐ-UBND" in text


def test_no_recognition_or_summary_page_holds_only_signatures(docs_store, tmp_path):
    names = {nfc(n) for n in _all_names(docs_store)}
    recognition = form_reports.render_recognition(docs_store, YEAR, tmp_path / "r.pdf")
    summary = form_reports.render_summary(docs_store, YEAR, tmp_path / "s.pdf")
    assert pages_with_only_signatures(recognition, names) == []
    assert pages_with_only_signatures(summary, names) == []
