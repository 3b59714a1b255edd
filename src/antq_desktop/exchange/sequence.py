"""Per-producer ordering rules for imports: replay, gaps, broken chains, absurd jumps.

Pure functions over what the importer already stored about a producer; the database layer
(part B) supplies ``last_sequence``, ``last_package_sha256`` and the set of imported ids.
"""

from __future__ import annotations

from collections.abc import Container

from .errors import CHAIN_BROKEN, GAP, REPLAY, SEQUENCE_JUMP, PackageError
from .package_format import PackageHeader

# A full package may skip numbers (exports that were never delivered), but a jump this
# large means a wrong or forged counter; refusing it stops one package from "using up"
# the sequence space so that genuine later packages look like replays.
DEFAULT_MAX_JUMP = 10_000


def check_continuity(
    header: PackageHeader,
    last_sequence: int | None,
    last_package_sha256: str | None,
    imported_package_ids: Container[str] = (),
    *,
    max_jump: int = DEFAULT_MAX_JUMP,
) -> None:
    """Raise REPLAY, GAP, CHAIN_BROKEN or SEQUENCE_JUMP; return None if the import may go on.

    ``last_*`` describe the newest package already imported from this producer (None if
    none). Incremental packages must follow it exactly; full packages may skip ahead.
    """
    if header.package_id in imported_package_ids:
        raise PackageError(REPLAY, detail=f"package {header.package_id} already imported")
    if last_sequence is not None and header.sequence <= last_sequence:
        raise PackageError(REPLAY, detail=f"sequence {header.sequence} <= {last_sequence}")
    base = last_sequence or 0
    if header.sequence - base > max_jump:
        raise PackageError(SEQUENCE_JUMP, detail=f"sequence {header.sequence} after {base}")
    if header.kind == "full":
        return
    if last_sequence is None or header.sequence != last_sequence + 1:
        raise PackageError(GAP, detail=f"incremental {header.sequence} after {last_sequence}")
    if header.previous_package_sha256 != last_package_sha256:
        raise PackageError(CHAIN_BROKEN, detail="previous_package_sha256 differs")
