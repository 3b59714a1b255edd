"""Printed forms and reports: what to print (FormRequest), counting and printing it, the annual report,
the summary table and the recognition decision. Streams records to the Qt-free renderers in `reports`.
"""

from antq_desktop.services.forms.recognition import own_decision as recorded_decision
from antq_desktop.services.forms.render import batch_for, count_records, no_records_message, render_form
from antq_desktop.services.forms.reports import (
    RecognitionPrint,
    print_recognition,
    render_commune_report,
    render_recognition,
    render_summary,
)
from antq_desktop.services.forms.request import FORM_KINDS, FormError, FormRequest, unit_info
from antq_desktop.services.forms.sources import households_without_pledge

__all__ = [
    "FORM_KINDS", "FormError", "FormRequest", "RecognitionPrint", "batch_for", "count_records",
    "households_without_pledge", "no_records_message", "print_recognition", "recorded_decision",
    "render_commune_report", "render_form", "render_recognition", "render_summary", "unit_info",
]
