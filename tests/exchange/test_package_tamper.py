"""Every way a package on a USB stick can be damaged or forged must end in PackageError."""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.package_format import PREFIX_LEN, SIGNATURE_LEN, Producer
from antq_desktop.exchange.package_reader import Limits, inspect, verify
from antq_desktop.exchange.stream_crypto import TAG_LEN

from .conftest import Unit, forge, read_all, write_sample


def refused(path: Path, lookup: Any, reader: Unit | None, **kw: Any) -> str:
    with pytest.raises(PackageError) as info:
        read_all(path, lookup, reader, **kw)
    return info.value.code


def test_every_single_byte_flip_is_refused(tmp_path: Path, commune: Unit, district: Unit,
                                           lookup: Any) -> None:  # fmt: skip
    good = tmp_path / "good.antq"
    write_sample(good, commune, district, n=3, chunk_size=64)
    data = good.read_bytes()
    assert len(data) < 2000  # keeps this loop fast
    bad = tmp_path / "bad.antq"
    keys = district.unlock()
    codes = set()
    header_end = PREFIX_LEN + len(inspect(good).raw)
    for i in range(len(data)):
        # Low bit everywhere; also the high bit in the prefix and header, where the parser
        # (not just the signature) sees the damage.
        for mask in (0x01, 0x80) if i < header_end else (0x01,):
            mutated = bytearray(data)
            mutated[i] ^= mask
            bad.write_bytes(mutated)
            codes.add(refused_with_keys(bad, lookup, keys))
    keys.close()
    assert "BAD_SIGNATURE" in codes and "MALFORMED" in codes


def refused_with_keys(path: Path, lookup: Any, keys: Any) -> str:
    from antq_desktop.exchange.package_reader import read_package

    with pytest.raises(PackageError) as info:
        _, records = read_package(path, lookup, keys)
        list(records)
    return info.value.code


def _chunk_boundaries(path: Path) -> list[int]:
    header = inspect(path)
    start = PREFIX_LEN + len(header.raw)
    assert header.chunk_size is not None
    step = header.chunk_size + TAG_LEN
    return list(range(start, start + header.payload_size, step))


def test_truncation_at_every_chunk_boundary_and_random_points(
    tmp_path: Path, commune: Unit, district: Unit, lookup: Any
) -> None:
    good = tmp_path / "good.antq"
    write_sample(good, commune, district, n=40, chunk_size=32)
    data = good.read_bytes()
    cuts = _chunk_boundaries(good)
    assert len(cuts) > 20
    rng = random.Random(1)
    cuts += [len(data) - SIGNATURE_LEN, len(data) - 1, PREFIX_LEN, PREFIX_LEN - 1, 10, 5, 1, 0]
    cuts += rng.sample(range(len(data)), 200)
    bad = tmp_path / "cut.antq"
    for cut in cuts:
        bad.write_bytes(data[:cut])
        assert refused(bad, lookup, district) == "TRUNCATED", cut


def test_truncation_detected_by_stream_even_if_resigned(
    tmp_path: Path, commune: Unit, district: Unit, lookup: Any
) -> None:
    """A signer who cuts chunks and re-signs a consistent header still fails STREAM."""
    good = tmp_path / "good.antq"
    header = write_sample(good, commune, district, n=40, chunk_size=32).header
    data = good.read_bytes()
    start = PREFIX_LEN + len(header.raw)
    sealed = data[start : start + header.payload_size]
    step = 32 + TAG_LEN
    chunks = [sealed[i : i + step] for i in range(0, len(sealed), step)]
    variants = {
        "drop last": b"".join(chunks[:-1]),
        "drop first": b"".join(chunks[1:]),
        "swap two": b"".join([chunks[1], chunks[0], *chunks[2:]]),
        "duplicate": b"".join([chunks[0], *chunks]),
    }
    for name, payload in variants.items():
        path = tmp_path / "resigned.antq"
        forge(path, b"", commune, district, sealed=payload, wrapped_key=header.wrapped_key,
              package_id=header.package_id, chunk_size=32)  # fmt: skip
        assert refused(path, lookup, district) == "DECRYPT_FAILED", name


def test_appended_and_prepended_bytes(tmp_path: Path, commune: Unit, district: Unit,
                                      lookup: Any) -> None:  # fmt: skip
    good = tmp_path / "good.antq"
    write_sample(good, commune, district)
    data = good.read_bytes()
    bad = tmp_path / "bad.antq"
    for extra in (b"\x00", b"\n", b"x" * 1000, data):
        bad.write_bytes(data + extra)
        assert refused(bad, lookup, district) == "MALFORMED"
        bad.write_bytes(extra + data)
        assert refused(bad, lookup, district) == "MALFORMED"


