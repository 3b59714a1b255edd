"""What goes into the frozen build: the single source of truth for the spec and the packaging tests.

Plain Python (no PyInstaller import), so `tests/packaging/` can check it quickly:
name and version from pyproject.toml, every resource file and every migration file as data at
its package path, hidden imports PyInstaller's analysis cannot see, and the Qt parts a commune
laptop never needs (modules, plugins, translations).
"""

from __future__ import annotations

import tomllib
from pathlib import Path, PurePosixPath
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
PACKAGE = SRC / "antq_desktop"
RESOURCES = REPO / "resources"
MIGRATIONS = PACKAGE / "storage" / "migrations"

# Executables of the one folder (names without .exe).
GUI_NAME = "antq-desktop"  # windowed: what the Start-menu shortcut opens
DEBUG_NAME = "antq-desktop-debug"  # the same GUI with a console: tracebacks, --self-test on Windows
CLI_NAME = "antq"  # the command line

_SKIP_PARTS = {"__pycache__", ".pytest_cache", ".mypy_cache"}

# Copied next to the executables of the Linux folder (source, name in the folder).
LINUX_FOLDER_FILES = [
    (REPO / "installer" / "install-linux.sh", "install-linux.sh"),
    (REPO / "installer" / "antq-desktop.desktop", "antq-desktop.desktop"),
    (REPO / "installer" / "antq-desktop-mime.xml", "antq-desktop-mime.xml"),
    (RESOURCES / "icons" / "antq.png", "antq-desktop.png"),
]


def project() -> tuple[str, str]:
    """(name, version) of the project, from pyproject.toml."""
    data = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return data["project"]["name"], data["project"]["version"]


def dist_name() -> str:
    """Folder name under dist/: the GUI executable's name (= project name)."""
    return project()[0]


def _files(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*")
        if p.is_file() and not (_SKIP_PARTS & set(p.relative_to(root).parts))
        and not p.name.startswith(".") and p.suffix not in {".pyc", ".pyo"}
    )


def _datas(root: Path, dest_root: str) -> list[tuple[str, str]]:
    """(source file, destination folder inside the bundle) for every file under root."""
    out = []
    for path in _files(root):
        rel_parent = path.relative_to(root).parent
        dest = PurePosixPath(dest_root, *rel_parent.parts)
        out.append((str(path), str(dest)))
    return out


def resource_datas() -> list[tuple[str, str]]:
    """All of resources/ at antq_desktop/resources/… (where paths.resources_root() looks when frozen)."""
    return _datas(RESOURCES, "antq_desktop/resources")


def migration_datas() -> list[tuple[str, str]]:
    """Alembic's env.py, script.py.mako and versions/*.py at antq_desktop/storage/migrations/….

    Alembic loads them by path (storage/migrate.py: MIGRATIONS_DIR next to migrate.py's __file__,
    which PyInstaller sets inside the bundle), so they must be files, not frozen modules.
    """
    return _datas(MIGRATIONS, "antq_desktop/storage/migrations")


def guide_datas() -> list[tuple[str, str]]:
    """The Vietnamese user guide and the screenshots it shows, where ui/help.py looks in a bundle.

    Only the images the guide refers to: docs/screenshots/ also holds every page at two screen sizes
    (for review) and the script that takes them, which the laptop does not need."""
    import re

    docs = REPO / "docs"
    text = (docs / "huong-dan-su-dung.md").read_text(encoding="utf-8")
    images = sorted(set(re.findall(r"\]\((screenshots/[^)\s]+)\)", text)))
    return [(str(docs / "huong-dan-su-dung.md"), "antq_desktop/resources/docs")] + [
        (str(docs / image), str(PurePosixPath("antq_desktop/resources/docs", image).parent)) for image in images]


def datas() -> list[tuple[str, str]]:
    return resource_datas() + migration_datas() + guide_datas()


def bundled_paths() -> set[str]:
    """Bundle-relative paths of every data file the spec adds (for the tests)."""
    return {str(PurePosixPath(dest, Path(src).name)) for src, dest in datas()}


