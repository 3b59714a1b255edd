"""`antq db`: the shared PostgreSQL database's roles script and its upgrade by the owner role."""

from __future__ import annotations

import argparse
from typing import Any

from antq_desktop.cli.common import UsageError, add, store_for
from antq_desktop.services.database import RoleNames, roles_sql, schema_revision

HELP = "Cơ sở dữ liệu dùng chung (PostgreSQL): tập lệnh SQL tạo vai trò, nâng cấp cấu trúc bằng vai trò chủ sở hữu."


def _roles(args: argparse.Namespace) -> int:
    if not args.print_sql:
        raise UsageError("hãy thêm --print-sql: lệnh chỉ in tập lệnh SQL để quản trị viên máy chủ chạy (psql -f)")
    try:
        names = RoleNames(database=args.database, owner=args.owner_role, app=args.app_role, report=args.report_role)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    print(roles_sql(names), end="")
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    store = store_for(args)  # opening migrates (under the lock), with ANTQ_DB_MIGRATE_URL if set
    try:
        revision = schema_revision(store)
    finally:
        store.close()
    print(f"Cơ sở dữ liệu ở phiên bản cấu trúc mới nhất ({revision}).")
    return 0


def _register_db(sub: Any) -> None:
    p = sub.add_parser("db", help=HELP, description=HELP)
    db_sub = p.add_subparsers(dest="db_command", required=True, parser_class=type(p))
    defaults = RoleNames()
    r = add(db_sub, "roles", "In tập lệnh SQL tạo ba vai trò: chủ sở hữu (nâng cấp cấu trúc), ứng dụng "
                             "(chỉ đọc/ghi dữ liệu), báo cáo (chỉ đọc các view báo cáo).", _roles)
    r.add_argument("--print-sql", action="store_true", help="in tập lệnh ra màn hình")
    r.add_argument("--database", default=defaults.database, help=f"tên cơ sở dữ liệu (mặc định {defaults.database})")
    r.add_argument("--owner-role", default=defaults.owner, help=f"vai trò chủ sở hữu (mặc định {defaults.owner})")
    r.add_argument("--app-role", default=defaults.app, help=f"vai trò của ứng dụng (mặc định {defaults.app})")
    r.add_argument("--report-role", default=defaults.report, help=f"vai trò báo cáo (mặc định {defaults.report})")
    add(db_sub, "upgrade", "Nâng cấp cấu trúc cơ sở dữ liệu (chạy bằng vai trò chủ sở hữu: --db URL hoặc "
                           "ANTQ_DB_MIGRATE_URL); các máy khác đang mở sẽ chờ.", _upgrade)


REGISTRARS = [_register_db]
