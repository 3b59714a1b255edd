"""Issue 12, the record side: a validly signed package may change only its sender's own records.

Store-unchanged helper for every authority test: tests/security/store_state.py (`capture`,
`assert_unchanged`: per-unit `antq stats` digests plus a dump of every table).

Each test is an attack that was accepted before (a commune's target on the office's plan, a
household in another commune's area, a package "from" the office itself, directly or inside a
forward, a tombstone pointing across units, a province measured against a cluster's plan) and is
now refused with the store unchanged. Real stores, real keys, real signed packages: the world
(an office CUM-01 with communes 00004 and 00277 merged) is built once and copied per test.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from tests.conftest import ACTOR, PASSWORD, make_store
from tests.security.store_state import assert_unchanged, capture
from tests.services.conftest import YEAR, enrol_recipient, key_file, office_plan
from tests.services.merge.conftest import Commune, make_upper, merge, trust, upper_record

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.keys import b64encode, read_public_key_file
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import Producer
from antq_desktop.exchange.package_writer import PackageMeta, write_package
from antq_desktop.services import demo
from antq_desktop.services.authority import all_rules, year_plan
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.office import stats
from antq_desktop.services.plans import receive as plan_import
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import KnownKey, Plan, PlanTarget, ProducerState, UnitProfile

A, B, OFFICE = "00004", "00277", "CUM-01"
NAMES = {A: "Phường Ba Đình", B: "Phường Bạch Mai"}


@dataclass
class World:
    office: Store
    a: Commune
    b: Commune
    office_plan: str
    folder: Path

    def records(self, unit: Commune, record_type: str, column: str | None = None) -> list[dict[str, Any]]:
        rows = [r for r in unit.records(0) if r["type"] == record_type and not r["deleted"]]
        return [r for r in rows if column is None or r.get(column)]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Office CUM-01 with its plan; communes 00004 and 00277 with demo data, each merged once."""
    root = tmp_path_factory.mktemp("authority")
    office = make_upper(str(root / "office.sqlite3"))
    plan_id = office_plan(office)
    counters = {}
    for seed, code in enumerate((A, B), start=1):
        folder = root / f"c{code}"
        folder.mkdir()
        commune = Commune(make_store(folder / "commune.sqlite3", code), code, NAMES[code], folder)
        demo.generate(commune.store, households=6, seed=seed)
        enrol_recipient(commune.store, office)
        trust(office, commune)
        assert [r.status for r in merge(office, commune.export(office))] == ["merged"]
        counters[code] = (commune.sequence, commune.last_sha, commune.last_seq)
        commune.store.close()
    office.close()
    return {"root": root, "counters": counters, "plan": plan_id}


@pytest.fixture
def world(template: dict[str, Any], tmp_path: Path) -> World:
    folder = tmp_path / "world"
    shutil.copytree(template["root"], folder)
    units = {}
    for code in (A, B):
        seq, sha, last = template["counters"][code]
        path = folder / f"c{code}"
        units[code] = Commune(open_store(str(path / "commune.sqlite3")), code, NAMES[code], path, seq, sha, last)
    w = World(open_store(str(folder / "office.sqlite3")), units[A], units[B], template["plan"], folder)
    yield w
    for store in (w.office, w.a.store, w.b.store):
        store.close()


def changed(record: dict[str, Any], **values: Any) -> dict[str, Any]:
    """The record's next revision with `values` (what a tampering commune would sign and send)."""
    return {**record, **values, "revision": record["revision"] + 1}


def fresh(record: dict[str, Any], **values: Any) -> dict[str, Any]:
    return {**record, **values, "id": str(uuid.uuid4()), "revision": 1}


def refused_unchanged(store: Store, path: Path, code: str, *names: str) -> str:
    before = capture(store)
    (result,) = merge(store, path)
    assert result.status == "refused" and result.code == code, (result.code, result.message)
    for name in names:
        assert name in result.message, result.message
    assert "hỏng" not in result.message  # the real reason, never "damaged file"
    assert_unchanged(store, before)
    return result.message


