"""What the recovery fronts return: plain values, and the preview in Vietnamese lines (no database here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from antq_desktop.services.changes import EVERYTHING, Changes

COUNT_KEYS = ("added", "updated", "removed", "unchanged")
# Vietnamese names of the record types, for the preview.
RECORD_LABELS = {
    "residential_area": "Khu dân cư", "organization": "Cơ quan, doanh nghiệp, trường học",
    "household": "Hộ gia đình", "household_member": "Nhân khẩu", "pledge": "Bản cam kết", "registration": "Đăng ký",
    "assessment": "Tự đánh giá", "meeting": "Biên bản họp", "plan": "Kế hoạch", "plan_target": "Chỉ tiêu",
    "recognition_decision": "Quyết định công nhận", "movement_model": "Mô hình, điển hình tiên tiến",
    "festival_day": "Ngày hội toàn dân bảo vệ ANTQ", "briefing": "Buổi phổ biến, quán triệt",
    "commendation": "Khen thưởng, biểu dương", "security_team": "Tổ bảo vệ an ninh, trật tự",
    "security_team_rating": "Xếp loại tổ bảo vệ ANTT",
}


@dataclass(frozen=True)
class RecoveryBuildResult:
    path: Path
    package_id: str
    unit_code: str
    unit_name: str
    sequence: int
    last_sequence: int  # the commune's package this office merged last: the commune continues after it
    counts: dict[str, int]
    fingerprint: str  # of the commune key the package is encrypted to


@dataclass
class RecoveryPreview:
    """What taking the package in changes (the preview) or changed (after apply)."""

    office_unit: str
    office_name: str
    unit_code: str
    package_id: str
    sequence: int  # the office's recovery package number
    office_last_sequence: int  # the commune's package the office merged last
    next_sequence: int  # the number this commune's next package gets
    next_kind: str  # "incremental" (continues the office's chain) or "full"
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # record type -> added/updated/removed/unchanged
    local_edits: int = 0  # records edited here that the office's copy replaces (same or higher revision here)
    applied: bool = False

    def total(self, key: str) -> int:
        return sum(c.get(key, 0) for c in self.counts.values())


class RecoveryApplied(RecoveryPreview):
    """The preview's figures, after they were committed; `changes`: every view redraws (like a restore)."""

    @property
    def changes(self) -> Changes:
        return EVERYTHING


def preview_lines(result: RecoveryPreview) -> list[str]:
    """The preview in plain Vietnamese lines (the CLI prints them, the GUI dialog shows them)."""
    lines = [f"Gói khôi phục số {result.sequence} của {result.office_unit} {result.office_name} cho đơn vị "
             f"{result.unit_code}: bản dữ liệu của cấp trên sẽ THAY bản trên máy này."]
    for record_type, counts in result.counts.items():
        label = RECORD_LABELS.get(record_type, record_type)
        lines.append(f"    {label}: {counts['added']} thêm, {counts['updated']} cập nhật, {counts['removed']} xóa, "
                     f"{counts['unchanged']} không đổi")
    if result.local_edits:
        lines.append(f"Lưu ý: {result.local_edits} bản ghi đã sửa trên máy này mà cấp trên chưa có sẽ được thay bằng "
                     "bản của cấp trên; hãy sửa lại sau khi nhận nếu cần.")
    if result.total("removed"):
        lines.append(f"Lưu ý: {result.total('removed')} bản ghi đang có trên máy này sẽ bị xóa (cấp trên đã xóa hoặc "
                     "chưa từng nhận được); hãy nhập lại sau khi nhận nếu cần.")
    kind = "gói phần thay đổi" if result.next_kind == "incremental" else "gói đầy đủ"
    lines.append(f"Lần gửi tiếp theo của máy này: {kind}, số {result.next_sequence} (cấp trên đã nhận tới gói số "
                 f"{result.office_last_sequence}).")
    return lines