def migration_imports() -> set[str]:
    """Top-level modules imported by the migration files: they run by path, so analysis never sees them."""
    import ast

    names: set[str] = set()
    for path in _files(MIGRATIONS):
        if path.suffix != ".py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return names


# Modules PyInstaller's static analysis misses. Whole packages are expanded with collect_submodules
# in the spec (COLLECT_PACKAGES); single modules are listed as they are.
COLLECT_PACKAGES = [
    "antq_desktop",  # ui pages are imported by name (main_window.lazy_page), services too
    "alembic",  # env.py and versions/*.py use alembic.op / alembic.context, ddl impls by dialect
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.postgresql",  # storage/locks.py and upsert.py import its insert()
]
HIDDEN_IMPORTS = [
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.ext.baked",
    "logging.config",  # alembic.config
    "mako.template",  # alembic.script renders script.py.mako
    # imported inside a function (services/password_strength.py); its word lists and keyboard graphs are
    # Python modules (frequency_lists.py, adjacency_graphs.py), so no data files need collecting
    "zxcvbn.frequency_lists",
    "zxcvbn.adjacency_graphs",
    # ReportLab's C accelerator: reportlab/lib/rl_accel.py imports it inside exec(), which
    # PyInstaller's analysis cannot see; without it the bundle silently prints with the slow fallbacks
    "_rl_accel",
]
# Optional PostgreSQL support (upper offices running a server): ANTQ_BUNDLE_POSTGRES=1 bundles
# psycopg (+~11 MB: libpq, its own OpenSSL, Kerberos, LDAP). Commune laptops use SQLite.
POSTGRES_PACKAGES = ["psycopg"]

# Qt modules the app never uses. QtCharts (dashboard), QtPdf/QtPdfWidgets (preview) and
# QtPrintSupport (printing) are used and must stay.
QT_EXCLUDED_MODULES = [
    "WebEngineCore", "WebEngineWidgets", "WebEngineQuick", "WebView",
    "Quick", "Quick3D", "QuickControls2", "QuickWidgets", "QuickTest", "Qml",
    "3DAnimation", "3DCore", "3DExtras", "3DInput", "3DLogic", "3DRender",
    "Multimedia", "MultimediaWidgets", "SpatialAudio", "TextToSpeech",
    "Positioning", "Location", "Sensors", "SerialPort", "SerialBus", "Bluetooth", "Nfc",
    "RemoteObjects", "Scxml", "StateMachine", "Designer", "UiTools", "Help", "Test", "Sql",
    "DataVisualization", "Graphs", "GraphsWidgets", "VirtualKeyboard", "WebSockets", "WebChannel",
    "HttpServer", "NetworkAuth", "Concurrent", "Svg", "SvgWidgets", "AxContainer", "Xml", "CanvasPainter",
    # Python bindings never imported (QtOpenGL's alone is 8.5 MB). Their C++ libraries stay,
    # because used ones link to them: libQt6Charts needs Qt6OpenGL(Widgets), libQt6Pdf needs
    # Qt6Network, libQt6Gui needs Qt6DBus.
    "OpenGL", "OpenGLWidgets", "Network", "DBus",
]
EXCLUDES = [f"PySide6.Qt{name}" for name in QT_EXCLUDED_MODULES] + [
    "tkinter", "_tkinter", "unittest.mock",
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.mssql", "sqlalchemy.dialects.oracle",
    "IPython", "matplotlib", "numpy", "pytest", "hypothesis",
    "pygments", "mako.ext", "pydoc_data", "charset_normalizer",  # code highlighting, help texts
    # Pillow with its libraries (~6.6 MB): the app's PDFs hold text, tables and vector QR codes,
    # never a raster image, and openpyxl only needs it for pictures in a sheet. ReportLab imports
    # `from PIL import Image` unguarded, so PIL_STUB_RUNTIME_HOOK stands in for it (ReportLab's
    # no-images mode). The frozen self-test renders a pledge with its QR code and an .xlsx.
    "PIL",
    # CJK codecs (Shift-JIS, GB18030, Big5, EUC-KR…; ~0.9 MB): the app reads and writes UTF-8
    # (packages, JSON, .xlsx) and Vietnamese text only. Asking for one gives "unknown encoding".
    "_codecs_jp", "_codecs_hk", "_codecs_cn", "_codecs_kr", "_codecs_tw", "_codecs_iso2022", "_multibytecodec",
    # Line editing for pdb/cmd/code (with libreadline and libtinfo); the CLI reads passwords
    # through getpass, which does not use it.
    "readline",
    # TLS (with libssl, ~0.9 MB): the app never opens a network connection; the standard modules
    # that could (http.client, urllib.request, asyncio, smtplib) import ssl optionally. Hashing
    # keeps OpenSSL's libcrypto (hashlib); the package crypto is the cryptography package's own.
    "ssl", "_ssl",
]
# Runs in the frozen app before the entry script (see the hook's docstring).
PIL_STUB_RUNTIME_HOOK = REPO / "installer" / "rthooks" / "pil_absent.py"
RUNTIME_HOOKS = [PIL_STUB_RUNTIME_HOOK]
# Linux libraries left to the system rather than copied from the build machine: libcups must
# match the machine's CUPS setup (and drags in gnutls, ~8 MB). Without it Qt lists no printers;
# saving a PDF still works.
LINUX_SYSTEM_LIBS = {"libcups.so.2"}

