"""Files that are not files (issue 12, point 6): /dev/zero, a link to it, a FIFO and a folder are refused
at once — by verify, merge, plan import, receipt verify, trust add, restore and Excel import, in the
services and on the command line — with a Vietnamese message naming the file, and the store unchanged.

Before the fix `antq verify /dev/zero` hashed zeros for ever and opening a FIFO blocked until someone
wrote to it: every call here runs under a timeout, so a regression fails instead of hanging the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import ACTOR, PASSWORD, make_store
from tests.services.merge.conftest import dump, make_upper

from antq_desktop.exchange.regular_file import NotRegularFileError, open_regular
from antq_desktop.services.accounts import backup, restore
from antq_desktop.services.excel import import_rows as excel_import
from antq_desktop.services.merge import verify
from antq_desktop.services.merge.run import merge_packages
from antq_desktop.services.plans import publish as plan_package
from antq_desktop.services.plans import receive as plan_import
from antq_desktop.services.safe_files import NotAFileError, read_user_file
from antq_desktop.storage.db import open_store

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                                reason="FIFOs and /dev/zero are POSIX")

KINDS = ("dev_zero", "link_to_dev_zero", "fifo", "directory")
REFUSED = "không phải là một tệp thông thường"
GUARD = 20.0  # seconds: far above "at once", far below "for ever"


def bad_path(kind: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "dev_zero":
        return Path("/dev/zero")
    path = folder / f"{kind}.antq"
    if kind == "link_to_dev_zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    return path


def within(fn: Callable[[], Any], seconds: float = GUARD) -> tuple[Any, float]:
    """Run fn in a daemon thread; (result or raised exception, elapsed). Fails the test if it does not return."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            box["value"] = exc

    start = time.monotonic()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"did not return within {seconds} s (blocked on a non-regular file)")
    return box["value"], time.monotonic() - start


