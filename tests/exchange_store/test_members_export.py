"""--exclude-citizen-ids drops the members' ID numbers exactly like the head's (issue 15, point 1)."""

from __future__ import annotations

from tests.conftest import PASSWORD
from tests.exchange_store.test_export import read_back

from antq_desktop.services.export import build as export
from antq_desktop.services.records import writes as records
from antq_desktop.services.records.queries import list_rows

ACTOR = "admin"


def test_exclude_citizen_ids_also_drops_the_members_ids(pair):
    household = list_rows(pair.commune, "household", limit=1)[0]
    records.create(pair.commune, "household_member", {"household_id": household["id"], "full_name": "Lương Văn Mười",
                                                      "relation": "con", "citizen_id": "001203004567"}, actor=ACTOR)
    kept = export.export_package(pair.commune, pair.tmp / "all.antq", password=PASSWORD, actor=ACTOR, kind="full")
    _, got = read_back(pair, kept.path)
    assert any(r["citizen_id"] == "001203004567" for r in got if r["type"] == "household_member")
    dropped = export.export_package(pair.commune, pair.tmp / "p.antq", password=PASSWORD, actor=ACTOR, kind="full",
                                    exclude_citizen_ids=True)
    _, got = read_back(pair, dropped.path)
    members = [r for r in got if r["type"] == "household_member"]
    assert members and all(r["citizen_id"] is None for r in members)
    assert any(r["full_name"] == "Lương Văn Mười" for r in members)
