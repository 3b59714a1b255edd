"""Receipts: the office signs what it merged; the commune accepts only a genuine, matching receipt."""

from __future__ import annotations

import json

import pytest
from tests.conftest import PASSWORD
from tests.exchange_store.conftest import connect, make_office
from tests.exchange_store.merging import merge

from antq_desktop.exchange.package_reader import inspect
from antq_desktop.exchange.strict_json import canonical_dumps
from antq_desktop.services.export import build as export
from antq_desktop.services.export import receipt
from antq_desktop.services.merge import import_log
from antq_desktop.services.records import writes as records
from antq_desktop.storage.models import ExportRecord

ACTOR = "admin"


def _exported_and_merged(pair, name="p.antq", kind="full"):
    result = export.export_package(pair.commune, pair.tmp / name, password=PASSWORD, actor=ACTOR, kind=kind)
    merge(pair.office, result.path)
    return result


def test_receipt_round_trip_marks_the_export(pair):
    result = _exported_and_merged(pair)
    data = receipt.issue_receipt(pair.office, [result.package_uuid], password=PASSWORD, actor=ACTOR)
    document = json.loads(data)
    assert document["units"]["00070"]["counts"]["households"] == 60
    check = receipt.verify_receipt(pair.commune, data, actor=ACTOR)
    assert check.matches == "current" and check.marked == [1]
    with pair.commune.session_factory() as session:
        assert session.get(ExportRecord, result.package_uuid).receipt_verified_at is not None
    assert export.history(pair.commune)[0].receipt_verified_at is not None


def test_receipt_after_later_changes_names_the_export_it_matches(pair):
    result = _exported_and_merged(pair)
    data = receipt.issue_receipt(pair.office, [result.package_uuid], password=PASSWORD, actor=ACTOR)
    records.update(pair.commune, "residential_area", _first_area(pair), {"note": "sửa sau khi gửi"}, actor=ACTOR)
    check = receipt.verify_receipt(pair.commune, data, actor=ACTOR)
    assert (check.matches, check.matched_sequence) == ("export", 1)


def _first_area(pair):
    from sqlalchemy import select

    from antq_desktop.storage.models import ResidentialArea
    with pair.commune.session_factory() as session:
        return session.execute(select(ResidentialArea.id).order_by(ResidentialArea.id).limit(1)).scalar_one()


def _forge(data: bytes, change) -> bytes:
    document = json.loads(data)
    change(document)
    return canonical_dumps(document) + b"\n"


def test_forged_receipts_are_refused(pair):
    result = _exported_and_merged(pair)
    data = receipt.issue_receipt(pair.office, [result.package_uuid], password=PASSWORD, actor=ACTOR)

    def other_digest(d):
        d["units"]["00070"]["digest"] = "0" * 64
    with pytest.raises(receipt.ReceiptError) as tampered:
        receipt.verify_receipt(pair.commune, _forge(data, other_digest), actor=ACTOR)
    assert tampered.value.code == "BAD_SIGNATURE"
    stranger = make_office(pair.tmp / "stranger.sqlite3")
    with stranger.session() as session:  # a second office signs a receipt; the commune never imported its key
        import_log.log_attempt(session, actor=ACTOR, path=result.path, result="merged",
                               file_sha256_hex=result.package_sha256, header=inspect(result.path))
    forged = receipt.issue_receipt(stranger, [result.package_uuid], password=PASSWORD, actor=ACTOR)
    with pytest.raises(receipt.ReceiptError) as unknown:
        receipt.verify_receipt(pair.commune, forged, actor=ACTOR)
    assert unknown.value.code == "UNKNOWN_KEY"
    with pytest.raises(receipt.ReceiptError) as garbage:
        receipt.verify_receipt(pair.commune, b"{}", actor=ACTOR)
    assert garbage.value.code == "MALFORMED"
    with pair.commune.session_factory() as session:
        assert session.get(ExportRecord, result.package_uuid).receipt_verified_at is None
    stranger.close()


