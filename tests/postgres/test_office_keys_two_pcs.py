"""Issue 17 point 1 on PostgreSQL: two office accounts on two "PCs" (separate ANTQ_HOMEs) each merge an
encrypted package into the one shared database with their OWN password; a disabled account cannot."""

import itertools

from sqlalchemy import select
from tests.conftest import PASSWORD
from tests.postgres import clerks

from antq_desktop.storage.db import open_store
from antq_desktop.storage.models import KeyWrap, User

B_PASSWORD = "con meo vang ngu tren mai nha"
_names = itertools.count(1)


def antq(tmp_path, pc, db, *args, user=None, password=PASSWORD, new_password=None):
    """`antq` on the PC `pc` (its data folder under tmp_path), as `user`."""
    return clerks.antq(tmp_path / f"home-{pc}", db, *args, user=user, password=password, new_password=new_password)


def ok(result):
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result


def test_two_accounts_on_two_pcs_merge_into_one_postgresql_database(postgres_server, tmp_path):
    office = postgres_server.create_database(f"antq_office_keys_{next(_names)}")
    commune = str(tmp_path / "hk.sqlite3")
    ok(antq(tmp_path, "xa", commune, "init", "--role", "commune", "--unit", "00070", "--officer", "Nguyễn Văn An"))
    ok(antq(tmp_path, "xa", commune, "demo", "--households", "20", "--seed", "5"))
    ok(antq(tmp_path, "pc1", office, "init", "--role", "district", "--unit", "CUM-01", "--name",
            "Cụm công an khu vực 1", "--officer", "Trần Văn Bình"))
    ok(antq(tmp_path, "xa", commune, "key", "export", "--out", str(tmp_path / "hk.antqkey")))
    ok(antq(tmp_path, "pc1", office, "key", "export", "--out", str(tmp_path / "cum.antqkey")))
    ok(antq(tmp_path, "pc1", office, "trust", "add", str(tmp_path / "hk.antqkey")))
    ok(antq(tmp_path, "xa", commune, "recipient", "set", str(tmp_path / "cum.antqkey")))
    # On PC 1 the admin creates the second clerk's account (its own password, the keys wrapped for it).
    ok(antq(tmp_path, "pc1", office, "user", "add", "b", "--name", "Lê Thị Cúc", "--role", "officer",
            user="admin", new_password=B_PASSWORD))
    packages = []
    for name in ("p1.antq", "p2.antq", "p3.antq"):
        ok(antq(tmp_path, "xa", commune, "export", "--out", str(tmp_path / name), "--full"))
        packages.append(str(tmp_path / name))

    first = ok(antq(tmp_path, "pc1", office, "merge", packages[0], user="admin"))
    second = ok(antq(tmp_path, "pc2", office, "merge", packages[1], user="b", password=B_PASSWORD))
    assert "ĐÃ NHẬP" in first.stdout and "ĐÃ NHẬP" in second.stdout

    ok(antq(tmp_path, "pc1", office, "user", "disable", "b", user="admin"))
    refused = antq(tmp_path, "pc2", office, "merge", packages[2], user="b", password=B_PASSWORD)
    assert refused.returncode == 1 and "đã bị khóa" in refused.stderr

    store = open_store(office)
    try:
        with store.session_factory() as session:
            b_id = session.execute(select(User.id).where(User.username == "b")).scalar_one()
            assert session.execute(select(KeyWrap).where(KeyWrap.user_id == b_id)).scalars().all() == []
            assert len(session.execute(select(KeyWrap).where(KeyWrap.kind == "account")).scalars().all()) == 1
    finally:
        store.close()
