"""What the PyInstaller spec bundles, checked without building (installer/bundle_manifest.py)."""

from __future__ import annotations

import ast
import os
import re
import tomllib
from pathlib import Path, PurePosixPath

from tests.packaging.conftest import REPO

import antq_desktop

SPEC = REPO / "installer" / "antq_desktop.spec"


def _files_under(root: Path) -> set[str]:
    found = set()
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        found.update(Path(folder, name).relative_to(root).as_posix() for name in files
                     if not name.endswith(".pyc") and not name.startswith("."))
    return found


def test_name_and_version_come_from_pyproject(manifest):
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert manifest.project() == (project["name"], project["version"])
    assert manifest.dist_name() == project["name"] == manifest.GUI_NAME
    assert antq_desktop.__version__ == project["version"], "__init__.__version__ must follow pyproject.toml"


def test_spec_uses_the_manifest_for_everything_it_bundles():
    text = SPEC.read_text(encoding="utf-8")
    for needle in ("bm.project()", "bm.datas()", "bm.HIDDEN_IMPORTS", "bm.COLLECT_PACKAGES", "bm.EXCLUDES",
                   "bm.keep_qt_file", "bm.prune_unreachable", "bm.RUNTIME_HOOKS", "upx=False", "strip=not IS_WINDOWS"):
        assert needle in text, needle
    assert "tomllib" not in text and "0.1.0" not in text  # no second copy of the version


def test_every_resource_file_is_bundled_at_its_package_path(manifest):
    bundled = manifest.bundled_paths()
    resources = _files_under(REPO / "resources")
    assert resources, "resources/ is empty?"
    missing = sorted(r for r in resources if f"antq_desktop/resources/{r}" not in bundled)
    assert missing == []
    for must in ("fonts/LiberationSerif-Regular.ttf", "forms/household_pledge.json",
                 "translations/antq_en.qm", "translations/qtbase_vi.qm", "icons/antq.png"):
        assert f"antq_desktop/resources/{must}" in bundled


def test_every_migration_file_is_bundled_as_a_file(manifest):
    migrations = REPO / "src" / "antq_desktop" / "storage" / "migrations"
    bundled = manifest.bundled_paths()
    files = _files_under(migrations)
    assert {"env.py", "script.py.mako"} <= files
    versions = sorted(f for f in files if f.startswith("versions/") and f.endswith(".py"))
    assert versions, "no migration versions found"
    missing = sorted(f for f in files if f"antq_desktop/storage/migrations/{f}" not in bundled)
    assert missing == []


def test_the_frozen_layout_matches_what_the_code_looks_up(manifest):
    """paths.resources_root() looks in _MEIPASS/antq_desktop/resources; migrate.py next to its own file."""
    paths_src = (REPO / "src" / "antq_desktop" / "paths.py").read_text(encoding="utf-8")
    assert '"antq_desktop" / "resources"' in paths_src
    migrate_src = (REPO / "src" / "antq_desktop" / "storage" / "migrate.py").read_text(encoding="utf-8")
    assert 'Path(__file__).resolve().parent / "migrations"' in migrate_src
    dests = {dest for _src, dest in manifest.datas()}
    assert all(d.startswith(("antq_desktop/resources", "antq_desktop/storage/migrations")) for d in dests)


def test_imports_of_the_migration_files_are_hidden_imports(manifest):
    """Migrations run by path: whatever they import must be bundled and not excluded."""
    imports = manifest.migration_imports()
    assert {"alembic", "sqlalchemy"} <= {name.split(".")[0] for name in imports}
    covered = manifest.COLLECT_PACKAGES + manifest.HIDDEN_IMPORTS
    for name in imports:
        top = name.split(".")[0]
        if top in ("antq_desktop", "alembic"):
            assert top in covered
        assert not any(name == ex or name.startswith(ex + ".") for ex in manifest.EXCLUDES), name


