"""The authority table, as data: which unit may send which package, write which records, reference what.

A signature proves who sent a package; this table decides what that sender may change. It is the
single written-down model (docs/security.md "Authority: who may send what" renders it); the checks
that enforce each row live beside it (`records.py` for records, `keys.py` for keys), and each row
names the function that enforces it and the test that proves it, so the docs table cannot drift
from the code without a test noticing (tests/security/test_authority_records.py reads this table).
"""

from __future__ import annotations

from dataclasses import dataclass

# Sender roles, as fixed at enrolment by the RECEIVING office (never taken from a key file).
COMMUNE, DISTRICT, PROVINCE = "commune", "district", "province"  # district = cluster office
ROLES = (COMMUNE, DISTRICT, PROVINCE)

# Unit codes are compared in one folded form: case and the look-alike pairs O/0, I/L/1 ignored, so
# "cum-01" or "0OO70" never passes for CUM-01 or 00070 (codes are ASCII already: exchange.keys.UNIT_CODE_RE).
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def unit_skeleton(code: str) -> str:
    """The form two unit codes are compared in: equal skeletons are the same unit to a reader."""
    return code.strip().upper().translate(_LOOK_ALIKES)


# Record types a unit writes about itself (its own origin_unit only).
DATA_TYPES = ("residential_area", "organization", "household", "household_member", "pledge", "registration",
              "assessment", "meeting",
              # the movement's activities (issue 20)
              "movement_model", "festival_day", "briefing", "commendation", "security_team", "security_team_rating")
# An office's recognition decision travels down with its plan (A7): the communes' reports cite it.
PLAN_TYPES = ("plan", "plan_target", "recognition_decision")

# Every reference column of the synced models and the record type it points at. Each must point at
# a record of the SAME origin unit as the referring record (stored, or earlier in the same package).
REFERENCE_COLUMNS: dict[str, str] = {
    "area_id": "residential_area",
    "organization_id": "organization",
    "household_id": "household",
    "plan_id": "plan",
    "team_id": "security_team",  # a security force team's yearly rating
}

# Package kinds each role may send, and to whom.
SENDS: dict[str, dict[str, str]] = {
    COMMUNE: {"full": "up, to its enrolled office", "incremental": "up, to its enrolled office"},
    DISTRICT: {"full": "up, to its enrolled office", "incremental": "up, to its enrolled office",
               "forward": "up, only if the receiving office enrolled it as an office",
               "plan": "down, to the communes that enrolled it as their office (the province's signed plan inside)",
               "recovery": "down, to one commune whose key it enrolled itself, that commune's own records only"},
    PROVINCE: {"plan": "down, to the offices that enrolled it as their office",
               "recovery": "down, to one commune whose key it enrolled itself, that commune's own records only"},
}
# Record types each role may write (always only with origin_unit = its own unit code).
WRITES: dict[str, tuple[str, ...]] = {
    COMMUNE: DATA_TYPES + PLAN_TYPES,  # a commune's own plan stays its own: it never sets anyone's targets
    DISTRICT: DATA_TYPES + PLAN_TYPES,
    PROVINCE: DATA_TYPES + PLAN_TYPES,
}


@dataclass(frozen=True)
class Rule:
    """One row of the authority table (one row of the docs table)."""

    id: str
    side: str  # "records" (records.py) or "keys" (keys.py)
    sender: str
    may_send: str
    may_write: str
    may_reference: str
    enforced_in: str  # module.function
    proved_by: str  # tests/...py::test_name


_TEST = "tests/security/test_authority_records.py"
_FUZZ = "tests/fuzz/test_authority_fuzz.py"

