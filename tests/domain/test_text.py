import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from antq_desktop.domain.text import fold, nfc, person_sort_key, sort_key


def test_fold_ignores_case_and_diacritics():
    assert fold("Nguyễn Văn An") == "nguyen van an"
    assert fold("ĐƯỜNG") == "duong"
    assert fold("  Phường   Hoàn Kiếm ") == "phuong hoan kiem"


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
