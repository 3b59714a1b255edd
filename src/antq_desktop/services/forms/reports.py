"""The commune's annual results report and the upper office's per-commune summary, from the store.

Every figure comes from `services.office.indicators` / `services.office.stats` (per origin unit on an upper
office), so a printed report can never disagree with `antq stats` or the dashboard.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain import units
from antq_desktop.domain.errors import ValidationError
from antq_desktop.domain.fronts import hint
from antq_desktop.domain.validation import COMPARATORS
from antq_desktop.domain.validators import VALIDATORS
from antq_desktop.reports import render_annual_report, render_summary_pdf, unit_forms, write_summary_xlsx
from antq_desktop.reports.batch import CancelFlag, ProgressFn, atomic_output
from antq_desktop.reports.form_data import (
    AnnualReportData,
    ClassifiedUnit,
    RecognisedEntry,
    RecognisedUnit,
    RecognitionData,
    RecordRef,
    SummaryData,
    SummaryRow,
    TargetRow,
)
from antq_desktop.reports.forms.recognition import render_recognition as render_recognition_pdf
from antq_desktop.reports.summary_xlsx import print_setup
from antq_desktop.reports.text import number, pct
from antq_desktop.services import activities
from antq_desktop.services.changes import NO_CHANGES, Changes
from antq_desktop.services.forms import recognition
from antq_desktop.services.forms.assessments import S
from antq_desktop.services.forms.request import FormError, kind_word, unit_info
from antq_desktop.services.forms.sources import (
    localise_form,
    subject_columns,
    subject_join,
    subject_name,
    subject_order,
    unit_type,
)
from antq_desktop.services.office import indicators, stats
from antq_desktop.services.setup.profile import ProfileInfo, get_profile
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Counter, KnownKey, ProducerState
from antq_desktop.xlsx_cells import safe_row

# Fixed namespace: the same commune and year always get the same report id in the QR code.
REPORT_NAMESPACE = uuid.UUID("6f1c0f7e-4d0a-4d55-9a39-2b0c6e4f5a10")


def report_ref(session: Session, profile: ProfileInfo, year: int) -> RecordRef:
    """A report is not a stored record: its id is derived from unit and year, its revision is the
    store's change counter, so two printouts with the same revision show the same data."""
    counter = session.get(Counter, "change_seq")
    return RecordRef(str(uuid.uuid5(REPORT_NAMESPACE, f"annual_report:{profile.unit_code}:{year}")),
                     max(1, counter.value if counter else 1))


def threshold_text(comparator: str, threshold: float) -> str:
    return f"{COMPARATORS.get(comparator, comparator)} {threshold:g}%".replace(".", ",")


def target_rows(session: Session, year: int, unit: str | None = None) -> tuple[TargetRow, ...]:
    return tuple(TargetRow(t.label, threshold_text(t.comparator, t.threshold),
                           pct(t.actual) if t.actual is not None else "—", t.met)
                 for t in stats.target_statuses(session, year, unit))


# Short: the report's "Loại hình" column does not wrap.
KIND_LABELS = {"area": "Khu dân cư", "agency": "Cơ quan", "enterprise": "Doanh nghiệp", "school": "Trường học"}


def _kind_label(row: Any, word: str) -> str:
    return KIND_LABELS.get(unit_type(row) or "", word.capitalize())


def _submitted(session: Session, year: int) -> Iterable[Any]:
    """Submitted assessments of the year with their subject, commune first then by name."""
    stmt = select(S.c.subject_kind, S.c.outcome, S.c.level, S.c.catalog_code, S.c.area_id, S.c.organization_id,
                  S.c.origin_unit, *subject_columns()) \
        .select_from(subject_join(S)) \
        .where(S.c.deleted.is_(False), S.c.year == year, S.c.status == "submitted").order_by(*subject_order(S))
    return session.execute(stmt).mappings().all()


