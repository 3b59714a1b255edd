"""The upper office: `antq overview` and `antq office` (expected communes, lateness)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from antq_desktop.cli.common import add, sign_in, store_for
from antq_desktop.services import office


def _overview(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        rows = office.commune_rows(store, year=args.year)
    finally:
        store.close()
    if args.json:
        print(json.dumps([office.as_dict(r) for r in rows], ensure_ascii=False, sort_keys=True))
        return 0
    if not rows:
        print("Chưa có xã nào: hãy khai báo danh sách xã (antq office communes …) hoặc nhận gói dữ liệu.")
    for r in rows:
        status = "CHƯA GỬI" if r.missing else ("CHẬM" if r.late else "đúng hạn")
        received = r.last_received.strftime("%d/%m/%Y") if r.last_received else "—"
        missed = "; ".join(t.label for t in r.targets if not t.met) or "—"
        print(f"{r.unit_code}  {r.unit_name:<28} gói #{r.last_sequence or '—':<4} {received:<10} {status:<9} "
              f"hộ {r.counts.get('households', 0):>6}  chưa đạt: {missed}")
    return 0


def _communes(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        if args.codes:
            user, _ = sign_in(store, args)
            codes = office.set_expected_communes(store, args.codes, actor=user.username)
            print(f"Đã lưu danh sách {len(codes)} xã thuộc đơn vị.")
        else:
            print("\n".join(office.expected_communes(store)) or "Chưa khai báo xã nào.")
    finally:
        store.close()
    return 0


def _late_after(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        user, _ = sign_in(store, args)
        office.set_late_after_days(store, args.days, actor=user.username)
    finally:
        store.close()
    print(f"Xã không gửi gói dữ liệu quá {args.days} ngày sẽ được đánh dấu chậm.")
    return 0


def _register_overview(sub: Any) -> None:
    p = add(sub, "overview", "Cấp trên: tình hình từng xã (gói đã nhận, số liệu, chỉ tiêu chưa đạt).", _overview)
    p.add_argument("--year", type=int, default=date.today().year)
    p.add_argument("--json", action="store_true")


def _register_office(sub: Any) -> None:
    p = sub.add_parser("office", help="Cấp trên: khai báo các xã trực thuộc và hạn gửi dữ liệu.")
    office_sub = p.add_subparsers(dest="office_command", required=True, parser_class=type(p))
    c = add(office_sub, "communes", "Xem hoặc đặt danh sách mã xã thuộc đơn vị.", _communes)
    c.add_argument("codes", nargs="*", help="mã xã 5 chữ số")
    late = add(office_sub, "late-after", "Số ngày không gửi gói thì coi là chậm.", _late_after)
    late.add_argument("days", type=int)


REGISTRARS = [_register_overview, _register_office]
