"""Encrypted, checked backups of the SQLite store, rolling daily copies, and restore.

File format (.antqbak), all integers big-endian:

    magic   8 bytes  b"ANTQBAK\\x01"
    hlen    4 bytes  length of the header
    header  hlen     UTF-8 JSON: format, version, kdf {alg, time_cost, memory_cost_kib, parallelism,
                     salt}, file_salt, cipher, chunk_size, plain_size, created_at, unit_code,
                     username, schema_revision
    chunks           ChaCha20-Poly1305, each chunk_size bytes of plaintext (the last may be shorter) + 16-byte tag

Key: Argon2id(password, kdf.salt) -> 32-byte master; HKDF-SHA256(master, salt=file_salt) -> file key,
so a key derived once at sign-in can seal many files without ever reusing a nonce. Nonce of chunk i
is i (11 bytes) || 1 if last else 0 (the STREAM construction), and every chunk authenticates
magic+hlen+header as associated data: truncation, reordering or header edits all fail decryption.

The copy is taken with SQLite's online backup API into memory, checked with integrity_check, and
only then encrypted and written (temp + fsync + rename): a backup on disk is always whole and checked.
"""

from __future__ import annotations

import base64
import json
import os
import re
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from antq_desktop.domain.errors import AntqError
from antq_desktop.domain.fronts import hint
from antq_desktop.services.safe_files import atomic_write, open_user_file
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import utcnow

MAGIC = b"ANTQBAK\x01"
FORMAT, VERSION = "antq-backup", 1
CHUNK_SIZE = 1024 * 1024
TAG_LEN = 16
MAX_HEADER = 16 * 1024
SUFFIX = ".antqbak"
_ROLLING_NAME = re.compile(r"^antq-[A-Za-z0-9-]*?-?(\d{8}-\d{6})\.antqbak$")


class BackupError(AntqError):
    """Không sao lưu hoặc khôi phục được. Hãy thử lại; nếu vẫn lỗi, hãy báo cán bộ kỹ thuật."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id: RFC 9106's second recommended profile (64 MiB, 3 passes), as for account passwords."""

    time_cost: int = 3
    memory_cost_kib: int = 64 * 1024
    parallelism: int = 1

    def checked(self) -> KdfParams:
        # The header is read before the password can be checked: a file on a stick must not make the
        # laptop spend a gigabyte and half a minute (1 GiB, 16 passes) before it is refused.
        if not (1 <= self.time_cost <= MAX_KDF.time_cost and 8 * self.parallelism <= self.memory_cost_kib
                <= MAX_KDF.memory_cost_kib and 1 <= self.parallelism <= MAX_KDF.parallelism):
            raise BackupError(_too_costly(self))
        return self


# The most a backup may demand: 4x the memory and 3x the passes of our own default (room for a future,
# stronger default), at most ~4 s on an office laptop; 1 GiB / 16 passes took 25 s before any check.
MAX_KDF = KdfParams(time_cost=10, memory_cost_kib=256 * 1024, parallelism=4)


def _too_costly(params: KdfParams) -> str:
    return (f"Bản sao lưu đòi tham số giải mã ngoài giới hạn cho phép (bộ nhớ {params.memory_cost_kib // 1024} MiB, "
            f"{params.time_cost} lượt, {params.parallelism} luồng; tối đa {MAX_KDF.memory_cost_kib // 1024} MiB, "
            f"{MAX_KDF.time_cost} lượt, {MAX_KDF.parallelism} luồng) nên chưa giải mã. Tệp có thể đã bị sửa; "
            "hãy chọn bản sao lưu khác.")


DEFAULT_KDF = KdfParams()
_DAMAGED = ("Không giải mã được bản sao lưu: sai mật khẩu, hoặc tệp đã bị hỏng hay bị sửa. "
            "Hãy nhập đúng mật khẩu của người đã tạo bản sao lưu, hoặc chọn bản sao lưu khác.")


@dataclass(frozen=True)
class BackupKey:
    """The Argon2id master key, derived once (slow on purpose) and reusable for many backups."""

    master: bytes = field(repr=False)
    salt: bytes
    params: KdfParams = DEFAULT_KDF

    @classmethod
    def derive(cls, password: str, *, salt: bytes | None = None, params: KdfParams = DEFAULT_KDF) -> BackupKey:
        salt = salt if salt is not None else os.urandom(16)
        p = params.checked()
        master = hash_secret_raw(password.encode("utf-8"), salt, time_cost=p.time_cost,
                                 memory_cost=p.memory_cost_kib, parallelism=p.parallelism, hash_len=32,
                                 type=Type.ID)
        return cls(master, salt, p)

    def file_key(self, file_salt: bytes) -> bytes:
        return HKDF(hashes.SHA256(), 32, file_salt, b"ANTQ-BACKUP-v1").derive(self.master)


