"""A package's records read, checked and validated in a child process while the merge writes (issue 18).

About half of a merge's CPU never touches the store: read, decrypt, inflate and strictly parse the
lines, check each record's shape, validate it like a GUI entry, compute its search and sort keys. The
child does that for batch k+1 while the main process classifies and writes batch k, on the second core.

Same checks, same order, same refusals as the single-process path:
* the child reads the file with `package_reader.iter_records` itself (header compared again, payload
  re-hashed, record counts and every cap checked when the stream ends); the main process opens the
  payload key and hands over only its 32 bytes;
* batches are grouped exactly as `batches` groups them, and a reader error reaches the main process
  only after the batches before it;
* a batch the child could not finish (bad shape, validation refused, anything unexpected) comes back
  as its raw records, and the main process runs that batch's checks itself, in today's order, so the
  refusal is the one the single-process merge gives (an authority refusal still wins over validation);
* cancel, an error in the main process or the end of a merge ends the child (terminate + join); a child
  that dies is a clean IO_ERROR refusal. The child also exits by itself if its parent goes away;
* while a new child still imports (~0.5 s), the merge reads the first batches itself (`_begun_here`) and
  the child reads on from the next record: no wait for its start.

One child is kept for the packages of one merge command (`close_idle` after the loop). It is spawned (never
forked: the merge runs in a QThread), so a program starting a merge must guard its main module
(`if __name__ == "__main__":`) and call `multiprocessing.freeze_support()` first when frozen.
"""

from __future__ import annotations

import atexit
import itertools
import multiprocessing
import os
import pickle
import queue
import threading
from collections.abc import Generator, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, cast

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import CANCELLED, IO_ERROR, MALFORMED, PackageError
from antq_desktop.exchange.package_format import AUDIT_TYPES
from antq_desktop.exchange.package_reader import Limits, PayloadKeyOpener, VerifiedPackage
from antq_desktop.exchange.stream_crypto import payload_key_info
from antq_desktop.services.authority.table import REFERENCE_COLUMNS
from antq_desktop.services.merge.results import CANCELLED_MESSAGE, Cancel

BATCH_SIZE = 2000  # rows per executemany: flat memory however large the package
ANNOUNCEMENT = "key_announcement"
SESSION_TYPES = frozenset({"assessment", "meeting"})  # validation needs the store (unit types): main process
WORKER_ENV = "ANTQ_MERGE_WORKER"  # "1": always the child, "0": never (tests); unset: by size and CPUs
MIN_RECORDS = 10_000  # below this the child's start and the pickling cost more than they save
POLL_SECONDS = 0.1  # how often a waiting main process looks at cancel
AHEAD = 4  # batches the child may send before the merge takes them (a pickled batch of 2,000 rows: ~0.6 MiB)
WORKER_DIED = ("Tiến trình đọc gói dữ liệu bị dừng bất thường (có thể máy thiếu bộ nhớ hoặc tiến trình bị tắt). "
               "Gói chưa được nhập và dữ liệu không thay đổi. Hãy đóng bớt chương trình đang chạy rồi nhập lại gói.")
ABORT, ABORTED = "abort", "aborted"  # drop the job read ahead (`read_ahead`), and the child's answer
READY, FROM = "ready", "from"  # a job begun here: the child says it has started, the merge says where it goes on
_REFERENCES = tuple(REFERENCE_COLUMNS)  # what the authority check reads of a raw record, beside its id


@dataclass
class FedBatch:
    """One batch as the merge consumes it. `rows` None: the main process runs every check on `records`
    (from `metas` if given); otherwise `records` holds only the raw reference columns (None when they equal
    the rows'), `rows` the validated rows and `derived` their search/sort keys (None: derive in the main)."""

    record_type: str
    done: int  # records read so far (progress)
    records: list[dict[str, Any]] | None
    metas: list[dict[str, Any]] | None = None
    rows: list[dict[str, Any]] | None = None
    derived: list[dict[str, str]] | None = None


def batches(records: Iterable[dict[str, Any]], size: int, start: int = 0) -> Iterator[tuple[list[dict[str, Any]], int]]:
    """Records grouped by consecutive type, at most `size` at a time, with the running count (from `start`:
    the records already read before these)."""
    pending: list[dict[str, Any]] = []
    seen = start
    for record in records:
        seen += 1
        if pending and (record.get("type") != pending[0].get("type") or len(pending) >= size):
            yield pending, seen - 1
            pending = []
        pending.append(record)
    if pending:
        yield pending, seen


