"""`antq held list` and `antq conflicts list|resolve`: what the upper office's merges left to look at.

Exit codes: 0 ok; 1 error (one line on stderr); 2 usage.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from antq_desktop.cli.common import add, sign_in, store_for
from antq_desktop.cli.errors import CliError
from antq_desktop.domain.errors import AntqError
from antq_desktop.domain.local_time import local_time_text
from antq_desktop.services import merge


def _held_list(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        rows = merge.held_packages(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps([merge.held_as_dict(r) for r in rows], ensure_ascii=False, sort_keys=True))
        return 0
    if not rows:
        print("Không có gói nào đang chờ.")
    for r in rows:
        where = "bản sao trong cơ sở dữ liệu" if r.in_database else f"tệp {r.file}"
        missing = "" if r.file_present else (" (KHÔNG CÓ TỆP Ở MÁY NÀY — hãy chạy “antq held list” trên máy đã giữ gói "
                                             "để chuyển bản sao vào cơ sở dữ liệu; nếu tệp đã mất, hãy đề nghị gửi lại "
                                             "gói này)")
        print(f"{r.producer_unit} {r.producer_name}: gói số {r.sequence}, chờ gói số {r.waiting_for}, "
              f"giữ từ {local_time_text(r.since)}, {where}{missing}. {r.hint}")
    return 0


def _value(value: Any) -> str:
    if value is None:
        return "(trống)"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else str(value)


def _conflicts_list(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        rows = merge.list_conflicts(store, include_resolved=args.all)
    finally:
        store.close()
    if args.json:
        print(json.dumps([merge.conflict_as_dict(r) for r in rows], ensure_ascii=False, sort_keys=True))
        return 0
    if not rows:
        print("Không có xung đột dữ liệu nào cần giải quyết.")
    for r in rows:
        state = f"đã giải quyết lúc {local_time_text(r.resolved_at)}" if r.resolved_at else "chưa giải quyết"
        stale = " (bản ghi đã thay đổi sau đó: chỉ giữ được bản đang lưu)" if r.stale and not r.resolved_at else ""
        print(f"#{r.id} {r.producer_unit} {r.producer_name} — {r.type_label} {r.record_id}, phiên bản {r.revision}, "
              f"{state}{stale}")
        for d in r.differences:
            print(f"    {d.label}: đang lưu {_value(d.stored)} | nhận được {_value(d.incoming)}")
    if any(not r.resolved_at for r in rows):
        print("Giải quyết: antq conflicts resolve SỐ --keep stored (giữ bản đang lưu) hoặc --keep incoming "
              "(dùng bản nhận được).")
    return 0


def _conflicts_resolve(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        user, _ = sign_in(store, args)
        row = merge.resolve_conflict(store, args.id, args.keep, actor=user.username)
    except AntqError as exc:
        raise CliError(exc.message) from None
    finally:
        store.close()
    kept = "bản đang lưu" if args.keep == "stored" else "bản nhận được"
    print(f"Đã giải quyết xung đột #{row.id} ({row.type_label} {row.record_id}): giữ {kept}.")
    return 0


def _register_held(sub: Any) -> None:
    p = sub.add_parser("held", help="Cấp trên: các gói đang chờ gói trước của cùng đơn vị.",
                       description="Cấp trên: các gói đang chờ gói trước của cùng đơn vị.")
    held_sub = p.add_subparsers(dest="held_command", required=True, parser_class=type(p))
    lst = add(held_sub, "list", "Liệt kê gói đang chờ: đơn vị gửi, số gói, chờ gói số mấy, từ khi nào, tệp.",
              _held_list)
    lst.add_argument("--json", action="store_true")


def _register_conflicts(sub: Any) -> None:
    p = sub.add_parser("conflicts", help="Cấp trên: xung đột dữ liệu khi hợp nhất (xem và giải quyết).",
                       description="Cấp trên: xung đột dữ liệu khi hợp nhất (xem và giải quyết).")
    c_sub = p.add_subparsers(dest="conflicts_command", required=True, parser_class=type(p))
    lst = add(c_sub, "list", "Liệt kê xung đột chưa giải quyết, hai bản cạnh nhau theo từng trường.",
              _conflicts_list)
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--all", action="store_true", help="cả các xung đột đã giải quyết")
    res = add(c_sub, "resolve", "Giải quyết một xung đột: giữ bản đang lưu hoặc dùng bản nhận được (ghi nhật ký).",
              _conflicts_resolve)
    res.add_argument("id", type=int, help="số xung đột (xem antq conflicts list)")
    res.add_argument("--keep", required=True, choices=list(merge.KEEP))


REGISTRARS = [_register_held, _register_conflicts]
