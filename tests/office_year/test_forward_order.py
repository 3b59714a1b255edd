"""Issue 14 point 2, forwards in any order: the province takes a cluster's forward packages in any order
and any number of times with the guarantees of commune packages. The outer forward is checked for its
office's signature and authority, its integrity, and exact repeats (same package id: "already merged",
exit 0); EACH inner package is judged on its own producer's sequence: a replay is skipped, an older one a
full package already covered is skipped, an incremental with a gap is held (with the forward, which holds its
payload key) and merged as soon as its predecessor arrives, in any later forward or directly.

The "Why" bullet: the `--since-last` forward merged before the full one left the full one refused
(`[REPLAY]`) and the commune's data never arrived; here it ends with every digest equal."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.conftest import ACTOR, PASSWORD
from tests.services.conftest import enrol_recipient, key_file
from tests.services.merge.conftest import Commune, dump, make_upper, new_commune

from antq_desktop.cli.main import main
from antq_desktop.services.export import build as export
from antq_desktop.services.forward import build as forwarding
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.merge import archive as merge_archive
from antq_desktop.services.merge.held_list import held_packages
from antq_desktop.services.merge.results import PackageResult
from antq_desktop.services.merge.run import merge_packages
from antq_desktop.services.office import stats
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import ImportAttempt

CLUSTER = "CUM-01"


@dataclass
class Chain:
    """Two communes, their cluster office and the province, each a real store with real keys."""

    tmp: Path
    cluster: Store
    province: Store
    communes: list[Commune]
    sent: dict[str, int] = field(default_factory=dict)

    def send(self, commune: Commune, kind: str = "incremental") -> Path:
        """The commune edits something, exports (its real export service) and the cluster merges it."""
        area = records.create(commune.store, "residential_area", {"name": f"Thôn {self.sent.get(commune.code, 0)}"},
                              actor=ACTOR)
        records.create(commune.store, "household", {"area_id": area, "head_name": "Lê Văn Tư"}, actor=ACTOR)
        number = self.sent[commune.code] = self.sent.get(commune.code, 0) + 1
        path = commune.folder / f"{commune.code}-{number}.antq"
        export.export_package(commune.store, path, password=PASSWORD, actor=ACTOR, kind=kind)
        results = merge_packages(self.cluster, [path], actor=ACTOR, password=PASSWORD)
        assert [r.status for r in results] == ["merged"], [r.message for r in results]
        return path

    def forward(self, name: str, *, since_last: bool = False) -> Path:
        out = self.tmp / name
        forwarding.write_forward(self.cluster, out, password=PASSWORD, actor=ACTOR, since_last=since_last)
        return out

    def merge(self, *paths: Path) -> list[PackageResult]:
        return merge_packages(self.province, list(paths), actor=ACTOR, password=PASSWORD)

    def units(self) -> list[str]:
        return [c.code for c in self.communes] + [CLUSTER]

    def digests(self, store: Store) -> dict[str, str]:
        with store.session_factory() as session:
            return {code: stats.unit_stats(session, code).digest for code in self.units()}

    def assert_converged(self) -> None:
        """Every commune's data, and the cluster's own, is at the province exactly as at the cluster."""
        at_cluster = self.digests(self.cluster)
        assert self.digests(self.province) == at_cluster
        for commune in self.communes:
            assert self.digests(commune.store)[commune.code] == at_cluster[commune.code]


def make_chain(tmp_path: Path, province_url: str | None = None) -> Chain:
    for folder in ("cluster", "province"):  # each office its own data folder (held and kept copies)
        (tmp_path / folder).mkdir()
    cluster = make_upper(str(tmp_path / "cluster" / "cluster.sqlite3"))
    province = open_store(province_url or str(tmp_path / "province" / "province.sqlite3"))
    profile.initialise(province, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    communes = [new_commune(tmp_path, "00004", "Phường Ba Đình"), new_commune(tmp_path, "00277", "Phường Bạch Mai")]
    for commune in communes:
        enrol_recipient(commune.store, cluster)
        with cluster.session() as session:
            keys.trust_add(session, commune.key_file(), actor=ACTOR)
    enrol_recipient(cluster, province)
    with province.session() as session:
        keys.trust_add(session, key_file(cluster), actor=ACTOR, role="district", communes=[c.code for c in communes])
    return Chain(tmp_path, cluster, province, communes)


def close(chain: Chain) -> None:
    for store in (chain.cluster, chain.province, *(c.store for c in chain.communes)):
        store.close()


@pytest.fixture
def chain(tmp_path: Path) -> Chain:
    built = make_chain(tmp_path)
    yield built
    close(built)


def statuses(results: list[PackageResult]) -> list[tuple[str | None, str]]:
    return [(r.producer_unit, str(r.status)) for r in results]


def test_full_then_since_last(chain: Chain) -> None:
    a, b = chain.communes
    chain.send(a, "full")
    chain.send(b, "full")
    full = chain.forward("f1.antq")
    chain.send(a)
    since = chain.forward("f2.antq", since_last=True)
    assert [r.status for r in chain.merge(full)] == ["merged"] * 4
    assert [r.status for r in chain.merge(since)] == ["merged"] * 3
    chain.assert_converged()


@pytest.fixture
def chain_any(tmp_path: Path, engine_url: str) -> Chain:
    """The province on SQLite and on PostgreSQL (the cluster and communes on SQLite, as in the field)."""
    built = make_chain(tmp_path, None if engine_url.endswith(".sqlite3") else engine_url)
    yield built
    close(built)


def test_since_last_before_full_ends_with_everything_in(chain_any: Chain) -> None:
    """The "Why" bullet: before, the full forward was refused as [REPLAY] and commune A's data never came."""
    chain = chain_any
    a, b = chain.communes
    chain.send(a, "full")
    chain.send(b, "full")
    full = chain.forward("f1.antq")
    chain.send(a)
    since = chain.forward("f2.antq", since_last=True)

    first = chain.merge(since)
    assert statuses(first) == [(CLUSTER, "merged"), ("00004", "held"), (CLUSTER, "merged")]
    held = first[1]
    assert "chuyển tiếp đầy đủ" in held.message and CLUSTER in held.message  # what to ask for, and from whom
    assert [h.producer_unit for h in held_packages(chain.province)] == ["00004"]
    assert "gói đang chờ" in first[0].message  # the forward's own line says one waits

    second = chain.merge(full)
    assert statuses(second)[0] == (CLUSTER, "merged"), [r.message for r in second]
    assert ("00004", "merged") in statuses(second) and ("00277", "merged") in statuses(second)
    released = [r for r in second if r.released_from_hold]
    assert [(r.producer_unit, r.status, r.sequence) for r in released] == [("00004", "merged", 2)]
    own = [r for r in second if r.producer_unit == CLUSTER and r.kind == "full"]
    assert own and own[0].status == "duplicate" and "đầy đủ" in own[0].message  # an older own package: covered
    assert not any(r.refused for r in second)
    assert held_packages(chain.province) == []
    chain.assert_converged()


