"""The audit trail in words an officer reads: record kinds, field names and values in Vietnamese, records
named by their display name (a household by its head, an area by its name) instead of a UUID.

The trail itself stays as stored (canonical JSON, hashed); only its presentation is here, shared by
the audit page, its Excel export and `antq audit`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select

from antq_desktop.domain.activity_validation import AUDIENCE_KINDS, MODEL_STATUSES, TEAM_RATINGS
from antq_desktop.domain.local_time import local_time_text
from antq_desktop.domain.validation import (
    AREA_KINDS,
    ASSESSMENT_STATUSES,
    ORG_TYPES,
    PLEDGE_STATUSES,
    RELATIONS,
    SIGNER_KINDS,
    SUBJECT_KINDS,
)
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import MODEL_BY_TYPE, User

RECORD_TYPE_LABELS = {
    "residential_area": "Khu dân cư", "organization": "Cơ quan – doanh nghiệp – trường học",
    "household": "Hộ gia đình", "pledge": "Bản cam kết", "registration": "Đăng ký", "assessment": "Tự đánh giá",
    "plan": "Kế hoạch", "plan_target": "Chỉ tiêu", "user": "Tài khoản", "key": "Khóa", "package": "Gói dữ liệu",
    "receipt": "Biên nhận", "setting": "Cài đặt", "unit_profile": "Thông tin đơn vị",
    "household_member": "Nhân khẩu", "meeting": "Biên bản họp", "recognition_decision": "Quyết định công nhận",
    "movement_model": "Mô hình, điển hình tiên tiến", "festival_day": "Ngày hội toàn dân bảo vệ ANTQ",
    "briefing": "Buổi phổ biến, quán triệt", "commendation": "Khen thưởng, biểu dương",
    "security_team": "Tổ bảo vệ an ninh, trật tự", "security_team_rating": "Xếp loại tổ bảo vệ ANTT",
}

_COMMON = {
    "name": "Tên", "address": "Địa chỉ", "note": "Ghi chú", "phone": "Số điện thoại", "head_name": "Người đứng đầu",
    "area_id": "Khu dân cư", "organization_id": "Cơ quan", "household_id": "Hộ gia đình", "plan_id": "Kế hoạch",
    "year": "Năm", "status": "Trạng thái", "revision": "Phiên bản", "deleted": "Đã xóa", "username": "Tên đăng nhập",
    "full_name": "Họ tên", "role": "Vai trò", "changes": "Thay đổi", "subject_kind": "Đối tượng",
    "fingerprint": "Mã vân tay", "unit_code": "Mã đơn vị", "unit_name": "Tên đơn vị", "sequence": "Số gói",
    "kind": "Kiểu", "file": "Tệp", "file_name": "Tệp", "package_id": "Mã gói", "counts": "Số bản ghi",
    "reason": "Lý do", "code": "Mã lỗi", "message": "Nội dung", "key": "Khóa", "value": "Giá trị",
    "where": "Nơi xem", "count": "Số lượng", "records": "Số bản ghi", "created_at": "Tạo lúc",
    "updated_at": "Cập nhật lúc", "origin_unit": "Đơn vị lập", "team_id": "Tổ bảo vệ",
}
FIELD_LABELS: dict[str, dict[str, str]] = {
    "residential_area": {"name": "Tên khu dân cư", "kind": "Loại", "head_name": "Trưởng thôn/tổ trưởng",
                         "head_phone": "Điện thoại trưởng thôn", "households_declared": "Số hộ",
                         "population": "Số nhân khẩu"},
    "organization": {"name": "Tên đơn vị", "org_type": "Loại", "in_scope": "Thuộc diện tham gia",
                     "head_name": "Thủ trưởng đơn vị", "staff_count": "Số người"},
    "household": {"head_name": "Họ tên chủ hộ", "citizen_id": "Số định danh (CCCD)", "members": "Số nhân khẩu"},
    "pledge": {"signer_kind": "Người ký cam kết", "person_name": "Họ tên người ký", "template_code": "Mẫu cam kết",
               "signed_on": "Ngày ký"},
    "registration": {"registered_on": "Ngày đăng ký"},
    "assessment": {"catalog_code": "Bộ tiêu chí", "catalog_version": "Phiên bản bộ tiêu chí", "answers": "Kết quả chấm",
                   "outcome": "Kết quả", "score": "Điểm", "level": "Mức", "assessor": "Người đánh giá",
                   "assessed_on": "Ngày đánh giá"},
    "plan": {"title": "Tên kế hoạch", "document_ref": "Số văn bản", "issued_on": "Ngày ban hành"},
    "plan_target": {"indicator": "Chỉ tiêu", "comparator": "So sánh", "threshold": "Mức chỉ tiêu"},
    "household_member": {"birth_year": "Năm sinh", "relation": "Quan hệ với chủ hộ",
                         "citizen_id": "Số định danh (CCCD)"},
    "meeting": {"held_on": "Ngày họp", "start_time": "Bắt đầu", "end_time": "Kết thúc", "place": "Địa điểm",
                "chair": "Chủ trì", "secretary": "Thư ký", "invited": "Số được mời", "present": "Số có mặt",
                "absent": "Số vắng", "discussion": "Ý kiến thảo luận", "votes_for": "Số tán thành",
                "votes_against": "Số không tán thành", "conclusion": "Kết luận"},
    "recognition_decision": {"number": "Số quyết định", "decided_on": "Ngày quyết định",
                             "issuing_body": "Cơ quan ban hành", "subjects": "Đơn vị được công nhận"},
    "movement_model": {"name": "Tên mô hình", "field_of_work": "Lĩnh vực", "started_year": "Năm bắt đầu",
                       "recognised_by": "Cơ quan công nhận", "recognised_on": "Ngày công nhận"},
    "festival_day": {"held_on": "Ngày tổ chức", "place": "Địa điểm", "participants": "Số người tham gia",
                     "content": "Nội dung", "outcome": "Kết quả"},
    "briefing": {"held_on": "Ngày tổ chức", "audience_kind": "Đối tượng", "invited": "Số được mời",
                 "present": "Số có mặt", "topic": "Nội dung"},
    "commendation": {"subject_name": "Tập thể/cá nhân", "awarded_by": "Cấp khen", "level": "Hình thức",
                     "awarded_on": "Ngày khen", "reason": "Lý do"},
    "security_team": {"name": "Tên tổ", "members": "Số thành viên"},
    "security_team_rating": {"rating": "Xếp loại"},
}
_CHOICES: dict[str, dict[str, str]] = {
    "kind": AREA_KINDS, "org_type": ORG_TYPES, "signer_kind": SIGNER_KINDS, "subject_kind": SUBJECT_KINDS,
    "role": {"admin": "Quản trị", "officer": "Cán bộ", "readonly": "Chỉ xem"},
    "relation": RELATIONS, "audience_kind": AUDIENCE_KINDS, "rating": TEAM_RATINGS,
}
_STATUS = {**PLEDGE_STATUSES, **ASSESSMENT_STATUSES, **MODEL_STATUSES}
_REFERENCES = {"area_id": "residential_area", "organization_id": "organization", "household_id": "household",
               "plan_id": "plan", "team_id": "security_team"}
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$")
_JSON_TEXT = ("discussion", "subjects")
_NAME_COLUMNS = ("name", "head_name", "person_name", "title", "indicator")
_WIDTH = 80


def record_type_label(record_type: str | None) -> str:
    return RECORD_TYPE_LABELS.get(record_type or "", record_type or "")


def field_label(record_type: str | None, field: str) -> str:
    return FIELD_LABELS.get(record_type or "", {}).get(field) or _COMMON.get(field) or field.replace("_", " ")


def value_text(field: str, value: Any, names: dict[str, str] | None = None) -> str:
    """A stored value as a person writes it: Có/Không, dd/MM/yyyy, the label of a code, a record's name."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dict):
        return ", ".join(f"{field_label(None, str(k))}: {value_text(str(k), v, names)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(value_text(field, v, names) for v in value)
    text = str(value)
    if text[:1] in "{[" and field in _JSON_TEXT:  # a meeting's discussion, a decision's subjects: JSON text
        try:
            return value_text(field, json.loads(text), names)
        except ValueError:
            pass
    if field in _REFERENCES and names and text in names:
        return names[text]
    if field == "status" and text in _STATUS:
        return _STATUS[text]
    if field in _CHOICES and text in _CHOICES[field]:
        return _CHOICES[field][text]
    if _ISO_MOMENT.match(text):
        return local_time_text(text)
    day = _ISO_DAY.match(text)
    if day:
        return f"{day[3]}/{day[2]}/{day[1]}"
    return _short(text)


def _short(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def summary(record_type: str | None, details: dict[str, Any], names: dict[str, str] | None = None) -> str:
    """One line: "Họ tên chủ hộ: A → B; Số nhân khẩu: 3 → 4" for an update, the fields otherwise."""
    changes = details.get("changes")
    if isinstance(changes, dict):
        return "; ".join(f"{field_label(record_type, k)}: {value_text(k, v[0], names)} → {value_text(k, v[1], names)}"
                         for k, v in changes.items() if isinstance(v, list | tuple) and len(v) == 2)
    return "; ".join(f"{field_label(record_type, k)}: {value_text(k, v, names)}" for k, v in details.items()
                     if k not in ("answers", "search_key", "sort_key"))


def referenced_ids(details: dict[str, Any]) -> set[str]:
    """Ids of areas, households… the details point at (shown by name)."""
    found = {str(v) for k, v in details.items() if k in _REFERENCES and v}
    changes = details.get("changes")
    if isinstance(changes, dict):
        found |= {str(x) for k, pair in changes.items() if k in _REFERENCES and isinstance(pair, list | tuple)
                  for x in pair if x}
    return found


def display_names(store: Store, ids: Iterable[str], *, follow: bool = True) -> dict[str, str]:
    """Record id → display name (head of household, area name, plan title…; a record without a name of its
    own — an assessment, a registration — by its kind and what it is about; users by their name),
    deleted records included: the trail outlives the record."""
    wanted = {i for i in ids if i}
    names: dict[str, str] = {}
    about: dict[str, tuple[str, str]] = {}  # id → (its kind's label, the id of what it is about)
    if not wanted:
        return names
    with store.session_factory() as session:
        for record_type, model in MODEL_BY_TYPE.items():
            own = [getattr(model, c) for c in _NAME_COLUMNS if c in model.__table__.columns]
            refs = [getattr(model, c) for c in _REFERENCES if c in model.__table__.columns]
            for row in session.execute(select(model.id, *own, *refs).where(model.id.in_(wanted - names.keys()))):
                label = next((str(v) for v in row[1:1 + len(own)] if v), "")
                ref = next((str(v) for v in row[1 + len(own):] if v), "")
                if label:
                    names[row[0]] = label
                else:
                    names[row[0]] = record_type_label(record_type)
                    if ref:
                        about[row[0]] = (record_type_label(record_type), ref)
        for user_id, username, full_name in session.execute(
                select(User.id, User.username, User.full_name).where(User.id.in_(wanted - names.keys()))):
            names[str(user_id)] = f"{full_name} ({username})" if full_name else username
    if follow and about:
        subjects = display_names(store, {ref for _label, ref in about.values()}, follow=False)
        names.update({i: f"{label} – {subjects[ref]}" for i, (label, ref) in about.items() if ref in subjects})
    return names