def local_feed(package: VerifiedPackage, opener: PayloadKeyOpener | None,
               limits: Limits) -> Generator[FedBatch, None, None]:
    """The single-process path: raw batches, every check left to the merge."""
    for records, done in batches(package_reader.iter_records(package, opener, limits=limits), BATCH_SIZE):
        yield FedBatch(records[0]["type"], done, records)


def forced(worker: bool | None) -> bool | None:
    """The merge's choice (`MergeOptions.worker`), else the environment's switch (tests), else None: by size."""
    env = os.environ.get(WORKER_ENV)
    if worker is None and env in ("0", "1"):
        return env == "1"
    return worker


def wanted(package: VerifiedPackage, worker: bool | None) -> bool:
    """The child pays only for large packages and with a second CPU; the switch forces either way."""
    forced_to = forced(worker)
    if forced_to is not None:
        return forced_to
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return cpus > 1 and package.header.total_records >= MIN_RECORDS


# ---- the main process's side ----

@dataclass(frozen=True)
class OpenedKey:
    """What the child needs to decrypt: the payload key already opened (or the refusal opening gave)."""

    receiving_key_id: str
    payload_key: bytes = b""
    error: tuple[str, str, str] | None = None

    def open_payload_key(self, wrapped: bytes, info: bytes) -> bytes:
        if self.error is not None:
            raise PackageError(self.error[0], self.error[1], self.error[2])
        return self.payload_key


def opened_key(package: VerifiedPackage, opener: PayloadKeyOpener | None) -> OpenedKey | None:
    """The payload key opened here with the officer's unlocked key; nothing else of it crosses the pipe."""
    header = package.header
    if opener is None or not header.encrypted:
        return None  # the reader refuses an encrypted package without a key, as it does in one process
    if opener.receiving_key_id != header.recipient_key_id or header.wrapped_key is None:
        return OpenedKey(opener.receiving_key_id)  # the reader refuses WRONG_RECIPIENT before opening
    assert header.recipient_key_id is not None
    info = payload_key_info(header.package_id, header.producer.unit_code, header.signer_key_id,
                            header.recipient_key_id)
    try:
        return OpenedKey(opener.receiving_key_id, opener.open_payload_key(header.wrapped_key, info))
    except PackageError as exc:
        return OpenedKey(opener.receiving_key_id, error=(exc.code, exc.message_vi, exc.detail))
    except OSError as exc:  # what the reader's guard makes of it
        return OpenedKey(opener.receiving_key_id, error=(IO_ERROR, "", f"{type(exc).__name__}: {exc.strerror}"))
    except Exception as exc:  # noqa: BLE001 - the reader's contract: only PackageError
        return OpenedKey(opener.receiving_key_id, error=(MALFORMED, "", f"unexpected {type(exc).__name__}"))


