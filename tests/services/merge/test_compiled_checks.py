"""Issue 18: the merge's checks made cheap (shape checks compiled per record type, the GUI validation's
fast paths, parents looked up only when the package did not write them, folding per distinct name) give
exactly what the previous code gave: the same normalised fields in the same order, or the same refusal
(code and message) from the same first failing check; and the same stored rows.

The previous code is kept here, verbatim, as the reference (`_Reference*`), so a divergence fails."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from antq_desktop.domain import text as text_module
from antq_desktop.domain import validation, validators
from antq_desktop.domain.errors import ValidationError
from antq_desktop.domain.text import nfc
from antq_desktop.domain.text_hygiene import invisible_characters, text_problem
from antq_desktop.exchange.errors import PackageError
from antq_desktop.services import demo
from antq_desktop.services.authority.table import REFERENCE_COLUMNS
from antq_desktop.services.merge import incoming, pipeline
from antq_desktop.services.records import rules as record_rules
from antq_desktop.storage.db import Store

from .conftest import Commune, merge, trust
from .test_fast_write import _synced, merged_twins

# ---- the previous code (before issue 18's compiled checks), kept as the reference ----


class _ReferenceCollector(validation._Collector):
    """`_Collector` with the methods that gained fast paths, as they were."""

    def text(self, field: str, label: str, *, required: bool = False, max_len: int = 200) -> str | None:
        raw = self.values.get(field)
        if raw is not None and not isinstance(raw, str):
            raw = str(raw)
        value = nfc(raw) if raw else ""
        if not value:
            if required:
                self.fail(field, f"{label} không được để trống.")
            self.out[field] = None
            return None
        if len(value) > max_len:
            self.fail(field, f"{label} dài quá {max_len} ký tự.")
        problem = text_problem(label, value)
        if problem:
            self.fail(field, problem)
        self.out[field] = value
        return value

    def long_text(self, field: str, label: str) -> None:
        raw = self.values.get(field)
        value = "\n".join(nfc(line) for line in str(raw).splitlines()).strip() if raw else ""
        if len(value) > 4000:
            self.fail(field, f"{label} dài quá 4000 ký tự.")
        hidden = invisible_characters(value.replace("\n", ""))
        if hidden:
            self.fail(field, f"{label} chứa ký tự ẩn hoặc ký tự điều khiển ({', '.join(hidden[:5])}). "
                             "Hãy gõ lại, không dán từ nơi khác.")
        self.out[field] = value or None

    def integer(self, field: str, label: str, *, minimum: int = 0, maximum: int = 10_000_000,
                required: bool = False, default: int | None = None) -> int | None:
        raw = self.values.get(field)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required and default is None:
                self.fail(field, f"{label} không được để trống.")
            self.out[field] = default
            return default
        try:
            if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                raise ValueError
            value = int(str(raw).strip().replace(".", "")) if isinstance(raw, str) else int(raw)
        except (TypeError, ValueError):
            self.fail(field, f"{label} phải là số nguyên.")
            return None
        if not minimum <= value <= maximum:
            self.fail(field, f"{label} phải từ {minimum} đến {maximum:,}.".replace(",", "."))
        self.out[field] = value
        return value

    def reference(self, field: str, label: str, *, required: bool) -> str | None:
        raw = self.values.get(field)
        if not raw:
            if required:
                self.fail(field, f"Chưa chọn {label}.")
            self.out[field] = None
            return None
        if not isinstance(raw, str) or not re.fullmatch(r"[0-9a-f-]{36}", raw):
            self.fail(field, f"Mã {label} không hợp lệ.")
            return None
        self.out[field] = raw
        return raw


def _reference_citizen_id(c: validation._Collector, values: Mapping[str, Any]) -> None:
    raw_id = values.get("citizen_id")
    c.values = {**values, "citizen_id": re.sub(r"[\s.-]", "", str(raw_id)) if raw_id else raw_id}
    citizen_id = c.text("citizen_id", "Số định danh (CCCD)", max_len=40)
    if citizen_id:
        problem = validation.citizen_id_problem(citizen_id)
        if problem:
            c.fail("citizen_id", problem)


def _reference_parse_date(raw: Any) -> date | None:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _reference_validate(record_type: str, values: dict[str, Any], *, unit_type: str = "area") -> dict[str, Any]:
    """`record_rules.validate` as it was (no per-type binding)."""
    if record_type == "plan_target":
        return validation.validate_plan_target(values, record_rules.catalogs.load_indicators())
    fields = validators.VALIDATORS[record_type](values)
    if record_type == "assessment":
        fields = record_rules._score(fields, unit_type)
    elif record_type == "meeting":
        fields = record_rules.meetings.finish(fields, unit_type)
    elif record_type == "recognition_decision":
        fields["subjects"] = record_rules.canonical_json(fields["subjects"])
    return fields


def _reference_derived_keys(record_type: str, fields: dict[str, Any]) -> dict[str, str]:
    fold, sort_key, person_sort_key = text_module.fold, text_module.sort_key, text_module.person_sort_key
    if record_type == "residential_area":
        return {"search_key": fold(" ".join(filter(None, [fields.get("name"), fields.get("head_name")]))),
                "sort_key": sort_key(fields.get("name"))}
    if record_type == "organization":
        return {"search_key": fold(" ".join(filter(None, [fields.get("name"), fields.get("head_name"),
                                                         fields.get("address")]))),
                "sort_key": sort_key(fields.get("name"))}
    if record_type == "household":
        parts = [fields.get("head_name"), fields.get("address"), fields.get("citizen_id")]
        return {"search_key": fold(" ".join(filter(None, parts))),
                "sort_key": person_sort_key(fields.get("head_name"))}
    if record_type == "pledge":
        return {"search_key": fold(fields.get("person_name") or "")}
    if record_type == "movement_model":
        return {"search_key": fold(" ".join(filter(None, [fields.get("name"), fields.get("field_of_work")])))}
    if record_type == "commendation":
        return {"search_key": fold(" ".join(filter(None, [fields.get("subject_name"), fields.get("level")])))}
    return {}


def _reference_check_references(session: Session, batch: incoming.Batch) -> None:
    """`incoming.check_references` as it was: every parent looked up in the store, every reference column
    looked at whatever the type."""
    live = [r for r in batch.to_write if not r["deleted"]]
    try:
        record_rules.check_references(session, live)
    except ValidationError as exc:
        raise incoming._unknown_reference(batch.record_type, exc.message) from None
    for column, ref_type in REFERENCE_COLUMNS.items():
        wanted = {r[column] for r in batch.to_write if r["deleted"] and r.get(column)}
        missing = (wanted - incoming._existing_ids(session, incoming.MODEL_BY_TYPE[ref_type], wanted, live=False)
                   if wanted else set())
        if missing:
            raise incoming._unknown_reference(batch.record_type, f"{ref_type} {sorted(missing)[0]} không có ở máy này.")


def _reference_validated_rows(session: Session, record_type: str, records: list[dict[str, Any]],
                              metas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    unit_types = (record_rules.assessment_unit_types(session, records) if record_type in ("assessment", "meeting")
                  else ["area"] * len(records))
    rows = []
    for record, meta, unit_type in zip(records, metas, unit_types, strict=True):
        try:
            fields = _reference_validate(record_type, record, unit_type=unit_type)
        except ValidationError as exc:
            raise incoming.refuse(incoming.VALIDATION_ERROR,
                                  f"Bản ghi {record_type} {meta['id']}: {exc.message}{incoming._FIX}") from None
        rows.append({**fields, **meta})
    return rows


def _reference_mode(patch: pytest.MonkeyPatch) -> None:
    """Every check as it was before the fast paths (in incoming and where the pipeline imported it)."""
    patch.setattr(validation, "_Collector", _ReferenceCollector)
    patch.setattr(validation, "_citizen_id", _reference_citizen_id)
    patch.setattr(validation, "parse_date", _reference_parse_date)
    patch.setattr(record_rules, "derived_keys", _reference_derived_keys)
    # Wherever the merge imported them by name (the pipeline today; a reading worker's module may too).
    for module in (incoming, pipeline):
        for name, reference in (("check_shape", incoming._check_shape_reference),
                                ("validated_rows", _reference_validated_rows),
                                ("check_references", _reference_check_references)):
            if hasattr(module, name):
                patch.setattr(module, name, reference)


# ---- a varied set of records: every type of a demo commune, then every field spoiled in every way ----

_UUID_A = "5cefd62f-befd-4d89-8040-22371455d658"
_BAD_VALUES: tuple[Any, ...] = (
    None, "", " ", "  Nguyễn   Văn  An  ", "Nguye\u0303n", "Thôn\u200b 1", "аdmin", "Tổ\t1", "Số 5\n ngõ 3",
    "x" * 61, "x" * 401, "x" * 4001, 0, -1, 1, 7, 2026, 10**9, 2**31, 3.0, 2.5, float("nan"), True, False, [], {},
    ["ab"], {"a": 1}, "12", " 12 ", "1.000", "abc", "2026-01-28", "2026-02-30", "2026-1-5", "28/01/2026",
    "2099-01-01", "1999-12-31", "0000-01-01", "２０２６-01-28", "2026-01-28T10:00:00Z", "2026-13-01T10:00:00Z",
    "2026-01-28T10:00:00", "2026-01-28T24:00:00Z", "2026-01-28T23:59:60Z", "2025-02-29T10:00:00Z",
    "0000-01-01T00:00:00Z", "2026-01-28T10:00:00+00:00", "2026-01-28 10:00:00Z", "２０２６-01-28T10:00:00Z",
    _UUID_A, _UUID_A.upper(), _UUID_A[:-1], "049305244440", "049 305 244.440",
    "999305244440", "0493052444", "08:30", "8g30", "25:00", "0912 345 678", "+84-912", "thon", "khac",
    "signed", "household", "person", "organization", "area", "commune", "draft", "submitted", "binh_xet",
    "household_pledge", "tt124", ">=", ">", "1", "đạt", '{"a": {"met": true}}', "[]", '["x"]', "00004", "00005",
)


def _valid_records(commune: Commune) -> dict[str, list[dict[str, Any]]]:
    by_type: dict[str, list[dict[str, Any]]] = {}
    for record in commune.records(0):
        by_type.setdefault(record["type"], []).append(record)
    return {t: records[:3] for t, records in by_type.items()}


def _spoiled(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The record itself, then each field missing, each extra field, and each field set to every bad value."""
    yield record
    for name in record:
        yield {k: v for k, v in record.items() if k != name}
        for value in _BAD_VALUES:
            yield {**record, name: copy.deepcopy(value)}
    yield {**record, "extra": 1}
    yield {**record, "type": "no_such_type"}
    yield {**record, "type": ["household"]}


