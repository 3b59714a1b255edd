"""Strict JSON for untrusted input, and canonical JSON for bytes that get hashed or signed.

Python's ``json`` module is lenient in ways that matter for signed data: duplicate keys
(last one silently wins, so two readers can disagree), NaN/Infinity, 1e400 -> inf, lone
surrogates from ``\\ud800`` escapes. Everything here refuses those with ``PackageError``.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import orjson

from .errors import MALFORMED, TOO_LARGE, VALIDATION_ERROR, PackageError

# Integers outside this range do not survive a round trip through JavaScript or a double.
MAX_SAFE_INT = 2**53 - 1
DEFAULT_MAX_DEPTH = 32

# Characters that can hide or reorder text on screen, or break lines and terminals:
# C0/C1 controls, DEL, zero-width characters, BOM, bidi embeddings/overrides/isolates/marks,
# line/paragraph separators, and surrogates (only reachable through \u escapes).
_FORBIDDEN_BASE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff"
)
_FORBIDDEN_NO_NEWLINE = re.compile(f"[{_FORBIDDEN_BASE}\t\n]")
_FORBIDDEN_WITH_NEWLINE = re.compile(f"[{_FORBIDDEN_BASE}]")


def _fail(message: str, code: str = MALFORMED) -> PackageError:
    return PackageError(code, detail=message)


def check_text(s: str, *, allow_newlines: bool = False, field: str = "") -> str:
    """Refuse invisible/control/bidi characters and return the NFC form of ``s``.

    ``allow_newlines`` permits LF and TAB only (for free-text notes); CR is always refused so
    that line endings are one canonical byte.
    """
    if not isinstance(s, str):
        raise _fail(f"not a string: {field}", VALIDATION_ERROR)
    pattern = _FORBIDDEN_WITH_NEWLINE if allow_newlines else _FORBIDDEN_NO_NEWLINE
    bad = pattern.search(s)
    if bad is not None:
        raise PackageError(
            VALIDATION_ERROR,
            detail=f"forbidden character U+{ord(bad.group()):04X} in {field or 'text'}",
        )
    if unicodedata.is_normalized("NFC", s):
        return s
    return unicodedata.normalize("NFC", s)


def _reject_constant(name: str) -> Any:
    raise _fail(f"non-finite number {name}")


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _fail("number overflows to infinity")
    return value


def _parse_int(text: str) -> int:
    # Checked on the digit count first so a 10 MB integer is not converted at all.
    if len(text) > 17:
        raise _fail("integer too long")
    value = int(text)
    if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
        raise _fail("integer outside the safe range")
    return value


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _fail("duplicate key in object")
    return result


_DECODER = json.JSONDecoder(
    object_pairs_hook=_no_duplicates,
    parse_constant=_reject_constant,
    parse_float=_parse_float,
    parse_int=_parse_int,
)


def _walk(value: Any, depth: int, max_depth: int, allow_newlines: bool) -> Any:
    """Check depth and every string (keys never allow newlines); return NFC copies."""
    if depth > max_depth:
        raise _fail("JSON nested too deeply", TOO_LARGE)
    if isinstance(value, str):
        return check_text(value, allow_newlines=allow_newlines)
    if isinstance(value, dict):
        return {check_text(k, field="key"): _walk(v, depth + 1, max_depth, allow_newlines) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, depth + 1, max_depth, allow_newlines) for v in value]
    return value


def loads_strict(
    data: bytes,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_size: int | None = None,
    allow_newlines: bool = True,
) -> Any:
    """Parse untrusted UTF-8 JSON bytes; every string comes back checked and NFC-normalised.

    Raises ``PackageError`` MALFORMED (syntax, encoding, duplicates, NaN...), TOO_LARGE
    (size or depth) or VALIDATION_ERROR (forbidden characters).
    """
    if max_size is not None and len(data) > max_size:
        raise _fail("JSON text too large", TOO_LARGE)
    fast = _loads_canonical(data, max_depth, allow_newlines)
    if fast is not None:
        return fast
    try:
        text = data.decode("utf-8")  # strict: invalid UTF-8 and encoded surrogates refused
    except UnicodeDecodeError as exc:
        raise _fail(f"invalid UTF-8: {exc.reason}") from None
    try:
        value, end = _DECODER.raw_decode(text)
    except PackageError:
        raise
    except RecursionError:
        raise _fail("JSON nested too deeply", TOO_LARGE) from None
    except (ValueError, TypeError) as exc:
        raise _fail(f"invalid JSON: {exc}") from None
    # No whitespace around the value: one byte sequence per line, CR/LF included.
    if end != len(text):
        raise _fail("trailing data after JSON value")
    if text[:1] in (" ", "\t", "\r", "\n"):
        raise _fail("leading whitespace before JSON value")
    if _text_is_clean(data, text, value, max_depth, allow_newlines):
        return value
    return _walk(value, 0, max_depth, allow_newlines)


def _loads_canonical(data: bytes, max_depth: int, allow_newlines: bool) -> dict[str, Any] | None:
    """Fast path for an object line in the writer's canonical form (issue 18), or None for the strict parser.

    The proof: orjson's value, dumped again with sorted keys, gives back exactly these bytes. So the
    text has no whitespace, no duplicate key (the second copy would be missing from the re-dump), no
    NaN, infinity, exponent or -0 (each re-dumps differently), no raw control character below U+0020
    (the re-dump escapes them) and valid UTF-8 without lone surrogates; parsers agree on such text.
    Only a flat object with ASCII keys passes (depth 1; nested values take the strict walk); its values
    get the strict walk's own checks, cheaply: see `_flat_values_are_clean`. Any doubt: None, and the
    strict parser decides.
    """
    try:
        value = orjson.loads(data)
        if type(value) is not dict or orjson.dumps(value, option=orjson.OPT_SORT_KEYS) != data:
            return None
    except (orjson.JSONDecodeError, orjson.JSONEncodeError, TypeError, ValueError):
        return None
    if max_depth >= 1 and _flat_values_are_clean(data, value, allow_newlines):
        return value
    return None


_RISKY_ESCAPE_BYTES = re.compile(rb'\\[^nt"\\/]')


def _flat_values_are_clean(data: bytes, value: dict[str, Any], newlines: bool) -> bool:
    """Whether the strict walk (`check_text` on every key and string) would keep every string of this
    canonical flat object as it is, and every integer is in the safe range.

    Why this is sound: the only escapes left (anything else sends the line to the strict parser) are
    \\n \\t \\" \\\\ \\/, so no string holds a control below U+0020 but LF and TAB, and those only where the
    line has their escape (never in a key: keys allow no newline). DEL is looked for in the bytes. An ASCII
    string is then clean and NFC (`isascii` is a flag of the string, no scan); each other string (a name, an
    address: one or two per record) gets the forbidden-character search and the NFC test itself."""
    escapes = False
    if b"\\" in data:
        if _RISKY_ESCAPE_BYTES.search(data) is not None:
            return False
        escapes = b"\\n" in data or b"\\t" in data
        if escapes and not newlines:
            return False
    if b"\x7f" in data:
        return False
    keys = "".join(value)  # every key at once: one scan, not a call per key
    if not keys.isascii() or (escapes and ("\n" in keys or "\t" in keys)):
        return False
    ascii_only = data.isascii()  # then so is every string: \u escapes never reach here
    for item in value.values():
        kind = type(item)
        if kind is str:
            if not ascii_only and not item.isascii() and (_FORBIDDEN_WITH_NEWLINE.search(item) is not None
                                                          or not unicodedata.is_normalized("NFC", item)):
                return False
        elif kind is int:
            if not -MAX_SAFE_INT <= item <= MAX_SAFE_INT:
                return False  # the strict parser's refusal
        elif kind is dict or kind is list:
            return False  # nested: the strict walk checks the depth
    return True


# A backslash followed by anything but n, t, ", \ or / (conservative: may over-match).
_RISKY_ESCAPE = re.compile(r'\\[^nt"\\/]')


def _text_is_clean(data: bytes, text: str, value: Any, max_depth: int, newlines: bool) -> bool:
    """Fast path: decide for the whole line at once whether every string is acceptable.

    Why this is sound: JSON forbids raw controls inside strings, so each string is its slice
    of ``text`` with at most the escapes \\n \\t \\" \\\\ \\/ decoded (any other escape
    sends us to the slow walk). The delimiters and these characters never compose with a
    neighbour, so an NFC text has only NFC strings. The bracket count bounds the depth.
    LF/TAB escapes are allowed only in values, so they take the fast path only for a flat
    object, whose keys are checked directly. ``False`` means "use the slow walk".
    """
    brackets = data.count(b"[") + data.count(b"{")
    if brackets > max_depth:
        return False
    if b"\\" in data:
        if _RISKY_ESCAPE.search(text) is not None:
            return False
        if "\\n" in text or "\\t" in text:
            if not newlines or brackets != 1 or not isinstance(value, dict):
                return False
            if any("\n" in key or "\t" in key for key in value):
                return False
    if _FORBIDDEN_WITH_NEWLINE.search(text) is not None:
        return False
    return unicodedata.is_normalized("NFC", text)


def _check_canonical_value(value: Any, depth: int = 0) -> None:
    if depth > DEFAULT_MAX_DEPTH:
        raise _fail("canonical JSON nested too deeply", VALIDATION_ERROR)
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
            raise _fail("integer outside the safe range", VALIDATION_ERROR)
        return
    if isinstance(value, str):
        if check_text(value, allow_newlines=True) != value:
            raise _fail("canonical JSON strings must already be NFC", VALIDATION_ERROR)
        return
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str) or not k.isascii():
                raise _fail("canonical JSON keys must be ASCII strings", VALIDATION_ERROR)
            _check_canonical_value(v, depth + 1)
        return
    if isinstance(value, list):
        for v in value:
            _check_canonical_value(v, depth + 1)
        return
    # Floats are refused: their shortest text form differs between languages.
    raise _fail(f"type {type(value).__name__} not allowed in canonical JSON", VALIDATION_ERROR)


def canonical_dumps(value: Any) -> bytes:
    """Canonical form: ASCII keys sorted, no whitespace, UTF-8 (not \\u-escaped), ints only.

    The caller must pass NFC strings; a non-NFC string is refused rather than silently
    changed, so the signed bytes are always what the caller meant.
    """
    _check_canonical_value(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def dumps_line(record: dict[str, Any], normalise: Callable[[Any], Any] | None = None) -> bytes:
    """One JSON Lines record: compact, sorted keys, UTF-8, terminated by LF."""
    value = normalise(record) if normalise else record
    try:
        text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (ValueError, TypeError) as exc:
        raise PackageError(VALIDATION_ERROR, detail=f"record not serialisable: {exc}") from None
    return text.encode("utf-8") + b"\n"


def _flat_and_plain(record: dict[str, Any]) -> bool:
    """True for the common record shape: string keys without LF/TAB, safe scalar values."""
    for key, value in record.items():
        if type(key) is not str or "\n" in key or "\t" in key:
            return False
        kind = type(value)
        if kind is str or kind is bool or value is None:
            continue
        if kind is int:
            if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
                return False
        elif kind is float:
            if not math.isfinite(value):
                return False
        else:
            return False
    return True


def dumps_record_line(record: dict[str, Any], max_depth: int = DEFAULT_MAX_DEPTH) -> bytes:
    """``dumps_line`` with the writer-side checks of ``normalise_record``, fast when possible.

    A flat record whose serialised text has no escapes, no forbidden characters and is
    NFC needs no per-string work (same argument as ``_text_is_clean``).
    """
    if type(record) is dict and _flat_and_plain(record):
        text = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        if (
            _RISKY_ESCAPE.search(text) is None
            and _FORBIDDEN_WITH_NEWLINE.search(text) is None
            and unicodedata.is_normalized("NFC", text)
        ):
            return text.encode("utf-8") + b"\n"
    return dumps_line(record, lambda r: normalise_record(r, 0, max_depth))


def normalise_record(value: Any, depth: int = 0, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """Writer-side twin of the reader's checks: NFC strings, no forbidden characters."""
    if depth > max_depth:
        raise PackageError(VALIDATION_ERROR, detail="record nested too deeply")
    if isinstance(value, str):
        return check_text(value, allow_newlines=True)
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise PackageError(VALIDATION_ERROR, detail="record keys must be strings")
            key = check_text(k, field="key")
            if key in out:
                raise PackageError(VALIDATION_ERROR, detail=f"duplicate key after NFC: {key}")
            out[key] = normalise_record(v, depth + 1, max_depth)
        return out
    if isinstance(value, (list, tuple)):
        return [normalise_record(v, depth + 1, max_depth) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        if not -MAX_SAFE_INT <= value <= MAX_SAFE_INT:
            raise PackageError(VALIDATION_ERROR, detail="integer outside the safe range")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise PackageError(VALIDATION_ERROR, detail="non-finite number")
        return value
    raise PackageError(VALIDATION_ERROR, detail=f"type {type(value).__name__} not allowed")
