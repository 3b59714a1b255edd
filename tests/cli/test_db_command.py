"""`antq db`: the roles script's options and the upgrade command, as a user runs them."""

import os
import subprocess
import sys

from antq_desktop.storage import migrate


def antq(tmp_path, *args):
    env = {**os.environ, "ANTQ_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", *args], capture_output=True, text=True,
                          env=env, stdin=subprocess.DEVNULL, timeout=120)


def test_roles_script_takes_the_names_given(tmp_path):
    out = antq(tmp_path, "db", "roles", "--print-sql", "--database", "tinh38", "--owner-role", "chu",
               "--app-role", "ung_dung", "--report-role", "bao_cao")
    assert out.returncode == 0, out.stderr
    assert "ALTER DATABASE tinh38 OWNER TO chu;" in out.stdout
    assert "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ung_dung;" in out.stdout
    assert "GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO bao_cao;" in out.stdout
    assert "antq_" not in out.stdout.replace("antq db roles", "")


def test_roles_refuses_a_name_that_is_not_a_plain_identifier(tmp_path):
    out = antq(tmp_path, "db", "roles", "--print-sql", "--app-role", "app; DROP TABLE users")
    assert out.returncode == 2 and out.stdout == "" and "không hợp lệ" in out.stderr


def test_roles_without_print_sql_says_what_to_add(tmp_path):
    out = antq(tmp_path, "db", "roles")
    assert out.returncode == 2 and "--print-sql" in out.stderr


def test_upgrade_brings_a_file_to_the_newest_schema(tmp_path):
    out = antq(tmp_path, "--db", str(tmp_path / "s.sqlite3"), "db", "upgrade")
    assert out.returncode == 0, out.stderr
    assert migrate.head_revision() in out.stdout
