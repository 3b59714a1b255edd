"""Validation of every record type, shared by the GUI, the command line, Excel import and package merge.

Each validator takes raw values (strings from a form, JSON from a package) and returns the
normalised field values, or raises ValidationError listing every problem in Vietnamese.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from antq_desktop.domain.errors import FieldError, ValidationError
from antq_desktop.domain.pledge_templates import pledge_templates
from antq_desktop.domain.text import nfc
from antq_desktop.domain.text_hygiene import (
    PLAIN_LATIN_CLASS,
    clip_for_log,
    invisible_characters,
    text_problem,
)

AREA_KINDS = {
    "thon": "Thôn", "lang": "Làng", "ban": "Bản", "ap": "Ấp", "buon": "Buôn", "phum": "Phum",
    "soc": "Sóc", "khom": "Khóm", "to_dan_pho": "Tổ dân phố", "khu_pho": "Khu phố", "khac": "Khác",
}
ORG_TYPES = {"agency": "Cơ quan", "enterprise": "Doanh nghiệp", "school": "Cơ sở giáo dục"}
SIGNER_KINDS = {"household": "Hộ gia đình", "organization": "Cơ quan, doanh nghiệp, trường học", "person": "Cá nhân"}
SUBJECT_KINDS = {"area": "Khu dân cư", "organization": "Cơ quan, doanh nghiệp, trường học", "commune": "Xã, phường"}
PLEDGE_STATUSES = {"signed": "Đã ký", "violated": "Vi phạm", "withdrawn": "Rút cam kết"}
ASSESSMENT_STATUSES = {"draft": "Đang soạn", "submitted": "Đã nộp"}
COMPARATORS = {">=": "≥", ">": ">"}
MIN_YEAR = 2000

# Province codes used in the first three digits of the 12-digit citizen ID (Thông tư 07/2016/TT-BCA).
_CCCD_PROVINCE_CODES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 "
    "037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 "
    "077 079 080 082 083 084 086 087 089 091 092 093 094 095 096".split()
)
_PHONE = re.compile(r"^\+?[0-9 .-]{8,15}$")
_REFERENCE = re.compile(r"[0-9a-f-]{36}")
_CITIZEN_ID = re.compile(r"[0-9]{12}")
_ID_SEPARATORS = re.compile(r"[\s.-]")
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def _stored_as_typed() -> re.Pattern[str]:
    """Text that `nfc` leaves unchanged and `text_problem` passes, proved by one regex (issue 18).

    Words of characters from text_hygiene's plain-Latin class (each its own NFKC form, none composing with
    its neighbour, nothing hidden, one script: so NFC leaves the text as it is and `text_problem` says
    None), whitespace taken out of the words, the words joined by single spaces with none at either end (so
    collapsing and trimming whitespace changes nothing). A character is only ever left out (the text then
    takes the full path), never added."""
    plain = re.compile(PLAIN_LATIN_CLASS)
    letters = [chr(c) for c in range(0x2000)
               if plain.fullmatch(chr(c)) and not chr(c).isspace() and not re.match(r"\s", chr(c))]
    word = "[" + "".join(re.escape(ch) for ch in letters) + "]+"
    more_words = f"(?: {word})*" if plain.fullmatch(" ") else ""
    return re.compile(word + more_words)


_AS_TYPED = _stored_as_typed().fullmatch


class _Collector:
    """Gathers every field error so the officer sees all problems at once, not one per attempt."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self.values = values
        self.errors: list[FieldError] = []
        self.out: dict[str, Any] = {}

    def fail(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))

    def text(self, field: str, label: str, *, required: bool = False, max_len: int = 200) -> str | None:
        raw = self.values.get(field)
        if type(raw) is str and _AS_TYPED(raw) is not None:  # nearly every name: stored as it came, no problem
            if len(raw) > max_len:
                self.fail(field, f"{label} dài quá {max_len} ký tự.")
            self.out[field] = raw
            return raw
        if raw is not None and not isinstance(raw, str):
            raw = str(raw)
        value = nfc(raw) if raw else ""
        if not value:
            if required:
                self.fail(field, f"{label} không được để trống.")
            self.out[field] = None
            return None
        if len(value) > max_len:
            self.fail(field, f"{label} dài quá {max_len} ký tự.")
        problem = text_problem(label, value)
        if problem:
            self.fail(field, problem)
        self.out[field] = value
        return value

    def long_text(self, field: str, label: str) -> None:
        raw = self.values.get(field)
        if not raw:  # nothing typed: nothing to clean or to check (the lines below give None too)
            self.out[field] = None
            return
        value = "\n".join(nfc(line) for line in str(raw).splitlines()).strip() if raw else ""
        if len(value) > 4000:
            self.fail(field, f"{label} dài quá 4000 ký tự.")
        hidden = invisible_characters(value.replace("\n", ""))
        if hidden:  # a note may mix scripts (a quoted foreign name), but hides nothing
            self.fail(field, f"{label} chứa ký tự ẩn hoặc ký tự điều khiển ({', '.join(hidden[:5])}). "
                             "Hãy gõ lại, không dán từ nơi khác.")
        self.out[field] = value or None

    def integer(self, field: str, label: str, *, minimum: int = 0, maximum: int = 10_000_000,
                required: bool = False, default: int | None = None) -> int | None:
        raw = self.values.get(field)
        if type(raw) is int:  # a number from a package: nothing to convert (bool is not `int` here)
            if not minimum <= raw <= maximum:
                self.fail(field, f"{label} phải từ {minimum} đến {maximum:,}.".replace(",", "."))
            self.out[field] = raw
            return raw
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required and default is None:
                self.fail(field, f"{label} không được để trống.")
            self.out[field] = default
            return default
        try:
            if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                raise ValueError
            value = int(str(raw).strip().replace(".", "")) if isinstance(raw, str) else int(raw)
        except (TypeError, ValueError):
            self.fail(field, f"{label} phải là số nguyên.")
            return None
        if not minimum <= value <= maximum:
            self.fail(field, f"{label} phải từ {minimum} đến {maximum:,}.".replace(",", "."))
        self.out[field] = value
        return value

    def number(self, field: str, label: str, *, minimum: float, maximum: float) -> float | None:
        raw = self.values.get(field)
        try:
            if isinstance(raw, bool) or raw is None or raw == "":
                raise ValueError
            value = float(str(raw).replace(",", ".")) if isinstance(raw, str) else float(raw)
            if value != value:  # NaN
                raise ValueError
        except (TypeError, ValueError):
            self.fail(field, f"{label} phải là một số.")
            return None
        if not minimum <= value <= maximum:
            self.fail(field, f"{label} phải từ {minimum:g} đến {maximum:g}.")
        self.out[field] = value
        return value

    def choice(self, field: str, label: str, choices: Mapping[str, str], default: str | None = None) -> str | None:
        value = self.values.get(field) or default
        if not isinstance(value, str) or value not in choices:  # (a list from a package: refused, not a crash)
            allowed = ", ".join(choices.values())
            self.fail(field, f"{label} không hợp lệ (chọn một trong: {allowed}).")
            return None
        self.out[field] = value
        return value

    def day(self, field: str, label: str, *, required: bool = False, today: date | None = None) -> date | None:
        raw = self.values.get(field)
        if raw in (None, ""):
            if required:
                self.fail(field, f"{label} không được để trống.")
            self.out[field] = None
            return None
        value = parse_date(raw)
        if value is None:
            self.fail(field, f"{label} không đúng định dạng ngày (dd/MM/yyyy).")
            return None
        if value > (today or date.today()):
            self.fail(field, f"{label} không được sau ngày hôm nay.")
        elif value.year < MIN_YEAR:
            self.fail(field, f"{label} phải từ năm {MIN_YEAR} trở đi.")
        self.out[field] = value
        return value

    def year(self, field: str = "year", today: date | None = None) -> int | None:
        limit = (today or date.today()).year + 1
        return self.integer(field, "Năm", minimum=MIN_YEAR, maximum=limit, required=True)

    def reference(self, field: str, label: str, *, required: bool) -> str | None:
        raw = self.values.get(field)
        if not raw:
            if required:
                self.fail(field, f"Chưa chọn {label}.")
            self.out[field] = None
            return None
        if not isinstance(raw, str) or not _REFERENCE.fullmatch(raw):
            self.fail(field, f"Mã {label} không hợp lệ.")
            return None
        self.out[field] = raw
        return raw

    def phone(self, field: str) -> None:
        value = self.text(field, "Số điện thoại", max_len=20)
        if value and not _PHONE.match(value):
            self.fail(field, "Số điện thoại chỉ gồm chữ số (8–15 số).")

    def done(self) -> dict[str, Any]:
        if self.errors:
            raise ValidationError(self.errors)
        return self.out


