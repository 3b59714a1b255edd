"""The command line end to end, as a user runs it: real processes, a temporary folder."""

import json
import os
import subprocess
import sys

import pytest

PASSWORD = "mot cau rat dai"


def antq(tmp_path, *args, password=PASSWORD, check=False):
    env = {**os.environ, "ANTQ_HOME": str(tmp_path / "home")}
    if password is not None:
        env["ANTQ_PASSWORD"] = password
    result = subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", str(tmp_path / "s.sqlite3"),
                             *args], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_readme_flow_init_demo_stats_check(tmp_path):
    out = antq(tmp_path, "init", "--role", "commune", "--unit", "00070", "--officer", "Nguyễn Văn An", check=True)
    assert "Phường Hoàn Kiếm" in out.stdout
    antq(tmp_path, "demo", "--households", "500", "--seed", "7", check=True)
    doc = json.loads(antq(tmp_path, "stats", "--json", check=True).stdout)
    unit = doc["units"]["00070"]
    assert unit["counts"]["households"] == 500 and len(unit["digest"]) == 64
    assert all({"indicator", "actual", "threshold", "met"} <= set(t) for t in doc["targets"])
    table = antq(tmp_path, "stats", check=True).stdout
    assert "00070" in table and "Hộ gia đình ký cam kết" in table
    assert "toàn vẹn" in antq(tmp_path, "check", check=True).stdout


def test_unknown_unit_code_is_refused_with_one_line(tmp_path):
    result = antq(tmp_path, "init", "--role", "commune", "--unit", "99999")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "không có trong danh mục" in result.stderr


def test_usage_errors_exit_2(tmp_path):
    assert antq(tmp_path, "frobnicate").returncode == 2
    assert antq(tmp_path, "init", "--role", "district", "--unit", "CUM-01").returncode == 2  # needs --name


def test_district_and_province_offices(tmp_path):
    district = tmp_path / "d"
    district.mkdir()
    out = antq(district, "init", "--role", "district", "--unit", "cum-01", "--name", "Cụm công an khu vực 1",
               check=True)
    assert "CUM-01" in out.stdout
    province = tmp_path / "p"
    province.mkdir()
    assert "Thành phố Hà Nội" in antq(province, "init", "--role", "province", "--unit", "01", check=True).stdout


def test_wrong_password_and_missing_password(tmp_path):
    antq(tmp_path, "init", "--role", "commune", "--unit", "00070", check=True)
    wrong = antq(tmp_path, "demo", "--households", "5", password="sai mat khau roi")
    assert wrong.returncode == 1 and "mật khẩu không đúng" in wrong.stderr
    missing = antq(tmp_path, "demo", "--households", "5", password=None)
    assert missing.returncode == 1 and "ANTQ_PASSWORD" in missing.stderr


def test_weak_password_is_refused_and_nothing_is_created(tmp_path):
    result = antq(tmp_path, "init", "--role", "commune", "--unit", "00070", password="12345678")
    assert result.returncode == 1 and "phổ biến" in result.stderr
    assert antq(tmp_path, "init", "--role", "commune", "--unit", "00070", check=True).returncode == 0


def test_check_detects_a_tampered_audit_log(tmp_path):
    import sqlite3

    antq(tmp_path, "init", "--role", "commune", "--unit", "00070", check=True)
    antq(tmp_path, "demo", "--households", "20", check=True)
    with sqlite3.connect(tmp_path / "s.sqlite3") as conn:
        conn.execute("UPDATE audit_log SET actor = 'ke-gian' WHERE id = 3")
    result = antq(tmp_path, "check")
    assert result.returncode == 1
    assert "Nhật ký #3" in result.stdout


@pytest.mark.parametrize("command", ["stats", "check"])
def test_commands_on_an_uninitialised_store_still_work(tmp_path, command):
    # The store file exists but was never set up (a missing file is now an error: see below).
    (tmp_path / "s.sqlite3").touch()
    assert antq(tmp_path, command).returncode == 0


@pytest.mark.parametrize("command", ["stats", "check", "audit"])
def test_a_missing_db_is_an_error_and_nothing_is_created(tmp_path, command):
    result = antq(tmp_path, command)
    assert result.returncode == 1 and "Không tìm thấy cơ sở dữ liệu" in result.stderr and "s.sqlite3" in result.stderr
    assert not (tmp_path / "s.sqlite3").exists()
    typo = tmp_path / "no-such-folder" / "x.sqlite3"
    result = subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", str(typo), command],
                            capture_output=True, text=True, env={**os.environ, "ANTQ_PASSWORD": PASSWORD},
                            stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 1 and not typo.parent.exists()


@pytest.mark.parametrize("args", [["verify", "x.antq"], ["plan", "import", "x.antq"], ["merge", "ok.antq", "x.antq"],
                                  ["restore", "x.antq"], ["trust", "add", "x.antq"], ["recipient", "set", "x.antq"]])
def test_a_missing_input_file_is_named(tmp_path, args):
    antq(tmp_path, "init", "--role", "district", "--unit", "CUM-01", "--name", "Cụm 1", check=True)
    (tmp_path / "ok.antq").write_bytes(b"x")
    args = [str(tmp_path / a) if a.endswith(".antq") else a for a in args]
    result = antq(tmp_path, *args)
    assert result.returncode == 1
    assert f"Không tìm thấy tệp “{tmp_path / 'x.antq'}”" in result.stderr and "USB bị rút" not in result.stderr


def test_upper_office_overview_and_expected_communes(tmp_path):
    antq(tmp_path, "init", "--role", "district", "--unit", "CUM-01", "--name", "Cụm 1", check=True)
    antq(tmp_path, "office", "communes", "00070", "00073", check=True)
    assert antq(tmp_path, "office", "communes", check=True).stdout.split() == ["00070", "00073"]
    rows = json.loads(antq(tmp_path, "overview", "--json", check=True).stdout)
    assert [r["unit_code"] for r in rows] == ["00070", "00073"] and all(r["missing"] for r in rows)
    assert "CHƯA GỬI" in antq(tmp_path, "overview", check=True).stdout
    bad = antq(tmp_path, "office", "communes", "12345")
    assert bad.returncode == 1 and "12345" in bad.stderr


@pytest.mark.parametrize(("args", "vietnamese"), [
    (["frobnicate"], "lựa chọn không hợp lệ: 'frobnicate'"),
    (["stats", "--bogus"], "tham số không nhận ra: --bogus"),
    (["merge"], "thiếu tham số bắt buộc: FILE"),
    (["audit", "--limit"], "tham số --limit: cần đúng một giá trị"),
    (["audit", "--limit", "x"], "giá trị không hợp lệ (int): 'x'"),
])
def test_usage_errors_are_in_vietnamese(tmp_path, args, vietnamese):
    result = antq(tmp_path, *args)
    assert result.returncode == 2 and result.stderr.startswith("antq: lỗi: ") and vietnamese in result.stderr
    for english in ("usage:", "error:", "invalid choice", "unrecognized", "required", "expected"):
        assert english not in result.stderr


@pytest.mark.parametrize("args", [["-h"], ["merge", "-h"], ["plan", "import", "-h"]])
def test_help_headings_are_in_vietnamese(tmp_path, args):
    result = antq(tmp_path, *args)
    assert result.returncode == 0 and result.stdout.startswith("cách dùng: antq")
    assert "tùy chọn:" in result.stdout and "xem hướng dẫn này rồi thoát" in result.stdout
    assert "usage:" not in result.stdout and "options:" not in result.stdout and "show this help" not in result.stdout
