"""A form's fixed text is laid out once per run and prints exactly as a fresh paragraph (issue 18)."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from antq_desktop.reports.demo import demo_area
from antq_desktop.reports.form_texts import load_form_text
from antq_desktop.reports.forms.common import SharedParagraph, para, shared_para
from antq_desktop.reports.forms.pledge import pledge_flowables


def _lines(p: Paragraph, width: float) -> tuple[float, list[tuple[float, list[str]]]]:
    _w, height = p.wrap(width, 800)
    assert p.blPara.kind == 0  # plain text: each line is (extra space, words)
    return height, [(round(extra, 3), list(words)) for extra, words in p.blPara.lines]


def test_a_shared_paragraph_breaks_like_a_fresh_one_at_every_width_in_any_order():
    text = load_form_text("household_pledge").intro.replace("{year}", "2026") * 3
    shared = shared_para(text)
    for width in (400.0, 250.0, 400.0, 120.0, 250.0):
        assert _lines(shared, width) == _lines(para(text), width)
        assert shared.width == width


def test_pledges_of_one_run_share_the_fixed_text_not_the_household_facts():
    text = load_form_text("household_pledge")
    first, second = (pledge_flowables(data, text, stamped=False) for data in list(demo_area(2)))
    shared_first = [f for f in first if isinstance(f, SharedParagraph)]
    shared_second = [f for f in second if isinstance(f, SharedParagraph)]
    assert len(shared_first) >= len(text.items) + 1
    assert all(a is b for a, b in zip(shared_first, shared_second, strict=True))
    assert not any(f is g for f in first for g in second if not isinstance(f, SharedParagraph)
                   and isinstance(f, Paragraph))


def test_the_page_head_is_built_once_per_run_and_a_signed_date_gets_its_own():
    import datetime as dt
    from dataclasses import replace

    text = load_form_text("household_pledge")
    first, second = list(demo_area(2))
    blank_first = replace(first, signed_on=None)
    blank_second = replace(second, signed_on=None)
    head_a = pledge_flowables(blank_first, text, stamped=False)[0]
    assert pledge_flowables(blank_second, text, stamped=False)[0] is head_a
    dated = pledge_flowables(replace(first, signed_on=dt.date(2026, 3, 2)), text, stamped=False)
    assert dated[0] is not head_a  # another date line: another head (the blank one stays as it was)
