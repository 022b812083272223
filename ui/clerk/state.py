"""What the caller panel shows and which of its actions make sense, free of widgets.

The panel reads one :class:`PanelData` per refresh (in a background task) and derives every
button's state from it with :func:`enabled_actions`, so the rules are testable without Qt.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from clerk_app.queue import TicketState, WindowState
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import HallStatus, TicketView, WindowStatus


class Action(enum.Enum):
    CALL_NEXT = "call_next"
    RECALL = "recall"
    SKIP = "skip"
    START = "start"
    FINISH = "finish"
    TRANSFER = "transfer"
    PARK = "park"
    PAUSE = "pause"
    RESUME = "resume"


_BY_TICKET: dict[TicketState, frozenset[Action]] = {
    TicketState.CALLED: frozenset(
        {Action.RECALL, Action.SKIP, Action.START, Action.TRANSFER, Action.PARK}
    ),
    TicketState.SERVING: frozenset({Action.FINISH, Action.TRANSFER, Action.PARK}),
}


@dataclass(frozen=True, slots=True)
class PanelData:
    """One consistent reading of the hall for one window."""

    hall: HallStatus
    window: WindowStatus
    tickets: tuple[TicketView, ...]

    @property
    def current(self) -> TicketView | None:
        return self.window.current

    @property
    def waiting(self) -> int:
        return self.hall.waiting_for(self.window.service_codes)


def read_panel(queue: QueueService, window_number: int) -> PanelData:
    """Runs in a background task: the status and today's tickets of this window."""
    hall = queue.status()
    window = next((w for w in hall.windows if w.number == window_number), None)
    if window is None:
        raise LookupError(f"window {window_number} is not in hall {hall.hall_code}")
    tickets = tuple(queue.window_tickets(window_number))
    return PanelData(hall, window, tickets)


def enabled_actions(data: PanelData | None, *, busy: bool) -> frozenset[Action]:
    """Only what the queue would accept now; nothing while an operation is under way."""
    if data is None or busy:
        return frozenset()
    state = data.window.state
    if state in (WindowState.PAUSED, WindowState.CLOSED):
        return frozenset({Action.RESUME})
    current = data.current
    if current is not None:
        return _BY_TICKET.get(current.state, frozenset())
    return frozenset({Action.CALL_NEXT, Action.PAUSE})
