"""Packages in: verify a file, merge packages (the pipeline, held and forwarded packages), what was received.

`merge_packages` is the entry point; results, options and statuses live in `results`.
"""

from antq_desktop.services.merge.conflicts import KEEP, ConflictError, ConflictRow, list_conflicts
from antq_desktop.services.merge.conflicts import as_dict as conflict_as_dict
from antq_desktop.services.merge.conflicts import resolve as resolve_conflict
from antq_desktop.services.merge.held_list import HeldRow, held_packages
from antq_desktop.services.merge.held_list import as_dict as held_as_dict
from antq_desktop.services.merge.results import MergeOptions, MergeRun, MergeStatus, PackageResult
from antq_desktop.services.merge.run import merge_packages
from antq_desktop.services.merge.status import ReceivedRow, received
from antq_desktop.services.merge.verify import TRUST_LABELS, VerifyOutcome, verify_file

__all__ = [
    "KEEP", "TRUST_LABELS", "ConflictError", "ConflictRow", "HeldRow", "MergeOptions", "MergeRun", "MergeStatus",
    "PackageResult", "ReceivedRow", "VerifyOutcome", "conflict_as_dict", "held_as_dict", "held_packages",
    "list_conflicts", "merge_packages", "received", "resolve_conflict", "verify_file",
]
