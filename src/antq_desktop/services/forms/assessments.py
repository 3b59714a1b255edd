"""Store → self-assessment sheets and review-meeting minutes, one per assessment, streamed.

An assessment keeps its answers as JSON {criterion code: {met, note, evidence}} against a catalog
version; the sheet prints that catalog's criteria with the ticks, so a later catalog never changes
what was assessed. Minutes are prefilled from the same answers; meeting facts stay blank lines.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select

from antq_desktop.domain.scoring import OUTCOME_LABELS, OUTCOME_MET
from antq_desktop.reports import unit_forms
from antq_desktop.reports.form_data import (
    CriterionRow,
    MinutesCriterion,
    MinutesData,
    RecordRef,
    SelfAssessmentData,
    UnitInfo,
)
from antq_desktop.reports.forms import minutes as minutes_form
from antq_desktop.reports.forms import self_assessment
from antq_desktop.reports.text import DOTS, number
from antq_desktop.services.forms.request import FormRequest, kind_word, localise_line
from antq_desktop.services.forms.sources import (
    BLANK_AREA,
    Batch,
    Subject,
    blank_subjects,
    catalog_or_default,
    localise_form,
    ordered_ids,
    stream,
    subject_columns,
    subject_join,
    subject_of,
    subject_order,
    subject_where,
    unit_type,
)
from antq_desktop.services.records import meetings
from antq_desktop.services.setup.profile import get_profile
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Assessment

S = Assessment.__table__


def _answers(raw: str | None) -> dict[str, Any]:
    try:
        value = json.loads(raw or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _answer(answers: dict[str, Any], code: str) -> tuple[bool | None, str]:
    value = answers.get(code)
    if isinstance(value, dict):
        return bool(value.get("met")), str(value.get("note") or "")
    return (None, "") if value is None else (bool(value), "")


def criteria_rows(row: Any, answers: dict[str, Any] | None, word: str = "xã") -> tuple[CriterionRow, ...]:
    """The catalog's criteria for this subject; answers None gives an unticked (blank) sheet.

    The catalog is written for a xã: a ward's sheet says "Công an phường"."""
    catalog = catalog_or_default(row.get("catalog_code"))
    out = []
    for c in catalog.criteria(unit_type(row)):
        met, note = _answer(answers, c.code) if answers is not None else (None, "")
        met = False if answers is not None and met is None else met
        out.append(CriterionRow(c.code, localise_line(c.text, word), c.points, met, note, c.required))
    return tuple(out)


def _level_label(row: Any) -> str | None:
    try:
        return catalog_or_default(row["catalog_code"]).level(row["level"]).label
    except StopIteration:
        return row["level"] or None


def _head(row: Any) -> str | None:
    kind = row["subject_kind"]
    return row["area_head"] if kind == "area" else row["org_head"] if kind == "organization" else None


def cap_reason(row: Any, rows: tuple[CriterionRow, ...]) -> str | None:
    """Why a unit that scored high is still "Chưa đạt" and capped: the binding criteria it failed."""
    unmet = [c.code for c in rows if c.required and c.met is False]
    if not unmet or row["score"] is None:
        return None
    catalog = catalog_or_default(row["catalog_code"])
    by_score = next((lv for lv in catalog.levels if row["score"] >= lv.min_score), catalog.levels[-1])
    reason = (f"Chưa đạt tiêu chuẩn vì tiêu chí bắt buộc {', '.join(unmet)} chưa đạt (phải đạt tất cả tiêu chí "
              "bắt buộc).")
    cap = catalog.max_level_if_not_met
    if cap and catalog.rank(by_score.code) < catalog.rank(cap):  # rank 0 is the best level
        reason += (f" Đơn vị chưa đạt tiêu chuẩn chỉ được xếp loại cao nhất “{catalog.level(cap).label}” "
                   f"(theo điểm {number(row['score'])} là “{by_score.label}”).")
    return reason


