"""How hard a password is to guess (zxcvbn), with the reason in Vietnamese.

Passwords protect the unit's private keys and its backups, so a length and a list of common
passwords are not enough: `aaaaaaaa`, `01011990` and `12345678a` pass both. zxcvbn estimates
the guesses an attacker needs from repeats, sequences, dates, keyboard patterns and
dictionaries; a unit admin (who holds the keys) needs score 3, everyone else 2. Long sentences
(the advice the app gives) score 4 in any language. No composition rules: they weaken passwords.
"""

from __future__ import annotations

from collections.abc import Sequence

MIN_SCORE_ADMIN = 3
MIN_SCORE_OTHERS = 2
_ZXCVBN_MAX_LENGTH = 72  # zxcvbn refuses longer input; a longer passphrase is only stronger than its start

# zxcvbn's feedback (warnings and suggestions, fixed English sentences) in Vietnamese.
_FEEDBACK_VI: dict[str, str] = {
    "Straight rows of keys are easy to guess.": "Các phím liền nhau trên bàn phím rất dễ đoán.",
    "Short keyboard patterns are easy to guess.": "Các kiểu gõ ngắn trên bàn phím rất dễ đoán.",
    'Repeats like "aaa" are easy to guess.': "Ký tự lặp lại (như “aaa”) rất dễ đoán.",
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".':
        "Chuỗi lặp lại (như “abcabcabc”) chỉ khó đoán hơn “abc” một chút.",
    'Sequences like "abc" or "6543" are easy to guess.': "Dãy liên tiếp (như “abc” hay “6543”) rất dễ đoán.",
    "Recent years are easy to guess.": "Các năm gần đây rất dễ đoán.",
    "Dates are often easy to guess.": "Ngày tháng (ngày sinh, ngày kỷ niệm…) rất dễ đoán.",
    "This is a top-10 common password.": "Đây là một trong 10 mật khẩu phổ biến nhất.",
    "This is a top-100 common password.": "Đây là một trong 100 mật khẩu phổ biến nhất.",
    "This is a very common password.": "Đây là mật khẩu rất phổ biến.",
    "This is similar to a commonly used password.": "Mật khẩu này gần giống một mật khẩu phổ biến.",
    "A word by itself is easy to guess.": "Một từ đứng riêng rất dễ đoán.",
    "Names and surnames by themselves are easy to guess.": "Tên hoặc họ đứng riêng rất dễ đoán.",
    "Common names and surnames are easy to guess.": "Họ tên phổ biến rất dễ đoán.",
    "Use a few words, avoid common phrases.": "Hãy dùng vài từ ghép thành câu, tránh các cụm từ quen thuộc.",
    "No need for symbols, digits, or uppercase letters.": "Không cần ký hiệu, chữ số hay chữ hoa.",
    "Add another word or two. Uncommon words are better.": "Hãy thêm một hai từ nữa, càng ít gặp càng tốt.",
    "Use a longer keyboard pattern with more turns.": "Hãy dùng kiểu gõ dài hơn, đổi hướng nhiều hơn.",
    "Avoid repeated words and characters.": "Tránh lặp lại từ và ký tự.",
    "Avoid sequences.": "Tránh các dãy liên tiếp.",
    "Avoid recent years.": "Tránh các năm gần đây.",
    "Avoid years that are associated with you.": "Tránh các năm gắn với bản thân (năm sinh…).",
    "Avoid dates and years that are associated with you.": "Tránh ngày tháng năm gắn với bản thân (ngày sinh…).",
    "Capitalization doesn't help very much.": "Viết hoa chữ đầu không làm mật khẩu khó đoán hơn bao nhiêu.",
    "All-uppercase is almost as easy to guess as all-lowercase.":
        "Viết hoa toàn bộ cũng dễ đoán gần như viết thường.",
    "Reversed words aren't much harder to guess.": "Viết ngược từ cũng không khó đoán hơn bao nhiêu.",
    "Predictable substitutions like '@' instead of 'a' don't help very much.":
        "Thay chữ bằng ký hiệu quen thuộc (như “@” thay cho “a”) không giúp được bao nhiêu.",
}

ADVICE = "Hãy dùng một câu dài dễ nhớ, ví dụ “Sáng nay tôi đi tuần cùng tổ dân phòng”."


def min_score(role: str) -> int:
    return MIN_SCORE_ADMIN if role == "admin" else MIN_SCORE_OTHERS


def strength_problem(password: str, role: str = "officer", user_inputs: Sequence[str] = ()) -> str | None:
    """None if the password is hard enough to guess for `role`, else why not (Vietnamese) and what to do."""
    from zxcvbn import zxcvbn  # type: ignore[import-untyped]  # no hints shipped; word lists load here, not at start

    result = zxcvbn(password[:_ZXCVBN_MAX_LENGTH], user_inputs=[text for text in user_inputs if text])
    if result["score"] >= min_score(role):
        return None
    feedback = result["feedback"]
    reasons = [feedback.get("warning") or "", *feedback.get("suggestions", [])]
    said = " ".join(_FEEDBACK_VI.get(reason, "") for reason in reasons if reason).strip()
    return f"Mật khẩu quá dễ đoán. {said + ' ' if said else ''}{ADVICE}"


def feedback_sentences() -> dict[str, str]:
    """zxcvbn's English sentences and their Vietnamese (a test checks every sentence zxcvbn has is here)."""
    return dict(_FEEDBACK_VI)
