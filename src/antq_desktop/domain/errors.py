"""Exception families of the domain and the store. Messages are Vietnamese sentences an officer can act on."""

from __future__ import annotations

from dataclasses import dataclass


class AntqError(Exception):
    """Đã xảy ra lỗi. Hãy thử lại; nếu vẫn lỗi, hãy báo cho cán bộ kỹ thuật."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or (self.__doc__ or "").strip())

    @property
    def message(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationError(AntqError):
    """Dữ liệu chưa hợp lệ; chưa có gì được lưu."""

    def __init__(self, errors: list[FieldError] | FieldError | str, field: str = "") -> None:
        if isinstance(errors, str):
            errors = [FieldError(field, errors)]
        elif isinstance(errors, FieldError):
            errors = [errors]
        self.errors: list[FieldError] = list(errors)
        super().__init__("; ".join(e.message for e in self.errors))

    def for_field(self, field: str) -> str | None:
        return next((e.message for e in self.errors if e.field == field), None)


class NotFoundError(AntqError):
    """Không tìm thấy bản ghi (có thể đã bị xóa). Hãy tải lại danh sách."""


class ConflictError(AntqError):
    """Bản ghi vừa được người khác sửa. Hãy tải lại rồi sửa lại."""


class PermissionDenied(AntqError):
    """Tài khoản của bạn không có quyền làm việc này. Hãy nhờ quản trị viên."""


class StorageError(AntqError):
    """Không mở được cơ sở dữ liệu."""


class NewerDatabaseError(StorageError):
    """Tệp dữ liệu được tạo bởi phiên bản mới hơn của chương trình. Hãy cập nhật ANTQ Desktop rồi mở lại."""


class NotInitialisedError(StorageError):
    """Cơ sở dữ liệu chưa được thiết lập đơn vị. Hãy chạy thiết lập ban đầu (antq init)."""


class UpgradeNotAllowedError(StorageError):
    """Cơ sở dữ liệu trên máy chủ cần được nâng cấp lên phiên bản mới, nhưng tài khoản cơ sở dữ liệu mà máy này dùng không có quyền thay đổi cấu trúc. Hãy báo quản trị viên máy chủ nâng cấp cơ sở dữ liệu bằng vai trò chủ sở hữu (xem hướng dẫn PostgreSQL, mục vai trò), rồi mở lại."""  # noqa: E501 - one-line message


class AuthError(AntqError):
    """Tên đăng nhập hoặc mật khẩu không đúng."""


class KeyProblem(AntqError):
    """A key operation refused: ``message`` (Vietnamese) says what to do, ``code`` is stable English.

    Here rather than in services.keys so that services.authority (below keys) can raise it too.
    """

    def __init__(self, message: str, code: str = "KEY_ERROR") -> None:
        super().__init__(message)
        self.code = code
