"""Every command of `antq`, and the module that implements it, loaded only when chosen.

Importing every command module costs about a second (ReportLab, openpyxl, Faker, SQLAlchemy…),
so `antq` imports only the module of the command it runs. `antq --help` lists every command
from the table below, with the same one-line Vietnamese help the module registers
(tests/cli checks that the two agree, so a changed help text or a new command must be added
here too). A module contributes its `REGISTRARS` (`CLI_REGISTRARS` for the self-test), each a
function that adds one command to the argparse subparsers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Registrar = Callable[[Any], None]

_CORE = "antq_desktop.cli.core_commands"
_TRUST = "antq_desktop.cli.trust_commands"
_OFFICE = "antq_desktop.cli.office_commands"
_SELFTEST = "antq_desktop.selftest"
_PACKAGE = "antq_desktop.cli.package_commands"
_FORM = "antq_desktop.cli.form_commands"
_PLEDGE = "antq_desktop.cli.pledge_commands"
_MERGE = "antq_desktop.cli.merge_commands"
_PLAN = "antq_desktop.cli.plan_commands"
_DB = "antq_desktop.cli.db_commands"
_REVIEW = "antq_desktop.cli.review_commands"
_RECOVERY = "antq_desktop.cli.recovery_commands"


@dataclass(frozen=True)
class Command:
    name: str
    module: str
    help: str


# In the order `antq --help` lists them.
COMMANDS: tuple[Command, ...] = (
    Command("init", _CORE, "Thiết lập cơ sở dữ liệu cho đơn vị và tạo tài khoản quản trị đầu tiên."),
    Command("demo", _CORE, "Thêm dữ liệu mẫu tiếng Việt cho đơn vị (tái lập được theo --seed)."),
    Command("stats", _CORE, "Thống kê số bản ghi, mã băm theo đơn vị và kết quả chỉ tiêu năm."),
    Command("check", _CORE, "Kiểm tra toàn vẹn cơ sở dữ liệu."),
    Command("user", _TRUST, "Quản lý tài khoản (quản trị viên)."),
    Command("audit", _TRUST, "Xem hoặc xuất nhật ký thao tác (quản trị viên)."),
    Command("backup", _TRUST, "Sao lưu có mã hóa (khóa từ mật khẩu quản trị viên)."),
    Command("restore", _TRUST, "Khôi phục từ bản sao lưu .antqbak (giữ lại dữ liệu hiện tại trước khi thay). "
                               "Cần đăng nhập quản trị; mật khẩu bản sao lưu mặc định là mật khẩu đó, hoặc "
                               "ANTQ_BACKUP_PASSWORD."),
    Command("purge", _TRUST, "Xóa (đánh dấu xóa) dữ liệu cá nhân quá thời hạn lưu trữ."),
    Command("overview", _OFFICE, "Cấp trên: tình hình từng xã (gói đã nhận, số liệu, chỉ tiêu chưa đạt)."),
    Command("office", _OFFICE, "Cấp trên: khai báo các xã trực thuộc và hạn gửi dữ liệu."),
    Command("self-test", _SELFTEST, "Tự kiểm tra bản cài đặt trên dữ liệu tạm (không đụng tới dữ liệu thật); "
                                    "mã thoát 0 nếu đạt."),
    Command("key", _PACKAGE, "Khóa của đơn vị (ký và nhận gói dữ liệu)."),
    Command("recipient", _PACKAGE, "Khóa của đơn vị cấp trên (nơi nhận gói dữ liệu)."),
    Command("trust", _PACKAGE, "Danh sách khóa tin cậy của các đơn vị gửi (cấp trên)."),
    Command("export", _PACKAGE, "Xuất gói dữ liệu có ký số, mã hóa để gửi cấp trên."),
    Command("verify", _PACKAGE, "Kiểm tra gói dữ liệu (nguyên vẹn, khóa tin cậy, gửi đúng đơn vị) mà không nhập."),
    Command("receipt", _PACKAGE, "Biên nhận có ký số: cấp trên lập sau khi hợp nhất; đơn vị gửi kiểm tra "
                                 "(antq receipt verify TỆP)."),
    Command("form", _FORM, "In biểu mẫu ra PDF: điền sẵn từ dữ liệu (mỗi hồ sơ một trang trở lên) hoặc mẫu trống."),
    Command("report", _FORM, "Lập báo cáo: commune (báo cáo kết quả năm của xã, PDF) hoặc summary (bảng tổng hợp "
                             "theo xã, PDF hoặc .xlsx)."),
    Command("pledge", _PLEDGE, "Cam kết hộ gia đình: ghi các phiếu cam kết đã ký từ mã quét (antq pledge scan)."),
    Command("merge", _MERGE, "Cấp trên: kiểm tra và nhập gói dữ liệu của các xã (mỗi gói nhập trọn vẹn hoặc "
                             "không)."),
    Command("plan", _PLAN, "Kế hoạch năm: cấp trên gửi xuống, xã nhận."),
    Command("forward", _PLAN, "Cụm/huyện: chuyển lên tỉnh các gói của xã đã nhập (nguyên bản, còn chữ ký) kèm dữ "
                              "liệu riêng của đơn vị."),
    Command("db", _DB, "Cơ sở dữ liệu dùng chung (PostgreSQL): tập lệnh SQL tạo vai trò, nâng cấp cấu trúc bằng "
                       "vai trò chủ sở hữu."),
    Command("held", _REVIEW, "Cấp trên: các gói đang chờ gói trước của cùng đơn vị."),
    Command("conflicts", _REVIEW, "Cấp trên: xung đột dữ liệu khi hợp nhất (xem và giải quyết)."),
    Command("recovery", _RECOVERY, "Khôi phục sau khi mất máy hoặc phục hồi bản sao lưu cũ: cấp trên gửi lại dữ liệu "
                                   "của xã."),
)
BY_NAME = {command.name: command for command in COMMANDS}
MODULES = tuple(dict.fromkeys(command.module for command in COMMANDS))  # in listing order, once each


def registrars(module: str) -> list[Registrar]:
    """Import one command module and return the functions that register its commands."""
    loaded = importlib.import_module(module)
    found = getattr(loaded, "REGISTRARS", None)
    return list(found if found is not None else loaded.CLI_REGISTRARS)


def __getattr__(name: str) -> Any:
    """`commands.REGISTRARS`: every registrar (imports every command module; for tools and tests)."""
    if name == "REGISTRARS":
        return [register for module in MODULES for register in registrars(module)]
    raise AttributeError(name)
