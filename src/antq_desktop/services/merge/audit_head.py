"""The producer's audit chain head across its packages: what the upper office can and cannot tell.

Every package carries the head of the producer's audit chain (`header.audit_head`, read before the
export). From the head alone the office proves two things (see docs/merge.md, "Audit chain head"):

* every export appends its own audit entry (with the history row, in one transaction) after
  reading the head, so in honest use two packages of one producer never carry the same head:
  the head of an earlier merged package coming back means the entries written since that export
  were cut off (the last head is in `ProducerState`; earlier ones in the office's own `merge`
  audit entries, which record each merged package's head);
* every set-up store has at least its `init` entry, so the empty-chain head (GENESIS) means the
  whole log was emptied.

Both refuse the package. Neither can be produced by a restore from a backup, a key rotation or a
re-installation (those append entries), so refusing blocks no legitimate case.

Audit continuity (issue 12 point 8, docs/package-format.md section 15): a package now also carries,
as its first payload lines, the action and content digest of every audit entry since a base head.
The office recomputes the links (storage/audit.link_hash) and requires that they end at the
package's head and pass through the head it holds: a log cut back and continued, or another store's
log, is refused (`AUDIT_CHAIN_BROKEN`); a new branch after a `restore` entry that starts from a head
this office merged before is merged with a warning; a list shortened by the size cap is a warning.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.fronts import hint
from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import MALFORMED, PackageError
from antq_desktop.exchange.package_format import (
    AUDIT_BASE_TYPE,
    AUDIT_LINK_TYPE,
    PackageHeader,
    parse_audit_base,
    parse_audit_link,
)
from antq_desktop.exchange.package_reader import DEFAULT_LIMITS, Limits, PayloadKeyOpener, VerifiedPackage
from antq_desktop.services.merge.recovery_grant import APPLY_ACTION, GRANT_TYPE, grant_accepted, issued_for
from antq_desktop.storage import audit
from antq_desktop.storage.audit import GENESIS
from antq_desktop.storage.models import AuditEntry, ProducerState

AUDIT_HEAD_REPEATED = "AUDIT_HEAD_REPEATED"
AUDIT_LOG_EMPTY = "AUDIT_LOG_EMPTY"
AUDIT_CHAIN_BROKEN = "AUDIT_CHAIN_BROKEN"
CONTINUITY_ACTION = "audit_continuity"  # this office's record of each verdict (also: which heads had links)
HEAD_LENGTH = 64  # ProducerState.last_audit_head; the app writes 64 hex digits
_APP_HEAD = re.compile(r"[0-9a-f]{64}")

_REPEATED = ("Nhật ký thao tác ở máy của {unit} đã bị cắt bớt: gói số {sequence} mang mã cuối nhật ký trùng với gói "
             "số {previous} đã nhập trước, nghĩa là các dòng nhật ký ghi từ lần xuất gói số {previous} (kể cả dòng ghi "
             "việc xuất gói đó) đã bị xóa. Gói không được nhập, dữ liệu ở đây không thay đổi; việc từ chối đã được ghi "
             "lại. Hãy báo ngay lãnh đạo đơn vị và đề nghị xã kiểm tra máy {check}, giải trình bằng văn bản, rồi "
             "xuất một gói mới.")
_EMPTY = ("Nhật ký thao tác ở máy của {unit} trống hoàn toàn (gói số {sequence}), trong khi máy nào đã thiết lập cũng "
          "có ít nhất một dòng nhật ký: nhật ký đã bị xóa hoặc dữ liệu đã bị làm lại không đúng quy trình. Gói không "
          "được nhập, dữ liệu ở đây không thay đổi; việc từ chối đã được ghi lại. Hãy báo ngay lãnh đạo đơn vị, đề "
          "nghị xã khôi phục dữ liệu từ bản sao lưu mã hóa gần nhất, rồi xuất một gói mới.")


def _commune_check(head: str) -> str:
    """What the commune should look at, said for this office's front (the commune may use either)."""
    return hint(gui=f"(trang Nhật ký thao tác trên máy của xã: chuỗi nhật ký phải nguyên vẹn và còn mục có mã {head}…)",
                cli=f"bằng lệnh “antq check” và “antq audit --expect-head {head}”")


