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
        missed = "; ".join(t.label for t in r.targets if t.missed) or "—"
        no_data = "; ".join(t.label for t in r.targets if t.met is None)
        print(f"{r.unit_code}  {r.unit_name:<28} gói #{r.last_sequence or '—':<4} {received:<10} {status:<9} "
              f"hộ {r.counts.get('households', 0):>6}  chưa đạt: {missed}"
              + (f"  chưa có số liệu: {no_data}" if no_data else ""))
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


def _duplicate_ids(args: argparse.Namespace) -> int:
    from antq_desktop.services import records

    store = store_for(args)
    try:
        found = records.cross_commune_citizen_ids(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps([f.as_dict() for f in found], ensure_ascii=False, sort_keys=True))
        return 0
    if not found:
        print("Không có số định danh nào xuất hiện ở hơn một xã.")
        return 0
    for f in found:
        communes = ", ".join(f"{name} ({code})" for code, name in zip(f.units, f.unit_names, strict=True))
        print(f"{f.citizen_id}  {f.households} hộ  ở các xã: {communes}")
    print(f"{len(found)} số định danh xuất hiện ở hơn một xã: danh sách để rà soát (gia đình chuyển nơi ở, hoặc "
          "hai xã cùng nhập một hộ), không phải lỗi.")
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
    d = add(office_sub, "duplicate-ids", "Rà soát: số định danh có ở hộ của hơn một xã (4 số cuối).", _duplicate_ids)
    d.add_argument("--json", action="store_true", help="kết quả dạng JSON")


REGISTRARS = [_register_overview, _register_office]