def test_the_same_forward_twice_is_already_merged(chain: Chain) -> None:
    a, b = chain.communes
    chain.send(a, "full")
    full = chain.forward("f1.antq")
    chain.merge(full)
    before = dump(chain.province)
    (again,) = chain.merge(full)
    assert again.status == "duplicate" and again.code is None and "đã được nhập" in again.message
    after = dump(chain.province)
    assert {k: v for k, v in after.items() if k != "import_log"} == {k: v for k, v in before.items()
                                                                     if k != "import_log"}


def test_shuffled_forwards_with_repeats_converge(chain: Chain) -> None:
    """Four forwards (two full, two since-last, with gaps between them) in a shuffled order, some twice."""
    a, b = chain.communes
    chain.send(a, "full")
    chain.send(b, "full")
    forwards = [chain.forward("f1.antq")]
    chain.send(a)
    chain.send(b)
    forwards.append(chain.forward("f2.antq", since_last=True))
    chain.send(a)
    forwards.append(chain.forward("f3.antq", since_last=True))
    chain.send(b)
    chain.send(a)
    forwards.append(chain.forward("f4.antq", since_last=True))
    chain.send(b)
    forwards.append(chain.forward("f5.antq"))  # a full one again: everything so far
    chain.province.close()  # a fresh province (nothing merged yet) copied once per order: same keys
    for seed in (3, 11):
        order = forwards + [forwards[1], forwards[3]]
        random.Random(seed).shuffle(order)
        folder = chain.tmp / f"province-{seed}"
        folder.mkdir()
        for name in ("province.sqlite3", "province.sqlite3-wal"):
            if (chain.tmp / "province" / name).exists():
                (folder / name).write_bytes((chain.tmp / "province" / name).read_bytes())
        province = open_store(str(folder / "province.sqlite3"))
        results = merge_packages(province, order, actor=ACTOR, password=PASSWORD)
        assert not any(r.refused for r in results), [(r.producer_unit, r.code, r.message) for r in results]
        outer = [r for r in results if r.kind == "forward"]
        assert sorted(str(r.status) for r in outer) == ["duplicate"] * 2 + ["merged"] * 5
        assert held_packages(province) == []
        assert chain.digests(province) == chain.digests(chain.cluster)
        province.close()
    chain.province = open_store(str(chain.tmp / "province" / "province.sqlite3"))