def test_receipt_with_a_different_digest_is_a_mismatch(pair, tmp_path):
    result = export.export_package(pair.commune, pair.tmp / "p.antq", password=PASSWORD, actor=ACTOR, kind="full")
    # The office merged nothing but logs the package as merged: its digest for 00070 is the empty one.
    with pair.office.session() as session:
        import_log.log_attempt(session, actor=ACTOR, path=result.path, result="merged", header=inspect(result.path),
                               file_sha256_hex=result.package_sha256)
    data = receipt.issue_receipt(pair.office, [result.package_uuid], password=PASSWORD, actor=ACTOR)
    with pytest.raises(receipt.ReceiptError) as mismatch:
        receipt.verify_receipt(pair.commune, data, actor=ACTOR)
    assert mismatch.value.code == "DIGEST_MISMATCH" and "antq export --full" in mismatch.value.message


def test_receipt_for_an_unmerged_package_is_refused(pair):
    with pytest.raises(receipt.ReceiptError) as refused:
        receipt.issue_receipt(pair.office, ["7d8c1e7c-0000-4000-8000-000000000000"], password=PASSWORD, actor=ACTOR)
    assert refused.value.code == "NOT_MERGED"


def test_receipt_for_another_commune_is_refused(pair, tmp_path):
    from tests.conftest import make_store
    other = make_store(tmp_path / "other.sqlite3", unit_code="00073")
    connect(other, pair.office)
    result = _exported_and_merged(pair)
    data = receipt.issue_receipt(pair.office, [result.package_uuid], password=PASSWORD, actor=ACTOR)
    with pytest.raises(receipt.ReceiptError) as refused:
        receipt.verify_receipt(other, data, actor=ACTOR)
    assert refused.value.code == "NOT_FOR_THIS_UNIT"
    other.close()


def test_receipt_matches_an_export_without_citizen_ids(pair):
    result = export.export_package(pair.commune, pair.tmp / "x.antq", password=PASSWORD, actor=ACTOR, kind="full",
                                   exclude_citizen_ids=True)
    merge(pair.office, result.path)
    data = receipt.issue_receipt(pair.office, [result.package_uuid], password=PASSWORD, actor=ACTOR)
    check = receipt.verify_receipt(pair.commune, data, actor=ACTOR)
    assert (check.matches, check.matched_sequence) == ("export", 1)  # the office never saw the ids


def _expected_of_export(pair, sequence: int) -> dict:
    from sqlalchemy import select

    from antq_desktop.storage.models import AuditEntry
    with pair.commune.session_factory() as session:
        rows = session.execute(select(AuditEntry.details).where(AuditEntry.action == "export")).scalars()
        details = [json.loads(d) if isinstance(d, str) else d for d in rows]
    return next(d["expected"] for d in details if d["sequence"] == sequence)


def _two_pass_digest(pair, exclude: bool) -> str:
    """The receipt digest read from the store apart (what the export computed before issue 18)."""
    from antq_desktop.services.office.stats import iter_live_records
    from antq_desktop.storage.canonical import digest_records

    def stripped(record):
        if exclude and record["type"] in ("household", "household_member"):
            record["citizen_id"] = None
        return record

    with pair.commune.session_factory() as session:
        return digest_records(stripped(r) for r in iter_live_records(session, "00070"))


@pytest.mark.parametrize("exclude", [False, True])
def test_expected_digest_taken_while_writing_equals_a_read_of_the_live_records(pair, exclude):
    """A full export takes the digest from the records it streams (one pass): tombstones in the stream
    must not enter it, and without citizen ids it is the stripped records' digest."""
    records.delete(pair.commune, "household_member", _first_member(pair), actor=ACTOR)  # a tombstone mid-stream
    export.export_package(pair.commune, pair.tmp / "a.antq", password=PASSWORD, actor=ACTOR, kind="full",
                          exclude_citizen_ids=exclude)
    assert _expected_of_export(pair, 1)["digest"] == _two_pass_digest(pair, exclude)
    records.update(pair.commune, "residential_area", _first_area(pair), {"note": "sau"}, actor=ACTOR)
    export.export_package(pair.commune, pair.tmp / "b.antq", password=PASSWORD, actor=ACTOR, kind="incremental",
                          exclude_citizen_ids=exclude)
    assert _expected_of_export(pair, 2)["digest"] == _two_pass_digest(pair, exclude)


def _first_member(pair):
    from sqlalchemy import select

    from antq_desktop.storage.models import HouseholdMember
    with pair.commune.session_factory() as session:
        return session.execute(select(HouseholdMember.id).order_by(HouseholdMember.id).limit(1)).scalar_one()