@dataclass(frozen=True)
class BackupHeader:
    created_at: str
    unit_code: str
    username: str
    schema_revision: str | None
    plain_size: int
    chunk_size: int
    kdf: KdfParams
    salt: bytes
    file_salt: bytes
    raw: bytes = field(repr=False)  # magic + hlen + header bytes: the chunks' associated data


@dataclass(frozen=True)
class BackupListing:
    path: Path
    size: int
    header: BackupHeader | None  # None: not readable as a backup


# ---- snapshot and checks ----

def _check_hint() -> str:
    return hint(gui="Hãy báo cán bộ kỹ thuật kiểm tra máy (Trợ giúp → Giới thiệu: thư mục nhật ký lỗi)",
                cli="Hãy chạy “antq check”")


def _integrity(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]


def _scalar(conn: sqlite3.Connection, sql: str) -> Any:
    try:
        row = conn.execute(sql).fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def snapshot(db_path: Path) -> tuple[bytes, dict[str, Any]]:
    """Online copy (other connections may keep writing) into memory, checked before anything is written."""
    src = sqlite3.connect(db_path, timeout=30)
    mem = sqlite3.connect(":memory:")
    try:
        src.backup(mem)
        problems = _integrity(mem)
        if problems != ["ok"]:
            raise BackupError("Cơ sở dữ liệu hiện tại không toàn vẹn (integrity_check: "
                              f"{'; '.join(problems[:3])}), nên chưa sao lưu. " + _check_hint()
                              + " và khôi phục từ một bản sao lưu tốt.")
        info = {"schema_revision": _scalar(mem, "SELECT version_num FROM alembic_version"),
                "unit_code": _scalar(mem, "SELECT unit_code FROM unit_profile WHERE id = 1") or ""}
        return _rollback_mode(mem.serialize()), info
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"Không đọc được cơ sở dữ liệu để sao lưu ({exc}). {_check_hint()}.") from exc
    finally:
        mem.close()
        src.close()


def _rollback_mode(data: bytes) -> bytes:
    """Header bytes 18-19 say "WAL" (2) in a copy of a WAL store; an in-memory or fresh copy needs 1."""
    if len(data) >= 20 and data[18:20] == b"\x02\x02":
        return data[:18] + b"\x01\x01" + data[20:]
    return data


# ---- encryption ----