def _pyside_modules_used() -> set[str]:
    used = set()
    for path in (REPO / "src" / "antq_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("PySide6."):
                used.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                used.update(a.name.split(".")[1] for a in node.names if a.name.startswith("PySide6."))
    return used


def test_no_qt_module_the_app_imports_is_excluded(manifest):
    used = _pyside_modules_used()
    assert {"QtCore", "QtGui", "QtWidgets", "QtCharts"} <= used
    excluded = {name.removeprefix("PySide6.") for name in manifest.EXCLUDES if name.startswith("PySide6.")}
    assert used & excluded == set()
    for kept in ("QtCharts", "QtPdf", "QtPdfWidgets", "QtPrintSupport"):
        assert kept not in excluded
    for dropped in ("QtWebEngineCore", "QtQuick", "QtQml", "QtMultimedia", "Qt3DCore", "QtSql", "QtTest",
                    "QtDesigner", "QtBluetooth", "QtPositioning", "QtSvg"):
        assert dropped in excluded


def test_qt_trimming_keeps_what_the_app_needs(manifest):
    keep = manifest.keep_qt_file
    lib, plugins, tr = "PySide6/Qt/lib", "PySide6/Qt/plugins", "PySide6/Qt/translations"
    for name in ("libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6", "libQt6Charts.so.6",
                 "libQt6Pdf.so.6", "libQt6PdfWidgets.so.6", "libQt6PrintSupport.so.6", "libQt6OpenGL.so.6",
                 "libQt6Network.so.6", "libQt6DBus.so.6", "libicudata.so.73"):
        assert keep(f"{lib}/{name}"), name
        assert keep(name), name  # PyInstaller's top-level symlink
    for name in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "platforms/qwindows.dll",
                 "platforminputcontexts/libibusplatforminputcontextplugin.so", "imageformats/libqico.so",
                 "imageformats/qico.dll", "printsupport/libcupsprintersupport.so", "styles/qmodernwindowsstyle.dll"):
        assert keep(f"{plugins}/{name}"), name
    for name in ("platforms/libqwayland.so", "platforms/libqeglfs.so", "platforms/libqvnc.so",
                 "platformthemes/libqgtk3.so", "imageformats/libqsvg.so", "imageformats/libqpdf.so",
                 "imageformats/libqjpeg.so", "imageformats/libqgif.so",  # nothing shipped is JPEG or GIF
                 "tls/libqopensslbackend.so", "wayland-shell-integration/libxdg-shell.so",
                 "platforminputcontexts/libqtvirtualkeyboardplugin.so"):
        assert not keep(f"{plugins}/{name}"), name
    assert keep(f"{tr}/qtbase_en.qm") and keep(f"{tr}/qt_vi.qm")
    assert not keep(f"{tr}/qtbase_de.qm") and not keep(f"{tr}/qtwebengine_ru.qm")
    for name in ("libQt6Quick.so.6", "libQt6WaylandClient.so.6", "libQt6Svg.so.6", "Qt6Qml.dll"):
        assert not keep(f"{lib}/{name}") and not keep(name), name
    assert keep("antq_desktop/resources/fonts/LiberationSerif-Regular.ttf")


def test_pruning_follows_needed_libraries_and_leaves_system_ones(manifest):
    binaries = [
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("libfreetype.so.6", "/s/libfreetype.so.6", "BINARY"),
        ("libpng16.so.16", "/s/libpng16.so.16", "BINARY"),
        ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),  # only the dropped GTK theme needed it
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/s/libcupsprintersupport.so", "BINARY"),
        ("libcups.so.2", "/s/libcups.so.2", "BINARY"),
        ("libgnutls.so.30", "/s/libgnutls.so.30", "BINARY"),
    ]
    datas = [("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
             ("libQt6Svg.so.6", "PySide6/Qt/lib/libQt6Svg.so.6", "SYMLINK"),
             ("antq_desktop/resources/x.json", "/s/x.json", "DATA")]
    graph = {"/s/QtGui.abi3.so": ["libQt6Gui.so.6"], "/s/libQt6Gui.so.6": ["libfreetype.so.6"],
             "/s/libfreetype.so.6": ["libpng16.so.16"], "/s/libcupsprintersupport.so": ["libcups.so.2"],
             "/s/libcups.so.2": ["libgnutls.so.30"]}
    kept, kept_datas, dropped = manifest.prune_unreachable(binaries, datas, lambda p: graph.get(p, []),
                                                           {"libcups.so.2"})
    assert {PurePosixPath(e[0]).name for e in kept} == {
        "QtGui.abi3.so", "libQt6Gui.so.6", "libfreetype.so.6", "libpng16.so.16", "libcupsprintersupport.so"}
    assert dropped == ["libcairo.so.2", "libcups.so.2", "libgnutls.so.30"]
    assert [e[0] for e in kept_datas] == ["libQt6Gui.so.6", "antq_desktop/resources/x.json"]


def test_faker_keeps_vietnamese_and_the_fallback_locales(manifest):
    modules = set(manifest.faker_locale_modules())
    assert {"faker.providers", "faker.providers.person.vi_VN", "faker.providers.address.vi_VN",
            "faker.providers.bank.en_GB", "faker.providers.lorem.la"} <= modules
    assert not any(re.search(r"\.(de_DE|ja_JP|zh_CN|fr_FR)$", m) for m in modules)


def test_entry_dispatches_on_the_executable_name():
    text = (REPO / "installer" / "entry.py").read_text(encoding="utf-8")
    assert 'if _program() == "antq":' in text
    assert "antq_desktop.cli.main" in text and "antq_desktop.__main__" in text


def test_reportlab_c_accelerator_is_a_dependency_and_bundled(manifest):
    """rl-accel is imported by ReportLab inside exec(): PyInstaller cannot see it unless it is listed."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(re.match(r"rl-accel\b", dep) for dep in project["dependencies"])
    assert "_rl_accel" in manifest.HIDDEN_IMPORTS
    assert not any("_rl_accel" == ex or ex.startswith("_rl_accel.") for ex in manifest.EXCLUDES)