RECORD_RULES: tuple[Rule, ...] = (
    Rule("A1", "records", "any unit", "data packages (full/incremental) up to its enrolled office",
         "only records whose origin_unit is its own unit code", "-",
         "services.merge.incoming.check_shape", f"{_TEST}::test_record_of_another_origin_is_refused"),
    Rule("A2", "records", "any unit", "-", "-",
         "area_id, organization_id, household_id, plan_id, team_id only to records of its own origin (stored or "
         "earlier in the same package)",
         "services.authority.records.authorise_references",
         f"{_TEST}::test_reference_to_another_communes_record_is_refused"),
    Rule("A3", "records", "commune", "-", "-",
         "never a plan_target on another unit's plan (the office's plan known from its plan package)",
         "services.authority.records.authorise_references",
         f"{_TEST}::test_plan_target_on_the_offices_plan_is_refused"),
    Rule("A4", "records", "any unit", "-", "tombstones (deleted=true) only of its own records",
         "a tombstone's references follow A2",
         "services.merge.incoming.classify (stored origin); services.authority.records.authorise_references",
         f"{_TEST}::test_tombstone_referencing_another_unit_is_refused"),
    Rule("A5", "records", "anyone outside", "never a package whose producer is the receiving office's own unit",
         "-", "-", "services.authority.records.authorise_producer",
         f"{_TEST}::test_package_from_the_offices_own_unit_is_refused"),
    Rule("A6", "records", "office (in a forward)", "inner packages of a forward pass A1-A5 like direct ones",
         "-", "-",
         "services.authority.records.authorise_inner (whole forward, before any merge); authorise_producer (merge_one)",
         f"{_TEST}::test_forwarded_package_from_the_offices_own_unit_is_refused"),
    Rule("A6b", "records", "office (in a forward)", "its forward's own records and \"own\" inner packages only "
         "under its own code; another unit's package labelled own is an authority refusal naming both units", "-",
         "-", "services.merge.forwarded._extract, _new_item (_not_theirs)",
         f"{_TEST}::test_an_own_inner_package_of_another_unit_is_an_authority_refusal"),
    Rule("A7", "records", "upper office", "plan packages down, only to units that enrolled it as their office",
         "plan, plan_target and recognition_decision of its own origin only", "plan_target only to its own plan",
         "services.plans.receive._upsert (check_shape + authorise_references)",
         f"{_TEST}::test_plan_package_target_on_a_foreign_plan_is_refused"),
    Rule("A7b", "records", "anyone outside", "never a plan package under the receiving unit's own code", "-", "-",
         "services.plans.receive._write (authorise_producer)",
         f"{_TEST}::test_plan_package_from_the_units_own_code_is_refused"),
    Rule("A7c", "records", "upper office passing its own office's plan down",
         "inside its plan package, the plan package its upper office signed, byte for byte, with the key it "
         "enrolled for that office (the commune verifies that signature with its own enrolment of the office above "
         "if it has one, else with the announced key, never with the sender's own key)",
         "plan, plan_target and recognition_decision only under the office above's origin, from its signed file; "
         "an older plan of that office than the one held is refused", "as A7, within that office's own plan",
         "services.plans.upper.opened (_lookup, _check_inner); services.plans.upper.check_replay",
         "tests/office_year/test_plan_chain.py::test_a_cluster_cannot_alter_or_forge_the_province_part"),
    Rule("A8", "records", "plans received from above", "-", "-",
         "targets are measured only against the office's own plan, its upper office's plan (the unit of its "
         "recipient key) and the plan that office passed down from above (A7c), never a plan of a unit below",
         "services.authority.records.year_plan",
         f"{_TEST}::test_province_without_a_plan_ignores_a_clusters_plan"),
    Rule("A8b", "records", "a former upper office", "-", "-", "its stored plan never sets targets once this unit "
         "reports to another office (only the recipient key in use counts, whatever the plan's timestamp)",
         "services.authority.records.plan_units",
         f"{_TEST}::test_a_former_upper_offices_plan_never_sets_the_targets"),
    Rule("A9", "records", "any unit (fuzzed)", "validly signed packages with origin, references or producer "
         "mutated (the producer also as a look-alike spelling of the office's code)", "-", "-",
         "services.merge.pipeline.merge_one", f"{_FUZZ}::test_authority_mutations_are_refused"),
    Rule("A10", "records", "anyone (inside a forward)", "only full/incremental packages are merged as data; a plan "
         "or forward package inside a forward is refused", "-", "-",
         "services.authority.records.authorise_data_kind (merge_one; forward_import._authorise_inner_signers)",
         f"{_TEST}::test_a_plan_package_inside_a_forward_is_not_merged_as_data"),
    Rule("A11", "records", "any unit", "-", "each record id once per package (also across batches of other types)",
         "-", "services.merge.pipeline._once_per_package",
         f"{_TEST}::test_the_same_record_twice_in_one_package_is_refused"),
    Rule("A12", "records", "- (antq check)", "-", "-", "a store already holding a cross-unit reference or a known "
         "key whose unit/role/source the rules cannot give is reported", "services.check._authority_checks",
         f"{_TEST}::test_check_flags_what_the_authority_model_forbids"),
)

# The key side (roles at enrolment, announcements, vouching, forwards only from enrolled offices,
# revocation cascade) is services/authority/keys.py's KEY_RULES; the package front (authority/__init__.py)
# composes both into ALL_RULES.

# Recovery packages (issue 14 point 4, services/recovery): an office sends ONE commune that commune's own
# records as the office holds them. Rows in docs/security.md section 10 like the others.
_RECOVERY_TEST = "tests/office_year/test_recovery.py"
RECOVERY_RULES: tuple[Rule, ...] = (
    Rule("R1", "records", "upper office", "recovery packages down, only to a commune that enrolled it as its office "
         "(its recipient key); never from a peer commune or another office",
         "-", "-", "services.recovery.receive.verify (plans.receive.recipient_lookup)",
         f"{_RECOVERY_TEST}::test_a_recovery_package_from_a_peer_commune_is_refused"),
    Rule("R2", "records", "upper office", "a recovery package only for the receiving commune's own unit (signed header "
         "and state line); another commune's package is refused", "-", "-",
         "services.recovery.receive.verify, _state",
         f"{_RECOVERY_TEST}::test_a_recovery_package_for_another_commune_is_refused"),
    Rule("R3", "records", "upper office", "-", "in a recovery package, only records whose origin_unit is the receiving "
         "commune (live and tombstones); they replace the commune's own records at the office's revision",
         "only records of the commune's own origin (A2)",
         "services.recovery.apply._validated (check_shape + authorise_references)",
         f"{_RECOVERY_TEST}::test_a_recovery_package_with_another_units_records_is_refused"),
    Rule("R4", "records", "office (building)", "builds a recovery package only for a commune whose key it enrolled "
         "itself (not one vouched in a forward), encrypted to that commune's newest enrolled key", "-", "-",
         "services.recovery.build.commune_key",
         f"{_RECOVERY_TEST}::test_a_commune_refuses_to_build_and_the_office_needs_an_enrolled_key"),
)
