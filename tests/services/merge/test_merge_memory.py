"""A finished package leaves nothing of its own behind (issue 18: memory flat in the number of packages).

The ids a package proved (incoming._PackageIds) once sat in a reference cycle with the session's
transaction, so every finished package's id sets stayed alive until a full garbage collection: the
province round's merge grew from 253 MiB at 10 packages to 590 MiB at 100."""

from __future__ import annotations

import gc

from antq_desktop.services import demo
from antq_desktop.services.merge import incoming

from .conftest import Commune, merge, trust


def _alive() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, incoming._PackageIds))


def test_a_merged_package_keeps_no_id_sets_without_a_garbage_collection(upper_sqlite, commune: Commune) -> None:
    demo.generate(commune.store, households=40, seed=5)
    trust(upper_sqlite, commune)
    package = commune.export(upper_sqlite)
    gc.collect()
    gc.disable()  # what a long merge sees between two full collections: only reference counting frees
    try:
        (result,) = merge(upper_sqlite, package)
        assert result.status == "merged", result.message
        assert _alive() == 0
    finally:
        gc.enable()
