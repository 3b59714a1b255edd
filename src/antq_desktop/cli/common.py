"""What every command shares: opening the store, asking for the password, one-line errors."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from antq_desktop.cli.errors import CliError, UsageError
from antq_desktop.domain.errors import AntqError, UpgradeNotAllowedError
from antq_desktop.services import accounts
from antq_desktop.services.accounts import UserInfo
from antq_desktop.services.startup import open_store
from antq_desktop.storage.db import Store

__all__ = ["CliError", "UsageError", "add", "ask_password", "guarded", "progress_printer", "require_files",
           "sign_in", "store_for"]


def ask_password(prompt: str = "Mật khẩu: ", *, confirm: bool = False, env: str = "ANTQ_PASSWORD") -> str:
    """The CLI's one password prompt: the variable `env` for scripts (ANTQ_PASSWORD: the signed-in
    officer's own; ANTQ_NEW_PASSWORD: a password being set), otherwise asked on the terminal, never echoed."""
    given = os.environ.get(env)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise CliError(f"Cần mật khẩu: hãy chạy trong cửa sổ dòng lệnh hoặc đặt biến môi trường {env}.")
    password = getpass.getpass(prompt)
    if confirm and getpass.getpass("Nhập lại mật khẩu: ") != password:
        raise CliError("Hai lần nhập mật khẩu không khớp.")
    return password


def store_for(args: argparse.Namespace) -> Store:
    _refuse_missing_db(args)
    try:
        return open_store(args.db, on_wait=_say_waiting)
    except UpgradeNotAllowedError as exc:
        raise CliError(f"{exc.message} Lệnh cho quản trị viên: ANTQ_DB_MIGRATE_URL=URL_VAI_TRÒ_CHỦ_SỞ_HỮU "
                       "antq db upgrade") from exc
    except AntqError as exc:
        raise CliError(exc.message) from exc


def _refuse_missing_db(args: argparse.Namespace) -> None:
    """A typo in --db must not silently create a new empty store (and its folder): only `init` creates one."""
    db = getattr(args, "db", None)
    if not db or "://" in str(db) or getattr(args, "command", None) == "init":
        return
    if not Path(db).expanduser().exists():
        raise CliError(f"Không tìm thấy cơ sở dữ liệu “{db}”. Hãy kiểm tra lại đường dẫn sau --db; "
                       "muốn tạo cơ sở dữ liệu mới thì dùng “antq --db ĐƯỜNG_DẪN init”.")


def require_files(args: argparse.Namespace) -> None:
    """Every input file named on the command line (FILE arguments) exists: name the missing one
    instead of the generic "USB bị rút…" that reading it would give."""
    named = getattr(args, "files", None) or ([args.file] if getattr(args, "file", None) else [])
    for name in named:
        path = Path(name).expanduser()
        if not path.exists():
            raise CliError(f"Không tìm thấy tệp “{name}”. Hãy kiểm tra tên tệp và thư mục (USB đã cắm chưa) "
                           "rồi thử lại.")


def _say_waiting(message: str) -> None:
    """Another PC (or window) is migrating the same database: say why nothing happens yet."""
    print(message, file=sys.stderr, flush=True)


def sign_in(store: Store, args: argparse.Namespace, *, read_only_ok: bool = False) -> tuple[UserInfo, str]:
    """The acting officer and the password they gave (the keystore needs it too).

    `read_only_ok`: the command changes nothing but the officer's own account (their password)."""
    username = args.user or os.environ.get("ANTQ_USER") or accounts.single_admin(store)
    if not username:
        raise CliError("Có nhiều tài khoản: hãy chỉ rõ --user TÊN_ĐĂNG_NHẬP.", 2)
    password = ask_password(f"Mật khẩu của {username}: ")
    try:
        # One Argon2 per command: the key-encryption key the check derives is reused to unlock the keys.
        user = accounts.sign_in(store, username=username, password=password, remember_key=True)
    except AntqError as exc:
        raise CliError(exc.message) from exc
    if not user.can_write and not read_only_ok:
        raise CliError("Tài khoản chỉ xem không được thay đổi dữ liệu.")
    return user, password


def guarded(handler: Callable[[argparse.Namespace], int | None]) -> Callable[[argparse.Namespace], int | None]:
    """Turn domain errors into one-line CLI errors (exit 1)."""
    @wraps(handler)
    def wrapper(args: argparse.Namespace) -> int | None:
        require_files(args)
        try:
            return handler(args)
        except AntqError as exc:
            raise CliError(exc.message) from exc
    return wrapper


def progress_printer(quiet: bool = False) -> Callable[[float, str], None]:
    def report(fraction: float, message: str) -> None:
        if not quiet and sys.stderr.isatty():
            print(f"\r[{fraction * 100:5.1f}%] {message}", end="", file=sys.stderr, flush=True)
    return report


def add(sub: Any, name: str, help_text: str,
        handler: Callable[[argparse.Namespace], int | None]) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(handler=guarded(handler))
    return parser
