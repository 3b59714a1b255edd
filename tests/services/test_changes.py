"""services.changes.Changes: the one value a writing front function returns (issue 13)."""

from tests.conftest import ACTOR

from antq_desktop.services import records
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
