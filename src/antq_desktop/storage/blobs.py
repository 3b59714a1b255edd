"""Files kept inside the database: a `blobs` row and its `blob_chunks` rows of at most CHUNK_SIZE bytes.

Why in the database and not a folder: an upper office's clerks share one PostgreSQL database from
several PCs, and a copy in one PC's data folder is out of reach of the others (issue 17, point 2).
The same code runs on SQLite, so a commune's or a small office's single file holds its copies too
(and its backups carry them).

Streamed both ways: a chunk is read from the file and inserted, or selected and written out, one at
a time (one query per chunk, so no driver buffers a whole result), so memory stays flat whatever
the size. Writing happens inside the caller's transaction: a blob and the row that points at it are
committed together or not at all. Every read checks the whole content's size and SHA-256 against
the blob row before the data is used (`export_file` writes to a side file and only then gives it
its name), so a damaged or altered copy is refused, never silently merged or forwarded.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session

from antq_desktop.domain.errors import StorageError
from antq_desktop.storage.models import Blob, BlobChunk, new_uuid, utcnow

CHUNK_SIZE = 1024 * 1024  # 1 MiB: small enough for any driver parameter, few enough rows per package

DAMAGED = ("Bản sao gói lưu trong cơ sở dữ liệu bị hỏng hoặc đã bị sửa (kích thước hoặc mã băm SHA-256 "
           "không khớp), nên không được dùng.")


class BlobError(StorageError):
    """A blob that is missing, incomplete or whose content no longer matches its hash."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(message)
        self.detail = detail  # for the log and the audit entry, not for the officer


@dataclass(frozen=True)
class BlobInfo:
    id: str
    size: int
    sha256: str
    chunks: int


def put_stream(session: Session, stream: BinaryIO, *, chunk_size: int = CHUNK_SIZE) -> BlobInfo:
    """Store everything `stream` yields, chunk by chunk, in the caller's transaction."""
    blob_id = new_uuid()
    # The row first (the chunks reference it); its size and hash are filled in at the end, before commit.
    session.execute(insert(Blob).values(id=blob_id, size=0, sha256="", chunks=0, created_at=utcnow()))
    digest, size, count = hashlib.sha256(), 0, 0
    while data := stream.read(chunk_size):
        session.execute(insert(BlobChunk).values(blob_id=blob_id, chunk_no=count, data=data))
        digest.update(data)
        size += len(data)
        count += 1
    info = BlobInfo(blob_id, size, digest.hexdigest(), count)
    session.execute(update(Blob).where(Blob.id == blob_id).values(size=size, sha256=info.sha256, chunks=count))
    return info


def put_file(session: Session, path: str | os.PathLike[str], *, chunk_size: int = CHUNK_SIZE) -> BlobInfo:
    with open(path, "rb") as f:
        return put_stream(session, f, chunk_size=chunk_size)


def info(session: Session, blob_id: str) -> BlobInfo | None:
    row = session.get(Blob, blob_id)
    return None if row is None else BlobInfo(row.id, row.size, row.sha256, row.chunks)


def iter_chunks(session: Session, blob_id: str) -> Iterator[bytes]:
    """The content, one chunk at a time; raises BlobError at the end (or at a missing chunk) when
    the content does not match the blob row. Callers that act on the data must use it only after
    the iterator ended (`export_file` does)."""
    found = info(session, blob_id)
    if found is None:
        raise BlobError(DAMAGED, f"blob {blob_id} missing")
    digest, size = hashlib.sha256(), 0
    for number in range(found.chunks):
        data = session.execute(select(BlobChunk.data).where(BlobChunk.blob_id == blob_id,
                                                            BlobChunk.chunk_no == number)).scalar()
        if data is None:
            raise BlobError(DAMAGED, f"blob {blob_id} chunk {number} missing")
        digest.update(data)
        size += len(data)
        yield bytes(data)
    if size != found.size or digest.hexdigest() != found.sha256:
        raise BlobError(DAMAGED, f"blob {blob_id}: size {size}/{found.size}, sha256 {digest.hexdigest()}")


def verify(session: Session, blob_id: str) -> bool:
    """True when every chunk is there and the content matches its size and SHA-256."""
    try:
        for _data in iter_chunks(session, blob_id):
            pass
    except BlobError:
        return False
    return True


def write_to(session: Session, blob_id: str, out: BinaryIO) -> BlobInfo:
    """Stream the content into `out`; raises BlobError after writing if it does not match."""
    for data in iter_chunks(session, blob_id):
        out.write(data)
    found = info(session, blob_id)
    assert found is not None  # iter_chunks raised otherwise
    return found


def export_file(session: Session, blob_id: str, path: Path) -> BlobInfo:
    """Write the content to `path` (owner-only), atomically: a damaged blob leaves no file behind."""
    partial = path.with_name(path.name + ".part")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            found = write_to(session, blob_id, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return found


def delete_blobs(session: Session, blob_ids: Iterable[str | None]) -> None:
    """Remove blobs and their chunks in the caller's transaction (chunks first: no reliance on cascades)."""
    ids = sorted({b for b in blob_ids if b})
    if not ids:
        return
    session.execute(delete(BlobChunk).where(BlobChunk.blob_id.in_(ids)))
    session.execute(delete(Blob).where(Blob.id.in_(ids)))


def snapshot_session(engine: Engine) -> Session:
    """A session whose reads all see one snapshot, so a blob deleted by another clerk meanwhile is still
    read whole (PostgreSQL: REPEATABLE READ; a SQLite read transaction is a snapshot already)."""
    if engine.dialect.name == "postgresql":
        engine = engine.execution_options(isolation_level="REPEATABLE READ")
    return Session(engine)
