"""A demo commune store shared by the forms tests (read-only use), plus PDF helpers."""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import make_store

from antq_desktop.services import demo
from antq_desktop.services.records import writes as records
from antq_desktop.services.records.queries import ListQuery, list_rows
from antq_desktop.storage.db import Store

# Last year, "today" in December: every assessment is submitted, the demo is the same on any day.
YEAR = date.today().year - 1
COVENANTS = 3


def fill_demo(store: Store, households: int = 300, seed: int = 1) -> Store:
    demo.generate(store, households=households, seed=seed, year=YEAR, today=date(YEAR, 12, 20))
    return store


def add_covenants(store: Store, count: int = COVENANTS) -> list[str]:
    """Sign covenants for the first in-scope organisations that `antq demo` left without one (the demo
    signs most organisations' covenants since issue 15 point 9; these tests want the first `count`)."""
    orgs = list_rows(store, "organization", ListQuery(filters={"in_scope": True}), limit=count)
    signed = {p["organization_id"] for p in list_rows(
        store, "pledge", ListQuery(year=YEAR, filters={"signer_kind": "organization"}), limit=10_000)}
    return [records.create(store, "pledge", {"signer_kind": "organization", "organization_id": o["id"],
                                             "template_code": "covenant", "year": YEAR,
                                             "signed_on": date(YEAR, 3, 2), "status": "signed"}, actor="admin")
            for o in orgs if o["id"] not in signed]


@pytest.fixture(scope="module")
def forms_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = fill_demo(make_store(tmp_path_factory.mktemp("forms") / "commune.sqlite3"))
    add_covenants(store)
    yield store
    store.close()


def first_area(store: Store) -> dict:
    return list_rows(store, "residential_area", limit=1)[0]
