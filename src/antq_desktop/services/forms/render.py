"""Printing a request: pick the source of its documents, count them, stream them into one PDF,
and say why there is nothing to print.

The only module that knows every source (pledges, covenants, registrations in `sources`;
self-assessments and minutes in `assessments`), so the sources never import one another back.
"""

from __future__ import annotations

from pathlib import Path

from antq_desktop.reports import CancelFlag, NoRecordsError, ProgressFn
from antq_desktop.services.forms import assessments, festival, sources
from antq_desktop.services.forms.request import FORM_KINDS, FormError, FormRequest, unit_info
from antq_desktop.services.forms.sources import Batch, households_without_pledge
from antq_desktop.storage.db import Store


def batch_for(store: Store, request: FormRequest) -> Batch:
    """The documents a request prints (lazy: nothing but their ids is read yet)."""
    by_kind = {
        "pledge": sources.pledges, "covenant": sources.covenants, "registration": sources.registrations,
        "assessment": assessments.self_assessments, "minutes": assessments.minutes,
        "festival_report": festival.festival_reports,
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
        raise FormError(no_records_message(request, store))
    try:
        return batch.write(Path(output), progress, cancel)
    except NoRecordsError as exc:  # records vanished between counting and printing
        raise FormError(no_records_message(request)) from exc


def no_records_message(request: FormRequest, store: Store | None = None) -> str:
    if request.kind == "pledge" and request.unsigned:
        where = "khu dân cư đã chọn" if request.area_id else "đơn vị"
        return (f"Mọi hộ gia đình của {where} đã ký cam kết năm {request.year}: không còn hộ nào chưa ký. "
                "Hãy chọn khu dân cư hoặc năm khác.")
    if request.kind == "pledge" and (request.household_id or request.household_ids) and not request.blank:
        return _households_message(request, store)
    what = FORM_KINDS.get(request.kind, request.kind).lower()
    where = "khu dân cư đã chọn" if request.area_id else "đơn vị"
    blank = "hoặc in mẫu trống (phạm vi “Mẫu trống để điền tay”; dòng lệnh: --blank)."
    hints = {
        "pledge": f"Hãy nhập bản cam kết đã ký ở trang Cam kết, {blank}",
        "covenant": f"Hãy nhập giao ước (cam kết của cơ quan, doanh nghiệp, trường học) ở trang Cam kết, {blank}",
        "registration": f"Hãy nhập đăng ký ở trang Đăng ký, {blank}",
        "festival_report": f"Hãy ghi nhận Ngày hội ở trang Phong trào, thẻ “Ngày hội 19/8”, {blank}",
        "assessment": f"Hãy nhập kết quả ở trang Tự đánh giá, {blank}",
        "minutes": f"Biên bản lấy nội dung từ tự đánh giá: hãy nhập ở trang Tự đánh giá trước, {blank}",
    }
    return (f"Không có {what} nào của {where} trong năm {request.year}. "
            f"{hints.get(request.kind, 'Hãy chọn năm hoặc khu dân cư khác.')}")


def _households_message(request: FormRequest, store: Store | None) -> str:
    """A chosen household without a pledge: say which one, not that the whole unit has none."""
    names = households_without_pledge(store, request) if store is not None else []
    who = ("Hộ " + ", ".join(names)) if names else "Hộ gia đình đã chọn"
    return (f"{who} chưa có bản cam kết đã ký năm {request.year}. Hãy nhập bản cam kết của hộ ở trang Cam kết, "
            "hoặc in bản cam kết chưa ký để hộ ký (dòng lệnh: --unsigned).")
