"""Issue 20: the commune's annual report lists the year's activities (models, festival, briefings,
commendations, security force) under headings from resources/forms/annual_report.json."""

from __future__ import annotations

from tests.forms.conftest import YEAR
from tests.reports.conftest import pdf_text_flat

from antq_desktop.reports.form_texts import load_form_text
from antq_desktop.reports.text import number
from antq_desktop.services import activities
from antq_desktop.services.forms import reports as form_reports


def test_commune_report_lists_the_years_activities(forms_store, tmp_path) -> None:
    data = form_reports.annual_report_data(forms_store, YEAR)
    lines = data.activities
    assert lines is not None and lines.models and lines.festival and lines.briefings and lines.commendations
    assert lines.security_force
    text = pdf_text_flat(form_reports.render_commune_report(forms_store, YEAR, tmp_path / "r.pdf"))
    labels = load_form_text("annual_report").labels
    for key in ("activities", "models", "festival", "briefings", "commendations", "security_force"):
        assert labels[key] in text, key
    with forms_store.session_factory() as session:
        year = activities.year_activities(session, YEAR)
    for model in year.models:
        assert model.name.split("“")[0].strip() in text
    for award in year.commendations:
        assert award.subject in text
    assert f"{number(year.present)}/{number(year.invited)}" in text
    assert text.index(labels["activities"]) < text.index(labels["proposals"])


def test_a_year_without_activities_says_so(forms_store, tmp_path) -> None:
    data = form_reports.annual_report_data(forms_store, YEAR - 5)
    assert data.activities is not None and not data.activities.festival and not data.activities.briefings
    text = pdf_text_flat(form_reports.render_commune_report(forms_store, YEAR - 5, tmp_path / "empty.pdf"))
    assert load_form_text("annual_report").labels["no_activity"] in text
