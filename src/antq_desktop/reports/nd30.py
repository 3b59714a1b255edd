"""Document skeleton of an administrative document per Nghị định 30/2020/NĐ-CP.

Pieces are plain ReportLab flowables so every form can assemble them in its own order:
header (two columns), number/date line, title, body styles, signature and recipients.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from antq_desktop.reports import fonts
from antq_desktop.reports.text import DOTS, markup, place_date_line

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGN_HINT = "(Ký, ghi rõ họ tên)"
DATE_SMALLEST = 12  # pt: the place-date line shrinks no further from 13 pt (it breaks after the place)

# ND30 Phụ lục III abbreviations of document types used in "Số: 12/BC-CAX".
DOC_TYPE_CODES = {
    "BC": "BÁO CÁO",
    "BB": "BIÊN BẢN",
    "KH": "KẾ HOẠCH",
    "TTr": "TỜ TRÌNH",
    "QĐ": "QUYẾT ĐỊNH",
}


def doc_code(type_code: str, issuer_code: str = "CAX") -> str:
    """'BC' + 'CAX' -> 'BC-CAX' (CAX: Công an xã); rejects codes ND30 does not list here."""
    if type_code not in DOC_TYPE_CODES:
        raise ValueError(f'Không có loại văn bản viết tắt "{type_code}".')
    return f"{type_code}-{issuer_code}"


# ND30 ranges: top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm

NATIONAL_SIZE = 12.5  # ND30: 12-13 pt; 12.5 still fits one line in the right column
MOTTO_SIZE = 13.5
BODY_SIZE = 13
TITLE_SIZE = 14
RECIPIENTS_LABEL_SIZE = 12
RECIPIENTS_SIZE = 11


@dataclass(frozen=True)
class DocumentInfo:
    """What the header, number line and title of one document say.

    Leave ``date``/``number``/``place`` as None for blank forms: they print as dots.
    An empty ``issuing_body`` gives the national header alone, centred (citizen documents).
    """

    doc_type: str  # "BÁO CÁO", "BIÊN BẢN", "BẢN CAM KẾT" ...
    subject: str = ""  # trích yếu, e.g. "Kết quả thực hiện phong trào ... năm 2026"
    parent_body: str = ""  # "CÔNG AN TỈNH THANH HÓA"
    issuing_body: str = ""  # "CÔNG AN XÃ ĐÔNG SƠN"
    place: str | None = None  # "Đông Sơn" (địa danh in the date line)
    date: dt.date | None = None
    number: str | None = None  # "12"; None prints dots
    doc_code: str | None = None  # "BC-CAX"; None: no "Số:" line at all
    recipient: str | None = None  # "Kính gửi: ..." line under the title, optional


@dataclass(frozen=True)
class Signer:
    """One signature column.  ``authority`` may hold several lines ("KT. ...\\nPHÓ TRƯỞNG")."""

    authority: str  # "TRƯỞNG CÔNG AN XÃ", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    name: str | None = None  # None leaves the line empty for hand writing
    hint: str | None = SIGN_HINT  # italic hint under the authority; None for signed documents


@dataclass(frozen=True)
class PageGeometry:
    width: float
    height: float

    @property
    def frame_width(self) -> float:
        return self.width - MARGIN_LEFT - MARGIN_RIGHT

    @property
    def frame_height(self) -> float:
        return self.height - MARGIN_TOP - MARGIN_BOTTOM


def geometry(is_landscape: bool = False) -> PageGeometry:
    size = landscape(A4) if is_landscape else A4
    return PageGeometry(*size)


def _style(name: str, size: float, font: str = fonts.REGULAR, **kw: Any) -> ParagraphStyle:
    kw.setdefault("leading", round(size * 1.2, 1))
    return ParagraphStyle(name, fontName=font, fontSize=size, **kw)


@dataclass(frozen=True)
class Styles:
    header: ParagraphStyle
    header_bold: ParagraphStyle
    national: ParagraphStyle
    motto: ParagraphStyle
    number: ParagraphStyle
    date: ParagraphStyle
    title: ParagraphStyle
    subject: ParagraphStyle
    recipient: ParagraphStyle
    body: ParagraphStyle
    body_left: ParagraphStyle
    item: ParagraphStyle
    heading: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    sign_authority: ParagraphStyle
    sign_hint: ParagraphStyle
    sign_name: ParagraphStyle
    recipients_label: ParagraphStyle
    recipients: ParagraphStyle
    small: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The shared paragraph styles (built once; fonts registered on first use)."""
    fonts.register_fonts()
    c, j, left = TA_CENTER, TA_JUSTIFY, TA_LEFT
    return Styles(
        header=_style("hdr", 12.5, alignment=c, leading=15),
        header_bold=_style("hdrb", 12.5, fonts.BOLD, alignment=c, leading=15),
        national=_style("nat", NATIONAL_SIZE, fonts.BOLD, alignment=c, leading=15),
        motto=_style("motto", MOTTO_SIZE, fonts.BOLD, alignment=c, leading=16),
        number=_style("num", 13, alignment=c),
        date=_style("date", 13, fonts.ITALIC, alignment=c),
        title=_style("title", TITLE_SIZE, fonts.BOLD, alignment=c, leading=17, spaceBefore=7),
        subject=_style("subj", TITLE_SIZE, fonts.BOLD, alignment=c, leading=17),
        recipient=_style("kg", BODY_SIZE, alignment=c, spaceBefore=4, spaceAfter=4),
        # ND30: first-line indent 1-1.27 cm, paragraph spacing >= 6 pt, single to 1.5 spacing.
        body=_style("body", BODY_SIZE, alignment=j, firstLineIndent=10 * mm, leading=16, spaceAfter=4),
        body_left=_style("bodyl", BODY_SIZE, alignment=j, leading=16, spaceAfter=1),
        item=_style("item", BODY_SIZE, alignment=j, leading=15, spaceAfter=2, firstLineIndent=10 * mm),
        heading=_style("h", BODY_SIZE, fonts.BOLD, alignment=j, leading=16, spaceBefore=4, spaceAfter=3),
        cell=_style("cell", 12, leading=14),
        cell_center=_style("cellc", 12, alignment=c, leading=14),
        cell_head=_style("cellh", 12, fonts.BOLD, alignment=c, leading=14),
        sign_authority=_style("sa", 13, fonts.BOLD, alignment=c, leading=15.5),
        sign_hint=_style("sh", 12, fonts.ITALIC, alignment=c, leading=14),
        sign_name=_style("sn", 13, fonts.BOLD, alignment=c, leading=15.5),
        recipients_label=_style("rl", RECIPIENTS_LABEL_SIZE, fonts.BOLD_ITALIC, alignment=left, leading=14),
        recipients=_style("r", RECIPIENTS_SIZE, alignment=left, leading=12.5),
        small=_style("small", 7.5, leading=9),
    )


