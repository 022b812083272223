"""Print preview: the pages of a PDF shown as images in a scroll area, with zoom and a print
button. The caller decides what "print" does (normally the job service, through the task
runner), so the dialog never blocks on a printer."""

from __future__ import annotations

from PIL.ImageQt import ImageQt
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from printing.pages import render_pages

ZOOMS = (50, 75, 100, 125, 150, 200)  # percent of 96 dpi, the size on a typical screen
SCREEN_DPI = 96


class PrintPreviewDialog(QDialog):
    """Shows ``pdf``; ``print_requested`` fires when the clerk presses Print."""

    print_requested = Signal()

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print preview: %1").replace("%1", title))
        self._pdf = pdf
        self._zoom = 100
        self.pages: list[QLabel] = []

        self._column = QVBoxLayout()
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        holder = QWidget()
        holder.setLayout(self._column)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(holder)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setBackgroundRole(self.backgroundRole())

        self.zoom_label = QLabel()
        self.zoom_out = QPushButton(self.tr("Zoom out"))
        self.zoom_in = QPushButton(self.tr("Zoom in"))
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self._step(-1)))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self._step(+1)))
        self.print_button.clicked.connect(self.print_requested)
        self.close_button.clicked.connect(self.reject)

        bar = QHBoxLayout()
        for widget in (self.zoom_out, self.zoom_label, self.zoom_in):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        self.resize(760, 900)
        self.set_zoom(self._zoom)

    @property
    def zoom(self) -> int:
        return self._zoom

    def _step(self, direction: int) -> int:
        index = ZOOMS.index(self._zoom) + direction
        return ZOOMS[max(0, min(len(ZOOMS) - 1, index))]

    def set_zoom(self, percent: int) -> None:
        """Render the pages again at ``percent`` (pypdfium2; a page takes some 30 ms)."""
        self._zoom = percent
        images = render_pages(self._pdf, SCREEN_DPI * percent / 100)
        while self.pages:
            label = self.pages.pop()
            self._column.removeWidget(label)
            label.deleteLater()
        for number, image in enumerate(images, 1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(ImageQt(image)))
            label.setToolTip(
                self.tr("Page %1 of %2").replace("%1", str(number)).replace("%2", str(len(images)))
            )
            label.setFrameShape(QLabel.Shape.Box)
            self._column.addWidget(label)
            self.pages.append(label)
        self.zoom_label.setText(f"{percent}%")
        self.zoom_out.setEnabled(percent > ZOOMS[0])
        self.zoom_in.setEnabled(percent < ZOOMS[-1])
