"""What the bundle leaves out to stay within its size budget, and the budget itself (no build needed)."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from tests.packaging.conftest import REPO

HOOK = REPO / "installer" / "rthooks" / "pil_absent.py"


def _make_dist():
    spec = importlib.util.spec_from_file_location("make_dist_under_test", REPO / "installer" / "make_dist.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_budget_is_160_decimal_megabytes():
    md = _make_dist()
    assert md.size_budget_bytes(postgres=False) == 160_000_000
    assert md.size_budget_bytes(postgres=True) == 172_000_000
    assert md.over_budget(160_000_000, postgres=False) is None
    assert md.over_budget(159_000_000, postgres=False) is None
    # 156.0 MiB = 163.5 MB: within a budget read as MiB (167.8 MB), over the stated 160 MB.
    problem = md.over_budget(163_577_856, postgres=False)
    assert problem is not None and "160 MB" in problem and "163.6 MB" in problem
    assert md.over_budget(165_000_000, postgres=True) is None


def _imports_in_sources() -> set[str]:
    names: set[str] = set()
    for path in (REPO / "src" / "antq_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return names


def test_the_app_imports_nothing_the_bundle_excludes(manifest):
    """Pillow, TLS, readline, the CJK codecs… are left out: no module of the app may import them."""
    excluded = set(manifest.EXCLUDES)
    assert {"PIL", "ssl", "_ssl", "readline", "_codecs_jp"} <= excluded
    hits = sorted(name for name in _imports_in_sources()
                  if any(name == ex or name.startswith(ex + ".") for ex in excluded))
    assert hits == []


def test_the_spec_installs_the_pillow_stand_in(manifest):
    assert manifest.RUNTIME_HOOKS == [HOOK] and HOOK.is_file()
    spec = (REPO / "installer" / "antq_desktop.spec").read_text(encoding="utf-8")
    assert "runtime_hooks=[str(path) for path in bm.RUNTIME_HOOKS]" in spec


# Pillow made unimportable, as in the bundle; then the hook, then what the app does with ReportLab
# and openpyxl: a filled pledge (with its QR code) and an .xlsx export read back.
WITHOUT_PILLOW = r"""
import runpy, sys, tempfile
from pathlib import Path

class NoPillow:
    def find_spec(self, name, path=None, target=None):
        if name == "PIL" or name.startswith("PIL."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NoPillow())
runpy.run_path(sys.argv[1])
import PIL
assert getattr(PIL, "ANTQ_STAND_IN", False) and PIL.Image is None
try:
    import PIL.Image
except ImportError:
    pass
else:
    raise AssertionError("import PIL.Image must fail like a missing Pillow")

from reportlab.lib import utils
assert utils.haveImages is False

from antq_desktop import selftest
from antq_desktop.reports import render_pledges
from antq_desktop.reports.demo import demo_pledge
from antq_desktop.reports.forms.pledge import FORM_ID
from antq_desktop.reports.qr import _qr_ops, qr_payload
from antq_desktop.services.excel.export import export_rows_to_xlsx
from openpyxl import load_workbook

tmp = Path(tempfile.mkdtemp())
filled = demo_pledge(3)
data = render_pledges(tmp / "p.pdf", [filled], total=1).read_bytes()
qr = _qr_ops(qr_payload(FORM_ID, filled.record.record_uuid, filled.record.revision, filled.unit.key_fingerprint))
assert qr[1].encode() in selftest._pdf_streams(data), "QR code missing"
rows = [("Nguyễn Văn An", "Số 1, phố Hàng Bạc", 4), ("Trần Thị Bình", None, 2)]
assert export_rows_to_xlsx(tmp / "h.xlsx", "Hộ gia đình", ["Chủ hộ", "Địa chỉ", "Nhân khẩu"], rows) == 2
book = load_workbook(tmp / "h.xlsx")
assert [tuple(r) for r in book.active.iter_rows(min_row=3, values_only=True)] == rows
print("OK")
"""


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, encoding="utf-8",
                          env=env, cwd=REPO, timeout=300)


def test_pdf_with_qr_code_and_xlsx_work_without_pillow():
    result = _python(WITHOUT_PILLOW, str(HOOK))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("OK")


def test_the_stand_in_stays_out_when_pillow_is_there():
    result = _python("import runpy, sys; runpy.run_path(sys.argv[1]); print('PIL' in sys.modules)\n"
                     "import PIL.Image; print(PIL.Image.__name__)", str(HOOK))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "PIL.Image"]


def _image_files() -> list[Path]:
    suffixes = {".png", ".jpg", ".jpeg", ".gif", ".ico", ".bmp", ".webp", ".tif", ".tiff", ".svg"}
    roots = [REPO / "resources", REPO / "docs" / "screenshots"]
    return [p for root in roots for p in root.rglob("*") if p.suffix.lower() in suffixes]


def test_every_shipped_image_is_in_a_format_the_bundle_reads(manifest):
    """PNG is built into QtGui; other formats need an image plugin the manifest keeps (JPEG/GIF are dropped)."""
    kept = manifest.QT_PLUGINS_KEPT["imageformats"]
    readable = {".png"} | {f".{stem.removeprefix('libq').removeprefix('q')}" for stem in kept}
    assert readable == {".png", ".ico"}
    images = _image_files()
    assert images
    # The SVG is the icon's source for installer/render_icons.py; the app loads antq.png / antq.ico.
    unreadable = sorted(str(p.relative_to(REPO)) for p in images
                        if p.suffix.lower() not in readable and p != REPO / "resources" / "icons" / "antq.svg")
    assert unreadable == []
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "src" / "antq_desktop").rglob("*.py"))
    assert "antq.svg" not in sources
