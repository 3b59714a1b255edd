"""Upper-office roll-up: one row per commune, landscape A4 (also exported as .xlsx)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from antq_desktop.reports import fonts, nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark
from antq_desktop.reports.form_data import SummaryData, SummaryRow
from antq_desktop.reports.forms.common import fill, para, plain, run
from antq_desktop.reports.text import dmy, markup, number, pct

FORM_ID = "summary"
STANDARD = "Tiêu chuẩn “An toàn về an ninh, trật tự”"
ACTIVITIES = "Hoạt động của phong trào"
# Each column: its header in the workbook (one row, full words), the group it sits under in the PDF
# and its shorter label there (two header rows keep fourteen columns readable on A4 landscape).
COLUMNS: tuple[tuple[str, str | None, str], ...] = (
    ("STT", None, "STT"),
    ("Đơn vị cấp xã", None, "Đơn vị cấp xã"),
    ("Số khu dân cư", None, "Số khu dân cư"),
    ("Đăng ký phấn đấu (%)", STANDARD, "Đăng ký (%)"),
    ("Được công nhận (%)", STANDARD, "Công nhận (%)"),
    ("Xếp loại Khá trở lên (%)", STANDARD, "Khá trở lên (%)"),
    ("Hộ ký cam kết (%)", STANDARD, "Hộ ký cam kết (%)"),
    ("Mô hình, điển hình đang hoạt động", ACTIVITIES, "Mô hình"),
    ("Ngày hội 19/8 đã tổ chức", ACTIVITIES, "Ngày hội 19/8"),
    ("Được phổ biến, quán triệt (%)", ACTIVITIES, "Phổ biến (%)"),
    ("Khen thưởng", ACTIVITIES, "Khen thưởng"),
    ("Tổ bảo vệ ANTT hoàn thành nhiệm vụ trở lên (%)", ACTIVITIES, "Tổ ANTT hoàn thành NV (%)"),
    ("Gói dữ liệu gần nhất", None, "Gói dữ liệu gần nhất"),
    ("Ghi chú", None, "Ghi chú"),
)
HEADER = tuple(column[0] for column in COLUMNS)
MISSING_NOTE = "Chưa đạt chỉ tiêu"
# A percentage with nothing to measure yet (no unit, household or assessment of the year) prints "-".
NO_DATA_NOTE = ("Dấu “-”: chưa có số liệu (năm này chưa có đơn vị, hộ, phiếu, buổi phổ biến hoặc tổ được xếp loại "
                "nào để tính tỷ lệ).")
ACTIVITIES_NOTE = ("Hoạt động của phong trào trong năm: Mô hình — số mô hình, điển hình tiên tiến đang hoạt động "
                   "hoặc đã được công nhận; Ngày hội 19/8 — số lần tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc "
                   "(của xã, khu dân cư, cơ quan, doanh nghiệp, trường học); Phổ biến — số người dự trên số người "
                   "được mời các buổi phổ biến, quán triệt; Khen thưởng — số tập thể, cá nhân được khen thưởng; Tổ "
                   "ANTT hoàn thành NV — tổ bảo vệ an ninh, trật tự ở cơ sở xếp loại hoàn thành nhiệm vụ trở lên "
                   "trên số tổ đã xếp loại.")
TOTAL_LABEL = "Tổng cộng"


PCT_FIELDS = ("registered_pct", "recognised_pct", "classified_good_pct", "pledge_coverage_pct", "briefed_pct",
              "teams_completed_pct")
COUNT_FIELDS = ("models", "festivals", "commendations")  # summed in the totals row


def _weighted(rows: Sequence[SummaryRow], attr: str) -> float | None:
    """Mean weighted by the number of areas: only for rows that do not carry their counts."""
    pairs = [(getattr(r, attr), r.areas) for r in rows if getattr(r, attr) is not None]
    weight = sum(w for _, w in pairs)
    if not pairs or weight == 0:
        return None
    return sum(v * w for v, w in pairs) / weight


def _pooled(rows: Sequence[SummaryRow], attr: str) -> tuple[float | None, tuple[int, int] | None]:
    """All communes' numerators over all their denominators (90.9 %, where averaging gave 91.7 %)."""
    counts = [next(((n, d) for key, n, d in r.counts if key == attr), None) for r in rows]
    if not any(counts) or any(c is None and getattr(r, attr) is not None for c, r in zip(counts, rows, strict=True)):
        return _weighted(rows, attr), None
    num, den = sum(c[0] for c in counts if c), sum(c[1] for c in counts if c)
    return (100.0 * num / den if den else None), (num, den)


def summary_totals(rows: Sequence[SummaryRow]) -> SummaryRow:
    """Totals row: areas summed, percentages from the summed counts (area-weighted means only for rows
    without counts), newest package date."""
    dates = [r.last_package for r in rows if r.last_package]
    pooled = {attr: _pooled(rows, attr) for attr in PCT_FIELDS}
    percentages: dict[str, Any] = {attr: value for attr, (value, _) in pooled.items()}  # PCT_FIELDS name fields
    return SummaryRow(
        commune=TOTAL_LABEL,
        areas=sum(r.areas for r in rows),
        last_package=max(dates) if dates else None,
        counts=tuple((attr, *nd) for attr, (_, nd) in pooled.items() if nd is not None),
        **{attr: sum(getattr(r, attr) for r in rows) for attr in COUNT_FIELDS},
        **percentages,
    )


def missing_communes(rows: Sequence[SummaryRow]) -> list[str]:
    return [r.commune for r in rows if r.missing_targets]


