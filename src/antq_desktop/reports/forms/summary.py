"""Upper-office roll-up: one row per commune, landscape A4 (also exported as .xlsx)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from antq_desktop.reports import fonts, nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark
from antq_desktop.reports.form_data import SummaryData, SummaryRow
from antq_desktop.reports.forms.common import cell, fill, grid_table, para, plain, run
from antq_desktop.reports.text import dmy, number, pct

FORM_ID = "summary"
HEADER = (
    "STT",
    "Đơn vị cấp xã",
    "Số khu dân cư",
    "Đăng ký phấn đấu (%)",
    "Được công nhận (%)",
    "Xếp loại Khá trở lên (%)",
    "Hộ ký cam kết (%)",
    "Gói dữ liệu gần nhất",
    "Ghi chú",
)
MISSING_NOTE = "Thiếu chỉ tiêu"
TOTAL_LABEL = "Tổng cộng"


PCT_FIELDS = ("registered_pct", "recognised_pct", "classified_good_pct", "pledge_coverage_pct")


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
        **percentages,
    )


def missing_communes(rows: Sequence[SummaryRow]) -> list[str]:
    return [r.commune for r in rows if r.missing_targets]


def _cells(no: str, r: SummaryRow) -> list[object]:
    return [
        plain(no),
        plain(r.commune) if r.commune == TOTAL_LABEL else cell(r.commune),
        plain(number(r.areas)),
        plain(pct(r.registered_pct)),
        plain(pct(r.recognised_pct)),
        plain(pct(r.classified_good_pct)),
        plain(pct(r.pledge_coverage_pct)),
        plain(dmy(r.last_package) if r.last_package else "-"),
        plain(MISSING_NOTE if r.missing_targets else ""),
    ]


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
    fixed = (14, 22, 26, 26, 26, 26, 28, 30)
    widths = [w * mm for w in fixed[:1]] + [geo.frame_width - sum(fixed) * mm] + [w * mm for w in fixed[1:]]
    rows = [_cells(str(i), r) for i, r in enumerate(data.rows, 1)]
    rows.append(_cells("", summary_totals(data.rows)))
    table = grid_table(HEADER, rows, widths, align=("CENTER", "LEFT", *["CENTER"] * 6, "LEFT"))
    table.setStyle([("FONT", (0, -1), (-1, -1), fonts.BOLD, 12, 14)])
    out: list[Flowable] = [*nd30.document_head(info, geo.frame_width), table, Spacer(1, 6)]
    missing = missing_communes(data.rows)
    if missing:
        out.append(para(f"Đơn vị chưa nhập đủ chỉ tiêu ({len(missing)}): {', '.join(missing)}.", "body_left"))
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
