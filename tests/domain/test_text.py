import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from antq_desktop.domain.text import fold, nfc, person_sort_key, sort_key


def test_fold_ignores_case_and_diacritics():
    assert fold("Nguyễn Văn An") == "nguyen van an"
    assert fold("ĐƯỜNG") == "duong"
    assert fold("  Phường   Hoàn Kiếm ") == "phuong hoan kiem"


def _fold_by_definition(text: str | None) -> str:
    """What fold was before its fast path: every combining mark of the decomposition dropped, case folded,
    whitespace runs collapsed and trimmed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", stripped.casefold()).strip()


_VIETNAMESE = ("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
               "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_AWKWARD = ("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u034f\u0591\u05b0\u1ab0\u20d0\ufe20"  # marks
            "\u00a0\u2003\u3000\u1680\x1c\x1f\x85\u2028 \t\n"  # whitespace of every kind
            "ßæǣǅŉİıΣσςﬁ日本한국Ω\u212bÅ")  # case and decomposition oddities


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from(_VIETNAMESE + _AWKWARD + "019 .,-/"), max_size=40) | st.text(max_size=20))
def test_fold_is_the_decomposition_with_marks_dropped(text):
    # fold's fast path (one regex pass over U+0300-U+036F) must give what the per-character definition gives
    assert fold(text) == _fold_by_definition(text)


def test_fold_drops_marks_outside_the_common_block():
    assert fold("a\u0591b\u1ab0c Ｑ") == _fold_by_definition("a\u0591b\u1ab0c Ｑ") == "abc ｑ"
    assert fold("Xin\u00a0chào\u3000 bạn") == "xin chao ban"


def test_nfc_composes_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert nfc(decomposed) == "Nguyễn Thị Ánh"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_sort_follows_vietnamese_alphabet_not_code_points():
    words = ["Đức", "Dung", "Ân", "Anh", "Ăn", "Bình", "Ê", "En", "Ơn", "Ông", "Oanh", "Ưng", "Uyên"]
    assert sorted(words, key=sort_key) == ["Anh", "Ăn", "Ân", "Bình", "Dung", "Đức", "En", "Ê", "Oanh", "Ông",
                                           "Ơn", "Uyên", "Ưng"]


def test_tones_order_after_letters():
    # Dictionary order of tones: ngang, huyền, hỏi, ngã, sắc, nặng.
    assert sorted(["má", "mạ", "mà", "ma", "mả", "mã"], key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_shorter_word_first():
    assert sorted(["Anh", "An"], key=sort_key) == ["An", "Anh"]


def test_people_listed_by_given_name():
    names = ["Trần Thị Bình", "Nguyễn Văn An", "Lê Văn Đạt", "Phạm Thị Châu"]
    assert sorted(names, key=person_sort_key) == ["Nguyễn Văn An", "Trần Thị Bình", "Phạm Thị Châu", "Lê Văn Đạt"]


@given(st.text())
def test_fold_is_idempotent_and_ascii_for_vietnamese(text):
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ àáảãạ"))
def test_sort_key_is_plain_ascii_for_vietnamese_text(text):
    key = sort_key(text)
    assert key.isascii()
    assert sort_key(unicodedata.normalize("NFD", text)) == key


def test_numbers_sort_by_value():
    areas = ["Tổ dân phố số 10", "Tổ dân phố số 2", "Tổ dân phố số 1", "Thôn 3", "Tổ dân phố số 21", "Tổ dân phố số 9"]
    assert sorted(areas, key=sort_key) == ["Thôn 3", "Tổ dân phố số 1", "Tổ dân phố số 2", "Tổ dân phố số 9",
                                           "Tổ dân phố số 10", "Tổ dân phố số 21"]


def test_numbers_before_letters_and_leading_zeros_by_value():
    assert sorted(["Tổ B", "Tổ 12", "Tổ 3"], key=sort_key) == ["Tổ 3", "Tổ 12", "Tổ B"]
    assert sorted(["Tổ 010", "Tổ 09", "Tổ 1"], key=sort_key) == ["Tổ 1", "Tổ 09", "Tổ 010"]
    assert sorted(["Khu 2A", "Khu 2", "Khu 10A", "Khu 2B"], key=sort_key) == ["Khu 2", "Khu 2A", "Khu 2B", "Khu 10A"]


@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=2, max_size=8))
def test_numbered_names_follow_number_order(numbers):
    names = [f"Thôn {n}" for n in numbers]
    assert [int(n.split()[1]) for n in sorted(names, key=sort_key)] == sorted(numbers)


def test_person_sort_key_cached_is_the_same() -> None:
    person_sort_key.cache_clear()
    first = [person_sort_key(name) for name in ("Nguyễn Văn An", " Trần  thị Bé ", None, "", "An")]
    assert [person_sort_key(name) for name in ("Nguyễn Văn An", " Trần  thị Bé ", None, "", "An")] == first
    assert first[0] == sort_key("An") + " " + sort_key("Nguyễn Văn")
