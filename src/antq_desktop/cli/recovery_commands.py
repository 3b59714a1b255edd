"""`antq recovery build|preview|apply`: recovery after a lost laptop or an old backup (issue 14 point 4).

At the office: `antq recovery build --unit CODE --out FILE` (the commune's records as the office holds
them, signed, encrypted to the commune's current key). At the commune: `antq recovery preview FILE`
(what would change; changes nothing) and `antq recovery apply FILE [--yes]`.
Exit codes: 0 done, 1 error or cancelled (nothing changed), 2 usage, 3 package refused (store unchanged).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from antq_desktop.cli.common import CliError, add, sign_in, store_for
from antq_desktop.services import recovery

EXIT_REFUSED = 3
_REFUSALS = {"BAD_SIGNATURE", "UNKNOWN_KEY", "REVOKED_KEY", "SIGNER_MISMATCH", "NOT_AUTHORISED", "OWN_UNIT", "REPLAY",
             "MALFORMED", "TRUNCATED", "TOO_LARGE", "WRONG_RECIPIENT", "VALIDATION_ERROR", "UNSUPPORTED_VERSION"}


def _build(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        user, password = sign_in(store, args)
        result = recovery.build_recovery(store, args.unit, args.out, password=password, actor=user.username)
    except recovery.RecoveryError as exc:
        raise CliError(f"[{exc.code}] {exc.message}") from None
    finally:
        store.close()
    total = sum(result.counts.values())
    print(f"Đã tạo gói khôi phục số {result.sequence} cho {result.unit_code} {result.unit_name}: {total} bản ghi "
          f"(kể cả bản ghi đã xóa), gói dữ liệu nhận sau cùng của xã là số {result.last_sequence} → {result.path}")
    print(f"Gói được mã hóa cho khóa của xã có mã vân tay {result.fingerprint}. Xã xem trước bằng "
          "“antq recovery preview TỆP”, rồi nhận bằng “antq recovery apply TỆP”.")
    return 0


def _run(args: argparse.Namespace, *, apply: bool) -> int:
    store = store_for(args)
    try:
        user, password = sign_in(store, args, read_only_ok=not apply)
        try:
            preview = recovery.preview_recovery(store, args.file, password=password, actor=user.username)
            print("\n".join(recovery.preview_lines(preview)))
            if not apply:
                print("Chỉ xem trước: chưa thay đổi gì. Nhận bằng “antq recovery apply TỆP”.")
                return 0
            _confirm(args)
            result = recovery.apply_recovery(store, args.file, password=password, actor=user.username)
        except recovery.RecoveryError as exc:
            if exc.code in _REFUSALS:
                print(f"antq: [{exc.code}] {exc.message}", file=sys.stderr)
                return EXIT_REFUSED
            raise CliError(f"[{exc.code}] {exc.message}") from None
    finally:
        store.close()
    print(f"Đã nhận dữ liệu khôi phục của {result.office_name}. Lần gửi tiếp theo là gói số {result.next_sequence}; "
          "từ nay các thay đổi của xã lại được cấp trên nhận như bình thường.")
    return 0


def _confirm(args: argparse.Namespace) -> None:
    if args.yes:
        return
    if not sys.stdin.isatty():
        raise CliError("Chưa thay đổi gì: cần xác nhận. Chạy lại với --yes sau khi đã xem kỹ phần xem trước.")
    answer = input("Nhận dữ liệu khôi phục và thay dữ liệu của xã trên máy này? Gõ “co” để đồng ý: ")
    if answer.strip().lower() not in ("co", "có", "c", "y", "yes"):
        raise CliError("Đã hủy: chưa thay đổi gì.")


def _register(sub: Any) -> None:
    p = sub.add_parser("recovery", help=HELP, description=HELP)
    r_sub = p.add_subparsers(dest="recovery_command", required=True, parser_class=type(p))
    build = add(r_sub, "build", "Cấp trên: tạo gói khôi phục cho một xã (dữ liệu của xã như cấp trên đang giữ).",
                _build)
    build.add_argument("--unit", required=True, help="mã xã")
    build.add_argument("--out", required=True, help="tệp .antq sẽ tạo")
    preview = add(r_sub, "preview", "Xã: xem trước gói khôi phục (không thay đổi gì).",
                  lambda args: _run(args, apply=False))
    preview.add_argument("file")
    apply = add(r_sub, "apply", "Xã: nhận gói khôi phục (hỏi xác nhận, trừ khi có --yes).",
                lambda args: _run(args, apply=True))
    apply.add_argument("file")
    apply.add_argument("--yes", action="store_true", help="không hỏi xác nhận")


HELP = "Khôi phục sau khi mất máy hoặc phục hồi bản sao lưu cũ: cấp trên gửi lại dữ liệu của xã."
REGISTRARS = [_register]