class _Worker:
    def __init__(self) -> None:
        context = _context()
        self.conn, child_end = context.Pipe(duplex=True)
        self.process: BaseProcess = context.Process(target=serve, args=(child_end,), name="antq-merge-feed",
                                                    daemon=True)
        self.process.start()
        child_end.close()
        self.pending: tuple[Any, ...] | None = None  # the job sent ahead by `read_ahead`, not yet claimed
        self.jobs_sent = 0  # a job may be begun here (`worker_feed`) only on a child given none yet
        self.unanswered = 0  # jobs dropped (ABORT sent) whose ABORTED has not come back yet
        # The child's messages, taken off the pipe as they come by a thread (it waits in the read, without the
        # GIL): a pickled batch does not fit the pipe's buffer, so without it the child could run only one
        # batch ahead and waited whenever this process was slower (a commit, the end-state checks).
        self.inbox: queue.Queue[bytes | None] = queue.Queue(AHEAD)
        self.stopping = threading.Event()
        self.receiver = threading.Thread(target=self._receive_all, name="antq-merge-feed-receiver", daemon=True)
        self.receiver.start()

    def _receive_all(self) -> None:
        """The receiving thread: every message into the inbox, then None when the child is gone."""
        while not self.stopping.is_set():
            try:
                data: bytes | None = self.conn.recv_bytes()
            except (EOFError, OSError):
                data = None
            while not self.stopping.is_set():
                try:
                    self.inbox.put(data, timeout=POLL_SECONDS)
                    break
                except queue.Full:
                    continue
            if data is None:
                return

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
        """At once: a worker mid-package is killed (it only reads), then reaped: no zombie. The pipe is closed
        only once the receiving thread has left it (the child's end closed with it: end of file)."""
        self.stopping.set()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.receiver.join()
        self.conn.close()
        self.process.close()

    def send_job(self, job: tuple[Any, ...], *, begun_here: bool = False) -> None:
        """`begun_here`: the child says READY once it runs, then waits for FROM (where to go on) or ABORT."""
        self.send((*job, begun_here))
        self.jobs_sent += 1

    def send(self, message: tuple[Any, ...]) -> None:
        try:
            self.conn.send_bytes(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))
        except OSError:  # the child is gone already (killed, out of memory)
            self.process.join(1)
            raise PackageError(IO_ERROR, WORKER_DIED, detail=f"record feed exit code {self.process.exitcode}") from None

    def claim(self, job: tuple[Any, ...]) -> None:
        """Make `job` this child's current job: already running if it was read ahead, else sent now. Only on a
        child from `_ready_for`, which dropped any job read ahead for another file."""
        if self.pending is None:
            self.send_job(job)
        self.pending = None

    def drop(self) -> None:
        """Drop the current job without waiting: its answers (READY, ABORTED) are skipped when they come."""
        self.send((ABORT,))
        self.unanswered += 1
        self.pending = None

    def abort(self) -> None:
        """Drop the job read ahead and wait: the child stops at its next batch and answers; what it sent before
        (batches of the dropped job) is dropped."""
        self.drop()
        while self.unanswered:
            self.next_message(None)

    def waiting(self) -> bool:
        """Whether a message has come (for a job begun here: the child's READY, or its end)."""
        return not self.inbox.empty()

    def receive(self, cancel: Cancel | None) -> Any:
        """The current job's next message: the answers of dropped jobs are skipped."""
        while True:
            message = self.next_message(cancel)
            if message[0] not in (READY, ABORTED):
                return message

    def next_message(self, cancel: Cancel | None) -> Any:
        """The next message; cancel is looked at while waiting. A dead child: a clean IO_ERROR refusal."""
        while True:
            if cancel is not None and cancel.is_set():
                raise PackageError(CANCELLED, message_vi=CANCELLED_MESSAGE)
            try:
                data = self.inbox.get(timeout=POLL_SECONDS)
            except queue.Empty:
                if self.receiver.is_alive():
                    continue
                data = None  # the receiving thread ended (the child's end of file) and was already read
            if data is None:
                self.process.join(1)
                raise PackageError(IO_ERROR, WORKER_DIED, detail=f"record feed exit code {self.process.exitcode}")
            message = pickle.loads(data)
            if message[0] == ABORTED:
                self.unanswered -= 1
            return message


_idle: _Worker | None = None  # the merge command's child between two packages
_idle_lock = threading.Lock()  # two merges in two threads never share one child


def _context() -> Any:  # a multiprocessing context (typeshed's BaseContext lacks Process)
    """spawn everywhere: the same on Linux, Windows and in the frozen build (freeze_support in the entry points),
    and never a fork of a process whose other threads (the GUI, the merge's QThread) hold locks. Its cost, the
    child's imports, is paid once per merge command and overlaps the key unlock (`warm`)."""
    return multiprocessing.get_context("spawn")


def _take() -> _Worker:
    global _idle
    with _idle_lock:
        worker, _idle = _idle, None
    if worker is not None and worker.alive():
        return worker
    if worker is not None:
        worker.stop()
    return _Worker()


def warm() -> None:
    """Start the child now (if none waits), while the main process unlocks the key and checks the header."""
    global _idle
    with _idle_lock:
        if _idle is not None and _idle.alive():
            return
        if _idle is not None:
            _idle.stop()
        _idle = _Worker()


def close_idle() -> None:
    """End the child kept between packages (end of a merge command; also at exit)."""
    global _idle
    with _idle_lock:
        worker, _idle = _idle, None
    if worker is not None:
        worker.stop()


atexit.register(close_idle)