def _level(row: Any) -> str:
    try:
        return catalogs.get_catalog(row["catalog_code"]).level(row["level"]).label
    except (StopIteration, catalogs.CatalogError):
        return str(row["level"] or "")


def _situation(session: Session, year: int, word: str) -> tuple[str, ...]:
    scope = indicators.Scope(session, year)
    pledged = indicators.compute(session, "households_pledged_pct", year)
    registered = indicators.compute(session, "units_registered_pct", year)
    areas, households = number(scope.areas()), number(scope.households())  # the year's households
    orgs = number(scope.orgs(indicators.ALL_ORG_TYPES))
    lines = [f"Toàn {word} có {areas} khu dân cư, {households} hộ gia đình và {orgs} cơ quan, doanh nghiệp, "
             "cơ sở giáo dục thuộc diện xây dựng tiêu chuẩn “An toàn về an ninh, trật tự”."]
    if pledged is not None and pledged.denominator:
        lines.append(f"Có {number(pledged.numerator)}/{number(pledged.denominator)} hộ gia đình ký cam kết thực "
                     f"hiện phong trào ({pct(pledged.percent)}).")
    if registered is not None and registered.denominator:
        lines.append(f"Có {number(registered.numerator)}/{number(registered.denominator)} đơn vị đăng ký phấn đấu "
                     f"đạt tiêu chuẩn ({pct(registered.percent)}).")
    return tuple(lines)


def annual_report_data(store: Store, year: int, *, report_date: date | None = None) -> AnnualReportData:
    profile, unit = get_profile(store), unit_info(store)
    word = kind_word(profile)
    commune = profile.unit_name
    with store.session_factory() as session:
        submitted = _submitted(session, year)
        cited = recognition.decisions_by_subject(session, year)  # the office's arrive in its plan package
        recognised = tuple(RecognisedUnit(subject_name(r, commune), _kind_label(r, word),
                                          cited.get(recognition.subject_key(r, profile.unit_code), ""))
                           for r in submitted if r["outcome"] == "dat")
        classification = tuple(ClassifiedUnit(subject_name(r, commune), _kind_label(r, word), _level(r))
                               for r in submitted)
        return AnnualReportData(
            unit, year=year, report_date=report_date or date.today(),
            # "Công an tỉnh Thanh Hóa", "Công an thành phố Hà Nội": the office as every form names it
            recipient=f"Kính gửi: {unit.upper_name}" if unit.upper_name else None,
            situation=_situation(session, year, word), targets=target_rows(session, year),
            recognised=recognised, classification=classification,
            signer_authority=f"TRƯỞNG CÔNG AN {word.upper()}", record=report_ref(session, profile, year),
            activities=activities.activity_lines(session, year, word))


def render_commune_report(store: Store, year: int, output: Path, *, progress: ProgressFn | None = None,
                          cancel: CancelFlag | None = None, report_date: date | None = None) -> Path:
    if not get_profile(store).is_commune:  # an office's store mixes communes: one commune's report is wrong here
        raise FormError("Báo cáo kết quả năm chỉ lập trên máy của xã, phường. Cấp trên hãy dùng bảng tổng hợp "
                        "theo xã" + hint(gui=" (“Bảng tổng hợp theo xã” trong trang In biểu mẫu).",
                                          cli=" (antq report summary --year NĂM --out TỆP)."))
    data = annual_report_data(store, year, report_date=report_date)
    text = localise_form("annual_report", kind_word(get_profile(store)))
    return render_annual_report(Path(output), data, text=text, progress=progress, cancel=cancel)


# ---------------------------------------------------------------- upper-office summary

@dataclass(frozen=True)
class Miss:
    """One target a commune has not reached (for the notes and the workbook's second sheet)."""

    commune: str
    target: str
    actual: str
    threshold: str
    actual_value: float | None = None  # percent 0-100, for the workbook's number cells
    comparator: str = ">="
    threshold_value: float | None = None