def has_no_data(rows: Sequence[SummaryRow]) -> bool:
    """Some percentage of some row has nothing to measure yet (printed "-", explained by NO_DATA_NOTE)."""
    return any(getattr(r, attr) is None for r in rows for attr in PCT_FIELDS)


def _cells(no: str, r: SummaryRow, name_style: ParagraphStyle) -> list[object]:
    return [
        plain(no),
        plain(r.commune) if r.commune == TOTAL_LABEL else Paragraph(markup(r.commune), name_style),
        plain(number(r.areas)),
        plain(pct(r.registered_pct)),
        plain(pct(r.recognised_pct)),
        plain(pct(r.classified_good_pct)),
        plain(pct(r.pledge_coverage_pct)),
        plain(number(r.models)),
        plain(number(r.festivals)),
        plain(pct(r.briefed_pct)),
        plain(number(r.commendations)),
        plain(pct(r.teams_completed_pct)),
        plain(dmy(r.last_package) if r.last_package else "-"),
        plain(MISSING_NOTE if r.missing_targets else ""),
    ]


# Millimetres, the body at 11 pt: "100,0%" fits 15, a date 20, "Chưa đạt chỉ tiêu" 30 (one line); the
# commune's name takes what is left of the frame (about 44 mm: "Phường Hoàn Kiếm" on one line, a longer
# name wraps).
BODY_SIZE = 11
WIDTHS = (11, None, 13, 15, 15, 15, 15, 14, 14, 15, 15, 16, 20, 30)


def _head_rows() -> tuple[list[object], list[object], list[tuple[Any, ...]]]:
    """Two header rows: a group's name over its columns; a column outside any group spans both rows."""
    st = nd30.styles()
    short_head = ParagraphStyle("summary_head", parent=st.cell_head, fontSize=11, leading=12.5)  # narrow columns
    top: list[object] = []
    below: list[object] = []
    spans: list[tuple[Any, ...]] = []
    for index, (_full, group, short) in enumerate(COLUMNS):
        if group is None:
            top.append(Paragraph(markup(short), short_head))
            below.append("")
            spans.append(("SPAN", (index, 0), (index, 1)))
            continue
        first = next(i for i, c in enumerate(COLUMNS) if c[1] == group)
        top.append(Paragraph(markup(group), st.cell_head) if index == first else "")
        below.append(Paragraph(markup(short), short_head))
        if index == first:
            last = max(i for i, c in enumerate(COLUMNS) if c[1] == group)
            spans.append(("SPAN", (first, 0), (last, 0)))
    return top, below, spans


def summary_table(rows: Sequence[SummaryRow], frame_width: float) -> Table:
    fixed = sum(w for w in WIDTHS if w is not None)
    widths = [(w if w is not None else frame_width / mm - fixed) * mm for w in WIDTHS]
    name_style = ParagraphStyle("summary_name", parent=nd30.styles().cell, fontSize=BODY_SIZE, leading=BODY_SIZE + 2)
    body = [_cells(str(i), r, name_style) for i, r in enumerate(rows, 1)]
    body.append(_cells("", summary_totals(rows), name_style))
    top, below, spans = _head_rows()
    table = Table([top, below, *body], colWidths=widths, repeatRows=2)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, BODY_SIZE, BODY_SIZE + 2),
        ("FONT", (0, -1), (-1, -1), fonts.BOLD, BODY_SIZE, BODY_SIZE + 2),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 2), (-1, -1), "CENTER"),
        ("ALIGN", (1, 2), (1, -1), "LEFT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *spans,
    ]))
    return table


def summary_flowables(data: SummaryData) -> list[Flowable]:
    geo = nd30.geometry(is_landscape=True)
    info = nd30.DocumentInfo(
        doc_type=data.title,
        subject=fill(data.subject, year=data.year),
        parent_body=data.parent_body,
        issuing_body=data.issuing_body,
        place=data.place,
        date=data.report_date,
        number=data.number,
        doc_code=data.doc_code,
    )
    table = summary_table(data.rows, geo.frame_width)
    out: list[Flowable] = [*nd30.document_head(info, geo.frame_width), table, Spacer(1, 6)]
    missing = missing_communes(data.rows)
    if missing:
        out.append(para(f"Đơn vị chưa đạt chỉ tiêu ({len(missing)}): {', '.join(missing)}.", "body_left"))
    if has_no_data(data.rows):
        out.append(para(NO_DATA_NOTE, "body_left"))
    out.append(para(ACTIVITIES_NOTE, "body_left"))
    out += [para(n, "body_left") for n in data.notes]
    how = ("Tỷ lệ ở dòng tổng cộng tính trên tổng số đơn vị, hộ của các xã (không lấy bình quân các tỷ lệ)."
           if summary_totals(data.rows).counts else "Tỷ lệ ở dòng tổng cộng là bình quân gia quyền theo số khu dân cư.")
    closing = [para(how, "body_left")]
    if data.signer_authority is None:
        return out + closing
    signer = nd30.Signer(data.signer_authority, data.signer_name, "(Ký, ghi rõ họ tên, đóng dấu)")
    return out + nd30.closing_and_signatures(closing, [signer], geo.frame_width, recipients=data.recipients)


def render_summary_pdf(
    output: Path,
    data: SummaryData,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> Path:
    def build(d: SummaryData) -> tuple[RecordMark, list[Flowable]]:
        return RecordMark(FORM_ID), summary_flowables(d)

    return run(output, [data], build, "Bảng tổng hợp", 1, progress, cancel, is_landscape=True)
