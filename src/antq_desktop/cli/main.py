"""`antq`: the command line. Exit 0 ok, 1 error (one line on stderr), 2 usage error."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from antq_desktop import __version__
from antq_desktop.cli import commands
from antq_desktop.cli.common import CliError, UsageError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 itself; keep the message one line
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="antq", description="ANTQ Desktop — dòng lệnh (command line).")
    parser.add_argument("--db", help="tệp SQLite hoặc URL SQLAlchemy (mặc định: thư mục dữ liệu người dùng)")
    parser.add_argument("--user", help="tên đăng nhập (mặc định: tài khoản duy nhất, hoặc ANTQ_USER)")
    parser.add_argument("--version", action="version", version=f"antq {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for register in commands.REGISTRARS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        handler: Callable[[argparse.Namespace], int | None] = args.handler
        return handler(args) or EXIT_OK
    except UsageError as exc:
        print(f"antq: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CliError as exc:
        print(f"antq: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("antq: đã hủy.", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
