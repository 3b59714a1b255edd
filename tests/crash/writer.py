"""Run by the crash tests in a child process: write to a store until killed (or until done).

    python writer.py DB households BATCH AREA_ID   create_many batches of BATCH households, forever
    python writer.py DB demo BATCH                 demo.generate(households=BATCH), forever
    python writer.py DB add COUNT AREA_ID          COUNT households in small transactions, then exit

Prints "go" once the store is open and "done N" after each committed transaction, so the parent
knows what must have survived a kill.
"""

from __future__ import annotations

import sys

from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import open_store

ADD_CHUNK = 10  # households per transaction in "add" mode


def main(argv: list[str]) -> int:
    db, mode, size = argv[1], argv[2], int(argv[3])
    area = argv[4] if len(argv) > 4 else ""
    store = open_store(db)
    if mode == "demo":  # Faker is slow to import: only this mode pays, and before "go"
        from antq_desktop.services import demo
    print("go", flush=True)
    done = 0
    while mode != "add" or done * ADD_CHUNK < size:
        if mode == "households":
            rows = [{"area_id": area, "head_name": f"Nguyễn Văn Hộ {done}-{i}"} for i in range(size)]
            records.create_many(store, "household", rows, actor="admin")
        elif mode == "demo":
            demo.generate(store, households=size, seed=done + 1)
        else:
            rows = [{"area_id": area, "head_name": f"Trần Thị Hộ {done}-{i}"} for i in range(ADD_CHUNK)]
            records.create_many(store, "household", rows, actor="admin")
        done += 1
        print(f"done {done}", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
