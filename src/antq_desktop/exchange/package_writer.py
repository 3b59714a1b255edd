"""Write one ``.antq`` package from a stream of record dicts.

The header must state the payload's size and hash, which are known only at the end, so the
sealed payload is first spooled to a hidden temp file next to the destination; the final
file is then assembled in a second temp file and atomically renamed into place. A failed or
cancelled export therefore never leaves a partial ``.antq`` behind.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, Protocol

from .canonical_dump import orjson_canonical
from .errors import CANCELLED, IO_ERROR, NO_RECIPIENT, VALIDATION_ERROR, PackageError
from .keys import (
    PublicKeyRecord,
    Signer,
    check_name,
    check_role,
    check_unit_code,
    check_utc_text,
    utc_now_text,
)
from .package_format import (
    DEFAULT_CHUNK_SIZE,
    KINDS,
    MANIFEST_TYPE,
    MAX_AUDIT_HEAD,
    MAX_CHUNK_SIZE,
    MAX_LINE_LENGTH,
    MIN_CHUNK_SIZE,
    RECORD_MAX_DEPTH,
    RECORD_TYPE_RE,
    SHA256_RE,
    SIGNATURE_LEN,
    PackageHeader,
    Producer,
    check_package_id,
    check_short_text,
    encode_prefix,
    new_package_id,
    signed_message,
)
from .stream_crypto import (
    PAYLOAD_KEY_LEN,
    StreamEncryptor,
    chunk_aad,
    payload_key_info,
    wrap_payload_key,
)
from .strict_json import _FORBIDDEN_WITH_NEWLINE, MAX_SAFE_INT, dumps_line, dumps_record_line

PROGRESS_EVERY = 1000
COPY_BLOCK = 1024 * 1024
BATCH_BYTES = 64 * 1024

ProgressCallback = Callable[[float | int, str], None]
# Told of every record as it is written: the record and its line when that line is exactly its canonical
# JSON (storage/canonical.py) plus LF, else None (the observer serialises the record itself).
LineObserver = Callable[[Mapping[str, Any], bytes | None], None]


class CancelFlag(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class PackageMeta:
    """What the caller knows about the package before the records are streamed."""

    producer: Producer
    sequence: int
    kind: str
    period: str
    app_version: str
    schema_version: str
    previous_package_sha256: str | None = None
    audit_head: str | None = None
    package_id: str | None = None
    created_at: str | None = None


@dataclass(frozen=True)
class WriteResult:
    path: Path
    header: PackageHeader
    package_sha256: str  # SHA-256 of the whole file: the next incremental's previous hash
    file_size: int


def _invalid(detail: str) -> PackageError:
    return PackageError(VALIDATION_ERROR, detail=detail)


def _check_meta(meta: PackageMeta) -> None:
    """Refuse on the writer side everything the reader would refuse, before writing."""
    try:
        check_unit_code(meta.producer.unit_code)
        check_name(meta.producer.unit_name)
        check_role(meta.producer.role)
        if meta.created_at is not None:
            check_utc_text(meta.created_at, "created_at")
        if meta.package_id is not None:
            check_package_id(meta.package_id)
        check_short_text(meta.period, "period")
        check_short_text(meta.app_version, "app_version")
        check_short_text(meta.schema_version, "schema_version")
        if meta.audit_head is not None:
            check_short_text(meta.audit_head, "audit_head", MAX_AUDIT_HEAD)
    except PackageError as exc:
        raise _invalid(exc.detail) from None
    if meta.kind not in KINDS:
        raise _invalid("kind must be full, incremental, plan, forward or recovery")
    if isinstance(meta.sequence, bool) or not isinstance(meta.sequence, int) or meta.sequence < 1:
        raise _invalid("sequence must be a positive integer")
    prev = meta.previous_package_sha256
    if prev is not None and not SHA256_RE.fullmatch(prev):
        raise _invalid("previous_package_sha256 must be 64 lowercase hex digits")
    if meta.kind == "incremental" and prev is None:
        raise _invalid("incremental package needs previous_package_sha256")


class _PayloadSink:
    """manifest+records -> JSON Lines -> zlib -> (STREAM) -> spool file, hashing as it goes."""

    def __init__(self, spool: IO[bytes], encryptor: StreamEncryptor | None) -> None:
        self._spool = spool
        self._encryptor = encryptor
        self._deflate = zlib.compressobj(6, zlib.DEFLATED, 15)
        self.sha256 = hashlib.sha256()
        self.size = 0
        self._pending: list[bytes] = []
        self._pending_size = 0

    def _emit(self, data: bytes) -> None:
        if data:
            self._spool.write(data)
            self.sha256.update(data)
            self.size += len(data)

    def _sealed(self, compressed: bytes) -> Iterator[bytes]:
        if self._encryptor is None:
            yield compressed
        else:
            yield from self._encryptor.feed(compressed)

    def write(self, line: bytes) -> None:
        # Lines are batched: one zlib call per ~64 KiB instead of one per record.
        self._pending.append(line)
        self._pending_size += len(line)
        if self._pending_size >= BATCH_BYTES:
            self._compress_pending()

    def _compress_pending(self) -> None:
        data = b"".join(self._pending)
        self._pending.clear()
        self._pending_size = 0
        for piece in self._sealed(self._deflate.compress(data)):
            self._emit(piece)

    def finish(self) -> None:
        self._compress_pending()
        for piece in self._sealed(self._deflate.flush()):
            self._emit(piece)
        if self._encryptor is not None:
            self._emit(self._encryptor.finish())


def _canonical_line(record: Mapping[str, Any]) -> bytes | None:
    """The record's line through orjson when proved (exchange/canonical_dump.py) and clean: what
    ``dumps_record_line`` gives for it, since its fast path writes the same canonical JSON after the same
    checks (no float, no control character, safe integers, no forbidden character, NFC); None: that function
    decides."""
    out = orjson_canonical(record, MAX_SAFE_INT)
    if out is None:
        return None
    text = out.decode("utf-8")
    if _FORBIDDEN_WITH_NEWLINE.search(text) is not None or not unicodedata.is_normalized("NFC", text):
        return None
    return out + b"\n"


class _RecordLines:
    """Record -> (type, line), with the writer-side checks; the type's pattern is checked once per type."""

    def __init__(self, max_line: int) -> None:
        self.max_line = max_line
        self.known_types: set[str] = set()

    def line(self, record: Mapping[str, Any]) -> tuple[str, bytes, bool]:
        """(type, line, whether the line is the record's canonical JSON + LF)."""
        if not isinstance(record, Mapping):
            raise _invalid("record is not a mapping")
        rtype = record.get("type")
        if type(rtype) is not str or rtype not in self.known_types:
            if not isinstance(rtype, str) or not RECORD_TYPE_RE.fullmatch(rtype) or rtype == MANIFEST_TYPE:
                raise _invalid(f"bad record type {rtype!r}")
            self.known_types.add(rtype)
        assert isinstance(rtype, str)
        line = _canonical_line(record) if type(record) is dict else None
        canonical = line is not None
        if line is None:
            line = dumps_record_line(dict(record), RECORD_MAX_DEPTH)
        if len(line) - 1 > self.max_line:  # the limit excludes the LF, as in the reader
            raise PackageError(VALIDATION_ERROR, detail=f"record of type {rtype} is too long")
        return rtype, line, canonical


