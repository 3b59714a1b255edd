"""`antq form …` and `antq report …` end to end, in a subprocess with ANTQ_PASSWORD."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import PASSWORD, make_store
from tests.forms.conftest import YEAR, add_covenants, fill_demo, first_area
from tests.reports.conftest import pdf_pages, pdf_text_flat

from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import Store


def antq(db: Path, *args: str, password: str = PASSWORD) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANTQ_PASSWORD": password}
    return subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", str(db), *args],
                          capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=300)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli-forms") / "commune.sqlite3"
    store = fill_demo(make_store(path))
    add_covenants(store)
    store.close()
    return path


def _area(db: Path) -> dict:
    from antq_desktop.storage.db import open_store

    store = open_store(db)
    try:
        return first_area(store)
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["pledge", "covenant", "registration", "assessment", "minutes"])
def test_every_kind_for_the_whole_unit(db, tmp_path, kind) -> None:
    out = tmp_path / f"{kind}.pdf"
    result = antq(db, "form", kind, "--all", "--year", str(YEAR), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Đã lưu:") and pdf_pages(out) >= 1


def test_area_by_uuid_and_blank(db, tmp_path) -> None:
    area = _area(db)
    out = tmp_path / "a.pdf"
    assert antq(db, "form", "registration", "--area", area["id"], "--year", str(YEAR), "--out", str(out)) \
        .returncode == 0
    assert area["name"] in pdf_text_flat(out)
    blank = tmp_path / "b.pdf"
    assert antq(db, "form", "assessment", "--blank", "--out", str(blank)).returncode == 0
    text = pdf_text_flat(blank)
    assert text.count("PHIẾU TỰ ĐÁNH GIÁ") == 1 and "Mã hồ sơ" not in text


def test_one_household(db, tmp_path) -> None:
    from antq_desktop.services.records.queries import ListQuery, list_rows
    from antq_desktop.storage.db import open_store

    store = open_store(db)
    pledge = list_rows(store, "pledge", ListQuery(year=YEAR, filters={"signer_kind": "household"}), limit=1)[0]
    store.close()
    out = tmp_path / "h.pdf"
    result = antq(db, "form", "pledge", "--household", pledge["household_id"], "--year", str(YEAR), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert pdf_pages(out) == 1 and pledge["id"] in pdf_text_flat(out)
    wrong = antq(db, "form", "covenant", "--household", pledge["household_id"], "--out", str(out))
    assert wrong.returncode == 2 and "--household chỉ dùng với biểu mẫu pledge" in wrong.stderr


def test_reports(db, tmp_path) -> None:
    for what, name in (("commune", "r.pdf"), ("summary", "s.pdf"), ("summary", "s.xlsx")):
        result = antq(db, "report", what, "--year", str(YEAR), "--out", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).stat().st_size > 1000


@pytest.mark.parametrize(("args", "code", "message"), [
    (["form", "pledge", "--year", "1999", "--all"], 1,
     "Không có bản cam kết hộ gia đình nào của đơn vị trong năm 1999"),
    (["form", "pledge", "--area", "không có"], 1, "Không chọn được khu dân cư “không có”"),
    (["form", "pledge"], 2, "Hãy chọn --area"),
    (["form", "pledge", "--all", "--area", "x"], 2, "không dùng chung được với tham số"),
    (["form", "letter", "--all"], 2, "lựa chọn không hợp lệ"),
    (["report", "commune"], 2, "--out"),
])
def test_errors_are_one_line(db, tmp_path, args, code, message) -> None:
    result = antq(db, *args, *([] if "report" in args else ["--out", str(tmp_path / "x.pdf")]))
    assert result.returncode == code
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "x.pdf").exists()


def test_wrong_suffix_and_password(db, tmp_path) -> None:
    result = antq(db, "report", "summary", "--out", str(tmp_path / "s.csv"))
    assert result.returncode == 2 and ".pdf hoặc .xlsx" in result.stderr
    result = antq(db, "form", "pledge", "--all", "--out", str(tmp_path / "p.pdf"), password="sai mật khẩu")
    assert result.returncode == 1 and "mật khẩu" in result.stderr


def _big_area(store: Store, households: int) -> str:
    area = records.create(store, "residential_area", {"name": "Thôn Đồng Tâm Lớn", "kind": "thon",
                                                      "head_name": "Lê Văn Trưởng"}, actor="admin")
    rng = random.Random(5)
    rows = [{"area_id": area, "head_name": f"Nguyễn Văn Hộ {i:03d}", "address": f"Số {i}, Thôn Đồng Tâm Lớn",
             "members": rng.randint(1, 8)} for i in range(households)]
    ids = records.create_many(store, "household", rows, actor="admin")
    records.create_many(store, "pledge", [{"signer_kind": "household", "household_id": h,
                                           "template_code": "household_pledge", "year": YEAR,
                                           "signed_on": date(YEAR, 2, 3), "status": "signed"} for h in ids],
                        actor="admin")
    return area


@pytest.mark.slow
def test_500_household_area_one_page_each(tmp_path) -> None:
    path = tmp_path / "big.sqlite3"
    store = make_store(path)
    area = _big_area(store, 500)
    store.close()
    out = tmp_path / "area.pdf"
    result = antq(path, "form", "pledge", "--area", area, "--year", str(YEAR), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert pdf_pages(out) == 500
    text = pdf_text_flat(out)
    assert text.count("BẢN CAM KẾT") == 500 and "Nguyễn Văn Hộ 499" in text


# ---------------------------------------------------------------- issue 15: pledges to sign, recognition

def _pledge_households(db: Path) -> tuple[list[str], list[dict]]:
    """Households with a signed pledge this year, and the live households without one."""
    from antq_desktop.services.records.queries import ListQuery, list_rows
    from antq_desktop.storage.db import open_store

    store = open_store(db)
    try:
        signed = [p["household_id"] for p in list_rows(store, "pledge", ListQuery(year=YEAR), limit=100000)
                  if p["status"] == "signed" and p["household_id"]]
        unsigned = [h for h in list_rows(store, "household", limit=100000) if h["id"] not in set(signed)]
    finally:
        store.close()
    return signed, unsigned


def test_unsigned_prints_one_page_per_household_without_a_pledge(db, tmp_path) -> None:
    _, unsigned = _pledge_households(db)
    out = tmp_path / "u.pdf"
    result = antq(db, "form", "pledge", "--unsigned", "--all", "--year", str(YEAR), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert pdf_pages(out) == len(unsigned) > 0
    text = pdf_text_flat(out)
    assert all(h["head_name"] in text for h in unsigned)


def test_household_repeated_or_listed(db, tmp_path) -> None:
    signed, unsigned = _pledge_households(db)
    out = tmp_path / "h.pdf"
    result = antq(db, "form", "pledge", "--household", signed[0], "--household", f"{signed[1]},{signed[2]}",
                  "--year", str(YEAR), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert pdf_pages(out) == 3
    none = antq(db, "form", "pledge", "--household", unsigned[0]["id"], "--year", str(YEAR), "--out", str(out))
    assert none.returncode == 1
    assert unsigned[0]["head_name"] in none.stderr and "chưa có bản cam kết" in none.stderr
    assert "của đơn vị" not in none.stderr
    to_sign = tmp_path / "s.pdf"
    result = antq(db, "form", "pledge", "--unsigned", "--household", f"{unsigned[0]['id']},{signed[0]}",
                  "--year", str(YEAR), "--out", str(to_sign))
    assert result.returncode == 0 and pdf_pages(to_sign) == 1  # the signed one is left out


def test_recognition_with_number_and_date(db, tmp_path) -> None:
    out = tmp_path / "qd.pdf"
    result = antq(db, "form", "recognition", "--year", str(YEAR), "--number", "15", "--date", f"20/11/{YEAR}",
                  "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = pdf_text_flat(out)
    assert "Số: 15/QĐ-UBND" in text and f"ngày 20 tháng 11 năm {YEAR}" in text and "GIẤY CÔNG NHẬN" in text
    bad = antq(db, "form", "recognition", "--date", "2026-11-20", "--out", str(out))
    assert bad.returncode == 2 and "dd/MM/yyyy" in bad.stderr


def test_summary_number_on_the_command_line(db, tmp_path) -> None:
    out = tmp_path / "s.pdf"
    result = antq(db, "report", "summary", "--year", str(YEAR), "--number", "08", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Số: 08/BC-CAX" in pdf_text_flat(out)


def test_a_store_made_by_antq_demo_prints_a_filled_document_of_every_kind(tmp_path) -> None:
    """Issue 15 point 9, as a person tries it: `antq init`, `antq demo`, then `antq form KIND --all` for every
    kind — covenants, meetings, festival days and recognitions included, with no record added by hand."""
    db = tmp_path / "demo.sqlite3"
    assert antq(db, "init", "--role", "commune", "--unit", "00070", "--officer", "Nguyễn Văn An").returncode == 0
    made = antq(db, "demo", "--households", "300", "--seed", "3", "--year", str(YEAR))
    assert made.returncode == 0, made.stderr
    assert "giao ước thi đua" in made.stdout
    for kind in ("pledge", "covenant", "registration", "assessment", "minutes", "festival_report", "recognition"):
        out = tmp_path / f"{kind}.pdf"
        result = antq(db, "form", kind, "--all", "--year", str(YEAR), "--out", str(out))
        assert result.returncode == 0, (kind, result.stderr)
        text = pdf_text_flat(out)
        assert "Mã hồ sơ" in text and "{" not in text, kind  # printed from stored records, every field filled
