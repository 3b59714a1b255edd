"""The exchange commands as an officer runs them: real processes, real stores, exit codes and one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from tests.conftest import PASSWORD, make_store
from tests.exchange_store.conftest import make_office

from antq_desktop.services import demo

pytestmark = pytest.mark.slow  # about 35 real processes


def antq(tmp_path, db, *args, password=PASSWORD):
    env = {**os.environ, "ANTQ_HOME": str(tmp_path / "home"), "ANTQ_PASSWORD": password}
    return subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", str(db), *args],
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)


def ok(result):
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(result, code, exit_code=3):
    assert result.returncode == exit_code, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and f"[{code}]" in result.stderr and result.stderr.startswith("antq: ")
    return result.stderr


@pytest.fixture
def world(tmp_path):
    """A commune with data and its office; keys swapped with the CLI."""
    commune, office = tmp_path / "c.sqlite3", tmp_path / "o.sqlite3"
    store = make_store(commune)
    demo.generate(store, households=20, seed=2)
    store.close()
    make_office(office).close()
    ok(antq(tmp_path, commune, "key", "export", "--out", str(tmp_path / "c.antqkey")))
    ok(antq(tmp_path, office, "key", "export", "--out", str(tmp_path / "o.antqkey")))
    return tmp_path, commune, office


def test_key_show_and_recipient_flow(world):
    tmp, commune, office = world
    shown = ok(antq(tmp, commune, "key", "show"))
    assert "Mã vân tay:" in shown and "Mã khóa nhận:" in shown
    missing = antq(tmp, commune, "recipient", "show")
    assert missing.returncode == 1 and "antq recipient set" in missing.stderr
    out = ok(antq(tmp, commune, "recipient", "set", str(tmp / "o.antqkey")))
    office_fp = ok(antq(tmp, office, "key", "show")).splitlines()[0].split()[-1]
    assert office_fp in out and "đối chiếu" in out
    assert office_fp in ok(antq(tmp, commune, "recipient", "show"))


def test_export_refuses_without_recipient_unless_unencrypted(world):
    tmp, commune, _ = world
    refused(antq(tmp, commune, "export", "--out", str(tmp / "x.antq")), "NO_RECIPIENT", exit_code=1)
    assert not (tmp / "x.antq").exists()
    out = ok(antq(tmp, commune, "export", "--out", str(tmp / "y.antq"), "--unencrypted"))
    assert "KHÔNG mã hóa" in out and "đầy đủ" in out
    history = ok(antq(tmp, commune, "export", "--history"))
    assert "y.antq" in history and "Đầy đủ" in history


def test_verify_exit_codes(world):
    tmp, commune, office = world
    ok(antq(tmp, commune, "recipient", "set", str(tmp / "o.antqkey")))
    ok(antq(tmp, commune, "export", "--out", str(tmp / "p.antq"), "--full"))
    refused(antq(tmp, office, "verify", str(tmp / "p.antq")), "UNKNOWN_KEY")
    ok(antq(tmp, office, "trust", "add", str(tmp / "c.antqkey")))
    out = ok(antq(tmp, office, "verify", str(tmp / "p.antq")))
    assert "Phường Hoàn Kiếm" in out and "tin cậy" in out and "Gói số 1" in out
    assert "00070" in ok(antq(tmp, office, "trust", "list"))
    # tampered: one byte of the payload flipped
    data = bytearray((tmp / "p.antq").read_bytes())
    data[-100] ^= 1
    (tmp / "t.antq").write_bytes(bytes(data))
    refused(antq(tmp, office, "verify", str(tmp / "t.antq")), "BAD_SIGNATURE")
    # wrong recipient: another office that trusts the commune but is not the addressee
    other = tmp / "other.sqlite3"
    make_office(other).close()
    ok(antq(tmp, other, "trust", "add", str(tmp / "c.antqkey")))
    refused(antq(tmp, other, "verify", str(tmp / "p.antq")), "WRONG_RECIPIENT")
    # revoked
    commune_fp = ok(antq(tmp, commune, "key", "show")).splitlines()[0].split()[-1]
    ok(antq(tmp, office, "trust", "revoke", commune_fp, "--reason", "thử thu hồi"))
    refused(antq(tmp, office, "verify", str(tmp / "p.antq")), "REVOKED_KEY")
    assert "thu hồi" in ok(antq(tmp, office, "trust", "list"))
    from antq_desktop.storage.db import open_store
    from antq_desktop.storage.models import ImportAttempt
    store = open_store(office)
    with store.session_factory() as session:
        results = [(a.result, a.error_code) for a in session.query(ImportAttempt).order_by(ImportAttempt.id)]
    store.close()
    assert results == [("refused", "UNKNOWN_KEY"), ("verified", None), ("refused", "BAD_SIGNATURE"),
                       ("refused", "REVOKED_KEY")]


def test_receipt_cli_round_trip_and_forgery(world):
    tmp, commune, office = world
    ok(antq(tmp, commune, "recipient", "set", str(tmp / "o.antqkey")))
    ok(antq(tmp, office, "trust", "add", str(tmp / "c.antqkey")))
    out = ok(antq(tmp, commune, "export", "--out", str(tmp / "p.antq")))
    uuid = next(line.split()[-1] for line in out.splitlines() if line.startswith("Mã gói"))
    from tests.exchange_store.merging import merge

    from antq_desktop.storage.db import open_store
    store = open_store(office)
    merge(store, tmp / "p.antq")
    store.close()
    ok(antq(tmp, office, "receipt", "--package", uuid, "--out", str(tmp / "r.antqrcpt")))
    verified = ok(antq(tmp, commune, "receipt", "verify", str(tmp / "r.antqrcpt")))
    assert "chữ ký hợp lệ" in verified and "khớp" in verified
    forged = (tmp / "r.antqrcpt").read_bytes().replace(b'"households":20', b'"households":21')
    (tmp / "f.antqrcpt").write_bytes(forged)
    refused(antq(tmp, commune, "receipt", "verify", str(tmp / "f.antqrcpt")), "BAD_SIGNATURE")
    assert "chưa" not in ok(antq(tmp, commune, "export", "--history")).splitlines()[1]


def test_key_rotate_is_admin_only_and_reported(world):
    tmp, commune, _ = world
    out = ok(antq(tmp, commune, "key", "rotate"))
    assert "thông báo khóa mới" in out
    assert "chưa được thông báo" in ok(antq(tmp, commune, "key", "show"))
    bad = antq(tmp, commune, "key", "rotate", password="sai mat khau roi")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1

