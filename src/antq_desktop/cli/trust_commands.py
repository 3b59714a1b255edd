"""user, audit, backup, restore, purge: trust on a shared laptop, thin over services."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import Any

from antq_desktop.cli.common import CliError, add, ask_password, sign_in, store_for
from antq_desktop.domain.errors import AntqError
from antq_desktop.domain.local_time import local_time_text
from antq_desktop.services import accounts, records
from antq_desktop.services.accounts import ROLES, UserInfo
from antq_desktop.services.startup import resolve_url
from antq_desktop.storage.db import Store


def _admin(store: Store, args: argparse.Namespace) -> tuple[UserInfo, str]:
    user, password = sign_in(store, args)
    if user.role != "admin":
        raise CliError("Chỉ quản trị viên mới được làm việc này. Hãy đăng nhập bằng tài khoản quản trị (--user).")
    return user, password


def _new_password(prompt: str) -> str:
    """ANTQ_NEW_PASSWORD for scripts (ANTQ_PASSWORD is the signed-in officer's own, never the new one)."""
    return ask_password(prompt, confirm=True, env="ANTQ_NEW_PASSWORD")


# ---- user ----

def _user_list(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        _admin(store, args)
        rows = accounts.list_accounts(store)
    finally:
        store.close()
    print(f"{'Tên đăng nhập':<20} {'Vai trò':<10} {'Trạng thái':<12} Họ tên")
    for row in rows:
        state = "đã khóa" if row.disabled else ("tạm khóa" if row.is_locked() else "hoạt động")
        print(f"{row.username:<20} {row.role_label:<10} {state:<12} {row.full_name}")
    return 0


def _user_add(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        actor, actor_password = _admin(store, args)
        password = _new_password(f"Mật khẩu cho {args.username}: ")
        # The admin's own password (already typed to sign in) opens the unit's keys to wrap them for the account.
        info = accounts.add(store, actor, username=args.username, full_name=args.name, role=args.role,
                            password=password, actor_password=actor_password)
        keys_line = _keys_line(store, info.username)
    finally:
        store.close()
    print(f"Đã tạo tài khoản {info.username} ({ROLES[info.role]}).")
    print(keys_line)
    return 0


def _keys_line(store: Store, username: str) -> str:
    """Whether the account can now open the unit's keys with its own password (docs/security.md §11)."""
    row = next((r for r in accounts.list_accounts(store) if r.username == username), None)
    if row is not None and row.holds_keys:
        return f"Tài khoản {username} mở được khóa của đơn vị bằng mật khẩu của chính mình."
    if row is not None and row.role == "readonly":
        return f"Tài khoản {username} chỉ xem: không giữ khóa của đơn vị."
    return (f"Tài khoản {username} chưa giữ khóa của đơn vị (người cấp chưa giữ khóa). Quản trị viên giữ khóa "
            f"hãy chạy: antq --user TÊN_QUẢN_TRỊ user passwd {username}")


def _user_disable(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        actor, _ = _admin(store, args)
        accounts.set_disabled(store, actor, args.username, not args.enable)
    finally:
        store.close()
    print(f"Đã {'mở khóa' if args.enable else 'khóa'} tài khoản {args.username}.")
    return 0


def _user_role(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        actor, _ = _admin(store, args)
        accounts.change_role(store, actor, args.username, args.role)
    finally:
        store.close()
    print(f"Tài khoản {args.username} giờ có vai trò {ROLES[args.role]}.")
    return 0


def _user_passwd(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        # Every account, a read-only one too, may change its own password; resetting another's is for admins.
        actor, password = sign_in(store, args, read_only_ok=True)
        target = args.username or actor.username
        new = _new_password(f"Mật khẩu mới cho {target}: ")
        if target == actor.username:
            accounts.change_own_password(store, actor.username, password, new)
        else:
            accounts.reset_password(store, actor, target, new, actor_password=password)
        keys_line = _keys_line(store, target)
    finally:
        store.close()
    print(f"Đã đổi mật khẩu của {target}.")
    print(keys_line)
    return 0


def _register_user(sub: Any) -> None:
    parser = sub.add_parser("user", help="Quản lý tài khoản (quản trị viên).", description="Quản lý tài khoản.")
    users_sub = parser.add_subparsers(dest="user_command", required=True)
    add(users_sub, "list", "Liệt kê tài khoản.", _user_list)
    p = add(users_sub, "add", "Tạo tài khoản (mật khẩu mới từ ANTQ_NEW_PASSWORD hoặc nhập hai lần).", _user_add)
    p.add_argument("username")
    p.add_argument("--name", required=True, help="họ tên cán bộ")
    p.add_argument("--role", choices=sorted(ROLES), default="officer")
    p = add(users_sub, "disable", "Khóa tài khoản (không xóa).", _user_disable)
    p.add_argument("username")
    p.add_argument("--enable", action="store_true", help="mở khóa lại")
    p = add(users_sub, "role", "Đổi vai trò tài khoản.", _user_role)
    p.add_argument("username")
    p.add_argument("role", choices=sorted(ROLES))
    p = add(users_sub, "passwd", "Đổi mật khẩu của mình, hoặc (quản trị) đặt lại mật khẩu người khác.",
            _user_passwd)
    p.add_argument("username", nargs="?")


# ---- audit ----

def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ “{text}” (dạng NĂM-THÁNG-NGÀY)") from None


def _audit(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        actor, _ = _admin(store, args)
        f = accounts.AuditFilter(actor=args.actor, action=args.action, record_type=args.type, since=args.since,
                                  until=args.until, text=args.text)
        if args.xlsx:
            count = accounts.export_xlsx(store, Path(args.xlsx), f, actor=actor.username)
            print(f"Đã xuất {count} dòng nhật ký ra {args.xlsx}.")
            return 0
        page = accounts.query(store, f, limit=args.limit)
        names = accounts.names_for(store, page.rows)
        ok, status = accounts.chain_status(store)
        if args.expect_head:
            present, sentence = accounts.head_still_present(store, args.expect_head)
            ok, status = ok and present, f"{status} {sentence}"
    finally:
        store.close()
    for row in page.rows:
        name = names.get(row.record_id or "", "")
        target = f" {row.record_type_label}{f' “{name}”' if name else ''}" if row.record_type else ""
        at = local_time_text(row.at, seconds=True)
        summary = row.summary(names)  # a sign-in has no detail: no dangling colon after it
        print(f"#{row.id} {at} {row.actor} {row.action_label}{target}{f': {summary}' if summary else ''}")
    print(f"Hiển thị {len(page.rows)}/{page.total} mục (mới nhất trước). {status}")
    return 0 if ok else 1


def _register_audit(sub: Any) -> None:
    p = add(sub, "audit", "Xem hoặc xuất nhật ký thao tác (quản trị viên).", _audit)
    p.add_argument("--since", type=_day, help="từ ngày (UTC), ví dụ 2026-01-01")
    p.add_argument("--until", type=_day, help="đến hết ngày (UTC)")
    p.add_argument("--actor", help="tên đăng nhập người thực hiện")
    p.add_argument("--action", choices=sorted(accounts.ACTION_LABELS))
    p.add_argument("--type", help="loại bản ghi, ví dụ household")
    p.add_argument("--text", help="tìm trong nội dung")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--xlsx", help="xuất ra tệp Excel thay vì in")
    p.add_argument("--expect-head", metavar="MÃ", help="mã đầu chuỗi đã ghi nhận trước (trong gói, biên nhận): "
                   "kiểm tra nhật ký không bị cắt bớt")


# ---- backup, restore ----

def _backup(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        actor, password = _admin(store, args)
        key = accounts.BackupKey.derive(password)
        if args.out:
            path = accounts.create_backup(store, Path(args.out), key, actor=actor.username)
        else:
            folder = Path(args.folder) if args.folder else accounts.default_folder(store)
            path = accounts.rolling_backup(store, folder, key, actor=actor.username, keep_days=args.keep_days)
        accounts.verify_backup(path, key)
    finally:
        store.close()
    print(f"Đã sao lưu (mã hóa, đã kiểm tra) vào {path}. Cần mật khẩu của {actor.username} để khôi phục.")
    return 0


def _register_backup(sub: Any) -> None:
    p = add(sub, "backup", "Sao lưu có mã hóa (khóa từ mật khẩu quản trị viên).", _backup)
    p.add_argument("--out", help="tệp .antqbak cần tạo; không có thì sao lưu cuốn chiếu vào --folder")
    p.add_argument("--folder", help="thư mục sao lưu cuốn chiếu (mặc định: backups cạnh tệp dữ liệu)")
    p.add_argument("--keep-days", type=int, default=14, help="giữ các bản sao lưu cuốn chiếu trong N ngày")


def _restore_authority(args: argparse.Namespace) -> tuple[str, str]:
    """(username, password): an admin of the current store if it opens, else the backup's own password."""
    try:
        store = store_for(args)
    except CliError:
        return "", ask_password("Mật khẩu của bản sao lưu: ")
    try:
        if not store.is_initialised():
            return "", ask_password("Mật khẩu của bản sao lưu: ")
        actor, password = _admin(store, args)
        return actor.username, password
    finally:
        store.close()


def _restore(args: argparse.Namespace) -> int:
    url = resolve_url(args.db)
    if not url.startswith("sqlite:///"):
        raise CliError("Chỉ khôi phục được vào cơ sở dữ liệu dạng tệp SQLite.")
    db_path = Path(url.removeprefix("sqlite:///"))
    username, password = _restore_authority(args)
    password = os.environ.get("ANTQ_BACKUP_PASSWORD", password)
    keep = Path(args.keep_folder) if args.keep_folder else db_path.parent / "backups"
    try:
        result = accounts.restore_backup(db_path, Path(args.file), password, keep_folder=keep, username=username,
                                 other_unit=args.other_unit)
    except accounts.OtherUnitError as exc:
        raise CliError(f"{exc.message} (thêm --other-unit để xác nhận)") from exc
    except AntqError as exc:
        raise CliError(exc.message) from exc
    kept = f" Dữ liệu trước khi khôi phục được giữ ở {result.kept}." if result.kept else ""
    print(f"Đã khôi phục bản sao lưu ngày {local_time_text(result.header.created_at)} "
          f"(người tạo: {result.header.username}).{kept}")
    return 0


def _register_restore(sub: Any) -> None:
    p = add(sub, "restore", "Khôi phục từ bản sao lưu .antqbak (giữ lại dữ liệu hiện tại trước khi thay). Cần đăng "
            "nhập quản trị; mật khẩu bản sao lưu mặc định là mật khẩu đó, hoặc ANTQ_BACKUP_PASSWORD.", _restore)
    p.add_argument("file")
    p.add_argument("--keep-folder", help="nơi giữ bản dữ liệu hiện tại (mặc định: backups cạnh tệp dữ liệu)")
    p.add_argument("--other-unit", action="store_true",
                   help="đồng ý khôi phục bản sao lưu của một đơn vị khác (thay toàn bộ dữ liệu của đơn vị này)")


# ---- purge ----

def _purge(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        actor, _ = _admin(store, args)
        result = records.purge_older_than(store, years=args.older_than, actor=actor.username, dry_run=args.dry_run)
    finally:
        store.close()
    print(result.summary())
    return 0


def _register_purge(sub: Any) -> None:
    p = add(sub, "purge", "Xóa (đánh dấu xóa) dữ liệu cá nhân quá thời hạn lưu trữ.", _purge)
    p.add_argument("--older-than", type=int, required=True, metavar="NĂM", help="không thay đổi trong N năm")
    p.add_argument("--dry-run", action="store_true", help="chỉ đếm, không xóa")


REGISTRARS = [_register_user, _register_audit, _register_backup, _register_restore, _register_purge]
