"""Issue 20: a self-assessment criterion that speaks of a model, the festival, briefings or the
security force shows a hint when ticked while nothing of the kind is recorded for the subject and year."""

from __future__ import annotations

from datetime import date

from antq_desktop.services import activities
from antq_desktop.services.records import writes as records
from antq_desktop.ui.pages.assessment_form import AssessmentForm

YEAR = date.today().year


def _form(qtbot, store, **subject) -> AssessmentForm:  # type: ignore[no-untyped-def]
    form = AssessmentForm(store, actor="admin", year=YEAR, **subject)
    qtbot.addWidget(form)
    return form


def test_ticking_the_model_criterion_without_a_model_shows_a_hint(qtbot, feature_store) -> None:
    area = records.create(feature_store, "residential_area", {"name": "Thôn Mới", "kind": "thon"}, actor="admin")
    records.create(feature_store, "festival_day", {"held_on": date(YEAR, 1, 1), "place": "Hội trường UBND xã",
                                                   "participants": 200}, actor="admin")  # the commune's own
    form = _form(qtbot, feature_store, subject_kind="area", subject_id=area)
    rows = {row.criterion.code: row for row in form.rows}
    model_row, festival_row = rows["KDC-7"], rows["KDC-8"]
    assert not model_row.hint.isVisibleTo(form)  # nothing ticked, nothing said
    model_row.check.setChecked(True)
    assert model_row.hint.isVisibleTo(form) and "Phong trào" in model_row.hint.text()
    assert "mô hình" in model_row.hint.text()
    assert festival_row.hint_text == ""  # the demo's commune-wide festival is every area's festival too

    records.create(feature_store, "movement_model", {"name": "Mô hình “Camera an ninh”", "kind": "khu_dan_cu",
                                                     "area_id": area, "started_year": YEAR,
                                                     "status": "dang_hoat_dong"}, actor="admin")
    again = {row.criterion.code: row for row in _form(qtbot, feature_store, subject_kind="area",
                                                           subject_id=area).rows}
    again["KDC-7"].check.setChecked(True)
    assert again["KDC-7"].hint_text == "" and not again["KDC-7"].hint.isVisibleTo(again["KDC-7"].hint.parentWidget())


def test_criteria_are_linked_by_their_words_not_their_codes() -> None:
    assert activities.activity_of("Tổ chức tốt Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8).") == "festival_day"
    assert activities.activity_of("Có ít nhất một mô hình phong trào hoạt động hiệu quả.") == "movement_model"
    assert activities.activity_of("100% người lao động được phổ biến, quán triệt các quy định.") == "briefing"
    assert activities.activity_of("Nội quy, quy chế bảo vệ bí mật nhà nước.") is None


def test_an_organisations_briefing_criterion_looks_at_its_own_briefings(feature_store) -> None:
    org = records.create(feature_store, "organization", {"name": "Công ty TNHH Hải Hà", "org_type": "enterprise"},
                         actor="admin")
    criteria = [("DN-3", "100% người lao động được phổ biến, quán triệt các quy định về bảo đảm an ninh, trật tự.")]
    assert "DN-3" in activities.subject_hints(feature_store, YEAR, "organization", org, criteria)
    records.create(feature_store, "briefing", {"held_on": date(YEAR, 1, 2), "audience_kind": "can_bo", "invited": 30,
                                               "present": 30, "topic": "Quán triệt nội quy", "organization_id": org},
                   actor="admin")
    assert activities.subject_hints(feature_store, YEAR, "organization", org, criteria) == {}
