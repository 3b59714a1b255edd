"""A district/cluster office forwards to the province (package kind "forward").

The forward package bundles the ORIGINAL commune packages the office merged (copies kept by
``merge_archive``), still carrying the communes' own signatures, plus a full package of the
office's own records (an ordinary export to the province). It is signed by the office and
encrypted to the province. The commune packages were encrypted to the office; so that the
province can open them without the office's private key, the forward carries each one's
payload key (inside the forward's encrypted payload). The signatures still prove that the
commune wrote exactly those bytes. The office also vouches for the commune keys it trusts
(``vouched_key`` records) and reports the commune keys it revoked (``key_revocation`` records,
``services/forward/revocations.py``). Province side: ``services/merge/forwarded.py``.

The kept copies live in the database (``merge_archive``), so a forward written on any clerk's PC carries
the packages merged on every PC; they are written out to a private temporary folder while the forward is
written, each checked against its SHA-256, and removed afterwards.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop import __version__
from antq_desktop.domain.errors import AntqError
from antq_desktop.domain.fronts import hint
from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import NO_RECIPIENT, PackageError
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import PackageHeader, Producer
from antq_desktop.exchange.package_writer import PackageMeta, write_package
from antq_desktop.exchange.stream_crypto import payload_key_info
from antq_desktop.services.export import build as export
from antq_desktop.services.forward.revocations import revocation_records
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.keys.ring import KeyRing
from antq_desktop.services.merge import archive as merge_archive
from antq_desktop.services.merge import legacy_copies
from antq_desktop.storage import audit, migrate
from antq_desktop.storage.blobs import BlobError
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import ImportAttempt, KnownKey, Setting, UnitProfile

KIND = "forward"
STATE_KEY = "forward.last"  # {"sequence", "last_attempt_id", "package_id"}
CHUNK_BYTES = 512 * 1024  # base64 of this stays well under the reader's 1 MiB line limit

Progress = Callable[[float, str], None]


class ForwardError(AntqError):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Inner:
    path: Path
    header: PackageHeader
    package_sha256: str
    own: bool = False
    payload_key: bytes | None = None


@dataclass
class ForwardResult:
    path: Path
    package_id: str
    sequence: int
    inner: list[Inner]
    notes: list[str] = field(default_factory=list)


def _office(session: Session) -> UnitProfile:
    profile = session.get(UnitProfile, 1)
    if profile is None or profile.role in ("commune", "province"):
        raise ForwardError("Chỉ công an cụm/huyện mới chuyển tiếp gói của xã lên tỉnh. Xã gửi dữ liệu "
                           + hint(gui="ở trang Gửi – nhận dữ liệu", cli="bằng “antq export”")
                           + "; tỉnh là cấp cao nhất.", "NOT_A_DISTRICT")
    return profile


def _state(session: Session) -> dict[str, Any]:
    row = session.get(Setting, STATE_KEY)
    return json.loads(row.value) if row is not None else {"sequence": 0, "last_attempt_id": 0}


def _merged(session: Session, own: str, after_id: int) -> list[ImportAttempt]:
    """Commune packages merged here, in merge order (which respects every commune's chain)."""
    stmt = (select(ImportAttempt).where(ImportAttempt.result == "merged", ImportAttempt.id > after_id,
                                        ImportAttempt.kind.in_(("full", "incremental")),
                                        ImportAttempt.producer_unit != own)
            .order_by(ImportAttempt.id))
    return list(session.execute(stmt).scalars())


def _with_copies(session: Session, attempts: list[ImportAttempt], notes: list[str]) -> list[ImportAttempt]:
    """The merged packages whose kept copy travels, once each; a package a later full package of its
    producer supersedes needs none (docs/merge.md, "Kept copies"); any other without a copy is noted."""
    uuids = list(dict.fromkeys(a.package_uuid for a in attempts if a.package_uuid is not None))
    kept, latest = merge_archive.kept(session, uuids), merge_archive.latest_full(session)
    wanted, seen = [], set()
    for attempt in attempts:
        if attempt.package_uuid in seen or attempt.package_uuid is None:
            continue
        seen.add(attempt.package_uuid)
        if attempt.package_uuid in kept:
            wanted.append(attempt)
        elif (attempt.sequence or 0) >= latest.get(attempt.producer_unit or "", 0):
            notes.append(f"Không còn bản sao gói số {attempt.sequence} của xã {attempt.producer_unit} (nhập trước khi "
                         "chương trình lưu bản sao); hãy đề nghị xã gửi một gói đầy đủ.")
    return wanted


def _vouched(session: Session, inner: list[Inner], own: str) -> list[dict[str, Any]]:
    """The trusted keys that signed the forwarded packages: the office vouches for them."""
    ids = sorted({i.header.signer_key_id for i in inner if not i.own})
    rows = session.execute(select(KnownKey).where(KnownKey.key_id.in_(ids), KnownKey.is_trusted.is_(True),
                                                  KnownKey.revoked_at.is_(None))).scalars()
    return [{"type": "vouched_key", "id": r.key_id, "origin_unit": own, "unit_code": r.unit_code,
             "unit_name": r.unit_name, "role": r.role, "signing_public": r.signing_public,
             "receiving_public": r.receiving_public, "fingerprint": r.fingerprint} for r in rows]


def _open_keys(store: Store, password: str, inner: list[Inner], actor: str) -> None:
    ring = KeyRing(store, password, actor=actor)
    try:
        for item in inner:
            header = item.header
            opener = ring.opener(header)
            if opener is not None and header.wrapped_key is not None and header.recipient_key_id is not None:
                info = payload_key_info(header.package_id, header.producer.unit_code, header.signer_key_id,
                                        header.recipient_key_id)
                item.payload_key = opener.open_payload_key(header.wrapped_key, info)
    finally:
        ring.close()


def _records(own: str, vouched: list[dict[str, Any]], inner: list[Inner],
             revoked: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield from vouched
    yield from revoked  # before the packages: the province knows the limits before it reads any of them
    for item in inner:
        header, size = item.header, item.path.stat().st_size
        chunks = max(1, -(-size // CHUNK_BYTES))
        key = base64.b64encode(item.payload_key).decode() if item.payload_key else None
        yield {"type": "forward_package", "id": header.package_id, "origin_unit": own,
               "producer_unit": header.producer.unit_code, "sequence": header.sequence, "kind": header.kind,
               "package_sha256": item.package_sha256, "file_size": size, "chunks": chunks, "own": item.own,
               "payload_key": key}
        with item.path.open("rb") as f:
            for index in range(chunks):
                yield {"type": "forward_chunk", "id": header.package_id, "origin_unit": own, "index": index,
                       "data": base64.b64encode(f.read(CHUNK_BYTES)).decode()}


def write_forward(store: Store, dest: str | Path, *, password: str, actor: str, since_last: bool = False,
                  progress: Progress | None = None) -> ForwardResult:
    """Write the forward package at ``dest``; raises ForwardError. Nothing is recorded if it fails."""
    dest = Path(dest)
    notes: list[str] = []
    legacy_copies.move_into_database(store)  # copies an older version left in this PC's data folder
    with store.session_factory() as session:
        office = _office(session)
        state = _state(session)
        recipient = keys.recipient_record(session)
        if recipient is None:
            raise ForwardError(PackageError(NO_RECIPIENT).message_vi, NO_RECIPIENT)
        attempts = _merged(session, office.unit_code, int(state["last_attempt_id"]) if since_last else 0)
        last_attempt = max([a.id for a in attempts], default=int(state["last_attempt_id"]))
        wanted = _with_copies(session, attempts, notes)
    try:
        with merge_archive.copies_out(store, [a.package_uuid or "" for a in wanted]) as files:
            inner = [Inner(files[a.package_uuid], package_reader.inspect(files[a.package_uuid]), a.file_sha256)
                     for a in wanted if a.package_uuid in files]
            written, sequence = _write(store, dest, office, state, recipient, inner, password=password, actor=actor,
                                       progress=progress)
    except BlobError as exc:
        raise ForwardError(f"{exc.message} Chưa lập được gói chuyển tiếp. Hãy đề nghị xã có gói hỏng gửi một gói "
                           "đầy đủ, nhập gói đó rồi chuyển tiếp lại.", "COPY_DAMAGED") from None
    try:
        _record(store, written, sequence, last_attempt, inner, actor)
    except BaseException:
        dest.unlink(missing_ok=True)  # unrecorded: the sequence number stays free
        raise
    return ForwardResult(dest, written.header.package_id, sequence, [i for i in inner if not i.own], notes)


def _write(store: Store, dest: Path, office: UnitProfile, state: dict[str, Any], recipient: Any, inner: list[Inner],
           *, password: str, actor: str, progress: Progress | None) -> tuple[Any, int]:
    """The forward package itself: the kept copies, the office's own full export, signed and encrypted."""
    with store.session_factory() as session:
        vouched = _vouched(session, inner, office.unit_code)
        revoked = revocation_records(store, session, office.unit_code)
        blob = keys.active_blob(session, actor)
    own_path = dest.with_name(f".{dest.name}.own.antq")
    try:
        _open_keys(store, password, inner, actor)
        # The office's own records travel as an ordinary full export to the province (its own chain).
        own = export.export_package(store, own_path, password=password, actor=actor, kind="full")
        inner.append(Inner(own_path, package_reader.inspect(own_path), own.package_sha256, own=True))
        sequence = int(state["sequence"]) + 1
        meta = PackageMeta(Producer(office.unit_code, office.unit_name, office.role), sequence, KIND,
                           str(date.today().year), __version__, migrate.head_revision())
        with KeyStore.unlock(blob, password) as signer:
            written = write_package(dest, _records(office.unit_code, vouched, inner, revoked), meta, signer, recipient,
                                    progress=progress)
    except PackageError as exc:
        raise ForwardError(keys.unlock_message(exc), exc.code) from None
    except export.ExportError as exc:
        raise ForwardError(exc.message, exc.code) from None
    finally:
        own_path.unlink(missing_ok=True)
    return written, sequence


def _record(store: Store, written: Any, sequence: int, last_attempt: int, inner: list[Inner], actor: str) -> None:
    with store.session() as session:
        row = session.get(Setting, STATE_KEY) or Setting(key=STATE_KEY, value="{}")
        row.value = json.dumps({"sequence": sequence, "last_attempt_id": last_attempt,
                                "package_id": written.header.package_id})
        session.add(row)
        audit.append(session, actor=actor, action="forward", record_type="package",
                     record_id=written.header.package_id,
                     details={"sequence": sequence, "packages": [i.header.package_id for i in inner]})
