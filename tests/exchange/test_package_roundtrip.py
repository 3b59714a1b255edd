from __future__ import annotations

import threading
import unicodedata
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.keys import TrustedKey
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_reader import (
    Limits,
    inspect,
    iter_records,
    read_package,
    verify,
)
from antq_desktop.exchange.package_writer import write_package

from .conftest import PASSWORD, Unit, meta_for, read_all, sample_records, write_sample


def _code(excinfo: pytest.ExceptionInfo[PackageError]) -> str:
    return excinfo.value.code


def test_round_trip_10000_records_encrypted(tmp_path: Path, commune: Unit, district: Unit,
                                            lookup: Any) -> None:  # fmt: skip
    path = tmp_path / "a.antq"
    calls: list[tuple[float | int, str]] = []
    with commune.unlock() as keys:
        result = write_package(path, sample_records(10_000), meta_for(commune), keys,
                               district.record, total_records=10_000,
                               progress=lambda v, m: calls.append((v, m)))  # fmt: skip
    assert result.header.record_counts == {"household": 2500, "organization": 2500,
                                           "pledge": 2500, "residential_area": 2500}  # fmt: skip
    assert result.file_size == path.stat().st_size
    assert list(tmp_path.iterdir()) == [path]  # no temp files left
    fractions = [v for v, _ in calls if isinstance(v, float)]
    assert fractions == sorted(fractions) and all(0 <= f <= 1 for f in fractions)
    assert all(isinstance(m, str) and m for _, m in calls)

    records = read_all(path, lookup, district)
    assert records == list(sample_records(10_000))
    package = verify(path, lookup)
    assert package.package_sha256 == result.package_sha256
    assert package.header.encrypted and package.header.recipient_key_id == (district.record.receiving_key_id)


def test_unencrypted_only_when_asked(tmp_path: Path, commune: Unit, lookup: Any) -> None:
    path = tmp_path / "plain.antq"
    result = write_sample(path, commune, None, n=100)
    header = inspect(path)
    assert header.encrypted is False and header.recipient_key_id is None
    assert header.wrapped_key is None and header.chunk_size is None
    assert read_all(path, lookup, None) == list(sample_records(100))
    assert result.header == header
    with commune.unlock() as keys, pytest.raises(PackageError) as info:
        write_package(tmp_path / "x.antq", sample_records(1), meta_for(commune), keys, None)
    assert _code(info) == "NO_RECIPIENT"
    assert not (tmp_path / "x.antq").exists()


def test_inspect_reads_header_only(tmp_path: Path, commune: Unit, district: Unit) -> None:
    path = tmp_path / "a.antq"
    write_sample(path, commune, district, n=10)
    header = inspect(path)
    assert header.producer == commune.producer
    assert header.total_records == 10 and header.kind == "full" and header.sequence == 1


def test_wrong_password(commune: Unit) -> None:
    with pytest.raises(PackageError) as info:
        KeyStore.unlock(commune.blob, PASSWORD + "!")
    assert _code(info) == "BAD_PASSWORD"


def test_wrong_recipient(tmp_path: Path, commune: Unit, district: Unit, other_commune: Unit,
                         lookup: Any) -> None:  # fmt: skip
    path = tmp_path / "a.antq"
    write_sample(path, commune, district)
    with pytest.raises(PackageError) as info:
        read_all(path, lookup, other_commune)
    assert _code(info) == "WRONG_RECIPIENT"
    package = verify(path, lookup)  # verification alone does not need the receiving key
    with other_commune.unlock() as keys, pytest.raises(PackageError) as info:
        list(iter_records(package, keys))
    assert _code(info) == "WRONG_RECIPIENT"
    with pytest.raises(PackageError) as info:
        list(iter_records(package, None))
    assert _code(info) == "NO_RECIPIENT"


