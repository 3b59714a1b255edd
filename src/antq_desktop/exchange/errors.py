"""One exception family for everything that can go wrong with keys and data packages.

The ``code`` is a stable English identifier (for logs, tests and the import history); the
message is a Vietnamese sentence an officer can act on: what happened and what to do next.
"""

from __future__ import annotations

BAD_SIGNATURE = "BAD_SIGNATURE"
UNKNOWN_KEY = "UNKNOWN_KEY"
REVOKED_KEY = "REVOKED_KEY"
WRONG_RECIPIENT = "WRONG_RECIPIENT"
TRUNCATED = "TRUNCATED"
MALFORMED = "MALFORMED"
TOO_LARGE = "TOO_LARGE"
REPLAY = "REPLAY"
SIGNER_MISMATCH = "SIGNER_MISMATCH"
VALIDATION_ERROR = "VALIDATION_ERROR"
BAD_PASSWORD = "BAD_PASSWORD"
NO_RECIPIENT = "NO_RECIPIENT"
GAP = "GAP"
SEQUENCE_JUMP = "SEQUENCE_JUMP"
CHAIN_BROKEN = "CHAIN_BROKEN"
DECRYPT_FAILED = "DECRYPT_FAILED"
UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION"
CANCELLED = "CANCELLED"
IO_ERROR = "IO_ERROR"
NOT_A_FILE = "NOT_A_FILE"  # a folder, device or FIFO chosen as a package (exchange/regular_file.py)
# Authority (docs/security.md "Authority: who may send what"): signed correctly, but not this sender's to change.
NOT_AUTHORISED = "NOT_AUTHORISED"
OWN_UNIT = "OWN_UNIT"

MESSAGES_VI: dict[str, str] = {
    BAD_SIGNATURE: (
        "Chữ ký số của gói dữ liệu không khớp: tệp đã bị sửa đổi hoặc hỏng khi sao chép. "
        "Không nhập gói này; hãy đề nghị đơn vị gửi xuất lại gói mới."
    ),
    UNKNOWN_KEY: (
        "Gói dữ liệu được ký bằng một khóa chưa được đăng ký ở máy này. Hãy nhập tệp khóa công "
        "khai (.antqkey) của đơn vị gửi và đối chiếu mã vân tay trên giấy trước khi nhập gói."
    ),
    REVOKED_KEY: (
        "Gói dữ liệu được ký bằng một khóa đã bị thu hồi. Không nhập gói này; hãy liên hệ đơn vị "
        "gửi để họ tạo khóa mới và gửi lại gói."
    ),
    WRONG_RECIPIENT: (
        "Gói dữ liệu này được mã hóa cho một đơn vị nhận khác, máy này không mở được. Hãy kiểm "
        "tra lại nơi nhận; đơn vị gửi cần xuất lại gói cho đúng đơn vị của bạn."
    ),
    TRUNCATED: (
        "Tệp gói dữ liệu bị cắt cụt (chép chưa xong hoặc USB bị rút ra sớm). Hãy chép lại tệp từ máy gửi rồi thử lại."
    ),
    MALFORMED: (
        "Tệp không phải là gói dữ liệu ANTQ hợp lệ hoặc đã bị hỏng. Hãy kiểm tra đúng tệp "
        "đuôi .antq, chép lại từ máy gửi rồi thử lại."
    ),
    TOO_LARGE: (
        "Tệp gói dữ liệu lớn vượt giới hạn cho phép nên không được mở. Hãy kiểm tra đúng tệp; "
        "nếu đúng, hãy đề nghị đơn vị gửi chia nhỏ gói theo kỳ."
    ),
    REPLAY: ("Gói dữ liệu này (hoặc gói mới hơn của cùng đơn vị) đã được nhập trước đây. Không cần nhập lại."),
    SIGNER_MISMATCH: (
        "Người ký gói không khớp với đơn vị ghi trong gói (có thể gói đã bị ghép hoặc giả mạo). "
        "Không nhập gói này; hãy báo cho cán bộ phụ trách."
    ),
    VALIDATION_ERROR: ("Dữ liệu có ký tự hoặc giá trị không hợp lệ. Hãy sửa dữ liệu ở máy gửi rồi xuất lại gói."),
    BAD_PASSWORD: "Mật khẩu không đúng. Hãy nhập lại mật khẩu mở khóa của đơn vị.",
    NO_RECIPIENT: (
        "Chưa có khóa nhận của đơn vị cấp trên nên không mã hóa được gói. Hãy nhập tệp khóa "
        "công khai (.antqkey) của đơn vị cấp trên trước khi xuất."
    ),
    GAP: (
        "Còn thiếu gói dữ liệu trước đó của đơn vị này. Hãy nhập các gói còn thiếu theo đúng "
        "thứ tự, hoặc đề nghị đơn vị gửi xuất một gói đầy đủ."
    ),
    SEQUENCE_JUMP: (
        "Số thứ tự gói tăng bất thường so với các gói đã nhập. Hãy liên hệ đơn vị gửi để kiểm "
        "tra, rồi đề nghị họ xuất một gói đầy đủ."
    ),
    CHAIN_BROKEN: (
        "Gói này không nối tiếp gói đã nhập trước đó của cùng đơn vị (dữ liệu ở máy gửi có thể "
        "đã được khôi phục từ bản sao cũ). Hãy đề nghị đơn vị gửi xuất một gói đầy đủ."
    ),
    DECRYPT_FAILED: (
        "Không giải mã được gói dữ liệu dù khóa nhận đúng: tệp đã bị sửa đổi hoặc hỏng. "
        "Hãy đề nghị đơn vị gửi xuất lại gói."
    ),
    UNSUPPORTED_VERSION: (
        "Gói dữ liệu được tạo bởi phiên bản mới hơn của chương trình. Hãy cập nhật ANTQ Desktop rồi thử lại."
    ),
    CANCELLED: "Đã hủy thao tác. Không có tệp nào được tạo.",
    IO_ERROR: (
        "Không đọc hoặc ghi được tệp (USB bị rút, hết chỗ trống hoặc không có quyền). "
        "Hãy kiểm tra thiết bị lưu trữ rồi thử lại."
    ),
    NOT_A_FILE: (
        "Đường dẫn đã chọn không phải là một tệp thông thường (là thư mục, thiết bị hoặc đường ống) nên không được "
        "mở. Hãy chọn đúng tệp gói dữ liệu (.antq)."
    ),
    NOT_AUTHORISED: (
        "Gói dữ liệu có chữ ký hợp lệ nhưng đơn vị gửi đã sửa hoặc tham chiếu tới dữ liệu không thuộc quyền của mình. "
        "Không nhập gói này; hãy báo cho cán bộ phụ trách và đề nghị đơn vị gửi kiểm tra rồi xuất lại gói."
    ),
    OWN_UNIT: (
        "Gói dữ liệu ghi là của chính đơn vị này nhưng lại đến từ bên ngoài: không đơn vị nào khác được gửi dữ liệu "
        "dưới mã của đơn vị này. Không nhập gói này; hãy báo cho cán bộ phụ trách."
    ),
}


class PackageError(Exception):
    """Any refusal from the exchange layer. Catch this one type; branch on ``code``."""

    def __init__(self, code: str, message_vi: str | None = None, detail: str = "") -> None:
        self.code = code
        self.message_vi = message_vi or MESSAGES_VI.get(code, MESSAGES_VI[MALFORMED])
        # English technical detail for logs and tests; never shown as the main message.
        self.detail = detail
        super().__init__(f"{code}: {self.message_vi}" + (f" [{detail}]" if detail else ""))
