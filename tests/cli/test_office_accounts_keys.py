"""Issue 17, "Done when" 1 on the command line: a second office account merges an encrypted package
with its OWN password; after its password change too; once disabled it is refused, clearly."""

import os
import subprocess
import sys

PASSWORD = "mot cau rat dai"
B_PASSWORD = "con meo vang ngu tren mai nha"
B_NEW = "mua thu ha noi la vang ruc ro"


def antq(tmp_path, db, *args, user=None, password=PASSWORD, new_password=None):
    env = {**os.environ, "ANTQ_HOME": str(tmp_path / "home"), "ANTQ_PASSWORD": password}
    env.pop("ANTQ_NEW_PASSWORD", None)
    if new_password is not None:
        env["ANTQ_NEW_PASSWORD"] = new_password
    head = ["--db", str(tmp_path / db)] + (["--user", user] if user else [])
    return subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", *head, *args], capture_output=True,
                          text=True, env=env, stdin=subprocess.DEVNULL, timeout=180)


def ok(result):
    assert result.returncode == 0, result.stderr
    return result


def _offices(tmp_path):
    ok(antq(tmp_path, "hk.sqlite3", "init", "--role", "commune", "--unit", "00070", "--officer", "Nguyễn Văn An"))
    ok(antq(tmp_path, "cum.sqlite3", "init", "--role", "district", "--unit", "CUM-01", "--name",
            "Cụm công an khu vực 1", "--officer", "Trần Văn Bình"))
    ok(antq(tmp_path, "hk.sqlite3", "demo", "--households", "20", "--seed", "3"))
    ok(antq(tmp_path, "hk.sqlite3", "key", "export", "--out", str(tmp_path / "hk.antqkey")))
    ok(antq(tmp_path, "cum.sqlite3", "key", "export", "--out", str(tmp_path / "cum.antqkey")))
    ok(antq(tmp_path, "cum.sqlite3", "trust", "add", str(tmp_path / "hk.antqkey")))
    ok(antq(tmp_path, "hk.sqlite3", "recipient", "set", str(tmp_path / "cum.antqkey")))


def _package(tmp_path, name):
    ok(antq(tmp_path, "hk.sqlite3", "export", "--out", str(tmp_path / name), "--full"))
    return str(tmp_path / name)


def test_a_second_office_account_merges_with_its_own_password(tmp_path):
    _offices(tmp_path)
    added = ok(antq(tmp_path, "cum.sqlite3", "user", "add", "b", "--name", "Lê Thị Cúc", "--role", "officer",
                    user="admin", new_password=B_PASSWORD))
    assert "mở được khóa của đơn vị bằng mật khẩu của chính mình" in added.stdout

    merged = antq(tmp_path, "cum.sqlite3", "merge", _package(tmp_path, "p1.antq"), user="b", password=B_PASSWORD)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert "ĐÃ NHẬP" in merged.stdout

    ok(antq(tmp_path, "cum.sqlite3", "user", "passwd", user="b", password=B_PASSWORD, new_password=B_NEW))
    merged = antq(tmp_path, "cum.sqlite3", "merge", _package(tmp_path, "p2.antq"), user="b", password=B_NEW)
    assert merged.returncode == 0, merged.stdout + merged.stderr

    ok(antq(tmp_path, "cum.sqlite3", "user", "disable", "b", user="admin"))
    p3 = _package(tmp_path, "p3.antq")
    refused = antq(tmp_path, "cum.sqlite3", "merge", p3, user="b", password=B_NEW)
    assert refused.returncode == 1 and "đã bị khóa" in refused.stderr and refused.stderr.count("\n") == 1

    # Re-enabled, the account holds no keys until an admin resets its password: refused, saying what to do.
    ok(antq(tmp_path, "cum.sqlite3", "user", "disable", "b", "--enable", user="admin"))
    refused = antq(tmp_path, "cum.sqlite3", "merge", p3, user="b", password=B_NEW)
    assert refused.returncode == 3, refused.stdout + refused.stderr
    assert "[NOT_AUTHORISED]" in refused.stdout and "chưa được cấp khóa" in refused.stdout
    assert "user passwd b" in refused.stdout

    reset = ok(antq(tmp_path, "cum.sqlite3", "user", "passwd", "b", user="admin", new_password=B_PASSWORD))
    assert "mở được khóa" in reset.stdout
    ok(antq(tmp_path, "cum.sqlite3", "merge", p3, user="b", password=B_PASSWORD))
    log = ok(antq(tmp_path, "cum.sqlite3", "audit", user="admin")).stdout
    assert "Cấp khóa đơn vị cho tài khoản" in log and "Thu hồi khóa đơn vị của tài khoản" in log