def claimed_head(header: PackageHeader) -> str | None:
    """The head as the office stores it (an opaque value, cut to the column's length)."""
    return (header.audit_head or "")[:HEAD_LENGTH] or None


_BROKEN = ("Nhật ký thao tác ở máy của {unit} không liền mạch với lần nhập trước (gói số {sequence}): {why}. Điều này "
           "xảy ra khi nhật ký bị cắt bớt rồi ghi tiếp, hoặc dữ liệu của xã đã bị thay bằng một bộ dữ liệu khác. Gói "
           "không được nhập, dữ liệu ở đây không thay đổi; việc từ chối đã được ghi lại. Hãy báo ngay lãnh đạo đơn vị "
           "và đề nghị xã kiểm tra máy {check}, giải trình bằng "
           "văn bản. Nếu xã đã khôi phục từ bản sao lưu, hãy đề nghị xã xuất một gói đầy đủ.")
_WHY_NOT_THROUGH = "các dòng nhật ký gửi kèm không đi qua mã cuối nhật ký của gói đã nhập trước"
_WHY_NOT_AT_HEAD = "các dòng nhật ký gửi kèm không dẫn tới mã cuối nhật ký mà gói ghi"
_WHY_NO_EXPORT = "thiếu dòng nhật ký ghi việc xuất gói đã nhập trước (nhật ký bị cắt ngay sau lần xuất đó)"
_WHY_OLD_FORM = "có dòng nhật ký kiểu cũ sau một dòng kiểu mới, điều mà phần mềm không bao giờ ghi"
_BRANCH = (" Lưu ý: nhật ký của xã đã được khôi phục từ bản sao lưu cũ (các dòng sau lần nhập trước không còn trên máy "
           "xã); gói vẫn được nhập và việc này đã được ghi vào nhật ký. Hãy đề nghị xã giải trình bằng văn bản lý do "
           "khôi phục.")
_UNPROVABLE = (" Lưu ý: nhật ký của xã quá dài để gửi kèm đầy đủ nên chưa chứng minh được là liền mạch với lần nhập "
               "trước; gói vẫn được nhập và việc này đã được ghi vào nhật ký.")
_RECOVERED = (" Lưu ý: xã đã nhận gói khôi phục do đơn vị này gửi (sau khi mất máy hoặc khôi phục bản sao lưu cũ); "
              "nhật ký của xã bắt đầu nhánh mới từ lần nhận đó. Gói vẫn được nhập và việc này đã được ghi vào nhật ký.")
_ABSENT = " Gói do phiên bản cũ tạo, không kèm dấu vết nhật ký nên chưa chứng minh được nhật ký của xã liền mạch."


@dataclass
class _Chain:
    """The carried links, recomputed: hashes[0] is the base, hashes[k + 1] the head after link k."""

    base: str
    bounded: bool
    hashes: list[str] = field(default_factory=list)
    versions: list[int] = field(default_factory=list)
    actions: list[str | None] = field(default_factory=list)
    grant: dict[str, Any] | None = None  # an office's recovery grant carried after the links (recovery_grant.py)


@dataclass(frozen=True)
class Continuity:
    """The continuity verdict of one package, recorded only once the merge succeeds (so the audit chain's
    lock is taken at the end of the merge, as before, not for its whole length)."""

    note: str = ""
    details: dict[str, Any] | None = None
    package_id: str | None = None

    def record(self, session: Session, result: Any, actor: str) -> None:
        """Append the note to the merge result and the verdict to this office's audit log."""
        result.message += self.note
        if self.details is not None:
            audit.append(session, actor=actor, action=CONTINUITY_ACTION, record_type="package",
                         record_id=self.package_id, details=self.details)


