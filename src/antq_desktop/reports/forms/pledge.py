"""Household pledge (bản cam kết): one page per household, whole areas in one PDF."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from antq_desktop.reports import nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark
from antq_desktop.reports.fonts import REGULAR
from antq_desktop.reports.form_data import PledgeData
from antq_desktop.reports.form_texts import FormText, load_form_text
from antq_desktop.reports.forms.common import (
    FRAME_WIDTH,
    SIGN_SPACE,
    cell,
    field,
    fill,
    grid_table,
    mark_for,
    numbered_items,
    para,
    plain,
    run,
    shared_flowables,
    shared_para,
)

FORM_ID = "household_pledge"


ROW_HEIGHT = 6.5 * mm  # handwriting room in a member row
NAMED_HEIGHT = 6.8 * mm  # a printed name's row at the table's normal type
COMPACT_MIN = 3.9 * mm  # the tightest a printed row gets (10 pt type)
_MEASURE = Canvas(io.BytesIO())  # flowables are measured on a throw-away canvas (never saved)
_FIXED: dict[tuple[object, ...], float] = {}  # heights of the parts every household of a run shares


def _height(flowables: list[Flowable]) -> float:
    """Laid-out height of flowables at the frame width (a KeepTogether counts its content)."""
    total = 0.0
    for f in flowables:
        if isinstance(f, KeepTogether):
            total += _height(list(f._content))  # type: ignore[attr-defined]  # ReportLab keeps them there; the stub hides it
            continue
        total += f.wrapOn(_MEASURE, FRAME_WIDTH, nd30.geometry().frame_height)[1]
        total += f.getSpaceBefore() + f.getSpaceAfter()
    return total


_HEADS: dict[nd30.DocumentInfo, list[Flowable]] = {}  # the national header, date line and title of a run


def _head(info: nd30.DocumentInfo) -> list[Flowable]:
    """The top of the page, alike for every household of a run (but a signed pledge's date): built once."""
    if info not in _HEADS:
        if len(_HEADS) > 64:  # signed pledges' dates: a few hundred a year at most, never unbounded
            _HEADS.clear()
        _HEADS[info] = shared_flowables(nd30.document_head(info, FRAME_WIDTH))
    return _HEADS[info]


def _wanted_rows(data: PledgeData) -> int:
    if data.member_count is not None:
        return max(data.member_count, len(data.members), 1)
    return len(data.members) or data.blank_member_rows


def _tight(text: str, width: float) -> object:
    """A compact row's cell on one line; text too wide for its column wraps instead of leaving the frame."""
    return plain(text) if stringWidth(plain(text), REGULAR, 10) <= width - 6 else cell(text)


def _members_table(data: PledgeData, text: FormText, rows: int, compact: float | None = None) -> Table:
    lab = text.label
    header = [
        lab("member_no"),
        lab("member_name"),
        lab("member_birth_year"),
        lab("member_relation"),
    ]
    widths = [14 * mm, FRAME_WIDTH - 79 * mm, 25 * mm, 40 * mm]
    body: list[list[object]] = [
        [plain(i), cell(m.name), plain(m.birth_year or ""), cell(m.relation)] for i, m in enumerate(data.members, 1)
    ]
    body += [[plain(i), "", "", ""] for i in range(len(body) + 1, rows + 1)]
    if compact:  # more named members than fit at handwriting height: one tight line each, smaller type
        body = [[plain(i), _tight(m.name, widths[1]), plain(m.birth_year or ""), _tight(m.relation, widths[3])]
                for i, m in enumerate(data.members, 1)]
    table = grid_table(header, body[:max(rows, 1)], widths, align=("CENTER", "LEFT", "CENTER", "LEFT"),
                       row_height=compact or (ROW_HEIGHT if len(data.members) <= 1 else None))  # names may wrap
    if compact:
        table.setStyle(TableStyle([("FONTSIZE", (0, 1), (-1, -1), 10), ("LEADING", (0, 1), (-1, -1), 11),
                                   ("TOPPADDING", (0, 1), (-1, -1), 0), ("BOTTOMPADDING", (0, 1), (-1, -1), 1)]))
    return table


def pledge_flowables(data: PledgeData, text: FormText | None = None) -> list[Flowable]:
    """The flowables of one household's pledge (blank when the data fields are None).

    The member table gets as many rows as the household has members, but never more than leave
    the signatures on the page: a long address or a large household must not push them to page 2.
    """
    text = text or load_form_text(FORM_ID)
    info = nd30.DocumentInfo(
        doc_type=text.doc_type,
        subject=fill(text.subject, year=data.year),
        place=data.unit.place,
        date=data.signed_on,
    )
    lab = text.label
    head = _head(info)
    facts = [
        field(lab("household_head"), data.household_head),
        field(lab("address"), data.address),
        field(lab("area"), data.area_name),
        para(f"{lab('members')}:", "body_left"),
    ]
    signers = [
        nd30.Signer(data.area_head_title or text.signers[0], data.area_head_name),
        nd30.Signer(text.signers[1], data.household_head),
    ]
    # The intro, items and closing read the same on every page of a run: laid out once (SharedParagraph).
    bottom: list[Flowable] = [Spacer(1, 6), shared_para(fill(text.intro, year=data.year)),
                              *numbered_items(data.items or text.items, shared=True)]
    bottom += nd30.closing_and_signatures([shared_para(text.closing)], signers, FRAME_WIDTH, space=SIGN_SPACE)
    # Only the facts differ in height between households of one run: the rest is measured once.
    fixed_key = (id(text), text.version, data.year, data.unit.place, data.signed_on is None, data.items,
                 signers[0].authority, bool(data.area_head_name), bool(data.household_head))
    if fixed_key not in _FIXED:
        one_row = PledgeData(data.unit, member_count=1)
        table_head = _height([_members_table(one_row, text, 1)]) - ROW_HEIGHT  # the header row alone
        _FIXED.clear() if len(_FIXED) > 64 else None
        _FIXED[fixed_key] = _height(head) + _height(bottom) + table_head
    room = nd30.geometry().frame_height - _FIXED[fixed_key] - _height(facts) - 3 * mm
    top = [*head, *facts]
    # Named members always print (a big household spills over with the header repeated); only the
    # blank rows for names still to be written are limited to what fits.
    rows = max(1, len(data.members), min(_wanted_rows(data), int(room // ROW_HEIGHT)))
    # Named members that do not fit at handwriting height are set tighter (down to COMPACT_MIN a row) so
    # the household stays on one page; only beyond that does the table continue on a second page.
    compact = None
    if len(data.members) > 1 and len(data.members) * NAMED_HEIGHT > room:
        compact = max(COMPACT_MIN, room / len(data.members))
    return [*top, _members_table(data, text, rows, compact), *bottom]


def _build(text: FormText) -> Callable[[PledgeData], tuple[RecordMark, list[Flowable]]]:
    def build(data: PledgeData) -> tuple[RecordMark, list[Flowable]]:
        return mark_for(FORM_ID, data.unit, data.record), pledge_flowables(data, text)

    return build


def render_pledges(
    output: Path,
    records: Iterable[PledgeData],
    *,
    total: int | None = None,
    text: FormText | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> Path:
    """All households' pledges in one PDF, each starting on a new page."""
    text = text or load_form_text(FORM_ID)
    return run(output, records, _build(text), "Bản cam kết hộ gia đình", total, progress, cancel)
