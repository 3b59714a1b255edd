"""PyInstaller runtime hook: a stand-in for Pillow, which the bundle leaves out.

`reportlab.lib.utils` runs `from PIL import Image` at import time, unguarded, although ReportLab
needs Pillow only to embed raster images, and ANTQ's PDFs have none (text, tables, vector QR
codes drawn on the canvas). This installs an empty `PIL` package whose `Image` is None: ReportLab
then starts in its no-images mode (`haveImages` false), and any real Pillow import
(`import PIL.Image`, `from PIL import ImageFont`) raises ImportError exactly as if Pillow were not
installed (openpyxl, for one, then skips pictures, as it is written to).

Does nothing when a real Pillow can be imported. The frozen self-test proves the PDF (with its QR
code) and the .xlsx paths run with the stand-in.
"""

import importlib.util
import sys
import types


def _pillow_present() -> bool:
    try:
        return importlib.util.find_spec("PIL") is not None
    except ImportError:  # a finder that refuses it
        return False


def _install() -> None:
    if "PIL" in sys.modules or _pillow_present():
        return
    stub = types.ModuleType("PIL", __doc__)
    stub.__path__ = []  # a package without submodules: `import PIL.Image` fails cleanly
    stub.Image = None  # what `from PIL import Image` gives ReportLab
    stub.ANTQ_STAND_IN = True
    sys.modules["PIL"] = stub


_install()
