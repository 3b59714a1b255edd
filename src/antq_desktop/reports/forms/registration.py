"""Registration to strive for the standard "An toàn về an ninh, trật tự"."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reportlab.platypus import Flowable

from antq_desktop.reports import nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark
from antq_desktop.reports.form_data import RegistrationData, UnitInfo
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
from antq_desktop.reports.text import DOTS, number

FORM_ID = "registration"


def unit_header(unit: UnitInfo, header_parent: str | None, name: str | None) -> tuple[str, str]:
    """Left header of a document issued by a residential area / agency, not by the police."""
    parent = header_parent or (f"UBND {unit.commune_name}".upper() if unit.commune_name else unit.parent_body)
    return parent, (name or DOTS * 2)


def registration_flowables(data: RegistrationData, text: FormText | None = None) -> list[Flowable]:
    text = text or load_form_text(FORM_ID)
    lab = text.label
    parent, body = unit_header(data.unit, data.header_parent, data.registrant_name)
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
        field(lab("unit_name"), data.registrant_name),
        field(lab("unit_kind"), data.registrant_kind),
        field(lab("address"), data.address),
        field(lab("representative"), data.representative),
        field(lab("position"), data.position),
        field(lab("households"), None if data.households is None else number(data.households)),
        field(lab("population"), None if data.population is None else number(data.population)),
        para(fill(text.intro, year=data.year)),
        para(lab("items_heading"), "heading"),
        *numbered_items(data.items or text.items),
    ]
    signers = [
        nd30.Signer(text.signers[0], None, "(Ký, ghi rõ họ tên, đóng dấu)"),
        nd30.Signer(text.signers[1], data.representative),
    ]
    return out + nd30.closing_and_signatures([para(text.closing)], signers, FRAME_WIDTH, space=SIGN_SPACE)


def render_registrations(
    output: Path,
    records: Iterable[RegistrationData],
    *,
    total: int | None = None,
    text: FormText | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> Path:
    text = text or load_form_text(FORM_ID)

    def build(data: RegistrationData) -> tuple[RecordMark, list[Flowable]]:
        return mark_for(FORM_ID, data.unit, data.record), registration_flowables(data, text)

    return run(output, records, build, "Bản đăng ký An toàn về an ninh, trật tự", total, progress, cancel)
