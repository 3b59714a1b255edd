"""`antq plan publish|import` (plans sent down to the communes) and `antq forward` (district → province).

The province imports a forward package with the ordinary `antq merge FILE` (it dispatches on
the package kind), so there is one import command for everything that comes from below.
Exit codes: 0 done, 1 error before anything was read, 3 package refused (store unchanged).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from antq_desktop.cli.common import CliError, add, progress_printer, sign_in, store_for
from antq_desktop.domain.errors import AntqError
from antq_desktop.services import forward, plans

EXIT_REFUSED = 3


def _deadlines(values: list[str]) -> dict[str, str]:
    out = {}
    for value in values:
        key, sep, day = value.partition("=")
        if not sep:
            raise CliError("Hạn phải có dạng KHÓA=NĂM-THÁNG-NGÀY, ví dụ self_assessment:area=2026-11-30.", 2)
        out[key.strip()] = day.strip()
    return out


def _publish(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        user, password = sign_in(store, args)
        result = plans.publish_plan(store, args.out, year=args.year, password=password, actor=user.username,
                                      catalog_path=args.catalog, deadlines=_deadlines(args.deadline or []))
    except plans.PlanPackageError as exc:
        raise CliError(f"[{exc.code}] {exc.message}") from None
    finally:
        store.close()
    counts = ", ".join(f"{n} {t}" for t, n in sorted(result.counts.items()))
    print(f"Đã tạo gói kế hoạch năm {result.year} (gói số {result.sequence}): {counts} → {result.path}")
    if result.upper:
        print(f"Kèm nguyên gói kế hoạch năm {result.year} của cấp trên ({result.upper}), giữ chữ ký của "
              f"{result.upper}: xã thấy chỉ tiêu của {result.upper}, chỉ tiêu thêm của đơn vị được ghi riêng.")
    print("Gói có ký số, không mã hóa (không chứa dữ liệu cá nhân); chép cho mọi xã, mỗi xã nhập bằng "
          "“antq plan import TỆP”.")
    return 0


def _import(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        user, _ = sign_in(store, args)
        result = plans.import_plan(store, args.file, actor=user.username)
    finally:
        store.close()
    if result.status != "imported":
        print(f"antq: [{result.code}] {result.message}", file=sys.stderr)
        return EXIT_REFUSED
    print(result.message)
    for record_type, counts in sorted(result.counts.items()):
        print(f"    {record_type}: {counts.get('new', 0)} mới, {counts.get('updated', 0)} cập nhật, "
              f"{counts.get('unchanged', 0)} không đổi")
    for name in result.files:
        print(f"    tệp nhận: {name}")
    return 0


def _new(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        user, _ = sign_in(store, args)
        plans.create_from_template(store, args.year, args.template, actor=user.username)
        view = plans.show_plan(store, args.year)
    except AntqError as exc:
        raise CliError(exc.message) from None
    finally:
        store.close()
    print(f"Đã lập kế hoạch năm {args.year} với {len(view.targets)} chỉ tiêu. Xem: antq plan show --year {args.year}; "
          f"gửi xuống xã: antq plan publish --year {args.year} --out TỆP.")
    return 0


def _show(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        view = plans.show_plan(store, args.year)
    finally:
        store.close()
    if view.plan_id is None:
        print(f"Chưa có kế hoạch năm {args.year}: lập bằng antq plan new --year {args.year} --from MẪU, hoặc nhận "
              "gói kế hoạch của cấp trên.")
        return 0
    source = "của đơn vị" if view.own else f"của cấp trên ({view.origin_unit})"
    print(f"Kế hoạch năm {view.year} {source}: {view.title}")
    for t in view.targets:
        actual = "chưa có số liệu" if t.met is None else f"{t.actual:.1f}%".replace(".", ",")
        state = "—" if t.met is None else ("đạt" if t.met else "chưa đạt")
        extra = " (chỉ tiêu riêng của đơn vị, thêm)" if t.extra else (
            f" (chỉ tiêu do {t.set_by} đặt thêm)" if t.set_by and t.set_by != view.origin_unit else "")
        print(f"  {t.indicator:<32} {t.comparator} {t.threshold:g}%  thực hiện {actual}, {state}  {t.label}{extra}")
    return 0


def _target_set(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        user, _ = sign_in(store, args)
        plans.set_target(store, args.year, args.indicator, args.threshold, comparator=args.comparator,
                            actor=user.username)
    except AntqError as exc:
        raise CliError(exc.message) from None
    finally:
        store.close()
    print(f"Đã đặt chỉ tiêu {args.indicator} {args.comparator or ''} {args.threshold:g}% cho kế hoạch năm "
          f"{args.year}.".replace("  ", " "))
    return 0


def _register_edits(plan_sub: Any) -> None:
    p = add(plan_sub, "new", "Lập kế hoạch năm của đơn vị từ mẫu (mã mẫu có sẵn hoặc tệp .json).", _new)
    p.add_argument("--year", type=int, required=True, help="năm kế hoạch")
    p.add_argument("--from", dest="template", required=True, metavar="MẪU",
                   help="mã mẫu trong resources/plans (vd. thanh-hoa-2025) hoặc đường dẫn tệp mẫu .json")
    p = add(plan_sub, "show", "Xem kế hoạch năm và các chỉ tiêu (thực hiện, đạt/chưa đạt).", _show)
    p.add_argument("--year", type=int, required=True)
    target = plan_sub.add_parser("target", help="Sửa chỉ tiêu của kế hoạch đơn vị.",
                                 description="Sửa chỉ tiêu của kế hoạch đơn vị.")
    target_sub = target.add_subparsers(dest="target_command", required=True)
    p = add(target_sub, "set", "Thêm hoặc sửa một chỉ tiêu (ngưỡng phần trăm) của kế hoạch đơn vị.", _target_set)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("indicator", metavar="CHỈ_TIÊU", help="mã chỉ tiêu, vd. households_pledged_pct")
    p.add_argument("threshold", type=float, metavar="NGƯỠNG", help="ngưỡng (phần trăm, 0–100)")
    p.add_argument("--comparator", choices=[">=", ">"], help="phép so sánh (mặc định giữ nguyên hoặc >=)")


def _forward(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        user, password = sign_in(store, args)
        result = forward.write_forward(store, args.out, password=password, actor=user.username,
                                          since_last=args.since_last, progress=progress_printer())
    except forward.ForwardError as exc:
        raise CliError(f"[{exc.code}] {exc.message}") from None
    finally:
        store.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Đã tạo gói chuyển tiếp số {result.sequence}: {len(result.inner)} gói của xã và gói dữ liệu riêng của "
          f"đơn vị → {result.path}")
    for note in result.notes:
        print(f"    Lưu ý: {note}")
    print("Cấp tỉnh nhập gói này bằng “antq merge TỆP”.")
    return 0


def _register(sub: Any) -> None:
    parser = sub.add_parser("plan", help="Kế hoạch năm: cấp trên gửi xuống, xã nhận.",
                            description="Kế hoạch năm: cấp trên gửi xuống, xã nhận.")
    plan_sub = parser.add_subparsers(dest="plan_command", required=True)
    p = add(plan_sub, "publish", "Cấp trên: tạo gói kế hoạch (có ký số) để gửi xuống các xã.", _publish)
    p.add_argument("--year", type=int, required=True, help="năm kế hoạch")
    p.add_argument("--out", required=True, help="tệp .antq cần tạo")
    p.add_argument("--catalog", help="tệp bộ tiêu chí đã chỉnh sửa (mặc định: bộ tiêu chí đơn vị đang dùng)")
    p.add_argument("--deadline", action="append", metavar="KHÓA=NGÀY",
                   help="hạn nộp, ví dụ data_submission=2026-12-15 hoặc self_assessment:area=2026-11-30")
    p = add(plan_sub, "import", "Xã: nhập gói kế hoạch do cấp trên gửi (kiểm tra chữ ký trước).", _import)
    p.add_argument("file")
    _register_edits(plan_sub)
    p = add(sub, "forward", "Cụm/huyện: chuyển lên tỉnh các gói của xã đã nhập (nguyên bản, còn chữ ký) "
            "kèm dữ liệu riêng của đơn vị.", _forward)
    p.add_argument("--out", required=True, help="tệp .antq cần tạo")
    p.add_argument("--since-last", action="store_true", help="chỉ các gói nhập sau lần chuyển tiếp trước")


REGISTRARS = [_register]
