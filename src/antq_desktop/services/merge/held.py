"""Incremental packages that arrived before their predecessor: kept in the database until the missing
package arrives (then merged in order, by a merge on any PC sharing the database) or a full package
supersedes them.

The held row and its copy (a blob, storage/blobs.py) are written and deleted in one transaction, so
neither outlives the other. Copies that earlier versions kept in a PC's data folder are moved into
the database by `legacy_copies` on that PC's next use.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from antq_desktop.domain.fronts import hint
from antq_desktop.exchange.errors import IO_ERROR
from antq_desktop.exchange.package_reader import VerifiedPackage
from antq_desktop.paths import data_dir
from antq_desktop.services.merge import import_log
from antq_desktop.services.merge.results import MergeStatus, PackageResult
from antq_desktop.storage import audit, blobs
from antq_desktop.storage.db import Store
from antq_desktop.storage.locks import locked_counter
from antq_desktop.storage.models import HeldPackage, ProducerState, utcnow

HELD_MESSAGE = ("Gói này đến trước gói liền trước của cùng đơn vị nên được giữ lại chờ. Khi nhập gói còn thiếu "
                "(hoặc một gói đầy đủ), gói này sẽ tự động được nhập; không cần làm gì thêm.")

HELD_PREVIEW = ("Xem trước: gói này đến trước gói liền trước của cùng đơn vị; khi nhập, gói sẽ được giữ lại chờ "
                "và tự động nhập khi có gói còn thiếu (hoặc một gói đầy đủ).")


def held_dir(store: Store) -> Path:
    """Where earlier versions kept held copies (next to the SQLite file, else in the user data folder,
    one folder per PostgreSQL database). Only read, by the move into the database; never created."""
    if store.sqlite_path is not None:
        return store.sqlite_path.parent / "held-packages"
    return data_dir() / "held-packages" / hashlib.sha256(store.url.encode()).hexdigest()[:16]


def hold(store: Store, package: VerifiedPackage, result: PackageResult, actor: str) -> None:
    """Keep the file's bytes in the database (the USB stick leaves) with its held row; logged and audited.
    All in one transaction: a crash leaves either both or neither."""
    header = package.header
    with store.session() as session:
        locked_counter(session, f"merge:{header.producer.unit_code}")
        if session.get(HeldPackage, header.package_id) is None and not _overtaken(session, header.producer.unit_code,
                                                                                   header.sequence):
            copy = blobs.put_file(session, package.path)
            session.add(HeldPackage(package_uuid=header.package_id, producer_unit=header.producer.unit_code,
                                    sequence=header.sequence, prev_package_sha256=header.previous_package_sha256,
                                    stored_path=None, blob_id=copy.id, file_sha256=package.package_sha256,
                                    received_at=utcnow(), reason=result.message[:400]))
        import_log.log_result(session, result, actor)
        audit.append(session, actor=actor, action="merge_held", record_type="package", record_id=header.package_id,
                     details={"producer": header.producer.unit_code, "sequence": header.sequence,
                              "file_sha256": package.package_sha256})


def _overtaken(session: Session, producer: str, sequence: int) -> bool:
    """Another clerk's merge reached this number between the gap check and the hold: nothing to wait for."""
    state = session.get(ProducerState, producer)
    return state is not None and state.last_sequence >= sequence


def drop_superseded(session: Session, producer: str, sequence: int) -> list[str]:
    """A full package contains everything up to its number: older held packages (and their copies) go."""
    stale = HeldPackage.producer_unit == producer, HeldPackage.sequence <= sequence
    rows = session.execute(select(HeldPackage.package_uuid, HeldPackage.blob_id).where(*stale)).all()
    session.execute(delete(HeldPackage).where(*stale))
    blobs.delete_blobs(session, [blob_id for _uuid, blob_id in rows])
    return [package_uuid for package_uuid, _blob in rows]


def unhold(session: Session, package_uuid: str) -> None:
    """End a hold (in the caller's transaction): the row and its copy together."""
    blob_id = session.execute(select(HeldPackage.blob_id).where(HeldPackage.package_uuid == package_uuid)).scalar()
    session.execute(delete(HeldPackage).where(HeldPackage.package_uuid == package_uuid))
    blobs.delete_blobs(session, [blob_id])


