"""Issue 17 point 3: two processes opening one empty database at once both succeed (one migrates under
the lock, the other waits and says so), on PostgreSQL and on a SQLite file."""

import os
import subprocess
import sys
import threading
import time

from sqlalchemy import create_engine
from tests.postgres.clerks import AT_THE_BARRIER

from antq_desktop.storage import locks, migrate
from antq_desktop.storage.db import make_engine, open_store


def _antq_at_barrier(tmp_path, barrier, name, *args):
    env = {**os.environ, "ANTQ_HOME": str(tmp_path / f"home-{name}"), "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen([sys.executable, "-c", AT_THE_BARRIER, str(barrier), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)


def test_two_processes_open_one_empty_database_at_once(engine_url, tmp_path):
    barrier = tmp_path / "go"
    if "://" not in engine_url:  # `--db` must name an existing store (issue 16): an empty SQLite file is one
        open(engine_url, "wb").close()
    procs = [_antq_at_barrier(tmp_path, barrier, name, "--db", engine_url, "stats", "--json")
             for name in ("pc1", "pc2")]
    time.sleep(1.5)  # both interpreters started and waiting at the barrier
    barrier.touch()
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-2000:]
        assert "kiểm tra đường dẫn" not in err
        assert '"units": {}' in out
    store = open_store(engine_url)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
    finally:
        store.close()


def _hold_migration_lock(engine_url):
    """Take the lock a migrating process takes, from this test: whoever opens now must wait."""
    engine = make_engine(str(engine_url) if "://" in str(engine_url) else f"sqlite:///{engine_url}")
    return engine, migrate.migration_lock(engine, lambda _message: None)


def test_a_second_process_waits_for_the_migration_and_says_so(engine_url, tmp_path):
    engine, lock = _hold_migration_lock(engine_url)
    barrier = tmp_path / "go"
    barrier.touch()
    with lock:
        proc = _antq_at_barrier(tmp_path, barrier, "pc2", "--db", engine_url, "stats", "--json")
        first_line = _first_stderr_line(proc, timeout=120)
        assert first_line == "Đang chờ máy khác nâng cấp cơ sở dữ liệu…"
        time.sleep(1)
        assert proc.poll() is None  # still waiting: the lock is held here
    out, err = proc.communicate(timeout=300)
    engine.dispose()
    assert proc.returncode == 0, err[-2000:]
    assert '"units": {}' in out


def _first_stderr_line(proc, timeout):
    lines = []
    reader = threading.Thread(target=lambda: lines.append(proc.stderr.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    assert lines, "the waiting process said nothing"
    return lines[0].strip()


def test_a_waiting_open_finds_the_database_migrated_and_does_not_migrate_again(engine_url):
    """The re-check under the lock: the database migrated by another process is not migrated twice."""
    first = open_store(engine_url)
    first.close()
    url = first.url
    calls = []
    engine = create_engine(url) if "postgresql" in url else make_engine(url)
    try:
        assert migrate.upgrade_if_needed(engine, on_wait=calls.append) is False
    finally:
        engine.dispose()
    assert calls == []


def test_the_lock_key_is_a_postgresql_bigint():
    assert -(2**63) <= locks.MIGRATION_LOCK_KEY < 2**63
