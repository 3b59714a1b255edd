"""Regenerate the sample PDFs (blank and filled) and the .xlsx roll-up in this folder.

Run from the repository root:  PYTHONPATH=src python docs/samples/make_samples.py
All data is invented. The filled forms and the annual report are printed FROM A DEMO STORE
through `services.forms` (what `antq form …` does); the blank forms and the multi-commune
roll-up come from `antq_desktop.reports.demo`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))  # works without installing the package

from reportlab import rl_config  # noqa: E402

rl_config.invariant = 1  # fixed dates/IDs: regenerating does not churn the committed PDFs

from antq_desktop.paths import resource_path  # noqa: E402
from antq_desktop.reports import (  # noqa: E402
    demo,  # noqa: E402
    render_annual_report,
    render_covenants,
    render_minutes,
    render_pledges,
    render_registrations,
    render_self_assessments,
    render_summary_pdf,
    write_summary_xlsx,
)
from antq_desktop.reports.form_data import (  # noqa: E402
    AnnualReportData,
    CovenantData,
    CriterionRow,
    MinutesData,
    PledgeData,
    RegistrationData,
    SelfAssessmentData,
)


def catalog_criteria(unit_type: str = "area") -> tuple[CriterionRow, ...] | None:
    """Criteria of the bundled TT124/TT48 catalog, read straight from its JSON for the sample.

    The application gets them from the domain layer; this keeps the sample script free of it.
    """
    path = resource_path("catalogs", "tt124-2021_tt48-2025.json")
    if not path.is_file():
        return None
    criteria = json.loads(path.read_text(encoding="utf-8"))["unit_types"][unit_type]["criteria"]
    return tuple(CriterionRow(c["code"], c["text"], c["points"]) for c in criteria)


def self_assessment_samples() -> tuple[SelfAssessmentData, SelfAssessmentData]:
    filled = demo.demo_self_assessment()
    rows = catalog_criteria()
    if rows is None:
        return filled, SelfAssessmentData(filled.unit, demo.demo_criteria(filled=False))
    ticked = tuple(replace(r, met=(i != 3), note="Đạt 97,4% số hộ" if i == 3 else "") for i, r in enumerate(rows))
    score = sum(r.points or 0 for r in ticked if r.met)
    filled = replace(filled, criteria=ticked, score=score, max_score=100)
    return filled, SelfAssessmentData(replace(filled.unit, place=None), rows)


def from_store() -> None:
    """One filled sample of each form, printed from a throw-away demo store by the services."""
    import datetime as dt
    import tempfile

    from antq_desktop.services import demo as store_demo
    from antq_desktop.services import forms
    from antq_desktop.services.forms import reports as form_reports
    from antq_desktop.services.records import writes as records
    from antq_desktop.services.records.queries import ListQuery, list_rows
    from antq_desktop.services.setup import profile
    from antq_desktop.storage.db import open_store

    year = 2025
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "demo.sqlite3")
        profile.initialise(store, role="commune", unit_code="00070", officer_name="Nguyễn Văn An",
                           password="mật khẩu mẫu dài")
        store_demo.generate(store, households=300, seed=1, year=year, today=dt.date(year, 12, 20))
        org = list_rows(store, "organization", ListQuery(filters={"in_scope": True}), limit=1)[0]
        records.create(store, "pledge", {"signer_kind": "organization", "organization_id": org["id"],
                                         "template_code": "covenant", "year": year, "signed_on": dt.date(year, 3, 2),
                                         "status": "signed"}, actor="admin")
        area = list_rows(store, "residential_area", limit=1)[0]
        met = list_rows(store, "assessment", ListQuery(year=year, filters={"outcome": "dat"}), limit=1)[0]
        picks = {
            "pledge": list_rows(store, "pledge", ListQuery(year=year, filters={"area_id": area["id"]}), limit=1)[0],
            "covenant": list_rows(store, "pledge", ListQuery(year=year, filters={"signer_kind": "organization"}))[0],
            "registration": list_rows(store, "registration", ListQuery(year=year, filters={"subject_kind": "area"}),
                                      limit=1)[0],
            "assessment": met, "minutes": met,
        }
        names = {"assessment": "self_assessment", "minutes": "review_minutes"}
        for kind, row in picks.items():
            out = HERE / f"{names.get(kind, kind)}_filled.pdf"
            print(forms.render_form(store, forms.FormRequest(kind, year, record_id=row["id"]), out).name)
        print(form_reports.render_commune_report(store, year, HERE / "annual_report_filled.pdf",
                                                 report_date=dt.date(year + 1, 1, 5)).name)
        store.close()


def main() -> None:
    unit = demo.demo_unit()
    blank_unit = replace(unit, place=None)
    sa_filled, sa_blank = self_assessment_samples()
    jobs = [
        ("pledge", render_pledges, [demo.demo_pledge(3)], [PledgeData(blank_unit)]),
        ("covenant", render_covenants, [demo.demo_covenant()], [CovenantData(blank_unit, police_position=None)]),
        ("registration", render_registrations, [demo.demo_registration()], [RegistrationData(blank_unit)]),
        ("self_assessment", render_self_assessments, [sa_filled], [sa_blank]),
        (
            "review_minutes",
            render_minutes,
            [demo.demo_minutes()],
            [
                MinutesData(
                    blank_unit, criteria=tuple(replace(c, assessment=None) for c in demo.demo_minutes().criteria)
                )
            ],
        ),
    ]
    for name, render, _filled, blank in jobs:
        print(render(HERE / f"{name}_blank.pdf", blank).name)
    print(render_annual_report(HERE / "annual_report_blank.pdf", AnnualReportData(blank_unit)).name)
    from_store()
    print(render_pledges(HERE / "pledges_area_12_households.pdf", list(demo.demo_area(12))).name)
    print(render_summary_pdf(HERE / "summary_upper_office.pdf", demo.demo_summary()).name)
    print(write_summary_xlsx(HERE / "summary_upper_office.xlsx", demo.demo_summary()).name)


if __name__ == "__main__":
    main()