def test_gap_inside_a_since_last_forward_is_held_then_released(chain: Chain) -> None:
    a, _b = chain.communes
    chain.send(a, "full")
    full = chain.forward("f1.antq")
    chain.send(a)
    second = chain.forward("f2.antq", since_last=True)
    chain.send(a)
    third = chain.forward("f3.antq", since_last=True)

    got = chain.merge(third)
    assert ("00004", "held") in statuses(got)
    got = chain.merge(second)
    assert ("00004", "held") in statuses(got)
    waiting = held_packages(chain.province)
    assert [(h.producer_unit, h.sequence) for h in waiting] == [("00004", 2), ("00004", 3)]
    for row in waiting:  # what to do names the forwarding office, not the commune the province cannot reach
        assert CLUSTER in row.via_office and f"xin {row.via_office} gửi lại gói chuyển tiếp đầy đủ" in row.hint
        assert "Hãy đề nghị" not in row.hint
    before = chain.digests(chain.province)["00004"]
    assert before != chain.digests(chain.cluster)["00004"]

    got = chain.merge(full)
    released = [(r.producer_unit, r.sequence, str(r.status)) for r in got if r.released_from_hold]
    assert released == [("00004", 2, "merged"), ("00004", 3, "merged")]
    assert held_packages(chain.province) == []
    with chain.province.engine.connect() as conn:  # the kept copies (blobs in the database) went with the holds
        assert conn.exec_driver_sql("SELECT count(*) FROM blobs").scalar() == 0
    chain.assert_converged()
    # every forward again: already merged, nothing changes
    before_dump = dump(chain.province)
    again = chain.merge(third, second, full)
    assert [str(r.status) for r in again] == ["duplicate"] * 3
    assert {k: v for k, v in dump(chain.province).items() if k != "import_log"} == \
        {k: v for k, v in before_dump.items() if k != "import_log"}


def test_office_rewrapping_old_inner_packages_changes_nothing(chain: Chain, monkeypatch) -> None:
    """Hostile (or mistaken) office with a valid key: a NEW forward (new id, valid signature) carrying
    commune packages the province already has, or older ones a merged full package covers: skipped, no change."""
    # This office keeps every copy (an honest one drops those a later full package covers, so never sends them).
    monkeypatch.setattr(merge_archive, "_drop_older", lambda *_args: None)
    a, b = chain.communes
    chain.send(a, "full")
    chain.send(b, "full")
    chain.send(a)
    chain.forward("f1.antq")  # never reaches the province
    chain.send(a, "full")  # A's third package is full: it covers the first two
    chain.merge(chain.forward("f2.antq", since_last=True))
    with chain.cluster.session_factory() as session:
        attempts = list(session.execute(select(ImportAttempt).where(
            ImportAttempt.result == "merged", ImportAttempt.producer_unit == "00004")
            .order_by(ImportAttempt.id)).scalars())
    assert [a.sequence for a in attempts] == [1, 2, 3]
    monkeypatch.setattr(forwarding, "_merged", lambda _session, _own, _after: attempts)
    replay = chain.forward("replay.antq")
    before = dump(chain.province)
    results = chain.merge(replay)
    assert statuses(results) == [(CLUSTER, "merged"), ("00004", "duplicate"), ("00004", "duplicate"),
                                 ("00004", "duplicate"), (CLUSTER, "merged")]
    assert [("đầy đủ số 3" in r.message) for r in results[1:4]] == [True, True, False]  # covered; merged before
    # the cluster's own records come again in a newer full package of its own: merged, nothing new
    assert all(c.get("new", 0) + c.get("updated", 0) == 0 for c in results[-1].counts.values())
    after = dump(chain.province)
    kept = [name for name in before if name not in ("import_log", "audit_log", "producer_state", "counters")]
    assert {name: after[name] for name in kept} == {name: before[name] for name in kept}
    assert chain.digests(chain.province)["00004"] == chain.digests(a.store)["00004"]


