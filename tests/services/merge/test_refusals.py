"""Every refusal leaves the store exactly as before, but for one ImportAttempt row and its audit entry."""

from __future__ import annotations

import unicodedata
import uuid
from pathlib import Path

import pytest
from tests.conftest import ACTOR

from antq_desktop.exchange.keys import read_public_key_file
from antq_desktop.services import demo
from antq_desktop.services.keys import registry as keys

from .conftest import Commune, assert_only_logged, dump, make_upper, merge, trust


@pytest.fixture
def ready(upper, commune: Commune):  # type: ignore[no-untyped-def]
    demo.generate(commune.store, households=30, seed=11)
    trust(upper, commune)
    return upper, commune


def refused(upper, path: Path, code: str | set[str], **kw) -> None:  # type: ignore[no-untyped-def]
    before = dump(upper)
    (result,) = merge(upper, path, **kw)
    codes = {code} if isinstance(code, str) else code
    assert result.status == "refused" and result.code in codes, (result.code, result.message)
    assert result.message and "\n" not in result.message
    assert_only_logged(before, dump(upper))


def test_replay_of_an_older_package(ready) -> None:  # type: ignore[no-untyped-def]
    upper, commune = ready
    first = commune.export(upper)
    second = commune.export(upper)
    assert merge(upper, second)[0].status == "merged"
    refused(upper, first, "REPLAY")


def test_sequence_jump(ready) -> None:  # type: ignore[no-untyped-def]
    upper, commune = ready
    refused(upper, commune.export(upper, sequence=50_000), "SEQUENCE_JUMP")


def test_untrusted_and_revoked(upper, commune: Commune) -> None:
    demo.generate(commune.store, households=10, seed=12)
    path = commune.export(upper)
    refused(upper, path, "UNKNOWN_KEY")
    trust(upper, commune)
    fingerprint = read_public_key_file(commune.key_file()).fingerprint
    with upper.session() as session:
        keys.trust_revoke(session, fingerprint, actor=ACTOR, reason="mất máy")
    refused(upper, path, "REVOKED_KEY")


def test_wrong_recipient(ready, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    upper, commune = ready
    other = make_upper(str(tmp_path / "other-office.sqlite3"))
    from .conftest import upper_record
    path = commune.export(upper, recipient=upper_record(other), name="for-other.antq")
    other.close()
    refused(upper, path, "WRONG_RECIPIENT")


def test_signer_mismatch_and_foreign_records(ready, commune2: Commune) -> None:  # type: ignore[no-untyped-def]
    upper, commune = ready
    trust(upper, commune2)
    # commune 2 signs a package claiming to come from commune 1
    with commune2.store.session_factory() as session:
        blob2 = keys.active_blob(session)
    refused(upper, commune.export(upper, signer_blob=blob2, name="forged.antq", advance=False), "SIGNER_MISMATCH")
    # commune 2 sends commune 1's records under its own name
    foreign = commune.records(0)
    refused(upper, commune2.export(upper, records=foreign, name="foreign.antq"), "SIGNER_MISMATCH")


def test_spliced_tampered_truncated(ready, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    upper, commune = ready
    a = commune.export(upper, name="a.antq", advance=False).read_bytes()
    b = commune.export(upper, name="b.antq", advance=False).read_bytes()
    head_len = 14 + int.from_bytes(a[10:14], "big")
    spliced = tmp_path / "spliced.antq"
    spliced.write_bytes(a[:head_len] + b[14 + int.from_bytes(b[10:14], "big"):])
    refused(upper, spliced, {"BAD_SIGNATURE", "MALFORMED", "TRUNCATED"})
    flipped = tmp_path / "flipped.antq"
    flipped.write_bytes(a[:-100] + bytes([a[-100] ^ 1]) + a[-99:])
    refused(upper, flipped, "BAD_SIGNATURE")
    cut = tmp_path / "cut.antq"
    cut.write_bytes(a[:len(a) // 2])
    refused(upper, cut, "TRUNCATED")


def test_reference_to_unknown_area(ready) -> None:  # type: ignore[no-untyped-def]
    upper, commune = ready
    rows = [r for r in commune.records(0) if r["type"] != "residential_area"]
    refused(upper, commune.export(upper, records=rows, name="no-areas.antq"), "VALIDATION_ERROR")
    rows = commune.records(0)
    household = next(r for r in rows if r["type"] == "household")
    household["area_id"] = str(uuid.uuid4())
    refused(upper, commune.export(upper, records=rows, name="unknown-area.antq"), "VALIDATION_ERROR")


def test_unknown_fields_types_and_bad_shapes(ready) -> None:  # type: ignore[no-untyped-def]
    upper, commune = ready
    for change in ({"type": "secret_table"}, {"extra": 1}, {"revision": 0}, {"deleted": "no"},
                   {"updated_at": "2026-13-01T00:00:00Z"}, {"id": "not-a-uuid"}):
        rows = commune.records(0)
        rows[5] = {**rows[5], **change}
        refused(upper, commune.export(upper, records=rows, name="bad.antq", advance=False), "VALIDATION_ERROR")


def test_one_bad_record_among_ten_thousand(upper_sqlite, tmp_path: Path) -> None:
    from .conftest import new_commune
    commune = new_commune(tmp_path, "00004", "Phường Ba Đình")
    demo.generate(commune.store, households=5200, seed=13)
    trust(upper_sqlite, commune)
    rows = commune.records(0)
    assert len(rows) >= 10_000
    households = [i for i, r in enumerate(rows) if r["type"] == "household"]
    rows[households[len(households) // 2]]["citizen_id"] = "123"
    refused(upper_sqlite, commune.export(upper_sqlite, records=rows, name="one-bad.antq"), "VALIDATION_ERROR")
    commune.store.close()


def test_nfd_names_stored_nfc_without_duplicates(ready) -> None:  # type: ignore[no-untyped-def]
    upper, commune = ready
    rows = commune.records(0)
    for r in rows:
        if r["type"] == "household":
            r["head_name"] = unicodedata.normalize("NFD", r["head_name"])
    assert merge(upper, commune.export(upper, records=rows))[0].status == "merged"
    (again,) = merge(upper, commune.export(upper))  # the same records written NFC, a later package
    assert again.status == "merged"
    assert again.counts["household"]["unchanged"] > 0 and again.counts["household"]["conflict"] == 0
    assert again.counts["household"]["new"] == 0