def assert_only_logged(before: dict[str, list[Any]], after: dict[str, list[Any]], *, audit: int = 1) -> None:
    """Nothing but the import log row and the refusal's audit entry (and a CLI sign-in) was added."""
    for table, rows in before.items():
        if table in ("import_log", "audit_log"):
            assert after[table][:len(rows)] == rows, table
            assert len(after[table]) - len(rows) <= (audit if table == "audit_log" else 1), table
        else:
            assert after[table] == rows, table


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A commune and an upper office, built once (Argon2 is slow), closed so the CLI can open them."""
    folder = tmp_path_factory.mktemp("stores")
    commune = make_store(folder / "commune.sqlite3")
    commune.close()
    upper = make_upper(str(folder / "upper.sqlite3"))
    upper.close()
    return {"commune": folder / "commune.sqlite3", "upper": folder / "upper.sqlite3"}


@pytest.fixture
def commune(stores: dict[str, Path]):  # type: ignore[no-untyped-def]
    store = open_store(stores["commune"])
    yield store
    store.close()


@pytest.fixture
def upper(stores: dict[str, Path]):  # type: ignore[no-untyped-def]
    store = open_store(stores["upper"])
    yield store
    store.close()


# ---- the rule itself ----

@pytest.mark.parametrize("kind", KINDS)
def test_the_one_rule_refuses_at_once_and_names_the_file(kind: str, tmp_path: Path) -> None:
    path = bad_path(kind, tmp_path)
    raised, elapsed = within(lambda: open_regular(path, what="tệp gói dữ liệu (.antq)"))
    assert isinstance(raised, NotRegularFileError), raised
    assert elapsed < 5
    assert path.name in raised.message_vi and REFUSED in raised.message_vi
    assert "Hãy chọn đúng tệp gói dữ liệu (.antq)" in raised.message_vi
    raised, _ = within(lambda: read_user_file(path, what="tệp khóa công khai (.antqkey)"))
    assert isinstance(raised, NotAFileError) and path.name in raised.message


def test_a_link_to_a_real_file_is_still_a_file(tmp_path: Path) -> None:
    real = tmp_path / "real.antqkey"
    real.write_bytes(b"abc")
    (tmp_path / "link.antqkey").symlink_to(real)
    assert read_user_file(tmp_path / "link.antqkey", what="tệp khóa") == b"abc"


def test_a_small_file_limit_is_checked_on_the_open_file(tmp_path: Path) -> None:
    big = tmp_path / "big.antqkey"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(NotAFileError, match="big.antqkey"):
        read_user_file(big, what="tệp khóa", max_size=1024)


# ---- services ----

@pytest.mark.parametrize("kind", KINDS)
def test_verify_refuses(kind: str, commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = bad_path(kind, tmp_path)
    before = dump(commune)
    outcome, elapsed = within(lambda: verify.verify_file(commune, path, actor=ACTOR))
    assert not isinstance(outcome, BaseException), outcome
    assert not outcome.ok and outcome.code == "NOT_A_FILE" and path.name in outcome.message
    assert elapsed < 5
    assert_only_logged(before, dump(commune))


@pytest.mark.parametrize("kind", KINDS)
def test_merge_refuses(kind: str, upper, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = bad_path(kind, tmp_path)
    before = dump(upper)
    results, elapsed = within(lambda: merge_packages(upper, [path], actor=ACTOR, password=PASSWORD))
    assert not isinstance(results, BaseException), results
    (result,) = results
    assert result.status == "refused" and result.code == "NOT_A_FILE", result
    assert path.name in result.message and elapsed < 5
    assert_only_logged(before, dump(upper))


@pytest.mark.parametrize("kind", KINDS)
def test_plan_import_refuses(kind: str, commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = bad_path(kind, tmp_path)
    before = dump(commune)
    result, elapsed = within(lambda: plan_import.import_plan(commune, path, actor=ACTOR))
    assert not isinstance(result, BaseException), result
    assert result.status == "refused" and result.code == "NOT_A_FILE" and path.name in result.message
    assert elapsed < 5
    assert_only_logged(before, dump(commune))


@pytest.mark.parametrize("kind", KINDS)
def test_restore_refuses(kind: str, stores: dict[str, Path], tmp_path: Path) -> None:
    path = bad_path(kind, tmp_path / "usb")
    db = tmp_path / "store.sqlite3"
    db.write_bytes(stores["commune"].read_bytes())
    before = db.read_bytes()
    raised, elapsed = within(lambda: restore.restore(db, path, PASSWORD, keep_folder=tmp_path / "kept",
                                                     username=ACTOR))
    assert isinstance(raised, backup.BackupError) and path.name in raised.message, raised
    assert elapsed < 5
    assert db.read_bytes() == before and not (tmp_path / "kept").exists()


@pytest.mark.parametrize("kind", KINDS)
def test_excel_import_refuses(kind: str, tmp_path: Path) -> None:
    path = bad_path(kind, tmp_path)
    for read in (lambda: excel_import.sheet_names(path), lambda: excel_import.read_sheet(path, "Sheet")):
        raised, elapsed = within(read)
        assert isinstance(raised, excel_import.ImportFileError), raised
        assert path.name in raised.message and "tệp Excel" in raised.message and elapsed < 5


@pytest.mark.parametrize("kind", KINDS)
def test_plan_send_catalog_file_refuses(kind: str, tmp_path: Path) -> None:
    path = bad_path(kind, tmp_path)
    raised, elapsed = within(lambda: plan_package.catalog_document("any", path))
    assert isinstance(raised, plan_package.PlanPackageError) and raised.code == "NOT_A_FILE", raised
    assert path.name in raised.message and elapsed < 5


# ---- the command line (real processes, killed after GUARD seconds) ----

CLI = {
    "verify": ("commune", ["verify"]),
    "merge": ("upper", ["merge"]),
    "plan import": ("commune", ["plan", "import"]),
    "receipt verify": ("commune", ["receipt", "verify"]),
    "trust add": ("upper", ["trust", "add"]),
    "restore": ("commune", ["restore"]),
}


def antq(db: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANTQ_HOME": str(home), "ANTQ_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen"}
    try:
        return subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", str(db), *args],
                              capture_output=True, text=True, encoding="utf-8", env=env,
                              stdin=subprocess.DEVNULL, timeout=GUARD)
    except subprocess.TimeoutExpired:
        pytest.fail(f"antq {' '.join(args)} did not return within {GUARD} s")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", list(CLI))
def test_cli_refuses(command: str, kind: str, stores: dict[str, Path], tmp_path: Path) -> None:
    which, words = CLI[command]
    db = tmp_path / f"{which}.sqlite3"
    db.write_bytes(stores[which].read_bytes())
    before = db.read_bytes()
    path = bad_path(kind, tmp_path / "usb")
    result = antq(db, tmp_path / "home", *words, str(path))
    said = result.stdout + result.stderr  # merge reports each file on stdout
    assert result.returncode in (1, 3), (result.returncode, said)
    assert path.name in said and REFUSED in said, said
    if command in ("receipt verify", "trust add"):  # the file is read before the store is even opened
        assert db.read_bytes() == before
        return
    after = tmp_path / "after.sqlite3"
    after.write_bytes(before)
    stores_now = [open_store(after), open_store(db)]
    try:
        was, now = (dump(s) for s in stores_now)
    finally:
        for s in stores_now:
            s.close()
    assert_only_logged(was, now, audit=2)  # the command's sign-in and the refusal
    if command != "restore":
        assert [row for row in now["import_log"] if "NOT_A_FILE" in row]
