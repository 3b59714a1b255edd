"""Issue 14 point 9, the smaller points: a repeated forward is "already merged" (exit 0); `merge`
prints the package id `receipt` needs; refusal lines never name the sender `None` or `?`; `trust
list` never says the bare word "vouched"."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import ACTOR, PASSWORD
from tests.services.forward.test_forward import district_with_two_communes

from antq_desktop.cli.main import main
from antq_desktop.exchange import package_reader
from antq_desktop.services.forward import build as forwarding
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store


@pytest.fixture
def province(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "province.sqlite3")
    profile.initialise(s, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    yield s
    s.close()


def _db(store: Store) -> str:
    return store.url


def test_repeated_forward_exits_0_and_merge_prints_the_package_id(office_sqlite, commune_a, commune_b, province,
                                                                    tmp_path: Path, monkeypatch, capsys) -> None:
    district_with_two_communes(office_sqlite, commune_a, commune_b, province)
    out = tmp_path / "forward.antq"
    forwarding.write_forward(office_sqlite, out, password=PASSWORD, actor=ACTOR)
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    assert main(["--db", _db(province), "merge", str(out)]) == 0
    first = capsys.readouterr().out
    assert f"Mã gói: {package_reader.inspect(out).package_id}" in first
    assert main(["--db", _db(province), "merge", str(out)]) == 0
    again = capsys.readouterr().out
    assert "ĐÃ CÓ" in again and "TỪ CHỐI" not in again and "đã được nhập trước đây" in again


def test_refusal_line_names_the_claimed_sender(office_sqlite, commune_a, tmp_path: Path, monkeypatch,
                                               capsys) -> None:
    path = commune_a.export(office_sqlite)  # signed by a key the office never enrolled: refused unverified
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    assert main(["--db", _db(office_sqlite), "merge", str(path)]) == 3
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("TỪ CHỐI"))
    assert "None" not in line and " ? " not in line and "— ?" not in line
    assert "00004 Phường Ba Đình (theo phần đầu gói, chưa xác thực)" in line
    garbage = tmp_path / "rac.antq"
    garbage.write_bytes(b"not a package at all")
    assert main(["--db", _db(office_sqlite), "merge", str(garbage)]) == 3
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("TỪ CHỐI"))
    assert "không đọc được đơn vị gửi" in line and "None" not in line


def test_trust_list_names_who_vouched(office_sqlite, commune_a, commune_b, province, tmp_path: Path,
                                      monkeypatch, capsys) -> None:
    district_with_two_communes(office_sqlite, commune_a, commune_b, province)
    out = tmp_path / "forward.antq"
    forwarding.write_forward(office_sqlite, out, password=PASSWORD, actor=ACTOR)
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    assert main(["--db", _db(province), "merge", str(out)]) == 0
    capsys.readouterr()
    assert main(["--db", _db(province), "trust", "list"]) == 0
    listing = capsys.readouterr().out
    assert "bảo lãnh bởi CUM-01" in listing and "vouched" not in listing
