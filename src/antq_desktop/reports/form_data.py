"""Plain data handed to the form renderers (never ORM objects: reports/ stays storage-free).

Every field that a clerk could fill by hand is optional: None prints dotted lines, so
the same class serves the blank form and the filled one.  ``record_uuid`` set means
"filled from a record": the footer then carries the QR code and the key fingerprint.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class UnitInfo:
    """The commune police issuing the paperwork (header, date line, footer)."""

    parent_body: str  # "CÔNG AN TỈNH THANH HÓA"
    issuing_body: str  # "CÔNG AN XÃ ĐÔNG SƠN"
    place: str | None = None  # địa danh for the date line: "Đông Sơn"
    commune_name: str = ""  # as written in sentences: "xã Đông Sơn"
    key_fingerprint: str | None = None  # the commune's signing-key fingerprint (hex)
    province: str = ""  # "tỉnh Thanh Hóa", "thành phố Hà Nội" (a school's parent body, the upper office)
    upper_name: str = ""  # the office the commune reports to, in sentences: "Công an tỉnh Thanh Hóa"


@dataclass(frozen=True)
class RecordRef:
    """Which stored record a filled form shows; printed as QR + text in the footer."""

    record_uuid: str
    revision: int = 1


# ---------------------------------------------------------------- household pledge
@dataclass(frozen=True)
class Member:
    name: str
    birth_year: int | None = None
    relation: str = ""  # "Chủ hộ", "Vợ", "Con" ...


@dataclass(frozen=True)
class PledgeData:
    unit: UnitInfo
    year: int | None = None
    area_name: str | None = None  # "Thôn Đông Hòa" / "Tổ dân phố 5"
    household_head: str | None = None
    address: str | None = None
    members: tuple[Member, ...] = ()
    items: tuple[str, ...] | None = None  # None: the form text's default items
    signed_on: dt.date | None = None
    area_head_title: str | None = None  # None: "TRƯỞNG THÔN" from the form text
    area_head_name: str | None = None
    record: RecordRef | None = None
    blank_member_rows: int = 5  # rows left empty on blank forms
    member_count: int | None = None  # the household's size: rows after `members` are left blank for names


# ---------------------------------------------------------------- covenant
@dataclass(frozen=True)
class CovenantData:
    unit: UnitInfo
    year: int | None = None
    party_name: str | None = None  # "Trường THCS Đông Sơn"
    party_address: str | None = None
    party_representative: str | None = None
    party_position: str | None = None  # "Hiệu trưởng"
    police_representative: str | None = None
    police_position: str | None = "Trưởng Công an xã"
    venue: str | None = None
    items: tuple[str, ...] | None = None
    signed_on: dt.date | None = None
    record: RecordRef | None = None
    party_signer: str | None = None  # Bên B's signature title: "GIÁM ĐỐC"; None: the form text's


# ---------------------------------------------------------------- registration
@dataclass(frozen=True)
class RegistrationData:
    unit: UnitInfo
    year: int | None = None
    registrant_name: str | None = None  # "Thôn Đông Hòa", "Công ty TNHH Minh Phát"
    registrant_kind: str | None = None  # "Khu dân cư", "Doanh nghiệp", "Nhà trường"
    header_parent: str | None = None  # left header, line 1; default "UBND <COMMUNE>"
    address: str | None = None
    representative: str | None = None
    position: str | None = None
    households: int | None = None
    population: int | None = None
    items: tuple[str, ...] | None = None
    signed_on: dt.date | None = None
    record: RecordRef | None = None
    # Per unit type (resources/forms/unit_types.json); None keeps the form text's generic wording.
    recipient: str | None = None  # "Kính gửi: Ủy ban nhân dân xã Đông Sơn"
    facts: tuple[tuple[str, str | None], ...] | None = None  # (label, value) lines; value None prints dots
    intro: str | None = None
    items_heading: str | None = None
    closing: str | None = None
    signers: tuple[tuple[str, str | None], ...] | None = None  # (authority, name)


# ---------------------------------------------------------------- self-assessment
@dataclass(frozen=True)
class CriterionRow:
    """One criterion from the lead's catalog; ``met`` None leaves both boxes empty."""

    code: str
    text: str
    points: float | None = None  # the maximum the criterion is worth
    met: bool | None = None
    note: str = ""
    required: bool | None = None  # binding criterion (all must be met) / bonus item; None: not told apart

    @property
    def awarded(self) -> float | None:
        """Points earned: the maximum when met, 0 when not, unknown on a blank sheet."""
        if self.met is None or self.points is None:
            return None
        return self.points if self.met else 0.0


