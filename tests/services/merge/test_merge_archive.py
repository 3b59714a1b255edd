"""The merge keeps a byte-identical copy of every merged package (for forwarding), and only of merged ones."""

from __future__ import annotations

from pathlib import Path

from tests.services.conftest import Commune
from tests.services.merge.conftest import merge, trust

from antq_desktop.services import demo
from antq_desktop.services.merge import archive as merge_archive


def test_merged_package_is_kept_refused_and_previews_are_not(office, commune_a: Commune) -> None:
    demo.generate(commune_a.store, households=5, seed=4)
    path = commune_a.export(office)
    (refused,) = merge(office, path)  # the commune's key is not trusted yet
    assert refused.status == "refused" and not list(merge_archive.archive_dir(office).glob("*.antq"))
    trust(office, commune_a)
    (preview,) = merge(office, path, dry_run=True)
    assert preview.status == "dry_run"
    assert not merge_archive.archived_path(office, preview.package_uuid or "").exists()
    (merged,) = merge(office, path)
    assert merged.status == "merged"
    kept = merge_archive.archived_path(office, merged.package_uuid or "")
    assert kept.read_bytes() == Path(path).read_bytes()
    assert [p.name for p in merge_archive.archive_dir(office).iterdir()] == [kept.name]  # no .part left