def test_not_a_package(tmp_path: Path, lookup: Any) -> None:
    bad = tmp_path / "bad.antq"
    for content in (b"PK\x03\x04 zip file", b"{}", b"ANTQPKG\x00\x00\x02" + b"\x00" * 100,
                    b"ANTQPKG\x00\x00\x01\x00\x00\x00\x00"):  # fmt: skip
        bad.write_bytes(content)
        with pytest.raises(PackageError) as info:
            verify(bad, lookup)
        assert info.value.code in ("MALFORMED", "UNSUPPORTED_VERSION")
    bad.write_bytes(b"")
    with pytest.raises(PackageError) as info:
        verify(bad, lookup)
    assert info.value.code == "TRUNCATED"


def test_oversized_header(tmp_path: Path, lookup: Any) -> None:
    bad = tmp_path / "big.antq"
    bad.write_bytes(struct.pack(">8sHI", b"ANTQPKG\x00", 1, 70_000) + b"{" * 70_000)
    for call in (lambda: verify(bad, lookup), lambda: inspect(bad)):
        with pytest.raises(PackageError) as info:
            call()
        assert info.value.code == "TOO_LARGE"
    bad.write_bytes(struct.pack(">8sHI", b"ANTQPKG\x00", 1, 0xFFFFFFFF))
    with pytest.raises(PackageError) as info:
        inspect(bad)
    assert info.value.code == "TOO_LARGE"


def test_header_of_one_package_with_payload_of_another(
    tmp_path: Path, commune: Unit, district: Unit, lookup: Any
) -> None:
    # Two packages of the same shape, so that only the signature can tell them apart. Sizes vary
    # by a few bytes with the random ids; any two of a series that match will do (waiting for 100
    # packages to match the first one failed in a full run).
    seen: dict[tuple[int, int], tuple[Path, Any]] = {}
    for i in range(200):
        path = tmp_path / f"sample-{i}.antq"
        header = write_sample(path, commune, district, n=5).header
        shape = (header.payload_size, len(header.raw))
        if shape in seen:
            (a, ha), (b, hb) = seen[shape], (path, header)
            break
        seen[shape] = (path, header)
    else:
        pytest.fail(f"no two of 200 packages had the same shape: {sorted(seen)}")
    assert ha.payload_size == hb.payload_size
    da, db = a.read_bytes(), b.read_bytes()
    head = PREFIX_LEN + len(ha.raw)
    spliced = tmp_path / "spliced.antq"
    spliced.write_bytes(da[:head] + db[head:])  # A's header, B's payload and signature
    assert refused(spliced, lookup, district) == "BAD_SIGNATURE"
    spliced.write_bytes(da[:head] + db[head:-SIGNATURE_LEN] + da[-SIGNATURE_LEN:])
    assert refused(spliced, lookup, district) == "BAD_SIGNATURE"


def test_resigned_splice_by_another_trusted_unit(
    tmp_path: Path, commune: Unit, other_commune: Unit, district: Unit, lookup: Any
) -> None:
    """Another commune (trusted, valid key) re-signs a stolen payload under its own name."""
    victim = tmp_path / "victim.antq"
    write_sample(victim, commune, None, n=5)
    from antq_desktop.exchange.package_format import parse_header

    data = victim.read_bytes()
    header = inspect(victim)
    start = PREFIX_LEN + len(header.raw)
    stolen = data[start : start + header.payload_size]
    forged = tmp_path / "forged.antq"
    forge(forged, b"", other_commune, None, compressed=stolen,
          record_counts=header.record_counts)  # fmt: skip
    assert refused(forged, lookup, None) == "SIGNER_MISMATCH"
    # Same with the victim's package id copied into the forged header.
    forge(forged, b"", other_commune, None, compressed=stolen, package_id=header.package_id,
          record_counts=header.record_counts)  # fmt: skip
    assert refused(forged, lookup, None) == "SIGNER_MISMATCH"
    assert parse_header(header.raw) == header

    # Encrypted: the wrapped key is bound to producer and signer, so it will not open.
    enc = tmp_path / "enc.antq"
    eh = write_sample(enc, commune, district, n=5).header
    data = enc.read_bytes()
    start = PREFIX_LEN + len(eh.raw)
    forge(forged, b"", other_commune, district, sealed=data[start : start + eh.payload_size],
          wrapped_key=eh.wrapped_key, package_id=eh.package_id, chunk_size=64,
          record_counts=eh.record_counts)  # fmt: skip
    assert refused(forged, lookup, district) in ("DECRYPT_FAILED", "SIGNER_MISMATCH")


def test_header_claiming_another_producer(tmp_path: Path, commune: Unit, lookup: Any) -> None:
    path = tmp_path / "a.antq"
    forge(path, b"", commune, None, producer=Producer("00007", "Xã Đông Anh", "commune"))
    assert refused(path, lookup, None) == "SIGNER_MISMATCH"


