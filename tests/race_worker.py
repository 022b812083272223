"""Worker processes for the concurrency tests (importable by multiprocessing's spawn)."""

from __future__ import annotations

from multiprocessing.synchronize import Barrier

from clerk_app.queue import QueueRefused, QueueService
from onewindow_base.db.engine import Database


def serve_until_empty(url: str, window: int, barrier: Barrier) -> tuple[list[int], list[str]]:
    """Call, start and finish until nothing is left; return the ids served and any errors."""
    db = Database(url)
    queue = QueueService(db)
    served: list[int] = []
    errors: list[str] = []
    barrier.wait()
    try:
        while True:
            try:
                ticket = queue.call_next(window)
            except QueueRefused as exc:
                errors.append(f"refused: {exc}")
                break
            if ticket is None:
                break
            served.append(ticket.ticket_id)
            queue.start(window)
            queue.finish(window)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which fails the test
        errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        db.dispose()
    return served, errors


def double_click(url: str, window: int, barrier: Barrier) -> str:
    db = Database(url)
    queue = QueueService(db)
    barrier.wait()
    try:
        ticket = queue.call_next(window)
        return "none" if ticket is None else f"ticket {ticket.ticket_id}"
    except QueueRefused as exc:
        return exc.code.value
    finally:
        db.dispose()