def _temp(dest: Path, tag: str) -> tuple[IO[bytes], Path]:
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.{tag}-", suffix=".tmp", dir=dest.parent)
    return os.fdopen(fd, "w+b"), Path(name)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename durable on POSIX; Windows has no directory handles for this.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _Progress:
    def __init__(self, callback: ProgressCallback | None, total: int | None) -> None:
        self._callback = callback
        self._total = total

    def records(self, count: int) -> None:
        if self._callback is None or count % PROGRESS_EVERY:
            return
        if self._total:
            self._callback(min(count / self._total, 0.99), f"Đã ghi {count:,} bản ghi")
        else:
            self._callback(count, f"Đã ghi {count:,} bản ghi")

    def say(self, value: float | int, message: str) -> None:
        if self._callback is not None:
            self._callback(value, message)


def write_package(
    dest: str | os.PathLike[str],
    records: Iterable[Mapping[str, Any]],
    meta: PackageMeta,
    signer: Signer,
    recipient: PublicKeyRecord | None = None,
    *,
    encrypted: bool = True,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_line_length: int = MAX_LINE_LENGTH,
    total_records: int | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelFlag | None = None,
    observe: LineObserver | None = None,
) -> WriteResult:
    """Stream ``records`` into a signed (and, by default, encrypted) package at ``dest``.

    ``observe``: told of each record and its line (``LineObserver``), e.g. to digest them in the same pass.
    Raises ``PackageError``: NO_RECIPIENT (encrypted without recipient), VALIDATION_ERROR
    (bad meta or record), CANCELLED, IO_ERROR. On any error no file is left at ``dest``.
    """
    dest = Path(dest)
    _check_meta(meta)
    if encrypted and recipient is None:
        raise PackageError(NO_RECIPIENT, detail="encrypted package needs a recipient")
    if not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
        raise _invalid("chunk size out of range")
    spool: IO[bytes] | None = None
    spool_path: Path | None = None
    try:
        spool, spool_path = _temp(dest, "spool")
        return _write(
            dest,
            spool,
            records,
            meta,
            signer,
            recipient if encrypted else None,
            chunk_size,
            max_line_length,
            _Progress(progress, total_records),
            cancel,
            observe,
        )
    except OSError as exc:
        raise PackageError(IO_ERROR, detail=f"{type(exc).__name__}: {exc.strerror}") from None
    finally:
        if spool is not None:
            spool.close()
        if spool_path is not None:
            spool_path.unlink(missing_ok=True)