@dataclass(frozen=True)
class SelfAssessmentData:
    unit: UnitInfo
    criteria: tuple[CriterionRow, ...]
    year: int | None = None
    assessed_unit: str | None = None  # "Thôn Đông Hòa"
    header_parent: str | None = None
    score: float | None = None
    max_score: float | None = None
    outcome: str | None = None  # "Đạt" / "Không đạt"
    level: str | None = None  # "Tốt", "Khá", "Trung bình", "Yếu"
    signed_on: dt.date | None = None
    preparer: str | None = None
    head: str | None = None
    record: RecordRef | None = None
    period: str | None = None  # "từ ngày 01/11/2025 đến ngày 31/10/2026"
    cap_reason: str | None = None  # why the level is lower than the score gives (a failed binding criterion)
    recipient: str | None = None
    signers: tuple[str, str] | None = None  # (preparer's title, head's title); None: the form text's
    closing: str | None = None  # the unit type's own closing sentence; None: the form text's


# ---------------------------------------------------------------- review minutes
@dataclass(frozen=True)
class Participant:
    name: str
    position: str = ""


@dataclass(frozen=True)
class MinutesCriterion:
    code: str
    text: str
    assessment: str | None = None  # what the meeting found; None: dotted lines


@dataclass(frozen=True)
class MinutesData:
    unit: UnitInfo
    year: int | None = None
    reviewed_unit: str | None = None  # "Thôn Đông Hòa"
    number: str | None = None
    doc_code: str = "BB-CAX"
    meeting_date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str | None = None
    participants: tuple[Participant, ...] = ()
    chair: Participant | None = None
    secretary: Participant | None = None
    criteria: tuple[MinutesCriterion, ...] = ()
    votes_for: int | None = None
    votes_against: int | None = None
    votes_total: int | None = None
    conclusion: str | None = None
    record: RecordRef | None = None
    blank_participant_rows: int = 6
    header: tuple[str, str] | None = None  # (parent, issuing body) of the meeting's unit; None: the police


# ---------------------------------------------------------------- annual report
@dataclass(frozen=True)
class TargetRow:
    label: str
    threshold: str  # "≥ 95%", "100%"
    actual: str | None = None  # "97,2%"
    met: bool | None = None


@dataclass(frozen=True)
class RecognisedUnit:
    name: str
    kind: str = ""  # "Khu dân cư", "Cơ quan", "Doanh nghiệp", "Nhà trường"
    decision: str = ""  # "QĐ số 12/QĐ-UBND ngày 20/12/2026"


@dataclass(frozen=True)
class ClassifiedUnit:
    name: str
    kind: str = ""
    level: str = ""  # "Tốt", "Khá", "Trung bình", "Yếu"


@dataclass(frozen=True)
class ActivityLines:
    """The year's activities as the commune report prints them (issue 20): ready-made cells and sentences."""

    models: tuple[tuple[str, str, str, str], ...] = ()  # (name, kind, status, recognised by / on)
    festival: tuple[str, ...] = ()  # sentences
    briefings: tuple[str, ...] = ()
    commendations: tuple[tuple[str, str, str], ...] = ()  # (who, level and by whom, date)
    security_force: tuple[str, ...] = ()