def test_every_rule_names_a_test_that_exists() -> None:
    """The docs table (docs/security.md) is rendered from these rows: each must point at a real test."""
    root = Path(__file__).resolve().parents[2]
    docs = (root / "docs" / "security.md").read_text(encoding="utf-8")
    for rule in all_rules():  # the key side's rows too
        path, _, name = rule.proved_by.partition("::")
        assert (root / path).is_file(), rule
        assert re.search(rf"^def {name}\(", (root / path).read_text(encoding="utf-8"), re.M), rule
        assert rule.enforced_in and rule.id
        assert f"| {rule.id} |" in docs and rule.proved_by in docs, f"docs/security.md lacks row {rule.id}"


def test_plan_target_on_the_offices_plan_is_refused(world: World) -> None:
    """Attack a: commune 00004 adds a target to the office's plan (its id is in the plan package)."""
    target = fresh(world.records(world.a, "plan_target")[0], plan_id=world.office_plan, threshold=1.0)
    path = world.a.export(world.office, records=[target])
    message = refused_unchanged(world.office, path, "NOT_AUTHORISED", A, OFFICE, "kế hoạch")
    assert world.office_plan in message
    with world.office.session_factory() as session:  # the office's plan is still its own to change
        targets = session.execute(select(PlanTarget).where(PlanTarget.plan_id == world.office_plan)).scalars().all()
        assert {t.origin_unit for t in targets} == {OFFICE}
    for target in targets:  # and it can still delete its own plan (a commune's live target would block it)
        records.delete(world.office, "plan_target", target.id, actor=ACTOR)
    records.delete(world.office, "plan", world.office_plan, actor=ACTOR)


@pytest.mark.parametrize(("record_type", "column", "ref_type"), [
    ("household", "area_id", "residential_area"),
    ("organization", "area_id", "residential_area"),
    ("registration", "area_id", "residential_area"),
    ("pledge", "household_id", "household"),
    ("assessment", "area_id", "residential_area"),
    ("security_team", "area_id", "residential_area"),  # issue 20: the activities' references too
    ("security_team_rating", "team_id", "security_team"),
])
def test_reference_to_another_communes_record_is_refused(world: World, record_type: str, column: str,
                                                          ref_type: str) -> None:
    """Attack b: 00004's record re-pointed at 00277's area or household (an update and a new record)."""
    own = world.records(world.a, record_type, column)[0]
    theirs = world.records(world.b, ref_type)[0]["id"]
    for record in (changed(own, **{column: theirs}), fresh(own, **{column: theirs})):
        path = world.a.export(world.office, records=[record], advance=False)
        refused_unchanged(world.office, path, "NOT_AUTHORISED", A, B, record_type, theirs)


def test_tombstone_referencing_another_unit_is_refused(world: World) -> None:
    """Attack e: a deletion is authorised like any write (its references and its target record)."""
    household = world.records(world.a, "household")[0]
    other_area = world.records(world.b, "residential_area")[0]["id"]
    tombstone = changed(household, deleted=True, area_id=other_area)
    refused_unchanged(world.office, world.a.export(world.office, records=[tombstone], advance=False),
                      "NOT_AUTHORISED", A, B)
    # Another unit's record (no references of its own), claimed as one's own to delete it: the stored origin decides.
    claimed = changed(world.records(world.b, "residential_area")[0], origin_unit=A, deleted=True)
    refused_unchanged(world.office, world.a.export(world.office, records=[claimed], advance=False),
                      "SIGNER_MISMATCH", A, B)


def test_record_of_another_origin_is_refused(world: World) -> None:
    """A1: a package carries only its producer's records."""
    area = changed(world.records(world.b, "residential_area")[0], name="Khu giả mạo")
    refused_unchanged(world.office, world.a.export(world.office, records=[area], advance=False),
                      "SIGNER_MISMATCH", A, B)


