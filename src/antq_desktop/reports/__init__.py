"""Official-looking Vietnamese PDFs (ND 30/2020 layout) and the upper-office .xlsx roll-up.

No Qt here: the GUI runs these functions in a worker thread and passes ``progress`` and
``cancel``.  Renderers take plain dataclasses from ``form_data``, never ORM objects.
"""

# Names load on first use (PEP 562): importing one small module of this package (form_data, text)
# must not load ReportLab, fonts and every form — the CLI and the services that only build data stay light.
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from antq_desktop.reports.batch import CancelFlag, NoRecordsError, ProgressFn, RenderCancelled, render_records
    from antq_desktop.reports.form_texts import FormText, FormTextError, load_file, load_form_text
    from antq_desktop.reports.forms.annual_report import render_annual_report
    from antq_desktop.reports.forms.covenant import render_covenants
    from antq_desktop.reports.forms.minutes import render_minutes
    from antq_desktop.reports.forms.pledge import render_pledges
    from antq_desktop.reports.forms.registration import render_registrations
    from antq_desktop.reports.forms.self_assessment import render_self_assessments
    from antq_desktop.reports.forms.summary import render_summary_pdf, summary_totals
    from antq_desktop.reports.nd30 import DocumentInfo, Signer
    from antq_desktop.reports.summary_xlsx import write_summary_xlsx
    from antq_desktop.reports.text import dmy, nd30_date, place_date_line

_WHERE = {
    "CancelFlag": "antq_desktop.reports.batch",
    "DocumentInfo": "antq_desktop.reports.nd30",
    "FormText": "antq_desktop.reports.form_texts",
    "FormTextError": "antq_desktop.reports.form_texts",
    "NoRecordsError": "antq_desktop.reports.batch",
    "ProgressFn": "antq_desktop.reports.batch",
    "RenderCancelled": "antq_desktop.reports.batch",
    "Signer": "antq_desktop.reports.nd30",
    "dmy": "antq_desktop.reports.text",
    "load_file": "antq_desktop.reports.form_texts",
    "load_form_text": "antq_desktop.reports.form_texts",
    "nd30_date": "antq_desktop.reports.text",
    "place_date_line": "antq_desktop.reports.text",
    "render_annual_report": "antq_desktop.reports.forms.annual_report",
    "render_covenants": "antq_desktop.reports.forms.covenant",
    "render_minutes": "antq_desktop.reports.forms.minutes",
    "render_pledges": "antq_desktop.reports.forms.pledge",
    "render_records": "antq_desktop.reports.batch",
    "render_registrations": "antq_desktop.reports.forms.registration",
    "render_self_assessments": "antq_desktop.reports.forms.self_assessment",
    "render_summary_pdf": "antq_desktop.reports.forms.summary",
    "summary_totals": "antq_desktop.reports.forms.summary",
    "write_summary_xlsx": "antq_desktop.reports.summary_xlsx",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "CancelFlag",
    "DocumentInfo",
    "FormText",
    "FormTextError",
    "NoRecordsError",
    "ProgressFn",
    "RenderCancelled",
    "Signer",
    "dmy",
    "load_file",
    "load_form_text",
    "nd30_date",
    "place_date_line",
    "render_annual_report",
    "render_covenants",
    "render_minutes",
    "render_pledges",
    "render_records",
    "render_registrations",
    "render_self_assessments",
    "render_summary_pdf",
    "summary_totals",
    "write_summary_xlsx",
]
