"""Self-assessment sheet: one row per criterion of the lead's catalog, ticks and score."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from antq_desktop.reports import nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark
from antq_desktop.reports.form_data import CriterionRow, SelfAssessmentData
from antq_desktop.reports.form_texts import FormText, load_form_text
from antq_desktop.reports.forms.common import (
    FRAME_WIDTH,
    SIGN_SPACE,
    cell,
    field,
    fill,
    grid_table,
    mark_for,
    para,
    plain,
    run,
)
from antq_desktop.reports.forms.registration import unit_header
from antq_desktop.reports.text import number

FORM_ID = "self_assessment"
# "Điểm" and "Không đạt" must fit without breaking inside a word (13/15 mm did: "Điể m", "Khôn g").
_WIDTHS = (17 * mm, FRAME_WIDTH - 89 * mm, 15 * mm, 11 * mm, 18 * mm, 28 * mm)


def _row(c: CriterionRow) -> list[object]:
    met = "X" if c.met is True else ""
    not_met = "X" if c.met is False else ""
    points = "" if c.points is None else number(c.points)
    note = cell(c.note) if len(c.note) > 18 else plain(c.note)  # wrap only when it must
    return [plain(c.code), cell(c.text), plain(points), plain(met), plain(not_met), note]


def criteria_table(data: SelfAssessmentData, text: FormText) -> Table:
    lab = text.label
    header = [lab(k) for k in ("col_code", "col_text", "col_points", "col_met", "col_not_met", "col_note")]
    rows = [_row(c) for c in data.criteria]
    return grid_table(header, rows, _WIDTHS, align=("CENTER", "LEFT", "CENTER", "CENTER", "CENTER", "LEFT"))


def _score(data: SelfAssessmentData) -> str | None:
    if data.score is None:
        return None
    return number(data.score) + (f"/{number(data.max_score)}" if data.max_score is not None else "")


def self_assessment_flowables(data: SelfAssessmentData, text: FormText | None = None) -> list[Flowable]:
    text = text or load_form_text(FORM_ID)
    lab = text.label
    parent, body = unit_header(data.unit, data.header_parent, data.assessed_unit)
    info = nd30.DocumentInfo(
        doc_type=text.doc_type,
        subject=fill(text.subject, year=data.year),
        parent_body=parent,
        issuing_body=body,
        place=data.unit.place,
        date=data.signed_on,
    )
    out: list[Flowable] = [*nd30.document_head(info, FRAME_WIDTH)]
    out += [
        field(lab("unit_name"), data.assessed_unit),
        para(text.intro),
        criteria_table(data, text),
        Spacer(1, 6),
        field(lab("score"), _score(data)),
        field(lab("outcome"), data.outcome),
        field(lab("level"), data.level),
    ]
    signers = [nd30.Signer(text.signers[0], data.preparer), nd30.Signer(text.signers[1], data.head)]
    return out + nd30.closing_and_signatures([para(text.closing)], signers, FRAME_WIDTH, space=SIGN_SPACE)


def render_self_assessments(
    output: Path,
    records: Iterable[SelfAssessmentData],
    *,
    total: int | None = None,
    text: FormText | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> Path:
    text = text or load_form_text(FORM_ID)

    def build(data: SelfAssessmentData) -> tuple[RecordMark, list[Flowable]]:
        return mark_for(FORM_ID, data.unit, data.record), self_assessment_flowables(data, text)

    return run(output, records, build, "Phiếu tự đánh giá", total, progress, cancel)
