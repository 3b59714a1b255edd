"""The merge-speed fast path of text hygiene (issue 18) decides exactly like the per-character check."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from antq_desktop.domain import text_hygiene
from antq_desktop.domain.text_hygiene import PLAIN_LATIN_CLASS, letter_scripts, text_problem

PLAIN = sorted(set(re.sub(r"\\(.)", r"\1", PLAIN_LATIN_CLASS[1:-2])))


def test_plain_letters_never_compose_with_each_other() -> None:
    """The fast path relies on NFKC(a + b) == a + b for every pair of plain characters."""
    letters = [ch for ch in PLAIN if not ch.isascii() or ch.isalpha()]
    for first in letters:
        for second in letters:
            pair = first + second
            assert unicodedata.normalize("NFKC", pair) == pair, (hex(ord(first)), hex(ord(second)))


def test_vietnamese_names_take_the_fast_path() -> None:
    assert text_hygiene._PLAIN_LATIN.fullmatch("Nguyễn Thị Hồng Nhung, Đường Lê Lợi 12/3")
    for odd in ("\u0430dmin", "a\u200bb", "a\nb", "a\u00adb", "Ng\u0301", "\u00aa", "\u0149"):
        assert not text_hygiene._PLAIN_LATIN.fullmatch(odd), odd


ALPHABET = [*PLAIN[:40], *PLAIN[-40:], "\u0430", "\u03bf", "\u00ad", "\u200b", "\u0301", "\u00aa", "\u0149",
            "\x07", "\n", "\t", "\u3164", "\ufe0f", "\u02bc"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=12))
def test_fast_and_slow_paths_agree(value: str) -> None:
    assert (text_problem("x", value) is not None) == _slow_problem_full(value)


def _slow_problem_full(value: str) -> bool:
    return bool(text_hygiene._slow_invisible(value)) or len(letter_scripts(value)) > 1
