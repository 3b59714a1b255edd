"""The commune takes in a recovery package: preview (everything checked and compared, then rolled
back) or apply (the same, committed).

What applying means (docs/huong-dan-su-dung.md, "Khôi phục sau khi mất máy…"; docs/merge.md):
* the office's version replaces the commune's own records: every record of the package is written as
  the office holds it, AT THE OFFICE'S REVISION (so `antq stats` digests agree at once, and the
  commune's next edit of a record, revision + 1, is above what the office holds and wins there);
  a record of this commune's origin the office does not hold is removed (the office's view is the
  reference: it holds everything the commune ever delivered);
* the export numbering continues after the package the office merged last (the `recovery_state`
  line): a history row of kind "recovery" stands for that package, with its file hash, so the next
  incremental package follows it (number + 1, previous hash = that package's) and nothing already
  at the office is sent again. If this store already numbered packages at or past it (exports the
  office never took), the row gets the next free number and no hash, and the next package is a full
  one (services/export/build.py `plan`), still numbered past the office's last;
* the audit log gets a `recovery_apply` entry, and the office's signed grant is kept to travel with the
  next packages (carry.py): the office, which recorded a `recovery_build` entry naming the head it held,
  and a province trusting that office for the commune accept the commune's next package although its
  log is a new branch (services/merge/recovery_grant.py);
* replays: a recovery package from the same office with a number not above the last one taken here
  is refused (REPLAY): an old recovery package can never roll the commune back after newer edits.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from antq_desktop.exchange.errors import CANCELLED, REPLAY, VALIDATION_ERROR, PackageError
from antq_desktop.services.authority import authorise_references
from antq_desktop.services.merge.apply import check_end_state
from antq_desktop.services.merge.incoming import Batch, add_derived_keys, check_shape, content_hash, validated_rows
from antq_desktop.services.merge.recovery_grant import APPLY_ACTION
from antq_desktop.services.merge.results import Cancel, Progress
from antq_desktop.services.records.writes import next_change_seq
from antq_desktop.services.recovery import carry
from antq_desktop.services.recovery.receive import Opened, by_type, opened
from antq_desktop.services.recovery.results import COUNT_KEYS, RecoveryPreview
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.locks import locked_counter
from antq_desktop.storage.models import SYNCED_MODELS, Counter, ExportRecord, Setting, SyncedRecord
from antq_desktop.storage.upsert import upsert_replace

APPLIED_KEY = "recovery.applied"  # {"office", "sequence", "package_id"} of the last recovery package taken in


class _Rollback(Exception):
    def __init__(self, result: RecoveryPreview) -> None:
        super().__init__("preview")
        self.result = result


def run(store: Store, path: str | Path, *, password: str, actor: str, commit: bool, progress: Progress | None = None,
        cancel: Cancel | None = None) -> RecoveryPreview:
    """Everything in one write transaction; the preview rolls it back. Raises PackageError/RecoveryError.

    `cancel` is looked at between steps and last just before the commit: once set, nothing is kept.
    """
    steps = _Steps(progress, cancel)
    steps.say(0.0, "Đang kiểm tra chữ ký và giải mã gói khôi phục")
    with opened(store, path, password, actor) as package:
        raw = by_type(steps.reading(package.records, package.header.total_records))
        try:
            with store.session() as session:
                result = _take_in(session, package, raw, actor, steps)
                steps.check()  # the last moment a cancel keeps everything as it was
                if not commit:
                    raise _Rollback(result)
                steps.say(0.97, "Đang lưu")
        except _Rollback as done:
            return done.result
        except IntegrityError as exc:  # a reference to nothing, a constraint the checks did not foresee
            raise PackageError(VALIDATION_ERROR, message_vi="Gói khôi phục có bản ghi tham chiếu tới bản ghi không có "
                               "trong gói. Không nhận gói này; hãy đề nghị cấp trên tạo lại gói khôi phục.",
                               detail=str(exc.orig)[:300]) from None
    result.applied = True
    store.refresh_statistics()  # a restored laptop's statistics describe the old, smaller store
    return result


class _Steps:
    """Progress for the GUI's dialog, and the officer's "Hủy" looked at between steps."""

    READ_SHARE = 0.4  # reading, checking and decrypting the records; comparing and writing them take the rest

    def __init__(self, progress: Progress | None, cancel: Cancel | None) -> None:
        self.say = progress or (lambda _fraction, _message: None)
        self.cancel = cancel

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise PackageError(CANCELLED, message_vi="Đã hủy nhận gói khôi phục. Dữ liệu trên máy này không thay đổi.",
                               detail="cancelled")

    def reading(self, records: Iterator[dict[str, Any]], total: int) -> Iterator[dict[str, Any]]:
        for count, record in enumerate(records, 1):
            if count % 1000 == 0:
                self.check()
                self.say(self.READ_SHARE * count / max(total, 1), "Đang đọc gói khôi phục")
            yield record

    def type_done(self, done: int, of: int) -> None:
        self.check()
        self.say(self.READ_SHARE + (0.95 - self.READ_SHARE) * done / max(of, 1), "Đang so sánh với dữ liệu trên máy")


def _take_in(session: Session, package: Opened, raw: dict[str, list[dict[str, Any]]], actor: str,
             steps: _Steps) -> RecoveryPreview:
    header, unit = package.header, package.unit
    locked_counter(session, f"recovery:{unit}")
    _check_replay(session, header.producer.unit_code, header.sequence)
    result = RecoveryPreview(header.producer.unit_code, header.producer.unit_name, unit, header.package_id,
                             header.sequence, int(package.state["last_sequence"]), 0, "incremental")
    seen: set[str] = set()
    written: set[str] = set()
    for done, model in enumerate(SYNCED_MODELS):  # parents first: each is validated against the rows written before
        steps.type_done(done, len(SYNCED_MODELS))
        record_type = model.RECORD_TYPE
        rows = _validated(session, record_type, raw.get(record_type, []), unit, seen)
        counts = result.counts.setdefault(record_type, dict.fromkeys(COUNT_KEYS, 0))
        result.local_edits += _write(session, model, rows, unit, counts)
        written.add(record_type)
    for model in reversed(SYNCED_MODELS):  # children first: what the office does not hold goes
        _remove_unknown(session, model, unit, {r["id"] for r in raw.get(model.RECORD_TYPE, [])})
    check_end_state(session, unit, written)
    result.counts = {k: v for k, v in result.counts.items() if any(v.values())}
    result.next_sequence, result.next_kind = _continue_numbering(session, package, actor)
    _remember(session, package, result, actor)
    return result


def _check_replay(session: Session, office: str, sequence: int) -> None:
    row = session.get(Setting, APPLIED_KEY)
    last = json.loads(row.value) if row is not None else {}
    if last.get("office") == office and sequence <= int(last.get("sequence", 0)):
        raise PackageError(REPLAY, message_vi=f"Gói khôi phục số {sequence} không mới hơn gói khôi phục số "
                           f"{last.get('sequence')} đã nhận trước đây, nên không nhận lại (nhận lại sẽ làm mất các "
                           "thay đổi sau đó). Nếu cần khôi phục lần nữa, hãy đề nghị cấp trên tạo gói khôi phục mới.",
                           detail=f"recovery sequence {sequence} <= {last.get('sequence')}")


def _validated(session: Session, record_type: str, records: list[dict[str, Any]], unit: str,
               seen: set[str]) -> list[dict[str, Any]]:
    """The merge's checks: shape and origin (another unit's record: SIGNER_MISMATCH), once per package,
    references only to this commune's records, the GUI's validation; then the derived keys."""
    if not records:
        return []
    metas = [check_shape(record, unit) for record in records]
    for meta in metas:
        if meta["id"] in seen:
            raise PackageError(VALIDATION_ERROR, message_vi=f"Bản ghi {record_type} {meta['id']} xuất hiện hai lần "
                               "trong gói khôi phục. Không nhận gói này; hãy đề nghị cấp trên tạo lại gói.")
        seen.add(meta["id"])
    authorise_references(session, record_type, records, unit)
    batch = Batch(record_type, validated_rows(session, record_type, records, metas))
    authorise_references(session, record_type, batch.rows, unit)
    batch.to_write = batch.rows
    add_derived_keys(batch)
    return batch.rows


def _stored(session: Session, model: type[SyncedRecord], unit: str) -> dict[str, dict[str, Any]]:
    table = model.__table__
    rows = session.execute(select(table).where(table.c.origin_unit == unit)).mappings()
    return {row["id"]: dict(row) for row in rows}


def _write(session: Session, model: type[SyncedRecord], rows: list[dict[str, Any]], unit: str,
           counts: dict[str, int]) -> int:
    """Write what differs, at the office's revision; count it. Returns the local edits it replaces."""
    stored = _stored(session, model, unit)
    changed, local_edits = [], 0
    for row in rows:
        old = stored.get(row["id"])
        same = old is not None and old["revision"] == row["revision"]
        if same and content_hash(model, old) == content_hash(model, row):  # type: ignore[arg-type]
            counts["unchanged"] += 1
            continue
        changed.append(row)
        was_live, is_live = old is not None and not old["deleted"], not row["deleted"]
        key = "added" if is_live and not was_live else "removed" if was_live and not is_live else \
            "updated" if is_live else None
        if key is not None:
            counts[key] += 1
        if old is not None and old["revision"] >= row["revision"]:
            local_edits += 1
    incoming = {row["id"] for row in rows}
    counts["removed"] += sum(1 for i, r in stored.items() if not r["deleted"] and i not in incoming)
    if changed:
        first = next_change_seq(session, len(changed))
        for offset, row in enumerate(changed):
            row["change_seq"] = first + offset
        upsert_replace(session, model, changed)
    return local_edits


