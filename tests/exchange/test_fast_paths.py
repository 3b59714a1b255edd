"""The fast whole-line checks must decide exactly like the slow per-string walk."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.strict_json import (
    _DECODER,
    _walk,
    dumps_line,
    dumps_record_line,
    loads_strict,
    normalise_record,
)

# Characters that matter: Vietnamese in both forms, combining marks, escapes, controls,
# hidden characters, quotes and backslashes.
ALPHABET = list('aeĐđệê\u0301\u0302\u0323\u0300 "\\/\n\t\r\x00\x1f\x7f\x80\x85\x9f\xa0\u061c\u200b\u200d\u202e\u2060'
                '\u2066\ufeff\ufffe\uffff\u2028{}[]:,u0')
texts = st.text(alphabet=ALPHABET, max_size=12)
scalars = st.none() | st.booleans() | st.integers(-(2**60), 2**60) | st.floats() | texts
values = st.recursive(
    scalars,
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(texts, kids, max_size=3),
    max_leaves=8,
)
records = st.dictionaries(texts, values, max_size=5)


def outcome(fn: Any, *args: Any, **kw: Any) -> tuple[str, Any]:
    try:
        return "ok", fn(*args, **kw)
    except PackageError as exc:
        return exc.code, None


def slow_loads(data: bytes, max_depth: int, allow_newlines: bool) -> Any:
    value = _DECODER.decode(data.decode("utf-8"))
    return _walk(value, 0, max_depth, allow_newlines)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(record=records, ascii_only=st.booleans(), depth=st.integers(1, 4), newlines=st.booleans())
def test_loads_fast_path_matches_slow_walk(
    record: dict[str, Any], ascii_only: bool, depth: int, newlines: bool
) -> None:
    try:
        data = json.dumps(record, ensure_ascii=ascii_only, separators=(",", ":")).encode("utf-8", "surrogatepass")
    except ValueError:
        return
    try:
        slow = ("ok", slow_loads(data, depth, newlines))
    except PackageError as exc:
        slow = (exc.code, None)
    except ValueError:
        return  # NaN and friends: refused before either path runs
    fast = outcome(loads_strict, data, max_depth=depth, allow_newlines=newlines)
    if slow[0] == "ok":
        assert fast == slow
    else:
        assert fast[0] != "ok"


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(record=records)
def test_writer_fast_path_matches_slow_normalisation(record: dict[str, Any]) -> None:
    slow = outcome(dumps_line, record, lambda r: normalise_record(r, 0, 16))
    fast = outcome(dumps_record_line, record, 16)
    assert fast[0] == slow[0]
    if slow[0] == "ok":
        assert fast[1] == slow[1]


def _sorted_line(record: dict[str, Any], ascii_only: bool) -> bytes | None:
    try:
        return json.dumps(record, sort_keys=True, ensure_ascii=ascii_only,
                          separators=(",", ":")).encode("utf-8", "surrogatepass")
    except ValueError:
        return None


def _strict_outcome(data: bytes, depth: int, newlines: bool) -> tuple[str, Any]:
    try:
        return "ok", slow_loads(data, depth, newlines)
    except PackageError as exc:
        return exc.code, None
    except ValueError:
        return "refused", None


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(record=records, ascii_only=st.booleans(), depth=st.integers(1, 4), newlines=st.booleans(),
       number=st.integers(-(2**70), 2**70) | st.floats(allow_nan=True, allow_infinity=True))
def test_orjson_canonical_path_matches_strict_parser(record: dict[str, Any], ascii_only: bool, depth: int,
                                                     newlines: bool, number: Any) -> None:
    """Issue 18: lines in the writer's own form take orjson; the answer is the strict parser's."""
    for line in (_sorted_line(record, ascii_only), _sorted_line({**record, "n": number}, ascii_only)):
        if line is None:
            continue
        strict = _strict_outcome(line, depth, newlines)
        fast = outcome(loads_strict, line, max_depth=depth, allow_newlines=newlines)
        if strict[0] == "ok":
            assert fast == strict
        else:
            assert fast[0] != "ok"


@pytest.mark.parametrize("line", [
    b'{"a":1,"a":1}', b'{"a":1,"b":2,"b":2}', b'{"a":9007199254740992}', b'{"a":-9007199254740992}',
    b'{"a":1e400}', b'{"a":NaN}', b'{"a":"\\ud800"}', b'{"a":"x\xff"}', b'{"a":"\xe2\x80\xae"}',
    b'{"a\\n":1}',
    # issue 18's per-string checks: each forbidden character raw in a value and in a key (DEL in ASCII text
    # too), escaped TAB in a key, escapes of other controls
    *[('{"a":"x' + ch + 'y","b":1}').encode() for ch in "\x7f\x80\x9f\u061c\u200b\u202e\u2066\ufeff\ufffe\uffff\u2028"],
    *[('{"k' + ch + '":1}').encode() for ch in "\x7f\x85\u061c\u200b\ufeff"],
    b'{"a\\t":"x"}', b'{"a":"\\u0001"}', b'{"a":"x\\r"}',
])
def test_hostile_canonical_looking_lines_are_refused(line: bytes) -> None:
    """The duplicate-key, number, encoding and hidden-character rules hold on the fast path too."""
    with pytest.raises(PackageError):
        loads_strict(line, allow_newlines=True)


def test_non_nfc_text_comes_back_nfc() -> None:
    assert loads_strict('{"a":"e\u0301"}'.encode()) == {"a": "\u00e9"}
    assert loads_strict('{"e\u0301":"x"}'.encode()) == {"\u00e9": "x"}  # a key too


def test_escaped_newlines_follow_allow_newlines_on_the_fast_path() -> None:
    line = '{"a":"Nguyễn\\nVăn","b":"x\\ty","c":1}'.encode()
    assert loads_strict(line, allow_newlines=True) == {"a": "Nguyễn\nVăn", "b": "x\ty", "c": 1}
    with pytest.raises(PackageError):
        loads_strict(line, allow_newlines=False)
    with pytest.raises(PackageError):
        loads_strict('{"a":"Nguyễn","b":1}'.encode(), max_depth=0)


def _lines_one_by_one(pieces: list[bytes], max_line: int) -> Any:
    """The reader's line splitter before it split whole pieces: a search and a copy per line."""
    from antq_desktop.exchange.errors import MALFORMED, TOO_LARGE

    buf = bytearray()
    for piece in pieces:
        buf += piece
        start = 0
        while (end := buf.find(b"\n", start)) >= 0:
            if end - start > max_line:
                raise PackageError(TOO_LARGE, detail="payload line too long")
            yield bytes(buf[start:end])
            start = end + 1
        del buf[:start]
        if len(buf) > max_line:
            raise PackageError(TOO_LARGE, detail="payload line too long")
    if buf:
        raise PackageError(MALFORMED, detail="last payload line has no line feed")


