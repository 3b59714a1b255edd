"""key, recipient, trust, export, verify, receipt: signed packages between a commune and its upper office.

Exit codes: 0 ok; 1 error (one line); 2 usage; 3 a package or receipt was refused (one line,
Vietnamese reason plus the stable English code in brackets).
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from antq_desktop.cli.common import CliError, add, sign_in, store_for
from antq_desktop.domain.errors import AntqError
from antq_desktop.domain.local_time import local_date_text, local_time_text
from antq_desktop.services import keys
from antq_desktop.services.accounts import UserInfo
from antq_desktop.services.safe_files import NotAFileError, read_user_file
from antq_desktop.storage.db import Store

EXIT_REFUSED = 3
LEGACY = "tệp khóa kiểu cũ — mã vân tay không bao gồm đơn vị và vai trò"


def _coded(exc: AntqError) -> CliError:
    code = getattr(exc, "code", None)
    return CliError(f"[{code}] {exc.message}" if code else exc.message)


def _admin(store: Store, args: argparse.Namespace) -> tuple[UserInfo, str]:
    user, password = sign_in(store, args)
    if user.role != "admin":
        raise CliError("Chỉ quản trị viên mới được quản lý khóa. Hãy đăng nhập bằng tài khoản quản trị (--user).")
    return user, password


def _read(path: str) -> bytes:
    """A key file or receipt: a folder, device or FIFO is refused at once (never read for ever)."""
    try:
        return read_user_file(path, what="tệp khóa (.antqkey) hoặc tệp biên nhận")
    except NotAFileError as exc:
        raise CliError(f"[NOT_A_FILE] {exc.message}", EXIT_REFUSED) from None
    except OSError as exc:
        raise CliError(f"Không đọc được tệp {path} ({exc.strerror}). Hãy kiểm tra đường dẫn và USB.") from None


def _write(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise CliError(f"Không ghi được tệp {path} ({exc.strerror}). Hãy kiểm tra thư mục và USB.") from None


# ---- key ----

def _key_show(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        info = keys.require_own_key(store)
        pending = keys.announcement_pending(store)
    finally:
        store.close()
    print(f"Mã vân tay:      {info.fingerprint}")
    print(f"Mã khóa ký:      {info.signing_key_id}")
    print(f"Mã khóa nhận:    {info.receiving_key_id}")
    print(f"Tạo lúc (UTC):   {info.created_at}")
    if pending:
        print("Khóa mới chưa được thông báo cho cấp trên: lần xuất dữ liệu tới sẽ mang thông báo đổi khóa.")
    return 0


def _key_export(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        user, password = sign_in(store, args)
        data = keys.public_key_file(store, password, user.username)
        info = keys.require_own_key(store)
    except keys.KeyProblem as exc:
        raise _coded(exc) from None
    finally:
        store.close()
    _write(args.out, data)
    print(f"Đã ghi tệp khóa công khai {args.out}. Mã vân tay: {info.fingerprint} "
          "(in ra giấy, ký xác nhận và gửi kèm để cấp trên đối chiếu).")
    return 0


def _key_rotate(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        actor, password = _admin(store, args)
        fingerprint = keys.rotate(store, password, actor=actor.username, new_enrolment=args.new_enrolment).fingerprint
    except keys.KeyProblem as exc:
        raise _coded(exc) from None
    finally:
        store.close()
    print(f"Đã tạo khóa mới. Mã vân tay: {fingerprint}.")
    if args.new_enrolment:
        print("Khóa cũ đã ngừng dùng. Hãy xuất tệp khóa công khai (antq key export --out TỆP) và gửi cấp trên "
              "đăng ký bằng tay (antq trust add TỆP --replaces MÃ_VÂN_TAY_CŨ).")
    else:
        print("Lần xuất dữ liệu tới sẽ được ký bằng khóa cũ và thông báo khóa mới cho cấp trên.")
    return 0


def _register_key(sub: Any) -> None:
    parser = sub.add_parser("key", help="Khóa của đơn vị (ký và nhận gói dữ liệu).",
                            description="Khóa của đơn vị (ký và nhận gói dữ liệu).")
    key_sub = parser.add_subparsers(dest="key_command", required=True)
    add(key_sub, "show", "Xem mã vân tay và mã khóa của đơn vị.", _key_show)
    p = add(key_sub, "export", "Ghi tệp khóa công khai (.antqkey) để gửi đơn vị khác.", _key_export)
    p.add_argument("--out", required=True, help="tệp .antqkey cần tạo")
    p = add(key_sub, "rotate", "Tạo khóa mới thay khóa cũ (quản trị viên).", _key_rotate)
    p.add_argument("--new-enrolment", action="store_true",
                   help="mất mật khẩu khóa cũ: không thông báo, cấp trên phải đăng ký khóa mới bằng tay")


# ---- recipient ----

def _apply_key_file(args: argparse.Namespace, change: Any) -> str:
    """Read a key file, sign in as an admin, apply `change(store, data, actor)`; describe the key."""
    data = _read(args.file)
    store = store_for(args)
    try:
        actor, _ = _admin(store, args)
        row = change(store, data, actor.username)
        old = f" ({LEGACY})" if row.legacy else ""
        return (f"{row.unit_name} (mã {row.unit_code}), cấp {row.role_label}, "
                f"nguồn: {row.source_label}, mã vân tay {row.fingerprint}{old}")
    except keys.KeyProblem as exc:
        raise _coded(exc) from None
    finally:
        store.close()


def _recipient_set(args: argparse.Namespace) -> int:
    text = _apply_key_file(args, lambda store, data, actor: keys.set_recipient(store, data, actor=actor))
    print(f"Đã nhận khóa của cấp trên: {text}.")
    print("Hãy đối chiếu mã vân tay này với bản giấy do cấp trên gửi; nếu khác, không xuất dữ liệu và báo ngay.")
    return 0


def _recipient_show(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        row = keys.recipient(store)
        text = None if row is None else (f"{row.unit_name} (mã {row.unit_code}), mã vân tay {row.fingerprint}, "
                                         f"nhập lúc {local_time_text(row.enrolled_at)} bởi {row.enrolled_by}")
    finally:
        store.close()
    if text is None:
        raise CliError("Chưa có khóa của cấp trên. Hãy nhập tệp .antqkey do cấp trên gửi: antq recipient set TỆP.")
    print(f"Khóa nhận (cấp trên): {text}")
    return 0


def _register_recipient(sub: Any) -> None:
    parser = sub.add_parser("recipient", help="Khóa của đơn vị cấp trên (nơi nhận gói dữ liệu).",
                            description="Khóa của đơn vị cấp trên (nơi nhận gói dữ liệu).")
    r_sub = parser.add_subparsers(dest="recipient_command", required=True)
    p = add(r_sub, "set", "Nhập tệp khóa công khai (.antqkey) của cấp trên.", _recipient_set)
    p.add_argument("file")
    add(r_sub, "show", "Xem khóa cấp trên đang dùng.", _recipient_show)


# ---- trust ----

def _trust_add(args: argparse.Namespace) -> int:
    communes = _codes(args.communes) if args.communes is not None else None
    text = _apply_key_file(args, lambda store, data, actor: keys.trust_add(
        store, data, actor=actor, replaces=args.replaces, role=args.role, communes=communes))
    print(f"Đã đăng ký khóa tin cậy: {text}.")
    print("Chỉ dùng khóa này nếu mã vân tay trùng với bản giấy có chữ ký của đơn vị gửi.")
    return 0


def _codes(text: str) -> list[str]:
    return [code.strip() for code in text.split(",") if code.strip()]


def _trust_communes(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        actor, _ = _admin(store, args)
        if args.communes is not None:
            keys.set_catchment(store, args.office, _codes(args.communes), actor=actor.username)
        codes = keys.catchment(store, args.office)
    except keys.KeyProblem as exc:
        raise _coded(exc) from None
    finally:
        store.close()
    listed = ", ".join(codes) if codes else "(chưa có xã nào: cơ quan này chưa được bảo lãnh khóa cho xã nào)"
    print(f"Địa bàn của {args.office}: {listed}")
    return 0


def _trust_list(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        lines = [_trust_line(r) for r in keys.trust_list(store)]
    finally:
        store.close()
    print(f"{'Đơn vị':<8} {'Cấp':<10} {'Mã vân tay':<25} {'Trạng thái':<22} {'Nguồn':<26} Tên đơn vị")
    for line in lines:
        print(line)
    print(f"Tổng cộng {len(lines)} khóa.")
    return 0


def _trust_line(row: keys.KnownKeyInfo) -> str:
    if row.reported_state is not None:  # revoked because an office reported it up (issue 14)
        state = row.reported_state
    elif row.revoked_at is not None:
        state = f"thu hồi {local_date_text(row.revoked_at)}"
    elif row.is_trusted:
        state = "tin cậy"
    else:
        state = "khóa nhận (cấp trên)" if row.is_recipient else "không dùng"
    old = f" ({LEGACY})" if row.legacy else ""
    return (f"{row.unit_code:<8} {row.role_label:<10} {row.fingerprint:<25} {state:<22} "
            f"{row.source_label:<26} {row.unit_name}{old}")


def _trust_revoke(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        actor, _ = _admin(store, args)
        done = keys.trust_revoke(store, args.fingerprint, actor=actor.username, reason=args.reason,
                                 since=args.since)
        text = f"{done.key.unit_code} {done.key.fingerprint}"
        also = [f"{k.unit_code} {k.fingerprint}" for k in done.also]
    except keys.KeyProblem as exc:
        raise _coded(exc) from None
    finally:
        store.close()
    print(f"Đã thu hồi khóa {text}. Mọi gói ký bằng khóa này sẽ bị từ chối.")
    for line in also:
        print(f"Cũng thu hồi khóa {line}: khóa này được thông báo bằng khóa vừa thu hồi.")
    return 0


def _since(text: str) -> datetime:
    try:
        return datetime.strptime(text, "%d/%m/%Y")
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ “{text}” (dạng NGÀY/THÁNG/NĂM, ví dụ 01/12/2026)") \
            from None


def _register_trust(sub: Any) -> None:
    parser = sub.add_parser("trust", help="Danh sách khóa tin cậy của các đơn vị gửi (cấp trên).",
                            description="Danh sách khóa tin cậy của các đơn vị gửi (cấp trên).")
    t_sub = parser.add_subparsers(dest="trust_command", required=True)
    p = add(t_sub, "add", "Đăng ký khóa công khai của một đơn vị (sau khi đối chiếu mã vân tay).", _trust_add)
    p.add_argument("file")
    p.add_argument("--replaces", metavar="MÃ_VÂN_TAY", help="khóa cũ của cùng đơn vị mà khóa này thay thế")
    p.add_argument("--role", choices=["commune", "district"], help="cấp của đơn vị do nơi nhận quyết định (mặc định "
                   "commune = xã/phường; district = công an cụm/huyện gửi gói chuyển tiếp), không lấy theo tệp khóa")
    p.add_argument("--communes", metavar="MÃ,MÃ,...", help="với --role district: các xã thuộc địa bàn của cơ quan "
                   "này (chỉ các xã này được cơ quan đó bảo lãnh khóa)")
    add(t_sub, "list", "Liệt kê các khóa đã biết (đơn vị, cấp, nguồn).", _trust_list)
    p = add(t_sub, "communes", "Xem hoặc sửa danh sách xã thuộc địa bàn của một cơ quan cụm/huyện.", _trust_communes)
    p.add_argument("office", help="mã đơn vị của cơ quan cụm/huyện")
    p.add_argument("communes", nargs="?", help="danh sách mã xã, cách nhau bằng dấu phẩy (thay toàn bộ danh sách)")
    p = add(t_sub, "revoke", "Thu hồi một khóa (gói ký bằng khóa đó bị từ chối) và các khóa nó đã thông báo.",
            _trust_revoke)
    p.add_argument("fingerprint")
    p.add_argument("--reason", help="lý do thu hồi")
    p.add_argument("--since", type=_since, metavar="NGÀY/THÁNG/NĂM", help="khóa bị coi là lộ từ ngày này: chỉ "
                   "thu hồi kèm các khóa nó thông báo từ ngày này (mặc định: mọi khóa nó đã thông báo)")


REGISTRARS_KEYS = [_register_key, _register_recipient, _register_trust]
