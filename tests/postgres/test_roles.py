"""Issue 17 point 4: the owner, application and reporting roles on PostgreSQL, and the reporting views.

One database per module, set up as docs/postgresql.md says: a superuser runs the roles script, the
owner role migrates (the first open), the app runs as the application role, BI as the reporting role.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from psycopg import errors
from tests.postgres.clerks import Office

from antq_desktop.domain.errors import UpgradeNotAllowedError
from antq_desktop.services import demo
from antq_desktop.services.setup import profile
from antq_desktop.storage import migrate
from antq_desktop.storage.db import open_store
from antq_desktop.storage.roles import RoleNames, roles_sql

DOCS_SQL = Path(__file__).resolve().parents[2] / "docs" / "postgresql-roles.sql"
PASSWORD = "mot cau rat dai"
VIEWS = ("report_unit_counts", "report_pledges_by_year", "report_registrations_by_year", "report_assessments_by_year")


_counter = iter(range(1000))


@pytest.fixture(scope="module")
def office(postgres_server):  # type: ignore[no-untyped-def]
    office = Office(postgres_server, f"antq_roles_{os.getpid()}_{next(_counter)}")
    owner_store = open_store(office.url(office.names.owner))  # the owner migrates the empty database
    owner_store.close()
    app_store = open_store(office.url(office.names.app))  # the app writes rows only
    profile.initialise(app_store, role="commune", unit_code="00070", officer_name="Nguyễn Văn An", password=PASSWORD)
    demo.generate(app_store, households=60, seed=2, year=2025)
    app_store.close()
    return office


def test_the_printed_sql_is_the_docs_file():
    result = subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "db", "roles", "--print-sql"],
                            capture_output=True, text=True, encoding="utf-8", timeout=60,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == roles_sql() == DOCS_SQL.read_text(encoding="utf-8")


def test_role_names_are_checked_before_they_reach_sql():
    with pytest.raises(ValueError):
        RoleNames(app="antq; DROP TABLE households")
    with pytest.raises(ValueError):
        RoleNames(app="same", report="same")


def test_the_roles_script_can_be_run_twice(office):
    office.psql("antq", roles_sql(office.names))


@pytest.mark.parametrize("ddl", ["DROP TABLE households", "CREATE TABLE intruder (id int)",
                                 "ALTER TABLE households ADD COLUMN x int", "CREATE SCHEMA intruder",
                                 "DROP VIEW reporting.report_unit_counts"])
def test_the_application_role_cannot_change_the_schema(office, ddl):
    with office.connect(office.names.app) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute(ddl)


def test_the_application_role_reads_and_writes_through_the_app(office, tmp_path):
    env = {**os.environ, "ANTQ_HOME": str(tmp_path / "home"), "ANTQ_PASSWORD": PASSWORD, "PYTHONIOENCODING": "utf-8"}
    url = office.url(office.names.app)
    created = subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", url, "demo", "--households",
                              "5", "--seed", "9"], capture_output=True, text=True, env=env, timeout=300)
    assert created.returncode == 0, created.stderr
    stats = subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", url, "stats", "--json",
                            "--year", "2025"], capture_output=True, text=True, env=env, timeout=300)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["units"]["00070"]["counts"]["households"] == 65


def test_sign_in_as_the_application_role_records_the_login_and_a_failure(office, tmp_path):
    """Sign-in writes (the failure count, the audit entries) work with the role every clerk's PC uses."""
    def cli(password):  # `antq user list` signs in and changes nothing else
        env = {**os.environ, "ANTQ_HOME": str(tmp_path / "home"), "ANTQ_PASSWORD": password,
               "PYTHONIOENCODING": "utf-8"}
        return subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", office.url(office.names.app),
                               "--user", "admin", "user", "list"], capture_output=True, text=True, env=env, timeout=300)

    def state():
        with office.connect(office.names.owner) as conn:
            failed = conn.execute("SELECT failed_attempts FROM users WHERE username = 'admin'").fetchone()[0]
            last = conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
        return failed, last

    refused = cli("not the password")
    assert refused.returncode != 0 and state() == (1, "login_failed")
    signed_in = cli(PASSWORD)
    assert signed_in.returncode == 0, signed_in.stderr
    assert "admin" in signed_in.stdout and state() == (0, "login")


def test_the_reporting_role_reads_the_views(office):
    with office.connect(office.names.report) as conn:
        counts = dict(conn.execute("SELECT record_type, live_records FROM report_unit_counts "
                                   "WHERE origin_unit = '00070'").fetchall())
        assert counts["household"] >= 60
        for view in VIEWS:
            conn.execute(f"SELECT * FROM {view}").fetchall()
    with office.connect(office.names.owner) as conn:
        described = conn.execute("SELECT obj_description('reporting.report_pledges_by_year'::regclass)").fetchone()[0]
    assert "pledged_households" in described


def test_pledged_households_in_the_view_match_the_app(office):
    with office.connect(office.names.owner) as conn:
        expected = conn.execute(
            "SELECT count(DISTINCT p.household_id) FROM pledges p JOIN households h ON h.id = p.household_id "
            "WHERE p.year = 2025 AND p.origin_unit = '00070' AND p.status = 'signed' AND NOT p.deleted "
            "AND NOT h.deleted").fetchone()[0]
        live = conn.execute("SELECT count(*) FROM households WHERE origin_unit = '00070' AND NOT deleted").fetchone()[0]
    with office.connect(office.names.report) as conn:
        row = conn.execute("SELECT households, pledged_households FROM report_pledges_by_year "
                           "WHERE origin_unit = '00070' AND year = 2025").fetchone()
    assert row == (live, expected) and expected > 0


