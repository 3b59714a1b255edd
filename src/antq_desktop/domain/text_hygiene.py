"""Text hygiene: hidden characters and look-alike letters in names (issue 12, point 7).

Shared by record validation and by accounts (user names, failed sign-in names kept in the audit log).
"""

from __future__ import annotations

import re
import unicodedata

from antq_desktop.domain.text import nfc

# Control, format (soft hyphen, zero-width space/joiner, bidi controls, tag characters), private-use,
# surrogate and unassigned code points: none belongs in a name, and each can hide or reorder text.
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
# Default-ignorable code points that Unicode files under letters or marks (Hangul fillers, variation
# selectors, the combining grapheme joiner): they render as nothing, so two names that look equal differ.
_IGNORABLE = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0"
                        "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
MAX_USERNAME = 60
# Letters of user names: ASCII, plus the Vietnamese letters (a base a-z or đ with Vietnamese marks).
_USERNAME_PUNCT = frozenset("._-@")
_VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


def invisible_characters(text: str) -> list[str]:
    """The hidden characters of `text` as U+XXXX codes (empty when there are none)."""
    if _PLAIN_LATIN.fullmatch(text):
        return []
    found = [ch for ch in text if unicodedata.category(ch) in _INVISIBLE_CATEGORIES or _IGNORABLE.match(ch)]
    return sorted({f"U+{ord(ch):04X}" for ch in found})


def letter_scripts(text: str) -> set[str]:
    """The writing systems of the letters in `text` (LATIN, CYRILLIC, GREEK…), from Unicode names.

    Digits, spaces, punctuation and combining marks belong to every script and are not counted.
    """
    scripts = set()
    for ch in unicodedata.normalize("NFKC", text):
        if unicodedata.category(ch).startswith("L"):
            scripts.add(unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0])
    return scripts


def text_problem(label: str, value: str) -> str | None:
    """Why a one-line name cannot be stored (hidden characters, letters of two scripts), or None.

    “аdmin” with a Cyrillic “а” looks exactly like “admin”: a name's letters come from one script.
    """
    if _PLAIN_LATIN.fullmatch(value):  # nearly every name: nothing hidden, one script (proved at import)
        return None
    hidden = invisible_characters(value)
    if hidden:
        return (f"{label} chứa ký tự ẩn hoặc ký tự điều khiển ({', '.join(hidden[:5])}). "
                "Hãy gõ lại bằng bàn phím, không dán từ nơi khác.")
    scripts = letter_scripts(value)
    if len(scripts) > 1:
        return (f"{label} trộn chữ cái của nhiều bảng chữ ({', '.join(sorted(scripts))}), dễ bị nhầm với tên khác. "
                "Hãy gõ lại bằng bộ gõ tiếng Việt.")
    return None


def _plain_latin_class() -> str:
    """The characters that alone and in any sequence pass `text_problem` with no per-character work:
    printable ASCII and the precomposed Latin letters (Vietnamese among them) that are their own NFKC
    form and no combining mark (so NFKC of a sequence is the sequence: Latin starters never compose
    with each other; tests/security/test_text_hygiene.py checks every pair), each of script LATIN.
    Decided here with the slow functions themselves, so the two paths cannot disagree."""
    candidates = [chr(c) for c in (*range(0x20, 0x7F), *range(0xC0, 0x250), *range(0x1E00, 0x1F00))]
    plain = [ch for ch in candidates
             if unicodedata.normalize("NFKC", ch) == ch and not unicodedata.combining(ch)
             and not _slow_invisible(ch) and letter_scripts(ch) <= {"LATIN"}]
    return "[" + "".join(re.escape(ch) for ch in plain) + "]*"


def _slow_invisible(text: str) -> bool:
    return any(unicodedata.category(ch) in _INVISIBLE_CATEGORIES or _IGNORABLE.match(ch) for ch in text)


PLAIN_LATIN_CLASS = _plain_latin_class()
_PLAIN_LATIN = re.compile(PLAIN_LATIN_CLASS)


def normalise_username(raw: str) -> str:
    """How a user name is compared and stored: NFKC (full-width and ligature forms fold), no case."""
    once = unicodedata.normalize("NFKC", nfc(raw)).casefold()
    return unicodedata.normalize("NFKC", once)


def username_problem(username: str) -> str | None:
    """Why an (already normalised) user name is refused: only a-z, Vietnamese letters, digits and . _ - @."""
    if not username or len(username) > MAX_USERNAME or " " in username:
        return f"Tên đăng nhập không được trống, không có dấu cách, tối đa {MAX_USERNAME} ký tự."
    problem = text_problem("Tên đăng nhập", username)
    if problem:
        return problem
    if not all(_username_char(ch) for ch in username):
        return ("Tên đăng nhập chỉ gồm chữ cái tiếng Việt hoặc a–z, chữ số và các dấu . _ - @ "
                "(ví dụ nguyenvanan). Hãy đặt tên khác.")
    return None


def _username_char(ch: str) -> bool:
    if ch.isascii():
        return ch.isalnum() or ch in _USERNAME_PUNCT
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    return (base.isascii() and base.isalpha() or base == "đ") and all(m in _VIETNAMESE_MARKS for m in marks)


def clip_for_log(text: str, limit: int = MAX_USERNAME) -> str:
    """Untrusted text (a name typed at a failed sign-in) made safe to store: hidden characters shown
    as “?”, at most `limit` characters, so nobody can fill the audit log or hide text in it."""
    visible = "".join("?" if invisible_characters(ch) else ch for ch in text)
    return visible if len(visible) <= limit else visible[:limit - 1] + "…"
