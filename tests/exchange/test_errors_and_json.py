from __future__ import annotations

import unicodedata

import pytest

from antq_desktop.exchange import errors
from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.strict_json import canonical_dumps, check_text, loads_strict

ALL_CODES = [
    "BAD_SIGNATURE", "UNKNOWN_KEY", "REVOKED_KEY", "WRONG_RECIPIENT", "TRUNCATED", "MALFORMED",
    "TOO_LARGE", "REPLAY", "SIGNER_MISMATCH", "VALIDATION_ERROR", "BAD_PASSWORD",
    "NO_RECIPIENT", "GAP", "SEQUENCE_JUMP",
]  # fmt: skip


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_required_code_has_a_vietnamese_message(code: str) -> None:
    exc = PackageError(code)
    assert exc.code == code == getattr(errors, code)
    # Full diacritics, ends as a sentence, NFC.
    assert any(ch in exc.message_vi for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
    assert exc.message_vi.endswith(".")
    assert unicodedata.is_normalized("NFC", exc.message_vi)


def test_every_message_is_nfc_and_distinct() -> None:
    messages = list(errors.MESSAGES_VI.values())
    assert len(set(messages)) == len(messages)
    assert all(unicodedata.is_normalized("NFC", m) for m in messages)


def test_custom_message_and_detail() -> None:
    exc = PackageError("MALFORMED", "Thông báo riêng.", detail="x")
    assert exc.message_vi == "Thông báo riêng." and exc.detail == "x"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b'{"a":1,"a":2}', "MALFORMED"),
        (b'{"a":{"b":1,"b":1}}', "MALFORMED"),
        (b"NaN", "MALFORMED"),
        (b"[Infinity]", "MALFORMED"),
        (b"[-Infinity]", "MALFORMED"),
        (b"[1e400]", "MALFORMED"),
        (b"[9007199254740993]", "MALFORMED"),
        (b"1" * 5000, "MALFORMED"),
        (b'"\xff"', "MALFORMED"),
        (b'"\xed\xa0\x80"', "MALFORMED"),  # UTF-8-encoded surrogate
        (b'"\\ud800"', "VALIDATION_ERROR"),  # lone surrogate via escape
        (b'"a\\u202eb"', "VALIDATION_ERROR"),
        (b'"a\\u200bb"', "VALIDATION_ERROR"),
        (b'"\xef\xbb\xbfx"', "VALIDATION_ERROR"),  # BOM inside a string
        (b'\xef\xbb\xbf{"a":1}', "MALFORMED"),  # BOM before the value
        (b'{"a\\u0000":1}', "VALIDATION_ERROR"),
        (b"[" * 40 + b"]" * 40, "TOO_LARGE"),
        (b"[" * 100000 + b"]" * 100000, "TOO_LARGE"),
        (b'{"a":1} {"b":2}', "MALFORMED"),
        (b" {}", "MALFORMED"),
        (b"", "MALFORMED"),
        (b'{"a":1', "MALFORMED"),
    ],
)
def test_loads_strict_refuses(data: bytes, code: str) -> None:
    with pytest.raises(PackageError) as info:
        loads_strict(data)
    assert info.value.code == code


def test_loads_strict_accepts_and_normalises() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    value = loads_strict(('{"n":"' + decomposed + '","x":[1,2.5,true,null],"t":"a\\nb"}').encode())
    assert value == {"n": "Nguyễn Thị Ánh", "x": [1, 2.5, True, None], "t": "a\nb"}
    with pytest.raises(PackageError):
        loads_strict(b'{"t":"a\\nb"}', allow_newlines=False)


def test_loads_strict_size_cap() -> None:
    with pytest.raises(PackageError) as info:
        loads_strict(b"[" + b"1," * 100 + b"1]", max_size=50)
    assert info.value.code == "TOO_LARGE"


@pytest.mark.parametrize(
    "bad", ["a\x00", "a\x1b[31m", "a\x85", "a\u200b", "a\u200c", "a\u200d", "\u2060x",
            "\ufeffx", "\u202ax", "\u202ex", "\u2066x", "\u2069x", "a\rb", "a\u2028b"],
)  # fmt: skip
def test_check_text_refuses_hidden_characters(bad: str) -> None:
    with pytest.raises(PackageError) as info:
        check_text(bad, allow_newlines=True)
    assert info.value.code == "VALIDATION_ERROR"


def test_check_text_newlines_only_when_allowed() -> None:
    assert check_text("a\nb\tc", allow_newlines=True) == "a\nb\tc"
    with pytest.raises(PackageError):
        check_text("a\nb")
    with pytest.raises(PackageError):
        check_text("a\tb")


def test_check_text_returns_nfc() -> None:
    assert check_text(unicodedata.normalize("NFD", "Đặng Thị Hường")) == "Đặng Thị Hường"


def test_canonical_dumps() -> None:
    assert canonical_dumps({"b": [1, {"d": None, "c": True}], "a": "Việt"}) == (
        '{"a":"Việt","b":[1,{"c":true,"d":null}]}'.encode()
    )
    for bad in ({"a": 1.5}, {"a": float("nan")}, {"é": 1}, {"a": "e\u0301"}, {"a": 2**60}):
        with pytest.raises(PackageError) as info:
            canonical_dumps(bad)
        assert info.value.code == "VALIDATION_ERROR"