def _officer(row: Any, names: set[str]) -> str | None:
    """The officer who filled in the sheet; an assessor field holding a unit's name is not a person."""
    assessor = (row["assessor"] or "").strip()
    return assessor if assessor and assessor not in names else None


def sheet_data(row: Any, unit: UnitInfo, year: int, commune: str, word: str = "xã") -> SelfAssessmentData:
    rows = criteria_rows(row, _answers(row["answers"]), word)
    subject = subject_of(row, unit, year, commune, word)
    names = {commune, subject.name or "", unit.issuing_body, f"Công an {unit.commune_name}"}
    return SelfAssessmentData(
        unit, rows, year=year, assessed_unit=subject.name, header_parent=subject.parent, score=row["score"],
        max_score=sum(c.points or 0 for c in rows), outcome=OUTCOME_LABELS.get(row["outcome"]),
        level=_level_label(row), signed_on=row["assessed_on"], preparer=_officer(row, names), head=_head(row),
        record=RecordRef(row["record_id"], row["revision"]), cap_reason=cap_reason(row, rows),
        **sheet_wording(subject))


def sheet_wording(subject: Subject) -> dict[str, Any]:
    """Period, addressee and signer titles of the subject's unit type."""
    own = subject.text.self_assessment
    titles = [unit_forms.expand(t, subject.values) for t in own["signers"]]
    return {"period": unit_forms.expand(subject.text.period, subject.values),
            "recipient": unit_forms.expand(own["recipient"], subject.values),
            "signers": (titles[0], titles[-1]),
            # The commune's own sheet goes to the upper office: it asks that office, not its own police, to review.
            "closing": unit_forms.expand(own["closing"], subject.values) if own.get("closing") else None}


def blank_sheet(s: Any, unit: UnitInfo, year: int, commune: str, word: str) -> SelfAssessmentData:
    subject = subject_of(s, unit, year, commune, word)
    return SelfAssessmentData(unit, criteria_rows(s, None, word), year=year, assessed_unit=subject.name,
                              head=_head(s), header_parent=subject.parent, **sheet_wording(subject))


def _assessment_ids(store: Store, request: FormRequest) -> tuple[Any, list[str]]:
    joined = subject_join(S)
    stmt = select(S.c.id).select_from(joined).where(subject_where(S, request)).order_by(*subject_order(S))
    return joined, ordered_ids(store, stmt)


def _assessment_rows(store: Store, request: FormRequest) -> tuple[int, Iterator[Any]]:
    joined, ids = _assessment_ids(store, request)

    def details(chunk: list[str]) -> Select[Any]:
        return select(S.c.id.label("record_id"), S.c.revision, S.c.subject_kind, S.c.area_id, S.c.organization_id,
                      S.c.catalog_code, S.c.answers,
                      S.c.outcome, S.c.score, S.c.level, S.c.assessor, S.c.assessed_on, S.c.status,
                      *subject_columns()).select_from(joined).where(S.c.id.in_(chunk))

    return len(ids), stream(store, ids, details, S.c.id)


def _sheet_render(word: str) -> Callable[..., Path]:
    text = localise_form(self_assessment.FORM_ID, word)

    def render(output: Path, records: Iterable[SelfAssessmentData], **kw: Any) -> Path:
        return self_assessment.render_self_assessments(output, records, text=text, **kw)

    return render


def _word(store: Store) -> str:
    return kind_word(get_profile(store))


def self_assessments(store: Store, request: FormRequest, unit: UnitInfo) -> Batch:
    """One sheet per assessment of the year; blank: the catalog's criteria unticked."""
    word = _word(store)
    commune, render = get_profile(store).unit_name, _sheet_render(word)
    if request.blank:
        total, subjects = _blank_or_named(store, request)
        return Batch(total, (blank_sheet(s, unit, request.year, commune, word) for s in subjects), render)
    total, rows = _assessment_rows(store, request)
    return Batch(total, (sheet_data(r, unit, request.year, commune, word) for r in rows), render)


