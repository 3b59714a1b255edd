"""Minutes (biên bản) of the meeting reviewing recognition as "An toàn về an ninh, trật tự"."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from antq_desktop.reports import nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark
from antq_desktop.reports.form_data import MinutesData, Participant
from antq_desktop.reports.form_texts import FormText, load_form_text
from antq_desktop.reports.forms.common import (
    FRAME_WIDTH,
    SIGN_SPACE,
    DotLine,
    fill,
    mark_for,
    para,
    run,
)
from antq_desktop.reports.text import DOTS, markup, nd30_date, time_hm

FORM_ID = "review_minutes"


def _person(p: Participant | None) -> str | None:
    if p is None:
        return None
    return f"{p.name} - {p.position}" if p.position else p.name


def _participants(data: MinutesData) -> list[Flowable]:
    if not data.participants:
        return [DotLine("- ") for _ in range(data.blank_participant_rows)]
    return [para(f"- {_person(p)}", "body_left") for p in data.participants]


def _labelled(label: str, value: str | None) -> Flowable:
    return para(f"{label}: {value}", "body_left") if value else DotLine(f"{label}: ")


def _criteria(data: MinutesData, text: FormText) -> list[Flowable]:
    out: list[Flowable] = []
    for c in data.criteria:
        label = markup(f"{text.label('criterion')} {c.code}:")
        out.append(Paragraph(f"<b>{label}</b> {markup(c.text)}", nd30.styles().body_left))
        out.append(para(c.assessment) if c.assessment else DotLine(lines=2))
    if not data.criteria:
        out.append(DotLine(lines=6))
    return out


def _votes(data: MinutesData, text: FormText) -> str:
    line = fill(text.label("votes"), for_=data.votes_for, total=data.votes_total, against=data.votes_against)
    if data.votes_for is None or not data.votes_total:
        return line
    # The share of those present, computed at print (the store keeps the counts only).
    share = f"{100 * data.votes_for / data.votes_total:.1f}".replace(".", ",")
    return f"{line} Tỷ lệ đồng ý: {share}% số người có mặt."


def minutes_flowables(data: MinutesData, text: FormText | None = None) -> list[Flowable]:
    text = text or load_form_text(FORM_ID)
    lab = text.label
    info = nd30.DocumentInfo(
        doc_type=text.doc_type,
        subject=fill(text.subject, year=data.year),
        parent_body=data.header[0] if data.header else data.unit.parent_body,
        issuing_body=data.header[1] if data.header else data.unit.issuing_body,
        place=data.unit.place,
        date=data.meeting_date,
        number=data.number,
        doc_code=data.doc_code,
    )
    opening = fill(
        lab("opening"),
        time=time_hm(data.start_time),
        date_text=nd30_date(data.meeting_date),
        venue=data.venue or DOTS * 2,
        unit=data.reviewed_unit or DOTS * 2,
    )
    out: list[Flowable] = [*nd30.document_head(info, FRAME_WIDTH), para(opening)]
    out += [para(lab("participants"), "heading"), *_participants(data)]
    out += [
        _labelled(lab("chair"), _person(data.chair)),
        _labelled(lab("secretary"), _person(data.secretary)),
    ]
    out += [para(lab("content"), "heading"), *_criteria(data, text), para(_votes(data, text))]
    out += [para(lab("conclusion"), "heading")]
    out.append(para(data.conclusion) if data.conclusion else DotLine(lines=4))
    signers = [
        nd30.Signer(text.signers[0], data.secretary.name if data.secretary else None),
        nd30.Signer(text.signers[1], data.chair.name if data.chair else None),
    ]
    ending = para(fill(lab("ending"), time=time_hm(data.end_time)))
    return out + nd30.closing_and_signatures([ending], signers, FRAME_WIDTH, space=SIGN_SPACE)


def render_minutes(
    output: Path,
    records: Iterable[MinutesData],
    *,
    total: int | None = None,
    text: FormText | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> Path:
    text = text or load_form_text(FORM_ID)

    def build(data: MinutesData) -> tuple[RecordMark, list[Flowable]]:
        return mark_for(FORM_ID, data.unit, data.record), minutes_flowables(data, text)

    return run(output, records, build, "Biên bản họp xét công nhận", total, progress, cancel)
