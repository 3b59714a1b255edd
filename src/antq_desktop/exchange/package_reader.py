"""Read ``.antq`` packages from untrusted media: inspect, verify, then stream the records.

Order of checks (cheapest and least dangerous first): fixed prefix and header (bounded
size, strict JSON) -> file size matches the header exactly -> signer key is trusted, not
revoked and belongs to the producer -> Ed25519 signature over the whole file -> only then
is anything decrypted or inflated, with caps on every size. Every failure, including
unexpected exceptions, surfaces as ``PackageError``.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import os
import zlib
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, ParamSpec, Protocol, TypeVar

from .errors import (
    BAD_SIGNATURE,
    IO_ERROR,
    MALFORMED,
    NO_RECIPIENT,
    NOT_A_FILE,
    REVOKED_KEY,
    SIGNER_MISMATCH,
    TOO_LARGE,
    TRUNCATED,
    UNKNOWN_KEY,
    WRONG_RECIPIENT,
    PackageError,
)
from .keys import TrustedKey, TrustedKeyLookup, verify_ed25519
from .package_format import (
    MANIFEST_TYPE,
    MAX_HEADER_SIZE,
    MAX_LINE_LENGTH,
    PREFIX_LEN,
    RECORD_MAX_DEPTH,
    RECORD_TYPE_RE,
    SIGNATURE_LEN,
    PackageHeader,
    decode_prefix,
    parse_header,
    signed_message,
)
from .regular_file import NotRegularFileError, open_regular, opened_size
from .stream_crypto import StreamDecryptor, chunk_aad, chunk_layout, payload_key_info
from .strict_json import loads_strict

READ_BLOCK = 1024 * 1024
INFLATE_STEP = 256 * 1024

P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    """Caps for untrusted packages. Defaults fit a province's yearly data with room to spare."""

    max_file_size: int = 2 * 1024**3
    max_header_size: int = MAX_HEADER_SIZE
    max_records: int = 5_000_000
    max_line_length: int = MAX_LINE_LENGTH
    max_depth: int = RECORD_MAX_DEPTH
    max_decompressed_size: int = 4 * 1024**3


DEFAULT_LIMITS = Limits()


class PayloadKeyOpener(Protocol):
    """Implemented by ``keystore.UnlockedKeys``: opens a payload key sealed to us."""

    @property
    def receiving_key_id(self) -> str: ...

    def open_payload_key(self, wrapped: bytes, info: bytes) -> bytes: ...


@dataclass(frozen=True)
class VerifiedPackage:
    path: Path
    header: PackageHeader
    signer: TrustedKey
    package_sha256: str  # SHA-256 of the whole file (chain link for the next incremental)
    file_size: int