RECORD = b'{"type":"household","id":"x"}\n'


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b'{"type":"household","a":1,"a":2}\n', "MALFORMED"),
        (b'{"type":"household","a":NaN}\n', "MALFORMED"),
        (b'{"type":"household","a":Infinity}\n', "MALFORMED"),
        (b'{"type":"household","a":"\xff"}\n', "MALFORMED"),
        (b'{"type":"household","a":"\xc3"}\n', "MALFORMED"),
        (b'{"type":"household","a":"x\\u202ey"}\n', "VALIDATION_ERROR"),
        (b'{"type":"household","a":"x\xe2\x80\xaey"}\n', "VALIDATION_ERROR"),
        (b'{"type":"household","a":"x\xe2\x80\x8by"}\n', "VALIDATION_ERROR"),
        (b'{"type":"household","a":"x\\u2066y"}\n', "VALIDATION_ERROR"),
        (b'{"type":"household","a":"\\ud800"}\n', "VALIDATION_ERROR"),
        (b'{"type":"household","a":' + b"[" * 50 + b"]" * 50 + b"}\n", "TOO_LARGE"),
        (b'{"type":"household","a":' + b"[" * 200_000 + b"]" * 200_000 + b"}\n", "TOO_LARGE"),
        (b"[1,2]\n", "MALFORMED"),
        (b'{"type":"manifest"}\n', "MALFORMED"),
        (b'{"id":"no type"}\n', "MALFORMED"),
        (b'{"type":7}\n', "MALFORMED"),
        (b"\n", "MALFORMED"),
        (b'{"type":"household"}', "MALFORMED"),  # last line without LF
        (b'{"type":"household"}\r\n', "MALFORMED"),
        (RECORD * 2, "MALFORMED"),  # counts differ from the header (which says 1)
    ],
)
@pytest.mark.parametrize("encrypted", [False, True])
def test_hostile_payload_behind_a_valid_signature(
    tmp_path: Path, commune: Unit, district: Unit, lookup: Any, body: bytes, code: str,
    encrypted: bool,
) -> None:  # fmt: skip
    path = tmp_path / "p.antq"
    recipient = district if encrypted else None
    forge(path, body, commune, recipient, record_counts={"household": 1})
    assert refused(path, lookup, recipient) == code


def test_forged_good_payload_is_accepted(tmp_path: Path, commune: Unit, district: Unit,
                                         lookup: Any) -> None:  # fmt: skip
    """The forge follows the spec: with honest input the reader accepts it (a spec check)."""
    path = tmp_path / "p.antq"
    forge(path, RECORD, commune, district, record_counts={"household": 1})
    assert read_all(path, lookup, district) == [{"type": "household", "id": "x"}]


def test_manifest_problems(tmp_path: Path, commune: Unit, lookup: Any) -> None:
    path = tmp_path / "p.antq"
    forge(path, RECORD, commune, None, manifest=b"", record_counts={"household": 1})
    assert refused(path, lookup, None) == "SIGNER_MISMATCH"
    forge(path, b"", commune, None, manifest=b"")
    assert refused(path, lookup, None) == "MALFORMED"
    forge(path, b"", commune, None, manifest=b'{"type":"manifest"}\n')
    assert refused(path, lookup, None) == "SIGNER_MISMATCH"


def test_zlib_problems(tmp_path: Path, commune: Unit, district: Unit, lookup: Any) -> None:
    path = tmp_path / "p.antq"
    forge(path, b"", commune, district, compressed=b"not zlib at all")
    assert refused(path, lookup, district) == "MALFORMED"
    from antq_desktop.exchange.strict_json import canonical_dumps

    def manifest_for(h: Any) -> bytes:
        return canonical_dumps(h.manifest()) + b"\n"

    # Compressed stream that stops early, and one followed by junk.
    h = forge(path, b"", commune, None)
    good = zlib.compress(manifest_for(h))
    forge(path, b"", commune, None, compressed=good[:-3], package_id=h.package_id)
    assert refused(path, lookup, None) == "MALFORMED"
    forge(path, b"", commune, None, compressed=good + b"junk", package_id=h.package_id)
    assert refused(path, lookup, None) == "MALFORMED"
    forge(path, b"", commune, None, compressed=b"", package_id=h.package_id)
    assert refused(path, lookup, None) == "MALFORMED"


def test_zip_bomb_is_capped(tmp_path: Path, commune: Unit, district: Unit, lookup: Any) -> None:
    path = tmp_path / "bomb.antq"
    h = forge(path, b"", commune, None)
    from antq_desktop.exchange.strict_json import canonical_dumps

    manifest = canonical_dumps(h.manifest()) + b"\n"
    z = zlib.compressobj(9)
    bomb = z.compress(manifest) + b"".join(z.compress(b" " * 1_000_000) for _ in range(200))
    bomb += z.flush()
    assert len(bomb) < 300_000  # 200 MB of spaces
    forge(path, b"", commune, district, compressed=bomb, package_id=h.package_id,
          chunk_size=65536)  # fmt: skip
    assert refused(path, lookup, district) == "TOO_LARGE"  # one endless line
    assert refused(path, lookup, district, limits=Limits(max_line_length=10**9,
                   max_decompressed_size=10_000_000)) == "TOO_LARGE"  # fmt: skip
