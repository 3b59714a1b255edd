"""Registration to strive for the standard "An toàn về an ninh, trật tự"."""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
    """Left header of a document issued by a residential area / agency, not by the police.

    ``header_parent`` "" means the unit has no parent body line (an enterprise); None: the commune's UBND.
    """
    if header_parent == "":
        return "", (name or DOTS * 2)
    parent = header_parent or (f"UBND {unit.commune_name}".upper() if unit.commune_name else unit.parent_body)
    return parent, (name or DOTS * 2)


def _facts(data: RegistrationData, lab: Callable[[str], str]) -> list[Flowable]:
    if data.facts is not None:  # the unit type's own lines (an enterprise has no households)
        return [field(label, value) for label, value in data.facts]
    return [
        field(lab("unit_name"), data.registrant_name),
        field(lab("unit_kind"), data.registrant_kind),
        field(lab("address"), data.address),
        field(lab("representative"), data.representative),
        field(lab("position"), data.position),
        field(lab("households"), None if data.households is None else number(data.households)),
        field(lab("population"), None if data.population is None else number(data.population)),
    ]


def _signers(data: RegistrationData, text: FormText) -> list[nd30.Signer]:
    if data.signers is not None:
        # One signer is the head of an organisation or the commune: the unit's seal goes with it.
        hint = "(Ký, ghi rõ họ tên, đóng dấu)" if len(data.signers) == 1 else "(Ký, ghi rõ họ tên)"
        return [nd30.Signer(title, name, hint) for title, name in data.signers]
    return [nd30.Signer(text.signers[0], None, "(Ký, ghi rõ họ tên, đóng dấu)"),
            nd30.Signer(text.signers[1], data.representative)]


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
        recipient=data.recipient,
    )
    out: list[Flowable] = [*nd30.document_head(info, FRAME_WIDTH), *_facts(data, lab)]
    items = numbered_items(data.items or text.items)
    out += [para(data.intro or fill(text.intro, year=data.year)), para(data.items_heading or lab("items_heading"),
                                                                        "heading"), *items[:-1]]
    # The last criterion stays with the closing and the signatures: a signature page never stands alone.
    closing = [*items[-1:], para(data.closing or text.closing)]
    return out + nd30.closing_and_signatures(closing, _signers(data, text), FRAME_WIDTH, space=SIGN_SPACE)


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
