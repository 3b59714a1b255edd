"""Recognition: the decision (Quyết định công nhận), its annex list, one certificate per unit.

The issuing authority (the commune's People's Committee for its areas and organisations, the upper
office for communes) and every sentence come from resources/forms/upper_office.json via the
services; this module only lays them out. Number and date print as dots when not given.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from antq_desktop.reports import fonts, nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark
from antq_desktop.reports.form_data import RecognisedEntry, RecognitionData
from antq_desktop.reports.forms.common import FRAME_WIDTH, cell, grid_table, mark_for, para, plain, run
from antq_desktop.reports.text import DOTS, dmy, markup, number, or_dots

FORM_ID = "recognition"


def _info(data: RecognitionData, doc_type: str, subject: str, numbered: bool = True) -> nd30.DocumentInfo:
    return nd30.DocumentInfo(doc_type=doc_type, subject=subject, parent_body=data.parent_body,
                             issuing_body=data.issuing_body, place=data.unit.place, date=data.decided_on,
                             number=data.number, doc_code=data.doc_code if numbered else None)


def _text(data: RecognitionData, key: str) -> Any:
    return data.texts[key]


def ref_values(data: RecognitionData) -> dict[str, str]:
    return {"number": data.number or DOTS[:3], "doc_code": data.doc_code,
            "date": dmy(data.decided_on) if data.decided_on else "…/…/……"}


def decision_flowables(data: RecognitionData) -> list[Flowable]:
    st = nd30.styles()
    out: list[Flowable] = [*nd30.document_head(_info(data, _text(data, "doc_type"), _text(data, "subject")),
                                               FRAME_WIDTH)]
    out.append(Paragraph(markup(data.issuer_title), st.title))
    out.append(Spacer(1, 4))
    out += [para(b) for b in data.bases]
    out.append(Paragraph(markup(_text(data, "decides")), st.title))
    body = [para(a) for a in data.articles]
    signer = nd30.Signer(data.signer, data.signer_name, "(Ký, ghi rõ họ tên, đóng dấu)")
    out += body[:-1]
    out += nd30.closing_and_signatures(body[-1:], [signer], FRAME_WIDTH, recipients=data.recipients)
    return out + [PageBreak(), *annex_flowables(data)]


def annex_flowables(data: RecognitionData) -> list[Flowable]:
    st = nd30.styles()
    ref = _text(data, "annex_ref").format(**ref_values(data), issuer=data.issuer_in_sentence or data.issuer_title)
    out: list[Flowable] = [Paragraph(markup(_text(data, "annex_title")), st.title),
                           Paragraph(markup(_text(data, "annex_subject")), st.subject),
                           Paragraph(f"<i>{markup(ref)}</i>", st.recipient), Spacer(1, 4)]
    widths = [14 * mm, FRAME_WIDTH - 104 * mm, 30 * mm, 38 * mm, 22 * mm]
    rows = [[plain(i), cell(u.name), cell(u.kind), cell(or_dots(u.address, "")),
             plain("" if u.score is None else number(u.score))] for i, u in enumerate(data.units, 1)]
    out.append(grid_table(_text(data, "annex_columns"), rows, widths,
                          align=("CENTER", "LEFT", "LEFT", "LEFT", "CENTER")))
    return out


def _big(name: str, size: float, font: str = fonts.BOLD) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.3, alignment=TA_CENTER,
                          spaceAfter=size * 0.4)


def certificate_flowables(data: RecognitionData, entry: RecognisedEntry) -> list[Flowable]:
    """One Giấy công nhận: authority, title, the unit in large type, the decision it rests on, signature."""
    nd30.styles()  # fonts registered
    info = _info(data, "", "", numbered=False)  # the decision's number is in the body
    values = {**ref_values(data), "issuer_title": data.issuer_title, "unit": entry.name,
              "address": entry.address or "", "year": str(data.year)}
    lines = [line.format(**values) for line in _text(data, "certificate_lines")]
    sizes = [(14, fonts.BOLD), (15, fonts.ITALIC), (22, fonts.BOLD), (13, fonts.REGULAR), (16, fonts.BOLD),
             (12, fonts.ITALIC)]
    body: list[Flowable] = [Paragraph(markup(_text(data, "certificate_title")), _big("ct", 30)), Spacer(1, 6)]
    for i, line in enumerate(lines):
        size, font = sizes[min(i, len(sizes) - 1)]
        if line.strip():
            body.append(Paragraph(markup(line), _big(f"c{i}", size, font)))
    frame = Table([[body]], colWidths=[FRAME_WIDTH - 8 * mm])
    frame.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 2, "black"), ("INNERGRID", (0, 0), (-1, -1), 0, "white"),
                               ("TOPPADDING", (0, 0), (-1, -1), 14), ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
                               ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10)]))
    signer = nd30.Signer(data.signer, data.signer_name, "(Ký, ghi rõ họ tên, đóng dấu)")
    head = nd30.header_block(info, FRAME_WIDTH)
    return [*head, Spacer(1, 10 * mm), frame, *nd30.closing_and_signatures([Spacer(1, 4)], [signer], FRAME_WIDTH)]


def recognition_documents(data: RecognitionData) -> Iterable[tuple[str, RecognitionData, RecognisedEntry | None]]:
    """The decision (with its annex), then one certificate per unit, each starting on a new page."""
    yield "decision", data, None
    for entry in data.units:
        yield "certificate", data, entry


def render_recognition(
    output: Path,
    data: RecognitionData,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> Path:
    def build(item: tuple[str, RecognitionData, RecognisedEntry | None]) -> tuple[RecordMark, list[Flowable]]:
        kind, d, entry = item
        mark = mark_for(FORM_ID, d.unit, d.record)
        return mark, decision_flowables(d) if entry is None else certificate_flowables(d, entry)

    return run(output, recognition_documents(data), build, "Quyết định công nhận", 1 + len(data.units), progress,
               cancel)
