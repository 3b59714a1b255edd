"""Reading the audit trail: filter, page, and export to Excel. Qt-free, shared by the GUI page and `antq audit`."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Select, func, or_, select

from antq_desktop.domain.errors import ValidationError
from antq_desktop.domain.local_time import to_local
from antq_desktop.services.accounts import audit_text
from antq_desktop.services.safe_files import atomic_write
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import AuditEntry

ACTION_LABELS = {
    "init": "Thiết lập đơn vị", "create": "Thêm", "update": "Sửa", "delete": "Xóa", "restore": "Khôi phục",
    "login": "Đăng nhập", "login_failed": "Đăng nhập sai", "user_create": "Tạo tài khoản",
    "user_disable": "Khóa tài khoản", "user_enable": "Mở khóa tài khoản", "user_role": "Đổi vai trò",
    "password_reset": "Đặt lại mật khẩu", "password_change": "Đổi mật khẩu", "setting": "Đổi cài đặt",
    "backup": "Sao lưu", "export": "Xuất dữ liệu", "merge": "Hợp nhất gói", "refuse": "Từ chối gói",
    "audit_export": "Xuất nhật ký", "merge_refused": "Từ chối gói", "merge_held": "Giữ gói chờ gói trước",
    "key_create": "Tạo khóa đơn vị", "reveal_citizen_ids": "Xem đầy đủ số định danh",
    "key_rewrap": "Bọc lại khóa đơn vị", "key_rotate": "Thay khóa đơn vị", "key_announce": "Thông báo khóa mới",
    "key_announced": "Nhận thông báo khóa", "recipient_set": "Đặt khóa cấp trên", "trust_add": "Tin cậy khóa",
    "trust_revoke": "Thu hồi khóa", "office_communes": "Đổi danh sách xã",
    "office_catchment": "Đổi địa bàn cơ quan cấp dưới", "office_late_after": "Đổi hạn nộp",
    "receipt_issue": "Lập biên nhận", "receipt_verify": "Kiểm tra biên nhận",
    "trust_vouched": "Nhận khóa được bảo lãnh", "trust_revoke_reported": "Thu hồi khóa do cấp dưới báo lên",
    "plan_publish": "Gửi kế hoạch xuống xã", "plan_import": "Nhận kế hoạch cấp trên",
    "forward": "Chuyển gói lên cấp trên", "forward_import": "Nhận gói chuyển tiếp",
    "setup_redo": "Thiết lập lại đơn vị",
    "conflict_resolve": "Giải quyết xung đột dữ liệu", "household_left": "Hộ chuyển đi",
    "plan_create": "Lập kế hoạch năm",
    "package_copy_moved": "Chuyển bản sao gói vào cơ sở dữ liệu",
    "key_wrap": "Cấp khóa đơn vị cho tài khoản", "key_unwrap": "Thu hồi khóa đơn vị của tài khoản",
    "key_wrap_claim": "Nhận bản khóa cũ của đơn vị", "key_handover": "Chuyển khóa mới cho người giữ khóa",
    "key_handover_done": "Xong chuyển khóa mới",
    "recovery_build": "Gửi gói khôi phục cho xã", "recovery_apply": "Nhận dữ liệu khôi phục của cấp trên",
}
MAX_PAGE = 1000
XLSX_HEADERS = ("STT", "Thời điểm", "Người thực hiện", "Thao tác", "Loại bản ghi", "Bản ghi", "Mã bản ghi",
                "Nội dung thay đổi", "Mã băm")


@dataclass(frozen=True)
class AuditFilter:
    actor: str | None = None
    action: str | None = None
    record_type: str | None = None
    since: date | None = None  # inclusive, UTC day
    until: date | None = None  # inclusive, UTC day
    text: str | None = None  # anywhere in the record id or the details


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    record_type: str | None
    record_id: str | None
    details: dict[str, Any]
    hash: str

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def record_type_label(self) -> str:
        return audit_text.record_type_label(self.record_type)

    def summary(self, names: dict[str, str] | None = None) -> str:
        """One line in Vietnamese: "Họ tên chủ hộ: A → B; ..." for updates, the fields otherwise (audit_text)."""
        return audit_text.summary(self.record_type, self.details, names)


def names_for(store: Store, rows: list[AuditRow]) -> dict[str, str]:
    """Display names of the records these entries are about or point at (audit_text.display_names)."""
    ids = {r.record_id for r in rows if r.record_id} | {i for r in rows for i in audit_text.referenced_ids(r.details)}
    return audit_text.display_names(store, ids)


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int
    offset: int
    limit: int


def _where(query: Select[Any], f: AuditFilter) -> Select[Any]:
    if f.since and f.until and f.since > f.until:
        raise ValidationError("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.", "since")
    if f.actor:
        query = query.where(AuditEntry.actor == f.actor.strip().casefold())
    if f.action:
        query = query.where(AuditEntry.action == f.action)
    if f.record_type:
        query = query.where(AuditEntry.record_type == f.record_type)
    if f.since:
        query = query.where(AuditEntry.at >= datetime.combine(f.since, time.min))
    if f.until:
        query = query.where(AuditEntry.at < datetime.combine(f.until + timedelta(days=1), time.min))
    if f.text and f.text.strip():
        # details are canonical JSON with non-ASCII kept as is, so a Vietnamese name matches directly
        needle = f"%{f.text.strip()}%"
        query = query.where(or_(AuditEntry.details.like(needle), AuditEntry.record_id.like(needle),
                                AuditEntry.actor.like(needle)))
    return query


def _row(entry: AuditEntry) -> AuditRow:
    try:
        details = json.loads(entry.details or "{}")
    except ValueError:
        details = {"?": entry.details}
    if not isinstance(details, dict):
        details = {"value": details}
    return AuditRow(entry.id, entry.at, entry.actor, entry.action, entry.record_type, entry.record_id, details,
                    entry.hash)


def query(store: Store, f: AuditFilter = AuditFilter(), *, offset: int = 0, limit: int = 200) -> AuditPage:
    """Newest first, one page at a time (the trail grows by one entry per record, so never load it all)."""
    limit = max(1, min(limit, MAX_PAGE))
    offset = max(0, offset)
    with store.session_factory() as session:
        total = session.execute(_where(select(func.count()).select_from(AuditEntry), f)).scalar() or 0
        entries = session.execute(_where(select(AuditEntry), f).order_by(AuditEntry.id.desc())
                                  .offset(offset).limit(limit)).scalars()
        return AuditPage([_row(e) for e in entries], total, offset, limit)


def iter_all(store: Store, f: AuditFilter = AuditFilter(), *, batch: int = 2000) -> Iterator[AuditRow]:
    """Every matching entry, oldest first, read in batches (for exports)."""
    last_id = 0
    while True:
        with store.session_factory() as session:
            entries = list(session.execute(_where(select(AuditEntry), f).where(AuditEntry.id > last_id)
                                           .order_by(AuditEntry.id).limit(batch)).scalars())
        if not entries:
            return
        yield from (_row(e) for e in entries)
        last_id = entries[-1].id


def choices(store: Store) -> dict[str, list[str]]:
    """Distinct actors, actions and record types, for the filter drop-downs."""
    with store.session_factory() as session:
        def values(column: Any) -> list[str]:
            return sorted(v for v in session.execute(select(column).distinct()).scalars() if v)
        return {"actor": values(AuditEntry.actor), "action": values(AuditEntry.action),
                "record_type": values(AuditEntry.record_type)}


@dataclass(frozen=True)
class ChainCheck:
    """Is the trail unbroken: the places it was changed (none when intact, the first one's message) and
    the head of the chain. The window words it in its own language; `chain_status` in Vietnamese."""

    problems: int
    first_problem: str
    head: str

    @property
    def ok(self) -> bool:
        return self.problems == 0


def chain_check(store: Store) -> ChainCheck:
    with store.session_factory() as session:
        problems = audit.verify_chain(session)
        head = audit.chain_head(session)
    return ChainCheck(len(problems), problems[0].message if problems else "", head)


def chain_status(store: Store) -> tuple[bool, str]:
    """(ok, Vietnamese sentence) for the page header: is the trail unbroken?"""
    check = chain_check(store)
    if not check.ok:
        return False, (f"Nhật ký đã bị sửa hoặc xóa ở {check.problems} chỗ (đầu tiên: {check.first_problem}). "
                       "Hãy báo ngay cho cấp trên và khôi phục từ bản sao lưu.")
    return True, f"Chuỗi nhật ký nguyên vẹn. Mã đầu chuỗi: {check.head[:16]}…"


def head_still_present(store: Store, head: str) -> tuple[bool, str]:
    """Is an earlier chain head (from a package, a receipt or a printout) still in the trail?

    The chain alone cannot show that its newest entries were cut off; a head kept elsewhere can.
    Prefixes of at least 16 hex digits are accepted (what the GUI and `antq audit` print).
    """
    head = head.strip().lower().rstrip("…")
    if len(head) < 16 or any(c not in "0123456789abcdef" for c in head):
        raise ValidationError("Mã đầu chuỗi phải gồm ít nhất 16 chữ số thập lục phân (0-9, a-f).", "head")
    with store.session_factory() as session:
        found = session.execute(select(AuditEntry.id).where(AuditEntry.hash.like(f"{head}%")).limit(1)).scalar()
    if found is None:
        return False, (f"Không còn mục nhật ký có mã {head[:16]}…: các mục cuối của nhật ký đã bị xóa hoặc dữ liệu "
                       "đã bị thay bằng bản khác. Hãy báo ngay cho cấp trên.")
    return True, f"Mục nhật ký #{found} có mã {head[:16]}… vẫn còn nguyên."


def _local_naive(moment: datetime) -> datetime:
    """The stored UTC moment as the laptop's clock showed it (Excel cells carry no time zone)."""
    return to_local(moment).replace(tzinfo=None)  # type: ignore[union-attr]  # a datetime always converts


def _sheet_rows(store: Store, rows: Iterator[AuditRow], batch: int = 1000) -> Iterator[list[Any]]:
    number = 0
    while chunk := list(islice(rows, batch)):
        names = names_for(store, chunk)
        for row in chunk:
            number += 1
            yield [number, _local_naive(row.at), row.actor, row.action_label, row.record_type_label,
                   names.get(row.record_id or "", ""), row.record_id or "", row.summary(names), row.hash]


def export_xlsx(store: Store, path: Path, f: AuditFilter = AuditFilter(), *, actor: str) -> int:
    """Write the filtered trail to an .xlsx file (atomic); the export itself is audited. Returns the row count."""
    from openpyxl import Workbook

    from antq_desktop.xlsx_cells import safe_row

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Nhật ký")
    sheet.append(list(XLSX_HEADERS))
    count = 0
    for values in _sheet_rows(store, iter_all(store, f)):
        sheet.append(safe_row(sheet, values))  # a failed sign-in's user name is anyone's text
        count += 1

    # Built in memory first: openpyxl cannot resume after a failed write, and the file is small.
    buffer = io.BytesIO()
    workbook.save(buffer)

    def write(out: IO[bytes]) -> None:
        out.write(buffer.getbuffer())

    atomic_write(Path(path), write, what="tệp Excel nhật ký")
    with store.session() as session:
        audit.append(session, actor=actor, action="audit_export",
                     details={"file": Path(path).name, "rows": count, "filter": _filter_details(f)})
    return count


def _filter_details(f: AuditFilter) -> dict[str, Any]:
    return {k: v for k, v in vars(f).items() if v}

