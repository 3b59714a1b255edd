"""The interface language chosen in Cài đặt: stored in QSettings, applied at the next start.

`app.install_translator(app, args.lang or saved_language())` is the one place that reads it.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

LANGUAGE_KEY = "ui/language"
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


def saved_language() -> str | None:
    """"vi", "en", or None when the officer never chose (the system language decides)."""
    value = QSettings().value(LANGUAGE_KEY)
    return value if value in LANGUAGES else None


def save_language(code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(code)
    QSettings().setValue(LANGUAGE_KEY, code)
