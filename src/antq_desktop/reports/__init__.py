"""Official-looking Vietnamese PDFs (ND 30/2020 layout) and the upper-office .xlsx roll-up.

No Qt here: the GUI runs these functions in a worker thread and passes ``progress`` and
``cancel``.  Renderers take plain dataclasses from ``form_data``, never ORM objects.
"""

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
