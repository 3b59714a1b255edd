"""Import residential areas, organisations and households from an .xlsx sheet.

Steps, each usable on its own by the wizard: read the sheet → guess which column holds which field
from Vietnamese headers → preview every row with the reasons it is invalid (the shared validators of
`domain.validation`, never rules of our own) → save the valid rows in one transaction.
"""

from __future__ import annotations

import io
import os
import threading
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from antq_desktop.domain.activity_validation import (
    AUDIENCE_KINDS,
    COMMENDATION_SUBJECTS,
    MODEL_KINDS,
    MODEL_STATUSES,
    TEAM_RATINGS,
)
from antq_desktop.domain.errors import AntqError, ValidationError
from antq_desktop.domain.text import fold, nfc
from antq_desktop.domain.validation import AREA_KINDS, ORG_TYPES, RELATIONS
from antq_desktop.domain.validators import VALIDATORS
from antq_desktop.services.changes import WrittenIds
from antq_desktop.services.excel import references
from antq_desktop.services.records import duplicates, members, queries
from antq_desktop.services.records import writes as records
from antq_desktop.services.safe_files import read_user_file
from antq_desktop.storage.db import Store

Progress = Callable[[float, str], None]
MAX_ROWS = 300_000  # a commune has at most some tens of thousands of households
STEP = 500  # rows between two progress reports / cancel checks while reading and checking
SAVE_CHUNK = 2_000  # rows per insert while saving (all chunks in one transaction)
BULK_ROWS = 1_000  # a save this large refreshes the planner's statistics (a sampled ANALYZE, milliseconds)
MAX_FILE_SIZE = 200 * 1024 * 1024  # a 300,000-row sheet compresses to far less; read into memory
EXCEL_FILE = "tệp Excel (.xlsx)"


class ImportFileError(AntqError):
    """Không đọc được tệp Excel. Hãy kiểm tra đó là tệp .xlsx (Excel 2007 trở lên) và không bị hỏng."""


class ImportCancelled(AntqError):
    """Đã hủy theo yêu cầu; không có dòng nào được lưu."""


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise ImportCancelled()


def _count(total: int, done: int) -> str:
    return f"{done:,}/{total:,}".replace(",", ".") if total else f"{done:,}".replace(",", ".")


@dataclass(frozen=True)
class ImportField:
    key: str  # the record field, or "area_name" for an area given by name
    label: str
    required: bool = False
    aliases: tuple[str, ...] = ()  # folded header texts that mean this field


_AREA = ImportField("area_name", "Khu dân cư", True, ("khu dan cu", "thon", "to dan pho", "ten khu dan cu",
                                                     "thon/to dan pho", "khu pho", "ap", "ban", "to"))
_ADDRESS = ImportField("address", "Địa chỉ", False, ("dia chi", "noi o", "cho o hien nay"))
_NOTE = ImportField("note", "Ghi chú", False, ("ghi chu",))

