"""Frozen entry of every executable in the folder; the executable's name chooses the program.

    antq-desktop[.exe], antq-desktop-debug[.exe]  the GUI (`--self-test` supported)
    antq[.exe]                                    the command line

On Windows these are three executables built from this one script (windowed GUI, console twin,
console CLI). On Linux the console/windowed difference does not exist, so `antq` and
`antq-desktop-debug` are symlinks to `antq-desktop`: the Python modules (one ~10 MB archive
inside each executable) are then stored once.
"""

import multiprocessing
import os
import sys

# First of all: a merge's record reader (services/merge/record_feed.py) is this executable started again with
# multiprocessing's spawn arguments; freeze_support runs it and exits before any program is chosen.
multiprocessing.freeze_support()


def _program() -> str:
    name = os.path.basename(sys.argv[0] if sys.argv and sys.argv[0] else sys.executable).lower()
    return name[:-4] if name.endswith(".exe") else name


if _program() == "antq":
    from antq_desktop.cli.main import main as cli_main

    sys.exit(cli_main())

from antq_desktop.__main__ import main as gui_main  # noqa: E402

sys.exit(gui_main())
