"""The lazy table model: one query per keystroke when the first page holds every match."""

from __future__ import annotations

from antq_desktop.services import records as queries  # the front: where the table model looks them up
from antq_desktop.services.records.queries import ListQuery
from antq_desktop.ui.table_model import Column, RecordTableModel


def _model(store, page_size: int) -> RecordTableModel:  # type: ignore[no-untyped-def]
    model = RecordTableModel(store, "household", [Column("head_name", "Chủ hộ")])
    model.PAGE_SIZE = page_size
    return model


def _counting(monkeypatch) -> list[ListQuery]:  # type: ignore[no-untyped-def]
    calls: list[ListQuery] = []
    real = queries.count_rows

    def count_rows(store, record_type, query=None):  # type: ignore[no-untyped-def]
        calls.append(query)
        return real(store, record_type, query)

    monkeypatch.setattr(queries, "count_rows", count_rows)
    return calls


def test_a_full_first_page_counts_every_match(demo_store, monkeypatch):
    expected = queries.count_rows(demo_store, "household")
    calls = _counting(monkeypatch)
    model = _model(demo_store, 50)
    model.set_query(ListQuery())
    assert len(model.rows) == 50 and model.total == expected == 300
    assert len(calls) == 1
    assert model.canFetchMore()


def test_a_partial_first_page_is_the_whole_answer_without_a_count(demo_store, monkeypatch):
    name = queries.list_rows(demo_store, "household", limit=1)[0]["head_name"]
    expected = queries.count_rows(demo_store, "household", ListQuery(search=name))
    calls = _counting(monkeypatch)
    model = _model(demo_store, 50)
    model.set_query(ListQuery(search=name))
    assert 1 <= expected < 50
    assert model.total == len(model.rows) == expected
    assert calls == [] and not model.canFetchMore()


def test_exactly_one_full_page_still_counts(demo_store, monkeypatch):
    calls = _counting(monkeypatch)
    model = _model(demo_store, 300)
    model.set_query(ListQuery())
    assert model.total == 300 and len(calls) == 1 and not model.canFetchMore()


def test_scrolling_continues_after_the_last_row(demo_store, monkeypatch):
    """fetchMore hands the last loaded row to the query, so deep pages seek instead of skipping."""
    afters = []
    real = queries.list_rows

    def list_rows(store, record_type, query=None, **kwargs):  # type: ignore[no-untyped-def]
        afters.append(kwargs.get("after"))
        return real(store, record_type, query, **kwargs)

    monkeypatch.setattr(queries, "list_rows", list_rows)
    model = _model(demo_store, 40)
    model.set_query(ListQuery())
    while model.canFetchMore():
        last = model.rows[-1]
        model.fetchMore()
        assert afters[-1] is last
    assert [r["id"] for r in model.rows] == [r["id"] for r in real(demo_store, "household", ListQuery())]
