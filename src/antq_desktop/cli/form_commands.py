"""`antq form KIND …` (filled or blank forms) and `antq report commune|summary …`."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from antq_desktop.cli.common import CliError, add, ask_password, progress_printer, store_for
from antq_desktop.domain.errors import AntqError
from antq_desktop.reports import RenderCancelled
from antq_desktop.services import accounts, forms, records
from antq_desktop.storage.db import Store


def _signed_in(store: Store, args: argparse.Namespace) -> accounts.UserInfo:
    """Forms print names and addresses: any signed-in account may print, read-only ones too."""
    username = args.user or os.environ.get("ANTQ_USER") or accounts.single_admin(store)
    if not username:
        raise CliError("Có nhiều tài khoản: hãy chỉ rõ --user TÊN_ĐĂNG_NHẬP.", 2)
    return accounts.sign_in(store, username=username, password=ask_password(f"Mật khẩu của {username}: "))


def _area_id(store: Store, value: str) -> str:
    """An area's UUID, or its exact name (easier to type); the error says how to find the code."""
    found = records.area_ids(store, value)
    if len(found) != 1:
        reason = "có nhiều khu dân cư trùng tên" if found else "không có khu dân cư này"
        raise CliError(f"Không chọn được khu dân cư “{value}”: {reason}. Hãy dùng mã (UUID) ở trang Khu dân cư "
                       "hoặc trong tệp Excel xuất ra.", 1)
    return found[0]


def _check_out(path: str, suffixes: tuple[str, ...]) -> Path:
    out = Path(path)
    if out.suffix.lower() not in suffixes:
        raise CliError(f"Tệp kết quả “{out.name}” phải có đuôi {' hoặc '.join(suffixes)}: "
                       "hãy đổi tên tệp rồi chạy lại.", 2)
    return out


def _done(out: Path) -> int:
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Đã lưu: {out}")
    return 0


def _run(render: Any, out: Path) -> int:
    try:
        render()
    except (forms.FormError, RenderCancelled) as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"Không ghi được tệp “{out}”: {exc.strerror or exc}. Hãy chọn thư mục khác hoặc đóng "
                       "chương trình đang mở tệp này.") from exc
    return _done(out)


def _households(values: list[str] | None) -> tuple[str, ...]:
    """--household may be repeated and each value may be a comma/space separated list of UUIDs."""
    return tuple(dict.fromkeys(part for v in values or () for part in v.replace(",", " ").split()))


def _check_form_args(args: argparse.Namespace) -> None:
    if args.household and args.kind != "pledge":
        raise CliError("--household chỉ dùng với biểu mẫu pledge (bản cam kết hộ gia đình).", 2)
    if args.unsigned and args.kind != "pledge":
        raise CliError("--unsigned chỉ dùng với biểu mẫu pledge (bản cam kết hộ gia đình).", 2)
    if args.unsigned and args.blank:
        raise CliError("--unsigned đã in sẵn tên từng hộ chưa ký: không dùng kèm --blank.", 2)
    if args.unsigned and args.record:
        raise CliError("--unsigned không dùng kèm --record: hãy chọn --area, --all hoặc --household.", 2)
    if not args.blank and not (args.area or args.all or args.record or args.household):
        raise CliError("Hãy chọn --area MÃ_KHU_DÂN_CƯ hoặc --all (toàn đơn vị), hoặc --blank để in mẫu trống.", 2)


def _decision_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.strptime(value.strip(), "%d/%m/%Y").date()
    except ValueError as exc:
        raise CliError(f"Ngày “{value}” không đúng dạng dd/MM/yyyy (ví dụ 20/11/2026).", 2) from exc


def _recognition(args: argparse.Namespace, out: Path) -> int:
    """Decision + annex + one certificate per recognised unit; the authority follows the store's role."""
    # --all is what it always prints (the whole unit), so `antq form KIND --all` works for every kind.
    if args.area or args.household or args.record or args.blank or args.unsigned:
        raise CliError("recognition in cho cả đơn vị: chỉ dùng --year, --number, --date, --all và --out.", 2)
    decided_on = _decision_date(args.date)
    store = store_for(args)
    try:
        user = _signed_in(store, args)
        # With a number and a date the decision is also recorded (it travels to the units it names);
        # a read-only account prints it without recording.
        recorder = user.username if user.can_write and args.number and decided_on else None
        if args.number and decided_on and recorder is None:
            print("Tài khoản chỉ xem: quyết định được in nhưng không lưu số và ngày vào dữ liệu.", file=sys.stderr)
        return _run(lambda: forms.render_recognition(store, args.year, out, number=args.number,
                                                     decided_on=decided_on, progress=progress_printer(),
                                                     actor=recorder),
                    out)
    finally:
        store.close()