def _all_lines(splitter: Any, pieces: list[bytes], max_line: int) -> tuple[list[bytes], str | None]:
    """The lines yielded, and the refusal after them (None: a clean end)."""
    out: list[bytes] = []
    try:
        for line in splitter(iter(pieces), max_line):
            out.append(line)
    except PackageError as exc:
        return out, exc.code
    return out, None


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.binary(max_size=12).map(lambda b: b.replace(b"\x01", b"\n")), max_size=8)
       | st.lists(st.sampled_from([b"", b"\n", b"ab", b"abc\n", b"\nx", b"long-line-here", b"\n\n"]), max_size=10),
       st.integers(0, 8))
def test_lines_split_per_piece_as_one_by_one(pieces: list[bytes], max_line: int) -> None:
    # same lines, same refusal (a line over the cap, a last line without LF) after the same lines
    from antq_desktop.exchange.package_reader import _lines

    assert _all_lines(_lines, pieces, max_line) == _all_lines(_lines_one_by_one, pieces, max_line)


def test_a_long_line_is_refused_after_the_lines_before_it_in_its_piece() -> None:
    from antq_desktop.exchange.package_reader import _lines

    assert _all_lines(_lines, [b"ok\nalso\n" + b"x" * 9 + b"\nnever\n"], 8) == ([b"ok", b"also"], "TOO_LARGE")
    assert _all_lines(_lines, [b"ok\npart", b"ial" * 4], 8) == ([b"ok"], "TOO_LARGE")  # unfinished, yet too long
    assert _all_lines(_lines, [b"ok\nno-end"], 8) == ([b"ok"], "MALFORMED")