def _outcome(func: Any, *args: Any, **kw: Any) -> tuple[str, Any]:
    try:
        result = func(*args, **kw)
    except PackageError as exc:
        return "refused", (exc.code, exc.message_vi)
    except ValidationError as exc:
        return "invalid", exc.message
    except Exception as exc:  # noqa: BLE001 - any other failure (an unknown catalog…) must be the same one too
        return "error", (type(exc).__name__, str(exc))
    return "ok", list(result.items()) if isinstance(result, dict) else result


def _both(patch: pytest.MonkeyPatch, record_type: str, values: dict[str, Any],
          unit_type: str = "area") -> tuple[Any, Any]:
    """`record_rules.validate` now, and the previous validation (its collector, dates, dispatch)."""
    fast = _outcome(record_rules.validate, record_type, copy.deepcopy(values), unit_type=unit_type)
    with patch.context() as reference:
        _reference_mode(reference)
        slow = _outcome(_reference_validate, record_type, copy.deepcopy(values), unit_type=unit_type)
    return fast, slow


@pytest.fixture
def records_by_type(commune: Commune) -> dict[str, list[dict[str, Any]]]:
    demo.generate(commune.store, households=40, seed=8)
    found = _valid_records(commune)
    assert len(found) >= 12, sorted(found)  # households, members, pledges, areas, activities…
    return found


