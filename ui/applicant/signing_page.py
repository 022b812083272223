"""请签名: the paper to be signed, as an image of its last page (where the signature goes),
beside a slot for the signature pad (:meth:`SigningPage.set_signing_widget`; the pad itself is
``ui.signature``'s). Without a pad the applicant signs the printed paper, and the screen
shows them what they sign.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.scaling import set_px
from ui.signature.panel import SigningPanel


class SigningPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Please sign"))
        self.hint = QLabel(self.tr("Please check the paper and sign where the clerk shows you."))
        self.hint.setWordWrap(True)
        self.title = QLabel()
        self.paper = QLabel()
        self.paper.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paper.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.slot = QWidget()
        self._slot_layout = QVBoxLayout(self.slot)
        self._slot_layout.setContentsMargins(0, 0, 0, 0)
        self._widget: QWidget | None = None
        self._image: QImage | None = None
        self._unit = 1.0
        self.slot.hide()
        body = QHBoxLayout()
        body.addWidget(self.paper, 3)
        body.addWidget(self.slot, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)

    def paper_height(self) -> int:
        """How many pixels high the page is drawn: the paper's place once the page has been
        laid out, before that three quarters of the screen it is on."""
        if self.paper.isVisible():
            return max(200, self.paper.height())
        return max(200, round(self.window().height() * 0.75))

    def show_paper(self, image: QImage, title: str) -> None:
        self.title.setText(title)
        self._image = image
        self._fit()

    def _fit(self) -> None:
        """The page as large as its place allows, never enlarged beyond its rendering."""
        if self._image is None:
            return
        pixmap = QPixmap.fromImage(self._image)
        height = self.paper_height()
        if pixmap.height() > height:
            pixmap = pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
        self.paper.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._fit()

    def has_paper(self) -> bool:
        pixmap = self.paper.pixmap()
        return pixmap is not None and not pixmap.isNull()

    def clear(self) -> None:
        self._image = None
        self.paper.clear()
        self.title.clear()

    def set_signing_widget(self, widget: QWidget | None) -> None:
        """Put ``widget`` (the signature pad) beside the paper; None empties the slot. The
        page owns the widget from now on; one it held before is deleted."""
        if self._widget is not None:
            self._slot_layout.removeWidget(self._widget)
            self._widget.deleteLater()
        self._widget = widget
        if widget is not None:
            self._slot_layout.addWidget(widget)
        self.slot.setVisible(widget is not None)
        self._scale_pad()

    @property
    def signing_widget(self) -> QWidget | None:
        return self._widget

    def scale(self, unit: float) -> None:
        self._unit = unit
        set_px(self.heading, 96 * unit, bold=True)
        set_px(self.hint, 40 * unit)
        set_px(self.title, 32 * unit)
        self._scale_pad()

    def _scale_pad(self) -> None:
        if isinstance(self._widget, SigningPanel):
            self._widget.set_type_size(40 * self._unit)
