import datetime as dt

from antq_desktop.reports.text import dmy, fill, markup, nd30_date, nfc, pct, place_date_line, time_hm


def test_nd30_date_pads_days_below_10_and_months_1_2():
    assert nd30_date(dt.date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert nd30_date(dt.date(2026, 2, 28)) == "ngày 28 tháng 02 năm 2026"
    assert nd30_date(dt.date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"
    assert nd30_date(dt.date(2026, 12, 15)) == "ngày 15 tháng 12 năm 2026"


def test_place_date_line_filled_and_blank():
    assert place_date_line("Hoàn Kiếm", dt.date(2026, 1, 5)) == "Hoàn Kiếm, ngày 05 tháng 01 năm 2026"
    blank = place_date_line(None, None)
    assert blank == "……………, ngày ……… tháng ……… năm 20……"


def test_short_formats():
    assert dmy(dt.date(2026, 1, 5)) == "05/01/2026"
    assert pct(97.45) == "97,5%" and pct(None) == "-"
    assert time_hm(dt.time(8, 5)) == "08 giờ 05 phút"
    assert fill("năm {year}", year=None) == "năm ……"


def test_markup_escapes_and_normalises():
    decomposed = "Nguye\u0302\u0303n & <Co\u0302ng>"
    assert markup(decomposed) == "Nguyễn &amp; &lt;Công&gt;"
    assert nfc("ă") == "ă"


def test_doc_codes():
    import pytest

    from antq_desktop.reports.nd30 import doc_code

    assert doc_code("BC") == "BC-CAX" and doc_code("TTr", "UBND") == "TTr-UBND"
    with pytest.raises(ValueError, match="Không có loại văn bản"):
        doc_code("XX")
