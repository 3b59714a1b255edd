"""`python -m antq_desktop` and the `antq-desktop` entry point start the GUI.

`--self-test` runs the installation self-test instead (offscreen, on a temporary store; see
`antq_desktop.selftest`) and exits 0 when everything works.
"""

import multiprocessing
import sys


def main() -> int:
    multiprocessing.freeze_support()  # a frozen merge's record reader (services/merge/record_feed.py) starts here
    if "--self-test" in sys.argv[1:]:
        from antq_desktop.selftest import run as self_test

        return self_test(gui=True, verbose="--verbose" in sys.argv[1:])
    from antq_desktop.platform_check import explain, missing_linux_packages

    missing = missing_linux_packages()
    if missing:  # say what to install, instead of Qt's English abort about "platform plugins"
        print(explain(missing), file=sys.stderr)
        return 1
    from antq_desktop.ui.app import run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
