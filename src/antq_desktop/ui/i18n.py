"""`N("Context", "text")`: marks a text for translation and returns it untranslated (Qt's QT_TRANSLATE_NOOP).

The text is translated later, where it is shown, with `QCoreApplication.translate("Context", text)`.
PySide6 types QT_TRANSLATE_NOOP as returning `object`, so every label built from it failed type checking;
this is the one place that says it returns the text. lupdate finds calls of both names
(resources/translations/update.sh passes `-tr-function-alias QT_TRANSLATE_NOOP+=N`).
"""

from __future__ import annotations


def N(context: str, text: str) -> str:
    del context  # read by lupdate from the source, not at run time
    return text


# Modules that spell the Qt name out import it from here, so it is typed the same way.
QT_TRANSLATE_NOOP = N