def impostor(folder: Path, role: str, code: str, name: str) -> Commune:
    """Another installation claiming `code`; its store holds its key pair."""
    folder.mkdir()
    store = open_store(str(folder / "impostor.sqlite3"))
    profile.initialise(store, role=role, unit_code=code, name=name, officer_name="Kẻ Giả Danh", password=PASSWORD)
    return Commune(store, code, name, folder)


def plant_key(store: Store, unit: Commune, role: str) -> None:
    """The key side refuses to enrol a key for the office's own code (tests/security/test_authority_keys.py);
    the row is planted as an older store may hold it, to prove the record side holds on its own."""
    record = read_public_key_file(unit.key_file())
    with store.session() as session:
        session.add(KnownKey(key_id=record.signing_key_id, unit_code=unit.code, unit_name=unit.name, role=role,
                             signing_public=b64encode(record.signing_public),
                             receiving_public=b64encode(record.receiving_public), fingerprint=record.fingerprint,
                             source="enrolled", enrolled_by=ACTOR, is_trusted=True))


def own_area(unit: Commune, world: World) -> dict[str, Any]:
    return fresh(world.records(world.a, "residential_area")[0], origin_unit=unit.code, name="Khu của kẻ giả danh")


def test_package_from_the_offices_own_unit_is_refused(world: World) -> None:
    """Attack c: a package whose producer is CUM-01 arrives at CUM-01."""
    fake = impostor(world.folder / "fake", "district", OFFICE, "Cụm công an khu vực 1")
    try:
        plant_key(world.office, fake, "district")
        path = fake.export(world.office, records=[own_area(fake, world)])
        refused_unchanged(world.office, path, "OWN_UNIT", OFFICE)
    finally:
        fake.store.close()


def forward_package(office: Store, province: Store, inner: list[Path], path: Path, *, own: bool = False) -> Path:
    """A forward signed by the enrolled office carrying `inner` as they are (encrypted to the province)."""
    items: list[dict[str, Any]] = []
    for file in inner:
        data = file.read_bytes()
        header = package_reader.inspect(file)
        items.append({"type": "forward_package", "id": header.package_id, "origin_unit": OFFICE,
                      "producer_unit": header.producer.unit_code, "sequence": header.sequence, "kind": header.kind,
                      "package_sha256": hashlib.sha256(data).hexdigest(), "file_size": len(data), "chunks": 1,
                      "own": own, "payload_key": None})
        items.append({"type": "forward_chunk", "id": header.package_id, "origin_unit": OFFICE, "index": 0,
                      "data": base64.b64encode(data).decode()})
    meta = PackageMeta(Producer(OFFICE, "Cụm công an khu vực 1", "district"), 1, "forward", str(YEAR), "t", "1")
    with office.session_factory() as session:
        blob = keys.active_blob(session)
    with KeyStore.unlock(blob, PASSWORD) as signer:
        write_package(path, items, meta, signer, upper_record(province))
    return path