def _form(args: argparse.Namespace) -> int:
    out = _check_out(args.out, (".pdf",))
    if args.kind == "recognition":
        return _recognition(args, out)
    if args.number or args.date:
        raise CliError("--number và --date chỉ dùng với recognition (quyết định công nhận).", 2)
    _check_form_args(args)
    households = _households(args.household)
    store = store_for(args)
    try:
        _signed_in(store, args)
        request = forms.FormRequest(args.kind, args.year, area_id=_area_id(store, args.area) if args.area else None,
                                    household_ids=households, record_id=args.record, blank=args.blank,
                                    names=args.blank and bool(args.area or args.all or households),
                                    unsigned=args.unsigned)
        _warn_missing(store, request)
        return _run(lambda: forms.render_form(store, request, out, progress=progress_printer()), out)
    finally:
        store.close()


def _warn_missing(store: Store, request: forms.FormRequest) -> None:
    """Some of several chosen households have no pledge: print the others and say which were left out."""
    if request.kind != "pledge" or request.blank or request.unsigned or len(request.household_ids) < 2:
        return
    from antq_desktop.services.forms import households_without_pledge

    missing = households_without_pledge(store, request)
    if missing and len(missing) < len(request.household_ids):
        print(f"Lưu ý: chưa có bản cam kết đã ký năm {request.year} của hộ {', '.join(missing)} — không in các hộ "
              "này (in bản để ký: --unsigned).", file=sys.stderr)


def _report(args: argparse.Namespace) -> int:
    out = _check_out(args.out, (".pdf",) if args.what == "commune" else (".pdf", ".xlsx"))
    store = store_for(args)
    try:
        _signed_in(store, args)
        if args.what == "commune":
            return _run(lambda: forms.render_commune_report(store, args.year, out,
                                                                    progress=progress_printer()), out)
        return _run(lambda: forms.render_summary(store, args.year, out, progress=progress_printer(),
                                                        number=args.number), out)
    except AntqError as exc:
        raise CliError(exc.message) from exc
    finally:
        store.close()


def _register_form(sub: Any) -> None:
    p = add(sub, "form", "In biểu mẫu ra PDF: điền sẵn từ dữ liệu (mỗi hồ sơ một trang trở lên) hoặc mẫu trống.",
            _form)
    p.add_argument("kind", choices=[*forms.FORM_KINDS, "recognition"],
                   help="pledge (cam kết hộ), covenant (giao ước), registration (đăng ký), "
                        "assessment (phiếu tự đánh giá), minutes (biên bản họp xét), festival_report (báo cáo "
                        "kết quả Ngày hội 19/8, mỗi Ngày hội một bản), recognition (quyết định công nhận, danh "
                        "sách kèm theo và giấy công nhận)")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--area", help="mã (UUID) hoặc tên đúng của một khu dân cư")
    scope.add_argument("--all", action="store_true", help="toàn đơn vị")
    scope.add_argument("--household", action="append",
                       help="mã (UUID) hộ gia đình (chỉ với pledge); lặp lại hoặc nhiều mã cách nhau dấu phẩy")
    scope.add_argument("--record", help="mã (UUID) của một bản ghi (cam kết, đăng ký, tự đánh giá, Ngày hội)")
    p.add_argument("--blank", action="store_true",
                   help="mẫu trống để điền tay; kèm --area/--all: mỗi hộ/đơn vị một bản, in sẵn tên")
    p.add_argument("--unsigned", action="store_true",
                   help="pledge: mỗi hộ chưa ký cam kết trong năm một trang in sẵn tên (kèm --area/--all/--household)")
    p.add_argument("--number", help="recognition: số quyết định (bỏ trống: để chấm để ghi tay)")
    p.add_argument("--date", help="recognition: ngày ký quyết định, dd/MM/yyyy (bỏ trống: để chấm)")
    p.add_argument("--year", type=int, default=date.today().year)
    p.add_argument("--out", required=True, help="tệp PDF kết quả")


def _register_report(sub: Any) -> None:
    p = add(sub, "report", "Lập báo cáo: commune (báo cáo kết quả năm của xã, PDF) hoặc summary (bảng tổng hợp "
            "theo xã, PDF hoặc .xlsx).", _report)
    p.add_argument("what", choices=["commune", "summary"])
    p.add_argument("--number", help="số văn bản in ở dòng “Số: …/BC-…” (bỏ trống: để chấm để ghi tay)")
    p.add_argument("--year", type=int, default=date.today().year)
    p.add_argument("--out", required=True, help="tệp kết quả: .pdf (hoặc .xlsx cho summary)")


REGISTRARS = [_register_form, _register_report]
