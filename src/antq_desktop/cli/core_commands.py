"""init, demo, stats, check."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from antq_desktop.cli.common import (
    CliError,
    add,
    ask_password,
    progress_printer,
    sign_in,
    store_for,
)
from antq_desktop.services import check, office, setup


def _init(args: argparse.Namespace) -> int:
    if args.role == "district" and not args.name:
        raise CliError("Đơn vị cấp trên (--role district) cần --name TÊN.", 2)
    store = store_for(args)
    try:
        # Validate the unit before asking for a password: a typo should not cost a prompt.
        setup.resolve_unit(args.role, args.unit, args.name)
        password = ask_password("Đặt mật khẩu cho tài khoản quản trị: ", confirm=True)
        info = setup.initialise(store, role=args.role, unit_code=args.unit, name=args.name,
                                  officer_name=args.officer or "Quản trị viên", username=args.username,
                                  password=password)
    finally:
        store.close()
    print(f"Đã thiết lập: {info.unit_name} (mã {info.unit_code}, vai trò {setup.ROLES[info.role]}). "
          f"Tài khoản quản trị: {args.username}.")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from antq_desktop.services import demo  # Faker: only this command needs it (~0.15 s to import)

    store = store_for(args)
    try:
        user, _ = sign_in(store, args)
        result = demo.generate(store, households=args.households, seed=args.seed, year=args.year,
                               progress=progress_printer())
    finally:
        store.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Đã thêm dữ liệu mẫu: {result.residential_areas} khu dân cư, {result.organizations} cơ quan/doanh nghiệp/"
          f"trường học, {result.households} hộ, {result.pledges} bản cam kết, {result.covenants} giao ước thi đua, "
          f"{result.registrations} đăng ký, "
          f"{result.assessments} tự đánh giá, {result.plans} kế hoạch, {result.activities} bản ghi hoạt động "
          "phong trào (mô hình, ngày hội, phổ biến, khen thưởng, tổ bảo vệ ANTT).")
    return 0


def _format_actual(target: dict[str, Any]) -> str:
    actual = target["actual"]
    return "chưa có số liệu" if actual is None else f"{actual:.1f}%".replace(".", ",")


def _stats(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        document = office.collect_stats(store, year=args.year)
    finally:
        store.close()
    if args.json:
        print(json.dumps(document, ensure_ascii=False, sort_keys=True))
        return 0
    print(f"Năm {document['year']}")
    print(f"{'Đơn vị':<8} {'Khu DC':>7} {'CQ/DN/TH':>8} {'Hộ':>8} {'Cam kết':>8} {'Đăng ký':>8} "
          f"{'Đánh giá':>8}  Mã băm")
    for code, unit in document["units"].items():
        c = unit["counts"]
        print(f"{code:<8} {c['residential_areas']:>7} {c['organizations']:>8} {c['households']:>8} "
              f"{c['pledges']:>8} {c['registrations']:>8} {c['assessments']:>8}  {unit['digest'][:16]}…")
    if not document["targets"]:
        print("Chưa có kế hoạch (chỉ tiêu) cho năm này.")
    for t in document["targets"]:
        mark = "ĐẠT " if t["met"] else ("CHƯA" if t["met"] is False else "—   ")
        print(f"[{mark}] {t['label']}: {_format_actual(t)} (chỉ tiêu {t['comparator']} {t['threshold']:g}%)")
    return 0


def _check(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        report = check.run_checks(store)
    finally:
        store.close()
    for item in report.checked:
        print(f"Đã kiểm tra: {item}")
    if report.ok:
        print("Kết quả: cơ sở dữ liệu toàn vẹn.")
        return 0
    for problem in report.problems:
        print(f"LỖI: {problem}")
    raise CliError(f"Phát hiện {len(report.problems)} vấn đề về toàn vẹn dữ liệu (xem danh sách ở trên).")


def _register_init(sub: Any) -> None:
    p = add(sub, "init", "Thiết lập cơ sở dữ liệu cho đơn vị và tạo tài khoản quản trị đầu tiên.", _init)
    p.add_argument("--role", choices=sorted(setup.ROLES), required=True)
    p.add_argument("--unit", required=True, help="mã xã 5 chữ số, mã tỉnh 2 chữ số, hoặc mã đơn vị cấp trên tự đặt")
    p.add_argument("--name", help="tên đơn vị cấp trên (bắt buộc với --role district)")
    p.add_argument("--officer", help="họ tên cán bộ quản trị")
    p.add_argument("--username", default="admin", help="tên đăng nhập của quản trị viên (mặc định admin)")


def _register_demo(sub: Any) -> None:
    p = add(sub, "demo", "Thêm dữ liệu mẫu tiếng Việt cho đơn vị (tái lập được theo --seed).", _demo)
    p.add_argument("--households", type=int, default=2000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--year", type=int, default=None)


def _register_stats(sub: Any) -> None:
    p = add(sub, "stats", "Thống kê số bản ghi, mã băm theo đơn vị và kết quả chỉ tiêu năm.", _stats)
    p.add_argument("--year", type=int, default=date.today().year)
    p.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def _register_check(sub: Any) -> None:
    add(sub, "check", "Kiểm tra toàn vẹn cơ sở dữ liệu.", _check)


REGISTRARS = [_register_init, _register_demo, _register_stats, _register_check]