def test_forwarded_package_from_the_offices_own_unit_is_refused(world: World) -> None:
    """Attack c, forwarded: the province 01 receives a forward whose second inner package is "from" 01.
    The whole forward is refused before the first (honest) inner package is merged."""
    province = open_store(str(world.folder / "province.sqlite3"))
    profile.initialise(province, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    fake = impostor(world.folder / "fake", "province", "01", "Thành phố Hà Nội")
    try:
        with province.session() as session:
            keys.trust_add(session, key_file(world.office), actor=ACTOR, role="district", communes=[A, B])
            keys.trust_add(session, world.a.key_file(), actor=ACTOR)
        plant_key(province, fake, "province")
        honest = world.a.export(province, name="honest.antq", advance=False)
        forged = fake.export(province, records=[own_area(fake, world)])
        path = forward_package(world.office, province, [honest, forged], world.folder / "forward.antq")
        before = capture(province)
        (result,) = merge(province, path)
        assert result.status == "refused" and result.code == "OWN_UNIT", (result.code, result.message)
        assert "01" in result.message
        assert_unchanged(province, before)
    finally:
        fake.store.close()
        province.close()


def plan_package(office: Store, records_: list[dict[str, Any]], path: Path) -> Path:
    meta = PackageMeta(Producer(OFFICE, "Cụm công an khu vực 1", "district"), 50, "plan", str(YEAR), "t", "1")
    with office.session_factory() as session:
        blob = keys.active_blob(session)
    with KeyStore.unlock(blob, PASSWORD) as signer:
        write_package(path, records_, meta, signer, None, encrypted=False)
    return path


def test_plan_package_target_on_a_foreign_plan_is_refused(world: World) -> None:
    """A7: the office's plan package may carry targets only on its own plan, never on the commune's."""
    office_unit = Commune(world.office, OFFICE, "Cụm công an khu vực 1", world.folder)
    office_target = [r for r in office_unit.records(0) if r["type"] == "plan_target"][0]
    commune_plan = world.records(world.a, "plan")[0]["id"]
    path = plan_package(world.office, [fresh(office_target, plan_id=commune_plan)], world.folder / "plan.antq")
    before = capture(world.a.store)
    result = plan_import.import_plan(world.a.store, path, actor=ACTOR)
    assert result.status == "refused" and result.code == "NOT_AUTHORISED", (result.code, result.message)
    assert OFFICE in result.message and A in result.message
    assert_unchanged(world.a.store, before, max_audit_rows=0)


def test_plan_package_from_the_units_own_code_is_refused(world: World) -> None:
    """A5 for plans: a "plan from above" signed under commune 00004's own code is refused at 00004."""
    fake = impostor(world.folder / "fake", "commune", A, NAMES[A])
    try:
        plant_key(world.a.store, fake, "district")
        with world.a.store.session() as session:  # planted as if enrolled as the recipient (the key side refuses it)
            session.execute(KnownKey.__table__.update().where(KnownKey.unit_code == A).values(is_recipient=True))
        plan = fresh(world.records(world.a, "plan")[0])
        meta = PackageMeta(Producer(A, NAMES[A], "district"), 60, "plan", str(YEAR), "t", "1")
        path = world.folder / "own-plan.antq"
        with fake.store.session_factory() as session, KeyStore.unlock(keys.active_blob(session), PASSWORD) as signer:
            write_package(path, [plan], meta, signer, None, encrypted=False)
        before = capture(world.a.store)
        result = plan_import.import_plan(world.a.store, path, actor=ACTOR)
        assert result.status == "refused" and result.code == "OWN_UNIT" and A in result.message, result.message
        assert_unchanged(world.a.store, before, max_audit_rows=0)
    finally:
        fake.store.close()


def add_plan(store: Store, unit: str, threshold: float) -> str:
    """A plan of `unit` as merged from a package (origin another unit than the store's)."""
    plan_id = str(uuid.uuid4())
    with store.session() as session:
        session.add(Plan(id=plan_id, origin_unit=unit, year=YEAR, title=f"Kế hoạch của {unit}"))
        session.add(PlanTarget(origin_unit=unit, plan_id=plan_id, indicator="households_pledged_pct",
                               threshold=threshold))
    return plan_id


def test_province_without_a_plan_ignores_a_clusters_plan(world: World) -> None:
    """Attack d: plans merged from below (a cluster's, a commune's) never set the receiving office's targets."""
    province = open_store(str(world.folder / "province.sqlite3"))
    profile.initialise(province, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    try:
        add_plan(province, OFFICE, 1.0)
        add_plan(province, A, 2.0)
        with province.session_factory() as session:
            assert year_plan(session, YEAR) is None and stats.year_plan(session, YEAR) is None
            assert stats.target_statuses(session, YEAR) == []
        own = records.create(province, "plan", {"year": YEAR, "title": "Kế hoạch của tỉnh"}, actor=ACTOR)
        with province.session_factory() as session:
            assert stats.year_plan(session, YEAR).id == own  # type: ignore[union-attr]
        # The cluster with no plan of its own: its province's plan, never a commune's below it.
        cluster = make_upper(str(world.folder / "cluster2.sqlite3"))
        try:
            enrol_recipient(cluster, province)
            add_plan(cluster, A, 3.0)
            above = add_plan(cluster, "01", 95.0)
            with cluster.session_factory() as session:
                assert stats.year_plan(session, YEAR).id == above  # type: ignore[union-attr]
                assert [t.threshold for t in stats.target_statuses(session, YEAR)] == [95.0]
        finally:
            cluster.close()
    finally:
        province.close()


def test_a_plan_package_inside_a_forward_is_not_merged_as_data(world: World) -> None:
    """A10: merge_one writes only full/incremental packages. A "plan" package signed by commune 00004, carried
    inside its cluster's forward, used to be taken as data: held as a sequence gap, to be merged as data once
    00004's next package arrived."""
    province = open_store(str(world.folder / "province.sqlite3"))
    profile.initialise(province, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    try:
        with province.session() as session:
            keys.trust_add(session, key_file(world.office), actor=ACTOR, role="district", communes=[A, B])
            keys.trust_add(session, world.a.key_file(), actor=ACTOR)
        plan = fresh(world.records(world.a, "plan")[0], title="Kế hoạch gửi như dữ liệu")
        meta = PackageMeta(Producer(A, NAMES[A], "commune"), 1, "plan", str(YEAR), "t", "1")
        inner = world.folder / "plan-as-data.antq"
        with world.a.store.session_factory() as session, KeyStore.unlock(keys.active_blob(session), PASSWORD) as s:
            write_package(inner, [plan], meta, s, None, encrypted=False)
        path = forward_package(world.office, province, [inner], world.folder / "forward.antq")
        before = capture(province)
        (result,) = merge(province, path)  # the whole forward, before any inner package is merged
        assert result.status == "refused" and result.code == "NOT_AUTHORISED", (result.code, result.message)
        assert A in result.message and "plan" in result.message
        assert_unchanged(province, before)
        honest = world.a.export(province, name="honest.antq", advance=False)  # beside an honest package: whole
        path = forward_package(world.office, province, [honest, inner], world.folder / "forward2.antq")
        (result,) = merge(province, path)
        assert result.status == "refused" and result.code == "NOT_AUTHORISED", (result.code, result.message)
        assert_unchanged(province, before, max_log_rows=2)
    finally:
        province.close()


def test_the_same_record_twice_in_one_package_is_refused(world: World) -> None:
    """A11: a record id appears once per package, even with another type's records between its two copies."""
    household = world.records(world.a, "household")[0]
    area = fresh(world.records(world.a, "residential_area")[0], name="Khu mới")
    rows = [changed(household, head_name="Nguyễn Văn Một"), area, changed(household, revision=household["revision"] + 1,
                                                                          head_name="Nguyễn Văn Hai")]
    path = world.a.export(world.office, records=rows, advance=False)
    refused_unchanged(world.office, path, "VALIDATION_ERROR", household["id"], "hai lần")


def test_check_flags_what_the_authority_model_forbids(world: World) -> None:
    """`antq check` used to call a store whole after the issue's first attack: a commune's household in another
    commune's area, a commune's announced key stored as an office, a vouched office key, a key for the office's
    own unit, a package merged under the office's own code (any spelling). Each is now a problem naming it."""
    from antq_desktop.services import check

    assert check.run_checks(world.office).ok
    other_area = world.records(world.b, "residential_area")[0]["id"]
    household = world.records(world.a, "household")[0]["id"]
    fake = impostor(world.folder / "fake", "district", OFFICE, "Cụm giả")
    try:
        plant_key(world.office, fake, "district")  # a key for the office's own unit
    finally:
        fake.store.close()
    with world.office.session() as session:
        session.execute(records_table("household").update().where(records_table("household").c.id == household)
                        .values(area_id=other_area))
        commune_key = session.execute(select(KnownKey).where(KnownKey.unit_code == A)).scalar_one()
        for key_id, source, role in (("a" * 32, "announced", "district"), ("b" * 32, "vouched", "province")):
            session.add(KnownKey(key_id=key_id, unit_code=A, unit_name=NAMES[A], role=role,
                                 signing_public=commune_key.signing_public,
                                 receiving_public=commune_key.receiving_public, fingerprint=f"FP-{source}",
                                 source=source, replaces_key_id=commune_key.key_id, enrolled_by=ACTOR,
                                 is_trusted=True))
        session.add(ProducerState(producer_unit="cum-01", key_id="c" * 32, last_sequence=1,  # merged "from" itself
                                  last_package_uuid=str(uuid.uuid4()), last_package_sha256="0" * 64))
    report = check.run_checks(world.office)
    text = "\n".join(report.problems)
    assert "households" in text and "residential_area" in text, text
    assert "FP-announced" in text and "FP-vouched" in text and f"đơn vị {OFFICE}" in text, text
    assert "dưới mã cum-01" in text, text
    assert len(report.problems) == 5, text


def records_table(record_type: str) -> Any:
    from antq_desktop.storage.models import MODEL_BY_TYPE

    return MODEL_BY_TYPE[record_type].__table__


def test_a_former_upper_offices_plan_never_sets_the_targets(world: World) -> None:
    """A8: a commune that moved from CUM-01 to CUM-02 is measured against CUM-02's plan. CUM-01's plan, stamped
    far in the future by its own laptop, used to win as "the newest plan from above" for ever."""
    with world.a.store.session() as session:  # the commune's own plan does not count here (it would win)
        session.execute(Plan.__table__.update().where(Plan.origin_unit == A).values(deleted=True))
    enrol_recipient(world.a.store, world.office)
    old = add_plan(world.a.store, OFFICE, 5.0)
    with world.a.store.session() as session:
        session.execute(Plan.__table__.update().where(Plan.id == old).values(updated_at=datetime(2099, 1, 1)))
    cum2 = make_upper(str(world.folder / "cum2.sqlite3"))
    try:
        with cum2.session() as session:
            session.execute(UnitProfile.__table__.update().values(unit_code="CUM-02"))
        enrol_recipient(world.a.store, cum2)
        new = add_plan(world.a.store, "CUM-02", 80.0)
        with world.a.store.session_factory() as session:
            assert stats.year_plan(session, YEAR).id == new  # type: ignore[union-attr]
            assert [t.threshold for t in stats.target_statuses(session, YEAR)] == [80.0]
    finally:
        cum2.close()


def test_an_own_inner_package_of_another_unit_is_an_authority_refusal(world: World) -> None:
    """A6: the cluster labels commune 00004's package as its "own" (opened with the province's keys, not a
    passed-on payload key). Refused before, but as a damaged file; now NOT_AUTHORISED naming both units."""
    province = open_store(str(world.folder / "province.sqlite3"))
    profile.initialise(province, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    try:
        with province.session() as session:
            keys.trust_add(session, key_file(world.office), actor=ACTOR, role="district", communes=[A, B])
            keys.trust_add(session, world.a.key_file(), actor=ACTOR)
        inner = world.a.export(province, name="own.antq", advance=False)
        path = forward_package(world.office, province, [inner], world.folder / "forward.antq", own=True)
        before = capture(province)
        (result,) = merge(province, path)
        assert result.status == "refused" and result.code == "NOT_AUTHORISED", (result.code, result.message)
        assert A in result.message and OFFICE in result.message and "hỏng" not in result.message
        assert_unchanged(province, before)
    finally:
        province.close()
