"""The recovery feature's one error type (Vietnamese message, stable English code)."""

from __future__ import annotations

from antq_desktop.domain.errors import AntqError


class RecoveryError(AntqError):
    """A recovery package not written, or refused at the commune: ``message`` in Vietnamese, ``code`` English."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code
