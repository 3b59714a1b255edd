"""Before Qt starts on Linux: are the X11 libraries Qt's xcb plugin needs installed?

Without them Qt aborts with an English message about "platform plugins" that tells an officer
nothing. Qt-free on purpose: it runs before any Qt import.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

# Debian/Ubuntu package of each library the PySide6 6.11 xcb plugin loads that desktops may lack.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def missing_linux_packages() -> list[str]:
    """Debian packages to install, or [] when nothing is missing or the check does not apply."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or getattr(sys, "frozen", False) or platform not in ("", "xcb"):
        return []
    if not os.environ.get("DISPLAY"):
        return []  # Wayland-only or no screen: Qt picks another plugin and says so itself
    return [package for library, package in XCB_LIBRARIES.items() if ctypes.util.find_library(library) is None]


def explain(packages: list[str]) -> str:
    command = "sudo apt-get install " + " ".join(packages)
    return ("ANTQ Desktop không mở được cửa sổ vì máy còn thiếu thư viện đồ họa của hệ điều hành.\n"
            f"Hãy nhờ cán bộ kỹ thuật cài đặt rồi mở lại:\n  {command}\n"
            f"(ANTQ Desktop cannot open its window: missing system libraries. Install them with: {command})")