def _write(
    dest: Path,
    spool: IO[bytes],
    records: Iterable[Mapping[str, Any]],
    meta: PackageMeta,
    signer: Signer,
    recipient: PublicKeyRecord | None,
    chunk_size: int,
    max_line: int,
    progress: _Progress,
    cancel: CancelFlag | None,
    observe: LineObserver | None = None,
) -> WriteResult:
    draft = _draft_header(meta, signer, recipient, chunk_size)
    draft, encryptor = _encryption(draft, recipient, chunk_size)
    sink = _PayloadSink(spool, encryptor)
    sink.write(dumps_line(draft.manifest()))
    counts = _stream_records(sink, records, max_line, progress, cancel, observe)
    sink.finish()
    header = replace(
        draft,
        record_counts=dict(sorted(counts.items())),
        payload_size=sink.size,
        payload_sha256=sink.sha256.hexdigest(),
    )
    progress.say(0.99, "Đang ký số gói dữ liệu")
    result = _assemble(dest, spool, header, signer, cancel)
    progress.say(1.0, "Đã xuất xong gói dữ liệu")
    return result


def _draft_header(
    meta: PackageMeta, signer: Signer, recipient: PublicKeyRecord | None, chunk_size: int
) -> PackageHeader:
    """Everything but the payload facts (size, hash, counts), which are filled in at the end."""
    return PackageHeader(
        package_id=meta.package_id or new_package_id(),
        producer=meta.producer,
        signer_key_id=signer.signing_key_id,
        encrypted=recipient is not None,
        recipient_key_id=recipient.receiving_key_id if recipient else None,
        wrapped_key=None,
        chunk_size=chunk_size if recipient else None,
        sequence=meta.sequence,
        kind=meta.kind,
        previous_package_sha256=meta.previous_package_sha256,
        period=meta.period,
        created_at=meta.created_at or utc_now_text(),
        app_version=meta.app_version,
        schema_version=meta.schema_version,
        record_counts={},
        payload_size=0,
        payload_sha256="0" * 64,
        audit_head=meta.audit_head,
    )


def _encryption(
    draft: PackageHeader, recipient: PublicKeyRecord | None, chunk_size: int
) -> tuple[PackageHeader, StreamEncryptor | None]:
    """Fresh payload key, HPKE-wrapped to the recipient and bound to this header's identity."""
    if recipient is None:
        return draft, None
    payload_key = os.urandom(PAYLOAD_KEY_LEN)
    info = payload_key_info(draft.package_id, draft.producer.unit_code, draft.signer_key_id, recipient.receiving_key_id)
    wrapped = wrap_payload_key(payload_key, recipient.receiving_public, info)
    encryptor = StreamEncryptor(payload_key, chunk_aad(draft.package_id), chunk_size)
    return replace(draft, wrapped_key=wrapped), encryptor


def _stream_records(
    sink: _PayloadSink,
    records: Iterable[Mapping[str, Any]],
    max_line: int,
    progress: _Progress,
    cancel: CancelFlag | None,
    observe: LineObserver | None = None,
) -> Counter[str]:
    counts: Counter[str] = Counter()
    lines = _RecordLines(max_line)
    for count, record in enumerate(records, start=1):
        if cancel is not None and cancel.is_set():
            raise PackageError(CANCELLED, detail="cancelled while writing records")
        rtype, line, canonical = lines.line(record)
        sink.write(line)
        counts[rtype] += 1
        if observe is not None:
            observe(record, line if canonical else None)
        progress.records(count)
    return counts


def _assemble(
    dest: Path, spool: IO[bytes], header: PackageHeader, signer: Signer, cancel: CancelFlag | None
) -> WriteResult:
    header_raw = header.encode()
    out, out_path = _temp(dest, "part")
    try:
        with out:
            signed = hashlib.sha256()
            whole = hashlib.sha256()
            for block in _blocks(encode_prefix(len(header_raw)), header_raw, spool, cancel):
                out.write(block)
                signed.update(block)
                whole.update(block)
            signature = signer.sign(signed_message(signed.digest()))
            assert len(signature) == SIGNATURE_LEN
            out.write(signature)
            whole.update(signature)
            out.flush()
            os.fsync(out.fileno())
            size = out.tell()
        if cancel is not None and cancel.is_set():
            raise PackageError(CANCELLED, detail="cancelled before rename")
        os.replace(out_path, dest)
    except BaseException:
        out_path.unlink(missing_ok=True)
        raise
    _fsync_dir(dest.parent)
    parsed = replace(header, raw=header_raw)
    return WriteResult(dest, parsed, whole.hexdigest(), size)


def _blocks(prefix: bytes, header_raw: bytes, spool: IO[bytes], cancel: CancelFlag | None) -> Iterator[bytes]:
    yield prefix
    yield header_raw
    spool.flush()
    spool.seek(0)
    while block := spool.read(COPY_BLOCK):
        if cancel is not None and cancel.is_set():
            raise PackageError(CANCELLED, detail="cancelled while assembling")
        yield block
