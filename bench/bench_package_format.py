"""Throughput of the .antq writer and reader against plain json.dumps + zlib, same records; and the
whole `antq export` command against plain code doing the same work (`results()`, used by `make bench`).

Run: PYTHONPATH=src .venv/bin/python bench/bench_package_format.py [record_count]
     PYTHONPATH=src .venv/bin/python bench/bench_package_format.py export [households] [repeats]
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, Result, run_python  # noqa: E402

from antq_desktop.exchange.keys import TrustedKey, read_public_key_file
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import Producer
from antq_desktop.exchange.package_reader import read_package
from antq_desktop.exchange.package_writer import PackageMeta, write_package

TYPES = ("household", "pledge", "organization", "residential_area", "registration")


def records(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {
            "type": TYPES[i % len(TYPES)],
            "id": str(uuid.UUID(int=i)),
            "origin_unit": "00004",
            "revision": 1 + i % 4,
            "deleted": i % 50 == 0,
            "created_at": "2026-01-02T03:04:05Z",
            "updated_at": "2026-03-04T05:06:07Z",
            "name": f"Hộ gia đình ông Nguyễn Văn Thắng số {i}",
            "address": f"Số {i % 300} ngõ {i % 40} phố Đội Cấn, phường Ba Đình",
            "members": i % 7 + 1,
            "note": "Đã ký cam kết thực hiện phong trào\nTổ dân phố số 3" if i % 3 else None,
            "score": 87.5,
        }


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:>10,.0f} records/s  ({seconds:.2f} s)"


def bench_raw(n: int, folder: Path) -> float:
    start = time.perf_counter()
    z = zlib.compressobj(6)
    with open(folder / "raw.jsonl.z", "wb") as f:
        for record in records(n):
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
            f.write(z.compress(line.encode()))
        f.write(z.flush())
    return time.perf_counter() - start


def bench_raw_read(n: int, folder: Path) -> float:
    start = time.perf_counter()
    data = zlib.decompress((folder / "raw.jsonl.z").read_bytes())
    count = sum(1 for line in data.splitlines() if json.loads(line))
    assert count == n
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150_000
    store = KeyStore()  # default Argon2 cost; unlocking is outside the timed sections
    sender_blob, sender = store.create("bench")
    office_blob, _ = store.create("bench")
    office = read_public_key_file(store.export_public_key_file(office_blob, "bench", "D01", "Cụm Đông", "district"))
    trusted = {sender.signing_key_id: TrustedKey(sender.signing_key_id, "00004",
                                                 sender.signing_public)}  # fmt: skip
    meta = PackageMeta(Producer("00004", "Phường Ba Đình", "commune"), 1, "full", "2026",
                       "bench", "1")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        raw_w = bench_raw(n, folder)
        raw_r = bench_raw_read(n, folder)
        results = {}
        for encrypted in (True, False):
            path = folder / f"p-{encrypted}.antq"
            with KeyStore.unlock(sender_blob, "bench") as keys:
                start = time.perf_counter()
                written = write_package(path, records(n), meta, keys, office, encrypted=encrypted)
                write_s = time.perf_counter() - start
            with KeyStore.unlock(office_blob, "bench") as keys:
                start = time.perf_counter()
                _, it = read_package(path, trusted.get, keys)
                count = sum(1 for _ in it)
                read_s = time.perf_counter() - start
            assert count == n
            results[encrypted] = (write_s, read_s, written.file_size)
        raw_size = (folder / "raw.jsonl.z").stat().st_size
    print(f"{n:,} records")
    print(f"raw json.dumps+zlib write      {rate(n, raw_w)}  {raw_size:,} bytes")
    for encrypted, (write_s, _, size) in results.items():
        label = "encrypted" if encrypted else "plain    "
        print(f".antq {label} write          {rate(n, write_s)}  {size:,} bytes")
    print(f"raw zlib+json.loads read       {rate(n, raw_r)}")
    for encrypted, (_, read_s, _) in results.items():
        label = "encrypted" if encrypted else "plain    "
        print(f".antq {label} verify+read    {rate(n, read_s)}")


# ---- the whole export command against plain code doing the same work (issue 18, point 3) ----

EXPORT_PASSWORD = "mot cau rat dai cho bench"
EXPORT_HOUSEHOLDS = int(os.environ.get("BENCH_EXPORT_HOUSEHOLDS", "5000"))
EXPORT_REPEATS = int(os.environ.get("BENCH_EXPORT_REPEATS", "5"))
EXPORT_CACHE = OUT / "export"


def prepare_export(households: int) -> Path:
    """A commune store with `households` demo households and its upper office's key (cached)."""
    from antq_desktop.services import demo
    from antq_desktop.services.keys import registry as keys
    from antq_desktop.services.setup import profile
    from antq_desktop.storage.db import open_store
    folder = EXPORT_CACHE / str(households)
    if (folder / "ready.json").exists():  # a store cached before a migration: migrated once here, not in each run
        open_store(str(folder / "commune.sqlite3")).close()
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    office = open_store(str(folder / "office.sqlite3"))
    commune = open_store(str(folder / "commune.sqlite3"))
    try:
        profile.initialise(office, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                           officer_name="Cán bộ cụm", password=EXPORT_PASSWORD)
        profile.initialise(commune, role="commune", unit_code="00070", officer_name="Cán bộ xã",
                           password=EXPORT_PASSWORD)
        with office.session_factory() as session:
            office_key = keys.public_key_file(session, EXPORT_PASSWORD)
        with commune.session() as session:
            keys.set_recipient(session, office_key, actor="admin")
        demo.generate(commune, households=households, seed=7)
    finally:
        office.close()
        commune.close()
    (folder / "office.sqlite3").unlink()
    (folder / "ready.json").write_text(json.dumps({"households": households}))
    return folder