def check_audit_head(session: Session, header: PackageHeader, state: ProducerState | None,
                     package: VerifiedPackage | None = None, opener: PayloadKeyOpener | None = None,
                     limits: Limits = DEFAULT_LIMITS) -> Continuity:
    """Raise AUDIT_LOG_EMPTY, AUDIT_HEAD_REPEATED or AUDIT_CHAIN_BROKEN; call after the sequence checks.
    Reads only the audit lines at the start of the payload; writes nothing."""
    _check_head(session, header, state)
    if package is None:
        return Continuity()
    chain = read_links(package, opener, limits) if claimed_head(header) is not None else None
    if chain is None:  # an old program's package (or one without a head): merged as before, said so
        return Continuity(_ABSENT)
    verdict = _verdict(session, header, state, chain)
    details = {"producer": header.producer.unit_code, "sequence": header.sequence, "verdict": verdict,
               "head": claimed_head(header), "links": len(chain.versions)}
    notes = {"branch": _BRANCH, "unprovable": _UNPROVABLE, "recovered": _RECOVERED}
    return Continuity(notes.get(verdict, ""), details, header.package_id)


def read_links(package: VerifiedPackage, opener: PayloadKeyOpener | None, limits: Limits) -> _Chain | None:
    """The links at the start of the payload (signature already verified; the merge's full read rechecks
    the payload hash before commit). None for a package written before links existed."""
    counts = package.header.record_counts
    expected, bases = counts.get(AUDIT_LINK_TYPE, 0), counts.get(AUDIT_BASE_TYPE, 0)
    if bases == 0 and expected == 0:
        return None
    if bases != 1:
        raise PackageError(MALFORMED, detail="audit links without exactly one audit_base")
    records = package_reader.iter_records(package, opener, limits=limits)
    try:
        chain = _read(records, expected)
        chain.grant = _grant(records, counts.get(GRANT_TYPE, 0))
    finally:
        records.close()  # type: ignore[attr-defined]
    return chain


def _read(records: Any, expected: int) -> _Chain:
    first = next(records, None)
    if first is None or first.get("type") != AUDIT_BASE_TYPE:
        raise PackageError(MALFORMED, detail="audit_base is not the first record")
    base, bounded = parse_audit_base(first)
    chain = _Chain(base, bounded, [base])
    for _ in range(expected):
        record = next(records, None)
        if record is None or record.get("type") != AUDIT_LINK_TYPE:
            raise PackageError(MALFORMED, detail="audit_link records are not all at the start")
        link = parse_audit_link(record)
        prev = chain.hashes[-1]
        chain.hashes.append(audit.link_hash(prev, link.action or "", link.digest or "") if link.version == 2
                            else link.claimed_hash or "")
        chain.versions.append(link.version)
        chain.actions.append(link.action)
    return chain


def _grant(records: Any, count: int) -> dict[str, Any] | None:
    """The recovery grant, when the package says it carries one: right after the audit links."""
    if count == 0:
        return None
    record = next(records, None) if count == 1 else None
    if record is None or record.get("type") != GRANT_TYPE:
        raise PackageError(MALFORMED, detail="recovery_grant is not one line right after the audit links")
    return dict(record)


def _verdict(session: Session, header: PackageHeader, state: ProducerState | None, chain: _Chain) -> str:
    """proven | claimed (pre-upgrade links) | first | recovered | branch | unprovable, or AUDIT_CHAIN_BROKEN."""
    if chain.hashes[-1] != claimed_head(header):
        _broken(header, state, _WHY_NOT_AT_HEAD)
    if 2 in chain.versions and 1 in chain.versions[chain.versions.index(2):]:
        _broken(header, state, _WHY_OLD_FORM)
    stored = state.last_audit_head if state is not None else None
    if stored is None:
        return "first"
    if stored in chain.hashes:
        return _descends(session, header, state, chain, len(chain.hashes) - 1 - chain.hashes[::-1].index(stored))
    if APPLY_ACTION in chain.actions and (issued_for(session, header.producer.unit_code, stored)
                                          or grant_accepted(session, header.producer.unit_code, stored, chain.grant)):
        return "recovered"  # this office (or an office it trusts for the commune) sent a recovery at `stored`
    if _restored_from_known(session, header, chain, stored):
        return "branch"
    if chain.bounded:
        return "unprovable"
    _broken(header, state, _WHY_NOT_THROUGH)
    return ""  # unreachable


