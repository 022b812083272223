"""The hall display: the call just made in large type, every window's current number, the last
calls and who is waiting; a new call is highlighted and announced.

It reads a :class:`DisplaySnapshot` through the task runner whenever the watcher reports a
change (PostgreSQL NOTIFY, or SQLite polling), so a call shows well within a second. When a
reading fails the "offline" banner appears and the display retries on its own; the first
reading that succeeds hides it and announces the calls made meanwhile.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.queue.oversight import CallView, DisplaySnapshot, Oversight
from ui.display.calls import CallTracker
from ui.display.models import WindowBoardModel, recent_calls_model, waiting_model
from ui.i18n import pick_name
from ui.refresh import CoalescedRefresh
from ui.scaling import set_px, set_rows, unit
from ui.tasks import TaskRunner
from ui.voice.announcer import Announcer
from ui.voice.phrases import Announcement
from ui.watcher import HallWatcher

log = logging.getLogger(__name__)

RECENT_CALLS = 8
RETRY_MS = 1_000
TICK_MS = 15_000  # the clock, and a safety re-read
HIGHLIGHT_MS = 10_000
BLINK_MS = 500
STYLE = """
HallDisplay { background: #0b2545; }
QLabel { color: white; }
QLabel#offline { background: #c62828; color: white; }
QFrame#now { background: #13315c; border-radius: 12px; }
QFrame#now[blink="true"] { background: #ffd54f; }
QFrame#now[blink="true"] QLabel { color: #0b2545; }
QTableView { background: #13315c; color: white; gridline-color: #1e4a7a; border: none; }
QHeaderView::section { background: #0b2545; color: #8da9c4; border: none; }
"""


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


class HallDisplay(QWidget):
    refreshed = Signal()  # a reading is on screen

    def __init__(
        self,
        oversight: Oversight,
        runner: TaskRunner,
        watcher: HallWatcher,
        announcer: Announcer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._oversight = oversight
        self._announcer = announcer
        self._tracker = CallTracker()
        self._reads = CoalescedRefresh(
            runner,
            lambda: self._oversight.display(RECENT_CALLS),
            self._show,
            self._failed,
            parent=self,
        )
        self._highlighted: dict[int, QTimer] = {}
        self.online = True
        self.windows = WindowBoardModel(self)
        self.calls = recent_calls_model(self)
        self.waiting = waiting_model(self)
        self._build()
        self.setStyleSheet(STYLE)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.refresh)
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        self._blink = QTimer(self, interval=BLINK_MS)
        self._blink.timeout.connect(self._toggle_blink)
        self._blink_left = 0
        watcher.changed.connect(self.refresh)
        self._on_tick()  # shows the time and reads the queue

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        rules = self._oversight.rules
        self.title = QLabel(pick_name(self.locale(), rules.name_zh, rules.name_en))
        self.clock = QLabel()
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.offline = QLabel(self.tr("Offline: reconnecting to the queue…"))
        self.offline.setObjectName("offline")
        self.offline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.offline.hide()
        self.now = QFrame()
        self.now.setObjectName("now")
        self.now_caption = QLabel(self.tr("Now calling"))
        self.now_number = QLabel("—")
        self.now_window = QLabel("")
        now_layout = QVBoxLayout(self.now)
        for label in (self.now_caption, self.now_number, self.now_window):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            now_layout.addWidget(label)
        self.window_view = _table(self.windows)
        self.calls_view = _table(self.calls)
        self.waiting_view = _table(self.waiting)
        self.calls_caption = QLabel(self.tr("Last calls"))
        self.waiting_caption = QLabel(self.tr("Waiting"))
        header = QHBoxLayout()
        header.addWidget(self.title, 3)
        header.addWidget(self.clock, 1)
        side = QVBoxLayout()
        side.addWidget(self.calls_caption)
        side.addWidget(self.calls_view, 3)
        side.addWidget(self.waiting_caption)
        side.addWidget(self.waiting_view, 2)
        body = QHBoxLayout()
        body.addWidget(self.now, 4)
        body.addWidget(self.window_view, 4)
        body.addLayout(side, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.offline)
        layout.addLayout(body, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        u = unit(self)
        set_px(self.title, 52 * u, bold=True)
        set_px(self.clock, 44 * u)
        set_px(self.offline, 44 * u, bold=True)
        set_px(self.now_caption, 56 * u)
        set_px(self.now_number, 230 * u, bold=True)
        set_px(self.now_window, 84 * u, bold=True)
        for caption in (self.calls_caption, self.waiting_caption):
            set_px(caption, 38 * u)
        set_rows(self.window_view, 58 * u, bold=True)
        set_rows(self.calls_view, 44 * u)
        set_rows(self.waiting_view, 34 * u)

    # ------------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Read the hall; while a read is under way, one more follows it."""
        self._reads.request()

    def _show(self, snapshot: DisplaySnapshot) -> None:
        self._set_online(online=True)
        self.windows.set_status(snapshot.status)
        self.calls.set_rows(snapshot.calls)
        self.waiting.set_rows(snapshot.status.services)
        if snapshot.calls:
            self._show_now(snapshot.calls[0])
        for call in self._tracker.new_calls(snapshot.calls, snapshot.status.now_ms):
            self._highlight(call.window_number)
            self._announcer.announce(Announcement(call.number, call.window_number))
        self.refreshed.emit()

    def _failed(self, exc: Exception) -> None:
        if self.online:
            log.warning("the display cannot read the queue (%s); retrying", type(exc).__name__)
        self._set_online(online=False)
        self._retry.start()

    def _set_online(self, *, online: bool) -> None:
        self.online = online
        self.offline.setVisible(not online)

    # ------------------------------------------------------------------ showing
    def _show_now(self, call: CallView) -> None:
        if self.now_number.text() == call.number and self.now_window.property("call") == (
            call.ticket_id,
            call.called_ms,
        ):
            return
        self.now_number.setText(call.number)
        window = pick_name(self.locale(), call.window_name_zh, call.window_name_en)
        self.now_window.setText(self.tr("Please go to {window}").format(window=window))
        self.now_window.setProperty("call", (call.ticket_id, call.called_ms))

    def _highlight(self, window: int) -> None:
        timer = self._highlighted.get(window)
        if timer is None:
            timer = QTimer(self, singleShot=True, interval=HIGHLIGHT_MS)
            timer.timeout.connect(lambda: self._unhighlight(window))
            self._highlighted[window] = timer
        timer.start()
        self.windows.set_highlighted(set(self._highlighted))
        self._blink_left = HIGHLIGHT_MS // BLINK_MS
        self._blink.start()

    def _unhighlight(self, window: int) -> None:
        timer = self._highlighted.pop(window, None)
        if timer is not None:
            timer.deleteLater()
        self.windows.set_highlighted(set(self._highlighted))

    def highlighted(self) -> set[int]:
        return set(self._highlighted)

    def _toggle_blink(self) -> None:
        self._blink_left -= 1
        on = self._blink_left > 0 and self._blink_left % 2 == 1
        self.now.setProperty("blink", on)
        self.now.style().unpolish(self.now)
        self.now.style().polish(self.now)
        if self._blink_left <= 0:
            self._blink.stop()

    def _on_tick(self) -> None:
        now = dt.datetime.now(self._oversight.rules.tz)
        self.clock.setText(now.strftime("%H:%M"))
        if self.online and not self._reads.in_flight:
            self.refresh()