def test_shape_checks_refuse_and_pass_exactly_as_before(records_by_type: dict[str, list[dict[str, Any]]]) -> None:
    compared = refused = 0
    for records in records_by_type.values():
        for record in records:
            for case in _spoiled(record):
                for producer in (record["origin_unit"], "00005"):
                    fast = _outcome(incoming.check_shape, case, producer)
                    slow = _outcome(incoming._check_shape_reference, case, producer)
                    assert fast == slow, (case, producer)
                    compared += 1
                    refused += fast[0] == "refused"
    assert refused > compared // 3 and compared - refused > 100  # both paths exercised


def test_validation_gives_the_same_fields_or_the_same_errors(records_by_type: dict[str, list[dict[str, Any]]],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    outcomes = {"ok": 0, "invalid": 0, "error": 0}
    for record_type, records in records_by_type.items():
        for record in records[:2]:
            for case in _spoiled(record):
                for unit_type in ("area", "agency") if record_type in ("assessment", "meeting") else ("area",):
                    fast, slow = _both(monkeypatch, record_type, case, unit_type)
                    assert fast == slow, (record_type, case)
                    outcomes[fast[0]] += 1
    assert outcomes["ok"] > 1000 and outcomes["invalid"] > 1000


def test_gui_entry_forms_typed_text_validate_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """What an officer types (strings, separators, spaces, dates in dd/MM/yyyy) takes the same path."""
    typed = {"area_id": _UUID_A, "head_name": "  Trần  thị   bé ", "citizen_id": "049 305-244.440",
             "address": "Số 5, ngõ 3", "members": " 4 ", "phone": "0912.345.678", "note": "  dòng 1\n dòng 2 ",
             "left_on": "05/03/2025"}
    for field in [None, *typed]:
        values = {k: v for k, v in typed.items() if k != field}
        fast, slow = _both(monkeypatch, "household", values)
        assert fast == slow, field


def test_derived_keys_are_the_same(records_by_type: dict[str, list[dict[str, Any]]]) -> None:
    for record_type, records in records_by_type.items():
        for record in records:
            fields = record_rules.validate(record_type, record, unit_type="area") if record_type not in (
                "assessment", "meeting") else record
            for spoilt in ({}, {"name": "  Thôn  Đông  "}, {"head_name": "\u0301"}, {"address": " "},
                           {"citizen_id": None}, {"head_name": "ĐẶNG  thị\tHoa"}):
                row = {**fields, **spoilt}
                assert record_rules.derived_keys(record_type, row) == _reference_derived_keys(record_type, row)


def test_compiled_checks_store_identical_rows(engine_url: str, commune: Commune, request: pytest.FixtureRequest,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    upper, reference, fast, slow = merged_twins(engine_url, commune, request, monkeypatch, _reference_mode)
    try:
        assert [r.status for r in fast] == [r.status for r in slow] == ["merged", "merged"], fast[0].message
        assert [r.counts for r in fast] == [r.counts for r in slow]
        fast_rows, slow_rows = _synced(upper), _synced(reference)
        assert sum(len(rows) for rows in fast_rows.values()) > 200
        for name in fast_rows:
            assert fast_rows[name] == slow_rows[name], name
    finally:
        upper.close()
        reference.close()


def test_parents_written_by_the_package_are_not_looked_up(upper: Store, commune: Commune,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Members point at households of the same package: proved by the package, not one query for them."""
    demo.generate(commune.store, households=30, seed=3)
    trust(upper, commune)
    package = commune.export(upper)
    looked_up: list[tuple[str, int]] = []
    real = record_rules._live_ids

    def counting(session: Session, model: Any, ids: set[str]) -> set[str]:
        looked_up.append((model.RECORD_TYPE, len(ids)))
        return real(session, model, ids)

    monkeypatch.setattr(record_rules, "_live_ids", counting)
    [result] = merge(upper, package)
    assert result.status == "merged", result.message
    assert result.counts["household_member"]["new"] > 0 and result.counts["pledge"]["new"] > 0
    assert not [t for t, _ in looked_up if t == "household"], looked_up


def test_package_ids_belong_to_one_transaction(upper: Store) -> None:
    """What a package proved is never carried into the next transaction (a refused package's rows are gone)."""
    batch = incoming.Batch("household", rows=[{"id": _UUID_A, "deleted": False}],
                           to_write=[{"id": _UUID_A, "deleted": False}])
    with upper.session() as session:
        incoming._PackageIds.of(session).add(batch)
        assert _UUID_A in incoming._PackageIds.of(session).live["household"]
    with upper.session() as session:
        assert incoming._PackageIds.of(session).live == {}
    deleting = incoming.Batch("household", rows=batch.rows, to_write=[{"id": _UUID_A, "deleted": True}])
    with upper.session() as session:
        ids = incoming._PackageIds.of(session)
        ids.add(batch)
        ids.add(deleting)
        assert _UUID_A not in ids.live["household"] and _UUID_A in ids.stored["household"]
