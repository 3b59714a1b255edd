"""Household pledge (bản cam kết): one page per household, whole areas in one PDF."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
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
    RunCache,
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
from antq_desktop.reports.forms.stamp import CentredNames, FilledTable, OneLine, Stamp

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


# The national header, date line and title of a run; signed pledges' dates: a few hundred a year at most.
_HEADS: RunCache[nd30.DocumentInfo, list[Flowable]] = RunCache(64)


def _head(info: nd30.DocumentInfo) -> list[Flowable]:
    """The top of the page, alike for every household of a run (but a signed pledge's date): built once."""
    return _HEADS.get(info, lambda: shared_flowables(nd30.document_head(info, FRAME_WIDTH)))


def _wanted_rows(data: PledgeData) -> int:
    if data.member_count is not None:
        return max(data.member_count, len(data.members), 1)
    return len(data.members) or data.blank_member_rows


def _tight(text: str, width: float) -> object:
    """A compact row's cell on one line; text too wide for its column wraps instead of leaving the frame."""
    return plain(text) if stringWidth(plain(text), REGULAR, 10) <= width - 6 else cell(text)


_ALIGN = ("CENTER", "LEFT", "CENTER", "LEFT")
_COMPACT = TableStyle([("FONTSIZE", (0, 1), (-1, -1), 10), ("LEADING", (0, 1), (-1, -1), 11),
                       ("TOPPADDING", (0, 1), (-1, -1), 0), ("BOTTOMPADDING", (0, 1), (-1, -1), 1)])


def _member_columns(text: FormText) -> tuple[list[str], list[float]]:
    """The member table's header and column widths."""
    lab = text.label
    header = [lab("member_no"), lab("member_name"), lab("member_birth_year"), lab("member_relation")]
    return header, [14 * mm, FRAME_WIDTH - 79 * mm, 25 * mm, 40 * mm]


def _members_table(data: PledgeData, text: FormText, rows: int, compact: float | None = None) -> Table:
    header, widths = _member_columns(text)
    body: list[list[object]] = [
        [plain(i), cell(m.name), plain(m.birth_year or ""), cell(m.relation)] for i, m in enumerate(data.members, 1)
    ]
    body += [[plain(i), "", "", ""] for i in range(len(body) + 1, rows + 1)]
    if compact:  # more named members than fit at handwriting height: one tight line each, smaller type
        body = [[plain(i), _tight(m.name, widths[1]), plain(m.birth_year or ""), _tight(m.relation, widths[3])]
                for i, m in enumerate(data.members, 1)]
    table = grid_table(header, body[:max(rows, 1)], widths, align=_ALIGN,
                       row_height=compact or (ROW_HEIGHT if len(data.members) <= 1 else None))  # names may wrap
    if compact:
        table.setStyle(_COMPACT)
    return table


def pledge_flowables(data: PledgeData, text: FormText | None = None, *, stamped: bool = True) -> list[Flowable]:
    """The flowables of one household's pledge (blank when the data fields are None).

    The member table gets as many rows as the household has members, but never more than leave
    the signatures on the page: a long address or a large household must not push them to page 2.
    `stamped`: when the household fits on one page, the parts every page of the run shares are
    stamped (drawn once per PDF, see forms/stamp.py) and its one-line facts, members and names are
    set as plain lines where the layout would put them; the page looks the same. Otherwise (or with
    stamped=False) the full layout.
    """
    text = text or load_form_text(FORM_ID)
    info = nd30.DocumentInfo(
        doc_type=text.doc_type,
        subject=fill(text.subject, year=data.year),
        place=data.unit.place,
        date=data.signed_on,
    )
    facts = _facts(data, text, stamped)
    signers = [
        nd30.Signer(data.area_head_title or text.signers[0], data.area_head_name),
        nd30.Signer(text.signers[1], data.household_head),
    ]
    # Only the facts differ in height between households of one run: the rest is measured once.
    fixed_key = (id(text), text.version, data.year, data.unit.place, data.signed_on is None, data.items,
                 signers[0].authority, bool(data.area_head_name), bool(data.household_head))
    if fixed_key not in _FIXED:
        one_row = PledgeData(data.unit, member_count=1)
        table_head = _height([_members_table(one_row, text, 1)]) - ROW_HEIGHT  # the header row alone
        _FIXED.clear() if len(_FIXED) > 64 else None
        _FIXED[fixed_key] = _height(_head(info)) + _height(_bottom(data, text, signers)) + table_head
    room = nd30.geometry().frame_height - _FIXED[fixed_key] - _height(facts) - 3 * mm
    # Named members always print (a big household spills over with the header repeated); only the
    # blank rows for names still to be written are limited to what fits.
    rows = max(1, len(data.members), min(_wanted_rows(data), int(room // ROW_HEIGHT)))
    # Named members that do not fit at handwriting height are set tighter (down to COMPACT_MIN a row) so
    # the household stays on one page; only beyond that does the table continue on a second page.
    compact = None
    if len(data.members) > 1 and len(data.members) * NAMED_HEIGHT > room:
        compact = max(COMPACT_MIN, room / len(data.members))
    if stamped:
        page = _stamped_page(info, facts, data, text, signers, rows, compact)
        if page is not None:
            return page
    return [*_head(info), *facts, _members_table(data, text, rows, compact), *_bottom(data, text, signers)]


def _facts(data: PledgeData, text: FormText, stamped: bool) -> list[Flowable]:
    lab = text.label
    facts = [(lab("household_head"), data.household_head), (lab("address"), data.address),
             (lab("area"), data.area_name)]
    lines = [_fact(label, value) if stamped else None for label, value in facts]
    return [*(line or field(label, value) for line, (label, value) in zip(lines, facts, strict=True)),
            (_fact(f"{lab('members')}:") if stamped else None) or para(f"{lab('members')}:", "body_left")]


def _bottom(data: PledgeData, text: FormText, signers: list[nd30.Signer]) -> list[Flowable]:
    # The intro, items and closing read the same on every page of a run: laid out once (SharedParagraph).
    bottom: list[Flowable] = [Spacer(1, 6), shared_para(fill(text.intro, year=data.year)),
                              *numbered_items(data.items or text.items, shared=True)]
    return bottom + nd30.closing_and_signatures([shared_para(text.closing)], signers, FRAME_WIDTH, space=SIGN_SPACE)


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


# ---------------------------------------------------------------- the stamped page (issue 18)

_STAMPED_HEADS: RunCache[nd30.DocumentInfo, Stamp] = RunCache(64)  # as _HEADS: a signed pledge's date gets its own
_BOTTOMS: RunCache[tuple[object, ...], Stamp | None] = RunCache(64)  # None: signature columns of unequal height
_GRIDS: RunCache[tuple[object, ...], Stamp] = RunCache(256)


def _head_stamp(info: nd30.DocumentInfo) -> Stamp:
    return _STAMPED_HEADS.get(info, lambda: Stamp(nd30.document_head(info, FRAME_WIDTH), FRAME_WIDTH))


def _signer_height(signer: nd30.Signer, width: float) -> float:
    cell = nd30.signer_cell(signer, SIGN_SPACE)
    return sum(f.wrapOn(_MEASURE, width, 1000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in cell)


def _bottom_stamp(data: PledgeData, text: FormText, signers: list[nd30.Signer]) -> Stamp | None:
    """The intro, items, closing and the signature titles without the names, once per run.

    The names go under it (CentredNames); they sit where the grid would put them only when every
    titled column is as tall as the others, so unequal columns keep the full layout (None)."""
    nameless = [replace(s, name=None) for s in signers]
    key = (text.intro, text.closing, data.year, data.items or text.items, tuple(nameless))

    def build() -> Stamp | None:
        width = FRAME_WIDTH / len(signers)
        heights = {round(_signer_height(s, width), 3) for s in nameless}
        return Stamp(_bottom(data, text, nameless), FRAME_WIDTH) if len(heights) == 1 else None

    return _BOTTOMS.get(key, build)


def _grid_stamp(text: FormText, rows: int, row_height: float | None, compact: bool) -> Stamp:
    """The member table's header, numbers and lines for `rows` rows, once per run and row count."""
    key = (tuple(text.labels.items()), rows, row_height, compact)

    def build() -> Stamp:
        header, widths = _member_columns(text)
        body = [[plain(i), "", "", ""] for i in range(1, rows + 1)]  # no names: they are set per page
        table = grid_table(header, body, widths, align=_ALIGN, row_height=row_height)
        if compact:
            table.setStyle(_COMPACT)
        return Stamp([table], FRAME_WIDTH)

    return _GRIDS.get(key, build)


def _members_grid(data: PledgeData, text: FormText, rows: int, compact: float | None) -> Flowable | None:
    """The member table as a stamped grid with this household's members set in it, or None when a
    name or relation needs more than one line of its column (the real table wraps it)."""
    if compact:  # the compact table holds the named rows alone, their cells strings when they fit
        stamp = _grid_stamp(text, len(data.members), compact, True)
        widths = _member_columns(text)[1]
        cells: list[tuple[int, int, str, ParagraphStyle | None]] = []
        for row, m in enumerate(data.members, 1):
            name, year, relation = (_tight(m.name, widths[1]), plain(m.birth_year or ""),
                                    _tight(m.relation, widths[3]))
            if not all(isinstance(v, str) and "\n" not in v for v in (name, year, relation)):
                return None  # a wrapping Paragraph cell: the real table
            cells += [(row, 1, str(name), None), (row, 2, year, None), (row, 3, str(relation), None)]
        return FilledTable(stamp, cells)
    stamp = _grid_stamp(text, rows, ROW_HEIGHT if len(data.members) <= 1 else None, False)
    table = stamp._content[0]
    cell_style = nd30.styles().cell
    cells = []
    for row, m in enumerate(data.members, 1):
        name, year, relation = str(m.name), plain(m.birth_year or ""), str(m.relation)
        for col, value in ((1, name), (3, relation)):
            if not FilledTable.fits(table, col, value, cell_style.fontName, cell_style.fontSize):  # type: ignore[arg-type]
                return None
        if "\n" in year:
            return None
        cells += [(row, 1, name, cell_style), (row, 2, year, None), (row, 3, relation, cell_style)]
    return FilledTable(stamp, cells)


def _fact(label: str, *value: object | None) -> Flowable | None:
    """'Label: value' (or a label alone) as a plain line when it fits on one; None: keep the Paragraph
    (a value that wraps) or the dotted line (a missing value)."""
    if value and (value[0] is None or value[0] == ""):
        return None
    line = f"{label}: {value[0]}" if value else label
    style = nd30.styles().body_left
    if not OneLine.fits(line, style.fontName, style.fontSize, FRAME_WIDTH):
        return None
    return OneLine(line, style.fontName, style.fontSize, style.leading, style.spaceAfter)


def _stack(flowables: list[Flowable]) -> float:
    """The height a frame gives flowables set one under another (the space between two is the larger
    of the one's space after and the next's space before, as ReportLab sets it)."""
    total, after = 0.0, 0.0
    for i, f in enumerate(flowables):
        before = f.getSpaceBefore() if i else 0.0
        total += max(before - after, 0) + f.wrapOn(_MEASURE, FRAME_WIDTH, 10_000)[1]
        after = f.getSpaceAfter()
        total += after
    return total


def _stamped_page(info: nd30.DocumentInfo, facts: list[Flowable], data: PledgeData, text: FormText,
                  signers: list[nd30.Signer], rows: int, compact: float | None) -> list[Flowable] | None:
    """The page with its shared parts stamped, or None when it would not be the same page: the household
    spills over (the full layout splits it), a name needs more than one line, or the titles differ in height."""
    names = [s.name for s in signers]
    widths = [FRAME_WIDTH / len(signers)] * len(signers)
    style = nd30.styles().sign_name
    if not CentredNames.fit(names, widths, style.fontName, style.fontSize):
        return None
    bottom = _bottom_stamp(data, text, signers)
    grid = _members_grid(data, text, rows, compact)
    if bottom is None or grid is None:
        return None
    page = [_head_stamp(info), *facts, grid, bottom,
            CentredNames(names, widths, style.fontName, style.fontSize, style.leading)]
    if _stack(page) > nd30.geometry().frame_height - 1:
        return None
    return page
