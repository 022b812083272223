"""The signature pad: a pen tablet, a touch screen, or the mouse in a pinch.

Any pen tablet or touch screen the OS presents to Qt as a tablet or touch device works (Wacom,
Hanvon and the signature pads of the STU kind in their tablet mode): a pen's pressure sets the
stroke's width; a touch screen follows one finger (a second finger is ignored); the mouse draws
with a constant pressure. Qt turns a tablet or touch event nobody accepts into mouse events; the
pad accepts them, and ignores mouse events that come from anything but a mouse, so no stroke is
drawn twice.

The pad keeps strokes (``clerk_app.signatures.ink``), draws them smoothed (``ink_paint``), and
:meth:`SignaturePad.export` gives the :class:`SignatureInk` the core records: a PNG on a
transparent background, cropped to the ink with a margin and scaled to print about 40 mm wide at
300 dpi, with the strokes. A blank pad or a dot is refused (:class:`InkRefused`).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QEvent, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPointingDevice,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from clerk_app.signatures.ink import InkPoint, InkProblem, SignatureInk, Stroke, ink_problem
from ui.scaling import scaled
from ui.signature.ink_paint import ink_bounds, paint_strokes

MOUSE_PRESSURE = 0.5  # the mouse has none: a middling pen
TOUCH_PRESSURE = 0.6  # a touch screen that reports none
# The PNG: the ink scaled to fit 40 × 20 mm at 300 dpi, with a margin of blank around it.
EXPORT_SIZE = QSize(472, 236)
EXPORT_MARGIN = 12  # pad pixels
HINT_SCALE = 1.6  # "Sign here" on the empty pad, against the system's type
_TOUCH_EVENTS = {
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
}


class InkRefused(ValueError):  # noqa: N818 - an expected outcome with its reason
    """The pad holds no signature: nothing, or too little ink (``problem`` says which)."""

    def __init__(self, problem: InkProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


class SignaturePad(QWidget):
    """Where the signer writes. ``changed`` after every stroke, clear, undo or redo."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[InkPoint]] = []
        self._undone: list[list[InkPoint]] = []
        self._drawing: list[InkPoint] | None = None
        self._touch_id: int | None = None
        self._t0: int | None = None  # the first sample's event time
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setMinimumSize(560, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))

    # ------------------------------------------------------------------ state
    @property
    def strokes(self) -> tuple[Stroke, ...]:
        return tuple(tuple(s) for s in self._strokes)

    def is_empty(self) -> bool:
        return not self._strokes

    def can_undo(self) -> bool:
        return bool(self._strokes)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def clear(self) -> None:
        self._strokes, self._undone, self._drawing, self._t0 = [], [], None, None
        self._changed()

    def undo(self) -> None:
        """Take back the last stroke (redo puts it back)."""
        if self._strokes:
            self._undone.append(self._strokes.pop())
            self._changed()

    def redo(self) -> None:
        if self._undone:
            self._strokes.append(self._undone.pop())
            self._changed()

    def problem(self) -> InkProblem | None:
        return ink_problem(self.strokes)

    # ------------------------------------------------------------------ export
    def export(self) -> SignatureInk:
        """The ink as the core records it; :class:`InkRefused` for a blank pad or a dot."""
        strokes = self.strokes
        problem = ink_problem(strokes)
        if problem is not None:
            raise InkRefused(problem)
        image = self.render_png_image(strokes)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes
        png = bytes(buffer.data().data())
        return SignatureInk(
            png=png,
            strokes=strokes,
            pad_size=(self.width(), self.height()),
            image_size=(image.width(), image.height()),
        )

    @staticmethod
    def render_png_image(strokes: tuple[Stroke, ...]) -> QImage:
        """The strokes cropped to their ink (with a margin), scaled to fit ``EXPORT_SIZE``,
        on a transparent background."""
        box = ink_bounds(strokes).adjusted(
            -EXPORT_MARGIN, -EXPORT_MARGIN, EXPORT_MARGIN, EXPORT_MARGIN
        )
        scale = min(EXPORT_SIZE.width() / box.width(), EXPORT_SIZE.height() / box.height())
        size = QSize(max(1, round(box.width() * scale)), max(1, round(box.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.scale(scale, scale)
        painter.translate(-box.left(), -box.top())
        paint_strokes(painter, strokes)
        painter.end()
        return image

    # ------------------------------------------------------------------ input
    def _begin(self, at: QPointF, pressure: float, when: int) -> None:
        self._drawing = []
        self._strokes.append(self._drawing)
        self._undone.clear()
        self._add(at, pressure, when)

    def _add(self, at: QPointF, pressure: float, when: int) -> None:
        if self._drawing is None:
            return
        if self._t0 is None:
            self._t0 = when
        point = InkPoint(at.x(), at.y(), pressure, max(0, when - self._t0))
        self._drawing.append(point)
        self.update()

    def _end(self) -> None:
        if self._drawing is not None:
            self._drawing = None
            self._touch_id = None
            self._changed()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), event.pressure(), event.timestamp())
        elif kind == QEvent.Type.TabletMove and self._drawing is not None:
            self._add(event.position(), event.pressure(), event.timestamp())
        elif kind == QEvent.Type.TabletRelease:
            self._end()
        event.accept()  # no mouse event is made of it

    def event(self, event: QEvent) -> bool:
        if event.type() in _TOUCH_EVENTS and isinstance(event, QTouchEvent):
            self._touch(event)
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        if event.type() == QEvent.Type.TouchCancel:  # the system took the touch: drop it
            if self._drawing is not None:
                self._strokes.remove(self._drawing)
            self._drawing, self._touch_id = None, None
            self._changed()
            return
        points = event.points()
        if self._touch_id is None and event.type() == QEvent.Type.TouchBegin and points:
            self._touch_id = points[0].id()
            first = points[0]
            self._begin(first.position(), self._touch_pressure(event, first.pressure()), _ms(event))
            return
        point = next((p for p in points if p.id() == self._touch_id), None)
        if point is None:
            return  # another finger
        if point.state() == point.State.Released:
            self._end()
        elif point.state() == point.State.Updated:
            self._add(point.position(), self._touch_pressure(event, point.pressure()), _ms(event))

    @staticmethod
    def _touch_pressure(event: QTouchEvent, reported: float) -> float:
        device = event.pointingDevice()
        if device.capabilities() & QPointingDevice.Capability.Pressure:
            return reported
        return TOUCH_PRESSURE

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if _from_mouse(event) and event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), MOUSE_PRESSURE, event.timestamp())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if _from_mouse(event) and event.buttons() & Qt.MouseButton.LeftButton:
            self._add(event.position(), MOUSE_PRESSURE, event.timestamp())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if _from_mouse(event) and event.button() == Qt.MouseButton.LeftButton:
            self._end()

    # ------------------------------------------------------------------ painting
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(255, 255, 255))
        guide = QPen(QColor(170, 170, 170), 1, Qt.PenStyle.DashLine)
        painter.setPen(guide)
        baseline = self.height() * 0.72
        painter.drawLine(QPointF(24, baseline), QPointF(self.width() - 24, baseline))
        if self.is_empty():
            painter.setPen(QColor(150, 150, 150))
            painter.setFont(scaled(painter.font(), HINT_SCALE))
            hint = QRectF(0, 0, self.width(), baseline - 8)
            painter.drawText(hint, Qt.AlignmentFlag.AlignCenter, self.tr("Sign here"))
        paint_strokes(painter, self.strokes)
        painter.end()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(720, 280)

    def _changed(self) -> None:
        self.update()
        self.changed.emit()


def _ms(event: QTouchEvent) -> int:
    return int(event.timestamp())


def _from_mouse(event: QMouseEvent) -> bool:
    """A real mouse, not one Qt made of a touch or a pen nobody accepted."""
    return event.deviceType() == QPointingDevice.DeviceType.Mouse