def _tables() -> list[dict[str, Any]]:
    """What plain code knows of the schema: each synced table's exported columns, in the export's order."""
    from antq_desktop.storage.canonical import exported_columns
    from antq_desktop.storage.models import SYNCED_MODELS
    return [{"table": m.__tablename__, "type": m.RECORD_TYPE, "columns": [c.name for c in exported_columns(m)]}
            for m in SYNCED_MODELS]


# A counting proxy in front of argon2's C binding: every derivation (hash, raw hash, verify) passes here.
_COUNT_ARGON2 = """
import argon2.low_level as _ll
class _Counting:
    def __init__(self, real): self.real, self.calls = real, 0
    def __getattr__(self, name):
        value = getattr(self.real, name)
        if name in ("argon2_hash", "argon2_verify", "argon2_ctx"):
            def counted(*a, _v=value):
                self.calls += 1
                return _v(*a)
            return counted
        return value
_ll.lib = _COUNTER = _Counting(_ll.lib)
"""

# The command's work is timed from sign-in to the end of the command, after its modules are imported (as
# bench_merge times merge_packages); the parent also times the whole process, interpreter start included.
_EXPORT = _COUNT_ARGON2 + """
import json, os, sys, time
os.environ["ANTQ_PASSWORD"] = sys.argv[3]
import antq_desktop.cli.package_commands  # what `antq export` imports before it signs in
from antq_desktop.cli.main import main
started, cpu = time.perf_counter(), time.process_time()
code = main(["--db", sys.argv[1], "export", "--full", "--out", sys.argv[2]])
work_s, work_cpu = time.perf_counter() - started, time.process_time() - cpu
assert code == 0, code
print(json.dumps({"argon2": _COUNTER.calls, "work_s": work_s, "work_cpu": work_cpu}))
"""

# Plain code doing the package's work: one Argon2id at the keystore's default cost (the key unlock); the
# same rows read with sqlite3: the audit entries' link lines (the two SHA-256 of the v2 formula, as
# storage/audit.py) then the records, canonical JSON, the live records' receipt digest, zlib level 6,
# ChaCha20-Poly1305 in 64 KiB chunks (the format's cipher), SHA-256 of the payload, one Ed25519
# signature, fsync.
_RAW = _COUNT_ARGON2 + """
import hashlib, json, os, sqlite3, sys, time, zlib
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
started, cpu = time.perf_counter(), time.process_time()
db, out, tables = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
kek = hash_secret_raw(b"password", os.urandom(16), 3, 64 * 1024, 1, 32, Type.ID)
aead, signer = ChaCha20Poly1305(os.urandom(32)), Ed25519PrivateKey.generate()
deflate, digest, receipt, pending, size, counter = zlib.compressobj(6), hashlib.sha256(), hashlib.sha256(), [], 0, 0
con = sqlite3.connect(db)
def dumps(value):
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
def sha(value):
    return hashlib.sha256(dumps(value)).hexdigest()
with open(out, "wb") as f:
    def seal(data):
        global counter
        for i in range(0, len(data), 65536):
            piece = aead.encrypt(counter.to_bytes(12, "big"), data[i:i + 65536], b"aad")
            counter += 1
            digest.update(piece)
            f.write(piece)
    def emit(line):
        global pending, size
        pending.append(line)
        size += len(line)
        if size >= 65536:
            seal(deflate.compress(b"".join(pending)))
            pending, size = [], 0
    sql = "SELECT at, actor, action, record_type, record_id, details, prev_hash, hash FROM audit_log ORDER BY id"
    for at, actor, action, rtype, rid, details, prev, link in con.execute(sql):
        content = sha([at[:10] + "T" + at[11:19] + "Z", actor, rtype, rid, details])
        ok = sha(["antq-audit-v2", prev, action, content]) == link
        emit(dumps({"type": "audit_link", "v": 2, "action": action, "digest": content} if ok
                   else {"type": "audit_link", "v": 1, "hash": link}) + b"\\n")
    for t in tables:
        cols = t["columns"]
        sql = f"SELECT {', '.join(cols)} FROM {t['table']} WHERE origin_unit = ? ORDER BY id"
        for row in con.execute(sql, ("00070",)):
            record = dict(zip(cols, row))
            record["type"] = t["type"]
            line = dumps(record) + b"\\n"
            if not record.get("deleted"):
                receipt.update(line)
            emit(line)
    seal(deflate.compress(b"".join(pending)) + deflate.flush())
    f.write(signer.sign(digest.digest()))
    f.flush()
    os.fsync(f.fileno())
print(json.dumps({"argon2": _COUNTER.calls, "work_s": time.perf_counter() - started,
                  "work_cpu": time.process_time() - cpu}))
"""


