"""Incremental packages that arrived before their predecessor: kept in the data folder until
the missing package arrives (then merged in order) or a full package supersedes them."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from antq_desktop.exchange.package_reader import VerifiedPackage
from antq_desktop.paths import data_dir
from antq_desktop.services.merge import import_log
from antq_desktop.services.merge.results import PackageResult
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.locks import locked_counter
from antq_desktop.storage.models import HeldPackage, ProducerState, utcnow

HELD_MESSAGE = ("Gói này đến trước gói liền trước của cùng đơn vị nên được giữ lại chờ. Khi nhập gói còn thiếu "
                "(hoặc một gói đầy đủ), gói này sẽ tự động được nhập; không cần làm gì thêm.")

HELD_PREVIEW = ("Xem trước: gói này đến trước gói liền trước của cùng đơn vị; khi nhập, gói sẽ được giữ lại chờ "
                "và tự động nhập khi có gói còn thiếu (hoặc một gói đầy đủ).")


def held_dir(store: Store) -> Path:
    """Next to the SQLite file, else in the user data folder (PostgreSQL)."""
    if store.sqlite_path is not None:
        folder = store.sqlite_path.parent / "held-packages"
    else:  # one folder per database, so two PostgreSQL stores never share copies
        folder = data_dir() / "held-packages" / hashlib.sha256(store.url.encode()).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def hold(store: Store, package: VerifiedPackage, result: PackageResult, actor: str) -> None:
    """Copy the file aside (the USB stick leaves) and remember it; logged and audited."""
    header = package.header
    target = held_dir(store) / f"{header.package_id}.antq"
    if not target.exists():
        partial = target.with_suffix(".part")
        shutil.copyfile(package.path, partial)
        os.replace(partial, target)
    with store.session() as session:
        locked_counter(session, f"merge:{header.producer.unit_code}")
        if session.get(HeldPackage, header.package_id) is None:
            session.add(HeldPackage(package_uuid=header.package_id, producer_unit=header.producer.unit_code,
                                    sequence=header.sequence, prev_package_sha256=header.previous_package_sha256,
                                    stored_path=str(target), file_sha256=package.package_sha256,
                                    received_at=utcnow(), reason=result.message[:400]))
        import_log.log_result(session, result, actor)
        audit.append(session, actor=actor, action="merge_held", record_type="package", record_id=header.package_id,
                     details={"producer": header.producer.unit_code, "sequence": header.sequence,
                              "file_sha256": package.package_sha256})


def drop_superseded(session: Session, producer: str, sequence: int) -> list[str]:
    """A full package contains everything up to its number: older held packages are obsolete."""
    stale = HeldPackage.producer_unit == producer, HeldPackage.sequence <= sequence
    uuids = list(session.execute(select(HeldPackage.package_uuid).where(*stale)).scalars())
    session.execute(delete(HeldPackage).where(*stale))
    return uuids


def unhold(session: Session, package_uuid: str) -> None:
    session.execute(delete(HeldPackage).where(HeldPackage.package_uuid == package_uuid))


def next_held(store: Store, producer: str) -> HeldPackage | None:
    """The held package that now follows the producer's chain, if any (read only)."""
    with store.session_factory() as session:
        state = session.get(ProducerState, producer)
        if state is None:
            return None
        stmt = select(HeldPackage).where(HeldPackage.producer_unit == producer,
                                         HeldPackage.sequence == state.last_sequence + 1)
        return session.execute(stmt).scalars().first()


def drop(store: Store, package_uuid: str) -> None:
    """A released package that can never fit the chain: forget it and delete its copy (the refusal is logged)."""
    with store.session() as session:
        unhold(session, package_uuid)
    remove_files(store, [package_uuid])


def remove_files(store: Store, package_uuids: list[str]) -> None:
    """Delete the copies whose hold ended (merged, superseded or refused), after that was committed."""
    folder = held_dir(store)
    for package_uuid in package_uuids:
        with contextlib.suppress(OSError):
            (folder / f"{package_uuid}.antq").unlink()