def _guarded(func: Callable[P, T]) -> Callable[P, T]:
    """Anything that is not already a PackageError becomes IO_ERROR or MALFORMED."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return func(*args, **kwargs)
        except PackageError:
            raise
        except OSError as exc:
            raise PackageError(IO_ERROR, detail=f"{type(exc).__name__}: {exc.strerror}") from None
        except Exception as exc:  # noqa: BLE001 - the contract is "only PackageError"
            raise PackageError(MALFORMED, detail=f"unexpected {type(exc).__name__}") from None

    return wrapper


def _read_exact(f: IO[bytes], n: int, what: str) -> bytes:
    data = f.read(n)
    if len(data) != n:
        raise PackageError(TRUNCATED, detail=f"file ends inside the {what}")
    return data


def _read_header(f: IO[bytes], limits: Limits) -> PackageHeader:
    prefix = f.read(PREFIX_LEN)
    header_len = decode_prefix(prefix, limits.max_header_size)
    return parse_header(_read_exact(f, header_len, "header"))


def _expected_size(header: PackageHeader) -> int:
    return PREFIX_LEN + len(header.raw) + header.payload_size + SIGNATURE_LEN


def _check_size(actual: int, header: PackageHeader) -> None:
    expected = _expected_size(header)
    if actual < expected:
        raise PackageError(TRUNCATED, detail=f"file has {actual} of {expected} bytes")
    if actual > expected:
        raise PackageError(MALFORMED, detail=f"{actual - expected} extra bytes after the end")


PACKAGE_FILE = "tệp gói dữ liệu (.antq)"


def _open_package(path: Path) -> IO[bytes]:
    """Only a regular file (never /dev/zero, a FIFO or a folder), opened without blocking."""
    try:
        return open_regular(path, what=PACKAGE_FILE)
    except NotRegularFileError as exc:
        raise PackageError(NOT_A_FILE, message_vi=exc.message_vi, detail=str(exc)) from None


def _file_size(f: IO[bytes], limits: Limits) -> int:
    """The size of the opened file itself (fstat), checked before a single byte is hashed."""
    size = opened_size(f)
    if size > limits.max_file_size:
        raise PackageError(TOO_LARGE, detail=f"file is {size} bytes")
    return size


@_guarded
def inspect(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> PackageHeader:
    """Header only, unverified (show it as "claimed"): cheap, for listing files on a USB."""
    path = Path(path)
    with _open_package(path) as f:
        size = _file_size(f, limits)
        header = _read_header(f, limits)
    _check_size(size, header)
    return header


def _trusted_signer(header: PackageHeader, lookup: TrustedKeyLookup) -> TrustedKey:
    signer = lookup(header.signer_key_id)
    if signer is None:
        raise PackageError(UNKNOWN_KEY, detail=f"signer {header.signer_key_id}")
    if signer.key_id != header.signer_key_id:
        raise PackageError(UNKNOWN_KEY, detail="lookup returned a different key")
    if signer.revoked:
        raise PackageError(REVOKED_KEY, message_vi=signer.revoked_note, detail=f"signer {header.signer_key_id}")
    if signer.unit_code != header.producer.unit_code:
        raise PackageError(SIGNER_MISMATCH, detail="signer key belongs to another unit")
    return signer


def _hash_and_signature(f: IO[bytes], header: PackageHeader) -> tuple[bytes, str, str, bytes]:
    """One pass: signed digest, payload hash, whole-file hash, trailing signature."""
    signed, payload, whole = hashlib.sha256(), hashlib.sha256(), hashlib.sha256()
    head = PREFIX_LEN + len(header.raw)
    f.seek(0)
    first = _read_exact(f, head, "header")
    if first[PREFIX_LEN:] != header.raw:
        raise PackageError(BAD_SIGNATURE, detail="file changed while being read")
    signed.update(first)
    whole.update(first)
    remaining = header.payload_size
    while remaining:
        block = _read_exact(f, min(READ_BLOCK, remaining), "payload")
        signed.update(block)
        payload.update(block)
        whole.update(block)
        remaining -= len(block)
    signature = _read_exact(f, SIGNATURE_LEN, "signature")
    whole.update(signature)
    if f.read(1):
        raise PackageError(MALFORMED, detail="file grew while being read")
    return signed.digest(), payload.hexdigest(), whole.hexdigest(), signature


@_guarded
def verify(
    path: str | os.PathLike[str],
    lookup: TrustedKeyLookup,
    *,
    my_receiving_key_id: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> VerifiedPackage:
    """Check the whole file and its signature without decrypting anything.

    ``lookup(key_id)`` returns the ``TrustedKey`` or None. If ``my_receiving_key_id`` is
    given, an encrypted package addressed to someone else is WRONG_RECIPIENT.
    """
    path = Path(path)
    with _open_package(path) as f:
        size = _file_size(f, limits)
        header = _read_header(f, limits)
        _check_size(size, header)
        signer = _trusted_signer(header, lookup)
        digest, payload_sha, whole_sha, signature = _hash_and_signature(f, header)
    if not verify_ed25519(signer.signing_public, signature, signed_message(digest)):
        raise PackageError(BAD_SIGNATURE, detail="Ed25519 signature does not verify")
    if payload_sha != header.payload_sha256:
        raise PackageError(MALFORMED, detail="signed header states a wrong payload hash")
    if header.encrypted and my_receiving_key_id is not None:
        if header.recipient_key_id != my_receiving_key_id:
            raise PackageError(WRONG_RECIPIENT, detail=f"for {header.recipient_key_id}")
    return VerifiedPackage(path, header, signer, whole_sha, size)


def iter_records(
    package: VerifiedPackage,
    keys: PayloadKeyOpener | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Generator[dict[str, Any], None, None]:
    """Yield the records (manifest line checked and skipped) of a verified package.

    Streams: decrypts chunk by chunk, inflates in bounded steps, parses line by line.
    The file is re-hashed while reading and the last check happens before the iterator
    ends, so import inside a transaction and commit only after it is exhausted.
    """
    yield from _guard_iter(_records(package, keys, limits))


def _guard_iter(gen: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    try:
        yield from gen
    except PackageError:
        raise
    except OSError as exc:
        raise PackageError(IO_ERROR, detail=f"{type(exc).__name__}: {exc.strerror}") from None
    except Exception as exc:  # noqa: BLE001 - the contract is "only PackageError"
        raise PackageError(MALFORMED, detail=f"unexpected {type(exc).__name__}") from None


def read_package(
    path: str | os.PathLike[str],
    lookup: TrustedKeyLookup,
    keys: PayloadKeyOpener | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[VerifiedPackage, Iterator[dict[str, Any]]]:
    """``verify`` then ``iter_records`` in one call."""
    my_id = keys.receiving_key_id if keys is not None else None
    package = verify(path, lookup, my_receiving_key_id=my_id, limits=limits)
    return package, iter_records(package, keys, limits=limits)


def _payload_blocks(
    f: IO[bytes], package: VerifiedPackage, keys: PayloadKeyOpener | None, payload_hash: Any
) -> Iterator[bytes]:
    """Plaintext (still compressed) payload, block by block, hashing the sealed bytes."""
    header = package.header
    if not header.encrypted:
        remaining = header.payload_size
        while remaining:
            block = _read_exact(f, min(READ_BLOCK, remaining), "payload")
            payload_hash.update(block)
            remaining -= len(block)
            yield block
        return
    decryptor = _decryptor(header, keys)
    assert header.chunk_size is not None
    for index, length, last in chunk_layout(header.payload_size, header.chunk_size):
        sealed = _read_exact(f, length, "payload")
        payload_hash.update(sealed)
        yield decryptor.open(index, sealed, last)


def _decryptor(header: PackageHeader, keys: PayloadKeyOpener | None) -> StreamDecryptor:
    if keys is None:
        raise PackageError(
            NO_RECIPIENT,
            message_vi=("Gói dữ liệu đã được mã hóa; cần mở khóa nhận của đơn vị (nhập mật khẩu) để đọc."),
            detail="encrypted package but no receiving key given",
        )
    if keys.receiving_key_id != header.recipient_key_id:
        raise PackageError(WRONG_RECIPIENT, detail=f"for {header.recipient_key_id}")
    assert header.recipient_key_id is not None and header.wrapped_key is not None
    info = payload_key_info(header.package_id, header.producer.unit_code, header.signer_key_id, header.recipient_key_id)
    payload_key = keys.open_payload_key(header.wrapped_key, info)
    return StreamDecryptor(payload_key, chunk_aad(header.package_id))


class _Inflater:
    """zlib inflate with bounded output per step and a cap on the total (zip-bomb safe)."""

    def __init__(self, max_total: int) -> None:
        self._z = zlib.decompressobj(15)
        self._max = max_total
        self.total = 0

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._z.eof:
            if data:
                raise PackageError(MALFORMED, detail="data after the end of the zlib stream")
            return
        while data:
            out = self._z.decompress(data, INFLATE_STEP)
            self.total += len(out)
            if self.total > self._max:
                raise PackageError(TOO_LARGE, detail="decompressed payload exceeds the cap")
            yield out
            data = self._z.unconsumed_tail
            if self._z.eof and (data or self._z.unused_data):
                raise PackageError(MALFORMED, detail="data after the end of the zlib stream")

    def finish(self) -> None:
        if not self._z.eof:
            raise PackageError(MALFORMED, detail="zlib stream does not end")


def _lines(pieces: Iterator[bytes], max_line: int) -> Iterator[bytes]:
    """Split LF-terminated lines; a final line without LF is MALFORMED. Each inflated piece is split in one
    call (issue 18: a search and a copy per line were a tenth of the reading); the unfinished last line waits
    for the next piece. A line over the cap is refused where it stands, after the lines before it."""
    tail = b""
    for piece in pieces:
        lines = (tail + piece if tail else piece).split(b"\n")
        tail = lines.pop()
        if lines and max(map(len, lines)) > max_line:
            yield from itertools.takewhile(lambda line: len(line) <= max_line, lines)
            raise PackageError(TOO_LARGE, detail="payload line too long")
        yield from lines
        if len(tail) > max_line:
            raise PackageError(TOO_LARGE, detail="payload line too long")
    if tail:
        raise PackageError(MALFORMED, detail="last payload line has no line feed")


def _records(package: VerifiedPackage, keys: PayloadKeyOpener | None, limits: Limits) -> Iterator[dict[str, Any]]:
    header = package.header
    inflater = _Inflater(limits.max_decompressed_size)
    payload_hash = hashlib.sha256()
    with _open_package(package.path) as f:
        if _read_header(f, limits).raw != header.raw:
            raise PackageError(BAD_SIGNATURE, detail="file changed since it was verified")

        def inflated() -> Iterator[bytes]:
            for block in _payload_blocks(f, package, keys, payload_hash):
                yield from inflater.feed(block)
            inflater.finish()

        counts: Counter[str] = Counter()
        lines = _lines(inflated(), limits.max_line_length)
        _check_manifest(next(lines, None), header, limits)
        for read, line in enumerate(lines, 1):
            record = _parse_record(line, limits)
            counts[record["type"]] += 1
            if read > limits.max_records:
                raise PackageError(TOO_LARGE, detail="too many records")
            yield record
    if payload_hash.hexdigest() != header.payload_sha256:
        raise PackageError(BAD_SIGNATURE, detail="payload changed since it was verified")
    if dict(counts) != {k: v for k, v in header.record_counts.items() if v}:
        raise PackageError(MALFORMED, detail="record counts differ from the header")


def _parse_record(line: bytes, limits: Limits) -> dict[str, Any]:
    record = loads_strict(line, max_depth=limits.max_depth, allow_newlines=True)
    if not isinstance(record, dict):
        raise PackageError(MALFORMED, detail="payload line is not a JSON object")
    rtype = record.get("type")
    if not isinstance(rtype, str) or not RECORD_TYPE_RE.fullmatch(rtype) or rtype == MANIFEST_TYPE:
        raise PackageError(MALFORMED, detail="payload line has a bad type")
    return record


def _check_manifest(line: bytes | None, header: PackageHeader, limits: Limits) -> None:
    if line is None:
        raise PackageError(MALFORMED, detail="payload is empty (no manifest line)")
    manifest = loads_strict(line, max_depth=2, allow_newlines=False)
    if manifest != header.manifest():
        raise PackageError(SIGNER_MISMATCH, detail="manifest line does not match the header")
