"""services.changes.Changes: the one value a writing front function returns (issue 13)."""

import re
from datetime import date
from pathlib import Path

from tests.conftest import ACTOR, PASSWORD
from tests.services.merge.conftest import make_upper

import antq_desktop.ui
from antq_desktop.services import accounts, keys, records, scan
from antq_desktop.services.changes import EVERYTHING, MAX_IDS, NO_CHANGES, Changes


def test_changes_combine_counts_ids_and_flags() -> None:
    both = Changes.records("pledge", 2, ids=("a", "b")) | Changes.records("pledge", ids=("c",)) | Changes(
        export_made=True)
    assert both.counts == (("pledge", 3),) and both.ids == ("a", "b", "c")
    assert both.export_made and not both.keys_changed
    assert both.touches("pledge") and not both.touches("household")
    merged = Changes.of_counts({"household": 4, "pledge": 0}) | both
    assert merged.kinds == {"household", "pledge"} and merged.count("household") == 4
    assert merged.ids == ()  # the household ids were not kept, so no id list claims to be complete


def test_many_ids_keep_only_the_counts_and_empty_is_false() -> None:
    many = Changes.records("household", MAX_IDS + 1, ids=[str(i) for i in range(MAX_IDS + 1)])
    assert many.ids == () and many.count("household") == MAX_IDS + 1
    assert not NO_CHANGES and not (NO_CHANGES | NO_CHANGES)
    assert Changes(trust_changed=True) and EVERYTHING.touches("anything")


def test_single_record_fronts_return_the_id_or_revision_with_what_they_changed(store) -> None:
    area = records.create(store, "residential_area", {"name": "Thôn Đông", "kind": "thon"}, actor=ACTOR)
    assert isinstance(area, str) and area.changes == Changes.records("residential_area", ids=[area])
    household = records.create(store, "household", {"area_id": area, "head_name": "Lê Văn A"}, actor=ACTOR)
    revision = records.update(store, "household", household, {"head_name": "Lê Văn B"}, actor=ACTOR)
    assert revision == 2 and revision.changes.count("household") == 1 and revision.changes.ids == (household,)
    same = records.update(store, "household", household, {"head_name": "Lê Văn B"}, actor=ACTOR)
    assert same == 2 and not same.changes.touches("household")  # nothing was written
    deleted = records.delete(store, "household", household, actor=ACTOR)
    assert deleted == 3 and deleted.changes == Changes.records("household", ids=[household])
    restored = records.restore(store, "household", household, actor=ACTOR)
    assert restored == 4 and restored.changes.touches("household") and restored.changes.ids == (household,)
    moved = records.update_many(store, "household", [household], {"left_on": "01/02/2026"}, actor=ACTOR)
    assert moved == 1 and moved.changes == Changes.records("household", ids=[household])
    records.create(store, "household", {"area_id": area, "head_name": "Lê Văn C"}, actor=ACTOR)
    pledged = records.pledge_area(store, area, 2026, date(2026, 1, 15), actor=ACTOR)
    assert pledged and pledged.changes == Changes.records("pledge", len(pledged), ids=pledged)
    signed_again = records.mark_pledges_signed(store, list(pledged), date(2026, 1, 16), actor=ACTOR)
    assert signed_again == 0 and not signed_again.changes  # already signed and dated: nothing written


def test_scan_recording_a_pledge_says_which_pledge_it_wrote(store) -> None:
    area = records.create(store, "residential_area", {"name": "Thôn Tây", "kind": "thon"}, actor=ACTOR)
    household = records.create(store, "household", {"area_id": area, "head_name": "Trần Văn Bình"}, actor=ACTOR)
    code = scan.sheet_coder(store)(household, 2026, "2026.1")
    first = scan.record_scan(store, code, year=2026, signed_on=date(2026, 1, 15), actor=ACTOR)
    assert first.pledge_id and first.changes == Changes.records("pledge", ids=[first.pledge_id])
    again = scan.record_scan(store, code, year=2026, signed_on=date(2026, 1, 15), actor=ACTOR)
    assert again.outcome == scan.Outcome.ALREADY_SIGNED and not again.changes


def test_keys_fronts_say_trust_or_keys_changed(store, tmp_path) -> None:
    upper = make_upper(str(tmp_path / "upper.sqlite3"))
    try:
        added = keys.trust_add(upper, keys.public_key_file(store, PASSWORD), actor=ACTOR)
        assert added.changes == Changes(trust_changed=True)
        assert added in keys.trust_list(upper)  # the Changes is not part of the key's equality
        recipient = keys.set_recipient(store, keys.public_key_file(upper, PASSWORD), actor=ACTOR)
        assert recipient.changes.keys_changed and recipient.changes.trust_changed
        revoked = keys.trust_revoke(upper, added.fingerprint, actor=ACTOR, reason="mất máy")
        assert revoked.changes.trust_changed and not revoked.changes.kinds
        assert keys.rotate(store, PASSWORD, actor=ACTOR).changes == Changes(keys_changed=True)
    finally:
        upper.close()


def test_accounts_fronts_say_accounts_changed_and_nothing_when_nothing_changed(store) -> None:
    admin = accounts.sign_in(store, username=ACTOR, password=PASSWORD)
    lan = accounts.add(store, admin, username="lan", full_name="Trần Thị Lan", role="officer",
                       password="cau dai cua lan")
    assert lan.changes == Changes(accounts_changed=True) and lan == accounts.sign_in(
        store, username="lan", password="cau dai cua lan")  # the Changes is not part of who signed in
    assert accounts.change_role(store, admin, "lan", "readonly").accounts_changed
    assert not accounts.change_role(store, admin, "lan", "readonly")  # already read-only: nothing written
    assert accounts.set_disabled(store, admin, "lan", True).accounts_changed
    assert accounts.reset_password(store, admin, "lan", "mot mat khau moi dai").accounts_changed


def test_no_ui_module_builds_changes_by_hand() -> None:
    """The GUI passes on what the fronts returned; the one exception is documented in docs/architecture.md."""
    allowed = {"undo.py"}  # an undo or redo runs any earlier call again: it names only the record kind
    built = re.compile(r"\bChanges(\.records|\.of_counts)?\(")
    found = [f"{path.name}:{n}" for path in Path(antq_desktop.ui.__file__).parent.rglob("*.py")
             if path.name not in allowed
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if built.search(line)]
    assert found == []