def _unit_name(session: Session, code: str, profile: ProfileInfo) -> str:
    if code == profile.unit_code:
        return profile.unit_name
    known = session.execute(select(KnownKey.unit_name).where(KnownKey.unit_code == code).limit(1)).scalar()
    official = units.find_commune(code) if code.isdigit() else None
    return known or (official.name if official else code)


def _last_packages(session: Session) -> dict[str, date]:
    return {unit: merged.date() for unit, merged in
            session.execute(select(ProducerState.producer_unit, ProducerState.last_merged_at)) if merged}


# The summary's percentage columns, by indicator.
SUMMARY_INDICATORS = {"registered_pct": "units_registered_pct", "recognised_pct": "units_meet_standard_pct",
                      "classified_good_pct": "classified_kha_or_above_pct",
                      "pledge_coverage_pct": "households_pledged_pct",
                      # the movement's activities (issue 20)
                      "briefed_pct": "briefed_pct", "teams_completed_pct": "security_teams_completed_pct"}


@dataclass(frozen=True)
class _UnitFigures:
    areas: int
    ratios: dict[str, indicators.Ratio | None]  # by indicator
    statuses: list[stats.TargetStatus]
    activities: dict[str, int]  # indicators.activity_counts: models, festivals, commendations


def _figures_of_store(session: Session, year: int) -> _UnitFigures:
    """A commune summarising itself: the whole store."""
    ratios = {ind: indicators.compute(session, ind, year) for ind in SUMMARY_INDICATORS.values()}
    scope = indicators.Scope(session, year)
    return _UnitFigures(scope.areas(), ratios, stats.target_statuses(session, year),
                        indicators.activity_counts(scope))


def _figures_by_unit(session: Session, year: int, codes: list[str]) -> dict[str, _UnitFigures]:
    """Every commune at once (grouped queries): at province scale a query set per commune took ~30 s."""
    scope = indicators.Scope(session, year, by_unit=True)
    statuses = stats.target_statuses_by_unit(session, year, codes, scope)
    ratios = indicators.compute_by_unit(session, SUMMARY_INDICATORS.values(), year, codes, scope)
    areas, activities = scope.areas(), indicators.activity_counts(scope)
    return {code: _UnitFigures(areas.get(code), {ind: by_unit.get(code) for ind, by_unit in ratios.items()},
                               statuses[code], {kind: counts.get(code) for kind, counts in activities.items()})
            for code in codes}


def summary_row(name: str, figures: _UnitFigures, last_package: date | None) -> tuple[SummaryRow, list[Miss]]:
    """One commune's row and the targets it misses."""
    misses = [Miss(name, t.label, pct(t.actual) if t.actual is not None else "—",
                   threshold_text(t.comparator, t.threshold), t.actual, t.comparator, t.threshold)
              for t in figures.statuses if t.missed]
    percents: dict[str, Any] = {column: (ratio.percent if (ratio := figures.ratios.get(ind)) is not None else None)
                                for column, ind in SUMMARY_INDICATORS.items()}  # SUMMARY_INDICATORS name fields
    counts = tuple((column, ratio.numerator, ratio.denominator) for column, ind in SUMMARY_INDICATORS.items()
                   if (ratio := figures.ratios.get(ind)) is not None and ratio.denominator)
    row = SummaryRow(name, areas=figures.areas or 0, last_package=last_package, missing_targets=bool(misses),
                     counts=counts, **percents, **figures.activities)
    return row, misses


def is_commune_code(code: str) -> bool:
    """Communes only: the summary lists no cluster office or province, not even the office itself."""
    return len(code) == 5 and code.isdigit()