@dataclass(frozen=True)
class AnnualReportData:
    unit: UnitInfo
    year: int | None = None
    number: str | None = None
    doc_code: str = "BC-CAX"
    report_date: dt.date | None = None
    recipient: str | None = None  # "Kính gửi: Công an tỉnh Thanh Hóa (qua Phòng PV05)"
    situation: tuple[str, ...] = ()
    targets: tuple[TargetRow, ...] = ()
    recognised: tuple[RecognisedUnit, ...] = ()
    classification: tuple[ClassifiedUnit, ...] = ()
    proposals: tuple[str, ...] = ()
    signer_authority: str = "TRƯỞNG CÔNG AN XÃ"
    signer_name: str | None = None
    recipients: tuple[str, ...] = ()  # last one is usually "Lưu: VT, ..."
    record: RecordRef | None = None
    activities: ActivityLines | None = None  # None: the section is left out (a blank or older report)


# ---------------------------------------------------------------- upper-office summary
@dataclass(frozen=True)
class SummaryRow:
    """One commune in the district/province roll-up; percentages are 0-100 or None."""

    commune: str
    areas: int = 0
    registered_pct: float | None = None
    recognised_pct: float | None = None
    classified_good_pct: float | None = None  # classified Khá or better
    pledge_coverage_pct: float | None = None
    last_package: dt.date | None = None
    missing_targets: bool = False
    # The movement's activities of the year (issue 20): working models (started by the year), festival days
    # held, commendations; people present of those invited to briefings; teams rated "hoàn thành nhiệm vụ"
    # or better of those rated.
    models: int = 0
    festivals: int = 0
    commendations: int = 0
    briefed_pct: float | None = None
    teams_completed_pct: float | None = None
    # (numerator, denominator) behind each percentage: the totals row adds these up, so it is the true
    # share of all units (an average of percentages is not); keyed like the *_pct fields.
    counts: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True)
class SummaryData:
    parent_body: str  # "CÔNG AN TỈNH THANH HÓA"
    issuing_body: str  # "PHÒNG THAM MƯU" or similar
    place: str | None
    year: int
    rows: tuple[SummaryRow, ...]
    report_date: dt.date | None = None
    title: str = "BẢNG TỔNG HỢP"
    subject: str = "Kết quả phong trào Toàn dân bảo vệ an ninh Tổ quốc theo đơn vị cấp xã năm {year}"
    notes: tuple[str, ...] = field(default_factory=tuple)
    # An outgoing document (ND30): number, signer and "Nơi nhận"; None number prints dots.
    number: str | None = None
    doc_code: str | None = None  # "BC-CAT"; None: no "Số:" line (older callers)
    signer_authority: str | None = None
    signer_name: str | None = None
    recipients: tuple[str, ...] = ()


# ---------------------------------------------------------------- recognition decision and certificates
@dataclass(frozen=True)
class RecognisedEntry:
    """One unit the decision recognises (a row of the annex, one certificate)."""

    name: str
    kind: str = ""  # "Khu dân cư", "Doanh nghiệp", "Xã, phường, đặc khu"…
    address: str | None = None
    score: float | None = None


@dataclass(frozen=True)
class RecognitionData:
    """Quyết định công nhận + annex list + one Giấy công nhận per unit; wording from upper_office.json."""

    unit: UnitInfo  # place for the date line, key fingerprint
    year: int
    parent_body: str  # "" for a People's Committee (its own two-line name is the issuing body)
    issuing_body: str  # "ỦY BAN NHÂN DÂN\nPHƯỜNG HOÀN KIẾM"
    issuer_title: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM" (preamble, certificate)
    signer: str  # "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    doc_code: str  # "QĐ-UBND"
    bases: tuple[str, ...]
    articles: tuple[str, ...]
    recipients: tuple[str, ...]
    units: tuple[RecognisedEntry, ...]
    texts: dict[str, object]  # doc_type, subject, decides, annex_*, certificate_* (already expanded)
    number: str | None = None  # None: dotted, written by hand
    decided_on: dt.date | None = None
    signer_name: str | None = None
    record: RecordRef | None = None
    issuer_in_sentence: str = ""  # "Chủ tịch Ủy ban nhân dân phường Hoàn Kiếm" (the annex's reference line)
