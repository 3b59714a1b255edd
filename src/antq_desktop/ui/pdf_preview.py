"""In-app PDF preview (QtPdf) with "In…" through the system print dialog and "Lưu PDF…".

Printing renders each page with QPdfDocument.render at the printer's resolution (capped, so a
600 dpi laser does not need 140 MB per page) and paints it centred on the printable area. No
external viewer is needed: commune offices often have none installed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.ui import file_dialogs

MAX_PRINT_DPI = 300


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint the pages the printer asks for (all, or its from/to range); returns pages printed."""
    count = document.pageCount()
    first = max(1, printer.fromPage()) - 1 if printer.fromPage() else 0
    last = min(count, printer.toPage()) - 1 if printer.toPage() else count - 1
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for index in range(first, last + 1):
            if index > first:
                printer.newPage()
            _paint_page(painter, document, index, target, dpi, printer.resolution())
    finally:
        painter.end()
    return last - first + 1


def _paint_page(painter: QPainter, document: QPdfDocument, index: int, target: QRect, dpi: int,
                device_dpi: int) -> None:
    points = document.pagePointSize(index)
    image = document.render(index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
    # Fit into the printable area (the PDF already has ND30 margins), keeping the aspect ratio.
    scale = min(target.width() / image.width(), target.height() / image.height(), device_dpi / dpi)
    width, height = image.width() * scale, image.height() * scale
    painter.save()
    painter.translate(QPointF((target.width() - width) / 2, (target.height() - height) / 2))
    painter.scale(scale, scale)
    painter.drawImage(0, 0, image)
    painter.restore()


class PdfPreview(QWidget):
    """A PDF on screen with print and save buttons; `load(path)` shows a new file."""

    printed = Signal(int)  # pages sent to the printer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.suggested_name = "bieu_mau.pdf"
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.info = QLabel(self.tr("Chưa có bản in. Hãy chọn biểu mẫu rồi bấm “Tạo bản in”."))
        self.info.setWordWrap(True)  # wraps on a 1,024-pixel screen instead of widening the window
        self.print_button = QPushButton(self.tr("In…"))
        self.print_button.setToolTip(self.tr("Mở hộp thoại máy in của hệ thống (Ctrl+P)"))
        self.print_button.setShortcut("Ctrl+P")
        self.save_button = QPushButton(self.tr("Lưu PDF…"))
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        bar = QHBoxLayout()
        bar.addWidget(self.info, 1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        self.print_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    def load(self, path: Path, suggested_name: str | None = None) -> bool:
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.path = None
            self.info.setText(self.tr("Không mở được bản in để xem trước. Hãy tạo lại bản in."))
            self._set_enabled(False)
            return False
        self.path = Path(path)
        self.suggested_name = suggested_name or self.path.name
        self.info.setText(self.tr("%1 trang").replace("%1", str(self.document.pageCount())))
        self._set_enabled(True)
        return True

    def print_dialog(self) -> int:
        if self.path is None:
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        printer.setFromTo(1, self.document.pageCount())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In biểu mẫu"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        pages = print_document(self.document, printer)
        if pages == 0:
            QMessageBox.warning(self, self.tr("Không in được"),
                                self.tr("Máy in không nhận lệnh in. Hãy kiểm tra máy in đã bật và được chọn đúng, "
                                        "hoặc lưu PDF rồi in từ máy khác."))
        self.printed.emit(pages)
        return pages

    def save_dialog(self) -> Path | None:
        if self.path is None:
            return None
        name = file_dialogs.save_file(self, file_dialogs.PDF, self.tr("Lưu PDF"), self.suggested_name,
                                              self.tr("Tệp PDF (*.pdf)"))
        if not name:
            return None
        target = Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Không lưu được"),
                                self.tr("Không ghi được tệp %1: %2. Hãy chọn thư mục khác.")
                                .replace("%1", str(target)).replace("%2", exc.strerror or str(exc)))
            return None
        return target


class PdfPreviewDialog(QDialog):
    """The preview in its own window, for record pages that print one record."""

    temp: object | None = None  # keeps a temporary folder alive as long as the window

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 900)
        self.preview = PdfPreview(self)
        self.preview.load(path)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