def read_ahead(package: VerifiedPackage, opener: PayloadKeyOpener | None, limits: Limits) -> None:
    """Start the child on `package` now: the merge command's next file, verified, while this process still
    checks the end state of the current one and commits it (issue 18: the child otherwise waits idle there,
    ~0.15 s a package). `worker_feed` takes the batches if that package is the next one it reads, with the
    same key and limits; anything else drops them (`_Worker.abort`). The child's work is a pure function of
    the file's bytes (the signed header, the payload re-hashed against it) and the key, so batches read
    ahead are the ones it would read later. Never raises: a failure only means no reading ahead."""
    global _idle
    job = (package, opened_key(package, opener), limits, BATCH_SIZE)
    try:
        worker = _ready_for(job)
    except OSError:  # no child could be started: the package will say so when its turn comes
        return
    if worker.pending is None:  # (else a held package merged in between asked for the same file again)
        try:
            worker.send_job(job)
        except PackageError:  # the child died: the next package starts a new one
            worker.stop()
            return
        worker.pending = _identity(job)
    with _idle_lock:
        keep = _idle is None
        if keep:
            _idle = worker
    if not keep:
        worker.stop()


def _identity(job: tuple[Any, ...]) -> tuple[Any, ...]:
    """What the child's batches depend on: the file (its signed header, hence its payload, and its hash), the
    payload key, the caps and the batch size. Trust is not in it: the merge verifies the file again, in turn."""
    package, key, limits, size = job
    return (str(package.path), package.header.raw, package.package_sha256, key, limits, size)


def worker_feed(package: VerifiedPackage, opener: PayloadKeyOpener | None, limits: Limits,
                cancel: Cancel | None, *, begin_here: bool = False) -> Generator[FedBatch, None, None]:
    """The same batches as `local_feed`, read and checked by the child. Ends the child on any exit but a
    clean end of the package (it then waits, idle, for the merge command's next package).

    `begin_here` (the merge chose the child by size, not by a switch): a child not yet started (its imports
    take ~0.5 s, issue 18) leaves the first batches to this process, as `local_feed` reads them (`_begun_here`)."""
    global _idle
    key = opened_key(package, opener)
    job = (package, key, limits, BATCH_SIZE)
    worker = _ready_for(job)
    finished = False
    try:
        if begin_here and worker.jobs_sent == 0:
            worker.send_job(job, begun_here=True)
            handed_over = yield from _begun_here(worker, package, key if key is not None else opener, limits,
                                                 cancel)
            if not handed_over:  # read here to its end before the child started: it never reads this one
                worker.drop()
                finished = True
                return
        else:
            worker.claim(job)
        while True:
            message = worker.receive(cancel)
            kind = message[0]
            if kind == "end":
                finished = True
                return
            if kind == "error":
                raise PackageError(message[1], message[2], message[3])
            yield _unpacked(message)
    finally:
        with _idle_lock:
            keep = finished and _idle is None
            if keep:
                _idle = worker
        if not keep:
            worker.stop()


def _begun_here(worker: _Worker, package: VerifiedPackage, key: PayloadKeyOpener | None, limits: Limits,
                cancel: Cancel | None) -> Generator[FedBatch, None, bool]:
    """`local_feed`'s batches until the child has started; then the child reads on from the next record.
    Returns whether it took over (False: this process read the whole package).

    The child is told where to begin as this process takes its last batch, so it skips the records read here
    (parsed, not checked) while that batch is checked and written. Its batches are the ones this process would
    have read next: `batches` cuts a run of records the same way from any batch boundary, and the child reads
    the whole payload, so the payload hash, the record counts and every cap are still checked at its end."""
    reader = package_reader.iter_records(package, key, limits=limits)
    with closing(reader):
        for records, done in batches(reader, BATCH_SIZE):
            started = worker.waiting()
            if started:
                if worker.next_message(cancel)[0] != READY:  # nothing else can come before it
                    raise PackageError(IO_ERROR, WORKER_DIED, detail="record feed: no READY")
                worker.send((FROM, done))
            yield FedBatch(records[0]["type"], done, records)
            if started:
                return True
    return False


def _ready_for(job: tuple[Any, ...]) -> _Worker:
    """The child to read `job`: the idle one, a job it read ahead for another file dropped first; a new one if
    it died reading ahead, so that a file this merge never took cannot cost this package a refusal."""
    worker = _take()
    if worker.pending is not None and worker.pending != _identity(job):
        try:
            worker.abort()
        except PackageError:
            worker.stop()
            worker = _Worker()
    return worker


def _unpacked(message: tuple[Any, ...]) -> FedBatch:
    _, record_type, done, records, metas, rows, derived = message
    return FedBatch(record_type, done, records, metas, rows, derived)


