"""Migration 0012 (key_wraps): the single wrap of an older store moves to the account that holds it."""

import json
import shutil
from pathlib import Path

from sqlalchemy import create_engine, inspect, select
from tests.storage.migration_steps import previous

from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.services import accounts
from antq_desktop.services.keys import registry as keys
from antq_desktop.storage import migrate
from antq_desktop.storage.db import open_store
from antq_desktop.storage.models import AuditEntry, KeyWrap

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_PASSWORD = "mot cau rat dai"  # tests/storage/fixtures/make_fixture.py


def _old_store(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURES / "schema_0003.sqlite3", path)
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, previous("0012"))
    assert "key_wraps" not in inspect(engine).get_table_names()
    with engine.connect() as conn:
        [(blob,)] = conn.exec_driver_sql("SELECT blob FROM local_keys").fetchall()
    engine.dispose()
    return path, blob


def test_empty_store_has_the_table(tmp_path):
    store = open_store(tmp_path / "new.sqlite3")
    columns = {c["name"] for c in inspect(store.engine).get_columns("key_wraps")}
    assert {"key_id", "user_id", "kind", "blob", "sealed_to", "created_by"} <= columns


def test_the_old_wrap_becomes_the_holders_own_at_its_sign_in(tmp_path):
    path, old_blob = _old_store(tmp_path)
    store = open_store(path)
    with store.session_factory() as session:
        [legacy] = session.execute(select(KeyWrap)).scalars().all()
        public = json.loads(keys.require_local_key(session).blob)
    assert legacy.kind == "legacy" and legacy.user_id is None and legacy.blob == old_blob
    assert "kdf" not in public and "wrapped" not in public["signing"]  # nothing to unlock left in local_keys
    accounts.sign_in(store, username="admin", password=FIXTURE_PASSWORD)
    with store.session_factory() as session:
        [claimed] = session.execute(select(KeyWrap)).scalars().all()
        actions = [a for (a,) in session.execute(select(AuditEntry.action).order_by(AuditEntry.id))]
        blob = keys.active_blob(session, "admin")
    assert claimed.kind == "account" and claimed.user_id is not None
    assert actions[-2:] == ["login", "key_wrap_claim"]
    KeyStore.unlock(blob, FIXTURE_PASSWORD).close()
    store.close()


def test_downgrade_puts_the_wrap_back(tmp_path):
    from alembic import command

    path, old_blob = _old_store(tmp_path)
    store = open_store(path)
    store.close()
    engine = create_engine(f"sqlite:///{path}")
    command.downgrade(migrate.alembic_config(engine), "0011")
    assert "key_wraps" not in inspect(engine).get_table_names()
    with engine.connect() as conn:
        [(blob,)] = conn.exec_driver_sql("SELECT blob FROM local_keys").fetchall()
    engine.dispose()
    assert blob == old_blob

