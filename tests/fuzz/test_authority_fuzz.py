"""Fuzzing authority (issue 12): validly SIGNED packages whose content oversteps the sender's rights.

Unlike test_merge_fuzz.py (damaged bytes), every package here is well-formed and correctly signed
by a trusted key; hypothesis changes only who the records belong to, what they reference, or who
claims to send them: origin_unit swapped to another known unit, a reference column re-pointed at
another unit's record, the producer set to the office's own code (or a look-alike spelling of it:
another case, letter O for zero, l for one); each live or as a tombstone,
as an update or as a new record. Every one must be refused with the store unchanged
(tests/security/store_state.py). Keys are unlocked once per module so an example costs one merge.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import ACTOR, PASSWORD, make_store
from tests.security.store_state import assert_unchanged, capture
from tests.security.test_authority_records import impostor, plant_key
from tests.services.conftest import office_plan
from tests.services.merge.conftest import Commune, make_upper, merge, trust, upper_record

from antq_desktop.exchange.keys import b64encode
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import Producer
from antq_desktop.exchange.package_writer import PackageMeta, write_package
from antq_desktop.services import demo
from antq_desktop.services.authority.table import REFERENCE_COLUMNS
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.merge.run import merge_packages
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import KnownKey

A, B, OFFICE = "00004", "00277", "CUM-01"
LOOK_ALIKES = ("cum-01", "CUM-O1", "Cum-0l")  # the office's code in another case, letter O for 0, l for 1
# Each example is a real merge: a short run in `make test`, the profile's count under `make fuzz`.
EXAMPLES = 40 if os.environ.get("ANTQ_FUZZ_PROFILE", "ci") == "ci" else settings().max_examples


def _unlocked(store: Store) -> Any:
    with store.session_factory() as session:
        return KeyStore.unlock(keys.active_blob(session), PASSWORD)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Office CUM-01 (with its plan) that merged communes 00004 and 00277; an impostor key for CUM-01."""
    root = tmp_path_factory.mktemp("authority-fuzz")
    office = make_upper(str(root / "office.sqlite3"))
    office_plan(office)
    units = {}
    for seed, (code, name) in enumerate(((A, "Phường Ba Đình"), (B, "Phường Bạch Mai")), start=1):
        (root / code).mkdir()
        units[code] = Commune(make_store(root / code / "commune.sqlite3", code), code, name, root / code)
        demo.generate(units[code].store, households=5, seed=seed)
        trust(office, units[code])
        assert [r.status for r in merge(office, units[code].export(office))] == ["merged"]
    fake = impostor(root / "fake", "district", OFFICE, "Cụm công an khu vực 1")
    plant_key(office, fake, "district")
    everyone = Commune(office, OFFICE, "", root).records(0) + units[A].records(0) + units[B].records(0)
    signers = {A: _unlocked(units[A].store), OFFICE: _unlocked(fake.store)}
    for code in LOOK_ALIKES:  # keys planted under spellings of the office's own code (trust add refuses them)
        blob, public = keys.KEYSTORE.create(PASSWORD)
        with office.session() as session:
            session.add(KnownKey(key_id=public.signing_key_id, unit_code=code, unit_name="Giả", role="district",
                                 signing_public=b64encode(public.signing_public),
                                 receiving_public=b64encode(public.receiving_public), fingerprint=public.fingerprint,
                                 source="enrolled", enrolled_by=ACTOR, is_trusted=True))
        signers[code] = KeyStore.unlock(blob, PASSWORD)
    with _unlocked(office) as office_keys:
        yield {"office": office, "keys": office_keys, "signers": signers, "records": everyone,
               "recipient": upper_record(office), "root": root}
    for unit in (*units.values(), fake):
        unit.store.close()
    for signer in signers.values():
        signer.close()
    office.close()


def _mutate(world: dict[str, Any], pick: int, how: str, other: int, tombstone: bool, new_id: bool) -> tuple[str, dict]:
    """(producer, record): one of 00004's records with one authority violation."""
    own = [r for r in world["records"] if r["origin_unit"] == A]
    record = dict(own[pick % len(own)])
    producer = A
    if how == "origin":
        record["origin_unit"] = (B, OFFICE)[other % 2]
    elif how == "producer":
        record["origin_unit"] = producer = (OFFICE, *LOOK_ALIKES)[other % (1 + len(LOOK_ALIKES))]
    else:
        columns = [c for c in REFERENCE_COLUMNS if record.get(c)] or [None]
        column = columns[other % len(columns)]
        if column is None:  # a record without references: swap its origin instead
            record["origin_unit"] = B
        else:
            foreign = [r["id"] for r in world["records"]
                       if r["type"] == REFERENCE_COLUMNS[column] and r["origin_unit"] != A]
            record[column] = foreign[other % len(foreign)]
    record["deleted"] = tombstone or record["deleted"]
    if new_id:
        record["id"], record["revision"] = str(uuid.uuid4()), 1
    else:
        record["revision"] += 1
    return producer, record


@settings(max_examples=EXAMPLES)
@given(pick=st.integers(0, 10_000), how=st.sampled_from(["origin", "reference", "producer"]),
       other=st.integers(0, 10_000), tombstone=st.booleans(), new_id=st.booleans())
def test_authority_mutations_are_refused(world: dict[str, Any], tmp_path: Path, pick: int, how: str, other: int,
                                         tombstone: bool, new_id: bool) -> None:
    producer, record = _mutate(world, pick, how, other, tombstone, new_id)
    path = tmp_path / f"{uuid.uuid4()}.antq"
    meta = PackageMeta(Producer(producer, "Đơn vị gửi", "commune"), 2, "full", "2026", "0.1.0", "1")
    write_package(path, [record], meta, world["signers"][producer], world["recipient"])
    before = capture(world["office"])
    (result,) = merge_packages(world["office"], [path], actor=ACTOR, keys=world["keys"])
    assert result.status == "refused", (how, record, result.message)
    assert result.code in ("SIGNER_MISMATCH", "NOT_AUTHORISED", "OWN_UNIT"), (result.code, result.message)
    if how == "producer":  # the office's own code in any spelling: refused for that, before anything else
        assert result.code == "OWN_UNIT", (producer, result.code, result.message)
    assert_unchanged(world["office"], before)
