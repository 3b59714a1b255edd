"""The installation self-test, unfrozen: `python -m antq_desktop --self-test` and `antq self-test`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from antq_desktop import selftest


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ANTQ_HOME=str(home), PYTHONIOENCODING="utf-8")
    env.pop("QT_QPA_PLATFORM", None)  # the flag must set offscreen itself
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, encoding="utf-8", env=env,
                          stdin=subprocess.DEVNULL, timeout=300)


def test_gui_self_test_passes_and_leaves_the_data_folder_alone(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = _run(["-m", "antq_desktop", "--self-test"], home)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "KẾT QUẢ: ĐẠT" in out
    for step in ("Cơ sở dữ liệu", "Dữ liệu mẫu", "gói dữ liệu", "In biểu mẫu PDF", "có mã QR", "Xuất Excel",
                 "cửa sổ chính"):
        assert step in out
    assert out.count("[ OK ]") == len(selftest.CORE_STEPS) + len(selftest.GUI_STEPS)
    assert list(home.iterdir()) == []  # the officer's data folder is never touched


def test_cli_self_test_passes_without_qt(tmp_path):
    result = _run(["-m", "antq_desktop.cli.main", "self-test"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KẾT QUẢ: ĐẠT" in result.stdout
    assert "cửa sổ chính" not in result.stdout
    assert result.stdout.count("[ OK ]") == len(selftest.CORE_STEPS)


def test_a_failing_step_stops_with_its_message_and_exit_1(monkeypatch, capsys):
    def broken(_state):
        raise selftest.SelfTestFailure("thiếu tệp tài nguyên: fonts/x.ttf")

    monkeypatch.setattr(selftest, "CORE_STEPS", [("Tài nguyên", broken), ("Không chạy tới", broken)])
    before = dict(os.environ)
    assert selftest.run(gui=False) == 1
    out = capsys.readouterr().out
    assert "[LỖI] 1/2 Tài nguyên" in out and "fonts/x.ttf" in out
    assert "Không chạy tới" not in out
    assert "KẾT QUẢ: LỖI — Tài nguyên: thiếu tệp tài nguyên" in out
    assert dict(os.environ) == before  # ANTQ_HOME and friends restored


def test_selftest_module_has_no_qt_import():
    source = Path(selftest.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source
