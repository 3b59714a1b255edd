"""Issue 14 point 10: a whole year at three levels, as offices live it, through the command line.

The province on PostgreSQL (the throwaway server of tests/pg_server.py; skipped with its reason outside CI
when none can start, as every PostgreSQL test), one cluster office and four communes on SQLite. The steps
run in file order on one shared world; after every step each store's `antq stats --json` counts and the
offices' `antq overview --json` figures are compared with plain SQL counts, and each unit's digest with
its digest on every store that should hold the same records (`year_helpers.World.check`).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Iterator

import pytest
from tests.scenarios.year_helpers import PASSWORD, YEAR, World, antq, build_world, fast_keys

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[World]:
    server = request.getfixturevalue("postgres_server")  # skips here with the reason when none can start
    province_url = server.create_database("antq_whole_year")
    folder = tmp_path_factory.mktemp("year")
    with fast_keys() as patch:
        patch.setenv("ANTQ_PASSWORD", PASSWORD)
        patch.setenv("ANTQ_HOME", str(folder / "home"))  # one data folder for the whole year
        yield build_world(folder, province_url)


@pytest.fixture(autouse=True)
def _step(world: World, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The password for every command; a step after a failed one is skipped (it would only repeat the failure)."""
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    monkeypatch.setenv("ANTQ_HOME", str(world.folder / "home"))
    if world.broken:
        pytest.skip(f"an earlier step failed: {world.broken}")
    yield


def test_01_plan_down_the_chain(world: World) -> None:
    with world.step("plan down"):
        world.province.run("plan", "new", "--year", str(YEAR), "--from", "thanh-hoa-2025")
        world.province.run("plan", "target", "set", "--year", str(YEAR), "households_pledged_pct", "90")
        world.plan_down(YEAR, cluster_adds=("briefed_pct", "60"))
        cluster_targets = {t["indicator"]: (t["threshold"], t["set_by"]) for t in world.cluster.stats()["targets"]}
        assert cluster_targets["households_pledged_pct"] == (90, "01")
        assert cluster_targets["briefed_pct"] == (60, "CUM-01")
        for commune in world.communes:
            measured = {t["indicator"]: (t["threshold"], t["set_by"]) for t in commune.stats()["targets"]
                        if not t["extra"]}
            assert measured == cluster_targets, commune.code
        world.check()


def test_02_data_and_packages_in_shuffled_order(world: World) -> None:
    with world.step("data, packages shuffled"):
        packages = []
        for index, commune in enumerate(world.communes):
            for round_ in range(3):
                world.demo(commune, 4 + index, 10 * index + round_)
                packages.append((commune, world.export(commune, full=round_ == 0)))
                if round_ == 0:
                    world.backups[commune.code] = world.backup(commune)
        order = packages + random.Random(YEAR).sample(packages, 5)  # some twice
        random.Random(YEAR + 1).shuffle(order)
        for _commune, path in order:
            world.cluster.run("merge", str(path))
            world.check_store(world.cluster)  # after each package
        held = world.cluster.run("held", "list", "--json")
        assert held.strip() in ("[]", ""), held
        world.synced_at_cluster(*world.communes)
        world.check()


def test_03_full_forward_to_the_province(world: World) -> None:
    with world.step("full forward"):
        world.forward_full()
        world.check()


def test_04_forwards_full_and_since_last_out_of_order(world: World) -> None:
    with world.step("forwards out of order"):
        forwards = []
        for round_ in range(2):
            for index, commune in enumerate(world.communes):
                world.demo(commune, 2, 100 + 10 * index + round_)
                world.cluster.run("merge", str(world.export(commune, full=False)))
            forwards.append(world.forward(since_last=True))
        full = world.forward(since_last=False)
        for path in (forwards[1], forwards[0], forwards[1], full, forwards[0]):  # later first, some twice
            ran = antq(world.province.db, "merge", str(path))
            assert ran.code == 0, ran.err  # a repeat is "already merged", exit 0
            world.check_store(world.province)
        world.synced_at_cluster(*world.communes)
        world.synced_at_province(*world.communes)
        world.check()