def _descends(session: Session, header: PackageHeader, state: ProducerState | None, chain: _Chain, at: int) -> str:
    """The stored head is hashes[at]; the links after it are the log written since that package."""
    versions, actions = chain.versions[at:], chain.actions[at:]
    if _had_links(session, header.producer.unit_code, chain.hashes[at]):
        # That package came from an upgraded program: everything after its head is version 2, and its
        # own `export` entry follows its head (a cut exactly there loses that entry).
        if 1 in versions:
            _broken(header, state, _WHY_OLD_FORM)
        if "export" not in actions:
            _broken(header, state, _WHY_NO_EXPORT)
    return "proven" if 1 not in versions else "claimed"


def _restored_from_known(session: Session, header: PackageHeader, chain: _Chain, stored: str) -> bool:
    """A new branch after a restore: a head this office merged before, then a `restore` entry."""
    if "restore" not in chain.actions:
        return False
    last_restore = len(chain.actions) - 1 - chain.actions[::-1].index("restore")
    producer = header.producer.unit_code
    known = _merged_heads(session, producer) | {stored}
    for at, head in enumerate(chain.hashes[: last_restore + 1]):
        # as in _descends: after a head that came with links, an old-formula (claimed) line is a forgery
        if head in known and not (1 in chain.versions[at:] and _had_links(session, producer, head)):
            return True
    return False


def _merged_heads(session: Session, producer: str) -> set[str]:
    stmt = select(AuditEntry.details).where(AuditEntry.action == "merge", AuditEntry.record_type == "package",
                                            AuditEntry.details.like(f'%"producer":"{producer}"%'))
    heads = set()
    for text in session.execute(stmt).scalars():
        details = json.loads(text)
        if details.get("producer") == producer and details.get("audit_head"):
            heads.add(details["audit_head"])
    return heads


def _had_links(session: Session, producer: str, head: str) -> bool:
    """Did the merged package whose head is `head` carry links (this office's continuity entries)?"""
    if not _APP_HEAD.fullmatch(head):
        return False
    stmt = select(AuditEntry.details).where(AuditEntry.action == CONTINUITY_ACTION,
                                            AuditEntry.details.like(f'%"head":"{head}"%'))
    return any(json.loads(text).get("producer") == producer for text in session.execute(stmt).scalars())


def _broken(header: PackageHeader, state: ProducerState | None, why: str) -> None:
    held = (state.last_audit_head or "") if state is not None else ""
    message = _BROKEN.format(unit=header.producer.unit_name, sequence=header.sequence, why=why,
                             check=_commune_check(held[:16]))
    raise PackageError(AUDIT_CHAIN_BROKEN, message, detail=f"audit continuity: {why}")


def _check_head(session: Session, header: PackageHeader, state: ProducerState | None) -> None:
    head = claimed_head(header)
    if head is None:
        return  # the format allows no head; nothing to compare (the stored one is kept, see next_head)
    unit, sequence = header.producer.unit_name, header.sequence
    if head == GENESIS:
        raise PackageError(AUDIT_LOG_EMPTY, _EMPTY.format(unit=unit, sequence=sequence),
                           detail="audit_head is the empty-chain head")
    if state is not None and state.last_audit_head == head:
        previous: int | None = state.last_sequence
    else:
        previous = earlier_package_with(session, header.producer.unit_code, head)
    if previous is not None:
        message = _REPEATED.format(unit=unit, sequence=sequence, previous=previous, check=_commune_check(head[:16]))
        raise PackageError(AUDIT_HEAD_REPEATED, message, detail=f"audit_head equals the head of package {previous}")


def earlier_package_with(session: Session, producer: str, head: str) -> int | None:
    """The sequence of an earlier merged package of `producer` that carried `head`, from this office's
    `merge` audit entries (only heads in the app's form are looked up: no LIKE wildcards get in)."""
    if not _APP_HEAD.fullmatch(head):
        return None
    stmt = select(AuditEntry.details).where(AuditEntry.action == "merge", AuditEntry.record_type == "package",
                                            AuditEntry.details.like(f'%"audit_head":"{head}"%'))
    for text in session.execute(stmt).scalars():
        details = json.loads(text)
        if details.get("producer") == producer and details.get("audit_head") == head:
            return int(details.get("sequence") or 0)
    return None


def next_head(header: PackageHeader, state: ProducerState | None) -> str | None:
    """What to store after a merge: a package without a head never erases the last known one."""
    return claimed_head(header) or (state.last_audit_head if state is not None else None)
