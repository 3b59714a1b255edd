"""Record type → its validator: the one table the store, the spreadsheet import, the forms and the
merge look a record's checks up in."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from antq_desktop.domain.activity_validation import (
    validate_briefing,
    validate_commendation,
    validate_festival_day,
    validate_movement_model,
    validate_security_team,
    validate_security_team_rating,
)
from antq_desktop.domain.validation import (
    validate_assessment,
    validate_household,
    validate_household_member,
    validate_meeting,
    validate_organization,
    validate_plan,
    validate_pledge,
    validate_recognition_decision,
    validate_registration,
    validate_residential_area,
)

VALIDATORS: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    "residential_area": validate_residential_area,
    "organization": validate_organization,
    "household": validate_household,
    "pledge": validate_pledge,
    "registration": validate_registration,
    "assessment": validate_assessment,
    "plan": validate_plan,
    "household_member": validate_household_member,
    "meeting": validate_meeting,
    "recognition_decision": validate_recognition_decision,
    "movement_model": validate_movement_model,
    "festival_day": validate_festival_day,
    "briefing": validate_briefing,
    "commendation": validate_commendation,
    "security_team": validate_security_team,
    "security_team_rating": validate_security_team_rating,
}
