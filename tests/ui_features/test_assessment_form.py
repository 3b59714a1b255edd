"""The self-assessment form: live preview, draft, submit (locked), reopen as a new revision."""

from __future__ import annotations

import json
from datetime import date

import pytest

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.scoring import score_assessment
from antq_desktop.services.records import queries
from antq_desktop.services.records import writes as records
from antq_desktop.ui.pages.assessment_form import AssessmentForm


@pytest.fixture
def new_area(feature_store) -> str:
    return records.create(feature_store, "residential_area", {"name": "Thôn Mới", "kind": "thon"}, actor="admin")


def _form(qtbot, store, area_id, role="officer") -> AssessmentForm:
    form = AssessmentForm(store, actor="admin", role=role, subject_kind="area", subject_id=area_id,
                          year=date.today().year)
    form.confirm = lambda _title, _text: True
    qtbot.addWidget(form)
    return form


def test_result_updates_live_as_boxes_are_ticked(qtbot, feature_store, new_area) -> None:
    form = _form(qtbot, feature_store, new_area)
    assert "Chưa đạt" in form.outcome_label.text()
    assert form.findChild(type(form.error_label), "provisional_note") is not None
    for row in form.rows:
        row.check.setChecked(True)
    catalog = catalogs.get_catalog()
    expected = score_assessment(catalog, "area", {c.code: True for c in catalog.criteria("area")})
    assert form.score_label.text() == f"Điểm: {expected.score:g} / {expected.max_score:g}"
    assert form.outcome_label.text() == "Kết quả: Đạt"
    assert form.level_label.text() == f"Xếp loại: {catalog.level(expected.level).label}"
    form.rows[0].check.setChecked(False)  # a required criterion: not met any more
    assert form.outcome_label.text() == "Kết quả: Chưa đạt"
    assert "KDC-1" in form.outcome_label.toolTip()


def test_draft_submit_lock_and_reopen(qtbot, feature_store, new_area) -> None:
    form = _form(qtbot, feature_store, new_area)
    for row in form.rows:
        row.check.setChecked(True)
    form.rows[1].note.setText("Họp dân ngày 5/3")
    form.rows[1].evidence.setText("Biên bản số 12/BB")
    assert form.save("draft")
    saved = records.get(feature_store, "assessment", form.record["id"])
    assert saved["status"] == "draft" and saved["outcome"] == "dat"
    code = form.rows[1].criterion.code
    assert json.loads(saved["answers"])[code] == {"met": True, "note": "Họp dân ngày 5/3",
                                                   "evidence": "Biên bản số 12/BB"}
    assert form.submit()
    assert form.record["status"] == "submitted"
    assert not form.rows[0].check.isEnabled() and form.rows[0].note.isReadOnly()
    assert form.save_button.isHidden() and not form.reopen_button.isHidden()
    revision = form.record["revision"]
    assert form.reopen()
    assert form.record["status"] == "draft" and form.record["revision"] == revision + 1
    assert form.rows[0].check.isEnabled()


def test_existing_assessment_is_loaded_and_readonly_user_cannot_edit(qtbot, feature_store) -> None:
    row = queries.list_rows(feature_store, "assessment", queries.ListQuery(filters={"subject_kind": "area"}),
                            limit=1)[0]
    form = _form(qtbot, feature_store, row["area_id"], role="readonly")
    assert form.record["id"] == row["id"]
    answers = json.loads(row["answers"])
    assert [r.check.isChecked() for r in form.rows] == [answers[r.criterion.code]["met"] for r in form.rows]
    assert form.save_button.isHidden() and form.reopen_button.isHidden()
    assert not form.rows[0].check.isEnabled()


def test_organisation_uses_its_org_type_criteria(qtbot, feature_store) -> None:
    org = queries.list_rows(feature_store, "organization", limit=1)[0]
    form = AssessmentForm(feature_store, actor="admin", subject_kind="organization", subject_id=org["id"],
                          year=date.today().year)
    qtbot.addWidget(form)
    codes = [r.criterion.code for r in form.rows]
    assert codes == [c.code for c in catalogs.get_catalog().criteria(org["org_type"])]


def test_commune_assessment_error_is_shown_not_raised(qtbot, feature_store) -> None:
    form = AssessmentForm(feature_store, actor="admin", subject_kind="commune", year=date.today().year - 1)
    qtbot.addWidget(form)
    assert form.record is None
    form.assessor.setText("x" * 300)  # longer than the validator allows
    assert not form.save("draft")
    assert "Chưa lưu được" in form.error_label.text() and "200" in form.error_label.text()
    assert form.record is None


def test_dialog_from_context_uses_officer_name_and_announces_saves(qtbot, feature_store, new_area) -> None:
    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.ui.context import make_context
    from antq_desktop.ui.pages.assessment_form import open_assessment_dialog

    from .conftest import PASSWORD

    context = make_context(feature_store, accounts.sign_in(feature_store, username="admin", password=PASSWORD))
    changed = []
    context.events.data_changed.connect(changed.append)
    dialog = open_assessment_dialog(context, None, subject_kind="area", subject_id=new_area)
    qtbot.addWidget(dialog)
    form = dialog.findChild(AssessmentForm)
    assert form.assessor.text() == "Nguyễn Văn An"
    assert form.save("draft")
    assert changed == ["assessment"]
