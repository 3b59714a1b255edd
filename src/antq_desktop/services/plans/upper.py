"""The province's plan passed down by a cluster office, its signature kept (issue 14 point 7).

A cluster imports the province's plan package (``antq plan import``); the file, exactly as the
province signed it, is kept in the cluster's store (setting ``plan.upper.<year>``). When the cluster
publishes its own plan package for that year, the kept file travels inside it, byte for byte, as
``upper_plan`` / ``upper_plan_chunk`` records, with the province key the cluster enrolled.

A commune knows only its cluster's key. The cluster's signature covers the whole package (so the
cluster vouches for the province key it announces); the province's own signature over the inner
file is verified with the key the commune enrolled for the province itself when it has one
(a revoked one refuses), else with the key the cluster announces. So the province's targets reach
the commune exactly as the province set them: the cluster cannot alter or invent them, only add its
own (records of its own origin). Format: docs/package-format.md section 13.1.
"""

from __future__ import annotations

import base64
import hashlib
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import MALFORMED, NOT_AUTHORISED, REPLAY, PackageError
from antq_desktop.exchange.keys import TrustedKey, b64decode, key_id
from antq_desktop.exchange.package_reader import VerifiedPackage
from antq_desktop.services.authority import authorise_producer
from antq_desktop.services.authority.records import CHAIN_KEY
from antq_desktop.services.authority.table import unit_skeleton
from antq_desktop.services.keys import registry as keys
from antq_desktop.storage.models import KnownKey, ProducerState, Setting

UPPER_TYPES = ("upper_plan", "upper_plan_chunk")
KEPT_PREFIX = "plan.upper."  # + year: the upper office's plan package as this office received it
CHUNK_BYTES = 512 * 1024  # base64 of this stays well under the reader's 1 MiB line limit
MAX_FILE = 16 * 1024 * 1024  # a plan package is a few hundred KiB; anything near this is not one
_ASK = " Không nhập gói này; hãy đề nghị cụm nhập lại kế hoạch mới nhất của cấp trên rồi gửi lại gói kế hoạch."


@dataclass(frozen=True)
class KeptPlan:
    office: str
    sequence: int
    package_id: str
    package_sha256: str
    key_id: str
    data: bytes


def keep(session: Session, package: VerifiedPackage, year: int) -> None:
    """At an office: keep the upper office's plan package of ``year`` as received, to pass it down."""
    header = package.header
    data = Path(package.path).read_bytes()
    value = {"office": header.producer.unit_code, "sequence": header.sequence, "package_id": header.package_id,
             "package_sha256": package.package_sha256, "key_id": header.signer_key_id,
             "data": base64.b64encode(data).decode()}
    row = session.get(Setting, f"{KEPT_PREFIX}{year}") or Setting(key=f"{KEPT_PREFIX}{year}", value="{}")
    row.value = json.dumps(value)
    session.add(row)


def kept(session: Session, year: int) -> KeptPlan | None:
    """The kept upper plan of ``year``, only if it came from the office this unit reports to now
    (its recipient key, not revoked): a former office's plan is never passed on (rule A8b)."""
    row = session.get(Setting, f"{KEPT_PREFIX}{year}")
    if row is None:
        return None
    value = json.loads(row.value)
    current = session.execute(select(KnownKey).where(KnownKey.key_id == value["key_id"],
                                                     KnownKey.is_recipient.is_(True),
                                                     KnownKey.revoked_at.is_(None))).scalars().first()
    if current is None:
        return None
    return KeptPlan(value["office"], int(value["sequence"]), value["package_id"], value["package_sha256"],
                    value["key_id"], base64.b64decode(value["data"]))


