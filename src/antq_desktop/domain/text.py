"""Vietnamese text: NFC storage, diacritic-insensitive search keys, alphabetical sort keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The Vietnamese alphabet (with the Latin letters it borrows slotted in Latin order).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONE_MARKS = {
    "\u0300": 1,  # huyền
    "\u0309": 2,  # hỏi
    "\u0303": 3,  # ngã
    "\u0301": 4,  # sắc
    "\u0323": 5,  # nặng
}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter
_WS = re.compile(r"\s+")

# Rank 1: separators; 2-11: digits; then letters. Encoded as one printable ASCII character
# each so that a stored key sorts correctly byte by byte in SQLite and in PostgreSQL "C".
_SEPARATOR_RANK = 1
_DIGIT_BASE = 2
_LETTER_BASE = _DIGIT_BASE + 10
_OTHER_RANK = _LETTER_BASE + len(_ALPHABET)
_KEY_OFFSET = 0x21


def nfc(text: str) -> str:
    """Canonical composed form, trimmed, inner whitespace collapsed: how every name is stored."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str | None) -> str:
    """Search key: no case, no diacritics, đ→d ("Đường" → "duong").

    Every combining mark of the canonical decomposition is dropped. Those of U+0300-U+036F (all of
    Vietnamese's) go in one regex pass (issue 18: a merge folds every household's and pledge's names);
    if anything but ASCII is left, the text may hold marks from elsewhere and each character is asked.
    `" ".join(split())` is the `\\s+` collapse and trim: both split at exactly `str.isspace` characters."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = _COMMON_MARKS.sub("", decomposed)
    if not stripped.isascii():
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


_COMMON_MARKS = re.compile("[" + "".join(chr(code) for code in range(0x300, 0x370)
                                          if unicodedata.combining(chr(code))) + "]")


def _letters(text: str) -> list[tuple[str, int, bool]]:
    """Split into (letter, tone, is_upper) with breve/circumflex/horn kept in the letter."""
    result: list[tuple[str, int, bool]] = []
    for cluster in _clusters(unicodedata.normalize("NFD", text)):
        base, marks = cluster[0], cluster[1:]
        letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _LETTER_MARKS))
        tone = max((_TONE_MARKS.get(m, 0) for m in marks), default=0)
        result.append((letter.lower(), tone, letter != letter.lower()))
    return result


def _clusters(decomposed: str) -> list[str]:
    clusters: list[str] = []
    for ch in decomposed:
        if clusters and unicodedata.combining(ch):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return clusters


def _rank(letter: str) -> int:
    if letter.isspace() or not letter.isalnum():
        return _SEPARATOR_RANK
    if letter.isdigit() and letter.isascii():
        return _DIGIT_BASE + int(letter)
    index = _ALPHABET.find(letter)
    return _LETTER_BASE + index if index >= 0 else _OTHER_RANK


def _primary(letters: list[tuple[str, int, bool]]) -> str:
    """Encoded ranks, with each run of digits read as a number: "Tổ 2" before "Tổ 10".

    A run is written as its length (leading zeros dropped) followed by its digits. Lengths use
    the digit ranks too; a length is only ever compared with another run's length, because the
    characters before it are equal. Runs of 10 digits or more share the last length rank and
    compare digit by digit among themselves (identity numbers, not house numbers).
    """
    encoded: list[str] = []
    digits: list[str] = []

    def flush() -> None:
        if digits:
            number = "".join(digits).lstrip("0") or "0"
            encoded.append(chr(_KEY_OFFSET + _DIGIT_BASE + min(len(number), 10) - 1))
            encoded.extend(chr(_KEY_OFFSET + _DIGIT_BASE + int(d)) for d in number)
            digits.clear()

    for letter, _, _ in letters:
        if letter.isascii() and letter.isdigit():
            digits.append(letter)
            continue
        flush()
        encoded.append(chr(_KEY_OFFSET + _rank(letter)))
    flush()
    return "".join(encoded)


@lru_cache(maxsize=65536)  # names repeat a lot; merge spent ~11% of its time here
def sort_key(text: str | None) -> str:
    """ASCII key that orders text as a Vietnamese dictionary does: letters (numbers by value), then
    tones, then case. Stored keys are recomputed by a migration whenever this order changes."""
    letters = _letters(nfc(text or ""))
    primary = _primary(letters)
    tones = "".join(str(tone) for _, tone, _ in letters)
    case = "".join("1" if upper else "0" for _, _, upper in letters)
    # A space (below every encoded rank) ends each level, so "An" sorts before "Anh".
    return f"{primary} {tones} {case}"


@lru_cache(maxsize=65536)  # heads of households share names; the merge computes this for every household
def person_sort_key(full_name: str | None) -> str:
    """Vietnamese people are listed by given name (the last word), then family and middle names."""
    words = nfc(full_name or "").split(" ")
    given, rest = words[-1], " ".join(words[:-1])
    return sort_key(given) + "\x20" + sort_key(rest)


def contains_folded(haystack: str | None, needle: str) -> bool:
    return fold(needle) in fold(haystack)