def _timed_child(code: str, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """A fresh process: its wall time seen from here and its CPU (user+system), imports included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = json.loads(run_python(code, *args, env=env).strip().splitlines()[-1])
    out["seconds"] = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out


def _export_once(folder: Path, run: Path, source: str | None = None) -> dict[str, Any]:
    db = run / "commune.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(folder / "commune.sqlite3", db)  # each run a first full export of the same store
    (run / "export.antq").unlink(missing_ok=True)
    env = {"PYTHONPATH": source} if source else None
    return _timed_child(_EXPORT, str(db), str(run / "export.antq"), EXPORT_PASSWORD, env=env)


def measure_export(households: int = EXPORT_HOUSEHOLDS, repeats: int = EXPORT_REPEATS,
                   against: str | None = None) -> dict[str, Any]:
    """`antq export --full` and the plain-code baseline alternated (A/B/A/B), medians. ``against``: another
    source tree (e.g. the main branch's src/) whose export is timed in the same rounds, for a before/after."""
    folder = prepare_export(households)
    tables = json.dumps(_tables())
    exports: list[dict[str, Any]] = []
    raws: list[dict[str, Any]] = []
    others: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        run = Path(tmp)
        for _ in range(repeats):
            if against:
                others.append(_export_once(folder, run, against))
            exports.append(_export_once(folder, run))
            raws.append(_timed_child(_RAW, str(folder / "commune.sqlite3"), str(run / "raw.bin"), tables))
    med = statistics.median
    out: dict[str, Any] = {"households": households, "repeats": repeats, "argon2": max(e["argon2"] for e in exports),
                           "raw_argon2": max(r["argon2"] for r in raws)}
    for name, runs in (("export", exports), ("raw", raws), ("against", others)):
        for key in ("work_s", "work_cpu", "seconds", "cpu"):
            if runs:
                out[f"{name}_{key}"] = med(run[key] for run in runs)
    if others:
        out["against"], out["against_argon2"] = against, max(e["argon2"] for e in others)
    for key in ("work_s", "work_cpu", "seconds", "cpu"):
        out[f"ratio_{key}"] = out[f"export_{key}"] / out[f"raw_{key}"]
        if others:
            out[f"against_ratio_{key}"] = out[f"against_{key}"] / out[f"raw_{key}"]
    return out


def results() -> list[Result]:
    m = measure_export()
    label = f"export {m['households']:,} households (antq export --full)"
    baseline = "plain sqlite3 + canonical json.dumps + zlib + ChaCha20-Poly1305 + 1 Argon2id"
    return [
        Result(f"{label}, sign-in to end, wall", m["export_work_s"], "s", m["raw_work_s"], baseline, "≤ 2×"),
        Result(f"{label}, sign-in to end, CPU", m["export_work_cpu"], "s", m["raw_work_cpu"], baseline, "≤ 2×"),
        Result(f"{label}, whole process (start, imports), wall", m["export_seconds"], "s", m["raw_seconds"],
               baseline + ", whole process", ""),
        Result("export: Argon2 derivations per command", m["argon2"], "", m["raw_argon2"], "plain code", "1"),
    ]

if __name__ == "__main__":
    if sys.argv[1:2] == ["export"]:
        sizes = [int(a) for a in sys.argv[2:4] if a.isdigit()]
        source = next((a.split("=", 1)[1] for a in sys.argv[2:] if a.startswith("--against=")), None)
        print(json.dumps(measure_export(*sizes, against=source), indent=1))
    else:
        main()