def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _chunk_count(plain_size: int, chunk_size: int) -> int:
    return max(1, -(-plain_size // chunk_size))


def _header_bytes(key: BackupKey, file_salt: bytes, plain_size: int, info: dict[str, Any], username: str) -> bytes:
    header = {"format": FORMAT, "version": VERSION,
              "kdf": {"alg": "argon2id", **asdict(key.params), "salt": base64.b64encode(key.salt).decode()},
              "file_salt": base64.b64encode(file_salt).decode(), "cipher": "chacha20poly1305-stream",
              "chunk_size": CHUNK_SIZE, "plain_size": plain_size,
              "created_at": utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"), "unit_code": info.get("unit_code") or "",
              "username": username, "schema_revision": info.get("schema_revision")}
    body = json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return MAGIC + struct.pack(">I", len(body)) + body


def _sealed_chunks(data: bytes, key: BackupKey, username: str, info: dict[str, Any]) -> Iterator[bytes]:
    file_salt = os.urandom(32)
    prefix = _header_bytes(key, file_salt, len(data), info, username)
    aead = ChaCha20Poly1305(key.file_key(file_salt))
    yield prefix
    count = _chunk_count(len(data), CHUNK_SIZE)
    view = memoryview(data)
    for i in range(count):
        piece = bytes(view[i * CHUNK_SIZE:(i + 1) * CHUNK_SIZE])
        yield aead.encrypt(_nonce(i, i == count - 1), piece, prefix)


def write_backup(db_path: Path, dest: Path, key: BackupKey, *, username: str) -> Path:
    """Snapshot, check, encrypt and atomically write one backup file."""
    data, info = snapshot(db_path)

    def write(f: IO[bytes]) -> None:
        for piece in _sealed_chunks(data, key, username, info):
            f.write(piece)

    return atomic_write(Path(dest), write, what="bản sao lưu")


def create_backup(store: Store, dest: Path, key: BackupKey, *, actor: str) -> Path:
    """Back up an open store and note it in the audit trail (who, which file)."""
    from antq_desktop.storage import audit

    path = write_backup(_db_path(store), Path(dest), key, username=actor)
    with store.session() as session:
        audit.append(session, actor=actor, action="backup", details={"file": path.name})
    return path


def _db_path(store: Store) -> Path:
    path = store.sqlite_path
    if path is None:
        raise BackupError("Chỉ sao lưu được cơ sở dữ liệu dạng tệp SQLite; với PostgreSQL hãy dùng pg_dump.")
    return path


# ---- reading ----

def _parse_header(body: bytes, raw: bytes) -> BackupHeader:
    obj = json.loads(body.decode("utf-8"))
    if obj.get("format") != FORMAT or obj.get("version") != VERSION or obj["kdf"].get("alg") != "argon2id":
        raise BackupError("Bản sao lưu có định dạng mới hơn hoặc lạ. Hãy cập nhật ANTQ Desktop rồi thử lại.")
    kdf = obj["kdf"]
    params = KdfParams(int(kdf["time_cost"]), int(kdf["memory_cost_kib"]), int(kdf["parallelism"])).checked()
    header = BackupHeader(str(obj["created_at"]), str(obj["unit_code"]), str(obj["username"]),
                          obj.get("schema_revision"), int(obj["plain_size"]), int(obj["chunk_size"]), params,
                          base64.b64decode(kdf["salt"]), base64.b64decode(obj["file_salt"]), raw)
    if not (1024 <= header.chunk_size <= 64 * 1024 * 1024 and 0 <= header.plain_size <= 1 << 40):
        raise BackupError(_DAMAGED)
    return header


def _read_header_from(f: IO[bytes]) -> BackupHeader:
    not_backup = BackupError("Tệp này không phải bản sao lưu của ANTQ Desktop (.antqbak). Hãy chọn đúng tệp.")
    prefix = f.read(12)
    if len(prefix) != 12 or prefix[:8] != MAGIC:
        raise not_backup
    (length,) = struct.unpack(">I", prefix[8:])
    body = f.read(length) if length <= MAX_HEADER else b""
    if len(body) != length or not body:
        raise not_backup
    try:
        return _parse_header(body, prefix + body)
    except BackupError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise not_backup from exc


def read_header(path: Path) -> BackupHeader:
    """Who made the backup and when, without the password (for lists and the restore prompt)."""
    try:
        with open_user_file(path, what="tệp sao lưu (.antqbak)", error=BackupError) as f:  # never a FIFO/device
            return _read_header_from(f)
    except OSError as exc:
        raise BackupError(f"Không đọc được tệp sao lưu ({exc.strerror or exc}). Hãy kiểm tra ổ đĩa.") from exc


def key_for(header: BackupHeader, secret: str | BackupKey) -> BackupKey:
    if isinstance(secret, BackupKey) and secret.salt == header.salt and secret.params == header.kdf:
        return secret
    if isinstance(secret, BackupKey):
        raise BackupError(_DAMAGED)
    return BackupKey.derive(secret, salt=header.salt, params=header.kdf)


def _plain_chunks(f: IO[bytes], header: BackupHeader, key: BackupKey) -> Iterator[bytes]:
    aead = ChaCha20Poly1305(key.file_key(header.file_salt))
    count = _chunk_count(header.plain_size, header.chunk_size)
    for i in range(count):
        last = i == count - 1
        want = (header.plain_size - i * header.chunk_size if last else header.chunk_size) + TAG_LEN
        sealed = f.read(want)
        if len(sealed) != want:
            raise BackupError(_DAMAGED)
        try:
            yield aead.decrypt(_nonce(i, last), sealed, header.raw)
        except InvalidTag:
            raise BackupError(_DAMAGED) from None
    if f.read(1):
        raise BackupError(_DAMAGED)


def decrypt(path: Path, secret: str | BackupKey) -> tuple[BackupHeader, bytes]:
    """The whole plaintext database in memory; raises BackupError on a wrong password or any damage."""
    try:
        with open_user_file(path, what="tệp sao lưu (.antqbak)", error=BackupError) as f:  # never a FIFO/device
            header = _read_header_from(f)
            key = key_for(header, secret)
            return header, b"".join(_plain_chunks(f, header, key))
    except OSError as exc:
        raise BackupError(f"Không đọc được tệp sao lưu ({exc.strerror or exc}). Hãy kiểm tra ổ đĩa.") from exc


def check_database_bytes(data: bytes) -> dict[str, Any]:
    """integrity_check and the schema revision of a decrypted copy, without touching the disk."""
    mem = sqlite3.connect(":memory:")
    try:
        mem.deserialize(_rollback_mode(data))
        problems = _integrity(mem)
        if problems != ["ok"]:
            raise BackupError("Bản sao lưu không toàn vẹn (integrity_check: "
                              f"{'; '.join(problems[:3])}). Hãy chọn bản sao lưu khác.")
        return {"schema_revision": _scalar(mem, "SELECT version_num FROM alembic_version"),
                "initialised": _scalar(mem, "SELECT count(*) FROM unit_profile") == 1,
                "unit_code": _scalar(mem, "SELECT unit_code FROM unit_profile WHERE id = 1")}
    except sqlite3.DatabaseError as exc:
        raise BackupError("Bản sao lưu không chứa cơ sở dữ liệu đọc được. Hãy chọn bản sao lưu khác.") from exc
    finally:
        mem.close()


def verify_backup(path: Path, secret: str | BackupKey) -> BackupHeader:
    header, data = decrypt(Path(path), secret)
    check_database_bytes(data)
    return header


# ---- rolling backups ----

def default_folder(store: Store) -> Path:
    return _db_path(store).parent / "backups"


def rolling_name(unit_code: str, now: datetime) -> str:
    safe = re.sub(r"[^A-Za-z0-9-]", "", unit_code) or "x"
    return f"antq-{safe}-{now:%Y%m%d-%H%M%S}{SUFFIX}"


def _stamp(path: Path) -> datetime | None:
    match = _ROLLING_NAME.match(path.name)
    return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") if match else None


def rolling_backup(store: Store, folder: Path, key: BackupKey, *, actor: str, keep_days: int = 14,
                   now: datetime | None = None) -> Path:
    """Called on exit and once a day: a new checked backup, then prune rolling copies older than keep_days.

    The newest backup is never pruned, and files not named by this function are never touched.
    """
    now = now or utcnow()
    folder = Path(folder)
    profile_code = store.profile().unit_code if store.is_initialised() else "x"
    dest = _free_rolling_path(folder, profile_code, now)
    create_backup(store, dest, key, actor=actor)
    try:
        verify_backup(dest, key)
    except BackupError:
        dest.unlink(missing_ok=True)
        raise
    prune(folder, keep_days=keep_days, now=now)
    return dest


def _free_rolling_path(folder: Path, unit_code: str, now: datetime) -> Path:
    """A rolling name no file has yet: a backup made in the same second (exit right after the daily one)
    is named a second later, so it never replaces a good copy, nor deletes one if its own check fails."""
    for seconds in range(3600):
        path = folder / rolling_name(unit_code, now + timedelta(seconds=seconds))
        if not path.exists():
            return path
    raise BackupError("Thư mục sao lưu đã có quá nhiều bản trong cùng một giờ. Hãy xóa bớt các bản sao lưu cũ "
                      "trong thư mục đó rồi thử lại.")


def prune(folder: Path, *, keep_days: int, now: datetime) -> list[Path]:
    rolling = sorted((p for p in Path(folder).glob(f"*{SUFFIX}") if _stamp(p)), key=lambda p: _stamp(p) or now)
    cutoff = now - timedelta(days=keep_days)
    removed = [p for p in rolling[:-1] if (_stamp(p) or now) < cutoff]
    for path in removed:
        try:
            path.unlink()
        except OSError:
            pass  # an old copy that cannot be removed costs space, not data
    return removed


def backup_due(folder: Path, *, every: timedelta = timedelta(days=1), now: datetime | None = None) -> bool:
    """True if no rolling backup is younger than `every` (the GUI checks this at start and hourly)."""
    now = now or utcnow()
    stamps = [s for s in (_stamp(p) for p in Path(folder).glob(f"*{SUFFIX}")) if s]
    return not stamps or now - max(stamps) >= every


def list_backups(folder: Path) -> list[BackupListing]:
    """Backups in a folder, newest first; unreadable files are listed with header None."""
    out = []
    for path in Path(folder).glob(f"*{SUFFIX}"):
        try:
            header: BackupHeader | None = read_header(path)
        except BackupError:
            header = None
        out.append(BackupListing(path, path.stat().st_size, header))
    return sorted(out, key=lambda b: (b.header.created_at if b.header else "", b.path.name), reverse=True)


def automatic_backup(store: Store, key: BackupKey, *, actor: str, only_if_due: bool = False,
                     keep_days: int = 14) -> tuple[Path | None, str | None]:
    """For the GUI on exit (only_if_due=False) and hourly (True): (path, None) or (None, Vietnamese reason).

    Never raises an AntqError: closing the app must not fail because a backup could not be written.
    """
    folder = default_folder(store)
    if only_if_due and not backup_due(folder):
        return None, None
    try:
        return rolling_backup(store, folder, key, actor=actor, keep_days=keep_days), None
    except AntqError as exc:
        return None, exc.message
