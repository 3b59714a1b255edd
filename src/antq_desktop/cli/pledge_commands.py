"""`antq pledge scan --year Y [--date dd/MM/yyyy] FILE`: a file of scanned sheet codes, one per line.

For a scanner that saves what it reads to a file, or codes collected elsewhere. Each line gets the
same outcome the desktop's "Quét phiếu đã ký" shows. Exit 0 when every line was recorded or was
already signed; 1 otherwise, after listing the lines not taken (nothing else is undone: each
recorded line is its own audited record, as in the desktop).
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import Any

from antq_desktop.cli.common import CliError, add, sign_in, store_for
from antq_desktop.services import scan

WORDS = {
    scan.Outcome.RECORDED: "ĐÃ GHI",
    scan.Outcome.ALREADY_SIGNED: "ĐÃ KÝ TRƯỚC",
    scan.Outcome.OTHER_YEAR: "NĂM KHÁC",
    scan.Outcome.OTHER_UNIT: "ĐƠN VỊ KHÁC",
    scan.Outcome.UNKNOWN_HOUSEHOLD: "KHÔNG CÓ HỘ",
    scan.Outcome.UNREADABLE: "KHÔNG ĐỌC ĐƯỢC",
}


def _signing_date(value: str | None) -> date:
    if not value:
        return date.today()
    try:
        return datetime.strptime(value.strip(), "%d/%m/%Y").date()
    except ValueError as exc:
        raise CliError(f"Ngày ký “{value}” không đúng dạng dd/MM/yyyy (ví dụ 20/11/2026).", 2) from exc


def _lines(path: str) -> list[tuple[int, str]]:
    """(line number, code) of every non-blank line."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"Không đọc được tệp “{path}”: {getattr(exc, 'strerror', None) or exc}. Hãy kiểm tra "
                       "đường dẫn (tệp văn bản, mỗi dòng một mã).") from exc
    return [(number, line.strip()) for number, line in enumerate(text.splitlines(), 1) if line.strip()]


def _scan(args: argparse.Namespace) -> int:
    signed_on = _signing_date(args.date)
    lines = _lines(args.file)
    if not lines:
        raise CliError(f"Tệp “{args.file}” không có mã nào: hãy kiểm tra đúng tệp máy quét đã lưu.")
    store = store_for(args)
    try:
        user, _ = sign_in(store, args)
        results = [(number, scan.record_scan(store, code, year=args.year, signed_on=signed_on,
                                             actor=user.username)) for number, code in lines]
    finally:
        store.close()
    for number, result in results:
        print(f"Dòng {number}: {WORDS[result.outcome]} [{result.outcome.value}] — {result.message}")
    return _summary(results)


def _summary(results: list[tuple[int, scan.ScanResult]]) -> int:
    counts = {outcome: sum(1 for _, r in results if r.outcome == outcome) for outcome in scan.Outcome}
    print("Tổng: " + ", ".join(f"{WORDS[o].lower()} {n}" for o, n in counts.items() if n))
    left = [number for number, result in results if not result.taken]
    if left:
        print(f"Các dòng chưa ghi được: {', '.join(str(n) for n in left)}. Hãy xem lý do ở từng dòng trên.")
        return 1
    return 0


def _register(sub: Any) -> None:
    parser = sub.add_parser("pledge", help=HELP, description=HELP)
    pledge_sub = parser.add_subparsers(dest="pledge_command", required=True)
    p = add(pledge_sub, "scan", "Ghi cam kết đã ký từ tệp mã quét trên phiếu in sẵn (mỗi dòng một mã).", _scan)
    p.add_argument("--year", type=int, required=True, help="năm cam kết của đợt quét")
    p.add_argument("--date", help="ngày ký ghi cho cả đợt, dd/MM/yyyy (mặc định: hôm nay)")
    p.add_argument("file", help="tệp văn bản: mỗi dòng một mã đọc từ phiếu")


HELP = "Cam kết hộ gia đình: ghi các phiếu cam kết đã ký từ mã quét (antq pledge scan)."
REGISTRARS = [_register]
