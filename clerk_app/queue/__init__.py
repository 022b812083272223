"""The hall queue: tickets, windows, calling, estimates, statistics and change notification."""

from clerk_app.db.models import TicketState, WindowState
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import (
    HallStatus,
    IssuedTicket,
    PauseReason,
    PriorityClass,
    QueueRefused,
    QueueStats,
    RefusalCode,
    TicketView,
    WindowStatus,
)

__all__ = [
    "HallStatus",
    "IssuedTicket",
    "PauseReason",
    "PriorityClass",
    "QueueRefused",
    "QueueService",
    "QueueStats",
    "RefusalCode",
    "TicketState",
    "TicketView",
    "WindowState",
    "WindowStatus",
]
