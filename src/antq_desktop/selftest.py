"""Self-test of an installed or frozen copy: `antq-desktop --self-test` and `antq self-test`.

Proves, on the machine where it runs, that everything the app needs was shipped: resources,
Alembic migrations, SQLite, Argon2, the package crypto, ReportLab with the embedded fonts and,
for the GUI entry, Qt with its platform plugin. Everything happens in a temporary folder
(the officer's real data is never opened) and Qt runs offscreen, so it also works over SSH
or in CI. One line per step; exit 0 when every step passed, 1 with the failing step's
message otherwise.

No Qt here: the GUI step imports `antq_desktop.ui.selftest_window` lazily, only when asked.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from antq_desktop import APP_NAME, __version__

FLAG = "--self-test"
UNIT_CODE = "00070"  # Phường Hoàn Kiếm, an official commune code from the catalog
USERNAME = "kiemtra"
PASSWORD = "Tự kiểm tra bản cài đặt ANTQ 2026"
DEMO_HOUSEHOLDS = 40

# Files without which the app cannot work; the packaging test checks the spec bundles all of them.
REQUIRED_RESOURCES = (
    ("fonts", "LiberationSerif-Regular.ttf"),
    ("fonts", "LiberationSerif-Bold.ttf"),
    ("fonts", "LiberationSerif-Italic.ttf"),
    ("fonts", "LiberationSerif-BoldItalic.ttf"),
    ("forms", "household_pledge.json"),
    ("translations", "antq_en.qm"),
    ("security", "common-passwords.txt"),
)


class SelfTestFailure(Exception):
    """A step found something wrong (as opposed to crashing)."""


@dataclass
class _State:
    root: Path
    store: Any = None
    profile: Any = None
    user: Any = None
    facts: dict[str, Any] = field(default_factory=dict)


def process_age() -> float | None:
    """Seconds since this process started (Linux /proc; elsewhere None)."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _bytes(size: int) -> str:
    return f"{size:,} byte".replace(",", ".")  # Vietnamese groups thousands with a dot


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


# ---- steps: each returns a short Vietnamese detail for the report ----

def _step_resources(state: _State) -> str:
    from antq_desktop.paths import resource_path, resources_root

    root = resources_root()
    missing = [Path(*parts).as_posix() for parts in REQUIRED_RESOURCES if not resource_path(*parts).is_file()]
    _check(not missing, f"thiếu tệp tài nguyên: {', '.join(missing)}")
    files = sum(1 for p in root.rglob("*") if p.is_file())
    return f"{files} tệp trong {root.name}/"


def _step_migrations(state: _State) -> str:
    from antq_desktop.storage import migrate
    from antq_desktop.storage.db import open_store

    versions = sorted(p.name for p in (migrate.MIGRATIONS_DIR / "versions").glob("*.py"))
    _check(bool(versions), f"không thấy tệp nâng cấp cấu trúc trong {migrate.MIGRATIONS_DIR}")
    state.store = open_store(state.root / "antq.sqlite3")
    head = migrate.head_revision()
    current = migrate.current_revision(state.store.engine)
    _check(current == head, f"cơ sở dữ liệu ở phiên bản {current}, cần {head}")
    return f"SQLite, {len(versions)} bước nâng cấp, phiên bản {head}"


def _step_profile(state: _State) -> str:
    from antq_desktop.services import accounts, setup

    state.profile = setup.initialise(state.store, role="commune", unit_code=UNIT_CODE,
                                       officer_name="Cán bộ kiểm tra", username=USERNAME, password=PASSWORD)
    state.user = accounts.sign_in(state.store, username=USERNAME, password=PASSWORD)
    return f"{state.profile.unit_name} (mã {state.profile.unit_code}), đăng nhập {state.user.username}"


def _step_demo(state: _State) -> str:
    from antq_desktop.services import demo

    result = demo.generate(state.store, households=DEMO_HOUSEHOLDS, seed=7)
    _check(result.households == DEMO_HOUSEHOLDS, f"chỉ tạo được {result.households} hộ")
    return (f"{result.residential_areas} khu dân cư, {result.organizations} cơ quan/trường học, "
            f"{result.households} hộ, {result.pledges} bản cam kết")