# Qt plugins: (folder under PySide6/Qt/plugins, kept file stems; None = keep the whole folder).
# xcb is the Linux display plugin (also under XWayland), offscreen runs the self-test, windows
# is Windows'; input contexts carry Vietnamese input methods (ibus/fcitx); the guide's screenshots
# and the icons are PNG (built into QtGui), ico stays for icon files. Anything else (wayland, eglfs,
# vnc, gtk3 theme, tls, network information, jpeg/gif/svg/pdf/tiff/webp image formats, evdev/tuio…)
# is dropped.
QT_PLUGINS_KEPT: dict[str, set[str] | None] = {
    "platforms": {"libqxcb", "libqoffscreen", "libqminimal", "qwindows", "qoffscreen", "qminimal"},
    "platforminputcontexts": {"libcomposeplatforminputcontextplugin", "libibusplatforminputcontextplugin",
                              "libfcitx5platforminputcontextplugin"},  # not the Qt virtual keyboard
    "xcbglintegrations": None,
    "imageformats": {"libqico", "qico"},  # PNG is built into QtGui; no JPEG/GIF anywhere (a test checks)
    "styles": None,  # qmodernwindowsstyle on Windows
    "printsupport": None,
    "platformthemes": {"libqxdgdesktopportal"},
}
QT_TRANSLATION_LANGS = ("vi", "en")
# Qt libraries only the dropped plugins need (dropped with them).
QT_LIBS_DROPPED = [
    "Qt6WaylandClient", "Qt6WaylandEglClientHwIntegration", "Qt6WlShellIntegration",
    "Qt6EglFSDeviceIntegration", "Qt6EglFsKmsSupport", "Qt6EglFsKmsGbmSupport",
    "Qt6Svg", "Qt6Quick", "Qt6Qml", "Qt6QmlModels", "Qt6QmlMeta", "Qt6QmlWorkerScript",
    "Qt6VirtualKeyboard", "Qt6VirtualKeyboardQml",
]


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def keep_qt_file(dest: str) -> bool:
    """False for bundle entries (destination paths) under PySide6/Qt that the app does not need."""
    parts = _parts(dest)
    name = parts[-1] if parts else ""
    stem = name.split(".")[0]
    if len(parts) < 3 or parts[0] != "PySide6":
        lib = stem[3:] if stem.startswith("lib") else stem
        return lib not in QT_LIBS_DROPPED  # PyInstaller's top-level symlinks to Qt libraries
    if "translations" in parts:
        return any(stem.endswith(f"_{lang}") for lang in QT_TRANSLATION_LANGS)
    if "plugins" in parts:
        folder = parts[parts.index("plugins") + 1] if len(parts) > parts.index("plugins") + 2 else ""
        if folder not in QT_PLUGINS_KEPT:
            return False
        kept = QT_PLUGINS_KEPT[folder]
        return kept is None or stem in kept
    lib = stem[3:] if stem.startswith("lib") else stem
    return lib not in QT_LIBS_DROPPED