def test_unknown_revoked_and_mismatched_signer(tmp_path: Path, commune: Unit, district: Unit,
                                               other_commune: Unit) -> None:  # fmt: skip
    path = tmp_path / "a.antq"
    write_sample(path, commune, district)
    with pytest.raises(PackageError) as info:
        verify(path, {other_commune.record.signing_key_id: other_commune.trusted}.get)
    assert _code(info) == "UNKNOWN_KEY"
    revoked = replace(commune.trusted, revoked=True)
    with pytest.raises(PackageError) as info:
        verify(path, {revoked.key_id: revoked}.get)
    assert _code(info) == "REVOKED_KEY"
    # The key is known, but registered to another unit than the header claims.
    moved = TrustedKey(commune.record.signing_key_id, "00007", commune.record.signing_public)
    with pytest.raises(PackageError) as info:
        verify(path, {moved.key_id: moved}.get)
    assert _code(info) == "SIGNER_MISMATCH"
    # A lookup that answers with the wrong key's public bytes gives a bad signature.
    wrong = TrustedKey(commune.record.signing_key_id, "00004", other_commune.record.signing_public)
    with pytest.raises(PackageError) as info:
        verify(path, {wrong.key_id: wrong}.get)
    assert _code(info) == "BAD_SIGNATURE"


def test_writer_normalises_and_validates_text(tmp_path: Path, commune: Unit, lookup: Any) -> None:
    nfd = unicodedata.normalize("NFD", "Trần Thị Thủy")
    record = {"type": "household", "id": str(uuid.uuid4()), "name": nfd}
    with commune.unlock() as keys:
        write_package(tmp_path / "a.antq", [record], meta_for(commune), keys, encrypted=False)
        for bad in ({"type": "household", "name": "a\u202eb"}, {"type": "household", "x": "\u200b"},
                    {"type": "manifest"}, {"type": "Bad Type"}, {"name": "no type"},
                    {"type": "household", "x": float("nan")}, {"type": "household", "x": object()},
                    {"type": "household", "x": 2**60}):  # fmt: skip
            with pytest.raises(PackageError) as info:
                write_package(tmp_path / "b.antq", [bad], meta_for(commune), keys, encrypted=False)
            assert _code(info) == "VALIDATION_ERROR", bad
    assert read_all(tmp_path / "a.antq", lookup, None)[0]["name"] == "Trần Thị Thủy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.antq"]


def test_meta_validation(tmp_path: Path, commune: Unit) -> None:
    with commune.unlock() as keys:
        for changes in ({"kind": "partial"}, {"sequence": 0}, {"kind": "incremental"},
                        {"previous_package_sha256": "ABC"}, {"period": ""},
                        {"period": "x" * 65}, {"package_id": "not-a-uuid"},
                        {"created_at": "2026-02-30T00:00:00Z"}):  # fmt: skip
            with pytest.raises(PackageError) as info:
                write_package(tmp_path / "a.antq", [], meta_for(commune, **changes), keys,
                              encrypted=False)  # fmt: skip
            assert _code(info) == "VALIDATION_ERROR", changes
    assert list(tmp_path.iterdir()) == []


def test_incremental_and_empty_packages(tmp_path: Path, commune: Unit, district: Unit,
                                        lookup: Any) -> None:  # fmt: skip
    first = write_sample(tmp_path / "1.antq", commune, district, n=0)
    assert read_all(tmp_path / "1.antq", lookup, district) == []
    meta = meta_for(commune, kind="incremental", sequence=2,
                    previous_package_sha256=first.package_sha256, audit_head="chain:abc")  # fmt: skip
    with commune.unlock() as keys:
        write_package(tmp_path / "2.antq", sample_records(3), meta, keys, district.record)
    header = inspect(tmp_path / "2.antq")
    assert header.previous_package_sha256 == first.package_sha256
    assert header.audit_head == "chain:abc" and header.kind == "incremental"


@pytest.mark.parametrize("encrypted", [True, False])
def test_exact_chunk_multiple(tmp_path: Path, commune: Unit, district: Unit, lookup: Any,
                              encrypted: bool) -> None:  # fmt: skip
    for n in range(0, 12):
        path = tmp_path / f"{n}.antq"
        write_sample(path, commune, district if encrypted else None, n=n, chunk_size=16)
        assert read_all(path, lookup, district if encrypted else None) == list(sample_records(n))


