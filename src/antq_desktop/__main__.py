"""`python -m antq_desktop` and the `antq-desktop` entry point start the GUI."""

import sys


def main() -> int:
    from antq_desktop.ui.app import run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