# ---- the child's side ----

def serve(conn: Connection) -> None:
    """One package after another until the parent closes the pipe (or goes away)."""
    while (job := _received(conn)) is not None:
        if job == (ABORT,):  # the job it dropped had ended already
            _send(conn, (ABORTED,))
            continue
        package, key, limits, size, begun_here = job
        start = 0
        if begun_here:  # the merge reads the first batches itself until it hears the child has started
            _send(conn, (READY,))
            reply = _received(conn)
            if reply is None:
                return
            if reply == (ABORT,):  # the merge read the whole package itself
                _send(conn, (ABORTED,))
                continue
            start = reply[1]
        _feed_one(conn, package, key, limits, size, start)


def _received(conn: Connection) -> Any:
    """The parent's next message; None once it closed the pipe or went away."""
    try:
        return pickle.loads(conn.recv_bytes())
    except (EOFError, OSError):
        return None


def _feed_one(conn: Connection, package: VerifiedPackage, key: OpenedKey | None, limits: Limits, size: int,
              start: int) -> None:
    """Batches from record `start` on (the records before it were read by the merge: `_begun_here`)."""
    producer = package.header.producer.unit_code
    try:
        rest = itertools.islice(package_reader.iter_records(package, key, limits=limits), start, None)
        for records, done in batches(rest, size, start):
            if conn.poll():  # only ever an abort of this job, read ahead and not wanted
                conn.recv_bytes()
                _send(conn, (ABORTED,))
                return
            _send(conn, _checked(records, done, producer))
    except PackageError as exc:
        _send(conn, ("error", exc.code, exc.message_vi, exc.detail))
        return
    _send(conn, ("end",))


def _send(conn: Connection, message: tuple[Any, ...]) -> None:
    conn.send_bytes(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))


def _checked(records: list[dict[str, Any]], done: int, producer: str) -> tuple[Any, ...]:
    """A batch checked as far as the child can; what it cannot finish goes back raw for the main to check."""
    from antq_desktop.services.merge.incoming import check_shape

    record_type = records[0]["type"]
    raw: tuple[Any, ...] = ("batch", record_type, done, records, None, None, None)
    if record_type in AUDIT_TYPES:  # already checked by check_audit_head: the merge skips them
        return ("batch", record_type, done, None, None, None, None)
    if record_type == ANNOUNCEMENT:
        return raw
    try:
        metas = [check_shape(record, producer) for record in records]
    except Exception:  # noqa: BLE001 - the main process checks this batch again and gives the real refusal
        return raw
    if record_type in SESSION_TYPES:
        return ("batch", record_type, done, records, metas, None, None)
    try:
        rows = _validated(record_type, records, metas)
    except Exception:  # noqa: BLE001 - as above: refused again, in order, by the main process
        return ("batch", record_type, done, records, metas, None, None)
    # rows as dicts: pickle keeps one copy of each key per batch, and loading dicts costs the main process less
    # than rebuilding them from tuples (measured: 48 ms against 60 ms per 30,000-record package)
    return ("batch", record_type, done, _raw_references(record_type, records, rows), None, rows,
            _derived(record_type, rows))


def _validated(record_type: str, records: list[dict[str, Any]], metas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from sqlalchemy.orm import Session

    from antq_desktop.services.merge.incoming import validated_rows

    # No store here: validated_rows reads the session only for SESSION_TYPES, which never come this way.
    return validated_rows(cast(Session, None), record_type, records, metas)


def _raw_references(record_type: str, records: list[dict[str, Any]],
                    rows: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The raw records' reference columns, for the authority check before validation; None when validation
    left every reference as it came (that check then is the same as the one on the rows). Only the columns
    the type has: the only ones that check reads."""
    from antq_desktop.services.authority.records import reference_columns

    if all([record.get(column) for record in records] == [row.get(column) for row in rows]
           for column, _ in reference_columns(record_type)):
        return None
    return [{column: record[column] for column in ("id", *_REFERENCES) if column in record} for record in records]


def _derived(record_type: str, rows: list[dict[str, Any]]) -> list[dict[str, str]] | None:
    from antq_desktop.services.records import rules as record_rules

    try:
        return [record_rules.derived_keys(record_type, row) for row in rows]
    except Exception:  # noqa: BLE001 - the main process derives them itself (add_derived_keys)
        return None
