"""The one place that writes ``ImportAttempt`` rows: every verify or merge attempt, accepted or refused.

Used by ``antq verify`` (B1) and by the merge (B2). Result values, shared by both:

* ``verified``  - ``antq verify`` found the package intact, trusted and addressed here (nothing merged)
* ``merged``    - records were merged
* ``duplicate`` - the same package was already merged (nothing to do)
* ``refused``   - refused; ``error_code`` is the stable English code (``PackageError.code``)
* ``held``      - an incremental package kept until its predecessor arrives
* ``dry_run``   - checked and counted, not merged

The row is added to the caller's session; the caller commits (for a refusal, in its own
short transaction, so the attempt is logged even though nothing else is kept).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from antq_desktop.exchange.package_format import PackageHeader
from antq_desktop.exchange.regular_file import open_regular, opened_size
from antq_desktop.services.merge.results import MergeStatus, PackageResult
from antq_desktop.storage.models import ImportAttempt

RESULTS = ("verified", "merged", "duplicate", "refused", "held", "dry_run")
MAX_HASHED_SIZE = 2 * 1024**3  # same cap as the reader: never hash an absurd file from a USB stick


def file_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 of the file as it is on the stick ("" if unreadable or above the reader's size cap)."""
    try:
        # A FIFO or /dev/zero is refused on open (NotRegularFileError is an OSError); the cap is read
        # from the opened file, so the path cannot be swapped for an endless one in between.
        with open_regular(path) as f:
            size = opened_size(f)
            if size > MAX_HASHED_SIZE:
                return ""
            digest, left = hashlib.sha256(), size
            while left and (block := f.read(min(1024 * 1024, left))):  # a file still growing is not followed
                digest.update(block)
                left -= len(block)
        return digest.hexdigest()
    except OSError:
        return ""


def log_attempt(session: Session, *, actor: str, path: str | os.PathLike[str], result: str,
                header: PackageHeader | None = None, file_sha256_hex: str | None = None,
                error_code: str | None = None, message: str | None = None,
                counts: dict[str, Any] | None = None) -> ImportAttempt:
    """Add one ImportAttempt row. ``header`` may be the unverified (claimed) header, or None."""
    if result not in RESULTS:
        raise ValueError(f"unknown import result {result!r}")
    row = ImportAttempt(
        actor=actor,
        file_name=Path(path).name[:400],
        file_sha256=file_sha256_hex if file_sha256_hex is not None else file_sha256(path),
        producer_unit=header.producer.unit_code if header is not None else None,
        package_uuid=header.package_id if header is not None else None,
        sequence=header.sequence if header is not None else None,
        kind=header.kind if header is not None else None,
        result=result,
        error_code=error_code,
        message=message,
        counts=json.dumps(counts or {}, ensure_ascii=False, sort_keys=True),
    )
    session.add(row)
    session.flush()
    return row


def log_result(session: Session, result: PackageResult, actor: str) -> None:
    """One ImportAttempt row for a merge result (the pipeline and held packages both log through here)."""
    # A cancel is logged as a refusal with code CANCELLED (the log's result values are shared with B1).
    logged = MergeStatus.REFUSED.value if result.status == MergeStatus.CANCELLED else str(result.status)
    log_attempt(session, actor=actor, path=result.file_name, result=logged, header=result.header,
                file_sha256_hex=result.file_sha256, error_code=result.code, message=result.message,
                counts=result.counts)