def records(session: Session, own: str, plan: KeptPlan) -> Iterator[dict[str, Any]]:
    """The kept file as records of the office's own plan package, with the upper key it enrolled."""
    row = session.execute(select(KnownKey).where(KnownKey.key_id == plan.key_id)).scalars().one()
    chunks = max(1, -(-len(plan.data) // CHUNK_BYTES))
    yield {"type": "upper_plan", "id": plan.package_id, "origin_unit": own, "producer_unit": plan.office,
           "sequence": plan.sequence, "package_sha256": plan.package_sha256, "file_size": len(plan.data),
           "chunks": chunks, "signer_key_id": plan.key_id, "signing_public": row.signing_public}
    for index in range(chunks):
        piece = plan.data[index * CHUNK_BYTES:(index + 1) * CHUNK_BYTES]
        yield {"type": "upper_plan_chunk", "id": plan.package_id, "origin_unit": own, "index": index,
               "data": base64.b64encode(piece).decode()}


def _malformed(detail: str) -> PackageError:
    return PackageError(MALFORMED, message_vi="Kế hoạch của cấp trên gửi kèm trong gói bị hỏng hoặc không đầy đủ."
                        + _ASK, detail=detail)


def _assemble(found: list[dict[str, Any]], office: str) -> tuple[dict[str, Any], bytes]:
    heads = [r for r in found if r["type"] == "upper_plan"]
    if len(heads) != 1:
        raise _malformed(f"{len(heads)} upper_plan records")
    head = heads[0]
    size, chunks = head.get("file_size"), head.get("chunks")
    if head.get("origin_unit") != office or not isinstance(size, int) or not isinstance(chunks, int) \
            or not 0 < size <= MAX_FILE or chunks != max(1, -(-size // CHUNK_BYTES)):
        raise _malformed("upper_plan fields")
    pieces = [r for r in found if r["type"] == "upper_plan_chunk"]
    if [r.get("index") for r in pieces] != list(range(chunks)) or \
            any(r.get("id") != head.get("id") or r.get("origin_unit") != office for r in pieces):
        raise _malformed("upper_plan_chunk order")
    try:
        data = b"".join(base64.b64decode(r["data"], validate=True) for r in pieces)
    except (ValueError, TypeError) as exc:
        raise _malformed(f"chunk data: {exc}") from None
    if len(data) != size or hashlib.sha256(data).hexdigest() != head.get("package_sha256"):
        raise _malformed("size or sha256")
    return head, data


def _announced(head: dict[str, Any]) -> TrustedKey:
    public = b64decode(head.get("signing_public"), 32, "signing_public")
    if key_id(public) != head.get("signer_key_id") or not isinstance(head.get("producer_unit"), str):
        raise _malformed("announced key")
    return TrustedKey(key_id(public), head["producer_unit"], public)


def _lookup(session: Session, announced: TrustedKey) -> Any:
    """The unit's own enrolment of the upper office wins (revoked: REVOKED_KEY; another key: UNKNOWN_KEY);
    without one, the key its office announces under its own signature."""
    rows = session.execute(select(KnownKey)).scalars().all()
    own = {r.key_id: keys.trusted_key(r) for r in rows
           if unit_skeleton(r.unit_code) == unit_skeleton(announced.unit_code) and not r.is_recipient}
    return own.get if own else {announced.key_id: announced}.get


@contextmanager
def opened(session: Session, found: list[dict[str, Any]], outer: VerifiedPackage) -> Iterator[VerifiedPackage]:
    """The inner package, verified under its own signature, while the with-block runs (a temporary copy)."""
    office = outer.header.producer.unit_code
    head, data = _assemble(found, office)
    announced = _announced(head)
    if announced.key_id == outer.header.signer_key_id:
        raise PackageError(NOT_AUTHORISED, message_vi=(
            f"Gói kế hoạch của {office} gửi kèm một kế hoạch “của cấp trên” nhưng do chính {office} ký." + _ASK),
            detail="upper plan signed by the sending office")
    with tempfile.TemporaryDirectory(prefix="antq-upper-plan-") as folder:
        path = Path(folder) / "upper-plan.antq"
        path.write_bytes(data)
        inner = package_reader.verify(path, _lookup(session, announced))
        _check_inner(session, inner, head, outer)
        yield inner


def _check_inner(session: Session, inner: VerifiedPackage, head: dict[str, Any], outer: VerifiedPackage) -> None:
    header, office = inner.header, outer.header.producer.unit_code
    upper = header.producer.unit_code
    if header.kind != "plan" or header.period != outer.header.period or header.package_id != head.get("id") \
            or upper != head["producer_unit"] or header.sequence != head.get("sequence"):
        raise _malformed(f"inner {header.kind} {header.period} {upper}")
    if unit_skeleton(upper) == unit_skeleton(office):
        raise PackageError(NOT_AUTHORISED, message_vi=(
            f"Gói kế hoạch của {office} gửi kèm một kế hoạch “của cấp trên” cũng mang mã {office}." + _ASK),
            detail="upper plan from the sender itself")
    authorise_producer(session, header)  # never a plan under this unit's own code


def check_replay(session: Session, inner: VerifiedPackage) -> bool:
    """True when the inner plan is newer than the one held (record it); False when it is the same one
    (its rows are upserted again, unchanged). An older one is a roll-back: refused."""
    header = inner.header
    state = session.get(ProducerState, header.producer.unit_code)
    if state is None or header.sequence > state.last_sequence:
        return True
    if header.sequence == state.last_sequence and inner.package_sha256 == state.last_package_sha256:
        return False
    raise PackageError(REPLAY, message_vi=(
        f"Kế hoạch của {header.producer.unit_name} gửi kèm (gói số {header.sequence}) cũ hơn kế hoạch đã nhận "
        f"(gói số {state.last_sequence})." + _ASK), detail="older upper plan")


def record_chain(session: Session, office: str, upper: str | None) -> None:
    """Remember whose plan came inside ``office``'s package (read by `authority.plan_units`)."""
    row = session.get(Setting, CHAIN_KEY) or Setting(key=CHAIN_KEY, value="{}")
    chain = json.loads(row.value)
    if upper is None:
        chain.pop(office, None)
    else:
        chain[office] = upper
    row.value = json.dumps(chain, sort_keys=True)
    session.add(row)
