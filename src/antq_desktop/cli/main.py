"""`antq`: the command line. Exit 0 ok, 1 error (one line on stderr), 2 usage error.

Only the chosen command's module is imported (cli/commands.py): the command name is found with a
parser whose commands are placeholders (name and help only), then the real parser is built with
that command's module. `antq --help` therefore lists every command without importing any.
"""

from __future__ import annotations

import argparse
import contextvars
import multiprocessing
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from antq_desktop import __version__
from antq_desktop.cli import commands
from antq_desktop.cli.errors import CliError, UsageError
from antq_desktop.cli.usage_vi import ERROR_WORD, translate_error, translate_help
from antq_desktop.domain import fronts

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse speaking Vietnamese: its errors and help headings are English templates (usage_vi.py)."""

    def error(self, message: str) -> NoReturn:  # argparse exits 2 itself; one line
        raise UsageError(f"{translate_error(message)}. Xem hướng dẫn: {self.prog} -h")

    def format_usage(self) -> str:
        return translate_help(super().format_usage())

    def format_help(self) -> str:
        return translate_help(super().format_help())


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser with `command`'s module loaded (None: every command as a placeholder, for --help).

    Placeholders take no arguments and no -h of their own (parse_known_args leaves what follows
    the command name for the real parser).
    """
    parser = _Parser(prog="antq", description="ANTQ Desktop — dòng lệnh (command line).")
    parser.add_argument("--db", help="tệp SQLite hoặc URL SQLAlchemy (mặc định: thư mục dữ liệu người dùng)")
    parser.add_argument("--user", help="tên đăng nhập (mặc định: tài khoản duy nhất, hoặc ANTQ_USER)")
    parser.add_argument("--version", action="version", version=f"antq {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    chosen = commands.BY_NAME[command].module if command in commands.BY_NAME else None
    loaded = False
    for entry in commands.COMMANDS:
        if entry.module != chosen:
            sub.add_parser(entry.name, help=entry.help, description=entry.help, add_help=False)
        elif not loaded:  # every command of the chosen module, at the place of its first one
            for register in commands.registrars(entry.module):
                register(sub)
            loaded = True
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    args = list(sys.argv[1:] if argv is None else argv)
    known, _rest = build_parser().parse_known_args(args)  # -h, --version and unknown commands end here
    return build_parser(known.command).parse_args(args)


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # a frozen merge's record reader (services/merge/record_feed.py) starts here
    fronts.use_front(fronts.CLI)  # services' messages name the commands to run
    try:
        args = parse(argv)
        handler: Callable[[argparse.Namespace], int | None] = args.handler
        # Its own context: what the command keeps in memory for itself (the key-encryption key derived at
        # sign-in, exchange/keystore.py) ends with it, also when several commands run in one process.
        return contextvars.copy_context().run(handler, args) or EXIT_OK
    except UsageError as exc:
        print(f"antq: {ERROR_WORD}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CliError as exc:
        print(f"antq: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("antq: đã hủy.", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
