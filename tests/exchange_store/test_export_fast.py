"""Issue 18, point 3: the export reads plain rows through each model's compiled shape and its audit links
from plain columns; what the package carries is exactly what the row-mapping path gave before."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from tests.conftest import PASSWORD
from tests.exchange_store.test_export import ACTOR, _export, _some, all_canonical, read_back

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import AUDIT_TYPES
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.records import writes as records
from antq_desktop.storage import audit
from antq_desktop.storage.canonical import canonical_record, record_shape
from antq_desktop.storage.models import SYNCED_MODELS, AuditEntry, Household, HouseholdMember, Pledge


def test_every_row_through_its_compiled_shape_is_the_canonical_record(pair):
    records.delete(pair.commune, "pledge", _some(pair, Pledge), actor=ACTOR)
    seen = 0
    with pair.commune.session_factory() as session:
        for model in SYNCED_MODELS:
            table, shape = model.__table__, record_shape(model)
            mappings = session.execute(select(table).order_by(table.c.id)).mappings().all()
            rows = session.execute(select(*shape.columns).order_by(table.c.id)).all()
            assert [shape.record(row) for row in rows] == [canonical_record(model, m) for m in mappings]
            seen += len(rows)
    assert seen > 300


def test_an_unset_optional_column_is_left_out_as_before(pair):
    with pair.commune.session() as session:  # one household moved away (left_on set), the others not
        session.execute(Household.__table__.update().where(Household.id == _some(pair, Household))
                        .values(left_on=date(2026, 3, 1)))
    shape = record_shape(Household)
    assert "left_on" in shape.optional
    with pair.commune.session_factory() as session:
        mappings = session.execute(select(Household.__table__).order_by(Household.id)).mappings().all()
        rows = session.execute(select(*shape.columns).order_by(Household.id)).all()
    made = [shape.record(row) for row in rows]
    assert made == [canonical_record(Household, m) for m in mappings]
    assert sum("left_on" in r for r in made) == sum(m["left_on"] is not None for m in mappings) >= 1
    assert any("left_on" not in r for r in made)


def _read_all(pair, path):
    with pair.office.session_factory() as session:
        lookup, blob = keys.trusted_lookup(session), keys.active_blob(session)
        mine = keys.own_receiving_key_id(session)
    package = package_reader.verify(path, lookup, my_receiving_key_id=mine)
    with KeyStore.unlock(blob, PASSWORD) as unlocked:
        return list(package_reader.iter_records(package, unlocked))


@pytest.mark.parametrize("exclude", [False, True])
def test_the_package_carries_the_same_records_and_audit_links_as_before(pair, exclude):
    records.delete(pair.commune, "pledge", _some(pair, Pledge), actor=ACTOR)
    with pair.commune.session_factory() as session:  # the links as whole ORM entries gave them
        links = [{"type": "audit_link", **audit.entry_link(e)}
                 for e in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()]
    result = _export(pair, "same.antq", kind="full", exclude_citizen_ids=exclude)
    _package, got = read_back(pair, result.path)
    expected = all_canonical(pair.commune)
    if exclude:
        for record in expected:
            if record["type"] in (Household.RECORD_TYPE, HouseholdMember.RECORD_TYPE):
                record["citizen_id"] = None
    assert got == expected
    carried = [r for r in _read_all(pair, result.path) if r["type"] in AUDIT_TYPES and r["type"] != "audit_base"]
    assert carried == links[:len(carried)] and len(carried) >= len(links) - 1  # the export's own entry comes after
