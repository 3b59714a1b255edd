"""The festival report (báo cáo kết quả tổ chức Ngày hội toàn dân bảo vệ ANTQ, 19/8), one per
festival day, in the Nghị định 30 layout; wording in resources/forms/festival_report.json."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable

from antq_desktop.reports import nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark
from antq_desktop.reports.form_data import RecordRef, UnitInfo
from antq_desktop.reports.form_texts import FormText, load_form_text
from antq_desktop.reports.forms.common import FRAME_WIDTH, DotLine, fill, mark_for, para, run
from antq_desktop.reports.text import dmy, number

FORM_ID = "festival_report"


@dataclass(frozen=True)
class FestivalReportData:
    """One festival day; None fields print as dotted lines (a blank report filled by hand)."""

    unit: UnitInfo
    year: int
    report_date: dt.date | None = None
    organiser: str | None = None  # "Toàn xã", the area or organisation that held it
    held_on: dt.date | None = None
    place: str | None = None
    participants: int | None = None
    content: tuple[str, ...] = ()
    outcome: tuple[str, ...] = ()
    signer_authority: str = "TRƯỞNG CÔNG AN XÃ"
    record: RecordRef | None = None
    recipient: str | None = None  # "Kính gửi: Công an …"; None prints a dotted one ("Nơi nhận: Như trên")


def _fact(text: FormText, key: str, value: str | None) -> Flowable:
    return para(text.label(key, value=value if value else "…………………………………………"))


def _lines(lines: tuple[str, ...], blank: int) -> list[Flowable]:
    return [para(line) for line in lines] if lines else [DotLine(lines=blank)]


def festival_report_flowables(data: FestivalReportData, text: FormText) -> list[Flowable]:
    info = nd30.DocumentInfo(doc_type=text.doc_type, subject=fill(text.subject, year=data.year),
                             parent_body=data.unit.parent_body, issuing_body=data.unit.issuing_body,
                             place=data.unit.place, date=data.report_date, doc_code="BC-CAX",
                             recipient=data.recipient or "Kính gửi: ………………………………………………")
    out: list[Flowable] = [*nd30.document_head(info, FRAME_WIDTH)]
    if text.intro:
        out.append(para(fill(text.intro, year=data.year)))
    out += [para(text.label("general"), "heading"), _fact(text, "organiser", data.organiser),
            _fact(text, "held_on", dmy(data.held_on) if data.held_on else None), _fact(text, "place", data.place),
            _fact(text, "participants", number(data.participants) if data.participants is not None else None)]
    out += [para(text.label("content"), "heading"), *_lines(data.content, 4)]
    out += [para(text.label("outcome"), "heading"), *_lines(data.outcome, 4)]
    out += [para(text.label("proposals"), "heading"), DotLine(lines=3)]
    signer = nd30.Signer(data.signer_authority, None, nd30.SIGN_HINT)
    return out + nd30.signature_block([signer], FRAME_WIDTH, recipients=("Như trên;", "Lưu: VT, …"))


def render_festival_reports(output: Path, records: Iterable[FestivalReportData], *, total: int | None = None,
                            text: FormText | None = None, progress: ProgressFn | None = None,
                            cancel: CancelFlag | None = None) -> Path:
    text = text or load_form_text(FORM_ID)

    def build(d: FestivalReportData) -> tuple[RecordMark, list[Flowable]]:
        return mark_for(FORM_ID, d.unit, d.record), festival_report_flowables(d, text)

    return run(output, records, build, "Báo cáo Ngày hội", total, progress, cancel)