def next_held(store: Store, producer: str) -> HeldPackage | None:
    """The held package that now follows the producer's chain, if any (read only)."""
    with store.session_factory() as session:
        state = session.get(ProducerState, producer)
        if state is None:
            return None
        stmt = select(HeldPackage).where(HeldPackage.producer_unit == producer,
                                         HeldPackage.sequence == state.last_sequence + 1)
        return session.execute(stmt).scalars().first()


@contextlib.contextmanager
def copy_of(store: Store, waiting: HeldPackage) -> Iterator[Path | None]:
    """The held package as a file to merge, in a private temporary folder removed afterwards; None when
    its copy is not in the database (an older version's file in another PC's data folder: it is moved in
    when that PC next opens the upper office's data). Raises blobs.BlobError for a damaged copy."""
    if waiting.blob_id is None:
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="antq-held-"))
    try:
        target = folder / f"{waiting.package_uuid}.antq"
        with blobs.snapshot_session(store.engine) as session, session.begin():
            blobs.export_file(session, waiting.blob_id, target)
        yield target
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def elsewhere(waiting: HeldPackage) -> PackageResult:
    """What a merge says of a held package it cannot release yet: its copy is still a file on the PC that held it."""
    message = (f"Gói số {waiting.sequence} của đơn vị {waiting.producer_unit} đang chờ, nhưng bản sao của gói còn nằm "
               "trong thư mục dữ liệu của máy đã giữ gói (phiên bản cũ của chương trình). Hãy "
               + hint(gui="mở trang Nhận gói dữ liệu trên máy đó", cli="chạy “antq held list” trên máy đó")
               + f" để chuyển bản sao vào cơ sở dữ liệu, rồi nhập lại gói số {waiting.sequence - 1} (hoặc gói tiếp "
               "theo của đơn vị này): gói đang chờ sẽ tự động được nhập theo.")
    return PackageResult(Path(waiting.stored_path or waiting.package_uuid).name, MergeStatus.HELD, message,
                         "HELD_ELSEWHERE", waiting.producer_unit, sequence=waiting.sequence,
                         package_uuid=waiting.package_uuid, file_sha256=waiting.file_sha256)


def damaged(store: Store, waiting: HeldPackage, actor: str, error: blobs.BlobError) -> PackageResult:
    """A held copy that no longer matches its hash: refused (logged), the hold kept for inspection."""
    message = (f"{blobs.DAMAGED} Gói số {waiting.sequence} của đơn vị {waiting.producer_unit} chưa được nhập. "
               f"Hãy đề nghị đơn vị gửi lại gói số {waiting.sequence} (hoặc một gói đầy đủ) rồi nhập gói đó.")
    result = PackageResult(f"{waiting.package_uuid}.antq", MergeStatus.REFUSED, message, IO_ERROR,
                           waiting.producer_unit, sequence=waiting.sequence, package_uuid=waiting.package_uuid,
                           file_sha256=waiting.file_sha256)
    with store.session() as session:
        logged = import_log.log_attempt(session, actor=actor, path=result.file_name, result=MergeStatus.REFUSED.value,
                                        file_sha256_hex=waiting.file_sha256, error_code=IO_ERROR, message=message)
        # no header was read (the copy is damaged): the log row names the package from the held row
        logged.producer_unit, logged.package_uuid, logged.sequence = (waiting.producer_unit, waiting.package_uuid,
                                                                      waiting.sequence)
        audit.append(session, actor=actor, action="merge_refused", record_type="package",
                     record_id=waiting.package_uuid, details={"producer": waiting.producer_unit,
                                                              "sequence": waiting.sequence, "code": IO_ERROR,
                                                              "detail": error.detail[:300]})
    return result


def drop(store: Store, package_uuid: str) -> None:
    """A released package that can never fit the chain: forget it and its copy (the refusal is logged)."""
    with store.session() as session:
        unhold(session, package_uuid)
    remove_files(store, [package_uuid])


def remove_files(store: Store, package_uuids: list[str]) -> None:
    """After a hold ended (committed): delete an older version's copy of it in this PC's data folder, if any.
    The database copies went with their rows."""
    folder = held_dir(store)
    if not folder.is_dir():
        return
    for package_uuid in package_uuids:
        with contextlib.suppress(OSError):
            (folder / f"{package_uuid}.antq").unlink()