def test_05_commune_restored_from_an_old_backup_and_recovered(world: World) -> None:
    with world.step("restore and recovery"):
        commune = world.communes[1]
        commune.run("restore", str(world.backups[commune.code]))
        world.unsynced(commune)  # its laptop went back in time: the offices hold more than it does
        world.check()
        recovery = world.folder / f"recovery-{commune.code}.antq"
        world.cluster.run("recovery", "build", "--unit", commune.code, "--out", str(recovery))
        preview = commune.run("recovery", "preview", str(recovery))
        assert commune.code in preview or "hộ" in preview, preview
        commune.run("recovery", "apply", str(recovery), "--yes")
        world.synced_at_cluster(commune)
        world.synced_at_province(commune)
        world.check()
        world.demo(commune, 2, 500)  # its edits count again
        world.cluster.run("merge", str(world.export(commune, full=False)))
        world.forward_full()
        world.check()


def test_06_two_clerks_merge_at_once_at_the_province(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    with world.step("two clerks"):
        for index, commune in enumerate(world.communes):
            if commune.code not in world.revoked:
                world.demo(commune, 2, 600 + index)
                world.cluster.run("merge", str(world.export(commune, full=False)))
        path = world.forward(since_last=False)
        env = {**os.environ, "ANTQ_PASSWORD": PASSWORD, "ANTQ_NEW_PASSWORD": PASSWORD}
        if "clerk2" not in world.province.run("user", "list"):
            monkeypatch.setenv("ANTQ_NEW_PASSWORD", PASSWORD)
            world.province.run("user", "add", "clerk2", "--name", "Lê Thị Hoa", "--role", "officer")
            world.province.user = "admin"  # two accounts now: each command names its clerk
        clerks = [subprocess.Popen([sys.executable, "-m", "antq_desktop.cli.main", "--db", world.province.db,
                                    "--user", user, "merge", str(path)], env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
                  for user in ("admin", "clerk2")]
        results = [(clerk.wait(timeout=180), *clerk.communicate()) for clerk in clerks]
        codes = sorted(code for code, _, _ in results)
        assert codes[0] == 0, results  # one clerk merged it
        assert codes == [0, 0], results  # the second hears "already merged", not a refusal
        world.synced_at_cluster(*world.active_communes())
        world.synced_at_province(*world.active_communes())
        world.check()


def test_07_a_key_revoked_at_the_cluster(world: World) -> None:
    with world.step("key revoked"):
        lost = world.communes[3]
        thief = world.copy_laptop(lost)  # the lost laptop, its key and password with it
        fingerprint = lost.fingerprint()
        world.cluster.run("trust", "revoke", fingerprint, "--reason", "mất máy tính xách tay")
        world.revoked.add(lost.code)
        world.synced -= {(store, unit) for store, unit in world.synced if store == lost.code}  # no more plans for it
        world.demo(thief, 2, 700)
        stolen = world.export(thief, full=False)
        world.refused(world.cluster, "REVOKED_KEY", "merge", str(stolen))
        world.forward_full()  # what the cluster merged before the revocation stays valid
        thief.run("recipient", "set", str(world.province.key_file()))
        direct = world.export(thief, full=True)
        world.refused(world.province, "REVOKED_KEY", "merge", str(direct))  # the revocation travelled up
        world.check()


def test_08_year_end(world: World) -> None:
    with world.step("year end"):
        before = world.year_figures(YEAR)
        world.province.run("plan", "new", "--year", str(YEAR + 1), "--from", "thanh-hoa-2025")
        world.plan_down(YEAR + 1, cluster_adds=("briefed_pct", "70"))
        for commune in world.active_communes():
            commune.run("plan", "new", "--year", str(YEAR + 1), "--from", "kon-tum-2025")
            world.cluster.run("merge", str(world.export(commune, full=False)))
        world.forward_full()
        assert world.year_figures(YEAR) == before  # last year stays as reported
        for unit in (world.province, world.cluster):  # the new year: its plan's targets, no pledge yet
            rows = unit.overview(YEAR + 1)
            assert {row["unit_code"] for row in rows} >= {c.code for c in world.active_communes()}
            assert all(t["met"] is not False or t["actual"] is not None for row in rows for t in row["targets"])
        world.check()
        world.check(YEAR + 1)
