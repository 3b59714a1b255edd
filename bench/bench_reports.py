"""Micro-benchmark: 1,000 household pledges in one PDF, platypus layout vs a bare canvas.

Run from the repository root:  PYTHONPATH=src python bench/bench_reports.py [households]
`bench_reports.py blank [households [repeat]]`: `antq form pledge --blank --all` against the bare canvas
and the printing before issue 18's stamps, alternated; `bench_reports.py rss [small large]`: peak RSS.
The bare canvas draws the same strings (pre-wrapped with simpleSplit, no tables, no
justification) and is the floor of what ReportLab can do; the gap is the layout cost.
`results()` (for `make bench`) also prints 1,000 pledges from a demo store through
`services.forms` — queries, mapping and rendering — against the same bare canvas, same run.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from antq_desktop.reports import fonts, nd30, render_pledges  # noqa: E402
from antq_desktop.reports.demo import demo_area  # noqa: E402
from antq_desktop.reports.form_data import PledgeData  # noqa: E402
from antq_desktop.reports.form_texts import load_form_text  # noqa: E402
from antq_desktop.reports.qr import draw_qr, qr_payload  # noqa: E402
from antq_desktop.reports.text import fill, place_date_line  # noqa: E402


def _lines(data: PledgeData) -> list[tuple[str, float, str]]:
    """(font, size, text) lines of one pledge, the same strings the real renderer prints."""
    text = load_form_text("household_pledge")
    out = [(fonts.BOLD, 12.5, nd30.NATIONAL_NAME), (fonts.BOLD, 13.5, nd30.MOTTO)]
    out += [(fonts.ITALIC, 13, place_date_line(data.unit.place, data.signed_on))]
    out += [(fonts.BOLD, 14, text.doc_type), (fonts.BOLD, 14, fill(text.subject, year=data.year))]
    out += [(fonts.REGULAR, 13, f"Họ và tên chủ hộ: {data.household_head}")]
    out += [(fonts.REGULAR, 13, f"Nơi cư trú: {data.address}")]
    out += [(fonts.REGULAR, 12, f"{m.name}  {m.birth_year}  {m.relation}") for m in data.members]
    out += [(fonts.REGULAR, 13, fill(text.intro, year=data.year))]
    out += [(fonts.REGULAR, 13, f"{i}. {item}") for i, item in enumerate(text.items, 1)]
    out += [(fonts.REGULAR, 13, text.closing), (fonts.BOLD, 13, "TRƯỞNG THÔN      NGƯỜI CAM KẾT")]
    return out


def bare_canvas(path: Path, n: int) -> None:
    fonts.register_fonts()
    canvas = Canvas(str(path), pagesize=A4, initialFontName=fonts.REGULAR)
    width = A4[0] - nd30.MARGIN_LEFT - nd30.MARGIN_RIGHT
    for data in demo_area(n):
        y = A4[1] - nd30.MARGIN_TOP
        for font, size, line in _lines(data):
            canvas.setFont(font, size)
            for part in simpleSplit(line, font, size, width):
                y -= size * 1.2
                canvas.drawString(nd30.MARGIN_LEFT, y, part)
        mark = data.record
        draw_qr(canvas, qr_payload("pledge", mark.record_uuid, mark.revision, None), 85, 14, 37)
        canvas.showPage()
    canvas.save()


def bare_canvas_items(path: Path, items: list, pages: int) -> None:  # type: ignore[type-arg]
    """The bare canvas over the pages `antq form pledge --blank --all` prints: the same households' strings,
    its QR code on each, `pages` pages in all (a household whose members overflow gets its extra page)."""
    fonts.register_fonts()
    canvas = Canvas(str(path), pagesize=A4, initialFontName=fonts.REGULAR)
    width = A4[0] - nd30.MARGIN_LEFT - nd30.MARGIN_RIGHT
    for item in items:
        y = A4[1] - nd30.MARGIN_TOP
        for font, size, line in _lines(item.data):
            canvas.setFont(font, size)
            for part in simpleSplit(line, font, size, width):
                y -= size * 1.2
                canvas.drawString(nd30.MARGIN_LEFT, y, part)
        draw_qr(canvas, qr_payload("pledge", item.sheet_code or "blank", 0, None), 85, 14, 37)
        canvas.showPage()
    for _ in range(pages - len(items)):
        canvas.drawString(nd30.MARGIN_LEFT, A4[1] - nd30.MARGIN_TOP, " ")
        canvas.showPage()
    canvas.save()


def pdf_pages(path: Path) -> int:
    """Pages of a ReportLab PDF (each page object is written as `/Type /Page`, uncompressed)."""
    data = path.read_bytes()
    return data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") - data.count(b"/Type /Pages")


def platypus(path: Path, n: int) -> None:
    render_pledges(path, demo_area(n), total=n)


def _time(fn: Callable[[Path, int], None], path: Path, n: int) -> tuple[float, int]:
    start = time.perf_counter()
    fn(path, n)
    return time.perf_counter() - start, path.stat().st_size


def _store_with_pledges(folder: Path, households: int) -> tuple[object, int]:
    """A commune store with `households` signed pledges (demo data), and its year."""
    from datetime import date

    from antq_desktop.services import demo
    from antq_desktop.services.setup import profile
    from antq_desktop.storage.db import open_store

    store = open_store(folder / "bench.sqlite3")
    profile.initialise(store, role="commune", unit_code="00070", officer_name="Bench", password="mot cau rat dai")
    year = date.today().year - 1
    demo.generate(store, households=households, seed=3, year=year, today=date(year, 12, 20))
    return store, year


def _before(render: Callable[[], object]) -> Callable[[], object]:
    """`render` as printing was before issue 18's stamps: every page laid out, ReportLab's own canvas."""
    import functools

    from reportlab.pdfgen.canvas import Canvas as PlainCanvas

    from antq_desktop.reports import batch
    from antq_desktop.reports.forms import pledge

    def run() -> object:
        stamped, packed = pledge.pledge_flowables, batch.PackedCanvas
        pledge.pledge_flowables = functools.partial(stamped, stamped=False)  # type: ignore[assignment]
        batch.PackedCanvas = PlainCanvas  # type: ignore[assignment, misc]
        try:
            return render()
        finally:
            pledge.pledge_flowables, batch.PackedCanvas = stamped, packed  # type: ignore[misc]

    return run


def blank_all(households: int = 5000, repeat: int = 3, *, before: bool = False) -> list:  # type: ignore[type-arg]
    """`antq form pledge --blank --all` (names printed, one page per household) against a bare canvas drawing
    the same households' strings on the same number of pages, measured alternately in one run (CPU time:
    the machine is shared; wall time printed beside it). `before`: also the full layout of every page, in
    the same alternation, for the before/after ratio."""
    from common import Result

    from antq_desktop.services import forms

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store, year = _store_with_pledges(folder, households)
        request = forms.FormRequest("pledge", year, blank=True, names=True)  # what the CLI builds for --blank --all
        items = list(forms.batch_for(store, request).records)
        times: dict[str, list[tuple[float, float]]] = {"real": [], "bare": [], "before": []}
        for _ in range(repeat):  # alternate, so a burst of load on the shared machine hits all of them
            times["real"].append(_clocks(lambda: forms.render_form(store, request, folder / "real.pdf")))
            pages = pdf_pages(folder / "real.pdf")
            times["bare"].append(_clocks(lambda n=pages: bare_canvas_items(folder / "bare.pdf", items, n)))
            if before:
                times["before"].append(_clocks(_before(lambda: forms.render_form(store, request, folder / "old.pdf"))))
        assert pdf_pages(folder / "bare.pdf") == pages, (pdf_pages(folder / "bare.pdf"), pages)
        store.close()  # type: ignore[attr-defined]
    import statistics

    cpu = {k: statistics.median(t[0] for t in v) for k, v in times.items() if v}
    wall = {k: statistics.median(t[1] for t in v) for k, v in times.items() if v}
    for k in cpu:
        print(f"  {k:<7} CPU {cpu[k]:7.2f} s  wall {wall[k]:7.2f} s  {pages / cpu[k]:6.1f} pages/s (CPU)  "
              f"ratio to bare {cpu['bare'] / cpu[k]:.2f}x (CPU), {wall['bare'] / wall[k]:.2f}x (wall)")
    accel = "with rl-accel" if _accelerated() else "WITHOUT rl-accel (pure-Python fallbacks)"
    rows = [Result(f"antq form pledge --blank --all, {households:,} households ({pages:,} pages, {accel}, CPU time)",
                   pages / cpu["real"], "pages/s", pages / cpu["bare"],
                   "bare ReportLab canvas, same strings, QR codes and pages", "≥ 0.6× bare canvas")]
    if before:
        rows.append(Result("  same, before the stamps (every page laid out)", pages / cpu["before"], "pages/s",
                           pages / cpu["bare"], "bare ReportLab canvas, same run", "report"))
    return rows


_RSS = """
import resource, sys, tempfile
from pathlib import Path
from antq_desktop.reports import demo, render_pledges
render_pledges(Path(tempfile.mkdtemp()) / "warm.pdf", demo.demo_area(20), total=20)
n = int(sys.argv[1])
render_pledges(Path(tempfile.mkdtemp()) / "run.pdf", demo.demo_area(n), total=n)
# VmHWM: this process's own peak (ru_maxrss would carry the bench runner's peak across the exec).
status = Path("/proc/self/status")
hwm = [line.split()[1] for line in status.read_text().splitlines() if line.startswith("VmHWM:")] \
    if status.exists() else []