def test_cancel_leaves_no_file(tmp_path: Path, commune: Unit, district: Unit) -> None:
    cancel = threading.Event()
    (tmp_path / "old.antq").write_bytes(b"previous export")

    def records() -> Any:
        for i, record in enumerate(sample_records(5000)):
            if i == 2500:
                cancel.set()
            yield record

    with commune.unlock() as keys, pytest.raises(PackageError) as info:
        write_package(tmp_path / "old.antq", records(), meta_for(commune), keys, district.record,
                      cancel=cancel)  # fmt: skip
    assert _code(info) == "CANCELLED"
    assert [p.name for p in tmp_path.iterdir()] == ["old.antq"]
    assert (tmp_path / "old.antq").read_bytes() == b"previous export"


def test_failing_record_source_leaves_no_file(tmp_path: Path, commune: Unit) -> None:
    def records() -> Any:
        yield from sample_records(10)
        raise RuntimeError("database went away")

    with commune.unlock() as keys, pytest.raises(RuntimeError):
        write_package(tmp_path / "a.antq", records(), meta_for(commune), keys, encrypted=False)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_io_error(tmp_path: Path, commune: Unit) -> None:
    with commune.unlock() as keys, pytest.raises(PackageError) as info:
        write_package(tmp_path / "nope" / "a.antq", [], meta_for(commune), keys, encrypted=False)
    assert _code(info) == "IO_ERROR"
    with pytest.raises(PackageError) as info:
        inspect(tmp_path / "missing.antq")
    assert _code(info) == "IO_ERROR"


def test_limits_refuse_large_packages(tmp_path: Path, commune: Unit, district: Unit,
                                      lookup: Any) -> None:  # fmt: skip
    path = tmp_path / "a.antq"
    write_sample(path, commune, district, n=50)
    for limits in (Limits(max_records=10), Limits(max_decompressed_size=1000),
                   Limits(max_line_length=50), Limits(max_file_size=500)):  # fmt: skip
        with pytest.raises(PackageError) as info:
            read_all(path, lookup, district, limits=limits)
        assert _code(info) == "TOO_LARGE", limits


def test_stopping_early_closes_cleanly(tmp_path: Path, commune: Unit, lookup: Any) -> None:
    path = tmp_path / "a.antq"
    write_sample(path, commune, None, n=100)
    _, records = read_package(path, lookup)
    assert next(records)["type"] == "household"
    records.close()  # type: ignore[attr-defined]


def test_writer_and_reader_agree_on_depth_and_line_limits(tmp_path: Path, commune: Unit, lookup: Any) -> None:
    def nested(depth: int) -> Any:
        value: Any = 1
        for _ in range(depth):
            value = [value]
        return value

    deepest = {"type": "plan", "x": nested(15)}  # the object is depth 0, the 1 is depth 16
    with commune.unlock() as keys:
        write_package(tmp_path / "a.antq", [deepest], meta_for(commune), keys, encrypted=False)
        with pytest.raises(PackageError) as info:
            write_package(
                tmp_path / "b.antq",
                [{"type": "plan", "x": nested(16)}],
                meta_for(commune),
                keys,
                encrypted=False,
            )
        assert _code(info) == "VALIDATION_ERROR"
        long = {"type": "plan", "x": "a" * 2000}
        line_len = len('{"type":"plan","x":""}') + 2000
        write_package(
            tmp_path / "c.antq", [long], meta_for(commune), keys, encrypted=False,
            max_line_length=line_len,
        )  # fmt: skip
        with pytest.raises(PackageError):
            write_package(
                tmp_path / "d.antq", [long], meta_for(commune), keys, encrypted=False,
                max_line_length=line_len - 1,
            )  # fmt: skip
    assert read_all(tmp_path / "a.antq", lookup, None) == [deepest]
    assert read_all(tmp_path / "c.antq", lookup, None, limits=Limits(max_line_length=line_len))
    with pytest.raises(PackageError) as info:
        read_all(tmp_path / "c.antq", lookup, None, limits=Limits(max_line_length=line_len - 1))
    assert _code(info) == "TOO_LARGE"
