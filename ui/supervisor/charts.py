"""Hourly bars for today beside the same weekday last week, painted with QPainter (no chart
library): arrivals per hour, or the average wait of the tickets issued in each hour."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from clerk_app.queue.oversight import HourlyProfile

TODAY = QColor("#1565c0")
LAST_WEEK = QColor("#b0bec5")
DEFAULT_HOURS = range(8, 18)
MARGIN = 36


def _value(profile: HourlyProfile | None, hour: int, metric: str) -> float:
    if profile is None:
        return 0.0
    figures = profile.hours[hour]
    if metric == "arrivals":
        return float(figures.arrivals)
    return (figures.average_wait_s or 0.0) / 60


class HourlyChart(QWidget):
    def __init__(self, metric: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if metric not in ("arrivals", "wait"):
            raise ValueError(metric)
        self.measure = metric
        self.today: HourlyProfile | None = None
        self.last_week: HourlyProfile | None = None
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_profiles(self, today: HourlyProfile, last_week: HourlyProfile) -> None:
        self.today, self.last_week = today, last_week
        self.update()

    def hours(self) -> range:
        """The opening hours by default, widened to any hour with data."""
        busy = [
            h
            for h in range(24)
            if _value(self.today, h, "arrivals") or _value(self.last_week, h, "arrivals")
        ]
        first = min([DEFAULT_HOURS.start, *busy])
        last = max([DEFAULT_HOURS.stop - 1, *busy])
        return range(first, last + 1)

    def peak(self) -> float:
        values = [
            _value(p, h, self.measure) for p in (self.today, self.last_week) for h in self.hours()
        ]
        return max([1.0, *values])

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN / 2, -MARGIN / 2, -MARGIN)
        hours, peak = self.hours(), self.peak()
        slot = area.width() / len(hours)
        painter.setPen(self.palette().text().color())
        painter.drawText(
            QRectF(0, 0, MARGIN * 4, MARGIN / 2), Qt.AlignmentFlag.AlignLeft, f"{peak:.0f}"
        )
        for i, hour in enumerate(hours):
            x = area.left() + i * slot
            for offset, (profile, colour) in enumerate(
                ((self.last_week, LAST_WEEK), (self.today, TODAY))
            ):
                height = area.height() * _value(profile, hour, self.measure) / peak
                bar = QRectF(x + slot * (0.15 + 0.35 * offset), area.bottom() - height,
                             slot * 0.33, height)  # fmt: skip
                painter.fillRect(bar, colour)
            label = QRectF(x, area.bottom() + 4, slot, MARGIN - 4)
            painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, f"{hour}")
        painter.end()
