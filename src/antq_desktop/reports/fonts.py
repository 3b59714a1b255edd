"""Register the Times-New-Roman-compatible serif family with ReportLab.

ND 30/2020 mandates Times New Roman.  We ship Liberation Serif (SIL OFL), which has
the same metrics, so line breaks match what clerks see in Word.  ReportLab embeds TTF
fonts as subsets automatically, so PDFs stay small and print identically everywhere.
"""

from __future__ import annotations

import threading
import unicodedata
from typing import Literal, cast

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from antq_desktop.paths import resource_path

FAMILY = "ANTQSerif"
REGULAR = "ANTQSerif"
BOLD = "ANTQSerif-Bold"
ITALIC = "ANTQSerif-Italic"
BOLD_ITALIC = "ANTQSerif-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the four faces once (thread-safe, lazy) and return the family name."""
    global _registered
    if _registered:
        return FAMILY
    with _lock:
        if not _registered:
            for name, filename in _FILES.items():
                path = resource_path("fonts", filename)
                if not path.is_file():
                    raise FileNotFoundError(f"Thiếu tệp phông chữ: {path.name}")
                pdfmetrics.registerFont(TTFont(name, str(path)))
            # Lets <b>/<i> inside Paragraph markup pick the right face.
            faces: tuple[tuple[Literal[0, 1], Literal[0, 1], str], ...] = (
                (0, 0, REGULAR),
                (1, 0, BOLD),
                (0, 1, ITALIC),
                (1, 1, BOLD_ITALIC),
            )
            for bold, italic, name in faces:
                addMapping(FAMILY, bold, italic, name)
            _registered = True
    return FAMILY


def vietnamese_letters() -> str:
    """Every Vietnamese letter: a ă â e ê i o ô ơ u ư y with the five tones, đ, both cases."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    letters = {"đ", "Đ"}
    for base in "aăâeêioôơuưy":
        for letter in (base, base.upper()):
            letters.add(letter)
            letters.update(unicodedata.normalize("NFC", letter + t) for t in tones)
    return "".join(sorted(letters))


def missing_glyphs(text: str, font_name: str = REGULAR) -> str:
    """Characters of ``text`` that the registered font cannot draw (empty when all are covered)."""
    register_fonts()
    face = cast(TTFont, pdfmetrics.getFont(font_name)).face  # every font registered above is a TTFont
    return "".join(sorted({c for c in text if not c.isspace() and ord(c) not in face.charToGlyph}))
