"""Issue 15: the new reference holders (a household member's household, a meeting's area or organisation)
obey rule A2 like the old ones: a commune's record may point only at its own records.

The world of test_authority_records.py (office CUM-01, communes 00004 and 00277 with demo data merged),
reused: a real signed package re-pointed at the other commune's record is refused, the store unchanged.
"""

from __future__ import annotations

import pytest
from tests.security.test_authority_records import (  # noqa: F401 (fixtures)
    A,
    B,
    World,
    changed,
    fresh,
    refused_unchanged,
    template,
    world,
)


@pytest.mark.parametrize(("record_type", "column", "ref_type"), [
    ("household_member", "household_id", "household"),
    ("meeting", "area_id", "residential_area"),
])
def test_member_or_meeting_pointing_at_another_communes_record_is_refused(
        world: World, record_type: str, column: str, ref_type: str) -> None:  # noqa: F811 (the fixture)
    own = world.records(world.a, record_type, column)[0]
    theirs = world.records(world.b, ref_type)[0]["id"]
    for record in (changed(own, **{column: theirs}), fresh(own, **{column: theirs})):
        path = world.a.export(world.office, records=[record], advance=False)
        refused_unchanged(world.office, path, "NOT_AUTHORISED", A, B, record_type, theirs)


def test_the_demo_worlds_members_and_meetings_were_merged(world: World) -> None:  # noqa: F811 (the fixture)
    """The office holds both communes' members and meetings: the refusals above are not for lack of them."""
    from sqlalchemy import func, select

    from antq_desktop.storage.models import HouseholdMember, Meeting

    with world.office.session_factory() as session:
        for model in (HouseholdMember, Meeting):
            units = dict(session.execute(select(model.origin_unit, func.count()).group_by(model.origin_unit)).all())
            assert units.get(A) and units.get(B), (model, units)