# ---------------------------------------------------------------- minutes

def _finding(c: CriterionRow) -> str:
    verdict = "Đạt" if c.met else "Chưa đạt"
    return f"{verdict}." + (f" {c.note}" if c.note else "")


def conclusion(name: str, data: SelfAssessmentData, year: int) -> str:
    """What the meeting concludes from the self-assessment; officers may still amend it by hand."""
    score = f"{data.score:g}/{data.max_score:g} điểm" if data.score is not None and data.max_score else ""
    head = f"{name} tự đánh giá đạt {score}, kết quả: {data.outcome or '…'}, tự xếp loại: {data.level or '…'}."
    if data.outcome == OUTCOME_LABELS[OUTCOME_MET]:
        return (f"{head} Đề nghị công nhận {name} đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm {year}.")
    unmet = ", ".join(c.code for c in data.criteria if c.met is False)
    return f"{head} Chưa đủ điều kiện công nhận; các tiêu chí chưa đạt: {unmet or 'không rõ'}."


def minutes_header(subject: Subject) -> tuple[tuple[str, str], str]:
    """The review meeting is held by the reviewed unit itself (an area's bình xét meeting, an agency's
    meeting), so its minutes carry that unit's header and a plain "BB" code, not the police's."""
    return (subject.parent, (subject.name or DOTS * 2).upper()), "BB"


def minutes_data(row: Any, unit: UnitInfo, year: int, commune: str, word: str = "xã") -> MinutesData:
    sheet = sheet_data(row, unit, year, commune, word)
    name = sheet.assessed_unit or commune
    criteria = tuple(MinutesCriterion(c.code, c.text, _finding(c)) for c in sheet.criteria)
    header, code = minutes_header(subject_of(row, unit, year, commune, word))
    return MinutesData(unit, year=year, reviewed_unit=name, criteria=criteria, header=header, doc_code=code,
                       conclusion=conclusion(name, sheet, year), record=sheet.record)


def _minutes_render(word: str) -> Callable[..., Path]:
    text = localise_form(minutes_form.FORM_ID, word)

    def render(output: Path, records: Iterable[MinutesData], **kw: Any) -> Path:
        return minutes_form.render_minutes(output, records, text=text, **kw)

    return render


def minutes(store: Store, request: FormRequest, unit: UnitInfo) -> Batch:
    """Review-meeting minutes prefilled from each assessment; time, place, participants left blank."""
    word = _word(store)
    commune, render = get_profile(store).unit_name, _minutes_render(word)
    if request.blank:
        total, subjects = _blank_or_named(store, request)
        return Batch(total, (_blank_minutes(s, unit, request.year, commune, word) for s in subjects), render)
    total, rows = _assessment_rows(store, request)
    # A stored meeting (records.meetings) fills time, place, attendance, chair, secretary, discussion, votes.
    return Batch(total, (meetings.minutes_facts(store, r, request.year, minutes_data(r, unit, request.year, commune,
                                                                                     word)) for r in rows), render)


def _blank_minutes(s: Any, unit: UnitInfo, year: int, commune: str, word: str) -> MinutesData:
    header, code = minutes_header(subject_of(s, unit, year, commune, word))
    return MinutesData(unit, year=year, reviewed_unit=s["name"] or None, header=header, doc_code=code,
                       criteria=tuple(MinutesCriterion(c.code, c.text) for c in criteria_rows(s, None, word)))


# ---------------------------------------------------------------- subjects for blank forms

def _blank_or_named(store: Store, request: FormRequest) -> tuple[int, Iterable[Any]]:
    """One unnamed area form, or one named form per subject in scope (--blank --area/--all)."""
    if request.area_id is None and not request.names:
        return 1, [dict(BLANK_AREA)]
    return blank_subjects(store, request)
