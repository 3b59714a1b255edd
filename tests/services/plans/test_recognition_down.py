"""Issue 15 point 5 (the recording half): a recognition decision printed with its number and date is
recorded; the office's travels down in its plan package and the commune's annual report cites it, as does
the commune's own decision for its areas. Office on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from tests.reports.conftest import pdf_text_flat
from tests.services.conftest import ACTOR, PASSWORD, YEAR, enrol_recipient, office_plan
from tests.services.merge.conftest import merge, trust

from antq_desktop.domain import catalog as catalogs
from antq_desktop.services import demo
from antq_desktop.services.forms import reports as form_reports
from antq_desktop.services.plans import publish as plan_package
from antq_desktop.services.plans import receive as plan_import
from antq_desktop.services.records import writes as records
from antq_desktop.storage.models import Assessment, RecognitionDecision, ResidentialArea

TODAY = date(YEAR, 12, 3)


def _meets(store, subject_kind: str) -> str | None:  # type: ignore[no-untyped-def]
    """Make one submitted assessment of this kind meet every criterion; its area id (None for the commune)."""
    with store.session_factory() as session:
        row = session.execute(select(Assessment).where(Assessment.subject_kind == subject_kind, Assessment.year == YEAR)
                              .order_by(Assessment.id).limit(1)).scalar_one()
        record_id, area_id = row.id, row.area_id
    unit_type = "commune" if subject_kind == "commune" else "area"
    answers = {c.code: {"met": True} for c in catalogs.get_catalog().criteria(unit_type)}
    records.update(store, "assessment", record_id, {"answers": answers, "status": "draft"}, actor=ACTOR)
    records.update(store, "assessment", record_id, {"status": "submitted"}, actor=ACTOR)
    return area_id


def test_decisions_are_recorded_travel_down_and_fill_the_commune_report(office, commune_a, tmp_path: Path) -> None:
    demo.generate(commune_a.store, households=12, seed=5, year=YEAR, today=TODAY)
    _meets(commune_a.store, "commune")
    area_id = _meets(commune_a.store, "area")
    enrol_recipient(commune_a.store, office)
    trust(office, commune_a)
    assert merge(office, commune_a.export(office))[0].status == "merged"
    # The office recognises the commune, printing the decision with its number and date.
    form_reports.render_recognition(office, YEAR, tmp_path / "office.pdf", number="15",
                                    decided_on=date(YEAR, 12, 1), actor=ACTOR)
    with office.session_factory() as session:
        decision = session.execute(select(RecognitionDecision)).scalar_one()
        assert decision.number.startswith("15/") and decision.subjects == '["00004"]'
        assert decision.origin_unit == "CUM-01" and decision.decided_on == date(YEAR, 12, 1)
    # Printing it again corrects the same record, never a second one.
    form_reports.render_recognition(office, YEAR, tmp_path / "again.pdf", number="15",
                                    decided_on=date(YEAR, 12, 2), actor=ACTOR)
    office_plan(office)
    path = tmp_path / "plan.antq"
    plan_package.publish(office, path, year=YEAR, password=PASSWORD, actor=ACTOR)
    result = plan_import.import_plan(commune_a.store, path, actor=ACTOR)
    assert result.status == "imported", result.message
    assert result.counts["recognition_decision"]["new"] == 1
    # The commune's People's Committee recognises its areas the same way.
    form_reports.render_recognition(commune_a.store, YEAR, tmp_path / "commune.pdf", number="07",
                                    decided_on=date(YEAR, 11, 30), actor=ACTOR)
    report = pdf_text_flat(form_reports.render_commune_report(commune_a.store, YEAR, tmp_path / "report.pdf"))
    # The decision column wraps inside its cell: number and date are read apart.
    assert f"QĐ số {decision.number} ngày" in report and f"02/12/{YEAR}" in report
    assert "QĐ số 07/QĐ-UBND ngày" in report and f"30/11/{YEAR}" in report
    with commune_a.store.session_factory() as session:
        area = session.get(ResidentialArea, area_id).name
    assert area in report


def test_printing_without_a_number_or_an_actor_records_nothing(office_sqlite, commune_a, tmp_path: Path) -> None:
    demo.generate(commune_a.store, households=6, seed=5, year=YEAR, today=TODAY)
    _meets(commune_a.store, "area")
    form_reports.render_recognition(commune_a.store, YEAR, tmp_path / "a.pdf", actor=ACTOR)
    form_reports.render_recognition(commune_a.store, YEAR, tmp_path / "b.pdf", number="3", decided_on=TODAY)
    with commune_a.store.session_factory() as session:
        assert session.execute(select(RecognitionDecision)).first() is None
