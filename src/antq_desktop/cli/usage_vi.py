"""argparse's own English texts (usage errors, help headings) in Vietnamese.

argparse builds its messages from fixed English templates (through gettext, for which no Vietnamese
catalogue exists); the parser in cli/main.py passes its messages and help through `translate_error`
and `translate_help`. Each template becomes a pattern whose placeholders keep the user's own words.
"""

from __future__ import annotations

import re

# (argparse's template, the Vietnamese one): placeholders {0}, {1} take the template's %-fields in order.
_ERRORS: tuple[tuple[str, str], ...] = (
    ("the following arguments are required: %s", "thiếu tham số bắt buộc: {0}"),
    ("invalid choice: %(value)r (choose from %(choices)s)", "lựa chọn không hợp lệ: {0} (chọn một trong: {1})"),
    ("unrecognized arguments: %s", "tham số không nhận ra: {0}"),
    ("expected one argument", "cần đúng một giá trị"),
    ("expected at least one argument", "cần ít nhất một giá trị"),
    ("expected at most one argument", "cần nhiều nhất một giá trị"),
    ("expected %s arguments", "cần {0} giá trị"),
    ("expected %s argument", "cần {0} giá trị"),
    ("invalid %(type)s value: %(value)r", "giá trị không hợp lệ ({0}): {1}"),
    ("not allowed with argument %s", "không dùng chung được với tham số {0}"),
    ("one of the arguments %s is required", "cần một trong các tham số {0}"),
    ("ambiguous option: %(option)s could match %(matches)s", "tùy chọn mơ hồ: {0} có thể là {1}"),
    ("ignored explicit argument %r", "tham số không nhận giá trị: {0}"),
    ("can't open '%(filename)s': %(error)s", "không mở được “{0}”: {1}"),
    ("argument %(argument_name)s: %(message)s", "tham số {0}: {1}"),
)

_HELP: tuple[tuple[str, str], ...] = (
    ("usage: ", "cách dùng: "),
    ("positional arguments:", "tham số:"),
    ("optional arguments:", "tùy chọn:"),
    ("options:", "tùy chọn:"),
    ("show this help message and exit", "xem hướng dẫn này rồi thoát"),
    ("show program's version number and exit", "xem số phiên bản rồi thoát"),
)

USAGE_PREFIX = "cách dùng: "
ERROR_WORD = "lỗi"


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"%(?:\([a-z_]+\))?[sr]", template)
    return re.compile("^" + "(.+?)".join(re.escape(part) for part in parts) + "$", re.DOTALL)


_ERROR_PATTERNS = tuple((_pattern(english), vietnamese) for english, vietnamese in _ERRORS)


def translate_error(message: str) -> str:
    """argparse's error message in Vietnamese (nested: "argument X: invalid choice…" both parts)."""
    for pattern, vietnamese in _ERROR_PATTERNS:
        match = pattern.match(message)
        if match:
            return vietnamese.format(*(translate_error(group) for group in match.groups()))
    return message


def translate_help(text: str) -> str:
    """Usage and -h help with argparse's headings in Vietnamese."""
    for english, vietnamese in _HELP:
        text = text.replace(english, vietnamese)
    return text
