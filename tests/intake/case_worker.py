"""Worker processes for the case number races (importable by multiprocessing's spawn)."""

from __future__ import annotations

from multiprocessing.synchronize import Barrier

from clerk_app.intake.case_numbers import CaseNumbers
from onewindow_base.db.engine import Database


def allocate_many(url: str, terminal: str, count: int, barrier: Barrier) -> list[str]:
    db = Database(url)
    numbers = CaseNumbers(db)
    barrier.wait()
    try:
        return [
            str(numbers.allocate_alone(hall_code="CC01", terminal=terminal)) for _ in range(count)
        ]
    finally:
        db.dispose()
