"""The province imports a district's forward package (kind "forward"), through `antq merge`.

Rule (also in docs/upper-office.md): the forward is refused AS A WHOLE, with nothing written
but its log row, unless (1) the office's signature verifies with a key the province enrolled
itself as an office (services.authority.keys.forward_signer), every key it vouches is a commune
of the office's catchment recorded here (authorise_vouch), and (2) EVERY inner package is intact,
verifies with its own producer's key, and decrypts. The same forward again (its package id merged
here) is "already merged" (exit 0). The office's forward number orders nothing (issue 14: forwards
come in any order): each inner package is judged on its own producer's sequence, as if sent directly
(forward_order.py: replays and packages a merged full one covers skipped, gaps held).
A commune key is accepted if the province enrolled it itself, or if the office vouched for it
in this signed forward; a vouched key is then recorded as KnownKey(source="vouched",
enrolled_by=<office code>). A key the province revoked stays revoked. The office's own key
revocations travel in the same forward (services/merge/received_revocations.py: authorised, then
applied; a revoked key's packages only those the office merged before revoking). Only then is each inner
package merged by the pipeline (merge/run.py; each whole or not at all; each judged on its own producer's
sequence, services/merge/forward_order.py).
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from antq_desktop.domain.fronts import hint
from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import (
    DECRYPT_FAILED,
    IO_ERROR,
    MALFORMED,
    NOT_AUTHORISED,
    SIGNER_MISMATCH,
    PackageError,
)
from antq_desktop.exchange.keys import UNIT_CODE_RE, TrustedKey, b64decode, fingerprint, fingerprint_v2, key_id
from antq_desktop.exchange.package_reader import VerifiedPackage
from antq_desktop.services.authority import authorise_data_kind, authorise_inner
from antq_desktop.services.authority import keys as authority
from antq_desktop.services.authority.table import ROLES
from antq_desktop.services.keys.ring import KeyRing, trusted_lookup
from antq_desktop.services.merge import import_log
from antq_desktop.services.merge import received_revocations as revocations
from antq_desktop.services.merge.results import MergeOptions, PackageResult
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import ImportAttempt, KnownKey


def _plan_here() -> str:
    return ("Đây là gói kế hoạch do cấp trên gửi xuống, không phải gói dữ liệu của xã. Hãy nhập " + hint(
        gui="ở mục “Nhận kế hoạch của cấp trên” trên trang Gửi – nhận dữ liệu.", cli="bằng “antq plan import TỆP”."))
INNER_BAD = "Gói chuyển tiếp bị từ chối toàn bộ, chưa ghi gì: gói số {seq} của đơn vị {unit} bên trong không hợp lệ. "
OK_STATUSES = ("merged", "duplicate", "held")


class FixedKey:
    """Opens one inner package with the payload key the office passed on (after checking the header)."""

    def __init__(self, receiving_key_id: str, wrapped: bytes | None, key: bytes) -> None:
        self._id, self._wrapped, self._key = receiving_key_id, wrapped, key

    @property
    def receiving_key_id(self) -> str:
        return self._id

    def open_payload_key(self, wrapped: bytes, info: bytes) -> bytes:
        if wrapped != self._wrapped:
            raise PackageError(DECRYPT_FAILED, detail="forwarded payload key for another header")
        return self._key


def claimed_kind(path: Path, options: MergeOptions) -> str | None:
    """The kind a file claims (forward and plan packages take their own path); None if unreadable."""
    try:
        return package_reader.inspect(path, options.limits).kind  # a claim only: verified later
    except PackageError:
        return None


def refuse_plan(store: Store, path: Path, options: MergeOptions) -> PackageResult:
    return _refuse_outer(store, path, options, PackageError(MALFORMED, message_vi=_plan_here()), None)


@dataclasses.dataclass
class Unpacked:
    """A forward whose office and every inner package checked out: the inner files wait in `folder`."""

    outer: VerifiedPackage
    items: list[dict[str, Any]]
    lookup: Callable[[str], TrustedKey | None]

    def inner(self, options: MergeOptions) -> list[tuple[Path, MergeOptions]]:
        """Each inner file with the options to merge it under (its producer's key, the forwarded payload key)."""
        return [(item["path"], _inner_options(options, item, self.lookup)) for item in self.items]


def unpack(store: Store, path: Path, options: MergeOptions, folder: Path) -> Unpacked | list[PackageResult]:
    """Verify the forward and everything in it, enrol the vouched keys; or the refusal (or preview) as results."""
    outer = None
    try:
        outer = package_reader.verify(path, options.lookup or trusted_lookup(store), limits=options.limits)
        if _already_merged(store, outer):  # a repeat is "already merged", as for a commune's package
            return [_duplicate(store, path, outer, options)]
        _check_office(store, outer)
        opener = options.ring.opener(outer.header) if options.ring else None
        revoked: list[revocations.Reported] = []
        items, vouched = _extract(outer, opener, folder, options, revoked)
        office = outer.header.producer.unit_code
        _authorise_vouched(store, office, vouched)
        to_revoke = revocations.authorise(store, office, revoked)  # authority K12, before anything is written
        allowed = revocations.limits(store, office, to_revoke)
        lookup = revocations.lookup(_lookup(store, vouched), allowed, to_revoke)
        revocations.check_inner([(i["path"], i["sequence"]) for i in items], allowed, office)  # K13
        _preverify(items, lookup, options)
        authorise_inner(store, [item["producer"] for item in items])  # authority A6: refused whole, before any merge
        _authorise_inner_signers(store, items)  # A10 and K8 for every inner package, also before any merge
        if options.dry_run:
            return [_outer_result(outer, path, "dry_run", "Xem trước: gói chuyển tiếp và mọi gói bên trong hợp lệ, "
                                  f"{len(items)} gói sẽ được nhập. Chưa ghi gì.")]
        _enrol_vouched(store, outer, vouched, items, options.actor)
        revocations.apply(store, outer, to_revoke, options.actor)
    except (PackageError, ValueError, OSError) as exc:
        return [refuse_error(store, path, options, exc, outer)]
    return Unpacked(outer, items, lookup)


def refuse_error(store: Store, path: Path, options: MergeOptions, exc: Exception,
                 outer: VerifiedPackage | None) -> PackageResult:
    """A refusal of the whole forward; bad base64 (binascii.Error) or a full temp disk are clean refusals too."""
    if not isinstance(exc, PackageError):
        exc = PackageError(IO_ERROR if isinstance(exc, OSError) else MALFORMED, detail=str(exc)[:200])
    return _refuse_outer(store, path, options, exc, outer)


def _already_merged(store: Store, outer: VerifiedPackage) -> bool:
    """This very forward (its package id, from its signed office) was merged here before."""
    header = outer.header
    with store.session_factory() as session:
        authority.forward_signer(session, header.signer_key_id, header.producer.unit_code)
        return session.execute(select(ImportAttempt.id).where(
            ImportAttempt.kind == "forward", ImportAttempt.result == "merged",
            ImportAttempt.producer_unit == header.producer.unit_code,
            ImportAttempt.package_uuid == header.package_id).limit(1)).first() is not None


def _duplicate(store: Store, path: Path, outer: VerifiedPackage, options: MergeOptions) -> PackageResult:
    result = _outer_result(outer, path, "duplicate", "Gói chuyển tiếp này đã được nhập trước đây; không có gì "
                           "thay đổi.")
    if not options.dry_run:
        with store.session() as session:
            import_log.log_attempt(session, actor=options.actor, path=path, result="duplicate", header=outer.header,
                                   file_sha256_hex=outer.package_sha256, error_code=None, message=result.message)
    return result


def _check_office(store: Store, outer: VerifiedPackage) -> None:
    """The signer must be a key this office enrolled itself as an office. The forward's number is not checked:
    an older forward merged after a newer one is no replay (its inner packages are judged one by one)."""
    header = outer.header
    with store.session_factory() as session:
        authority.forward_signer(session, header.signer_key_id, header.producer.unit_code)


def _authorise_vouched(store: Store, office: str, vouched: list[dict[str, Any]]) -> None:
    """Every key vouched in the forward that this office does not know yet must be the office's to vouch."""
    with store.session_factory() as session:
        known = set(session.execute(select(KnownKey.key_id)).scalars())
        for v in vouched:
            if v["id"] not in known:
                authority.authorise_vouch(session, office, v)


def _authorise_inner_signers(store: Store, items: list[dict[str, Any]]) -> None:
    """Each inner package is a data package, signed by a key that may still speak for its unit (merge_one
    checks the same again; here a refusal stops the whole forward before any inner package is merged)."""
    with store.session_factory() as session:
        for item in items:
            header = package_reader.inspect(item["path"])
            authorise_data_kind(header)
            authority.authorise_signer(session, header.signer_key_id, item["producer"])


def _extract(outer: VerifiedPackage, opener: Any, folder: Path, options: MergeOptions,
             revoked: list[revocations.Reported]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    office = outer.header.producer.unit_code
    items: list[dict[str, Any]] = []
    vouched: list[dict[str, Any]] = []
    out: IO[bytes] | None = None
    try:
        for record in package_reader.iter_records(outer, opener, limits=options.limits):
            if record.get("origin_unit") != office:
                raise _not_theirs(f"Gói chuyển tiếp của {office} có bản ghi ghi là của đơn vị "
                                  f"{str(record.get('origin_unit'))[:20]}", "a record of another origin")
            kind = record["type"]
            if kind == "vouched_key":
                vouched.append(_check_vouched(record))
            elif kind == revocations.RECORD_TYPE:  # the office's key revocations (issue 14, point 3)
                revoked.append(revocations.parse(record))
            elif kind == "forward_package":
                _close(out, items)
                items.append(_new_item(record, folder, len(items), office))
                out = items[-1]["path"].open("wb")
            elif kind == "forward_chunk" and items and record.get("id") == items[-1]["id"] \
                    and record.get("index") == items[-1]["seen"] and isinstance(record.get("data"), str):
                assert out is not None
                out.write(base64.b64decode(record["data"], validate=True))
                items[-1]["seen"] += 1
            else:
                raise _bad(f"unexpected record {kind}")
        _close(out, items)
        out = None
    finally:
        if out is not None:
            out.close()
    return items, vouched


def _not_theirs(what: str, detail: str) -> PackageError:
    """An authority refusal inside a forward: the real reason, naming the units (never "damaged file")."""
    return PackageError(NOT_AUTHORISED, message_vi=f"{what}: cơ quan chuyển tiếp chỉ được gửi gói của chính mình và "
                        "chuyển nguyên gói của xã. Không nhập gói này; hãy báo cho cán bộ phụ trách.",
                        detail=f"forward: {detail}")


def _bad(detail: str) -> PackageError:
    return PackageError(MALFORMED, detail=f"forward: {detail}")


def _new_item(record: dict[str, Any], folder: Path, index: int, office: str) -> dict[str, Any]:
    for name, kind in (("producer_unit", str), ("package_sha256", str), ("file_size", int), ("chunks", int),
                       ("own", bool)):
        if not isinstance(record.get(name), kind):
            raise _bad(f"forward_package field {name}")
    key = record.get("payload_key")
    if record["own"] and record["producer_unit"] != office:
        unit = record["producer_unit"][:20]
        raise _not_theirs(f"Gói chuyển tiếp của {office} ghi gói bên trong của đơn vị {unit} là gói của chính {office}",
                          "own package of another unit")
    return {"id": record["id"], "producer": record["producer_unit"], "sha": record["package_sha256"],
            "size": record["file_size"], "chunks": record["chunks"], "own": record["own"], "seen": 0,
            "key": b64decode(key, 32) if isinstance(key, str) else None,
            "path": folder / f"{index:05d}.antq", "sequence": record.get("sequence")}


def _close(out: IO[bytes] | None, items: list[dict[str, Any]]) -> None:
    """End of one inner file: all chunks present, and exactly the bytes the office hashed."""
    if out is None:
        return
    out.close()
    item = items[-1]
    data = item["path"].read_bytes()
    if item["seen"] != item["chunks"] or len(data) != item["size"] or hashlib.sha256(data).hexdigest() != item["sha"]:
        raise _bad(f"inner package {item['id']} incomplete or altered")


def _check_vouched(record: dict[str, Any]) -> dict[str, Any]:
    try:
        signing, receiving = b64decode(record["signing_public"], 32), b64decode(record["receiving_public"], 32)
    except (KeyError, PackageError, TypeError):
        raise _bad("vouched key") from None
    # The role is not checked here: a wrong role is an authority refusal naming the unit (authorise_vouch).
    unit = record.get("unit_code")
    if key_id(signing) != record["id"] or not isinstance(unit, str) or not UNIT_CODE_RE.fullmatch(unit):
        raise _bad("vouched key fields")
    # The fingerprint the office read on paper: version 1 (keys only) or 2 (for the role the key file claimed).
    shapes = {fingerprint(signing, receiving)} | {fingerprint_v2(unit, role, signing, receiving) for role in ROLES}
    if record.get("fingerprint") not in shapes:
        raise _bad("vouched key fingerprint")
    return record


def _lookup(store: Store, vouched: list[dict[str, Any]]) -> Callable[[str], TrustedKey | None]:
    """The province's own registry first (its revocations win), then the keys vouched in this forward."""
    base = trusted_lookup(store)
    with store.session_factory() as session:
        known = set(session.execute(select(KnownKey.key_id)).scalars())
    extra = {v["id"]: TrustedKey(v["id"], v["unit_code"], b64decode(v["signing_public"], 32))
             for v in vouched if v["id"] not in known}
    return lambda kid: base(kid) or extra.get(kid)


def _inner_options(options: MergeOptions, item: dict[str, Any], lookup: Callable[..., Any]) -> MergeOptions:
    ring = options.ring
    if not item["own"] and item["key"] is not None:
        header = package_reader.inspect(item["path"])
        ring = KeyRing(None, None, FixedKey(header.recipient_key_id or "", header.wrapped_key, item["key"]))  # type: ignore[arg-type]
    return dataclasses.replace(options, ring=ring, lookup=lookup)


def _preverify(items: list[dict[str, Any]], lookup: Callable[..., Any], options: MergeOptions) -> None:
    """Every inner package: signature, producer, and a full decrypting read, before anything is written."""
    for item in items:
        try:
            inner = package_reader.verify(item["path"], lookup, limits=options.limits)
            if inner.header.package_id != item["id"] or inner.header.producer.unit_code != item["producer"]:
                raise PackageError(SIGNER_MISMATCH, detail="inner header differs from the forward's description")
            opener = _inner_options(options, item, lookup).ring
            keys = opener.opener(inner.header) if opener is not None else None
            for _record in package_reader.iter_records(inner, keys, limits=options.limits):
                pass
        except PackageError as exc:
            text = INNER_BAD.format(seq=item["sequence"], unit=item["producer"]) + exc.message_vi
            raise PackageError(exc.code, message_vi=text, detail=exc.detail) from None


def _enrol_vouched(store: Store, outer: VerifiedPackage, vouched: list[dict[str, Any]],
                   items: list[dict[str, Any]], actor: str) -> None:
    office = outer.header.producer.unit_code
    needed = {package_reader.inspect(i["path"]).signer_key_id for i in items if not i["own"]}
    with store.session() as session:
        for v in vouched:
            if v["id"] not in needed or session.execute(select(KnownKey.id).where(KnownKey.key_id == v["id"])).first():
                continue
            session.add(KnownKey(key_id=v["id"], unit_code=v["unit_code"], unit_name=str(v.get("unit_name", ""))[:200],
                                 role="commune", signing_public=v["signing_public"],
                                 receiving_public=v["receiving_public"], fingerprint=v["fingerprint"],
                                 source="vouched", enrolled_by=office, is_trusted=True,
                                 note=f"Do {office} bảo lãnh trong gói chuyển tiếp {outer.header.package_id}"))
            session.flush()
            audit.append(session, actor=actor, action="trust_vouched", record_type="key", record_id=v["id"],
                         details={"unit_code": v["unit_code"], "fingerprint": v["fingerprint"], "office": office})


def _outer_result(outer: VerifiedPackage | None, path: Path, status: str, message: str) -> PackageResult:
    result = PackageResult(path.name, status, message)
    if outer is not None:
        header = outer.header
        result.header, result.producer_unit, result.producer_name = header, header.producer.unit_code, \
            header.producer.unit_name
        result.sequence, result.kind, result.package_uuid = header.sequence, header.kind, header.package_id
        result.file_sha256 = outer.package_sha256
    return result


def _refuse_outer(store: Store, path: Path, options: MergeOptions, exc: PackageError,
                  outer: VerifiedPackage | None) -> PackageResult:
    result = _outer_result(outer, path, "refused", exc.message_vi)
    result.code = exc.code
    header = outer.header if outer is not None else _claimed(path)
    with store.session() as session:
        import_log.log_attempt(session, actor=options.actor, path=path, result="refused", header=header,
                               file_sha256_hex=result.file_sha256 or None, error_code=exc.code, message=exc.message_vi)
    return result


def _claimed(path: Path) -> Any:
    try:
        return package_reader.inspect(path)
    except PackageError:
        return None


def _tally(results: list[PackageResult]) -> str:
    """How many inner packages were new, already here, waiting (what to do about those is on their lines)."""
    held = sum(r.status == "held" for r in results)
    parts = [f"{n} {label}" for n, label in ((sum(r.status == "merged" for r in results), "mới nhập"),
                                              (sum(r.status == "duplicate" for r in results), "đã có"),
                                              (held, "gói đang chờ gói trước")) if n]
    return f" ({', '.join(parts)})" if held or len(parts) > 1 else ""


def finish(store: Store, path: Path, outer: Any, results: list[PackageResult], actor: str) -> PackageResult:
    """The forward counts as imported only if every inner package is in (merged, already there, or held)."""
    bad = [r for r in results if r.status not in OK_STATUSES]
    if bad:
        text = (f"Gói chuyển tiếp: {len(results) - len(bad)} gói bên trong đã nhập, {len(bad)} gói bị từ chối (xem "
                "lý do từng gói). Sửa nguyên nhân rồi nhập lại gói chuyển tiếp; các gói đã nhập sẽ được bỏ qua.")
        result = _outer_result(outer, path, "refused", text)
        result.code = bad[0].code
    else:
        result = _outer_result(outer, path, "merged", f"Đã nhập gói chuyển tiếp số {outer.header.sequence} của "
                               f"{outer.header.producer.unit_name}: {len(results)} gói bên trong{_tally(results)}.")
    with store.session() as session:
        import_log.log_attempt(session, actor=actor, path=path, result=result.status, header=outer.header,
                               file_sha256_hex=outer.package_sha256, error_code=result.code, message=result.message)
        audit.append(session, actor=actor, action="forward_import", record_type="package",
                     record_id=outer.header.package_id,
                     details={"office": outer.header.producer.unit_code, "sequence": outer.header.sequence,
                              "result": result.status, "inner": [[r.package_uuid, r.status] for r in results]})
    return result