def test_a_number_used_twice_is_refused_with_what_to_ask_for(chain: Chain) -> None:
    """A commune's package number already used by ANOTHER package merged here, with no full package covering
    it (a restored backup): refused as REPLAY, and the line says which package to ask for, from whom."""
    _a, b = chain.communes
    records.create(b.store, "residential_area", {"name": "Thôn Một"}, actor=ACTOR)
    assert [r.status for r in merge_packages(chain.cluster, [b.export(chain.cluster, "full")], actor=ACTOR,
                                             password=PASSWORD)] == ["merged"]
    chain.merge(chain.forward("f1.antq"))
    records.create(b.store, "residential_area", {"name": "Thôn Hai"}, actor=ACTOR)
    to_cluster = b.export(chain.cluster, "incremental", advance=False, name="to-cluster.antq")
    records.create(b.store, "residential_area", {"name": "Thôn Ba"}, actor=ACTOR)
    to_province = b.export(chain.province, "incremental", name="to-province.antq")  # the same number 2
    assert [r.status for r in chain.merge(to_province)] == ["merged"]
    assert [r.status for r in merge_packages(chain.cluster, [to_cluster], actor=ACTOR, password=PASSWORD)] == \
        ["merged"]
    results = chain.merge(chain.forward("f2.antq", since_last=True))
    refused = [r for r in results if r.producer_unit == "00277"]
    assert [(r.status, r.code) for r in refused] == [("refused", "REPLAY")]
    assert "gói đầy đủ" in refused[0].message and "Phường Bạch Mai" in refused[0].message
    assert "gửi lại gói chuyển tiếp" in refused[0].message
    assert results[0].status == "refused" and results[0].kind == "forward"  # exit 3; the others are merged


def test_cli_since_last_then_full_exit_0_and_stats_equal(chain: Chain, monkeypatch, capsys) -> None:
    """`antq merge` of the since-last forward, then of the full one: exit 0 both, the full one's line says
    what was merged, and `antq stats --json` gives the same digest per commune at the cluster and the province."""
    a, b = chain.communes
    chain.send(a, "full")
    chain.send(b, "full")
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    cluster_db, province_db = str(chain.cluster.sqlite_path), str(chain.province.sqlite_path)
    full, since = chain.tmp / "f1.antq", chain.tmp / "f2.antq"
    assert main(["--db", cluster_db, "forward", "--out", str(full)]) == 0
    chain.send(a)
    assert main(["--db", cluster_db, "forward", "--since-last", "--out", str(since)]) == 0
    capsys.readouterr()
    assert main(["--db", province_db, "merge", str(since)]) == 0
    out = capsys.readouterr().out
    assert "TỪ CHỐI" not in out and "chuyển tiếp đầy đủ" in out
    assert main(["--db", province_db, "merge", str(full)]) == 0
    out = capsys.readouterr().out
    assert "TỪ CHỐI" not in out and "REPLAY" not in out
    assert main(["--db", province_db, "merge", str(full)]) == 0
    assert "đã được nhập trước đây" in capsys.readouterr().out
    assert main(["--db", province_db, "held", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    def stats_json(db: str) -> dict:
        assert main(["--db", db, "stats", "--json"]) == 0
        return json.loads(capsys.readouterr().out)["units"]

    at_cluster, at_province = stats_json(cluster_db), stats_json(province_db)
    assert {"00004", "00277"} <= set(at_cluster)
    assert {code: unit["digest"] for code, unit in at_province.items()} == \
        {code: unit["digest"] for code, unit in at_cluster.items()}
