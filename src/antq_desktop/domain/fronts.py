"""One message, two fronts: what to do in the GUI (which page, which button) or on the command line.

Services raise the same errors for the desktop window and for `antq`; an officer in the window must
never be told to run a command. A message that names an action says it for both fronts with
`hint(gui=..., cli=...)`; the process's front (set once by the GUI at start-up, `antq` being the
default) picks which is said. A test walks the source for any "antq " outside a `cli=` hint.
"""

from __future__ import annotations

GUI, CLI = "gui", "cli"
_front = CLI


def use_front(front: str) -> None:
    """Called by the GUI at start-up (and by tests); the CLI keeps the default."""
    global _front
    if front not in (GUI, CLI):
        raise ValueError(front)
    _front = front


def current_front() -> str:
    return _front


def hint(*, gui: str, cli: str) -> str:
    """The words for the running front."""
    return gui if _front == GUI else cli
