"""Choice lists shared by record pages: enumerations from the domain, areas and organisations from the store."""

from __future__ import annotations

from antq_desktop.domain import validation
from antq_desktop.domain.pledge_templates import pledge_templates
from antq_desktop.ui.choice_labels import tr_choice
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.widgets.fields import record_choices

# Pledge templates are data (resources/forms); their codes are the form-text ids.
PLEDGE_TEMPLATES = {code: t.label for code, t in pledge_templates().items()}


def areas(context: AppContext) -> dict[str, str]:
    return record_choices(context.store, "residential_area", "name")


def organizations(context: AppContext) -> dict[str, str]:
    return record_choices(context.store, "organization", "name")


def label(mapping: dict[str, str], key: str | None) -> str:
    return tr_choice(mapping.get(key or "", key or ""))


AREA_KINDS = validation.AREA_KINDS
ORG_TYPES = validation.ORG_TYPES
SIGNER_KINDS = validation.SIGNER_KINDS
SUBJECT_KINDS = validation.SUBJECT_KINDS
PLEDGE_STATUSES = validation.PLEDGE_STATUSES
ASSESSMENT_STATUSES = validation.ASSESSMENT_STATUSES