FIELDS: dict[str, tuple[ImportField, ...]] = {
    "household": (
        ImportField("head_name", "Họ tên chủ hộ", True, ("ho ten chu ho", "chu ho", "ho va ten chu ho", "ho ten",
                                                         "ho va ten", "ten chu ho")),
        ImportField("citizen_id", "Số định danh (CCCD)", False, ("so cccd", "cccd", "so dinh danh", "can cuoc",
                                                                 "so can cuoc", "cccd/cmnd", "so dinh danh ca nhan")),
        _AREA, _ADDRESS,
        ImportField("members", "Số nhân khẩu", False, ("so nhan khau", "nhan khau", "so nguoi", "so thanh vien")),
        ImportField("phone", "Số điện thoại", False, ("so dien thoai", "dien thoai", "sdt")),
        _NOTE,
    ),
    "residential_area": (
        ImportField("name", "Tên khu dân cư", True, ("ten khu dan cu", "khu dan cu", "ten thon", "thon",
                                                     "to dan pho", "ten")),
        ImportField("kind", "Loại (thôn, tổ dân phố…)", False, ("loai", "loai khu dan cu")),
        ImportField("head_name", "Trưởng thôn/tổ trưởng", False, ("truong thon", "to truong", "truong thon/to truong",
                                                                  "truong khu dan cu")),
        ImportField("head_phone", "Số điện thoại", False, ("so dien thoai", "dien thoai", "sdt")),
        ImportField("households_declared", "Số hộ", False, ("so ho",)),
        ImportField("population", "Số nhân khẩu", False, ("so nhan khau", "nhan khau", "dan so")),
        _ADDRESS, _NOTE,
    ),
    "organization": (
        ImportField("name", "Tên đơn vị", True, ("ten don vi", "ten co quan", "ten doanh nghiep", "ten", "don vi")),
        ImportField("org_type", "Loại (cơ quan, doanh nghiệp, cơ sở giáo dục)", True, ("loai", "loai don vi")),
        ImportField("area_name", "Khu dân cư", False, _AREA.aliases),
        _ADDRESS,
        ImportField("head_name", "Thủ trưởng đơn vị", False, ("thu truong", "nguoi dung dau", "giam doc",
                                                              "hieu truong")),
        ImportField("phone", "Số điện thoại", False, ("so dien thoai", "dien thoai", "sdt")),
        ImportField("staff_count", "Số cán bộ, người lao động", False, ("so lao dong", "so can bo", "so nguoi")),
        _NOTE,
    ),
    # One row per person, tied to its household by the head's ID number (or the household's code).
    "household_member": (
        ImportField("household_key", "Số định danh chủ hộ (hoặc mã hộ)", True, (
            "so dinh danh chu ho", "cccd chu ho", "so cccd chu ho", "ma ho", "ma ho gia dinh")),
        ImportField("full_name", "Họ và tên", True, ("ho va ten", "ho ten", "ten", "ho ten thanh vien")),
        ImportField("birth_year", "Năm sinh", False, ("nam sinh", "sinh nam")),
        ImportField("relation", "Quan hệ với chủ hộ", False, ("quan he voi chu ho", "quan he", "quan he chu ho")),
        ImportField("citizen_id", "Số định danh (CCCD)", False, ("so dinh danh", "so cccd", "cccd", "can cuoc")),
        _NOTE,
    ),
}

# The movement's activities (issue 20). An area, organisation or team is named as a person types it
# (services/excel/references.py turns the name into the record).
_YEAR_COLS = ("nam", "nam bat dau", "nam xay dung")
_ORGANIZATION = ImportField("organization_name", "Cơ quan, doanh nghiệp, trường học", False, (
    "co quan, doanh nghiep, truong hoc", "co quan", "doanh nghiep", "truong hoc", "co quan, don vi", "don vi",
    "ten co quan", "ten don vi", "don vi to chuc", "co quan to chuc"))
