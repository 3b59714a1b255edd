"""The merge keeps a byte-identical copy of every merged package (for forwarding), only of merged ones, once
per package id, in the database; a producer's later full package supersedes its earlier copies."""

from __future__ import annotations

from pathlib import Path

from tests.services.conftest import Commune
from tests.services.merge.conftest import archived, blob_bytes, blob_count, merge, trust

from antq_desktop.services import demo
from antq_desktop.services.records import writes as records


def test_merged_package_is_kept_refused_and_previews_are_not(office, commune_a: Commune) -> None:
    demo.generate(commune_a.store, households=5, seed=4)
    path = commune_a.export(office)
    (refused,) = merge(office, path)  # the commune's key is not trusted yet
    assert refused.status == "refused" and archived(office) == {} and blob_count(office) == 0
    trust(office, commune_a)
    (preview,) = merge(office, path, dry_run=True)
    assert preview.status == "dry_run" and archived(office) == {}
    (merged,) = merge(office, path)
    assert merged.status == "merged"
    (kept,) = archived(office).values()
    assert kept.package_uuid == merged.package_uuid and kept.file_sha256 == merged.file_sha256
    assert blob_bytes(office, kept.blob_id) == Path(path).read_bytes()
    assert not (Path(path).parent / "merged-packages").exists()  # no copy in a data folder any more
    assert merge(office, path)[0].status == "duplicate"
    assert list(archived(office)) == [merged.package_uuid] and blob_count(office) == 1  # one copy per package id


def test_a_later_full_package_supersedes_the_earlier_copies(office, commune_a: Commune) -> None:
    """Retention: the archive holds, per producer, its newest full package and what followed it."""
    demo.generate(commune_a.store, households=5, seed=5)
    trust(office, commune_a)
    first = commune_a.export(office)
    records.create(commune_a.store, "residential_area", {"name": "Tổ dân phố 9"}, actor="admin")
    second = commune_a.export(office, "incremental")
    assert [r.status for r in merge(office, first, second)] == ["merged", "merged"]
    assert len(archived(office)) == 2
    third = commune_a.export(office)  # full package 3
    records.create(commune_a.store, "residential_area", {"name": "Tổ dân phố 10"}, actor="admin")
    fourth = commune_a.export(office, "incremental")
    results = merge(office, third, fourth)
    assert [r.status for r in results] == ["merged", "merged"]
    assert sorted(row.sequence for row in archived(office).values()) == [3, 4]
    assert blob_count(office) == 2  # the superseded copies' bytes are gone too
    assert {blob_bytes(office, row.blob_id) for row in archived(office).values()} == \
        {third.read_bytes(), fourth.read_bytes()}