def _rule(text: str, font: str, size: float, fraction: float = 1.0) -> HRFlowable:
    """Short centred rule under a header line, as long as (a fraction of) the text."""
    width = min(stringWidth(text, font, size) * fraction, 60 * mm)
    return HRFlowable(width=width, thickness=0.6, color="black", hAlign="CENTER", spaceBefore=3, spaceAfter=0)


def column_widths(frame_width: float) -> tuple[float, float]:
    """Left (issuing body) and right (national name) header columns.

    The right column must hold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line (92 mm at
    12.5 pt bold); the rest goes left, enough for "CÔNG AN PHƯỜNG HOÀN KIẾM" (69 mm).
    """
    right = max(93 * mm, frame_width * 0.55)
    return frame_width - right, right


def _left_header(info: DocumentInfo, st: Styles) -> list[Flowable]:
    cells: list[Flowable] = []
    if info.parent_body:
        cells.append(Paragraph(markup(info.parent_body.upper()), st.header))
    body = info.issuing_body.upper()
    cells.append(Paragraph(markup(body), st.header_bold))
    longest = max(body.split("\n"), key=len)
    # ND30: a rule 1/3 to 1/2 of the issuing body's line, centred under it.
    cells.append(_rule(longest, fonts.BOLD, 12.5, 0.4))
    return cells


def _right_header(st: Styles) -> list[Flowable]:
    return [
        Paragraph(NATIONAL_NAME, st.national),
        Paragraph(MOTTO, st.motto),
        _rule(MOTTO, fonts.BOLD, MOTTO_SIZE),
    ]


def _grid(rows: list[list[Any]], widths: Sequence[float], valign: str = "TOP") -> Table:
    """Invisible layout grid: no padding on the outer edges so text lines up with the margins."""
    table = Table(rows, colWidths=list(widths))
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), valign),
                # Cells ignore a flowable's hAlign; without this the header rules hug the left.
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                (
                    "FONT",
                    (0, 0),
                    (-1, -1),
                    fonts.REGULAR,
                    BODY_SIZE,
                ),  # else empty cells pull in Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def number_text(info: DocumentInfo) -> str:
    """'Số: 12/BC-CAX' or 'Số: ……/BC-CAX' for blanks."""
    number = info.number if info.number else DOTS[:3]
    return f"Số: {markup(number)}/{markup(info.doc_code or '')}"


