"""Records: create/update/delete/restore, lists and lookups, bulk actions, privacy."""

from antq_desktop.services.records.bulk import (
    HOUSEHOLD_TEMPLATE,
    carry_registrations_forward,
    delete_many,
    households_without_pledge,
    mark_pledges_signed,
    pledge_area,
    previous_pledge_values,
    registrations_to_carry,
    write_back,
)
from antq_desktop.services.records.duplicates import (
    CrossCommuneId,
    SameCitizenId,
    citizen_id_key,
    cross_commune_citizen_ids,
    households_with_citizen_id,
)
from antq_desktop.services.records.lookups import area_ids, names
from antq_desktop.services.records.meetings import discussion as meeting_discussion
from antq_desktop.services.records.meetings import find as find_meeting
from antq_desktop.services.records.member_edits import check_rows as check_member_rows
from antq_desktop.services.records.member_edits import save_members
from antq_desktop.services.records.members import member_rows
from antq_desktop.services.records.privacy import (
    can_view_citizen_id,
    mask_citizen_id,
    purge_older_than,
    record_citizen_id_reveal,
)
from antq_desktop.services.records.queries import ListQuery, count_rows, list_rows
from antq_desktop.services.records.writes import (
    RECORD_TYPES,
    create,
    create_many,
    delete,
    get,
    restore,
    update,
    update_many,
)

__all__ = [
    "HOUSEHOLD_TEMPLATE", "RECORD_TYPES", "CrossCommuneId", "ListQuery", "SameCitizenId", "area_ids",
    "can_view_citizen_id", "carry_registrations_forward", "check_member_rows", "citizen_id_key", "count_rows",
    "create", "create_many", "cross_commune_citizen_ids", "delete", "delete_many", "find_meeting", "get",
    "households_with_citizen_id", "households_without_pledge", "list_rows", "mark_pledges_signed",
    "mask_citizen_id", "meeting_discussion", "member_rows", "names", "pledge_area", "previous_pledge_values",
    "purge_older_than", "record_citizen_id_reveal", "registrations_to_carry", "restore", "save_members", "update",
    "update_many", "write_back",
]