def summary_data(store: Store, year: int, *, report_date: date | None = None,
                 number: str | None = None) -> tuple[SummaryData, list[Miss]]:
    """One row per commune whose data this store holds (a commune store: itself), and the misses."""
    profile, unit = get_profile(store), unit_info(store)
    rows: list[SummaryRow] = []
    misses: list[Miss] = []
    with store.read_session() as session:
        last = _last_packages(session)
        if profile.is_commune:
            figures = {profile.unit_code: _figures_of_store(session, year)}
        else:
            codes = [c for c in stats.unit_codes(session) if c != profile.unit_code and is_commune_code(c)]
            figures = _figures_by_unit(session, year, codes)
        for name, code in sorted((_unit_name(session, code, profile), code) for code in figures):
            row, missed = summary_row(name, figures[code], last.get(code))
            rows.append(row)
            misses.extend(missed)
    notes = tuple(f"{m.commune} chưa đạt chỉ tiêu: {m.target} (thực hiện {m.actual}, yêu cầu {m.threshold})."
                  for m in misses)
    data = SummaryData(unit.parent_body, unit.issuing_body, office_place(profile, unit, list(figures)), year,
                       tuple(rows), report_date=report_date or date.today(), notes=notes, number=number,
                       **outgoing(profile, unit, year))
    return data, misses


def office_place(profile: ProfileInfo, unit: Any, codes: list[str]) -> str:
    """The place in the date line is a locality: a province's name; a cluster office has none of its own,
    so its communes' province ("Thanh Hóa, ngày …", never "Cụm công an khu vực 1, ngày …")."""
    if profile.role == "district":
        provinces = {c.province_code for code in codes if (c := units.find_commune(code)) is not None}
        province = units.find_province(provinces.pop()) if len(provinces) == 1 else None
        return province.short_name if province else ""
    return unit.place or ""


def outgoing(profile: ProfileInfo, unit: Any, year: int) -> dict[str, Any]:
    """Title, number code, signer and "Nơi nhận" of the summary as an outgoing report (upper_office.json)."""
    own = unit_forms.load_data("upper_office")["summary"]
    role = profile.role if profile.role in own["signer"] else "district"
    values = unit_forms.context(unit, year)
    values.update(CODE=profile.unit_code, POLICE_KIND=f"CÔNG AN {kind_word(profile).upper()}")
    return {"title": unit_forms.expand(own["doc_type"], values),
            "subject": unit_forms.expand(own["subject"], values),
            "doc_code": unit_forms.expand(own["doc_code"][role], values),
            "signer_authority": unit_forms.expand(own["signer"][role], values),
            "recipients": tuple(unit_forms.expand(r, values) for r in own["recipients"][role])}


def render_summary(store: Store, year: int, output: Path, *, progress: ProgressFn | None = None,
                   cancel: CancelFlag | None = None, number: str | None = None) -> Path:
    """PDF or .xlsx by the output's suffix; the workbook gets a sheet listing every missed target."""
    data, misses = summary_data(store, year, number=number)
    if not data.rows:
        raise FormError("Chưa có dữ liệu của xã nào trong máy. Hãy nhận gói dữ liệu của các xã rồi lập lại bảng "
                        "tổng hợp.")
    output = Path(output)
    if output.suffix.lower() == ".xlsx":
        return _write_xlsx(output, data, misses)
    if output.suffix.lower() != ".pdf":
        raise FormError("Tệp kết quả phải có đuôi .pdf hoặc .xlsx. Hãy đổi tên tệp rồi thử lại.")
    return render_summary_pdf(output, data, progress=progress, cancel=cancel)


def _fraction(percent: float | None) -> float | None:
    return None if percent is None else percent / 100


def _write_xlsx(output: Path, data: SummaryData, misses: list[Miss]) -> Path:
    with atomic_output(output) as tmp:
        write_summary_xlsx(tmp, data)
        with tmp.open("rb") as handle:  # the temp name has no .xlsx suffix: open by handle
            workbook = load_workbook(handle)
        sheet = workbook.create_sheet("Chỉ tiêu chưa đạt")
        sheet.append(["Đơn vị cấp xã", "Chỉ tiêu", "Thực hiện", "Điều kiện", "Yêu cầu"])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for m in misses:
            # Percentages as numbers (fractions shown "0.0%"), so the office can sort and sum them.
            sheet.append(safe_row(sheet, [m.commune, m.target, _fraction(m.actual_value),
                                          COMPARATORS.get(m.comparator, m.comparator), _fraction(m.threshold_value)]))
            for column in (3, 5):
                sheet.cell(sheet.max_row, column).number_format = "0.0%"
        for letter, width in zip("ABCDE", (30, 60, 12, 10, 12), strict=True):
            sheet.column_dimensions[letter].width = width
        print_setup(sheet, 1, sheet.max_row, 5)
        workbook.save(tmp)
    return output


