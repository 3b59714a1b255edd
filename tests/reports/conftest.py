"""Helpers for the reports tests: poppler tools are optional, tests skip with a reason."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed (Debian: apt-get install poppler-utils)")
    return path


def pdf_text(pdf: Path) -> str:
    """Text of the whole PDF in reading order, NFC-normalised for exact comparisons."""
    out = subprocess.run(
        [_tool("pdftotext"), "-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return unicodedata.normalize("NFC", out)


def pdf_text_flat(pdf: Path) -> str:
    """Like pdf_text but whitespace collapsed, so wrapped lines compare as one string."""
    return re.sub(r"\s+", " ", pdf_text(pdf))


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.M).group(1))


def pdf_fonts(pdf: Path) -> list[dict[str, str]]:
    """Rows of `pdffonts`: name, emb, sub."""
    out = subprocess.run([_tool("pdffonts"), str(pdf)], check=True, capture_output=True, text=True)
    rows = []
    for line in out.stdout.splitlines()[2:]:
        parts = line.split()
        # columns: name type [type2] encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4]})
    return rows


def pdf_words(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, word) for every word, from `pdftotext -bbox`."""
    out = subprocess.run(
        [_tool("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    words, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            words.append((page, x0, y0, x1, y1, m.group(5)))
    return words


@pytest.fixture
def tmp_pdf(tmp_path: Path) -> Path:
    return tmp_path / "out.pdf"
