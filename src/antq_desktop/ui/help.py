"""Trợ giúp → Hướng dẫn sử dụng: the Markdown user guide with its screenshots, inside the app (offline)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from antq_desktop.paths import resources_root

GUIDE_NAME = "huong-dan-su-dung.md"
IMAGE_WIDTH = 860  # pixels: fits the dialog's default width



def user_guide_path() -> Path | None:
    """docs/ beside resources/ in a source checkout; resources/docs/ when a build bundles it there."""
    root = resources_root()
    for candidate in (root / "docs" / GUIDE_NAME, root.parent / "docs" / GUIDE_NAME):
        if candidate.is_file():
            return candidate
    return None


class UserGuideDialog(QDialog):
    def __init__(self, guide: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hướng dẫn sử dụng"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # web links open in the browser, the guide stays here
        self.browser.anchorClicked.connect(self._open_link)
        self.browser.setSearchPaths([str(guide.parent)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(guide.parent) + "/"))
        text = guide.read_text(encoding="utf-8")
        self.browser.setMarkdown(text)
        self._add_scaled_images(guide.parent, text)  # after setMarkdown, which clears resources
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(980, 760)

    def _add_scaled_images(self, folder: Path, markdown: str) -> None:
        """Screenshots are full-size; shrink them to the reading width so nothing needs side scrolling."""
        for name in re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", markdown):
            image = QImage(str(folder / name))
            if image.isNull():
                continue
            if image.width() > IMAGE_WIDTH:
                image = image.scaledToWidth(IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
            # The document looks resources up by their URL resolved against its base URL.
            url = QUrl.fromLocalFile(str(folder / name))
            self.browser.document().addResource(QTextDocument.ResourceType.ImageResource, url, image)
        self.browser.document().markContentsDirty(0, self.browser.document().characterCount())

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())


def show_user_guide(parent: QWidget | None = None) -> QDialog | None:
    """Open the guide (non-modal, so the officer can follow it while working)."""
    guide = user_guide_path()
    if guide is None:
        title = QCoreApplication.translate("Help", "Không tìm thấy hướng dẫn")
        text = QCoreApplication.translate("Help", "Không tìm thấy tệp hướng dẫn sử dụng trong thư mục cài đặt. "
                                          "Hãy cài lại chương trình hoặc xem bản hướng dẫn in kèm theo.")
        QMessageBox.warning(parent, title, text)
        return None
    dialog = UserGuideDialog(guide, parent)
    dialog.show()
    return dialog


def make_user_guide_action(parent: QWidget) -> QAction:
    """For the main window's Trợ giúp menu (F1)."""
    action = QAction(QCoreApplication.translate("Help", "Hướng dẫn sử dụng"), parent)
    action.setShortcut("F1")
    action.triggered.connect(lambda: show_user_guide(parent))
    return action
