"""export, verify, receipt: writing, checking and confirming data packages.

Exit codes: 0 ok; 1 error; 2 usage; 3 a package or receipt was refused. Refusals are one
line: ``antq: [CODE] Vietnamese reason``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from antq_desktop.cli.common import CliError, add, progress_printer, sign_in, store_for
from antq_desktop.cli.exchange_commands import EXIT_REFUSED, REGISTRARS_KEYS, _read, _write
from antq_desktop.services import export, merge

# ---- export ----


def _export(args: argparse.Namespace) -> int:
    if args.history:
        return _history(args)
    if not args.out:
        raise CliError("Hãy chỉ rõ tệp cần tạo: antq export --out TỆP.antq", 2)
    store = store_for(args)
    try:
        user, password = sign_in(store, args)
        result = export.export_package(store, args.out, password=password, actor=user.username,
                                       kind="full" if args.full else "incremental",
                                       encrypted=not args.unencrypted,
                                       exclude_citizen_ids=args.exclude_citizen_ids, progress=progress_printer())
    except export.ExportError as exc:
        raise CliError(f"[{exc.code}] {exc.message}") from None
    finally:
        store.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if result.note:
        print(result.note)
    total = sum(result.counts.values())
    kind = export.KIND_LABELS.get(result.kind, result.kind)
    print(f"Đã xuất gói số {result.sequence} ({kind}): {total} bản ghi, {result.file_size:,} byte → {result.path}")
    print(f"Mã gói: {result.package_uuid}")
    if result.encrypted:
        print(f"Đã mã hóa cho cấp trên (mã vân tay {result.fingerprint}).")
    else:
        print("CẢNH BÁO: gói KHÔNG mã hóa; hãy giữ USB cẩn thận và xóa tệp sau khi gửi.")
    if result.announced_key:
        print("Gói này thông báo khóa mới của đơn vị cho cấp trên.")
    return 0


def _history(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        rows = export.history(store)
    finally:
        store.close()
    if not rows:
        print("Chưa xuất gói dữ liệu nào.")
        return 0
    print(f"{'Số':>4}  {'Thời điểm (UTC)':<16}  {'Kiểu':<14} {'Bản ghi':>8}  {'Biên nhận':<16}  Tệp")
    for r in rows:
        confirmed = r.receipt_verified_at or "chưa"
        kind = export.KIND_LABELS.get(r.kind, r.kind)
        print(f"{r.sequence:>4}  {r.created_at:<16}  {kind:<14} {r.total_records:>8}  {confirmed:<16}  {r.file_name}")
    return 0


def _register_export(sub: Any) -> None:
    p = add(sub, "export", "Xuất gói dữ liệu có ký số, mã hóa để gửi cấp trên.", _export)
    p.add_argument("--out", help="tệp .antq cần tạo (ví dụ trên USB)")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--full", action="store_true", help="gói đầy đủ: mọi bản ghi của đơn vị")
    kind.add_argument("--incremental", action="store_true",
                      help="chỉ phần thay đổi từ lần xuất trước (mặc định)")
    p.add_argument("--unencrypted", action="store_true", help="không mã hóa (chỉ khi thật sự cần)")
    p.add_argument("--exclude-citizen-ids", action="store_true", help="không gửi số định danh cá nhân của chủ hộ")
    p.add_argument("--history", action="store_true", help="xem lịch sử các lần xuất")


# ---- verify ----

def _verify(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        user, _ = sign_in(store, args)
        outcome = merge.verify_file(store, args.file, actor=user.username)
    finally:
        store.close()
    header = outcome.header
    if header is not None:
        state = "" if outcome.ok else " (chưa xác thực)"
        print(f"Đơn vị gửi{state}: {header.producer.unit_name} (mã {header.producer.unit_code})")
        print(f"Gói số {header.sequence}, kiểu {header.kind}, tạo lúc {header.created_at}, mã gói {header.package_id}")
        counts = ", ".join(f"{k}: {v}" for k, v in sorted(header.record_counts.items())) or "không có bản ghi"
        print(f"Số bản ghi: {counts}")
        fingerprint = outcome.signer_fingerprint or f"(mã khóa {header.signer_key_id})"
        print(f"Khóa ký: {fingerprint} — {merge.TRUST_LABELS[outcome.trust]}")
    if not outcome.ok:
        raise CliError(f"[{outcome.code}] {outcome.message}", EXIT_REFUSED)
    print(f"Kết quả: {outcome.message}")
    return 0


def _register_verify(sub: Any) -> None:
    p = add(sub, "verify", "Kiểm tra gói dữ liệu (nguyên vẹn, khóa tin cậy, gửi đúng đơn vị) mà không nhập.",
            _verify)
    p.add_argument("file")


# ---- receipt ----

def _receipt(args: argparse.Namespace) -> int:
    if args.receipt_command == "verify":
        return _receipt_verify(args)
    if not args.package or not args.out:
        raise CliError("Hãy chỉ rõ gói và tệp biên nhận: antq receipt --package MÃ_GÓI --out TỆP.antqrcpt", 2)
    store = store_for(args)
    try:
        user, password = sign_in(store, args)
        data = export.issue_receipt(store, args.package, password=password, actor=user.username)
    except export.ReceiptError as exc:
        raise CliError(f"[{exc.code}] {exc.message}") from None
    finally:
        store.close()
    _write(args.out, data)
    print(f"Đã lập biên nhận có ký số cho {len(args.package)} gói → {args.out}. Hãy gửi tệp này cho đơn vị gửi.")
    return 0


def _receipt_verify(args: argparse.Namespace) -> int:
    data = _read(args.file)
    store = store_for(args)
    try:
        user, _ = sign_in(store, args)
        check = export.verify_receipt(store, data, actor=user.username)
    except export.ReceiptError as exc:
        raise CliError(f"[{exc.code}] {exc.message}", EXIT_REFUSED) from None
    finally:
        store.close()
    print(f"Biên nhận của {check.issuer}: chữ ký hợp lệ.")
    if check.matches == "current":
        print("Số liệu cấp trên xác nhận khớp với dữ liệu hiện tại của đơn vị.")
    else:
        print(f"Số liệu cấp trên xác nhận khớp với dữ liệu tại lần xuất số {check.matched_sequence}; dữ liệu đã "
              "thay đổi sau đó, hãy xuất phần thay đổi ở lần gửi tới.")
    if check.marked:
        print("Đã đánh dấu xác nhận cho các lần xuất số: " + ", ".join(map(str, sorted(check.marked))))
    return 0


def _register_receipt(sub: Any) -> None:
    p = add(sub, "receipt", "Biên nhận có ký số: cấp trên lập sau khi hợp nhất; đơn vị gửi kiểm tra "
            "(antq receipt verify TỆP).", _receipt)
    p.add_argument("--package", action="append", metavar="MÃ_GÓI", help="mã gói đã hợp nhất (lặp lại được)")
    p.add_argument("--out", help="tệp biên nhận cần tạo (.antqrcpt)")
    r_sub = p.add_subparsers(dest="receipt_command")
    v = add(r_sub, "verify", "Kiểm tra biên nhận của cấp trên.", _receipt)
    v.add_argument("file")
    v.set_defaults(receipt_command="verify")


REGISTRARS = [*REGISTRARS_KEYS, _register_export, _register_verify, _register_receipt]
