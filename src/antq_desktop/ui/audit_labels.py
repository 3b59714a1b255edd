"""The audit log's action and record-kind labels and the unit's level, in the interface language.

The services keep their Vietnamese labels (the CLI and the Excel export of the log print them); the
window shows them through `tr_audit`, context "AuditLabels". lupdate cannot see the services'
tables, so the labels are marked here; a test keeps this list equal to the services' tables.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from antq_desktop.ui.i18n import N

ACTION_TEXTS = (
    N("AuditLabels", "Thiết lập đơn vị"), N("AuditLabels", "Thêm"), N("AuditLabels", "Sửa"),
    N("AuditLabels", "Xóa"), N("AuditLabels", "Khôi phục"), N("AuditLabels", "Đăng nhập"),
    N("AuditLabels", "Đăng nhập sai"), N("AuditLabels", "Tạo tài khoản"), N("AuditLabels", "Khóa tài khoản"),
    N("AuditLabels", "Mở khóa tài khoản"), N("AuditLabels", "Đổi vai trò"), N("AuditLabels", "Đặt lại mật khẩu"),
    N("AuditLabels", "Đổi mật khẩu"), N("AuditLabels", "Đổi cài đặt"), N("AuditLabels", "Sao lưu"),
    N("AuditLabels", "Xuất dữ liệu"), N("AuditLabels", "Hợp nhất gói"), N("AuditLabels", "Từ chối gói"),
    N("AuditLabels", "Xuất nhật ký"), N("AuditLabels", "Giữ gói chờ gói trước"),
    N("AuditLabels", "Tạo khóa đơn vị"), N("AuditLabels", "Xem đầy đủ số định danh"),
    N("AuditLabels", "Bọc lại khóa đơn vị"), N("AuditLabels", "Thay khóa đơn vị"),
    N("AuditLabels", "Thông báo khóa mới"), N("AuditLabels", "Nhận thông báo khóa"),
    N("AuditLabels", "Đặt khóa cấp trên"), N("AuditLabels", "Tin cậy khóa"), N("AuditLabels", "Thu hồi khóa"),
    N("AuditLabels", "Đổi danh sách xã"), N("AuditLabels", "Đổi địa bàn cơ quan cấp dưới"),
    N("AuditLabels", "Đổi hạn nộp"), N("AuditLabels", "Lập biên nhận"), N("AuditLabels", "Kiểm tra biên nhận"),
    N("AuditLabels", "Nhận khóa được bảo lãnh"), N("AuditLabels", "Gửi kế hoạch xuống xã"),
    N("AuditLabels", "Nhận kế hoạch cấp trên"), N("AuditLabels", "Chuyển gói lên cấp trên"),
    N("AuditLabels", "Nhận gói chuyển tiếp"), N("AuditLabels", "Thiết lập lại đơn vị"),
    N("AuditLabels", "Giải quyết xung đột dữ liệu"), N("AuditLabels", "Hộ chuyển đi"),
    N("AuditLabels", "Lập kế hoạch năm"),
)
RECORD_TYPE_TEXTS = (
    N("AuditLabels", "Khu dân cư"), N("AuditLabels", "Cơ quan – doanh nghiệp – trường học"),
    N("AuditLabels", "Hộ gia đình"), N("AuditLabels", "Bản cam kết"), N("AuditLabels", "Đăng ký"),
    N("AuditLabels", "Tự đánh giá"), N("AuditLabels", "Kế hoạch"), N("AuditLabels", "Chỉ tiêu"),
    N("AuditLabels", "Tài khoản"), N("AuditLabels", "Khóa"), N("AuditLabels", "Gói dữ liệu"),
    N("AuditLabels", "Biên nhận"), N("AuditLabels", "Cài đặt"), N("AuditLabels", "Thông tin đơn vị"),
    N("AuditLabels", "Nhân khẩu"), N("AuditLabels", "Biên bản họp"), N("AuditLabels", "Quyết định công nhận"),
    N("AuditLabels", "Mô hình, điển hình tiên tiến"), N("AuditLabels", "Ngày hội toàn dân bảo vệ ANTQ"),
    N("AuditLabels", "Buổi phổ biến, quán triệt"), N("AuditLabels", "Khen thưởng, biểu dương"),
    N("AuditLabels", "Tổ bảo vệ an ninh, trật tự"), N("AuditLabels", "Xếp loại tổ bảo vệ ANTT"),
)
# services.setup.ROLES: the unit's level as the settings page shows it.
UNIT_ROLE_TEXTS = (
    N("AuditLabels", "Công an cấp xã"), N("AuditLabels", "Cấp trên (cụm, khu vực)"),
    N("AuditLabels", "Công an cấp tỉnh"),
)
_KNOWN = frozenset((*ACTION_TEXTS, *RECORD_TYPE_TEXTS, *UNIT_ROLE_TEXTS))


def tr_audit(label: str) -> str:
    """A service's label in the interface language; an unknown one (a new action code) unchanged."""
    return QCoreApplication.translate("AuditLabels", label) if label in _KNOWN else label
