"""Supervisor alerts, derived from one dashboard reading: nothing is stored, so an alert clears
itself on the first reading after its cause is gone."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from clerk_app.db.models import WindowState
from clerk_app.queue.oversight import Dashboard


class AlertKind(enum.StrEnum):
    LONG_WAIT = "long_wait"  # a service's longest wait is past its threshold
    LONG_PAUSE = "long_pause"  # a window has been paused too long
    UNSERVED = "unserved"  # tickets wait for a service no open window serves
    CROWDED = "crowded"  # too many waiting for one service


@dataclass(frozen=True, slots=True)
class AlertThresholds:
    pause_min: int = 20
    crowd: int = 10  # "more than ten waiting for one service triggers help" (hall practice)


@dataclass(frozen=True, slots=True)
class Alert:
    kind: AlertKind
    subject: str  # a service code or a window number
    value: int  # minutes or people, as measured
    limit: int  # the threshold it passed (0 for UNSERVED)


def find_alerts(board: Dashboard, limits: AlertThresholds) -> tuple[Alert, ...]:
    found: list[Alert] = []
    for s in board.services:
        wait_min = s.longest_wait_s // 60
        if s.waiting and wait_min >= s.wait_alert_min:
            found.append(Alert(AlertKind.LONG_WAIT, s.code, wait_min, s.wait_alert_min))
        if s.waiting and not s.open_windows:
            found.append(Alert(AlertKind.UNSERVED, s.code, s.waiting, 0))
        if s.waiting > limits.crowd:
            found.append(Alert(AlertKind.CROWDED, s.code, s.waiting, limits.crowd))
    for w in board.windows:
        paused_min = max(0, board.now_ms - w.since_ms) // 60_000
        if w.state is WindowState.PAUSED and paused_min >= limits.pause_min:
            found.append(Alert(AlertKind.LONG_PAUSE, str(w.number), paused_min, limits.pause_min))
    return tuple(found)
