"""Self-assessment sheet: one row per criterion of the lead's catalog, ticks and score."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from antq_desktop.reports import nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark
from antq_desktop.reports.form_data import CriterionRow, SelfAssessmentData
from antq_desktop.reports.form_texts import FormText, load_form_text
from antq_desktop.reports.forms.common import (
    FRAME_WIDTH,
    SIGN_SPACE,
    field,
    fill,
    grid_table,
    mark_for,
    para,
    plain,
    run,
)
from antq_desktop.reports.forms.registration import unit_header
from antq_desktop.reports.text import markup, number

FORM_ID = "self_assessment"
# Maximum and awarded points in their own columns; the note goes under the criterion's text.
# "Điểm tối đa" / "Không đạt" must fit without breaking inside a word.
_WIDTHS = (16 * mm, FRAME_WIDTH - 77 * mm, 16 * mm, 16 * mm, 12 * mm, 17 * mm)
_DEFAULTS = {"col_max": "Điểm tối đa", "col_awarded": "Điểm đạt", "binding": "A. Tiêu chí bắt buộc (phải đạt tất cả)",
             "bonus": "B. Tiêu chí cộng điểm", "total": "Tổng cộng", "period": "Kỳ đánh giá", "reason": "Lý do",
             "preparer_title": "NGƯỜI LẬP"}


def _label(text: FormText, key: str) -> str:
    return text.labels.get(key) or _DEFAULTS[key]


def _criterion_cell(c: CriterionRow) -> Paragraph:
    body = markup(c.text) + (f"<br/><i>{markup(c.note)}</i>" if c.note else "")
    return Paragraph(body, nd30.styles().cell)


def _row(c: CriterionRow) -> list[object]:
    met = "X" if c.met is True else ""
    not_met = "X" if c.met is False else ""
    maximum = "" if c.points is None else number(c.points)
    awarded = "" if c.awarded is None else number(c.awarded)
    return [plain(c.code), _criterion_cell(c), plain(maximum), plain(awarded), plain(met), plain(not_met)]


def _sections(data: SelfAssessmentData, text: FormText) -> list[tuple[str | None, list[CriterionRow]]]:
    """Binding criteria, then bonus items; one unnamed section when the catalog does not say which."""
    if all(c.required is None for c in data.criteria):
        return [(None, list(data.criteria))]
    binding = [c for c in data.criteria if c.required]
    bonus = [c for c in data.criteria if not c.required]
    return [(title, rows) for title, rows in ((_label(text, "binding"), binding), (_label(text, "bonus"), bonus))
            if rows]


TAIL_ROWS = 2  # criterion rows kept with the total, the results and the signatures


def criteria_tables(data: SelfAssessmentData, text: FormText) -> tuple[Table, Table]:
    """The criteria table cut in two: the tail (last rows and the total) goes with the signatures, so a
    page never holds the closing and signatures alone."""
    lab = text.label
    header = [lab("col_code"), lab("col_text"), _label(text, "col_max"), _label(text, "col_awarded"),
              lab("col_met"), lab("col_not_met")]
    rows: list[list[object]] = []
    spans: list[int] = []
    for title, criteria in _sections(data, text):
        if title:
            spans.append(len(rows))
            rows.append([Paragraph(f"<b>{markup(title)}</b>", nd30.styles().cell), "", "", "", "", ""])
        rows += [_row(c) for c in criteria]
    awarded = [c.awarded for c in data.criteria]
    total_awarded = "" if any(a is None for a in awarded) else number(sum(a or 0 for a in awarded))
    maximum = sum(c.points or 0 for c in data.criteria)
    rows.append(["", Paragraph(f"<b>{markup(_label(text, 'total'))}</b>", nd30.styles().cell),
                 plain(number(maximum)), plain(total_awarded), "", ""])
    cut = max(1, len(rows) - TAIL_ROWS - 1)
    while cut > 1 and cut - 1 in spans:  # a section title never ends the first part without its rows
        cut -= 1
    align = ("CENTER", "LEFT", "CENTER", "CENTER", "CENTER", "CENTER")
    head, tail = grid_table(header, rows[:cut], _WIDTHS, align=align), grid_table((), rows[cut:], _WIDTHS, align=align)
    head.setStyle(TableStyle([("SPAN", (0, r + 1), (-1, r + 1)) for r in spans if r < cut]))
    tail.setStyle(TableStyle([("SPAN", (0, r - cut), (-1, r - cut)) for r in spans if r >= cut]))
    return head, tail


def _score(data: SelfAssessmentData) -> str | None:
    if data.score is None:
        return None
    return number(data.score) + (f"/{number(data.max_score)}" if data.max_score is not None else "")


def _results(data: SelfAssessmentData, text: FormText) -> list[Flowable]:
    lab = text.label
    out = [field(lab("score"), _score(data)), field(lab("outcome"), data.outcome), field(lab("level"), data.level)]
    if data.cap_reason:
        out.append(field(_label(text, "reason"), data.cap_reason))
    return out


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
        recipient=data.recipient,
    )
    out: list[Flowable] = [*nd30.document_head(info, FRAME_WIDTH)]
    out += [
        field(lab("unit_name"), data.assessed_unit),
        field(_label(text, "period"), data.period),
        para(text.intro),
    ]
    table, tail = criteria_tables(data, text)
    out.append(table)
    titles = data.signers or (text.signers[0], text.signers[1])
    signers = [nd30.Signer(titles[0], data.preparer), nd30.Signer(titles[1], data.head)]
    # The results travel with the closing and the signatures: the last page always carries body text.
    closing = [tail, Spacer(1, 6), *_results(data, text), para(data.closing or text.closing)]
    return out + nd30.closing_and_signatures(closing, signers, FRAME_WIDTH, space=SIGN_SPACE)


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
