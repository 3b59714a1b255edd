import ctypes.util

from antq_desktop import platform_check


def test_missing_xcb_libraries_are_named_with_their_packages(monkeypatch):
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else f"lib{name}.so")
    missing = platform_check.missing_linux_packages()
    assert missing == ["libxcb-cursor0"]
    message = platform_check.explain(missing)
    assert "sudo apt-get install libxcb-cursor0" in message and "thiếu thư viện" in message


def test_no_check_offscreen_or_without_a_display(monkeypatch):
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert platform_check.missing_linux_packages() == []
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.delenv("DISPLAY", raising=False)
    assert platform_check.missing_linux_packages() == []
