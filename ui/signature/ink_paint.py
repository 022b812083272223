"""Drawing ink strokes smoothly, on the pad and into the exported PNG alike.

Between samples the stroke follows quadratic curves through the midpoints of successive samples
(each sample the control point of the curve from the midpoint before it to the midpoint after
it), so a pen sampled at 100–200 Hz draws a curve, not a polyline. Each piece is drawn with the
width its sample's pressure gives, with round caps, so the width swells and thins along the
stroke without visible joins.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from clerk_app.signatures.ink import InkPoint, Stroke

INK = QColor(20, 24, 60)  # blue-black, as a signing pen
MIN_WIDTH = 1.2  # pad pixels at no pressure
MAX_WIDTH = 6.0  # at full pressure


def stroke_width(pressure: float) -> float:
    """The pen's width for a sample's pressure (0–1, clamped)."""
    return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * min(max(pressure, 0.0), 1.0)


def _point(p: InkPoint) -> QPointF:
    return QPointF(p.x, p.y)


def _mid(a: InkPoint, b: InkPoint) -> QPointF:
    return QPointF((a.x + b.x) / 2, (a.y + b.y) / 2)


def paint_stroke(painter: QPainter, stroke: Stroke, color: QColor = INK) -> None:
    if not stroke:
        return
    if len(stroke) == 1:  # a dot: a disc as wide as the pen
        r = stroke_width(stroke[0].pressure) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(_point(stroke[0]), r, r)
        return
    start = _point(stroke[0])
    for i in range(1, len(stroke)):
        path = QPainterPath(start)
        if i == len(stroke) - 1:  # the last piece ends on the last sample
            path.lineTo(_point(stroke[i]))
            end = _point(stroke[i])
        else:
            end = _mid(stroke[i], stroke[i + 1])
            path.quadTo(_point(stroke[i]), end)
        pressure = (stroke[i - 1].pressure + stroke[i].pressure) / 2
        pen = QPen(color, stroke_width(pressure))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        start = end


def paint_strokes(painter: QPainter, strokes: tuple[Stroke, ...], color: QColor = INK) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for stroke in strokes:
        paint_stroke(painter, stroke, color)


def ink_bounds(strokes: tuple[Stroke, ...]) -> QRectF:
    """The box the ink covers, pen widths included."""
    points = [p for stroke in strokes for p in stroke]
    half = max((stroke_width(p.pressure) for p in points), default=0.0) / 2
    left = min(p.x for p in points) - half
    top = min(p.y for p in points) - half
    right = max(p.x for p in points) + half
    bottom = max(p.y for p in points) + half
    return QRectF(left, top, right - left, bottom - top)
