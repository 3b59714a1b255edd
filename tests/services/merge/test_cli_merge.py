"""`antq merge`: exit 0 when merged/duplicate/held, 3 when a package was refused; --dry-run writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import PASSWORD

from antq_desktop.cli.main import main
from antq_desktop.services import demo
from antq_desktop.services.office import stats

from .conftest import Commune, trust


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)


def test_merge_command(env, upper_sqlite, commune: Commune, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    demo.generate(commune.store, households=12, seed=41)
    trust(upper_sqlite, commune)
    good = commune.export(upper_sqlite)
    bad = tmp_path / "bad.antq"
    data = good.read_bytes()
    bad.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    db = upper_sqlite.url.removeprefix("sqlite:///")

    assert main(["--db", db, "merge", "--dry-run", str(good)]) == 0
    out = capsys.readouterr().out
    assert "XEM TRƯỚC" in out and "household: 12 mới" in out and "Chưa ghi gì" in out

    assert main(["--db", db, "merge", str(bad), str(good)]) == 3
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("TỪ CHỐI [BAD_SIGNATURE]: bad.antq")
    assert out[1].startswith("ĐÃ NHẬP: ")
    with upper_sqlite.session_factory() as session:
        assert stats.unit_stats(session, commune.code).counts["households"] == 12

    assert main(["--db", db, "merge", "--json", str(good)]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["status"] == "duplicate" and row["producer"] == commune.code
