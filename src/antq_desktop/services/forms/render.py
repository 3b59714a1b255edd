"""Printing a request: pick the source of its documents, count them, stream them into one PDF.

The only module that knows every source (pledges, covenants, registrations in `sources`;
self-assessments and minutes in `assessments`), so the sources never import one another.
"""

from __future__ import annotations

from pathlib import Path

from antq_desktop.reports import CancelFlag, NoRecordsError, ProgressFn
from antq_desktop.services.forms import assessments, sources
from antq_desktop.services.forms.request import FORM_KINDS, FormError, FormRequest, no_records_message, unit_info
from antq_desktop.services.forms.sources import Batch
from antq_desktop.storage.db import Store


def batch_for(store: Store, request: FormRequest) -> Batch:
    """The documents a request prints (lazy: nothing but their ids is read yet)."""
    by_kind = {
        "pledge": sources.pledges, "covenant": sources.covenants, "registration": sources.registrations,
        "assessment": assessments.self_assessments, "minutes": assessments.minutes,
    }
    if request.kind not in by_kind:
        raise FormError(f"Không có loại biểu mẫu “{request.kind}”. Hãy chọn một trong: {', '.join(FORM_KINDS)}.")
    return by_kind[request.kind](store, request, unit_info(store))

def count_records(store: Store, request: FormRequest) -> int:
    """How many documents (not pages) a request prints, for the GUI's "Sẽ in N bản" hint."""
    return batch_for(store, request).total


def render_form(store: Store, request: FormRequest, output: Path, *, progress: ProgressFn | None = None,
                cancel: CancelFlag | None = None) -> Path:
    """Print every document of the request into one PDF (atomic; nothing written when empty)."""
    batch = batch_for(store, request)
    if batch.total == 0:
        raise FormError(no_records_message(request))
    try:
        return batch.write(Path(output), progress, cancel)
    except NoRecordsError as exc:  # records vanished between counting and printing
        raise FormError(no_records_message(request)) from exc