def _step_exchange(state: _State) -> str:
    """Export the unit's records as the officer does (services.export: installation key, recipient,
    history, audit), then verify the signature and decrypt the package as the upper office would.

    The upper office's key is made here with a reduced Argon2 cost, only to keep the self-test quick.
    """
    from antq_desktop.exchange.keys import TrustedKey, read_public_key_file
    from antq_desktop.exchange.keystore import KdfParams, KeyStore
    from antq_desktop.exchange.package_reader import read_package
    from antq_desktop.services import export, keys

    office_store = KeyStore(KdfParams(time_cost=1, memory_cost_kib=8 * 1024, parallelism=1))
    office_blob, _ = office_store.create(PASSWORD)
    office_key = office_store.export_public_key_file(office_blob, PASSWORD, "CUM-01", "Cụm công an khu vực 1",
                                                     "district")
    keys.set_recipient(state.store, office_key, actor=USERNAME)
    commune_key = read_public_key_file(keys.public_key_file(state.store, PASSWORD, USERNAME))
    path = state.root / export.suggested_file_name(state.store)
    result = export.export_package(state.store, path, password=PASSWORD, actor=USERNAME, kind="full")
    _check(result.encrypted and path.is_file(), "gói dữ liệu không được ghi hoặc không mã hóa")
    history = export.history(state.store)
    _check(len(history) == 1, f"lịch sử xuất có {len(history)} dòng, cần 1")
    trusted = {commune_key.signing_key_id: TrustedKey.from_record(commune_key)}
    with KeyStore.unlock(office_blob, PASSWORD) as office_keys:
        package, stream = read_package(path, trusted.get, office_keys)
        counts: dict[str, int] = {}
        for record in stream:
            counts[record["type"]] = counts.get(record["type"], 0) + 1
    _check(package.package_sha256 == result.package_sha256, "mã băm của gói đọc lại khác gói đã ghi")
    _check(counts == dict(package.header.record_counts), "số bản ghi giải mã được khác số ghi trong gói")
    return (f"{sum(counts.values())} bản ghi, đã ký và mã hóa gửi cấp trên, {_bytes(result.file_size)}; "
            "cấp trên kiểm tra chữ ký và giải mã đúng")


def _step_merge(state: _State) -> str:
    """The upper office merges the commune's package, its records read and checked in a second process
    (services/merge/record_feed.py: spawned; in the frozen build through freeze_support in the entry point)."""
    from antq_desktop.services import export, keys, merge, setup
    from antq_desktop.storage.db import open_store

    upper = open_store(state.root / "cap-tren.sqlite3")
    try:
        setup.initialise(upper, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                         officer_name="Cán bộ kiểm tra", username=USERNAME, password=PASSWORD)
        keys.set_recipient(state.store, keys.public_key_file(upper, PASSWORD, USERNAME), actor=USERNAME)
        keys.trust_add(upper, keys.public_key_file(state.store, PASSWORD, USERNAME), actor=USERNAME)
        path = state.root / "goi-cap-tren.antq"
        export.export_package(state.store, path, password=PASSWORD, actor=USERNAME, kind="full")
        (result,) = merge.merge_packages(upper, [path], actor=USERNAME, password=PASSWORD, worker=True)
    finally:
        upper.close()
    _check(result.status == merge.MergeStatus.MERGED, f"cấp trên không nhập được gói: {result.message}")
    merged = sum(sum(c.values()) for c in result.counts.values())
    households = result.counts.get("household", {}).get("new", 0)
    _check(households == DEMO_HOUSEHOLDS, f"cấp trên nhập {households} hộ, gói có {DEMO_HOUSEHOLDS}")
    return f"{merged} bản ghi, đọc và kiểm tra trong tiến trình thứ hai, ghi trong một giao dịch"


def _step_pdf(state: _State) -> str:
    from antq_desktop.reports import render_pledges
    from antq_desktop.reports.demo import demo_pledge
    from antq_desktop.reports.fonts import REGULAR, missing_glyphs
    from antq_desktop.reports.form_data import PledgeData, UnitInfo
    from antq_desktop.reports.forms.pledge import FORM_ID as PLEDGE_FORM
    from antq_desktop.reports.qr import _qr_ops, qr_payload

    p = state.profile
    unit = UnitInfo(parent_body=f"CÔNG AN {p.parent_name or ''}".upper().strip(),
                    issuing_body=p.police_name.upper(), place=p.unit_name, commune_name=p.unit_name)
    _check(not missing_glyphs("Bản cam kết Toàn dân bảo vệ an ninh Tổ quốc", REGULAR),
           "phông chữ thiếu ký tự tiếng Việt")
    filled = demo_pledge(1)
    out = render_pledges(state.root / "ban-cam-ket.pdf", [PledgeData(unit, year=2026), filled], total=2)
    data = out.read_bytes()
    _check(data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:], "tệp PDF không hoàn chỉnh")
    _check(b"/FontFile2" in data, "PDF không nhúng phông chữ")
    # The filled form carries the record's QR code in its footer (vector, drawn by reports.qr).
    if filled.record is None:
        raise SelfTestFailure("mẫu cam kết đã điền thiếu hồ sơ")
    qr = qr_payload(PLEDGE_FORM, filled.record.record_uuid, filled.record.revision, filled.unit.key_fingerprint)
    _check(_qr_ops(qr)[1].encode("ascii") in _pdf_streams(data), "PDF thiếu mã QR của hồ sơ")
    return f"bản cam kết hộ gia đình (mẫu trống và mẫu đã điền, có mã QR), {_bytes(len(data))}"


