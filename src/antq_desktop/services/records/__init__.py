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
from antq_desktop.services.records.lookups import area_ids, names
from antq_desktop.services.records.privacy import (
    can_view_citizen_id,
    mask_citizen_id,
    purge_older_than,
    record_citizen_id_reveal,
)
from antq_desktop.services.records.queries import ListQuery, count_rows, list_rows
from antq_desktop.services.records.writes import RECORD_TYPES, create, create_many, delete, get, restore, update

__all__ = [
    "HOUSEHOLD_TEMPLATE", "RECORD_TYPES", "ListQuery", "area_ids", "can_view_citizen_id", "carry_registrations_forward",
    "count_rows", "create",
    "create_many", "delete", "delete_many", "get", "households_without_pledge", "list_rows", "mark_pledges_signed",
    "mask_citizen_id", "names", "pledge_area", "previous_pledge_values", "purge_older_than",
    "record_citizen_id_reveal", "registrations_to_carry", "restore", "update", "write_back",
]
