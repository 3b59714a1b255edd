"""The two exceptions every command raises; kept apart so `antq --help` imports nothing heavy."""

from __future__ import annotations


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(" ".join(message.split()))  # one line, always
        self.exit_code = exit_code


class UsageError(Exception):
    pass