def faker_locale_modules() -> list[str]:
    """Faker's providers in the locales the demo data uses (vi_VN) and the fallbacks they need."""
    import importlib.util

    spec = importlib.util.find_spec("faker.providers")
    if spec is None or not spec.submodule_search_locations:
        return []
    root = Path(next(iter(spec.submodule_search_locations)))
    import re

    modules = ["faker.providers"]
    for provider in sorted(p for p in root.iterdir() if (p / "__init__.py").is_file()):
        modules.append(f"faker.providers.{provider.name}")
        # A provider without vi_VN falls back to its own default_locale (bank: en_GB, lorem: la),
        # else to en_US.
        source = (provider / "__init__.py").read_text(encoding="utf-8")
        default = re.search(r"^default_locale\s*=\s*[\"']([\w]+)[\"']", source, re.MULTILINE)
        wanted = {"vi_VN", "en_US", default.group(1) if default else "en_US"}
        for locale in sorted(p for p in provider.iterdir() if (p / "__init__.py").is_file()):
            if locale.name in wanted:
                modules.append(f"faker.providers.{provider.name}.{locale.name}")
    return modules


def _is_shared_library(dest: str) -> bool:
    name = PurePosixPath(dest.replace("\\", "/")).name
    return ".so" in name or name.endswith((".dll", ".pyd", ".dylib"))


Toc = list[tuple[str, str, str]]  # PyInstaller's (destination, source, typecode) entries


def prune_unreachable(binaries: Toc, datas: Toc, needed: Any,
                      system_libs: frozenset[str] | set[str] = frozenset()) -> tuple[Toc, Toc, list[str]]:
    """Drop shared libraries nothing kept needs any more (returns binaries, datas, dropped names).

    PyInstaller collected the libraries of every Qt plugin before the trimming above (the GTK
    theme's cairo/pango/gdk, Wayland's, the virtual keyboard's Qml…). Roots are the Python
    extension modules, the kept Qt plugins and libpython; `needed(source_path)` lists the
    sonames a library links to (readelf's NEEDED). `system_libs` are left to the target system
    (dropped, their own dependencies not followed). Symlinks whose target is dropped go too.
    """
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in binaries:
        by_name.setdefault(PurePosixPath(entry[0].replace("\\", "/")).name, []).append(entry)
    links = {PurePosixPath(d.replace("\\", "/")).name: PurePosixPath(t.replace("\\", "/")).name
             for d, t, kind in datas if kind == "SYMLINK"}

    def is_root(entry: tuple[str, str, str]) -> bool:
        dest = entry[0].replace("\\", "/")
        return (entry[2] == "EXTENSION" or "/plugins/" in dest or not _is_shared_library(dest)
                or PurePosixPath(dest).name.startswith("libpython"))

    kept: set[str] = set()
    stack = [e for e in binaries if is_root(e) and PurePosixPath(e[0]).name not in system_libs]
    while stack:
        entry = stack.pop()
        if entry[0] in kept:
            continue
        kept.add(entry[0])
        for soname in needed(entry[1]):
            soname = links.get(soname, soname)
            if soname not in system_libs:
                stack.extend(e for e in by_name.get(soname, []) if e[0] not in kept)
    new_binaries = [e for e in binaries if e[0] in kept]
    dropped = sorted(e[0] for e in binaries if e[0] not in kept)
    kept_names = {PurePosixPath(e[0].replace("\\", "/")).name for e in new_binaries}
    new_datas = [e for e in datas if e[2] != "SYMLINK" or PurePosixPath(e[1].replace("\\", "/")).name in kept_names]
    return new_binaries, new_datas, dropped


def elf_needed(path: str) -> list[str]:
    """Sonames an ELF file links to (readelf -d); empty for anything else."""
    import subprocess

    # No readelf (binutils) must not look like "needs nothing": the spec checks for it first.
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=False).stdout
    return [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line and "[" in line]
