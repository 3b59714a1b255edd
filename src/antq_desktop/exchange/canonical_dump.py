"""Canonical JSON through orjson, only where it is proved to give the bytes of the reference form.

The reference (storage/canonical.py ``canonical_json``, the package writer's record lines, every digest):
``json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)`` in UTF-8.
``orjson.dumps(value, option=OPT_SORT_KEYS)`` gives the same bytes for a list, or a dict with string keys,
whose items are str, bool, None or int, when its only escapes are ``\\"`` and ``\\\\``:
- compact separators, ``true``/``false``/``null`` and an int's decimal digits are the same in both;
  an int beyond 64 bits, a lone surrogate or a non-string key make orjson refuse (the caller falls back);
- both write a string's characters as they are except ``"``, ``\\`` and U+0000–U+001F, which valid JSON
  must escape. The control characters have several spellings (``\\u001f``, ``\\n``…): an output with
  any escape but ``\\"`` and ``\\\\`` is declined, so their spelling never matters. ``"`` and ``\\`` are
  written ``\\"`` and ``\\\\`` by both (the short forms; tested), so an output whose only escapes are
  those two is json.dumps's too;
- keys are sorted by code point in json.dumps and by UTF-8 bytes in orjson: the same order for strings
  without surrogates (orjson refuses those);
- floats are left out: the two spell some of them differently (``1e+16`` against ``1e16``).
Anything else (nesting, floats, control characters): None, and the caller uses json.dumps.
Proved on varied records by tests/exchange/test_canonical_dump.py.
"""

from __future__ import annotations

from typing import Any

import orjson

_SORTED = orjson.OPT_SORT_KEYS
_PLAIN = frozenset({str, bool, int, type(None)})  # exact types: subclasses (IntEnum, str enums) take json.dumps


def orjson_canonical(value: Any, max_int: int | None = None) -> bytes | None:
    """The canonical bytes of a flat list or dict, or None when not proved (see the module's docstring).
    ``max_int``: ints beyond ±max_int give None too (the package writer's safe-integer refusal decides)."""
    kind = type(value)
    if kind is dict:
        items = list(value.values())
    elif kind is list:
        items = value
    else:
        return None
    kinds = set(map(type, items))
    if not kinds <= _PLAIN:
        return None
    if max_int is not None and int in kinds:
        ints = [item for item in items if type(item) is int]
        if max(ints) > max_int or min(ints) < -max_int:
            return None
    try:
        out = orjson.dumps(value, option=_SORTED)
    except (orjson.JSONEncodeError, TypeError, ValueError):
        return None
    if b"\\" in out and b"\\" in out.replace(b"\\\\", b"").replace(b'\\"', b""):
        # Pairs taken from the start of each run of backslashes: a run starts an escape, so "\\\\" pairs
        # are escaped backslashes and what is left is an escape of its own (a control character).
        return None
    return out
