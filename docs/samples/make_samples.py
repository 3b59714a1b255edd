"""Regenerate the sample PDFs (blank and filled) and the .xlsx roll-up in this folder.

Run from the repository root:  PYTHONPATH=src python docs/samples/make_samples.py
All data is invented. Every form is printed FROM DEMO STORES through `services.forms` (what
`antq form …` does): a filled sample per unit type (area, commune, agency, enterprise, school) and
a blank one, pledges still to sign, the recognition decision with certificates, the commune report
(its section V lists the year's activities) and the festival day report, and a province office's
summary (with its activity columns) and recognition of communes from two communes' data. Only the
blank annual report and the 12-household pledge run come from `antq_desktop.reports.demo`.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))  # works without installing the package

from reportlab import rl_config  # noqa: E402

rl_config.invariant = 1  # fixed dates/IDs: regenerating does not churn the committed PDFs


def _seeded(seed: int) -> None:
    """The demo stores' record ids, unit keys and sheet-code keys drawn from one seed: printed ids, key
    fingerprints and QR codes come out the same on every run, so the committed PDFs change only when the
    forms do."""
    import random
    import uuid
    from types import SimpleNamespace

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from antq_desktop.exchange import keystore
    from antq_desktop.services.scan import codes as scan_codes

    rng = random.Random(seed)
    uuid.uuid4 = lambda: uuid.UUID(int=rng.getrandbits(128), version=4)

    def seeded_key(kind: type) -> type:
        return type(kind.__name__, (), {"generate": staticmethod(lambda: kind.from_private_bytes(rng.randbytes(32))),
                                        "from_private_bytes": staticmethod(kind.from_private_bytes)})

    keystore.Ed25519PrivateKey = seeded_key(Ed25519PrivateKey)  # type: ignore[misc]
    keystore.X25519PrivateKey = seeded_key(X25519PrivateKey)  # type: ignore[misc]
    scan_codes.secrets = SimpleNamespace(token_bytes=rng.randbytes)  # type: ignore[assignment]  # sheets' tags


_seeded(20260101)

from antq_desktop.reports import (  # noqa: E402
    demo,  # noqa: E402
    render_annual_report,
    render_pledges,
)
from antq_desktop.reports.form_data import (  # noqa: E402
    AnnualReportData,
)

HEADS = {"agency": "Lê Thị Hoa", "enterprise": "Trịnh Văn Long", "school": "Nguyễn Đình Phúc"}
EXTRA_ORGS = {"agency": "Trạm Y tế xã An Nông", "enterprise": "Công ty TNHH Thương mại Hải Long",
              "school": "Trường THPT Triệu Sơn 6"}


def _add_organisations(store, year: int) -> None:  # type: ignore[no-untyped-def]
    """One organisation of each type with a registration, a met assessment and a covenant (demo data
    has no guaranteed school), so every unit type has a filled sample."""
    import datetime as dt

    from antq_desktop.domain import catalog as catalogs
    from antq_desktop.services.records import writes as records
    from antq_desktop.services.records.queries import list_rows

    area = list_rows(store, "residential_area", limit=1)[0]
    for org_type, name in EXTRA_ORGS.items():
        org = records.create(store, "organization", {
            "name": name, "org_type": org_type, "area_id": area["id"], "address": "Thôn 3, xã An Nông",
            "head_name": HEADS[org_type],
            "phone": "0237 3862 111", "staff_count": {"agency": 12, "enterprise": 1250, "school": 86}[org_type],
            "in_scope": True}, actor="admin")
        subject = {"subject_kind": "organization", "organization_id": org, "year": year}
        records.create(store, "registration", {**subject, "registered_on": dt.date(year, 2, 3)}, actor="admin")
        answers = {c.code: {"met": True, "note": ""} for c in catalogs.get_catalog().criteria(org_type)}
        records.create(store, "assessment", {**subject, "catalog_code": catalogs.DEFAULT_CATALOG_CODE,
                                             "assessor": "Lê Văn Quang", "assessed_on": dt.date(year, 11, 20),
                                             "status": "submitted", "answers": answers}, actor="admin")
        records.create(store, "pledge", {"signer_kind": "organization", "organization_id": org,
                                         "template_code": "covenant", "year": year, "signed_on": dt.date(year, 3, 2),
                                         "status": "signed"}, actor="admin")


def _ensure_meeting(store, row, unit_type: str, year: int) -> None:  # type: ignore[no-untyped-def]
    """The subject's review meeting (demo data holds one for about two areas in three, none for
    organisations or the commune): every filled minutes sample prints a meeting, not dotted lines."""
    import datetime as dt

    from antq_desktop.domain import catalog as catalogs
    from antq_desktop.services.records import meetings
    from antq_desktop.services.records import writes as records

    subject = {"subject_kind": row["subject_kind"], "area_id": row.get("area_id"),
               "organization_id": row.get("organization_id"), "year": year}
    if meetings.find(store, subject["subject_kind"], subject["area_id"], subject["organization_id"], year):
        return
    codes = [c.code for c in catalogs.get_catalog().criteria(unit_type)]
    area = row["subject_kind"] == "area"
    records.create(store, "meeting", {
        **subject, "kind": "binh_xet" if area else "xet_cong_nhan", "held_on": dt.date(year, 11, 25),
        "start_time": "14:00", "end_time": "16:00",
        "place": "Nhà văn hóa thôn" if area else "Hội trường UBND xã An Nông" if row["subject_kind"] == "commune"
        else "Phòng họp của đơn vị",
        "chair": "Lê Văn Quang", "secretary": "Phạm Thị Thu", "invited": 32, "present": 30, "absent": 2,
        "votes_for": 29, "votes_against": 1,
        "discussion": {codes[0]: "Thực hiện tốt, có sổ theo dõi đầy đủ.",
                       codes[-1]: "Đề nghị tiếp tục duy trì trong năm tới."},
        "conclusion": f"Hội nghị nhất trí đề nghị công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm {year}.",
    }, actor="admin")


def _pledge_of_a_family(store, year: int, area_id: str) -> dict:  # type: ignore[no-untyped-def]
    """A signed household pledge whose household has members on record (the pledge lists them)."""
    from antq_desktop.services.records.members import member_rows
    from antq_desktop.services.records.queries import ListQuery, list_rows

    pledges = list_rows(store, "pledge", ListQuery(year=year, filters={"area_id": area_id, "signer_kind": "household"}),
                        limit=100000)
    return max(pledges, key=lambda p: min(len(member_rows(store, p["household_id"])), 6))


def _unit_type(store, row) -> str:  # type: ignore[no-untyped-def]
    from antq_desktop.services.records.queries import list_rows

    if row["subject_kind"] != "organization":
        return row["subject_kind"]
    orgs = list_rows(store, "organization", limit=100000)
    return next(o["org_type"] for o in orgs if o["id"] == row["organization_id"])


def _first_per_type(store, record_type: str, year: int) -> dict:  # type: ignore[no-untyped-def]
    from antq_desktop.services.records.queries import ListQuery, list_rows

    found: dict = {}
    for row in list_rows(store, record_type, ListQuery(year=year), limit=100000):
        if record_type == "assessment" and row["outcome"] != "dat":
            continue
        found.setdefault(_unit_type(store, row), row)
    return found


def _commune_store(path: Path, code: str, year: int, households: int, seed: int = 1):  # type: ignore[no-untyped-def]
    import datetime as dt

    from antq_desktop.services import demo as store_demo
    from antq_desktop.services.setup import profile
    from antq_desktop.storage.db import open_store

    store = open_store(path)
    profile.initialise(store, role="commune", unit_code=code, officer_name="Lê Văn Quang",
                       password="mật khẩu mẫu dài")
    if households:
        store_demo.generate(store, households=households, seed=seed, year=year, today=dt.date(year, 12, 20))
    return store


def from_store() -> None:
    """Filled samples of every form for every unit type, printed from demo stores by the services
    (exactly what `antq form …` does), plus the blank forms, recognition and the office's summary."""
    import datetime as dt
    import tempfile

    from antq_desktop.services import forms
    from antq_desktop.services.forms import reports as form_reports
    from antq_desktop.services.records.queries import ListQuery, list_rows

    year = 2025
    with tempfile.TemporaryDirectory() as tmp:
        store = _commune_store(Path(tmp) / "xa.sqlite3", "15766", year, 300)  # Xã An Nông, Thanh Hóa
        _add_organisations(store, year)

        def out(name: str, request: forms.FormRequest) -> None:
            print(forms.render_form(store, request, HERE / f"{name}.pdf").name)

        area = list_rows(store, "residential_area", limit=1)[0]
        pledge = _pledge_of_a_family(store, year, area["id"])
        out("pledge_filled", forms.FormRequest("pledge", year, record_id=pledge["id"]))
        out("pledges_unsigned_area", forms.FormRequest("pledge", year, area_id=area["id"], unsigned=True))
        for kind, name in (("registration", "registration"), ("assessment", "self_assessment"),
                           ("minutes", "review_minutes")):
            record_type = "registration" if kind == "registration" else "assessment"
            for utype, row in _first_per_type(store, record_type, year).items():
                if kind == "minutes":
                    _ensure_meeting(store, row, utype, year)
                out(f"{name}_{utype}_filled", forms.FormRequest(kind, year, record_id=row["id"]))
            out(f"{name}_blank", forms.FormRequest(kind, year, blank=True))
        covenants = list_rows(store, "pledge", ListQuery(year=year, filters={"signer_kind": "organization"}),
                              limit=100000)
        done = set()
        for row in covenants:
            org_type = _unit_type(store, {"subject_kind": "organization", **row})
            if org_type not in done:
                done.add(org_type)
                out(f"covenant_{org_type}_filled", forms.FormRequest("covenant", year, record_id=row["id"]))
        out("covenant_blank", forms.FormRequest("covenant", year, blank=True))
        festivals = list_rows(store, "festival_day", ListQuery(year=year), limit=1)
        if festivals:  # the demo holds the commune's Ngày hội 19/8 and some areas'
            out("festival_report_filled", forms.FormRequest("festival_report", year, record_id=festivals[0]["id"]))
        out("festival_report_blank", forms.FormRequest("festival_report", year, blank=True))
        out("pledge_blank_xa", forms.FormRequest("pledge", year, blank=True))
        print(form_reports.render_recognition(store, year, HERE / "recognition_commune.pdf", number="45",
                                              decided_on=dt.date(year, 11, 14)).name)
        print(form_reports.render_recognition(store, year, HERE / "recognition_blank_number.pdf").name)
        print(form_reports.render_commune_report(store, year, HERE / "annual_report_filled.pdf",
                                                 report_date=dt.date(year + 1, 1, 5)).name)
        festival_samples(store, year)
        store.close()
        ward = _commune_store(Path(tmp) / "phuong.sqlite3", "14812", year, 0)  # Phường Bỉm Sơn
        print(forms.render_form(ward, forms.FormRequest("pledge", year, blank=True),
                                HERE / "pledge_blank_phuong.pdf").name)
        ward.close()
        office_samples(Path(tmp), year)


