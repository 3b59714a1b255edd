"""Covenant (giao ước thi đua) between the commune police and an agency, enterprise or school."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reportlab.platypus import Flowable

from antq_desktop.reports import nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark
from antq_desktop.reports.form_data import CovenantData
from antq_desktop.reports.form_texts import FormText, load_form_text
from antq_desktop.reports.forms.common import (
    FRAME_WIDTH,
    SIGN_SPACE,
    field,
    fill,
    mark_for,
    numbered_items,
    para,
    run,
)
from antq_desktop.reports.text import DOTS, nd30_date

FORM_ID = "covenant"


def police_name(data: CovenantData) -> str:
    """'Công an xã Đông Sơn' in running text (the header keeps the capitalised form)."""
    return f"Công an {data.unit.commune_name}" if data.unit.commune_name else data.unit.issuing_body


def covenant_flowables(data: CovenantData, text: FormText | None = None) -> list[Flowable]:
    text = text or load_form_text(FORM_ID)
    lab = text.label
    info = nd30.DocumentInfo(
        doc_type=text.doc_type,
        subject=fill(text.subject, year=data.year),
        parent_body=data.unit.parent_body,
        issuing_body=data.unit.issuing_body,
        place=data.unit.place,
        date=data.signed_on,
    )
    intro = fill(text.intro, date_text=nd30_date(data.signed_on), venue=data.venue or DOTS * 2)
    out: list[Flowable] = [*nd30.document_head(info, FRAME_WIDTH), para(intro)]
    out += [
        para(f"{lab('party_police')}: {police_name(data)}", "heading"),
        field(lab("representative"), data.police_representative),
        field(lab("position"), data.police_position),
        field(lab("party_unit"), data.party_name, "heading"),
        field(lab("address"), data.party_address),
        field(lab("representative"), data.party_representative),
        field(lab("position"), data.party_position),
        para(lab("items_heading"), "heading"),
        *numbered_items(data.items or text.items),
    ]
    signers = [
        nd30.Signer(data.party_signer or text.signers[0], data.party_representative, "(Ký, ghi rõ họ tên, đóng dấu)"),
        nd30.Signer(text.signers[1], data.police_representative, "(Ký, ghi rõ họ tên, đóng dấu)"),
    ]
    return out + nd30.closing_and_signatures([para(text.closing)], signers, FRAME_WIDTH, space=SIGN_SPACE)


def render_covenants(
    output: Path,
    records: Iterable[CovenantData],
    *,
    total: int | None = None,
    text: FormText | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> Path:
    text = text or load_form_text(FORM_ID)

    def build(data: CovenantData) -> tuple[RecordMark, list[Flowable]]:
        return mark_for(FORM_ID, data.unit, data.record), covenant_flowables(data, text)

    return run(output, records, build, "Giao ước thi đua", total, progress, cancel)
