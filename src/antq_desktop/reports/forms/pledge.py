"""Household pledge (bản cam kết): one page per household, whole areas in one PDF."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from antq_desktop.reports import nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark
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
)

FORM_ID = "household_pledge"


def _members_table(data: PledgeData, text: FormText) -> Table:
    lab = text.label
    header = [
        lab("member_no"),
        lab("member_name"),
        lab("member_birth_year"),
        lab("member_relation"),
    ]
    widths = [14 * mm, FRAME_WIDTH - 79 * mm, 25 * mm, 40 * mm]
    if data.members:
        rows = [
            [plain(i), cell(m.name), plain(m.birth_year or ""), cell(m.relation)] for i, m in enumerate(data.members, 1)
        ]
        return grid_table(header, rows, widths, align=("CENTER", "LEFT", "CENTER", "LEFT"))
    rows = [[plain(i), "", "", ""] for i in range(1, data.blank_member_rows + 1)]
    return grid_table(header, rows, widths, align=("CENTER",), row_height=6.5 * mm)


def pledge_flowables(data: PledgeData, text: FormText | None = None) -> list[Flowable]:
    """The flowables of one household's pledge (blank when the data fields are None)."""
    text = text or load_form_text(FORM_ID)
    info = nd30.DocumentInfo(
        doc_type=text.doc_type,
        subject=fill(text.subject, year=data.year),
        place=data.unit.place,
        date=data.signed_on,
    )
    lab = text.label
    out: list[Flowable] = [*nd30.document_head(info, FRAME_WIDTH)]
    out += [
        field(lab("household_head"), data.household_head),
        field(lab("address"), data.address),
        field(lab("area"), data.area_name),
        para(f"{lab('members')}:", "body_left"),
        _members_table(data, text),
        Spacer(1, 6),
        para(fill(text.intro, year=data.year)),
        *numbered_items(data.items or text.items),
    ]
    signers = [
        nd30.Signer(data.area_head_title or text.signers[0], data.area_head_name),
        nd30.Signer(text.signers[1], data.household_head),
    ]
    out += nd30.closing_and_signatures([para(text.closing)], signers, FRAME_WIDTH, space=SIGN_SPACE)
    return out


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