def date_paragraph(info: DocumentInfo, width: float, st: Styles | None = None) -> Paragraph:
    """The place and date as a signed document shows them: the date never split over two lines.

    What does not fit one line at ND30's 13 pt steps down to DATE_SMALLEST (a blank date's dots with a
    commune's name); a longer place name (a province's) takes the first line and the whole date the next,
    instead of "năm" at the end of one line and "20……" alone under it.
    """
    st = st or styles()
    text = place_date_line(info.place, info.date)
    size = st.date.fontSize
    while size > DATE_SMALLEST and not _fits(text, st.date.fontName, size, width):
        size -= 0.5
    if not _fits(text, st.date.fontName, size, width):
        place, _, when = text.partition(", ")
        return Paragraph(f"{markup(place)},<br/>{markup(when)}", st.date)
    style = st.date if size == st.date.fontSize else ParagraphStyle(
        f"date{size}", parent=st.date, fontSize=size, leading=round(size * 1.2, 1))
    return Paragraph(markup(text), style)


def _fits(text: str, font: str, size: float, width: float) -> bool:
    return stringWidth(text, font, size) <= width - 1  # a point spare: ReportLab's sums round differently


def header_block(info: DocumentInfo, frame_width: float) -> list[Flowable]:
    """Header (two columns) plus the number/date line underneath."""
    st = styles()
    if not info.issuing_body:
        # Citizen documents (pledges) carry the national header alone, centred.
        return [*_right_header(st), Spacer(1, 4), date_paragraph(info, frame_width, st)]
    left, right = column_widths(frame_width)
    date_para = date_paragraph(info, right, st)
    head = _grid([[_left_header(info, st), _right_header(st)]], (left, right))
    number = Paragraph(number_text(info), st.number) if info.doc_code else ""
    line = _grid([[number, date_para]], (left, right))
    return [head, Spacer(1, 5), line]


def title_block(info: DocumentInfo) -> list[Flowable]:
    """Document type in caps bold, subject in bold, a short rule, optional 'Kính gửi'."""
    st = styles()
    out: list[Flowable] = [Paragraph(markup(info.doc_type.upper()), st.title)]
    if info.subject:
        out.append(Paragraph(markup(info.subject), st.subject))
    out.append(
        HRFlowable(
            width=40 * mm,
            thickness=0.6,
            color="black",
            hAlign="CENTER",
            spaceBefore=4,
            spaceAfter=6,
        )
    )
    if info.recipient:
        out.append(Paragraph(markup(info.recipient), st.recipient))
    return out


def document_head(info: DocumentInfo, frame_width: float) -> list[Flowable]:
    """Header + number/date line + title: the top of every document."""
    return [*header_block(info, frame_width), *title_block(info)]


def signer_cell(signer: Signer, space: float, st: Styles | None = None) -> list[Flowable]:
    """One signer's column: authority, hint, room to sign, name (forms/pledge measures it)."""
    st = st or styles()
    cell: list[Flowable] = [Paragraph(markup(signer.authority.upper()), st.sign_authority)]
    if signer.hint:
        cell.append(Paragraph(markup(signer.hint), st.sign_hint))
    cell.append(Spacer(1, space))
    if signer.name:
        cell.append(Paragraph(markup(signer.name), st.sign_name))
    return cell


def recipients_cell(recipients: Sequence[str]) -> list[Flowable]:
    """'Nơi nhận:' bold italic 12 pt, then '- ...' lines in 11 pt (last one '- Lưu: VT, ...')."""
    st = styles()
    cell: list[Flowable] = [Paragraph("Nơi nhận:", st.recipients_label)]
    for line in recipients:
        text = line if line.startswith("-") else f"- {line}"
        cell.append(Paragraph(markup(text), st.recipients))
    return cell


def signature_block(
    signers: Sequence[Signer],
    frame_width: float,
    recipients: Sequence[str] | None = None,
    space: float = 24 * mm,
) -> list[Flowable]:
    """One or two signers side by side; with one signer, recipients sit bottom left (ND30)."""
    st = styles()
    if not signers:
        return []
    cells = [signer_cell(s, space, st) for s in signers]
    out: list[Flowable] = [Spacer(1, 6)]
    if len(cells) == 1:
        left, right = frame_width * 0.45, frame_width * 0.55
        out.append(_grid([[recipients_cell(recipients) if recipients else "", cells[0]]], (left, right)))
        return out
    widths = [frame_width / len(cells)] * len(cells)
    out.append(_grid([cells], widths))
    if recipients:
        out += [Spacer(1, 6), *recipients_cell(recipients)]
    return out


def closing_and_signatures(
    closing: Sequence[Flowable],
    signers: Sequence[Signer],
    frame_width: float,
    recipients: Sequence[str] | None = None,
    space: float = 24 * mm,
) -> list[Flowable]:
    """Last paragraph(s) kept on the same page as the signatures.

    A signature alone on a page invites a forged first page; ND30 practice keeps some of
    the body with it.
    """
    return [KeepTogether([*closing, *signature_block(signers, frame_width, recipients, space)])]