def _pdf_streams(data: bytes) -> bytes:
    """The streams of a PDF, decoded (Flate, optionally under ASCII85 as ReportLab writes pages)."""
    import base64
    import re
    import zlib

    parts = []
    for match in re.finditer(rb"\bstream\r?\n", data):
        raw = data[match.end():data.find(b"endstream", match.end())]
        if b"/ASCII85Decode" in data[max(0, match.start() - 200):match.start()]:
            try:
                raw = base64.a85decode(raw.strip().removesuffix(b"~>"), adobe=False, ignorechars=b" \t\r\n")
            except ValueError:
                continue
        try:
            parts.append(zlib.decompressobj().decompress(raw))
        except zlib.error:
            parts.append(raw)
    return b"\n".join(parts)


def _step_xlsx(state: _State) -> str:
    """An .xlsx export of the household list (as the GUI's Ctrl+E) and the upper office's roll-up, read back."""
    from openpyxl import load_workbook
    from sqlalchemy import select

    from antq_desktop.reports import write_summary_xlsx
    from antq_desktop.reports.form_data import SummaryData, SummaryRow
    from antq_desktop.services.excel import export_rows_to_xlsx
    from antq_desktop.storage.models import Household

    with state.store.read_session() as session:
        rows = [tuple(r) for r in session.execute(
            select(Household.head_name, Household.address, Household.members).order_by(Household.head_name))]
    _check(len(rows) == DEMO_HOUSEHOLDS, f"đọc được {len(rows)} hộ, cần {DEMO_HOUSEHOLDS}")
    path = state.root / "ho-gia-dinh.xlsx"
    count = export_rows_to_xlsx(path, "Danh sách hộ gia đình", ["Chủ hộ", "Địa chỉ", "Số nhân khẩu"], rows)
    workbook = load_workbook(path, read_only=True)
    read = [tuple(r) for r in workbook.worksheets[0].iter_rows(min_row=3, values_only=True)]
    workbook.close()
    _check(count == len(rows) and read == rows, "tệp Excel đọc lại khác dữ liệu đã ghi")
    summary = state.root / "tong-hop.xlsx"
    write_summary_xlsx(summary, SummaryData("CÔNG AN THÀNH PHỐ HÀ NỘI", "PHÒNG THAM MƯU", "Hà Nội", 2026,
                                            (SummaryRow(state.profile.unit_name, areas=3, registered_pct=100.0),)))
    workbook = load_workbook(summary)
    found = any(state.profile.unit_name in row for row in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    _check(found, "bảng tổng hợp Excel thiếu tên đơn vị")
    return f"danh sách {count} hộ và bảng tổng hợp của cấp trên, đọc lại đúng"


def _step_check(state: _State) -> str:
    from antq_desktop.services import check

    report = check.run_checks(state.store)
    _check(report.ok, "; ".join(report.problems))
    return f"{len(report.checked)} mục toàn vẹn"


def _step_window(state: _State) -> str:
    age_at_start = process_age()
    from antq_desktop.ui.selftest_window import open_and_close_main_window

    shown = open_and_close_main_window(state.store, state.user, state.root)
    state.facts["window_seconds"] = shown
    if age_at_start is not None:
        state.facts["process_age_at_window"] = age_at_start + shown  # when it was shown, not closed
    return f"cửa sổ chính mở sau {shown:.2f} s (tính cả nạp Qt) rồi đóng"


Step = tuple[str, Callable[[_State], str]]

CORE_STEPS: list[Step] = [
    ("Tài nguyên (phông chữ, biểu mẫu, bản dịch)", _step_resources),
    ("Cơ sở dữ liệu và nâng cấp cấu trúc", _step_migrations),
    ("Thiết lập đơn vị xã và tài khoản", _step_profile),
    ("Dữ liệu mẫu", _step_demo),
    ("Xuất và kiểm tra gói dữ liệu", _step_exchange),
    ("Cấp trên nhập gói (đọc gói ở tiến trình thứ hai)", _step_merge),
    ("In biểu mẫu PDF", _step_pdf),
    ("Xuất Excel", _step_xlsx),
    ("Kiểm tra toàn vẹn dữ liệu", _step_check),
]
GUI_STEPS: list[Step] = [("Giao diện: mở và đóng cửa sổ chính", _step_window)]


def _output() -> tuple[TextIO, bool]:
    """stdout, or a file in the log folder when there is none (windowed build on Windows)."""
    if sys.stdout is not None:
        try:
            sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
        return sys.stdout, False
    from antq_desktop.paths import log_dir

    return open(log_dir() / "self-test.txt", "w", encoding="utf-8"), True  # noqa: SIM115


def run(*, gui: bool = False, verbose: bool = False) -> int:
    """Run every step in a temporary folder; 0 when all passed, 1 at the first failure."""
    started = time.perf_counter()
    age_at_entry = process_age()
    out, close_out = _output()
    frozen = bool(getattr(sys, "frozen", False))
    saved_env = {name: os.environ.get(name) for name in ("ANTQ_HOME", "ANTQ_DB", "ANTQ_DB_URL", "QT_QPA_PLATFORM")}
    failed: str | None = None
    with tempfile.TemporaryDirectory(prefix="antq-selftest-", ignore_cleanup_errors=True) as tmp:
        state = _State(Path(tmp))
        os.environ["ANTQ_HOME"] = tmp  # logs and settings of the test stay in the temp folder
        os.environ.pop("ANTQ_DB", None)
        os.environ.pop("ANTQ_DB_URL", None)
        if gui:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        print(f"{APP_NAME} {__version__} — tự kiểm tra ({'bản đóng gói' if frozen else 'bản cài từ mã nguồn'}, "
              f"Python {sys.version.split()[0]}, {sys.platform})", file=out, flush=True)
        if age_at_entry is not None:
            print(f"       Khởi chạy tới khi vào chương trình: {age_at_entry:.2f} s", file=out, flush=True)
        steps = CORE_STEPS + (GUI_STEPS if gui else [])
        try:
            for number, (title, step) in enumerate(steps, 1):
                t0 = time.perf_counter()
                state.facts["steps_before"] = t0 - started  # time spent in earlier steps
                try:
                    detail = step(state)
                except Exception as exc:  # noqa: BLE001 - every failure becomes the step's message
                    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
                    failed = f"{title}: {message}"
                    print(f"[LỖI] {number}/{len(steps)} {title}: {type(exc).__name__}: {message}",
                          file=out, flush=True)
                    if verbose or not isinstance(exc, SelfTestFailure):
                        traceback.print_exc(file=out)
                    break
                print(f"[ OK ] {number}/{len(steps)} {title} — {detail} ({time.perf_counter() - t0:.2f} s)",
                      file=out, flush=True)
        finally:
            if state.store is not None:
                state.store.close()
            for name, value in saved_env.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    total = time.perf_counter() - started
    if "process_age_at_window" in state.facts:
        age = state.facts["process_age_at_window"]
        startup = age - state.facts["steps_before"]
        print(f"       Cửa sổ chính hiện sau {age:.2f} s kể từ khi khởi chạy; không tính các bước kiểm tra "
              f"trước đó: {startup:.2f} s (ước lượng thời gian khởi động tới cửa sổ chính)", file=out, flush=True)
    if failed:
        print(f"KẾT QUẢ: LỖI — {failed}", file=out, flush=True)
    else:
        print(f"KẾT QUẢ: ĐẠT — {len(steps)} bước trong {total:.1f} s", file=out, flush=True)
    if close_out:
        out.close()
    return 1 if failed else 0


def _cli_handler(args: Any) -> int:
    return run(gui=args.gui, verbose=args.verbose)


def _register_cli(sub: Any) -> None:
    """`antq self-test [--gui] [--verbose]` (registered in cli/commands.py)."""
    text = "Tự kiểm tra bản cài đặt trên dữ liệu tạm (không đụng tới dữ liệu thật); mã thoát 0 nếu đạt."
    parser = sub.add_parser("self-test", help=text, description=text)
    parser.add_argument("--gui", action="store_true", help="kiểm tra cả giao diện (cửa sổ chính, chạy ẩn)")
    parser.add_argument("--verbose", action="store_true", help="in chi tiết lỗi")
    parser.set_defaults(handler=_cli_handler)


CLI_REGISTRARS = [_register_cli]


def main(argv: list[str] | None = None) -> int:
    """`python -m antq_desktop.selftest [--gui] [--verbose]`."""
    args = sys.argv[1:] if argv is None else argv
    return run(gui="--gui" in args, verbose="--verbose" in args)


if __name__ == "__main__":
    sys.exit(main())
