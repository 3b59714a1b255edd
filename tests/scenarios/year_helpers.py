"""Helpers for the whole-year scenario: offices and communes driven through the command line in-process
(`antq_desktop.cli.main.main`, as tests/office_year do), and plain SQL counts to check the figures against."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import create_engine, text

from antq_desktop.cli.main import main
from antq_desktop.exchange.keystore import KdfParams, KeyStore
from antq_desktop.services.accounts import login
from antq_desktop.services.keys import registry as keys

PASSWORD = "mot cau rat dai"
YEAR = 2026


@dataclass
class Ran:
    code: int
    out: str
    err: str


def antq(db: str, *args: str, user: str | None = None) -> Ran:
    """One `antq --db DB …` in this process (ANTQ_PASSWORD set by the caller's fixture)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", db, *(["--user", user] if user else []), *args])
    return Ran(code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def fast_keys() -> Iterator[Any]:
    """Argon2id at its minimum cost for the keys and accounts made here: key blobs and password hashes
    carry their parameters, so every later unlock (in this process or another) is fast too."""
    with pytest_monkeypatch() as patch:
        patch.setattr(keys, "KEYSTORE", KeyStore(KdfParams(time_cost=1, memory_cost_kib=8, parallelism=1)))
        patch.setattr(login, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        yield patch


def pytest_monkeypatch() -> Any:
    import pytest

    return pytest.MonkeyPatch.context()


def ok(db: str, *args: str) -> str:
    ran = antq(db, *args)
    assert ran.code == 0, (args, ran.out, ran.err)
    return ran.out


def refused(db: str, code: str, *args: str, exit_code: int = 3) -> str:
    ran = antq(db, *args)
    said = ran.out + ran.err  # merge reports each refused package on stdout, other commands on stderr
    assert ran.code == exit_code and f"[{code}]" in said, (args, ran.code, ran.out, ran.err)
    return said


@dataclass
class Unit:
    """One store in the year: its --db value (a path or a URL), its code and its role."""

    db: str
    code: str
    role: str
    folder: Path
    user: str | None = None  # named once a second account exists

    def run(self, *args: str) -> str:
        ran = antq(self.db, *args, user=self.user)
        assert ran.code == 0, (self.code, args, ran.out, ran.err)
        return ran.out

    def fingerprint(self) -> str:
        return self.run("key", "show").splitlines()[0].split()[-1]

    def key_file(self) -> Path:
        path = self.folder / f"{self.code}.antqkey"
        if not path.exists():
            self.run("key", "export", "--out", str(path))
        return path

    def stats(self, year: int = YEAR) -> dict[str, Any]:
        return dict(json.loads(self.run("stats", "--year", str(year), "--json")))

    def overview(self, year: int = YEAR) -> list[dict[str, Any]]:
        """`antq overview --json`: one row per commune of the office."""
        return list(json.loads(self.run("overview", "--year", str(year), "--json")))


def init_unit(folder: Path, db: str, role: str, code: str, name: str | None = None) -> Unit:
    folder.mkdir(parents=True, exist_ok=True)
    args = ["init", "--role", role, "--unit", code, "--officer", "Nguyễn Văn An"]
    ok(db, *args, *(["--name", name] if name else []))
    return Unit(db, code, role, folder)


def link(lower: Unit, upper: Unit, *, role: str | None = None, communes: list[str] | None = None) -> None:
    """The lower unit encrypts to the upper office; the upper office trusts the lower unit's key."""
    lower.run("recipient", "set", str(upper.key_file()))
    extra = ["--role", role] if role else []
    extra += ["--communes", ",".join(communes)] if communes else []
    upper.run("trust", "add", str(lower.key_file()), *extra)


def sql_url(db: str) -> str:
    return db if "://" in db else f"sqlite:///{db}"


def sql_counts(db: str) -> dict[str, dict[str, int]]:
    """Live records per origin unit and table, counted with plain SQL (not through the app's services)."""
    tables = {name: name for name in ("residential_areas", "organizations", "households", "pledges",
                                      "registrations", "assessments")}  # the keys of `antq stats` counts
    engine = create_engine(sql_url(db))
    counts: dict[str, dict[str, int]] = {}
    try:
        with engine.connect() as connection:
            for key, table in tables.items():
                rows = connection.execute(text(f"SELECT origin_unit, COUNT(*) FROM {table} "  # noqa: S608
                                               "WHERE deleted = :no GROUP BY origin_unit"), {"no": False})
                for unit, count in rows:
                    counts.setdefault(unit, {})[key] = int(count)
    finally:
        engine.dispose()
    return counts


def pledged(db: str, year: int) -> dict[str, tuple[int, int]]:
    """Per unit: (households with a signed pledge of the year, live households), in plain SQL."""
    engine = create_engine(sql_url(db))
    try:
        with engine.connect() as connection:
            live = dict(connection.execute(text(
                "SELECT origin_unit, COUNT(*) FROM households WHERE deleted = :no GROUP BY origin_unit"),
                {"no": False}).all())
            signed = dict(connection.execute(text(
                "SELECT h.origin_unit, COUNT(DISTINCT p.household_id) FROM pledges p JOIN households h "
                "ON h.id = p.household_id WHERE p.year = :year AND p.status = 'signed' AND p.deleted = :no "
                "AND h.deleted = :no GROUP BY h.origin_unit"), {"no": False, "year": year}).all())
    finally:
        engine.dispose()
    return {unit: (int(signed.get(unit, 0)), int(count)) for unit, count in live.items()}


VOLATILE = ("last_received", "last_sequence", "late", "missing")  # overview fields that follow the calendar


@dataclass
class World:
    """The province, the cluster, four communes, and which stores should hold whose records by now."""

    folder: Path
    province: Unit
    cluster: Unit
    communes: list[Unit]
    backups: dict[str, Path] = field(default_factory=dict)
    revoked: set[str] = field(default_factory=set)
    broken: str | None = None
    synced: set[tuple[str, str]] = field(default_factory=set)  # (store's unit, unit whose records it holds)
    counter: int = 0

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        try:
            yield
        except BaseException:
            self.broken = name
            raise

    def stores(self) -> list[Unit]:
        return [self.province, self.cluster, *self.communes]

    def active_communes(self) -> list[Unit]:
        return [c for c in self.communes if c.code not in self.revoked]

    def path(self, stem: str) -> Path:
        self.counter += 1
        return self.folder / f"{self.counter:03d}-{stem}.antq"

    # ---- what the units do ----
    def demo(self, commune: Unit, households: int, seed: int) -> None:
        """New records at a commune (areas, organisations, households, pledges, registrations, assessments)
        for the scenario's year, whatever the calendar says."""
        commune.run("demo", "--households", str(households), "--seed", str(seed), "--year", str(YEAR))

    def export(self, commune: Unit, *, full: bool) -> Path:
        path = self.path(f"{commune.code}-{'full' if full else 'incr'}")
        commune.run("export", "--out", str(path), "--full" if full else "--incremental")
        return path

    def backup(self, commune: Unit) -> Path:
        path = self.folder / f"backup-{commune.code}.antqbak"
        commune.run("backup", "--out", str(path))
        return path

    def forward(self, *, since_last: bool) -> Path:
        path = self.path("forward-since-last" if since_last else "forward-full")
        self.cluster.run("forward", "--out", str(path), *(["--since-last"] if since_last else []))
        return path

    def forward_full(self) -> None:
        """A full forward, merged at the province: it then holds what the cluster holds."""
        self.province.run("merge", str(self.forward(since_last=False)))
        self.synced_at_province(*self.active_communes())

    def plan_down(self, year: int, *, cluster_adds: tuple[str, str]) -> None:
        """The province publishes, the cluster imports and adds a target, the communes import the cluster's."""
        province_plan = self.path(f"plan-{year}-province")
        self.province.run("plan", "publish", "--year", str(year), "--out", str(province_plan))
        self.cluster.run("plan", "import", str(province_plan))
        template = self.folder / f"cluster-plan-{year}.json"
        template.write_text(json.dumps({"format": "antq-plan-template", "title": "Kế hoạch của cụm năm {year}",
                                        "targets": [{"indicator": cluster_adds[0],
                                                     "threshold": float(cluster_adds[1])}]}), encoding="utf-8")
        self.cluster.run("plan", "new", "--year", str(year), "--from", str(template))
        cluster_plan = self.path(f"plan-{year}-cluster")
        self.cluster.run("plan", "publish", "--year", str(year), "--out", str(cluster_plan))
        for commune in self.active_communes():
            commune.run("plan", "import", str(cluster_plan))
        self.synced |= {(c.code, office) for c in self.active_communes() for office in ("01", "CUM-01")}
        self.synced.add(("CUM-01", "01"))
        self.synced.discard(("01", "CUM-01"))  # until the next forward brings the cluster's plan up

    def refused(self, unit: Unit, code: str, *args: str) -> str:
        ran = antq(unit.db, *args, user=unit.user)
        said = ran.out + ran.err  # merge reports each refused package on stdout, other commands on stderr
        assert ran.code == 3 and f"[{code}]" in said, (unit.code, args, ran.code, ran.out, ran.err)
        return said

    def copy_laptop(self, commune: Unit) -> Unit:
        folder = self.folder / f"copy-{commune.code}"
        folder.mkdir()
        shutil.copy(commune.db, folder / "copy.sqlite3")
        return Unit(str(folder / "copy.sqlite3"), commune.code, commune.role, folder)

    # ---- expectations ----
    def synced_at_cluster(self, *communes: Unit) -> None:
        self.synced |= {("CUM-01", c.code) for c in communes}

    def synced_at_province(self, *communes: Unit) -> None:
        self.synced |= {("01", c.code) for c in communes} | {("01", "CUM-01")}

    def unsynced(self, commune: Unit) -> None:
        self.synced -= {(store, commune.code) for store in ("01", "CUM-01")}

    # ---- checks ----
    def check_store(self, unit: Unit, year: int = YEAR) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """`antq stats` counts and, at an office, `antq overview` figures equal plain SQL counts."""
        stats, sql = unit.stats(year), sql_counts(unit.db)
        for code in set(stats["units"]) | set(sql):
            expected = {key: sql.get(code, {}).get(key, 0) for key in STATS_KEYS}
            got = stats["units"].get(code, {}).get("counts", dict.fromkeys(STATS_KEYS, 0))
            assert got == expected, (unit.code, code, got, expected)
        if unit.role == "commune":
            return stats, []
        rows, ratios = unit.overview(year), pledged(unit.db, year)
        for row in rows:
            code = row["unit_code"]
            counts = row["counts"] or dict.fromkeys(STATS_KEYS, 0)  # a commune nothing came from yet: {}
            assert counts == {key: sql.get(code, {}).get(key, 0) for key in STATS_KEYS}, (unit.code, row)
            for target in row["targets"]:
                if target["indicator"] == "households_pledged_pct":
                    signed, households = ratios.get(code, (0, 0))
                    if households == 0:
                        assert target["actual"] is None and target["met"] is None, (unit.code, code, target)
                    else:
                        assert abs(target["actual"] - 100 * signed / households) < 0.051, (unit.code, code, target)
        return stats, rows

    def check(self, year: int = YEAR) -> None:
        """Every store against SQL, then each unit's digest on every store that should hold its records, and
        what an office reports for a commune it is in step with against what the commune itself shows."""
        checked = {unit.code: self.check_store(unit, year) for unit in self.stores()}
        digests = {code: {unit: u["digest"] for unit, u in stats["units"].items()}
                   for code, (stats, _) in checked.items()}
        for store, code in sorted(self.synced):
            own = digests[code].get(code)
            assert digests[store].get(code) == own, f"{code}'s records at {store} differ from {code}'s own"
        for office in (self.cluster, self.province):
            for row in checked[office.code][1]:
                commune = row["unit_code"]  # in step both ways: its data at the office, the offices' plans with it
                if {(office.code, commune), (commune, "01"), (commune, "CUM-01")} <= self.synced:
                    self._same_targets(office, row, checked[row["unit_code"]][0]["targets"])

    def _same_targets(self, office: Unit, row: dict[str, Any], own: list[dict[str, Any]]) -> None:
        """The office's figures for a commune are the commune's own; at its cluster, on the same thresholds
        (the province measures with its own plan only, so there only the indicators both hold are compared)."""
        seen = {t["indicator"]: (t["threshold"], t["actual"], t["met"]) for t in own if not t["extra"]}
        reported = {t["indicator"]: (t["threshold"], t["actual"], t["met"]) for t in row["targets"]}
        if office is self.cluster:
            assert reported == seen, (office.code, row["unit_code"], reported, seen)
        else:
            assert {k: reported[k] for k in reported.keys() & seen.keys()} == \
                {k: seen[k] for k in reported.keys() & seen.keys()}, (office.code, row["unit_code"])

    def year_figures(self, year: int) -> dict[str, Any]:
        """What each level reports for a year: the offices' overview rows and each commune's targets."""
        figures: dict[str, Any] = {}
        for office in (self.province, self.cluster):
            rows = office.overview(year)
            figures[office.code] = [{k: v for k, v in row.items() if k not in VOLATILE} for row in rows]
        for commune in self.communes:
            figures[commune.code] = commune.stats(year)["targets"]
        return figures


STATS_KEYS = ("residential_areas", "organizations", "households", "pledges", "registrations", "assessments")


def build_world(folder: Path, province_db: str) -> World:
    """The units initialised and their keys exchanged as officers do (fingerprints compared on paper)."""
    province = init_unit(folder / "province", province_db, "province", "01")
    cluster = init_unit(folder / "cluster", str(folder / "cluster.sqlite3"), "district", "CUM-01",
                        "Cụm công an khu vực 1")
    codes = ("00004", "00070", "00277", "00008")
    communes = [init_unit(folder / code, str(folder / f"{code}.sqlite3"), "commune", code) for code in codes]
    link(cluster, province, role="district", communes=list(codes))
    for commune in communes:
        link(commune, cluster)
    return World(folder, province, cluster, communes)
