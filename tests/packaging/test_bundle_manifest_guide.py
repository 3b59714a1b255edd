"""The Help menu's guide ships in the bundle where ui/help.py looks for it."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "installer"))

import bundle_manifest  # noqa: E402


def test_user_guide_and_screenshots_are_bundled():
    paths = bundle_manifest.bundled_paths()
    assert "antq_desktop/resources/docs/huong-dan-su-dung.md" in paths
    guide = (Path(__file__).resolve().parents[2] / "docs" / "huong-dan-su-dung.md").read_text(encoding="utf-8")
    for image in [line.split("](")[1].split(")")[0] for line in guide.splitlines() if "](screenshots/" in line]:
        assert f"antq_desktop/resources/docs/{image}" in paths
