"""English for the domain's fixed choices (area kinds, organisation types, statuses…), context "Choices".

The domain keeps its Vietnamese labels (forms and exports print them); the window shows them through
`tr_choice`, which falls back to the caller's own context for anything that is not a fixed choice
(an area's name, a pledge template's title). The table below is what lupdate extracts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from antq_desktop.ui.i18n import N

CHOICE_LABELS = (
    N("Choices", "Thôn"), N("Choices", "Làng"), N("Choices", "Bản"), N("Choices", "Ấp"), N("Choices", "Buôn"),
    N("Choices", "Phum"), N("Choices", "Sóc"), N("Choices", "Khóm"), N("Choices", "Tổ dân phố"),
    N("Choices", "Khu phố"), N("Choices", "Khác"),
    N("Choices", "Cơ quan"), N("Choices", "Doanh nghiệp"), N("Choices", "Cơ sở giáo dục"),
    N("Choices", "Hộ gia đình"), N("Choices", "Cơ quan, doanh nghiệp, trường học"), N("Choices", "Cá nhân"),
    N("Choices", "Khu dân cư"), N("Choices", "Xã, phường"),
    N("Choices", "Đã ký"), N("Choices", "Vi phạm"), N("Choices", "Rút cam kết"),
    N("Choices", "Đang soạn"), N("Choices", "Đã nộp"),
    N("Choices", "Đang xây dựng"), N("Choices", "Đang hoạt động"), N("Choices", "Đã công nhận"),
    N("Choices", "Ngừng hoạt động"),
    # record kinds of the audit log's filter (services/accounts/audit_text.RECORD_TYPE_LABELS)
    N("Choices", "Nhân khẩu"), N("Choices", "Biên bản họp"), N("Choices", "Quyết định công nhận"),
    N("Choices", "Mô hình, điển hình tiên tiến"), N("Choices", "Ngày hội toàn dân bảo vệ ANTQ"),
    N("Choices", "Buổi phổ biến, quán triệt"), N("Choices", "Khen thưởng, biểu dương"),
    N("Choices", "Tổ bảo vệ an ninh, trật tự"), N("Choices", "Xếp loại tổ bảo vệ ANTT"),
    # kinds of meeting (domain.validation.MEETING_KINDS)
    N("Choices", "Họp bình xét khu dân cư"), N("Choices", "Họp xét công nhận"),
)
_KNOWN = frozenset(CHOICE_LABELS)


def tr_choice(label: str, fallback: Callable[[str], str] | None = None) -> str:
    """A fixed choice's label in the interface language; other texts through `fallback` (or unchanged)."""
    if label in _KNOWN:
        return QCoreApplication.translate("Choices", label)
    return fallback(label) if fallback else label
