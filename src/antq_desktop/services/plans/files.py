"""The non-record parts of a plan package (criteria catalog, pledge form texts, deadlines):
checked completely before the import writes anything, then saved as files under
``data_dir()/received`` where ``domain/catalog.py``, ``domain/pledge_templates.py`` and
``reports/form_texts.py`` pick them up. ``received/sources.json`` says which version came
from which office and package."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain import pledge_templates
from antq_desktop.exchange.errors import VALIDATION_ERROR, PackageError
from antq_desktop.reports import form_texts
from antq_desktop.services.plans.publish import PlanPackageError, check_deadlines, record_id
from antq_desktop.storage.models import utcnow

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
_FIX = " Không nhập gói này; hãy đề nghị cấp trên kiểm tra rồi gửi lại gói kế hoạch."


def _refuse(text: str) -> PackageError:
    return PackageError(VALIDATION_ERROR, message_vi=text + _FIX)


def safe_name(code: str) -> str:
    return _SAFE.sub("_", code).strip("._") or "catalog"


@dataclass
class StagedFiles:
    """Validated documents, written only by ``publish()`` (after the database commit)."""

    office: str
    files: dict[str, Any] = field(default_factory=dict)  # relative path -> JSON document
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return sorted(self.files)

    def publish(self) -> None:
        root = catalogs.received_dir()
        for name, document in self.files.items():
            _write_json(root / name, document)
        previous = _read_sources(root / "sources.json")
        previous.update(self.sources)
        _write_json(root / "sources.json", previous)
        clear_caches()


def clear_caches() -> None:
    """The loaders cache; the next lookup must see the received versions."""
    catalogs.load_catalogs.cache_clear()
    pledge_templates.pledge_templates.cache_clear()
    form_texts.load_form_text.cache_clear()


def _write_json(path: Path, document: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f".{path.name}.part")
    part.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(part, path)


def _read_sources(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _check_id(record: dict[str, Any], kind: str, key: str, office: str) -> None:
    if record.get("id") != record_id(kind, key) or record.get("origin_unit") != office:
        raise _refuse(f"Bản ghi {kind} “{key}” có mã hoặc đơn vị gốc không khớp với gói.")


def check_extras(records: list[dict[str, Any]], office: str, year: int) -> StagedFiles:
    staged = StagedFiles(office)
    deadlines: dict[str, str] = {}
    for record in records:
        kind = record["type"]
        if kind == "catalog":
            _stage_catalog(staged, record, office)
        elif kind == "form_text":
            _stage_form(staged, record, office)
        else:
            key = record.get("key")
            if record.get("year") != year or not isinstance(key, str) or not isinstance(record.get("date"), str):
                raise _refuse("Hạn nộp trong gói kế hoạch không hợp lệ.")
            _check_id(record, "deadline", f"{year}:{key}", office)
            deadlines[key] = record["date"]
    if deadlines:
        try:
            checked = check_deadlines(deadlines)
        except PlanPackageError as exc:
            raise _refuse(f"Hạn nộp trong gói kế hoạch không hợp lệ: {exc.message}") from None
        name = f"deadlines-{year}.json"
        staged.files[name] = {"format": "antq-deadlines", "year": year, "office": office, "deadlines": checked}
        staged.sources[name] = _source(office, year=year)
    return staged


def _stage_catalog(staged: StagedFiles, record: dict[str, Any], office: str) -> None:
    document = record.get("document")
    code = record.get("code")
    try:
        if not isinstance(document, dict) or document.get("format") != "antq-criteria-catalog":
            raise catalogs.CatalogError("không phải bộ tiêu chí")
        parsed = catalogs.parse_catalog(document)
    except (catalogs.CatalogError, TypeError, ValueError, AttributeError, KeyError) as exc:
        raise _refuse(f"Bộ tiêu chí trong gói kế hoạch không hợp lệ ({exc}).") from None
    if parsed.code != code:
        raise _refuse("Mã bộ tiêu chí trong gói không khớp với nội dung.")
    _check_id(record, "catalog", parsed.code, office)
    name = f"catalogs/{safe_name(parsed.code)}.json"
    staged.files[name] = document
    staged.sources[name] = _source(office, code=parsed.code, version=parsed.version)


def _stage_form(staged: StagedFiles, record: dict[str, Any], office: str) -> None:
    document, form_id = record.get("document"), record.get("form_id")
    if not isinstance(form_id, str) or form_id not in form_texts.FORM_IDS:
        raise _refuse(f"Mẫu cam kết “{form_id!s:.40}” trong gói kế hoạch không được hỗ trợ.")
    try:
        form_texts.validate(document, f"{form_id}.json", form_id)
    except (form_texts.FormTextError, TypeError, KeyError, AttributeError) as exc:  # FormTextError is a ValueError
        raise _refuse(f"Mẫu cam kết “{form_id}” trong gói kế hoạch không hợp lệ ({exc}).") from None
    if not isinstance(document, dict) or not isinstance(document.get("pledge_template"), dict):
        raise _refuse(f"Mẫu “{form_id}” trong gói kế hoạch không phải mẫu cam kết.")
    _check_id(record, "form_text", form_id, office)
    name = f"forms/{form_id}.json"
    staged.files[name] = document
    staged.sources[name] = _source(office, form_id=form_id, version=str(document.get("version", "")))


def _source(office: str, **extra: Any) -> dict[str, Any]:
    return {"office": office, "received_at": utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"), **extra}


def received_deadlines(year: int | None = None) -> dict[str, str]:
    """Deadlines the upper office sent for ``year`` (this year by default); {} if none."""
    year = year or date.today().year
    path = catalogs.received_dir(f"deadlines-{year}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return dict(data.get("deadlines", {}))


def received_sources() -> dict[str, Any]:
    return _read_sources(catalogs.received_dir("sources.json"))
