"""Form wording as data: one JSON file per form under resources/forms/.

Wording changes when a circular is amended (TT 124/2021 -> TT 48/2025) or when a
province edits its pledge; keeping it out of code lets that happen without a release.
Each file is validated on load and errors are reported in Vietnamese for the clerk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from antq_desktop.paths import data_dir, resource_path
from antq_desktop.reports.text import nfc

FORM_IDS = (
    "household_pledge",
    "covenant",
    "registration",
    "self_assessment",
    "review_minutes",
    "annual_report",
    "festival_report",
)

_TOP_KEYS: dict[str, type | tuple[type, ...]] = {
    "form_id": str,
    "version": str,
    "basis": dict,
    "editable": bool,
    "doc_type": str,
    "subject": str,
    "labels": dict,
    "intro": str,
    "items": list,
    "closing": str,
    "signers": list,
}
_BASIS_KEYS: dict[str, type] = {"citation": str, "national_template": bool, "note": str}

# Labels each renderer looks up; a missing one is a broken file, not a KeyError at print time.
REQUIRED_LABELS: dict[str, tuple[str, ...]] = {
    "household_pledge": (
        "household_head",
        "address",
        "area",
        "members",
        "member_no",
        "member_name",
        "member_birth_year",
        "member_relation",
    ),
    "covenant": (
        "party_police",
        "party_unit",
        "representative",
        "position",
        "address",
        "items_heading",
    ),
    "registration": (
        "unit_name",
        "unit_kind",
        "address",
        "representative",
        "position",
        "households",
        "population",
        "items_heading",
    ),
    "self_assessment": (
        "unit_name",
        "col_code",
        "col_text",
        "col_points",
        "col_met",
        "col_not_met",
        "col_note",
        "score",
        "outcome",
        "level",
    ),
    "review_minutes": (
        "opening",
        "participants",
        "chair",
        "secretary",
        "content",
        "criterion",
        "votes",
        "conclusion",
        "ending",
    ),
    "festival_report": ("general", "organiser", "held_on", "place", "participants", "content", "outcome",
                        "proposals", "commune"),
    "annual_report": (
        "situation",
        "targets",
        "recognised",
        "classification",
        "proposals",
        "col_no",
        "col_indicator",
        "col_threshold",
        "col_actual",
        "col_met",
        "met",
        "not_met",
        "col_unit",
        "col_kind",
        "col_decision",
        "col_level",
        "none",
    ),
}

_TYPE_NAMES = {str: "chuỗi ký tự", bool: "true/false", dict: "đối tượng {…}", list: "danh sách […]"}


class FormTextError(ValueError):
    """A form text file is missing, unreadable or malformed (message in Vietnamese)."""


@dataclass(frozen=True)
class FormText:
    form_id: str
    version: str
    citation: str
    national_template: bool
    basis_note: str
    editable: bool
    doc_type: str
    subject: str
    labels: dict[str, str]
    intro: str
    items: tuple[str, ...]
    closing: str
    signers: tuple[str, ...]
    source: str  # file name, for error messages and the footer of samples

    def label(self, key: str, **values: object) -> str:
        return self.labels[key].format(**values) if values else self.labels[key]


def _check_type(where: str, key: str, value: Any, expected: type | tuple[type, ...]) -> None:
    if not isinstance(value, expected):
        name = _TYPE_NAMES.get(expected, str(expected))  # type: ignore[arg-type]
        raise FormTextError(f'{where}: trường "{key}" phải là {name}.')


def _check_keys(where: str, data: dict[str, Any], spec: dict[str, Any]) -> None:
    missing = [k for k in spec if k not in data]
    if missing:
        raise FormTextError(f"{where}: thiếu trường bắt buộc: {', '.join(missing)}.")
    for key, expected in spec.items():
        _check_type(where, key, data[key], expected)


def _check_strings(where: str, key: str, values: list[Any]) -> None:
    for i, value in enumerate(values, 1):
        if not isinstance(value, str) or not value.strip():
            raise FormTextError(f'{where}: phần tử thứ {i} của "{key}" phải là chuỗi ký tự không rỗng.')


def validate(data: Any, where: str, expected_id: str | None = None) -> FormText:
    """Check one parsed form file and turn it into a FormText (NFC-normalised)."""
    if not isinstance(data, dict):
        raise FormTextError(f"{where}: nội dung phải là một đối tượng JSON {{…}}.")
    _check_keys(where, data, _TOP_KEYS)
    _check_keys(f"{where} (basis)", data["basis"], _BASIS_KEYS)
    form_id = data["form_id"]
    if expected_id and form_id != expected_id:
        raise FormTextError(f'{where}: form_id là "{form_id}", cần "{expected_id}".')
    labels = data["labels"]
    missing = [k for k in REQUIRED_LABELS.get(form_id, ()) if not isinstance(labels.get(k), str)]
    if missing:
        raise FormTextError(f"{where}: thiếu nhãn (labels): {', '.join(missing)}.")
    _check_strings(where, "items", data["items"])
    _check_strings(where, "signers", data["signers"])
    basis = data["basis"]
    return FormText(
        form_id=form_id,
        version=data["version"],
        citation=nfc(basis["citation"]),
        national_template=basis["national_template"],
        basis_note=nfc(basis["note"]),
        editable=data["editable"],
        doc_type=nfc(data["doc_type"]),
        subject=nfc(data["subject"]),
        labels={k: nfc(v) for k, v in labels.items() if isinstance(v, str)},
        intro=nfc(data["intro"]),
        items=tuple(nfc(i) for i in data["items"]),
        closing=nfc(data["closing"]),
        signers=tuple(nfc(s) for s in data["signers"]),
        source=where,
    )


def load_file(path: Path, expected_id: str | None = None) -> FormText:
    """Load and validate one form text file (e.g. a province's edited pledge)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FormTextError(f"Không đọc được tệp mẫu {path.name}: {exc.strerror or exc}.") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise FormTextError(f"{path.name}: JSON không hợp lệ ở dòng {exc.lineno}, cột {exc.colno}.") from exc
    return validate(data, path.name, expected_id)


@cache
def load_form_text(form_id: str) -> FormText:
    """The bundled default wording of ``form_id`` (one of FORM_IDS)."""
    if form_id not in FORM_IDS:
        raise FormTextError(f'Không có mẫu biểu "{form_id}".')
    # A wording received from the upper office in a plan package replaces the bundled one.
    received = data_dir() / "received" / "forms" / f"{form_id}.json"
    return load_file(received if received.is_file() else resource_path("forms", f"{form_id}.json"), form_id)
