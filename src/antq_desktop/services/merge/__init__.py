"""Packages in: verify a file, merge packages (the pipeline, held and forwarded packages), what was received.

`merge_packages` is the entry point; results, options and statuses live in `results`.
"""

from antq_desktop.services.merge.results import MergeOptions, MergeRun, MergeStatus, PackageResult
from antq_desktop.services.merge.run import merge_packages
from antq_desktop.services.merge.status import ReceivedRow, received
from antq_desktop.services.merge.verify import TRUST_LABELS, VerifyOutcome, verify_file

__all__ = [
    "TRUST_LABELS", "MergeOptions", "MergeRun", "MergeStatus", "PackageResult", "ReceivedRow", "VerifyOutcome",
    "merge_packages", "received", "verify_file",
]
