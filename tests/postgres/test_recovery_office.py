"""Recovery from an office whose database is PostgreSQL (issue 14 point 4 at a large upper office).

A commune sends its full package to an office on PostgreSQL, then edits on its laptop what the office
never receives. The office writes the recovery package from PostgreSQL; the commune (SQLite) previews it,
takes it in, and `antq stats --json` gives the same digest for the commune at both. A second recovery
package from the office is numbered 2.
"""

import json

from tests.postgres import clerks


def ok(result):  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result


def digest(tmp_path, pc, db, unit):  # type: ignore[no-untyped-def]
    out = ok(clerks.antq(tmp_path / f"home-{pc}", db, "stats", "--json")).stdout
    return json.loads(out)["units"][unit]["digest"]


def test_an_office_on_postgresql_sends_a_recovery_package_the_commune_takes_in(postgres_server, tmp_path):
    office = postgres_server.create_database("antq_recovery_office")
    commune = str(tmp_path / "hk.sqlite3")
    run = {"xa": lambda *a: ok(clerks.antq(tmp_path / "home-xa", commune, *a)),
           "pc": lambda *a: ok(clerks.antq(tmp_path / "home-pc", office, *a))}
    run["xa"]("init", "--role", "commune", "--unit", "00070", "--officer", "Nguyễn Văn An")
    run["xa"]("demo", "--households", "30", "--seed", "4")
    run["pc"]("init", "--role", "district", "--unit", "CUM-01", "--name", "Cụm công an khu vực 1", "--officer",
              "Trần Văn Bình")
    run["xa"]("key", "export", "--out", str(tmp_path / "hk.antqkey"))
    run["pc"]("key", "export", "--out", str(tmp_path / "cum.antqkey"))
    run["pc"]("trust", "add", str(tmp_path / "hk.antqkey"))
    run["xa"]("recipient", "set", str(tmp_path / "cum.antqkey"))
    run["xa"]("export", "--out", str(tmp_path / "p1.antq"), "--full")
    assert "ĐÃ NHẬP" in run["pc"]("merge", str(tmp_path / "p1.antq")).stdout
    run["xa"]("demo", "--households", "5", "--seed", "9")  # on the laptop only: the office never gets these
    assert digest(tmp_path, "xa", commune, "00070") != digest(tmp_path, "pc", office, "00070")

    package = str(tmp_path / "khoi-phuc.antq")
    run["pc"]("recovery", "build", "--unit", "00070", "--out", package)
    assert "xóa" in run["xa"]("recovery", "preview", package).stdout.lower()
    run["xa"]("recovery", "apply", package, "--yes")
    assert digest(tmp_path, "xa", commune, "00070") == digest(tmp_path, "pc", office, "00070")
    again = run["pc"]("recovery", "build", "--unit", "00070", "--out", str(tmp_path / "khoi-phuc-2.antq")).stdout
    assert "số 2" in again
