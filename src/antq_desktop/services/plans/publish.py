"""The upper office publishes the year's plan to its communes as a signed package of kind "plan".

One package serves every commune, so it is signed but NOT encrypted (the header says
``encrypted: false``): it holds no personal data, only the office's plan and targets, the
criteria catalog, the pledge form texts and the deadlines. Importing: ``services/plans/receive.py``.

Records (format addition, see docs/package-format.md "Plan packages"):
``plan`` / ``plan_target`` (the office's own synced rows, origin = the office), ``catalog``,
``form_text`` (pledge templates) and ``deadline``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop import __version__
from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.errors import AntqError
from antq_desktop.domain.fronts import hint
from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import Producer
from antq_desktop.exchange.package_writer import PackageMeta, write_package
from antq_desktop.paths import resource_path
from antq_desktop.services.changes import Changes
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.plans import upper
from antq_desktop.services.safe_files import read_user_file
from antq_desktop.storage import audit, migrate
from antq_desktop.storage.canonical import canonical_record
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Plan, PlanTarget, RecognitionDecision, Setting, UnitProfile

KIND = "plan"
STATE_KEY = "plan_package.last"  # {"sequence", "package_sha256", "package_id"} of the last published package
UNIT_TYPE_DEADLINES = ("area", "agency", "enterprise", "school", "commune")
SUBMISSION = "data_submission"
# Namespace for the ids of the non-synced records (catalog, form text, deadline): stable per content key.
_NS = uuid.UUID("6b1f3c2e-8d7a-4e55-9a0b-5c1d2e3f4a5b")


class PlanPackageError(AntqError):
    """A plan package refused or not written: ``message`` in Vietnamese, ``code`` stable English."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class PublishResult:
    path: Path
    package_id: str
    sequence: int
    year: int
    counts: dict[str, int]
    package_sha256: str
    upper: str | None = None  # the office above whose plan package travels inside, as it signed it

    @property
    def changes(self) -> Changes:
        """A plan package was made (not data sent up: the status bar's last export ignores it)."""
        return Changes(plans_changed=True)


def record_id(kind: str, key: str) -> str:
    return str(uuid.uuid5(_NS, f"{kind}:{key}"))


def _office(session: Session) -> UnitProfile:
    profile = session.get(UnitProfile, 1)
    if profile is None:
        raise PlanPackageError("Máy này chưa được thiết lập đơn vị. " + hint(
            gui="Hãy khởi động lại chương trình để làm theo các bước thiết lập.",
            cli="Hãy chạy “antq init” trước."), "NOT_INITIALISED")
    if profile.role == "commune":
        raise PlanPackageError("Chỉ đơn vị cấp trên (cụm, huyện, tỉnh) mới gửi kế hoạch xuống xã. Máy này là của "
                               "một xã: hãy nhập gói kế hoạch " + hint(
                                   gui="ở mục “Nhận kế hoạch của cấp trên” trên trang Gửi – nhận dữ liệu.",
                                   cli="bằng “antq plan import TỆP”."), "NOT_AN_OFFICE")
    return profile


def _plan_records(session: Session, unit: str, year: int, carried: bool) -> list[dict[str, Any]]:
    """The office's own plan(s) of the year and all their targets (tombstones too: a deleted target
    must disappear at the communes as well). Without a plan of its own, an office may still pass on
    the plan it received from above (``carried``)."""
    plans = session.execute(select(Plan.__table__).where(Plan.origin_unit == unit, Plan.year == year)
                            .order_by(Plan.id)).mappings().all()
    if not carried and not any(not p["deleted"] for p in plans):
        raise PlanPackageError(f"Đơn vị chưa có kế hoạch năm {year}. Hãy lập kế hoạch và chỉ tiêu của năm trước "
                               "khi gửi xuống xã.", "NO_PLAN")
    out = [canonical_record(Plan, dict(p)) for p in plans]
    ids = [p["id"] for p in plans]
    targets = session.execute(select(PlanTarget.__table__).where(PlanTarget.plan_id.in_(ids),
                                                                 PlanTarget.origin_unit == unit)
                              .order_by(PlanTarget.id)).mappings()
    out += [canonical_record(PlanTarget, dict(t)) for t in targets]
    # The office's recognition decisions of the year (tombstones too) go down with the plan (rule A7),
    # so the communes' annual reports cite their number and date.
    decisions = session.execute(select(RecognitionDecision.__table__).where(
        RecognitionDecision.origin_unit == unit, RecognitionDecision.year == year)
        .order_by(RecognitionDecision.id)).mappings()
    return out + [canonical_record(RecognitionDecision, dict(d)) for d in decisions]


