"""The blob store (storage/blobs.py) on SQLite and PostgreSQL: chunked, streamed both ways, committed with the
caller's transaction, and a copy whose bytes no longer match its SHA-256 is refused, never used."""

from __future__ import annotations

import hashlib
import io
import os

import pytest
from sqlalchemy import func, select, update

from antq_desktop.storage import blobs
from antq_desktop.storage.db import open_store
from antq_desktop.storage.models import Blob, BlobChunk


@pytest.fixture
def bare(engine_url):  # type: ignore[no-untyped-def]
    store = open_store(engine_url)
    yield store
    store.close()


class CountingReader(io.RawIOBase):
    """A stream that says how much each read asked for: the store must never ask for more than a chunk."""

    def __init__(self, data: bytes) -> None:
        self.data, self.position, self.asked = data, 0, []  # type: ignore[var-annotated]

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        self.asked.append(size)
        piece = self.data[self.position:self.position + size] if size >= 0 else self.data[self.position:]
        self.position += len(piece)
        return piece


def _chunks(store, blob_id):  # type: ignore[no-untyped-def]
    with store.session_factory() as session:
        return list(session.execute(select(BlobChunk.chunk_no, func.length(BlobChunk.data))
                                    .where(BlobChunk.blob_id == blob_id).order_by(BlobChunk.chunk_no)).all())


def test_a_file_goes_in_chunks_and_comes_back_whole(bare, tmp_path) -> None:
    data = os.urandom(2 * blobs.CHUNK_SIZE + 12345)
    source = tmp_path / "p.antq"
    source.write_bytes(data)
    with bare.session() as session:
        stored = blobs.put_file(session, source)
    assert (stored.size, stored.sha256, stored.chunks) == (len(data), hashlib.sha256(data).hexdigest(), 3)
    assert _chunks(bare, stored.id) == [(0, blobs.CHUNK_SIZE), (1, blobs.CHUNK_SIZE), (2, 12345)]
    with bare.session_factory() as session:
        pieces = list(blobs.iter_chunks(session, stored.id))
        assert [len(p) for p in pieces] == [blobs.CHUNK_SIZE, blobs.CHUNK_SIZE, 12345]  # one chunk at a time
        out = tmp_path / "out.antq"
        assert blobs.export_file(session, stored.id, out) == stored
    assert out.read_bytes() == data and b"".join(pieces) == data
    if os.name != "nt":
        assert out.stat().st_mode & 0o077 == 0  # a package's bytes: owner-only


def test_streaming_in_never_reads_more_than_a_chunk(bare) -> None:
    reader = CountingReader(os.urandom(10_000))
    with bare.session() as session:
        stored = blobs.put_stream(session, reader, chunk_size=4096)  # type: ignore[arg-type]
    assert reader.asked and max(reader.asked) == 4096
    assert [size for _no, size in _chunks(bare, stored.id)] == [4096, 4096, 1808]


def test_an_empty_file_is_a_blob_without_chunks(bare, tmp_path) -> None:
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    with bare.session() as session:
        stored = blobs.put_file(session, empty)
    with bare.session_factory() as session:
        assert stored.chunks == 0 and b"".join(blobs.iter_chunks(session, stored.id)) == b""


def test_a_rolled_back_transaction_leaves_no_blob(bare, tmp_path) -> None:
    source = tmp_path / "p.antq"
    source.write_bytes(os.urandom(3000))
    with pytest.raises(RuntimeError), bare.session() as session:
        blobs.put_file(session, source, chunk_size=1000)
        raise RuntimeError("the row that points at it failed")
    with bare.session_factory() as session:
        assert session.execute(select(func.count()).select_from(Blob)).scalar() == 0
        assert session.execute(select(func.count()).select_from(BlobChunk)).scalar() == 0


@pytest.mark.parametrize("damage", ["flipped byte", "missing chunk", "extra bytes", "recorded hash"])
def test_content_that_does_not_match_its_hash_is_refused(bare, tmp_path, damage) -> None:
    source = tmp_path / "p.antq"
    source.write_bytes(os.urandom(5000))
    with bare.session() as session:
        stored = blobs.put_file(session, source, chunk_size=2048)
    with bare.session() as session:
        chunk = (BlobChunk.blob_id == stored.id) & (BlobChunk.chunk_no == 1)
        if damage == "flipped byte":
            data = bytearray(session.execute(select(BlobChunk.data).where(chunk)).scalar_one())
            data[7] ^= 0x01
            session.execute(update(BlobChunk).where(chunk).values(data=bytes(data)))
        elif damage == "missing chunk":
            session.execute(BlobChunk.__table__.delete().where(chunk))
        elif damage == "extra bytes":
            session.execute(update(BlobChunk).where(chunk).values(data=b"x" * 2049))
        else:
            session.execute(update(Blob).where(Blob.id == stored.id).values(sha256="0" * 64))
    out = tmp_path / "out.antq"
    with bare.session_factory() as session:
        with pytest.raises(blobs.BlobError, match="không khớp"):
            blobs.export_file(session, stored.id, out)
        assert not blobs.verify(session, stored.id)
    assert not out.exists() and list(tmp_path.glob("out.antq*")) == []  # no file, not even a partial one


def test_a_missing_blob_is_refused(bare, tmp_path) -> None:
    with bare.session_factory() as session:
        with pytest.raises(blobs.BlobError):
            blobs.export_file(session, "no-such-blob", tmp_path / "out")
        assert blobs.info(session, "no-such-blob") is None


def test_deleting_removes_the_chunks_too(bare, tmp_path) -> None:
    source = tmp_path / "p.antq"
    source.write_bytes(os.urandom(3000))
    with bare.session() as session:
        first = blobs.put_file(session, source, chunk_size=1000)
        second = blobs.put_file(session, source, chunk_size=1000)
    with bare.session() as session:
        blobs.delete_blobs(session, [first.id, None])
    assert _chunks(bare, first.id) == [] and len(_chunks(bare, second.id)) == 3
    with bare.session_factory() as session:
        assert blobs.info(session, first.id) is None and blobs.verify(session, second.id)
