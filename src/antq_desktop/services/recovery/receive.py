"""The commune opens a recovery package: who sent it, for whom, and every record checked.

Checked before anything is compared or written, the same way for the preview and the apply:
* signed by the upper-office key this commune enrolled as its recipient (``recipient set``; the
  plan packages' lookup): a peer commune's or any other key is UNKNOWN_KEY, a revoked one REVOKED_KEY;
* kind "recovery" and addressed to this commune: the signed header's period names the commune
  (NOT_AUTHORISED otherwise), the producer is not this unit's own code (OWN_UNIT), the payload is
  encrypted to this commune's own receiving key;
* the `recovery_state` line first, for this commune; then only records of this commune's origin
  (a record of another unit: SIGNER_MISMATCH, as in a merge), each once, each through the GUI's
  validation, references only to records of this commune's origin.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from antq_desktop.domain.errors import KeyProblem
from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import MALFORMED, NOT_AUTHORISED, WRONG_RECIPIENT, PackageError
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import SHA256_RE, PackageHeader
from antq_desktop.exchange.package_reader import VerifiedPackage
from antq_desktop.services.authority import authorise_producer
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.keys import wraps
from antq_desktop.services.plans.receive import recipient_lookup
from antq_desktop.services.recovery.build import KIND, STATE_FIELDS, STATE_TYPE
from antq_desktop.services.recovery.errors import RecoveryError
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import SYNCED_MODELS, UnitProfile

ORDER = {model.RECORD_TYPE: index for index, model in enumerate(SYNCED_MODELS)}


def _not_recovery() -> PackageError:
    return PackageError(MALFORMED, message_vi="Tệp này không phải gói khôi phục do cấp trên gửi cho xã. Gói dữ liệu "
                        "của xã được nhập ở cấp trên, gói kế hoạch được nhận ở mục “Nhận kế hoạch của cấp trên”; hãy "
                        "chọn đúng tệp khôi phục.", detail="not a recovery package")


def _for_someone_else(target: str, unit: str) -> PackageError:
    return PackageError(NOT_AUTHORISED, message_vi=f"Gói khôi phục này dành cho đơn vị {target:.20}, không phải đơn vị "
                        f"{unit} của máy này. Không nhận gói này; hãy báo cấp trên gửi đúng gói khôi phục của xã.",
                        detail=f"recovery package for {target}")


def verify(store: Store, path: str | Path) -> tuple[VerifiedPackage, str]:
    """Signature, sender (this commune's upper office only), kind and addressee. Returns (package, own unit)."""
    with store.session_factory() as session:
        lookup = recipient_lookup(session)
        profile = session.get(UnitProfile, 1)
    package = package_reader.verify(Path(path), lookup)
    header = package.header
    if header.kind != KIND:
        raise _not_recovery()
    unit = profile.unit_code if profile is not None else ""
    if header.period != unit:
        raise _for_someone_else(header.period, unit)
    with store.session_factory() as session:
        authorise_producer(session, header)  # a package "from" this unit's own code came from outside
    return package, unit


@contextmanager
def opened(store: Store, path: str | Path, password: str, actor: str = "") -> Iterator[Opened]:
    """Verified and decrypted with this commune's receiving key, through the signed-in account's own copy of it
    (``actor``; empty: the key's only holder); the records stream (state line read)."""
    package, unit = verify(store, path)
    header = package.header
    with store.session_factory() as session:
        row = keys.local_key_for_receiving_key(session, header.recipient_key_id or "")
        try:
            blob = wraps.wrapped_blob(session, actor or None, row) if row is not None else None
        except KeyProblem as exc:
            raise RecoveryError(exc.message, NOT_AUTHORISED) from None
    if not header.encrypted or blob is None:
        raise PackageError(WRONG_RECIPIENT, message_vi="Gói khôi phục này không được mã hóa cho khóa của máy này. Nếu "
                           "xã vừa tạo khóa mới, hãy đề nghị cấp trên đăng ký khóa mới rồi gửi lại gói khôi phục.",
                           detail=f"for {header.recipient_key_id}")
    try:
        unlocked = KeyStore.unlock(blob, password)
    except PackageError as exc:
        raise RecoveryError(keys.unlock_message(exc), exc.code) from None
    with unlocked as opener:
        records = package_reader.iter_records(package, opener)
        try:
            state = _state(next(records, None), unit)
            yield Opened(package, unit, state, records)
        finally:
            records.close()  # type: ignore[attr-defined]


@dataclass
class Opened:
    package: VerifiedPackage
    unit: str
    state: dict[str, Any]
    records: Iterator[dict[str, Any]]  # the rows after the state line; the reader's last checks run at its end

    @property
    def header(self) -> PackageHeader:
        return self.package.header


def by_type(records: Iterator[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Every row, grouped by type (a recovery package is one commune's data: it fits in memory)."""
    raw: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        if record.get("type") not in ORDER:
            raise _not_recovery()
        raw.setdefault(record["type"], []).append(record)
    return raw


def _state(record: dict[str, Any] | None, unit: str) -> dict[str, Any]:
    if record is None or record.get("type") != STATE_TYPE or set(record) != STATE_FIELDS:
        raise _not_recovery()
    if record["unit_code"] != unit:
        raise _for_someone_else(str(record["unit_code"]), unit)
    sequence, sha = record["last_sequence"], record["last_package_sha256"]
    head = record["last_audit_head"]
    if (isinstance(sequence, bool) or not isinstance(sequence, int) or not 1 <= sequence <= 2**31 - 1
            or not isinstance(sha, str) or not SHA256_RE.fullmatch(sha)
            or not (head is None or (isinstance(head, str) and len(head) <= 64))
            or not isinstance(record["last_package_uuid"], str) or not isinstance(record["office_unit"], str)
            or not (record["grant"] is None or isinstance(record["grant"], dict))):
        raise PackageError(MALFORMED, message_vi="Dòng trạng thái trong gói khôi phục không hợp lệ. Không nhận gói "
                           "này; hãy đề nghị cấp trên tạo lại gói khôi phục.", detail="recovery_state")
    return record