def catalog_document(code: str, path: str | Path | None = None) -> dict[str, Any]:
    """The catalog's JSON document (an edited copy at ``path``, else the shipped or received one)."""
    if path is None:
        folders = (catalogs.received_dir("catalogs"), resource_path("catalogs"))
        found = [p for f in folders for p in sorted(f.glob("*.json"))
                 if json.loads(p.read_text(encoding="utf-8")).get("code") == code]
        if not found:
            raise PlanPackageError(f"Không tìm thấy tệp bộ tiêu chí “{code}”.", "NO_CATALOG")
        path = found[0]
    try:
        raw = read_user_file(path, what="tệp bộ tiêu chí (.json)",  # a FIFO or device is refused, never read
                             error=lambda message: PlanPackageError(message, "NOT_A_FILE"))
        data = json.loads(raw.decode("utf-8"))
        catalogs.parse_catalog(data)
    except (OSError, ValueError, AttributeError, TypeError, catalogs.CatalogError) as exc:
        raise PlanPackageError(f"Tệp bộ tiêu chí {Path(path).name} không hợp lệ ({exc}). Hãy sửa tệp rồi gửi lại.",
                               "BAD_CATALOG") from None
    if not isinstance(data, dict) or data.get("format") != "antq-criteria-catalog":
        raise PlanPackageError(f"Tệp {Path(path).name} không phải bộ tiêu chí.", "BAD_CATALOG")
    return data


def pledge_form_documents() -> list[dict[str, Any]]:
    """The form-text JSON of every pledge template this office uses (received ones win)."""
    docs: dict[str, dict[str, Any]] = {}
    for folder in (resource_path("forms"), catalogs.received_dir("forms")):
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data.get("pledge_template"), dict):
                docs[data["form_id"]] = data
    return [docs[k] for k in sorted(docs)]


def check_deadlines(deadlines: dict[str, str]) -> dict[str, str]:
    """Keys: ``data_submission`` or ``self_assessment:<unit type>``; values ISO dates."""
    allowed = {SUBMISSION} | {f"self_assessment:{t}" for t in UNIT_TYPE_DEADLINES}
    for key, value in deadlines.items():
        if key not in allowed:
            raise PlanPackageError(f"Hạn “{key}” không được hỗ trợ. Dùng: {', '.join(sorted(allowed))}.", "USAGE")
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            raise PlanPackageError(f"Hạn “{key}”: ngày “{value}” không đúng dạng NĂM-THÁNG-NGÀY.", "USAGE") from None
    return dict(sorted(deadlines.items()))


def _extra_records(unit: str, year: int, catalog: dict[str, Any],
                   deadlines: dict[str, str]) -> Iterator[dict[str, Any]]:
    yield {"type": "catalog", "id": record_id("catalog", catalog["code"]), "origin_unit": unit,
           "code": catalog["code"], "version": str(catalog.get("version", "")), "document": catalog}
    for form in pledge_form_documents():
        yield {"type": "form_text", "id": record_id("form_text", form["form_id"]), "origin_unit": unit,
               "form_id": form["form_id"], "version": str(form.get("version", "")), "document": form}
    for key, value in deadlines.items():
        yield {"type": "deadline", "id": record_id("deadline", f"{year}:{key}"), "origin_unit": unit,
               "year": year, "key": key, "date": value}


def _last(session: Session) -> dict[str, Any]:
    row = session.get(Setting, STATE_KEY)
    return json.loads(row.value) if row is not None else {"sequence": 0}


def publish(store: Store, dest: str | Path, *, year: int, password: str, actor: str,
            catalog_path: str | Path | None = None, deadlines: dict[str, str] | None = None) -> PublishResult:
    """Write the signed (unencrypted) plan package and remember its sequence. Raises PlanPackageError."""
    dest = Path(dest)
    deadlines = check_deadlines(deadlines or {})
    with store.session_factory() as session:
        office = _office(session)
        carried = upper.kept(session, year)  # the province's plan received by this cluster, passed on whole
        records = _plan_records(session, office.unit_code, year, carried is not None)
        catalog = catalog_document(office.catalog_code, catalog_path)
        records += list(_extra_records(office.unit_code, year, catalog, deadlines))
        records += list(upper.records(session, office.unit_code, carried)) if carried else []
        sequence = int(_last(session)["sequence"]) + 1
        blob = keys.active_blob(session, actor)
        meta = PackageMeta(Producer(office.unit_code, office.unit_name, office.role), sequence, KIND, str(year),
                           __version__, migrate.head_revision(), audit_head=audit.chain_head(session))
    try:
        with KeyStore.unlock(blob, password) as signer:
            written = write_package(dest, records, meta, signer, None, encrypted=False, total_records=len(records))
    except PackageError as exc:
        raise PlanPackageError(keys.unlock_message(exc), exc.code) from None
    try:
        _record(store, written, year, actor)
    except BaseException:
        dest.unlink(missing_ok=True)  # unrecorded: the sequence number stays free
        raise
    header = written.header
    return PublishResult(dest, header.package_id, sequence, year, dict(header.record_counts), written.package_sha256,
                         carried.office if carried else None)


def _record(store: Store, written: Any, year: int, actor: str) -> None:
    header = written.header
    with store.session() as session:
        row = session.get(Setting, STATE_KEY) or Setting(key=STATE_KEY, value="{}")
        row.value = json.dumps({"sequence": header.sequence, "package_sha256": written.package_sha256,
                                "package_id": header.package_id})
        session.add(row)
        audit.append(session, actor=actor, action="plan_publish", record_type="package", record_id=header.package_id,
                     details={"sequence": header.sequence, "year": year, "counts": dict(header.record_counts)})
