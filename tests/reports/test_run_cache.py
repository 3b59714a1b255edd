"""Flowables reused across a run are kept per thread: two renders at once never lay out one instance.

A ReportLab flowable keeps its layout on itself (wrap's lines, the canvas while it draws). The app
prints on one worker thread, but a second thread printing (a preview, a second worker) must get its
own header, stamps and shared paragraphs, and print the same pages as one thread alone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from antq_desktop.reports import demo, render_pledges
from antq_desktop.reports.forms import pledge
from antq_desktop.reports.forms.common import RunCache, shared_para

from .conftest import pdf_text


def _in_another_thread(call: Callable[[], Any]) -> Any:
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(call()))
    worker.start()
    worker.join()
    return result[0]


def test_each_thread_gets_its_own_shared_flowables() -> None:
    head_info = pledge.nd30.DocumentInfo("BẢN CAM KẾT", place="Hoàn Kiếm")
    for get in (lambda: pledge._head(head_info), lambda: pledge._head_stamp(head_info),
                lambda: shared_para("Một đoạn in trên mọi trang.")):
        here = get()
        assert get() is here  # reused within a thread: built once per run
        assert _in_another_thread(get) is not here


def test_a_cache_stays_bounded() -> None:
    cache: RunCache[int, int] = RunCache(3)
    for key in range(10):
        assert cache.get(key, lambda k=key: k * k) == key * key
    assert len(cache._local.entries) <= 4


def test_two_threads_print_the_same_pledges_as_one(tmp_path: Path) -> None:
    pledges = [demo.demo_pledge(i) for i in range(1, 41)]
    render_pledges(tmp_path / "alone.pdf", pledges)
    outputs = [tmp_path / f"t{i}.pdf" for i in range(2)]
    workers = [threading.Thread(target=render_pledges, args=(out, pledges)) for out in outputs]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    alone = pdf_text(tmp_path / "alone.pdf")
    assert [pdf_text(out) for out in outputs] == [alone, alone]
