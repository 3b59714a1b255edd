"""`make fuzz`: the same fuzz tests with the long hypothesis profile (tens of thousands of cases each).

    python tests/fuzz/run_long.py [extra pytest arguments]

Also runs the exchange engineer's own fuzz tests under the same profile when present.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    os.environ.setdefault("ANTQ_FUZZ_PROFILE", "long")
    targets = [str(HERE)]
    exchange_fuzz = HERE.parent / "exchange" / "test_fuzz.py"
    if exchange_fuzz.exists():
        targets.append(str(exchange_fuzz))
    return int(pytest.main(["-q", "-p", "no:cacheprovider", *targets, *argv]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