def festival_samples(store, year: int) -> None:  # type: ignore[no-untyped-def]
    """The report on the commune's own festival day (issue 20) and the blank one to fill by hand."""
    from antq_desktop.services import forms
    from antq_desktop.services.records.queries import ListQuery, list_rows

    days = list_rows(store, "festival_day", ListQuery(year=year), limit=100000)
    commune_day = next(d for d in days if not d["organization_id"] and not d["area_id"])
    for name, request in (("festival_report_filled", forms.FormRequest("festival_report", year,
                                                                        record_id=commune_day["id"])),
                          ("festival_report_blank", forms.FormRequest("festival_report", year, blank=True))):
        print(forms.render_form(store, request, HERE / f"{name}.pdf").name)


def office_samples(tmp: Path, year: int) -> None:
    """A province office holding two communes' data: the summary (PDF, xlsx) and its recognition of communes."""
    from sqlalchemy import insert, select

    from antq_desktop.services import forms
    from antq_desktop.services.forms import reports as form_reports
    from antq_desktop.services.setup import profile
    from antq_desktop.storage.db import open_store
    from antq_desktop.storage.models import SYNCED_MODELS

    office = open_store(tmp / "office.sqlite3")
    profile.initialise(office, role="province", unit_code="38", officer_name="Phạm Văn Tỉnh",
                       password="mật khẩu mẫu dài")
    for code, seed in (("15766", 1), ("16171", 2)):
        source = _commune_store(tmp / f"c{code}.sqlite3", code, year, 150, seed)
        with source.engine.connect() as src, office.engine.begin() as dst:  # stand-in for merged packages
            for model in SYNCED_MODELS:
                rows = [dict(r) for r in src.execute(select(model.__table__)).mappings()]
                if rows:
                    dst.execute(insert(model.__table__), rows)
        source.close()
    for suffix in ("pdf", "xlsx"):
        print(form_reports.render_summary(office, year, HERE / f"summary_upper_office.{suffix}", number="112").name)
    try:
        print(form_reports.render_recognition(office, year, HERE / "recognition_upper_office.pdf", number="310").name)
    except forms.FormError as exc:  # no commune met the standard in this demo year
        print(f"recognition_upper_office: {exc}")
    office.close()


def main() -> None:
    """Blank forms from the reports alone (no store), then everything printed from demo stores."""
    unit = demo.demo_unit()
    blank_unit = replace(unit, place=None)
    print(render_annual_report(HERE / "annual_report_blank.pdf", AnnualReportData(blank_unit)).name)
    from_store()
    print(render_pledges(HERE / "pledges_area_12_households.pdf", list(demo.demo_area(12))).name)


if __name__ == "__main__":
    main()