FIELDS.update({
    "movement_model": (
        ImportField("name", "Tên mô hình", True, ("ten mo hinh", "mo hinh", "ten mo hinh, dien hinh", "ten")),
        ImportField("kind", "Loại mô hình", True, ("loai", "loai mo hinh")),
        ImportField("area_name", "Khu dân cư", False, _AREA.aliases),
        _ORGANIZATION,
        ImportField("field_of_work", "Lĩnh vực", False, ("linh vuc",)),
        ImportField("started_year", "Năm bắt đầu", True, _YEAR_COLS),
        ImportField("status", "Trạng thái", False, ("trang thai", "tinh trang")),
        ImportField("recognised_by", "Cơ quan công nhận", False, ("co quan cong nhan", "cap cong nhan")),
        ImportField("recognised_on", "Ngày công nhận", False, ("ngay cong nhan",)),
        _NOTE,
    ),
    "festival_day": (
        ImportField("held_on", "Ngày tổ chức", True, ("ngay to chuc", "ngay")),
        ImportField("place", "Địa điểm", True, ("dia diem", "noi to chuc")),
        ImportField("participants", "Số người tham gia", True, ("so nguoi tham gia", "so nguoi", "nguoi tham gia")),
        ImportField("area_name", "Khu dân cư", False, _AREA.aliases),
        _ORGANIZATION,
        ImportField("content", "Nội dung", False, ("noi dung",)),
        ImportField("outcome", "Kết quả", False, ("ket qua",)),
        _NOTE,
    ),
    "briefing": (
        ImportField("held_on", "Ngày tổ chức", True, ("ngay to chuc", "ngay")),
        ImportField("audience_kind", "Đối tượng", True, ("doi tuong",)),
        ImportField("invited", "Số người được mời", True, ("so nguoi duoc moi", "so duoc moi", "duoc moi")),
        ImportField("present", "Số người dự", True, ("so nguoi du", "so nguoi tham du", "tham du", "co mat")),
        ImportField("topic", "Nội dung phổ biến", True, ("noi dung", "noi dung pho bien", "chu de")),
        _ORGANIZATION,
        _NOTE,
    ),
    "commendation": (
        ImportField("subject_kind", "Tập thể/cá nhân", True, ("tap the/ca nhan", "doi tuong", "loai")),
        ImportField("subject_name", "Tên tập thể, cá nhân", True, ("ten tap the, ca nhan", "ho ten", "ten")),
        ImportField("level", "Hình thức khen thưởng", True, ("hinh thuc", "hinh thuc khen thuong")),
        ImportField("awarded_by", "Cấp khen thưởng", True, ("cap khen thuong", "cap khen", "nguoi ky")),
        ImportField("awarded_on", "Ngày khen thưởng", True, ("ngay khen thuong", "ngay")),
        ImportField("reason", "Thành tích", False, ("thanh tich", "ly do")),
        ImportField("area_name", "Khu dân cư", False, _AREA.aliases),
        _ORGANIZATION,
        _NOTE,
    ),
    "security_team": (
        ImportField("name", "Tên tổ", True, ("ten to", "to bao ve", "ten")),
        _AREA,
        ImportField("members", "Số thành viên", False, ("so thanh vien", "so to vien", "so nguoi")),
        _NOTE,
    ),
    # A team's yearly rating; the team's area tells two teams of one name apart.
    "security_team_rating": (
        ImportField("team_name", "Tên tổ", True, ("ten to", "to bao ve", "to", "ten to bao ve")),
        ImportField("area_name", "Khu dân cư", False, _AREA.aliases),
        ImportField("year", "Năm", True, ("nam", "nam xep loai")),
        ImportField("rating", "Kết quả xếp loại", True, ("ket qua xep loai", "xep loai", "ket qua", "muc xep loai")),
        _NOTE,
    ),
})


@dataclass(frozen=True)
class Sheet:
    headers: list[str]
    rows: list[list[Any]]  # data rows under the header row
    first_line: int  # the Excel line number of rows[0]


@dataclass
class PreviewRow:
    line: int  # Excel line number, as the officer sees it in the sheet
    cells: dict[str, Any]  # field key -> raw cell value
    values: dict[str, Any] = field(default_factory=dict)  # what is handed to records.create_many
    errors: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors


def sheet_names(path: str | os.PathLike[str]) -> list[str]:
    workbook = _open(path)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _open(path: str | os.PathLike[str]) -> Any:
    # data_only=False: a cell holding a formula is read as the formula's text, which is then stored and
    # exported as plain text — never its cached result, which whoever made the file could set to anything.
    try:
        data = read_user_file(path, what=EXCEL_FILE, max_size=MAX_FILE_SIZE, error=ImportFileError)
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except FileNotFoundError as exc:
        raise ImportFileError(f"Không tìm thấy tệp “{os.fspath(path)}”. Hãy chọn lại tệp.") from exc
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ImportFileError() from exc


def read_sheet(path: str | os.PathLike[str], sheet: str, *, progress: Progress | None = None,
               cancel: threading.Event | None = None) -> Sheet:
    """The header is the first row with two or more filled cells (a title line above it is skipped);
    empty rows below it are skipped but line numbers are kept. Seconds for 20,000 rows: the GUI runs
    it as a background job (`progress`, `cancel` as in ui/jobs.py)."""
    workbook = _open(path)
    try:
        worksheet = workbook[sheet]
        total = worksheet.max_row or 0  # from the sheet's stored dimension; may be missing
        rows = worksheet.iter_rows(values_only=True)
        headers: list[str] | None = None
        data: list[list[Any]] = []
        first_line = 0
        for line, row in enumerate(rows, start=1):
            if line % STEP == 0:
                _check(cancel)
                if progress is not None:
                    progress(min(0.99, line / total) if total else 0.0,
                             f"Đang đọc tệp Excel: dòng {_count(total, line)}…")
            filled = sum(1 for v in row if _present(v))
            if headers is None:
                if filled < 2:
                    continue
                headers, first_line = [nfc(str(v)) if _present(v) else "" for v in row], line + 1
                continue
            data.append([_formula_text(v) for v in row] if filled else [])  # empty rows keep line numbers right
            if len(data) > MAX_ROWS:
                raise ImportFileError(f"Trang tính có hơn {MAX_ROWS:,} dòng; hãy chia nhỏ tệp.".replace(",", "."))
    finally:
        workbook.close()
    if headers is None:
        raise ImportFileError(f"Trang tính “{sheet}” không có dữ liệu.")
    return Sheet(headers, data, first_line)