# ---------------------------------------------------------------- recognition decision and certificates

RECOGNITION_NAMESPACE = uuid.UUID("0c7d2a52-3f0e-4b8e-9d55-6a1f4e2b7c31")


def _recognised_rows(session: Session, year: int, kinds: tuple[str, ...]) -> list[Any]:
    """Submitted assessments of the year that meet the standard, for the subjects this authority recognises."""
    stmt = select(S.c.subject_kind, S.c.score, S.c.origin_unit, S.c.area_id, S.c.organization_id,
                  *subject_columns()).select_from(subject_join(S)) \
        .where(S.c.deleted.is_(False), S.c.year == year, S.c.status == "submitted", S.c.outcome == "dat",
               S.c.subject_kind.in_(kinds)).order_by(*subject_order(S))
    return list(session.execute(stmt).mappings())


def _authority_values(profile: ProfileInfo, unit: Any, own: dict[str, Any], year: int) -> dict[str, str]:
    values = unit_forms.context(unit, year)
    role = "province" if profile.role == "province" else "district"
    values.update(CODE=profile.unit_code, UPPER=unit.issuing_body, UPPER_PARENT=unit.parent_body,
                  UPPER_NAME=f"Công an {unit.province}" if unit.province else unit.issuing_body, count="{count}",
                  year=str(year))
    if "codes" in own:
        values.update(UPPER_CODE=unit_forms.expand(own["codes"][role], values),
                      UPPER_SIGNER=own["signers"][role])
        values["UPPER_HEAD_TITLE"] = unit_forms.expand(own["head_title"][role], values)
    values["basis_law"] = own["basis_law"]
    values["proposer"] = unit_forms.expand(own["proposer"], values)
    values["offices"] = unit_forms.expand(own["offices"], values)
    return values


def recognition_data(store: Store, year: int, *, number: str | None = None,
                     decided_on: date | None = None) -> RecognitionData:
    """The decision of the authority this store prints for: a commune's People's Committee recognises its
    areas and organisations; an upper office recognises communes (from their merged assessments)."""
    profile, unit = get_profile(store), unit_info(store)
    texts = unit_forms.load_data("upper_office")["recognition"]
    scope = "commune" if profile.is_commune else "upper"
    own = texts["authority"][scope]
    values = _authority_values(profile, unit, own, year)
    types = unit_forms.load_unit_types()
    with store.read_session() as session:
        rows = _recognised_rows(session, year, ("area", "organization") if scope == "commune" else ("commune",))
        entries = tuple(RecognisedEntry(
            _unit_name(session, r["origin_unit"], profile) if r["subject_kind"] == "commune"
            else subject_name(r, profile.unit_name), types.get(unit_type(r)).label,
            r["area_address"] if r["subject_kind"] == "area" else r["org_address"], r["score"]) for r in rows)
        ref = _recognition_ref(session, profile, year)
    values["count"] = number_text(len(entries))

    def ex(key: str) -> str:
        return unit_forms.expand(texts[key], values)

    return RecognitionData(
        unit, year, unit_forms.expand(own["parent_body"], values), unit_forms.expand(own["issuing_body"], values),
        unit_forms.expand(own["title"], values), unit_forms.expand(own["signer"], values),
        unit_forms.expand(own["doc_code"], values), tuple(unit_forms.expand(b, values) for b in texts["bases"]),
        tuple(unit_forms.expand(a, values) for a in texts["articles"]),
        tuple(unit_forms.expand(r, values) for r in own["recipients"]), entries,
        {"doc_type": ex("doc_type"), "subject": ex("subject"), "decides": ex("decides"),
         "annex_title": ex("annex_title"), "annex_subject": ex("annex_subject"),
         "annex_ref": texts["annex_ref"], "annex_columns": tuple(texts["annex_columns"]),
         "certificate_title": ex("certificate_title"), "certificate_lines": tuple(texts["certificate_lines"])},
        number=number, decided_on=decided_on, record=ref,
        issuer_in_sentence=unit_forms.expand(own["in_sentence"], values))


