"""The Windows installer script and the Linux desktop entry agree with the bundle."""

from __future__ import annotations

import configparser

from tests.packaging.conftest import REPO

INSTALLER = REPO / "installer"


def test_inno_setup_script_is_per_user_bilingual_and_points_at_the_bundle(manifest):
    raw = (INSTALLER / "antq_desktop.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads non-ASCII text correctly only with a UTF-8 BOM"
    text = raw.decode("utf-8-sig")
    assert "PrivilegesRequired=lowest" in text and "{autopf}" in text
    assert 'Name: "vi"; MessagesFile: "{#VietnameseIsl}"' in text and "Vietnamese.isl" in text
    assert 'Name: "en"; MessagesFile: "compiler:Default.isl"' in text
    assert f'dist\\{manifest.dist_name()}"' in text
    assert f'#define AppExe "{manifest.GUI_NAME}.exe"' in text
    assert f'#define DebugExe "{manifest.DEBUG_NAME}.exe"' in text
    assert '"{group}\\{#AppName}"' in text  # the Start-menu shortcut
    assert "resources\\icons\\antq.ico" in text and (REPO / "resources" / "icons" / "antq.ico").is_file()
    assert "ChangesAssociations=yes" in text and 'Subkey: "Software\\Classes\\.antq"' in text
    assert '""{app}\\{#AppExe}"" ""%1""' in text  # a double-clicked package reaches the command line
    for key in ("DesktopIcon", "LaunchProgram", "AppComment", "SelfTest", "DataKept", "PackageFile"):
        assert f"vi.{key}=" in text and f"en.{key}=" in text, key


def test_desktop_entry(manifest):
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(INSTALLER / "antq-desktop.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Terminal"] == "false"
    assert section["Exec"] == f"{manifest.GUI_NAME} %f" and section["Icon"] == "antq-desktop"  # %f: a package
    assert section["MimeType"] == "application/x-antq-package;"
    assert 'glob pattern="*.antq"' in (INSTALLER / "antq-desktop-mime.xml").read_text(encoding="utf-8")
    assert "Toàn dân bảo vệ an ninh Tổ quốc" in section["GenericName"]
    for source, _name in manifest.LINUX_FOLDER_FILES:
        assert source.is_file(), source