print(int(hwm[0]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def peak_rss(small: int = 1000, large: int = 5000) -> list:  # type: ignore[type-arg]
    """Peak RSS of printing `large` pledges against `small` ones, each in a fresh process."""
    from common import Result, run_python

    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    mib = {n: float(run_python(_RSS, str(n), env=env).split()[-1]) for n in (small, large)}
    return [Result(f"printing peak RSS, {large:,} pledges", mib[large], "MiB", mib[small],
                   f"same, {small:,} pledges", "flat: ≤ 1.5×", target=1.5)]


def _clocks(fn: Callable[[], object]) -> tuple[float, float]:
    """(CPU, wall) seconds of fn()."""
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def _accelerated() -> bool:
    from reportlab.lib import rl_accel

    return bool(rl_accel.fp_str.__module__ == "_rl_accel")


def results() -> list:  # type: ignore[type-arg]
    """pages/s of the real paths against a bare canvas drawing the same strings, measured together."""
    from common import Result, median_time

    from antq_desktop.services import forms

    n = 1000
    fonts.register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bare = n / median_time(lambda: bare_canvas(folder / "bare.pdf", n), repeat=3)
        layout = n / median_time(lambda: platypus(folder / "layout.pdf", n), repeat=3)
        store, year = _store_with_pledges(folder, int(n / 0.93) + 20)  # ~93 % of demo households pledge
        request = forms.FormRequest("pledge", year)
        pages = forms.count_records(store, request)
        from_store = pages / median_time(lambda: forms.render_form(store, request, folder / "store.pdf"), repeat=3)
        store.close()  # type: ignore[attr-defined]
    return [
        *blank_all(),
        *peak_rss(),
        Result("render_pledges: 1,000 one-page pledges", layout, "pages/s", bare, "bare ReportLab canvas",
               "≥ 0.3× bare canvas"),
        Result(f"antq form pledge --all from a store ({pages} pages)", from_store, "pages/s", bare,
               "bare ReportLab canvas", "≥ 0.3× bare canvas; store adds < 10 %"),
    ]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("blank", "rss"):  # bench_reports.py blank [households [repeat]]
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from common import format_table

        args = [int(a) for a in sys.argv[2:]]
        if sys.argv[1] == "rss":
            print(format_table(peak_rss(*args)))
        else:
            print(format_table(blank_all(*args, before=True)))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    fonts.register_fonts()
    load_form_text("household_pledge")
    print(f"{n} households, one page each\n")
    print(f"{'method':<28}{'seconds':>9}{'pages/s':>10}{'size (KB)':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, fn in (("bare canvas (drawString)", bare_canvas), ("render_pledges (ND30)", platypus)):
            seconds, size = _time(fn, Path(tmp) / f"{fn.__name__}.pdf", n)
            print(f"{name:<28}{seconds:>9.2f}{n / seconds:>10.0f}{size / 1024:>11.0f}")


if __name__ == "__main__":
    main()