def number_text(value: int) -> str:
    return f"{value:02d}" if value < 10 else number(value)


def _recognition_ref(session: Session, profile: ProfileInfo, year: int) -> RecordRef:
    counter = session.get(Counter, "change_seq")
    return RecordRef(str(uuid.uuid5(RECOGNITION_NAMESPACE, f"recognition:{profile.unit_code}:{year}")),
                     max(1, counter.value if counter else 1))


@dataclass(frozen=True)
class RecognitionPrint:
    """The printed decision (decision, annex, certificates) and what recording its number and date wrote."""

    path: Path
    changes: Changes = field(default=NO_CHANGES, compare=False)


def print_recognition(store: Store, year: int, output: Path, *, number: str | None = None,
                      decided_on: date | None = None, progress: ProgressFn | None = None,
                      cancel: CancelFlag | None = None, actor: str | None = None) -> RecognitionPrint:
    """The decision, annex and certificates; with a number, a date and an `actor`, the decision is also
    recorded (its number and date travel to the units it names) and `changes` says so."""
    data = recognition_data(store, year, number=number, decided_on=decided_on)
    if not data.units:
        who = "khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục" if get_profile(store).is_commune else "xã, phường"
        raise FormError(f"Chưa có {who} nào có phiếu tự đánh giá đã gửi với kết quả “Đạt” trong năm {year}. "
                        "Hãy hoàn tất và gửi phiếu tự đánh giá ở trang Tự đánh giá, hoặc chọn năm khác.")
    if number and decided_on:  # a number the store would refuse is refused before anything is printed
        _check_decision(recognition.full_number(number, data.doc_code), decided_on, year)
    written = render_recognition_pdf(Path(output), data, progress=progress, cancel=cancel)
    changes = NO_CHANGES
    if actor and number and decided_on:
        changes = _record_recognition(store, data, number, decided_on, actor)
    return RecognitionPrint(written, changes)


def render_recognition(store: Store, year: int, output: Path, *, number: str | None = None,
                       decided_on: date | None = None, progress: ProgressFn | None = None,
                       cancel: CancelFlag | None = None, actor: str | None = None) -> Path:
    """`print_recognition` for callers that only need the file (the command line, the samples)."""
    return print_recognition(store, year, output, number=number, decided_on=decided_on, progress=progress,
                             cancel=cancel, actor=actor).path


def _check_decision(full_number: str, decided_on: date, year: int) -> None:
    try:
        VALIDATORS["recognition_decision"]({"year": year, "number": full_number, "decided_on": decided_on,
                                            "subjects": []})
    except ValidationError as exc:
        raise FormError(f"{exc.message} Hãy sửa số hoặc ngày quyết định rồi in lại.") from exc


def _record_recognition(store: Store, data: RecognitionData, number: str, decided_on: date, actor: str) -> Changes:
    profile = get_profile(store)
    kinds = ("area", "organization") if profile.is_commune else ("commune",)
    with store.read_session() as session:
        subjects = [recognition.subject_key(r, profile.unit_code) for r in _recognised_rows(session, data.year, kinds)]
    return recognition.record_decision(store, year=data.year,
                                       number=recognition.full_number(number, data.doc_code),
                                       decided_on=decided_on, issuing_body=" ".join(data.issuing_body.split()),
                                       subjects=subjects, actor=actor)
