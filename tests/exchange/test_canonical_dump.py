"""The orjson route to canonical JSON (exchange/canonical_dump.py) gives the reference bytes or declines;
the package writer's lines and the stored form's canonical_json/canonical_bytes stay byte-identical."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta, timezone
from enum import IntEnum
from typing import Any

import pytest

from antq_desktop.exchange.canonical_dump import orjson_canonical
from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.package_writer import _RecordLines
from antq_desktop.exchange.strict_json import MAX_SAFE_INT, dumps_record_line
from antq_desktop.storage.canonical import canonical_bytes, canonical_json, digest_records, to_json_value


def reference(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


class Level(IntEnum):
    HIGH = 3


TEXTS = [
    "", "Nguyễn Văn Thắng", "Nguye\u0302\u0303n (NFD)", "Hộ ông Trần\nTổ 3", "tab\there", "quote \" inside",
    "back\\slash", "nul \x00", "unit sep \x1f", "del \x7f", "line sep \u2028 para \u2029", "bidi \u202e",
    "zero width \u200b", "emoji 🇻🇳 👍🏽", "CJK 越南", "ASCII only", "/slash/", "\ud800 lone", "ơ ư ă â đ ê ô",
    "\\n not a newline", "\\\n", "\\\\\"", "\"\\\"", "\\", "\\\\", "\"", "\\u0041", "end\\", '{"a":"b\\"c"}',
]
NUMBERS: list[Any] = [0, -1, 1, 2**31, 2**53 - 1, 2**53, -(2**53), 2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63),
                      -(2**63) - 1, 10**30, True, False, None, 0.5, 87.5, 1e16, 1e-7, -0.0, Level.HIGH]
KEYS = ["type", "id", "z", "Z", "a", "ă", "â", "đ", "e\u0301", "é", "_", "10", "9", "🇻🇳", "key\n", "k\"q"]


def varied(seed: int, count: int) -> list[Any]:
    rng = random.Random(seed)
    pool = TEXTS + NUMBERS
    out: list[Any] = []
    for _ in range(count):
        size = rng.randint(0, 8)
        if rng.random() < 0.8:
            out.append({rng.choice(KEYS): rng.choice(pool) for _ in range(size)})
        else:
            out.append([rng.choice(pool) for _ in range(size)])
    out += [{t: t for t in TEXTS}, [*NUMBERS], {1: "int key"}, {"nested": {"a": 1}}, {"list": [1, 2]}, "top", 5]
    return out


def outcome(fn: Any, *args: Any) -> tuple[str, Any]:
    try:
        return "ok", fn(*args)
    except (ValueError, TypeError, UnicodeError, PackageError) as exc:
        return "error", type(exc).__name__


@pytest.mark.parametrize("seed", range(4))
def test_orjson_gives_the_reference_bytes_or_declines(seed):
    proved = 0
    for value in varied(seed, 1500):
        fast = orjson_canonical(value)
        if fast is not None:
            assert fast == reference(value).encode("utf-8"), value
            proved += 1
        assert outcome(canonical_json, value) == outcome(reference, value)
        ref = outcome(lambda v: reference(v).encode("utf-8"), value)
        assert outcome(canonical_bytes, value) == ref
    assert proved > 300  # the fast route is taken for the common shapes, not declined for everything


def test_what_orjson_would_spell_differently_is_declined():
    for value in ({"score": 1e16}, {"score": 0.5}, {"n": 2**64}, {"n": Level.HIGH}, {"s": "x\x00"}, {"s": "a\nb"},
                  {"s": "\ud800"}, {1: "a"}, {"d": {"a": 1}}, {"s": "\\\n"}, ["\t"], {"k\n": 1}):
        assert orjson_canonical(value) is None, value
    for value in ({"s": "a\"b"}, {"s": "back\\slash"}, ["\\n", "\\\\\""], {'"k"': "\\"}):  # the two short escapes
        assert orjson_canonical(value) == reference(value).encode("utf-8"), value
    assert orjson_canonical({"n": 2**53}, MAX_SAFE_INT) is None
    assert orjson_canonical({"ok": "Nguyễn", "n": 2**53 - 1, "b": True, "x": None}, MAX_SAFE_INT) is not None


@pytest.mark.parametrize("seed", range(4))
def test_the_writer_lines_are_the_strict_dumps_lines(seed):
    lines = _RecordLines(1_000_000)
    for value in varied(seed, 1500):
        if not isinstance(value, dict):
            continue
        record = {**value, "type": "household"}
        expected = outcome(dumps_record_line, dict(record), 16)
        got = outcome(lines.line, record)
        assert (got[0], got[1][1] if got[0] == "ok" else got[1]) == expected, record
        if got[0] == "ok" and got[1][2]:  # said canonical: exactly canonical_json + LF (the receipt digest)
            assert got[1][1] == canonical_json(record).encode("utf-8") + b"\n"


def test_digest_records_is_unchanged():
    import hashlib

    records = [v for v in varied(9, 400) if isinstance(v, dict)
               and outcome(reference, v)[0] == "ok" and outcome(lambda x: reference(x).encode(), v)[0] == "ok"]
    hasher = hashlib.sha256()
    for record in records:
        hasher.update(reference(record).encode("utf-8") + b"\n")
    assert digest_records(records) == hasher.hexdigest()


def test_to_json_value_writes_times_as_before():
    moments = [datetime(2026, 1, 2, 3, 4, 5), datetime(2026, 12, 31, 23, 59, 59, 999999), datetime(1000, 1, 1),
               datetime(999, 5, 6, 7, 8, 9), datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59),
               datetime(2026, 6, 1, 12, 0, tzinfo=UTC),
               datetime(2026, 6, 1, 12, 0, tzinfo=timezone(timedelta(hours=7)))]
    for moment in moments:
        assert to_json_value(moment) == moment.strftime("%Y-%m-%dT%H:%M:%SZ"), moment
    assert to_json_value(date(2026, 2, 3)) == "2026-02-03"
    assert to_json_value("2026-02-03") == "2026-02-03" and to_json_value(None) is None
