"""Upper office: citizen IDs held by households of more than one commune form a review list (not an error)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ACTOR, PASSWORD

from antq_desktop.services.records import duplicates
from antq_desktop.services.records import writes as records

from .conftest import Commune, merge, trust


def _household(commune: Commune, area_name: str, head: str, citizen_id: str) -> None:
    area = records.create(commune.store, "residential_area", {"name": area_name, "kind": "thon"}, actor=ACTOR)
    records.create(commune.store, "household", {"area_id": area, "head_name": head, "citizen_id": citizen_id},
                   actor=ACTOR)


def _merged(upper_sqlite, commune: Commune, commune2: Commune) -> None:
    _household(commune, "Thôn Một", "Nguyễn Văn An", "001203004567")
    _household(commune, "Thôn Hai", "Lê Văn Cường", "001203009999")
    _household(commune2, "Tổ 1", "Nguyễn Văn An", "001 203 004 567")
    for c in (commune, commune2):
        trust(upper_sqlite, c)
        (result,) = merge(upper_sqlite, c.export(upper_sqlite))
        assert result.status == "merged", result


def test_an_id_in_two_communes_is_listed_for_review(upper_sqlite, commune: Commune, commune2: Commune) -> None:
    assert duplicates.cross_commune_citizen_ids(upper_sqlite) == []
    _merged(upper_sqlite, commune, commune2)
    (found,) = duplicates.cross_commune_citizen_ids(upper_sqlite)
    assert found.citizen_id == "********4567" and found.units == ("00004", "00277") and found.households == 2
    assert "Ba Đình" in found.unit_names[0]


def test_cli_office_duplicate_ids(upper_sqlite, commune: Commune, commune2: Commune) -> None:
    _merged(upper_sqlite, commune, commune2)
    url = str(upper_sqlite.url)
    upper_sqlite.close()

    def antq(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", url.removeprefix("sqlite:///"),
                               *args], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                              env={**__import__("os").environ, "ANTQ_PASSWORD": PASSWORD})

    text = antq("office", "duplicate-ids")
    assert text.returncode == 0, text.stderr
    assert "********4567" in text.stdout and "00004" in text.stdout and "00277" in text.stdout
    assert "không phải lỗi" in text.stdout and "9999" not in text.stdout
    doc = json.loads(antq("office", "duplicate-ids", "--json").stdout)
    assert doc == [{"citizen_id": "********4567", "households": 2, "units": ["00004", "00277"],
                    "unit_names": doc[0]["unit_names"]}]
