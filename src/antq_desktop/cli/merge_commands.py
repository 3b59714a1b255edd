"""`antq merge [--dry-run] FILE...`: the upper office merges commune packages.

Exit codes: 0 when every package was merged, already merged (duplicate), held (waiting for
a missing earlier package: not an error, it merges by itself later) or, with --dry-run,
checked; 3 when any package was refused (the others are still merged, each on its own).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from antq_desktop.cli.common import add, progress_printer, sign_in, store_for
from antq_desktop.domain import units
from antq_desktop.services.merge import PackageResult, merge_packages

EXIT_REFUSED = 3
_STATUS = {"merged": "ĐÃ NHẬP", "duplicate": "ĐÃ CÓ", "held": "CHỜ", "refused": "TỪ CHỐI",
           "cancelled": "ĐÃ HỦY", "dry_run": "XEM TRƯỚC"}
_COUNT_LABELS = (("new", "mới"), ("updated", "cập nhật"), ("unchanged", "không đổi"), ("older", "cũ hơn, bỏ qua"),
                 ("conflict", "xung đột"))


def _who(result: PackageResult) -> str:
    """The sender: a verified name; for a file refused before its signature was checked, the catalog's
    name of the code it claims (never `None` or `?`)."""
    code = result.producer_unit
    if not code:
        return "không đọc được đơn vị gửi"
    if result.producer_name:
        return f"{code} {result.producer_name}"
    commune = units.find_commune(code) if code.isdigit() else None
    return f"{code} {commune.name if commune else ''} (theo phần đầu gói, chưa xác thực)".replace("  ", " ")


def _line(result: PackageResult) -> str:
    sequence = f" gói #{result.sequence} ({result.kind})" if result.sequence else ""
    code = f" [{result.code}]" if result.code and result.status in ("refused", "cancelled") else ""
    released = " (gói chờ, nay đã đủ gói trước)" if result.released_from_hold else ""
    # The id `antq receipt --package` takes, for a package this office now holds.
    package_id = f" Mã gói: {result.package_uuid}." if result.package_uuid and result.status in (
        "merged", "duplicate") else ""
    return f"{_STATUS.get(result.status, result.status)}{code}: {result.file_name} — {_who(result)}{sequence}" \
           f"{released}. {result.message}{package_id}"


def _count_lines(result: PackageResult) -> list[str]:
    lines = []
    for record_type, counts in sorted(result.counts.items()):
        parts = [f"{counts.get(key, 0)} {label}" for key, label in _COUNT_LABELS if counts.get(key)]
        lines.append(f"    {record_type}: {', '.join(parts) or 'không có gì'}")
    return lines


def _as_dict(result: PackageResult) -> dict[str, Any]:
    return {"file": result.file_name, "status": result.status, "code": result.code, "message": result.message,
            "producer": result.producer_unit, "producer_name": result.producer_name, "sequence": result.sequence,
            "kind": result.kind,
            "package_id": result.package_uuid, "file_sha256": result.file_sha256, "counts": result.counts,
            "released_from_hold": result.released_from_hold}


def _merge(args: argparse.Namespace) -> int:
    store = store_for(args)
    try:
        user, password = sign_in(store, args)
        results = merge_packages(store, args.files, actor=user.username, dry_run=args.dry_run, password=password,
                                 progress=progress_printer(args.json))
    finally:
        store.close()
    if sys.stderr.isatty() and not args.json:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps([_as_dict(r) for r in results], ensure_ascii=False, sort_keys=True))
    else:
        for result in results:
            print(_line(result))
            if result.status in ("merged", "dry_run"):
                print("\n".join(_count_lines(result)))
        print(_summary(results, args.dry_run))
    return EXIT_REFUSED if any(r.refused for r in results) else 0


def _summary(results: list[PackageResult], dry_run: bool) -> str:
    count = {s: sum(r.status == s for r in results) for s in _STATUS}
    if dry_run:
        return (f"Xem trước {count['dry_run']} gói, {count['refused']} gói sẽ bị từ chối. Chưa ghi gì vào cơ sở dữ "
                "liệu; chạy lại không có --dry-run để nhập.")
    text = f"Đã nhập {count['merged']} gói, {count['duplicate']} gói đã có, {count['held']} gói đang chờ gói trước"
    if count["refused"] or count["cancelled"]:
        refused = count["refused"] + count["cancelled"]
        text += f", {refused} gói bị từ chối (xem lý do ở trên; các gói khác vẫn được nhập)"
    return text + "."


def _register(sub: Any) -> None:
    p = add(sub, "merge", "Cấp trên: kiểm tra và nhập gói dữ liệu của các xã (mỗi gói nhập trọn vẹn hoặc không).",
            _merge)
    p.add_argument("files", nargs="+", metavar="FILE", help="tệp gói dữ liệu .antq")
    p.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và cho biết sẽ thay đổi gì, không ghi")
    p.add_argument("--json", action="store_true", help="kết quả dạng JSON")


REGISTRARS = [_register]
