"""Text colours that stay readable (WCAG contrast ≥ 4.5:1) in light and dark themes.

A fixed "#555" hint or a cream note box with the theme's text colour looked fine in a light theme
and was unreadable in Windows' dark theme (white on cream: 1.06:1; grey hints 2.19:1). Widgets ask
here for a colour by meaning (hint, error, ok, warning, a note box) and get the light or the dark
variant for the palette in use; tests check every pair against the palette's background.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

# meaning: (light theme, dark theme)
TEXT = {
    "hint": ("#4f4f4f", "#c4c4c4"),
    "error": ("#b3261e", "#ff8a80"),
    "ok": ("#1b6e20", "#81c784"),
    "warning": ("#8a4b00", "#ffcc80"),
}
# boxes with their own background: (background, text, border) per theme
BOXES = {
    "note": (("#fff8e1", "#3e2c00", "#f9a825"), ("#3d3000", "#fff3c4", "#c79100")),
    "chip": (("#fff4c2", "#3e2c00", "#e0c050"), ("#3d3000", "#fff3c4", "#a08020")),
}


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def text(meaning: str, palette: QPalette | None = None) -> str:
    return TEXT[meaning][1 if is_dark(palette) else 0]


def text_style(meaning: str, extra: str = "", palette: QPalette | None = None) -> str:
    """A label's style sheet: the colour for `meaning`, plus `extra` declarations."""
    return f"color: {text(meaning, palette)};" + (f" {extra}" if extra else "")


def box(meaning: str, palette: QPalette | None = None) -> tuple[str, str, str]:
    return BOXES[meaning][1 if is_dark(palette) else 0]


def box_style(meaning: str, selector: str = "", palette: QPalette | None = None) -> str:
    """Background, text and border together: a box never takes the theme's text colour on its own background."""
    background, colour, border = box(meaning, palette)
    rules = f"background: {background}; color: {colour}; border: 1px solid {border};"
    return f"{selector} {{ {rules} border-radius: 4px; }}" if selector else rules + " padding: 6px;"


def _luminance(colour: str | QColor) -> float:
    qcolour = QColor(colour)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(qcolour.redF()) + 0.7152 * channel(qcolour.greenF()) + 0.0722 * channel(qcolour.blueF())


def contrast(foreground: str | QColor, background: str | QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
