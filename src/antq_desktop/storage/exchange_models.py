"""ORM models of the exchange: keys and their per-account wraps, the trust registry, export history,
imports, held and kept packages (stored as blobs) and merge conflicts. Local: never exported."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from antq_desktop.storage.model_base import Base, new_uuid, utcnow

# ---- Exchange: keys, trust registry, export history, imports (local, never exported) ----

class LocalKey(Base):
    """This installation's key pair: public halves here, private halves wrapped per account in ``key_wraps``."""

    __tablename__ = "local_keys"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    key_id: Mapped[str] = mapped_column(String(64), unique=True)
    fingerprint: Mapped[str] = mapped_column(String(40))
    # Keystore JSON, public halves only since migration 0012: the private halves are in ``key_wraps``.
    blob: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)
    retired_reason: Mapped[str | None] = mapped_column(String(400))


class KeyWrap(Base):
    """A local key's private halves wrapped for one account (Argon2id KEK from that account's password).

    ``kind``: ``account`` (``user_id`` set: that account's wrap), ``legacy`` (the single wrap of a store
    from before migration 0012, claimed by the first admin/officer whose password opens it) or
    ``handover`` (a rotated-in key pair sealed with HPKE to the previous receiving key ``sealed_to``:
    each account holding that key takes its own wrap of the new pair at its next sign-in).
    Model and rules: docs/security.md, "The office key per account".
    """

    __tablename__ = "key_wraps"
    __table_args__ = (UniqueConstraint("key_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_id: Mapped[str] = mapped_column(String(64), ForeignKey("local_keys.key_id"), index=True)
    user_id: Mapped[str | None] = mapped_column(String(36), ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # account | legacy | handover
    blob: Mapped[str] = mapped_column(Text)  # keystore JSON (account, legacy) or base64 HPKE (handover)
    sealed_to: Mapped[str | None] = mapped_column(String(64))  # handover: the receiving key id that opens it
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(60))


class KnownKey(Base):
    """Another unit's public keys: the upper office's (to encrypt to) or a commune's (trusted signer)."""

    __tablename__ = "known_keys"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    key_id: Mapped[str] = mapped_column(String(64), unique=True)
    unit_code: Mapped[str] = mapped_column(String(16), index=True)
    unit_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    signing_public: Mapped[str] = mapped_column(String(100))
    receiving_public: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(40))
    is_recipient: Mapped[bool] = mapped_column(Boolean, default=False)  # we encrypt packages to it
    is_trusted: Mapped[bool] = mapped_column(Boolean, default=False)  # its signatures are accepted
    source: Mapped[str] = mapped_column(String(20))  # enrolled | announced | vouched | recipient
    replaces_key_id: Mapped[str | None] = mapped_column(String(64))
    enrolled_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    enrolled_by: Mapped[str] = mapped_column(String(60))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_by: Mapped[str | None] = mapped_column(String(60))
    revoke_reason: Mapped[str | None] = mapped_column(String(400))
    note: Mapped[str | None] = mapped_column(Text)


class OfficeCatchment(Base):
    """The communes an enrolled office may vouch keys for, as recorded by THIS (receiving) office.

    Never taken from the office's own packages: the receiving office types the list at enrolment
    (`antq trust add FILE --role district --communes ...`) or edits it later.
    """

    __tablename__ = "office_catchment"
    __table_args__ = (UniqueConstraint("office_unit", "commune_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    office_unit: Mapped[str] = mapped_column(String(16), index=True)
    commune_code: Mapped[str] = mapped_column(String(16))
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(60))


class ReceivedRevocation(Base):
    """A key revocation an office reported up in its forward, applied here (issue 14, point 3).

    ``valid_up_to_sequence`` and ``valid_packages`` are what the office had merged from the key
    before revoking it: the only packages of that key this office still accepts, and only inside
    that office's forwards. The first report wins: a later forward never widens it.
    """

    __tablename__ = "received_revocations"
    __table_args__ = (UniqueConstraint("key_id", "office_unit"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_id: Mapped[str] = mapped_column(String(64), index=True)
    unit_code: Mapped[str] = mapped_column(String(16))
    office_unit: Mapped[str] = mapped_column(String(16))  # the office that revoked it and reported it
    revoked_at: Mapped[datetime] = mapped_column(DateTime)  # at the office
    revoked_by: Mapped[str] = mapped_column(String(60))  # the officer there
    compromised_since: Mapped[datetime | None] = mapped_column(DateTime)
    reason: Mapped[str | None] = mapped_column(String(400))
    valid_up_to_sequence: Mapped[int | None] = mapped_column(Integer)
    valid_packages: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of package ids
    forward_package_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    received_by: Mapped[str] = mapped_column(String(60))


class ExportRecord(Base):
    """One package written by this installation (the officer's export history)."""

    __tablename__ = "export_history"

    package_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(12))  # full | incremental | plan | forward
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(60))
    file_name: Mapped[str] = mapped_column(String(400))
    file_sha256: Mapped[str] = mapped_column(String(64))
    file_size: Mapped[int] = mapped_column(Integer)
    recipient_key_id: Mapped[str | None] = mapped_column(String(64))
    encrypted: Mapped[bool] = mapped_column(Boolean, default=True)
    record_counts: Mapped[str] = mapped_column(Text, default="{}")
    from_change_seq: Mapped[int] = mapped_column(Integer, default=0)  # exclusive
    to_change_seq: Mapped[int] = mapped_column(Integer, default=0)  # inclusive
    prev_package_sha256: Mapped[str | None] = mapped_column(String(64))
    audit_head: Mapped[str | None] = mapped_column(String(64))
    receipt_verified_at: Mapped[datetime | None] = mapped_column(DateTime)


class ProducerState(Base):
    """Per producing unit: what has been merged, so replays, gaps and jumps are recognised."""

    __tablename__ = "producer_state"

    producer_unit: Mapped[str] = mapped_column(String(16), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(64))
    last_sequence: Mapped[int] = mapped_column(Integer)
    last_package_uuid: Mapped[str] = mapped_column(String(36))
    last_package_sha256: Mapped[str] = mapped_column(String(64))
    last_merged_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_audit_head: Mapped[str | None] = mapped_column(String(64))


class ImportAttempt(Base):
    """Every attempt to verify or merge a package, accepted or refused (who, when, file hash, result)."""

    __tablename__ = "import_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(60))
    file_name: Mapped[str] = mapped_column(String(400))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    producer_unit: Mapped[str | None] = mapped_column(String(16), index=True)
    package_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    sequence: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(12))
    result: Mapped[str] = mapped_column(String(12))  # merged | duplicate | refused | held | dry_run
    error_code: Mapped[str | None] = mapped_column(String(30))
    message: Mapped[str | None] = mapped_column(Text)
    counts: Mapped[str] = mapped_column(Text, default="{}")  # {type: {new, updated, unchanged, conflict}}


class HeldPackage(Base):
    """An incremental package waiting for its missing predecessor (or a superseding full package)."""

    __tablename__ = "held_packages"

    package_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    producer_unit: Mapped[str] = mapped_column(String(16), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    prev_package_sha256: Mapped[str | None] = mapped_column(String(64))
    # Earlier versions kept the copy in the data folder of the PC that held it; it is moved into
    # `blob_id` on that PC's next use (services/merge/legacy_copies.py), then this is None.
    stored_path: Mapped[str | None] = mapped_column(String(600))
    blob_id: Mapped[str | None] = mapped_column(ForeignKey("blobs.id"))  # the copy, in the database
    file_sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(String(400))


class ArchivedPackage(Base):
    """The copy of a merged package that a district office forwards to the province (services/merge/archive.py).
    One row per package id; a producer's later full package supersedes its earlier copies."""

    __tablename__ = "merged_packages"

    package_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    producer_unit: Mapped[str] = mapped_column(String(16), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))
    file_sha256: Mapped[str] = mapped_column(String(64))
    blob_id: Mapped[str] = mapped_column(ForeignKey("blobs.id"))
    kept_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Blob(Base):
    """A file's bytes kept in the database, in BlobChunk rows (storage/blobs.py): whole-content SHA-256 and
    size are checked on every read."""

    __tablename__ = "blobs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    chunks: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class BlobChunk(Base):
    """One piece (at most storage.blobs.CHUNK_SIZE bytes) of a Blob, numbered from 0."""

    __tablename__ = "blob_chunks"

    blob_id: Mapped[str] = mapped_column(ForeignKey("blobs.id", ondelete="CASCADE"), primary_key=True)
    chunk_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class MergeConflict(Base):
    """Same UUID and revision, different content: reported, never silently overwritten."""

    __tablename__ = "merge_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    package_uuid: Mapped[str] = mapped_column(String(36), index=True)
    producer_unit: Mapped[str] = mapped_column(String(16))
    record_type: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    stored_sha256: Mapped[str] = mapped_column(String(64))
    incoming_sha256: Mapped[str] = mapped_column(String(64))
    incoming_record: Mapped[str] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
