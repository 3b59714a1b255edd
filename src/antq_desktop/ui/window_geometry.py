"""Where the main window opens: inside the screen it opens on, never larger than it.

Commune laptops are often 1366 × 768 or 1024 × 768; a window taller than the screen hides the
status bar with the year selector, and a size saved on a bigger office screen must not come back
larger than (or outside) the laptop's screen. Rectangles are plain (x, y, width, height) tuples so
the rule is testable without a screen.
"""

from __future__ import annotations

Rect = tuple[int, int, int, int]

DEFAULT_SIZE = (1280, 780)
SMALL_SCREEN = (1366, 768)  # at or below this, the window opens maximised
MIN_USEFUL = (640, 480)  # a smaller saved size is a leftover (a half-restored window), not a choice


def is_small(available: Rect) -> bool:
    _x, _y, width, height = available
    return (width <= SMALL_SCREEN[0] and height <= SMALL_SCREEN[1]) or width < DEFAULT_SIZE[0] \
        or height < DEFAULT_SIZE[1]


def first_geometry(available: Rect) -> tuple[Rect, bool]:
    """(normal geometry, maximised) for a first start: the default size centred, or the whole
    available area maximised when the screen is small."""
    if is_small(available):
        return available, True
    x, y, width, height = available
    w, h = DEFAULT_SIZE
    return (x + (width - w) // 2, y + (height - h) // 2, w, h), False


def clamp_geometry(saved: Rect, available: Rect) -> Rect:
    """A saved geometry moved and shrunk into `available`: wholly on the screen, never larger."""
    sx, sy, sw, sh = saved
    ax, ay, aw, ah = available
    width, height = min(max(sw, MIN_USEFUL[0]), aw), min(max(sh, MIN_USEFUL[1]), ah)
    x = min(max(sx, ax), ax + aw - width)
    y = min(max(sy, ay), ay + ah - height)
    return x, y, width, height


def restored_geometry(saved: Rect | None, was_maximised: bool, available: Rect) -> tuple[Rect, bool]:
    """(geometry, maximised) to open with: the saved one clamped to this screen, or a first start's.

    A window that no longer fits the screen it opens on (saved on a bigger screen) opens maximised,
    as on a first start on that screen."""
    if saved is None or saved[2] <= 0 or saved[3] <= 0:
        return first_geometry(available)
    clamped = clamp_geometry(saved, available)
    too_big = saved[2] > available[2] or saved[3] > available[3]
    return clamped, was_maximised or too_big
