"""Editing a household's member list as a whole (the household dialog's table): check every row first,
then create, update and delete so the stored members are what the table shows."""

from __future__ import annotations

from typing import Any

from antq_desktop.domain.errors import FieldError, ValidationError
from antq_desktop.domain.validation import validate_household_member
from antq_desktop.services.changes import NO_CHANGES, Changes
from antq_desktop.services.records import writes as records
from antq_desktop.services.records.members import member_rows
from antq_desktop.storage.db import Store

_PLACEHOLDER = "00000000-0000-0000-0000-000000000000"  # a well-formed id while the household is not saved yet


def check_rows(rows: list[dict[str, Any]]) -> None:
    """Validate member rows before anything is saved (the household dialog saves the household first)."""
    errors = []
    for index, row in enumerate(rows, 1):
        try:
            validate_household_member({**row, "household_id": _PLACEHOLDER})
        except ValidationError as exc:
            errors += [FieldError("members", f"Nhân khẩu dòng {index}: {e.message}") for e in exc.errors]
    if errors:
        raise ValidationError(errors)


def save_members(store: Store, household_id: str, rows: list[dict[str, Any]], *, actor: str) -> Changes:
    """Make the household's live members what `rows` says: new rows created, changed rows updated,
    rows no longer listed deleted (each change a revision that travels). Returns what it wrote."""
    check_rows(rows)
    changes = NO_CHANGES
    stored = {r["id"]: r for r in member_rows(store, household_id)}
    fields = ("full_name", "birth_year", "relation", "citizen_id")
    for row in rows:
        values = {f: row.get(f) for f in fields}
        if row.get("id") in stored:
            before = stored.pop(row["id"])
            if any((before.get(f) or None) != (values[f] or None) for f in fields):
                changes |= records.update(store, "household_member", row["id"], values, actor=actor).changes
        else:
            changes |= records.create(store, "household_member", {**values, "household_id": household_id},
                                      actor=actor).changes
    for gone in stored:
        changes |= records.delete(store, "household_member", gone, actor=actor).changes
    return changes
