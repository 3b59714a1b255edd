"""services.changes.Changes: the one value a writing front function returns (issue 13)."""

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