def _formula_text(value: Any) -> Any:
    """An array or data-table formula is kept as its text too, like a plain "=…" cell."""
    if isinstance(value, ArrayFormula):
        return value.text
    if isinstance(value, DataTableFormula):
        return str(value)
    return value


def _present(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or value.strip() != "")


def guess_mapping(record_type: str, headers: Sequence[str]) -> dict[str, int]:
    """field key → column index, from headers such as "Họ tên chủ hộ", "Số CCCD", "Thôn" (diacritics ignored)."""
    folded = [fold(h).strip(" :.*") for h in headers]
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    for exact in (True, False):  # exact header matches first, then headers that contain an alias
        for spec in FIELDS[record_type]:
            if spec.key in mapping:
                continue
            for index, header in enumerate(folded):
                if index in taken or not header:
                    continue
                hit = header in spec.aliases if exact else any(len(a) > 3 and a in header for a in spec.aliases)
                if hit:
                    mapping[spec.key] = index
                    taken.add(index)
                    break
    return mapping


def _lookup(labels: Mapping[str, str]) -> dict[str, str]:
    """Folded label or code → code, so "Tổ dân phố", "to dan pho" and "to_dan_pho" all work."""
    table = {fold(label): code for code, label in labels.items()}
    table.update({fold(code): code for code in labels})
    table.update({fold(code.replace("_", " ")): code for code in labels})
    return table


_CHOICES = {"kind": _lookup(AREA_KINDS), "org_type": _lookup({**ORG_TYPES, "school": "Trường học"}),
            "relation": _lookup(RELATIONS)}
_CHOICES["org_type"].update(_lookup(ORG_TYPES))
# A rating as the commune's decision writes it: in full, without "nhiệm vụ", or by its initials.
_RATINGS = {**_lookup(TEAM_RATINGS),
            **{fold(label.removesuffix(" nhiệm vụ")): code for code, label in TEAM_RATINGS.items()},
            "htxsnv": "hoan_thanh_xuat_sac", "httnv": "hoan_thanh_tot", "htnv": "hoan_thanh",
            "khtnv": "khong_hoan_thanh"}
# Per record type, over `_CHOICES`: a model's "kind" is not an area's.
_TYPE_CHOICES = {"movement_model": {"kind": _lookup(MODEL_KINDS), "status": _lookup(MODEL_STATUSES)},
                 "briefing": {"audience_kind": _lookup(AUDIENCE_KINDS)},
                 "commendation": {"subject_kind": _lookup(COMMENDATION_SUBJECTS)},
                 "security_team_rating": {"rating": _RATINGS}}


def _text_cell(key: str, value: Any) -> Any:
    """Excel turns a CCCD typed as a number into an int and drops its leading zero; put it back.

    Every province code in a CCCD starts with 0, so an 11-digit number is a CCCD missing that zero.
    """
    if key in ("citizen_id", "household_key") and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value)).zfill(12)
    if key in ("phone", "head_phone") and isinstance(value, (int, float)) and not isinstance(value, bool):
        return "0" + str(int(value))  # phone numbers lose their leading 0 the same way
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        return nfc(value)
    return value


def preview(store: Store, record_type: str, sheet: Sheet, mapping: Mapping[str, int], *,
            progress: Progress | None = None, cancel: threading.Event | None = None) -> list[PreviewRow]:
    """Every non-empty data row with the values to save or the reasons it cannot be saved."""
    found = references.load(store, **references.needs(f.key for f in FIELDS[record_type]))
    # A member row names its household by the head's citizen ID or the household's code.
    households = members.household_keys(store) if record_type == "household_member" else {}
    names_taken = {duplicates.name_key(name): name for _id, name in _areas(store)} \
        if record_type == "residential_area" else None
    validator = VALIDATORS[record_type]
    rows = []
    total = len(sheet.rows)
    for offset, raw in enumerate(sheet.rows):
        if offset % STEP == 0 and offset:
            _check(cancel)
            if progress is not None:
                progress(offset / total, f"Đang kiểm tra dòng {_count(total, offset)}…")
        if not any(_present(v) for v in raw):
            continue
        cells = {key: _text_cell(key, raw[index]) if index < len(raw) else None for key, index in mapping.items()}
        row = PreviewRow(sheet.first_line + offset, cells)
        if record_type == "household_member":
            _check_member_row(row, households, validator)
        else:
            _check_row(row, record_type, found, validator)
        if names_taken is not None and _present(cells.get("name")):
            duplicates_problem = duplicates.sheet_area_name_problem(names_taken, str(cells["name"]))
            row.errors += [duplicates_problem] if duplicates_problem else []
        rows.append(row)
    return rows