def parse_date(raw: Any) -> date | None:
    """Accepts a date, ISO text (yyyy-mm-dd) or the Vietnamese dd/MM/yyyy."""
    if type(raw) is str:
        known = _ISO_DAYS.get(raw)
        if known is not None:
            return known
        found = _iso_day(raw)
        if found is not None:
            return found
    return _parse_date(raw)


# yyyy-mm-dd days already read (a package's dates repeat; dates are immutable): emptied when full.
_ISO_DAYS: dict[str, date] = {}


def _iso_day(raw: str) -> date | None:
    """The day of exact `yyyy-mm-dd` text, what strptime's "%Y-%m-%d" gives it, without strptime's cost;
    None when the text is anything else (`_parse_date` then decides)."""
    match = _ISO_DAY.fullmatch(raw)
    if match is None:
        return None
    try:
        found = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    if len(_ISO_DAYS) >= 100_000:
        _ISO_DAYS.clear()
    _ISO_DAYS[raw] = found
    return found


def _parse_date(raw: Any) -> date | None:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def citizen_id_problem(value: str, today: date | None = None) -> str | None:
    """Why a 12-digit citizen ID (CCCD) is not valid, or None when it is."""
    if not _CITIZEN_ID.fullmatch(value):
        return "Số định danh (CCCD) phải gồm đúng 12 chữ số."
    if value[:3] not in _CCCD_PROVINCE_CODES:
        return f"Số định danh (CCCD): mã tỉnh nơi đăng ký khai sinh “{value[:3]}” không tồn tại."
    century = 1900 + 100 * (int(value[3]) // 2)
    birth_year = century + int(value[4:6])
    if birth_year > (today or date.today()).year:
        return "Số định danh (CCCD): năm sinh mã hóa trong số định danh nằm ở tương lai."
    return None


def validate_residential_area(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    c.text("name", "Tên khu dân cư", required=True)
    c.choice("kind", "Loại khu dân cư", AREA_KINDS, default="thon")
    c.text("head_name", "Tên trưởng thôn/tổ trưởng")
    c.phone("head_phone")
    c.integer("households_declared", "Số hộ")
    c.integer("population", "Số nhân khẩu")
    c.text("address", "Địa chỉ", max_len=400)
    c.long_text("note", "Ghi chú")
    return c.done()


def validate_organization(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    c.text("name", "Tên cơ quan, doanh nghiệp, trường học", required=True, max_len=300)
    c.choice("org_type", "Loại đơn vị", ORG_TYPES)
    c.out["in_scope"] = _boolean(values.get("in_scope", True))
    c.reference("area_id", "khu dân cư", required=False)
    c.text("address", "Địa chỉ", max_len=400)
    c.text("head_name", "Tên thủ trưởng đơn vị")
    c.phone("phone")
    c.integer("staff_count", "Số cán bộ, người lao động")
    c.long_text("note", "Ghi chú")
    return c.done()


def _citizen_id(c: _Collector, values: Mapping[str, Any]) -> None:
    # Officers copy IDs as printed ("001 203 004 567"): separators are not part of the number.
    raw_id = values.get("citizen_id")
    if raw_id:  # (an ID typed without separators keeps the values as they are: no copy)
        cleaned = _ID_SEPARATORS.sub("", str(raw_id))
        if cleaned != raw_id:
            c.values = {**values, "citizen_id": cleaned}
    citizen_id = c.text("citizen_id", "Số định danh (CCCD)", max_len=40)
    if citizen_id:
        problem = citizen_id_problem(citizen_id)
        if problem:
            c.fail("citizen_id", problem)


def validate_household(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    c.reference("area_id", "khu dân cư", required=True)
    c.text("head_name", "Họ tên chủ hộ", required=True)
    _citizen_id(c, values)
    c.text("address", "Địa chỉ", max_len=400)
    c.integer("members", "Số nhân khẩu", minimum=1, maximum=100, default=1)
    c.phone("phone")
    c.long_text("note", "Ghi chú")
    c.day("left_on", "Ngày chuyển đi / không còn ở địa bàn")  # the household keeps counting in earlier years
    return c.done()


def validate_pledge(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    kind = c.choice("signer_kind", "Người ký cam kết", SIGNER_KINDS, default="household")
    c.reference("household_id", "hộ gia đình", required=kind == "household")
    c.reference("organization_id", "cơ quan, doanh nghiệp, trường học", required=kind == "organization")
    c.text("person_name", "Họ tên người ký", required=kind == "person")
    _only_one_signer(c, kind)
    template = c.text("template_code", "Mẫu cam kết", required=True, max_len=60)
    _check_template(c, template, kind)
    c.year()
    c.day("signed_on", "Ngày ký")
    c.choice("status", "Trạng thái", PLEDGE_STATUSES, default="signed")
    c.long_text("note", "Ghi chú")
    return c.done()


def _check_template(c: _Collector, code: str | None, signer_kind: str | None) -> None:
    template = pledge_templates().get(code or "")
    if code and template is None:
        c.fail("template_code",
               f"Mẫu cam kết “{code}” không có trong máy. Hãy chọn mẫu khác hoặc nhận mẫu mới từ cấp trên.")
    elif template and signer_kind and signer_kind not in template.signer_kinds:
        c.fail("template_code", f"Mẫu “{template.label}” không dùng cho {SIGNER_KINDS[signer_kind].lower()}.")


def _only_one_signer(c: _Collector, kind: str | None) -> None:
    # A pledge belongs to exactly one signer; stray references from a form are dropped.
    for field, owner in (("household_id", "household"), ("organization_id", "organization"),
                         ("person_name", "person")):
        if kind != owner:
            c.out[field] = None


def validate_subject(c: _Collector) -> str | None:
    kind = c.choice("subject_kind", "Đối tượng", SUBJECT_KINDS)
    c.reference("area_id", "khu dân cư", required=kind == "area")
    c.reference("organization_id", "cơ quan, doanh nghiệp, trường học", required=kind == "organization")
    if kind != "area":
        c.out["area_id"] = None
    if kind != "organization":
        c.out["organization_id"] = None
    return kind


def validate_registration(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    validate_subject(c)
    c.year()
    c.day("registered_on", "Ngày đăng ký", required=True)
    c.long_text("note", "Ghi chú")
    return c.done()


def validate_assessment(values: Mapping[str, Any]) -> dict[str, Any]:
    """Answers are checked here; outcome, score and level are computed by the service, never trusted."""
    c = _Collector(values)
    validate_subject(c)
    c.year()
    c.text("catalog_code", "Bộ tiêu chí", required=True, max_len=60)
    c.text("assessor", "Người đánh giá")
    c.day("assessed_on", "Ngày đánh giá", required=True)
    c.choice("status", "Trạng thái", ASSESSMENT_STATUSES, default="draft")
    c.long_text("note", "Ghi chú")
    c.out["answers"] = _answers(c, values.get("answers", {}))
    return c.done()


def _answers(c: _Collector, raw: Any) -> dict[str, dict[str, Any]]:
    if isinstance(raw, str):
        try:
            raw = json.loads(raw or "{}")
        except ValueError:
            raw = None
    if not isinstance(raw, Mapping):
        c.fail("answers", "Kết quả chấm từng tiêu chí không hợp lệ.")
        return {}
    answers: dict[str, dict[str, Any]] = {}
    for code, answer in raw.items():
        answer = answer if isinstance(answer, Mapping) else {"met": answer}
        answers[str(code)] = {
            "met": _boolean(answer.get("met")),
            "note": nfc(str(answer.get("note") or ""))[:2000],
            "evidence": nfc(str(answer.get("evidence") or ""))[:2000],
        }
        hidden = invisible_characters(str(code) + answers[str(code)]["note"] + answers[str(code)]["evidence"])
        if hidden:
            c.fail("answers", f"Kết quả chấm tiêu chí “{clip_for_log(str(code), 20)}” chứa ký tự ẩn hoặc ký tự điều "
                              f"khiển ({', '.join(hidden[:5])}). Hãy gõ lại, không dán từ nơi khác.")
    return answers


def validate_plan(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    c.year()
    c.text("title", "Tên kế hoạch", required=True, max_len=400)
    c.text("document_ref", "Số, ký hiệu văn bản", max_len=400)
    c.day("issued_on", "Ngày ban hành")
    c.long_text("note", "Ghi chú")
    return c.done()


def validate_plan_target(values: Mapping[str, Any], known_indicators: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    c.reference("plan_id", "kế hoạch", required=True)
    c.choice("indicator", "Chỉ tiêu", {code: code for code in known_indicators})
    c.choice("comparator", "Phép so sánh", COMPARATORS, default=">=")
    c.number("threshold", "Ngưỡng chỉ tiêu (%)", minimum=0, maximum=100)
    c.long_text("note", "Ghi chú")
    return c.done()


RELATIONS = {
    "chu_ho": "Chủ hộ", "vo": "Vợ", "chong": "Chồng", "con": "Con", "cha": "Cha", "me": "Mẹ", "ong": "Ông",
    "ba": "Bà", "chau": "Cháu", "anh": "Anh", "chi": "Chị", "em": "Em", "khac": "Khác",
}
MEETING_KINDS = {"binh_xet": "Họp bình xét khu dân cư", "xet_cong_nhan": "Họp xét công nhận"}
_CLOCK = re.compile(r"^([01]?[0-9]|2[0-3])[:hg]([0-5][0-9])$")


def validate_household_member(values: Mapping[str, Any], today: date | None = None) -> dict[str, Any]:
    c = _Collector(values)
    c.reference("household_id", "hộ gia đình", required=True)
    c.text("full_name", "Họ tên", required=True)
    c.integer("birth_year", "Năm sinh", minimum=1900, maximum=(today or date.today()).year)
    c.choice("relation", "Quan hệ với chủ hộ", RELATIONS, default="khac")
    _citizen_id(c, values)
    c.long_text("note", "Ghi chú")
    return c.done()


def _clock(c: _Collector, field: str, label: str) -> str | None:
    """"8:30", "08h30" or "8g30" → "08:30" (text, so it travels in packages unchanged)."""
    raw = str(c.values.get(field) or "").strip().lower()
    if not raw:
        c.out[field] = None
        return None
    found = _CLOCK.match(raw)
    if not found:
        c.fail(field, f"{label} phải có dạng giờ:phút, ví dụ 08:30.")
        return None
    value = f"{int(found.group(1)):02d}:{found.group(2)}"
    c.out[field] = value
    return value


def _discussion(c: _Collector, raw: Any) -> dict[str, str]:
    """{criterion code: text}; the codes are checked against the subject's catalog by the service."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw or "{}")
        except ValueError:
            raw = None
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
        c.fail("discussion", "Ý kiến thảo luận theo tiêu chí không hợp lệ.")
        return {}
    out: dict[str, str] = {}
    for code, text in raw.items():
        sub = _Collector({"t": text})
        sub.long_text("t", f"Ý kiến về tiêu chí {code}")
        c.errors += [FieldError("discussion", e.message) for e in sub.errors]
        if sub.out.get("t"):
            out[code.strip()] = sub.out["t"]
    return out


def validate_meeting(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    c.choice("kind", "Loại cuộc họp", MEETING_KINDS, default="binh_xet")
    validate_subject(c)
    c.year()
    c.day("held_on", "Ngày họp", required=True)
    start, end = _clock(c, "start_time", "Giờ bắt đầu"), _clock(c, "end_time", "Giờ kết thúc")
    if start and end and end <= start:
        c.fail("end_time", "Giờ kết thúc phải sau giờ bắt đầu.")
    c.text("place", "Địa điểm", max_len=400)
    c.text("chair", "Chủ trì")
    c.text("secretary", "Thư ký")
    counts = {f: c.integer(f, label, maximum=100_000) for f, label in (
        ("invited", "Số người được mời"), ("present", "Số người có mặt"), ("absent", "Số người vắng mặt"),
        ("votes_for", "Số phiếu đồng ý"), ("votes_against", "Số phiếu không đồng ý"))}
    if counts["invited"] is not None and (counts["present"] or 0) + (counts["absent"] or 0) > counts["invited"]:
        c.fail("present", "Số người có mặt và vắng mặt cộng lại vượt quá số người được mời.")
    votes = (counts["votes_for"] or 0) + (counts["votes_against"] or 0)
    if counts["present"] is not None and votes > counts["present"]:
        c.fail("votes_for", "Tổng số phiếu đồng ý và không đồng ý vượt quá số người có mặt.")
    c.long_text("conclusion", "Kết luận")
    c.long_text("note", "Ghi chú")
    c.out["discussion"] = _discussion(c, values.get("discussion", {}))
    return c.done()


def validate_recognition_decision(values: Mapping[str, Any]) -> dict[str, Any]:
    c = _Collector(values)
    c.year()
    c.text("number", "Số quyết định", required=True, max_len=60)
    c.day("decided_on", "Ngày quyết định", required=True)
    c.text("issuing_body", "Cơ quan ban hành", max_len=300)
    raw = values.get("subjects", [])
    if isinstance(raw, str):
        try:
            raw = json.loads(raw or "[]")
        except ValueError:
            raw = None
    if not isinstance(raw, list) or not all(isinstance(x, str) and re.fullmatch(r"[0-9A-Za-z-]{1,36}", x)
                                            for x in raw):
        c.fail("subjects", "Danh sách đơn vị được công nhận không hợp lệ.")
        raw = []
    c.out["subjects"] = sorted(set(raw))
    c.long_text("note", "Ghi chú")
    return c.done()


def _boolean(raw: Any) -> bool:
    if isinstance(raw, str):
        return raw.strip().casefold() in {"1", "true", "có", "co", "x", "yes", "đạt"}
    return bool(raw)
