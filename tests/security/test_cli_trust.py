"""antq user | audit | backup | restore | purge, and `antq check` on a tampered trail."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from antq_desktop.cli.main import main

from .conftest import PASSWORD


@pytest.fixture
def cli(db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    monkeypatch.delenv("ANTQ_NEW_PASSWORD", raising=False)
    monkeypatch.delenv("ANTQ_USER", raising=False)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), "--user", "admin", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_user_commands(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ANTQ_NEW_PASSWORD", "cau dai cua lan")
    assert cli("user", "add", "lan", "--name", "Trần Thị Lan", "--role", "readonly")[0] == 0
    code, out, _ = cli("user", "list")
    assert code == 0 and "lan" in out and "Chỉ xem" in out
    assert cli("user", "role", "lan", "officer")[0] == 0
    assert cli("user", "disable", "lan")[0] == 0
    code, _, err = cli("user", "disable", "admin")
    assert code == 1 and "Không thể tự khóa" in err and "\n" not in err.strip()
    assert cli("user", "disable", "lan", "--enable")[0] == 0
    monkeypatch.setenv("ANTQ_NEW_PASSWORD", "12345678")
    code, _, err = cli("user", "passwd")
    assert code == 1 and "phổ biến" in err
    monkeypatch.setenv("ANTQ_NEW_PASSWORD", "cau moi rat dai")
    assert cli("user", "passwd")[0] == 0
    monkeypatch.setenv("ANTQ_PASSWORD", "cau moi rat dai")
    assert cli("user", "list")[0] == 0


def test_only_admins_use_the_trust_commands(cli, db_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ANTQ_NEW_PASSWORD", "cau dai cua lan")
    assert cli("user", "add", "lan", "--name", "Lan", "--role", "officer")[0] == 0
    monkeypatch.setenv("ANTQ_PASSWORD", "cau dai cua lan")
    for command in (["audit"], ["backup"], ["purge", "--older-than", "5"], ["user", "list"]):
        assert main(["--db", str(db_path), "--user", "lan", *command]) == 1
        assert "Chỉ quản trị viên" in capsys.readouterr().err


def test_audit_command_lists_filters_exports(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("audit", "--type", "household", "--limit", "3")
    # the kind in Vietnamese and the household by its head (was "Thêm household/UUID")
    assert code == 0 and out.count("Thêm Hộ gia đình “") == 3 and "200 mục" in out and "nguyên vẹn" in out
    code, out, _ = cli("audit", "--since", "2000-01-01", "--actor", "admin", "--action", "login")
    assert code == 0 and "Đăng nhập" in out
    assert cli("audit", "--since", "31/01/2026")[0] == 2  # a usage error, explained
    code, out, _ = cli("audit", "--xlsx", str(tmp_path / "nk.xlsx"))
    assert code == 0 and (tmp_path / "nk.xlsx").exists()


def test_check_and_audit_fail_after_tampering(cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("check")[0] == 0
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM audit_log WHERE id = 10")
    conn.commit()
    conn.close()
    code, out, err = cli("check")
    assert code == 1 and "#11" in out and "xóa" in out
    code, out, _ = cli("audit", "--limit", "1")
    assert code == 1 and "báo ngay" in out


def test_backup_restore_and_purge_commands(cli, db_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out_file = tmp_path / "sao-luu.antqbak"
    code, out, _ = cli("backup", "--out", str(out_file))
    assert code == 0 and out_file.exists() and "đã kiểm tra" in out
    code, out, _ = cli("backup", "--folder", str(tmp_path / "cuon-chieu"), "--keep-days", "3")
    assert code == 0 and len(list((tmp_path / "cuon-chieu").glob("antq-00070-*.antqbak"))) == 1
    code, out, _ = cli("purge", "--older-than", "5", "--dry-run")
    assert code == 0 and "Sẽ xóa" in out
    assert cli("restore", str(out_file), "--keep-folder", str(tmp_path / "giu"))[0] == 0
    assert len(list((tmp_path / "giu").glob("truoc-khoi-phuc-*.antqbak"))) == 1
    assert cli("check")[0] == 0
    monkeypatch.setenv("ANTQ_BACKUP_PASSWORD", "mat khau khac")
    code, _, err = cli("restore", str(out_file))
    assert code == 1 and "sai mật khẩu" in err


def test_audit_expect_head(cli, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(db_path)
    head = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    conn.close()
    code, out, _ = cli("audit", "--limit", "1", "--expect-head", head[:16])
    assert code == 0 and "vẫn còn nguyên" in out
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM audit_log WHERE hash = ?", (head,))
    conn.commit()
    conn.close()
    code, out, _ = cli("audit", "--limit", "1", "--expect-head", head)
    assert code == 1 and "bị xóa" in out
