"""Throughput of the .antq writer and reader against plain json.dumps + zlib, same records.

Run: PYTHONPATH=src .venv/bin/python bench/bench_package_format.py [record_count]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


if __name__ == "__main__":
    main()