def _areas(store: Store) -> list[tuple[str, str]]:
    """(id, name) of the live areas, for a sheet of areas whose names must not repeat them."""
    return [(row["id"], row["name"]) for row in queries.list_rows(store, "residential_area")]


def _check_row(row: PreviewRow, record_type: str, found: references.Candidates,
               validator: Callable[[Mapping[str, Any]], dict[str, Any]]) -> None:
    values = {k: v for k, v in row.cells.items() if k not in references.NAME_CELLS}
    for key, table in {**_CHOICES, **_TYPE_CHOICES.get(record_type, {})}.items():
        if key in values and _present(values[key]):
            values[key] = table.get(fold(str(values[key])), values[key])
    ids, name_problems = references.resolve(row.cells, found)
    if record_type == "security_team_rating":
        ids.pop("area_id", None)  # only to find the team: a rating has no area of its own
    values.update(ids)
    named = {id_field for cell, id_field in references.NAME_CELLS.items() if _present(row.cells.get(cell))}
    try:
        validated = validator(values)  # the service validates again on save; this is for the preview
    except ValidationError as exc:
        # A name that found no record is said once, by the name's own sentence.
        row.errors = [e.message for e in exc.errors if not (name_problems and e.field in named)]
    else:
        if record_type == "security_team_rating":
            taken = references.already_rated(found, validated["team_id"], validated["year"], row.line)
            row.errors += [taken] if taken else []
    row.errors[:0] = name_problems
    if row.valid:
        row.values = values


def _check_member_row(row: PreviewRow, households: dict[str, str],
                      validator: Callable[[Mapping[str, Any]], dict[str, Any]]) -> None:
    values = {k: v for k, v in row.cells.items() if k != "household_key"}
    if _present(values.get("relation")):
        values["relation"] = _CHOICES["relation"].get(fold(str(values["relation"])), values["relation"])
    key = str(row.cells.get("household_key") or "").replace(" ", "").replace(".", "").strip().lower()
    values["household_id"] = households.get(key)
    problem = None if values["household_id"] else (
        f"Không có hộ nào có số định danh chủ hộ (hoặc mã hộ) “{row.cells.get('household_key') or ''}”; "
        "hãy nhập hộ gia đình trước hoặc sửa số trong tệp.")
    try:
        validator(values)
    except ValidationError as exc:
        row.errors = [e.message for e in exc.errors if not (problem and e.field == "household_id")]
    if problem:
        row.errors.insert(0, problem)
    if row.valid:
        row.values = values


def import_valid_rows(store: Store, record_type: str, rows: Sequence[PreviewRow], *, actor: str,
                      progress: Progress | None = None, cancel: threading.Event | None = None) -> WrittenIds:
    """Save only the valid rows, all in one transaction: nothing is saved if anything fails or the
    officer cancels (`cancel` is checked between chunks, before the commit)."""
    valid = [row.values for row in rows if row.valid]
    ids: list[str] = []
    with store.session() as session:
        for start in range(0, len(valid), SAVE_CHUNK):
            _check(cancel)
            if progress is not None:
                progress(0.05 + 0.9 * start / len(valid), f"Đang lưu dòng hợp lệ {_count(len(valid), start)}…")
            ids += records.insert_batch(session, record_type, valid[start:start + SAVE_CHUNK], actor=actor)
        _check(cancel)  # the last moment a cancel can still undo everything
    if len(ids) >= BULK_ROWS:
        store.refresh_statistics()  # statistics taken on a smaller store would pick slow plans for searches
    if progress is not None:
        progress(1.0, "Đã nhập xong.")
    return WrittenIds(record_type, ids)


def cell_text(value: Any) -> str:
    """How a raw cell is shown in the preview table."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
