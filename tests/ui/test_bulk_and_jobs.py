"""Bulk actions run in the background (job runner) and can be undone; the runner reports by signal."""

from __future__ import annotations

import threading
from datetime import date

from tests.ui.helpers import answer_questions

from antq_desktop.services.records import bulk, queries
from antq_desktop.services.records import writes as records
from antq_desktop.services.records.queries import ListQuery
from antq_desktop.ui.dialogs.bulk_dialogs import AreaPledgeDialog
from antq_desktop.ui.errors import run_undo
from antq_desktop.ui.jobs import JobRunner
from antq_desktop.ui.pages.pledges_page import PledgesPage
from antq_desktop.ui.pages.registrations_page import RegistrationsPage

ACTOR = "admin"


def _area_with_households(store, count: int, pledged: int) -> str:  # type: ignore[no-untyped-def]
    area_id = records.create(store, "residential_area", {"name": "Thôn Đoài"}, actor=ACTOR)
    ids = records.create_many(store, "household", [{"area_id": area_id, "head_name": f"Nguyễn Văn {i}"}
                                                   for i in range(count)], actor=ACTOR)
    records.create_many(store, "pledge", [{"signer_kind": "household", "household_id": h, "year": date.today().year,
                                           "template_code": bulk.HOUSEHOLD_TEMPLATE} for h in ids[:pledged]],
                        actor=ACTOR)
    return area_id


def test_job_delivers_result_progress_and_errors(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    progress: list[float] = []

    def work(report, cancel):  # type: ignore[no-untyped-def]
        for step in range(3):
            report((step + 1) / 3, f"bước {step}")
        return threading.current_thread() is not threading.main_thread()

    job = runner.start(work, title="Thử", show_progress=False)
    job.progressed.connect(lambda f, _m: progress.append(f))
    with qtbot.waitSignal(job.succeeded, timeout=20_000) as blocker:
        pass
    assert blocker.args == [True], "the work runs off the GUI thread"
    failing = runner.start(lambda _r, _c: 1 / 0, title="Lỗi", show_progress=False)
    with qtbot.waitSignal(failing.failed, timeout=20_000) as blocker:
        pass
    assert isinstance(blocker.args[0], ZeroDivisionError)


def test_job_can_be_cancelled(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    started = threading.Event()

    def work(_report, cancel):  # type: ignore[no-untyped-def]
        started.set()
        cancel.wait(5)
        raise bulk.Cancelled()

    job = runner.start(work, title="Dừng", show_progress=False)
    started.wait(5)
    with qtbot.waitSignal(job.cancelled, timeout=20_000):
        job.cancel()


def test_hui_too_late_for_a_write_still_reports_what_was_written(qtbot) -> None:  # type: ignore[no-untyped-def]
    """"Hủy" after a write's last check: the work returns, and a write succeeds (it did its work); a read that
    returns after "Hủy" is cancelled (nobody wants it); a write that stops on request is cancelled."""
    runner = JobRunner()

    def returns_after_cancel(_report, cancel):  # type: ignore[no-untyped-def]
        cancel.wait(5)
        return "đã ghi"

    def stops_on_cancel(_report, cancel):  # type: ignore[no-untyped-def]
        cancel.wait(5)
        raise bulk.Cancelled()

    for work, writes, ends in ((returns_after_cancel, True, "succeeded"), (returns_after_cancel, False, "cancelled"),
                               (stops_on_cancel, True, "cancelled")):
        job = runner.start(work, title="Ghi", show_progress=False, writes=writes)
        seen: list[str] = []
        job.succeeded.connect(lambda result, seen=seen: seen.append(f"succeeded:{result}"))
        job.cancelled.connect(lambda seen=seen: seen.append("cancelled"))
        with qtbot.waitSignal(job.finished, timeout=20_000):
            job.cancel()
        assert seen == (["succeeded:đã ghi"] if ends == "succeeded" else ["cancelled"]), (writes, seen)


def test_pledge_whole_area_in_background_then_undo(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = context.store
    area_id = _area_with_households(store, count=30, pledged=12)
    page = PledgesPage(context)
    qtbot.addWidget(page)
    page.show()
    assert page.model.total == 12
    dialog_counts: list[str] = []
    monkeypatch.setattr(AreaPledgeDialog, "exec", lambda self: dialog_counts.append(self.count_label.text()) or 1)
    job = page.pledge_whole_area()
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    assert dialog_counts == ["Số hộ sẽ được ghi cam kết: 18"], "the dialog tells how many households will be recorded"
    assert page.model.total == 30
    assert bulk.households_without_pledge(store, area_id, context.year) == []
    assert "18" in context.undo.last.description
    undo_job = run_undo(context, page)
    with qtbot.waitSignal(undo_job.finished, timeout=10000):
        pass
    assert page.model.total == 12


def test_mark_selected_pledges_signed_keeps_dates_and_undoes(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = context.store
    _area_with_households(store, count=4, pledged=4)
    rows = queries.list_rows(store, "pledge", ListQuery(year=context.year))
    records.update(store, "pledge", rows[0]["id"], {"status": "violated", "signed_on": date(2025, 3, 1)}, actor=ACTOR)
    records.update(store, "pledge", rows[1]["id"], {"status": "withdrawn"}, actor=ACTOR)
    page = PledgesPage(context)
    qtbot.addWidget(page)
    page.show()
    page.table.selectAll()
    answer_questions(monkeypatch)
    page.mark_selected_signed()
    after = {r["id"]: r for r in queries.list_rows(store, "pledge", ListQuery(year=context.year))}
    assert {r["status"] for r in after.values()} == {"signed"}
    assert after[rows[0]["id"]]["signed_on"] == date(2025, 3, 1), "a recorded signing date is kept"
    assert after[rows[1]["id"]]["signed_on"] == date.today()
    undo_job = run_undo(context, page)
    with qtbot.waitSignal(undo_job.finished, timeout=10000):
        pass
    assert records.get(store, "pledge", rows[0]["id"])["status"] == "violated"
    assert records.get(store, "pledge", rows[1]["id"])["status"] == "withdrawn"
    assert records.get(store, "pledge", rows[1]["id"])["signed_on"] is None


def test_carry_registrations_forward(context, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store, year = context.store, context.year
    areas = [records.create(store, "residential_area", {"name": f"Thôn {i}"}, actor=ACTOR) for i in range(3)]
    for area_id in areas:
        records.create(store, "registration", {"subject_kind": "area", "area_id": area_id, "year": year - 1,
                                               "registered_on": date(year - 1, 2, 1)}, actor=ACTOR)
    records.create(store, "registration", {"subject_kind": "area", "area_id": areas[0], "year": year,
                                           "registered_on": date(year, 1, 5)}, actor=ACTOR)
    records.delete(store, "residential_area", areas[2], actor=ACTOR)
    page = RegistrationsPage(context)
    qtbot.addWidget(page)
    page.show()
    asked = answer_questions(monkeypatch)
    job = page.carry_forward()
    with qtbot.waitSignal(job.finished, timeout=10000):
        pass
    assert "2" in asked[0]
    assert page.model.total == 2, "one already registered, one carried, the deleted area skipped"
    undo_job = run_undo(context, page)
    with qtbot.waitSignal(undo_job.finished, timeout=10000):
        pass
    assert page.model.total == 1
