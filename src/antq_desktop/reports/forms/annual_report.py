"""Commune annual results report (báo cáo kết quả) with target, recognition and class tables."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from antq_desktop.reports import nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark
from antq_desktop.reports.form_data import AnnualReportData
from antq_desktop.reports.form_texts import FormText, load_form_text
from antq_desktop.reports.forms.common import (
    FRAME_WIDTH,
    DotLine,
    cell,
    fill,
    grid_table,
    mark_for,
    para,
    plain,
    run,
)

FORM_ID = "annual_report"
NO_DATA = "Chưa có số liệu"  # a target with nothing to measure yet (0/0): neither met nor missed
_BLANK_ROWS = 4


def _paras(lines: Sequence[str], blank_lines: int = 4) -> list[Flowable]:
    return [para(line) for line in lines] if lines else [DotLine(lines=blank_lines)]


def _met(value: bool | None, text: FormText) -> str:
    if value is None:
        return NO_DATA
    return text.label("met") if value else text.label("not_met")


def targets_table(data: AnnualReportData, text: FormText) -> Flowable:
    lab = text.label
    header = [
        lab("col_no"),
        lab("col_indicator"),
        lab("col_threshold"),
        lab("col_actual"),
        lab("col_met"),
    ]
    widths = (14 * mm, FRAME_WIDTH - 92 * mm, 26 * mm, 26 * mm, 26 * mm)
    rows = [
        [
            plain(i),
            cell(t.label),
            plain(t.threshold),
            plain(t.actual or ""),
            plain(_met(t.met, text)),
        ]
        for i, t in enumerate(data.targets, 1)
    ] or [[plain(i), "", "", "", ""] for i in range(1, _BLANK_ROWS + 1)]
    return grid_table(header, rows, widths, align=("CENTER", "LEFT", "CENTER", "CENTER", "CENTER"))


def recognised_table(data: AnnualReportData, text: FormText) -> Flowable:
    lab = text.label
    if not data.recognised:
        return para(lab("none")) if data.record else DotLine(lines=3)
    header = [lab("col_no"), lab("col_unit"), lab("col_kind"), lab("col_decision")]
    widths = (14 * mm, FRAME_WIDTH - 109 * mm, 30 * mm, 65 * mm)
    rows = [[plain(i), cell(u.name), plain(u.kind), cell(u.decision)] for i, u in enumerate(data.recognised, 1)]
    return grid_table(header, rows, widths, align=("CENTER", "LEFT", "LEFT", "LEFT"))


def classification_table(data: AnnualReportData, text: FormText) -> Flowable:
    lab = text.label
    if not data.classification:
        return para(lab("none")) if data.record else DotLine(lines=3)
    header = [lab("col_no"), lab("col_unit"), lab("col_kind"), lab("col_level")]
    widths = (14 * mm, FRAME_WIDTH - 84 * mm, 40 * mm, 30 * mm)
    rows = [[plain(i), cell(u.name), plain(u.kind), plain(u.level)] for i, u in enumerate(data.classification, 1)]
    return grid_table(header, rows, widths, align=("CENTER", "LEFT", "LEFT", "CENTER"))


def _activity_table(header: list[str], rows: list[list[object]], widths: tuple[float, ...],
                    text: FormText) -> Flowable:
    if not rows:
        return para(text.label("no_activity"))
    return grid_table(header, rows, widths, align=("CENTER",) + ("LEFT",) * (len(widths) - 1))


def activities_section(data: AnnualReportData, text: FormText) -> list[Flowable]:
    """The year's models, festival, briefings, commendations and security force (issue 20)."""
    lab, acts = text.label, data.activities
    if acts is None:
        return []
    model_rows = [[plain(i), cell(name), cell(kind), cell(status), cell(recognised)]
                  for i, (name, kind, status, recognised) in enumerate(acts.models, 1)]
    award_rows = [[plain(i), cell(who), cell(award), plain(day)]
                  for i, (who, award, day) in enumerate(acts.commendations, 1)]
    models = _activity_table([lab("col_no"), lab("col_model"), lab("col_kind"), lab("col_status"),
                              lab("col_recognised")], model_rows,
                             (14 * mm, FRAME_WIDTH - 106 * mm, 24 * mm, 32 * mm, 36 * mm), text)
    # The section's headings never stay alone at the foot of a page: each goes with what follows it.
    out: list[Flowable] = [KeepTogether([para(lab("activities"), "heading"), para(lab("models"), "heading"),
                                         models])]
    for key, lines in (("festival", acts.festival), ("briefings", acts.briefings)):
        out.append(_with_heading(lab(key), [para(line) for line in lines] or [para(lab("no_activity"))]))
    out.append(_with_heading(lab("commendations"), [
        _activity_table([lab("col_no"), lab("col_who"), lab("col_award"), lab("col_date")], award_rows,
                        (14 * mm, FRAME_WIDTH - 98 * mm, 60 * mm, 24 * mm), text)]))
    out += [_with_heading(lab("security_force"), [para(line) for line in acts.security_force]
                          or [para(lab("no_activity"))]), Spacer(1, 4)]
    return out


def _with_heading(heading: str, body: list[Flowable]) -> Flowable:
    return KeepTogether([para(heading, "heading"), *body])


def annual_report_flowables(data: AnnualReportData, text: FormText | None = None) -> list[Flowable]:
    text = text or load_form_text(FORM_ID)
    lab = text.label
    info = nd30.DocumentInfo(
        doc_type=text.doc_type,
        subject=fill(text.subject, year=data.year),
        parent_body=data.unit.parent_body,
        issuing_body=data.unit.issuing_body,
        place=data.unit.place,
        date=data.report_date,
        number=data.number,
        doc_code=data.doc_code,
        recipient=data.recipient,
    )
    out: list[Flowable] = [*nd30.document_head(info, FRAME_WIDTH)]
    out += [para(lab("situation"), "heading"), *_paras(data.situation)]
    out += [para(lab("targets"), "heading"), targets_table(data, text), Spacer(1, 4)]
    out += [para(lab("recognised"), "heading"), recognised_table(data, text), Spacer(1, 4)]
    out += [para(lab("classification"), "heading"), classification_table(data, text), Spacer(1, 4)]
    out += activities_section(data, text)
    out.append(_with_heading(lab("proposals"), _paras(data.proposals, 3)))
    signer = nd30.Signer(data.signer_authority, data.signer_name, None if data.signer_name else nd30.SIGN_HINT)
    recipients = data.recipients or ("Như trên;", "Lưu: VT, …")
    return out + nd30.signature_block([signer], FRAME_WIDTH, recipients=recipients)


def render_annual_report(
    output: Path,
    data: AnnualReportData,
    *,
    text: FormText | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> Path:
    text = text or load_form_text(FORM_ID)

    def build(d: AnnualReportData) -> tuple[RecordMark, list[Flowable]]:
        return mark_for(FORM_ID, d.unit, d.record), annual_report_flowables(d, text)

    return run(output, [data], build, "Báo cáo kết quả", 1, progress, cancel)