@pytest.mark.parametrize("sql", [
    "SELECT * FROM public.households",
    "INSERT INTO public.settings (key, value) VALUES ('x', 'y')",
    "UPDATE public.households SET head_name = 'x'",
    "DELETE FROM public.audit_log",
    "CREATE TABLE reporting.intruder (id int)",
])
def test_the_reporting_role_cannot_read_tables_or_write(office, sql):
    with office.connect(office.names.report) as conn, pytest.raises(
            (errors.InsufficientPrivilege, errors.ReadOnlySqlTransaction)):
        conn.execute(sql)


def test_the_reporting_role_cannot_write_through_a_view(office):
    with office.connect(office.names.report) as conn, pytest.raises(psycopg.Error):
        conn.execute("DELETE FROM report_registrations_by_year")


def test_the_application_role_is_told_to_ask_the_owner_to_upgrade(postgres_server, tmp_path):
    """An empty database opened by the app's role: a message naming the owner role, not a DDL error."""
    office = Office(postgres_server, f"antq_roles_{os.getpid()}_{next(_counter)}")
    with pytest.raises(UpgradeNotAllowedError, match="vai trò chủ sở hữu"):
        open_store(office.url(office.names.app))
    env = {**os.environ, "ANTQ_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "utf-8"}
    cli = subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", office.url(office.names.app),
                          "stats", "--json"], capture_output=True, text=True, env=env, timeout=300)
    assert cli.returncode == 1 and "antq db upgrade" in cli.stderr and cli.stderr.count("\n") == 1
    env["ANTQ_DB_MIGRATE_URL"] = office.url(office.names.owner)
    upgraded = subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", office.url(office.names.app),
                               "db", "upgrade"], capture_output=True, text=True, env=env, timeout=300)
    assert upgraded.returncode == 0, upgraded.stderr
    assert migrate.head_revision() in upgraded.stdout
    store = open_store(office.url(office.names.app))  # at the head now: the app role opens it
    store.close()


@pytest.mark.parametrize("command", [["stats", "--json", "--year", "2025"], ["overview", "--json", "--year", "2025"]])
def test_reports_run_on_a_read_only_connection(office, tmp_path, command):
    """A read replica (hot standby) refuses every write; so does default_transaction_read_only."""
    env = {**os.environ, "ANTQ_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "utf-8"}
    url = office.url(office.names.app, "?options=-c%20default_transaction_read_only%3Don")
    result = subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", url, *command],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    json.loads(result.stdout)


def test_a_read_only_connection_is_known_to_the_store_and_refuses_writes(office):
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    store = open_store(office.url(office.names.app, "?options=-c%20default_transaction_read_only%3Don"))
    try:
        assert store.read_only
        with pytest.raises(DBAPIError, match="read-only transaction"), store.session() as session:
            session.execute(text("UPDATE settings SET value = value"))
    finally:
        store.close()
    writable = open_store(office.url(office.names.app))
    assert not writable.read_only
    writable.close()


def test_sign_in_on_a_read_only_connection_checks_the_password_and_writes_nothing(office, caplog):
    from antq_desktop.domain.errors import AuthError
    from antq_desktop.services.accounts import login as accounts

    def audit_rows():
        with office.connect(office.names.owner) as conn:
            return conn.execute("SELECT count(*), max(id) FROM audit_log").fetchone()

    before = audit_rows()
    store = open_store(office.url(office.names.app, "?options=-c%20default_transaction_read_only%3Don"))
    try:
        with caplog.at_level("INFO"):
            assert accounts.sign_in(store, username="admin", password=PASSWORD).username == "admin"
            with pytest.raises(AuthError):
                accounts.sign_in(store, username="admin", password="not the password")
    finally:
        store.close()
    assert audit_rows() == before
    assert "not audited" in caplog.text


def test_a_single_role_database_moves_to_the_three_roles_as_documented(postgres_server):
    """docs/postgresql.md section 5: a database set up with one role (section 1) is handed to the owner
    role with REASSIGN OWNED between two runs of the script; then the roles behave as for a new one."""
    from alembic import command

    name = f"antq_roles_{os.getpid()}_{next(_counter)}"
    office = Office.__new__(Office)
    office.server, office.names = postgres_server, RoleNames(database=name, owner=f"{name}_owner",
                                                             app=f"{name}_app", report=f"{name}_report")
    postgres_server.create_database(name)
    office.psql("antq", f"CREATE ROLE {name}_office LOGIN; ALTER DATABASE {name} OWNER TO {name}_office; "
                        f"ALTER SCHEMA public OWNER TO {name}_office")
    open_store(office.url(f"{name}_office")).close()  # the old way: the one role migrates
    office.psql("antq", roles_sql(office.names))
    office.psql("antq", f"REASSIGN OWNED BY {name}_office TO {office.names.owner}")
    office.psql("antq", roles_sql(office.names))

    app_store = open_store(office.url(office.names.app))
    profile.initialise(app_store, role="commune", unit_code="00070", officer_name="Nguyễn Văn An", password=PASSWORD)
    app_store.close()
    with office.connect(office.names.app) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("DROP TABLE households")
    with office.connect(office.names.report) as conn:
        assert conn.execute("SELECT count(*) FROM report_unit_counts").fetchone()[0] >= 0
    owner = open_store(office.url(office.names.owner))
    try:  # the owner can still migrate both ways
        command.downgrade(migrate.alembic_config(owner.engine), "-1")
        migrate.upgrade(owner.engine)
        assert migrate.current_revision(owner.engine) == migrate.head_revision()
    finally:
        owner.close()
    with office.connect(office.names.report) as conn:  # views re-created by the owner: granted by default
        conn.execute("SELECT * FROM report_pledges_by_year").fetchall()