def _remove_unknown(session: Session, model: type[SyncedRecord], unit: str, keep: set[str]) -> None:
    table = cast(Table, model.__table__)
    ids = [i for i in session.execute(select(table.c.id).where(table.c.origin_unit == unit)).scalars() if i not in keep]
    for start in range(0, len(ids), 500):
        session.execute(delete(table).where(table.c.id.in_(ids[start:start + 500])))


def _continue_numbering(session: Session, package: Opened, actor: str) -> tuple[int, str]:
    """A history row standing for the office's last merged package; returns the next export's number and kind."""
    state = package.state
    office_last, office_sha = int(state["last_sequence"]), str(state["last_package_sha256"])
    own_last = int(session.execute(select(func.max(ExportRecord.sequence))).scalar() or 0)
    joins = own_last < office_last
    sequence = office_last if joins else own_last + 1
    to_seq = int(session.execute(select(Counter.value).where(Counter.name == "change_seq")).scalar() or 0)
    session.add(ExportRecord(
        package_uuid=package.header.package_id, sequence=sequence, kind="recovery", actor=actor[:60] or "-",
        file_name=Path(package.package.path).name[:400], file_sha256=office_sha if joins else "", file_size=0,
        recipient_key_id=None, encrypted=True, record_counts="{}", from_change_seq=to_seq, to_change_seq=to_seq,
        prev_package_sha256=None, audit_head=None))
    session.flush()
    return sequence + 1, "incremental" if joins else "full"


def _remember(session: Session, package: Opened, result: RecoveryPreview, actor: str) -> None:
    header = package.header
    row = session.get(Setting, APPLIED_KEY) or Setting(key=APPLIED_KEY, value="{}")
    row.value = json.dumps({"office": header.producer.unit_code, "sequence": header.sequence,
                            "package_id": header.package_id})
    session.add(row)
    carry.keep_grant(session, package.state["grant"])  # travels with the next packages (carry.py)
    audit.append(session, actor=actor, action=APPLY_ACTION, record_type="package", record_id=header.package_id,
                 details={"office": header.producer.unit_code, "sequence": header.sequence,
                          "office_last_sequence": result.office_last_sequence, "next_sequence": result.next_sequence,
                          "counts": result.counts, "local_edits": result.local_edits})
