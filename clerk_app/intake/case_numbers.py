"""Case numbers that are final when printed offline: ``CC01-W03-20261128-0042``.

Hall code, terminal (window) code, the day in the hall's time zone and the terminal's own
sequence for that day: unique without asking the server, which keeps a UNIQUE constraint as
the backstop. A clock set back, or to another year, cannot repeat a number: the sequence of
every (hall, terminal, day) continues from what the database already issued for it.

Allocation happens inside the transaction that saves the case (``allocate_case_number`` takes
the caller's session): a case that is rolled back gives its number back, so the numbers of a
terminal's day have no gaps, which is what an auditor reading a stack of receipts expects.
This is safe only because nothing shows or prints the number before that transaction commits;
callers must keep it that way. The counter row is locked (PostgreSQL) or the database write
lock held (SQLite) until commit, which serialises saves of one terminal, never two terminals.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from clerk_app.db.intake_models import CaseNumberCounter
from clerk_app.db.models import Hall
from onewindow_base.clock import Clock, SystemClock, to_datetime
from onewindow_base.db.engine import Database

CODE = re.compile(r"[A-Z0-9]{1,16}")
CASE_NUMBER = re.compile(
    r"(?P<hall>[A-Z0-9]{1,16})-(?P<terminal>[A-Z0-9]{1,16})-(?P<day>\d{8})-(?P<seq>\d{4,9})"
)


class CaseNumberFormatError(ValueError):
    """Text that is not a case number, or parts that cannot make one."""


class UnknownHall(LookupError):  # noqa: N818 - named for what it reports
    def __init__(self, hall_code: str) -> None:
        self.hall_code = hall_code
        super().__init__(f"unknown hall {hall_code!r}")


@dataclass(frozen=True, slots=True, order=True)
class CaseNumber:
    hall_code: str
    terminal: str
    day: dt.date
    sequence: int

    def __post_init__(self) -> None:
        for name, code in (("hall code", self.hall_code), ("terminal code", self.terminal)):
            if not CODE.fullmatch(code):
                raise CaseNumberFormatError(
                    f"{name} {code!r} must be 1-16 capital letters or digits (no hyphen)"
                )
        if not 1 <= self.sequence <= 999_999_999:
            raise CaseNumberFormatError(f"sequence {self.sequence} is not 1..999999999")

    def __str__(self) -> str:
        return f"{self.hall_code}-{self.terminal}-{self.day:%Y%m%d}-{self.sequence:04d}"

    @classmethod
    def parse(cls, text: str) -> CaseNumber:
        """The inverse of ``str()``; only the canonical form is accepted (it is what is printed
        and scanned), apart from surrounding spaces and lower-case letters."""
        match = CASE_NUMBER.fullmatch(text.strip().upper())
        if match is None:
            raise CaseNumberFormatError(
                f"{text!r} is not a case number like CC01-W03-20261128-0042"
            )
        seq_text = match["seq"]
        if len(seq_text) > 4 and seq_text.startswith("0"):
            raise CaseNumberFormatError(f"{text!r}: the sequence has extra leading zeros")
        try:
            day = dt.datetime.strptime(match["day"], "%Y%m%d").date()  # noqa: DTZ007 - a date
        except ValueError:
            raise CaseNumberFormatError(f"{text!r}: {match['day']} is not a date") from None
        return cls(match["hall"], match["terminal"], day, int(seq_text))


def terminal_for_window(window_number: int) -> str:
    """``W03`` for window 3: the terminal code of a counter PC."""
    if not 1 <= window_number <= 999:
        raise CaseNumberFormatError(f"window number {window_number} is not 1..999")
    return f"W{window_number:02d}"


def allocate_case_number(
    session: Session, *, hall_id: int, hall_code: str, terminal: str, day: dt.date
) -> CaseNumber:
    """The next number of ``terminal`` on ``day``, inside the caller's write transaction.

    One statement that inserts the day's counter at 1 or bumps it, returning the new value:
    atomic on both databases (PostgreSQL locks the row it bumps or inserts; SQLite runs it
    under the write lock that ``Database.write`` takes at BEGIN).
    """
    if not CODE.fullmatch(terminal):
        raise CaseNumberFormatError(f"terminal code {terminal!r} must be capital letters or digits")
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    table = CaseNumberCounter.__table__
    insert = dialect.insert(table).values(hall_id=hall_id, terminal=terminal, day=day, last=1)
    statement = insert.on_conflict_do_update(
        index_elements=[table.c.hall_id, table.c.terminal, table.c.day],
        set_={"last": table.c.last + 1},
    ).returning(table.c.last)
    sequence = session.execute(statement).scalar_one()
    return CaseNumber(hall_code, terminal, day, sequence)


class CaseNumbers:
    """Case numbers for one database, days taken in each hall's own time zone."""

    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self._db = db
        self._clock = clock or SystemClock()

    def allocate(self, session: Session, *, hall_code: str, terminal: str) -> CaseNumber:
        """Within the caller's write transaction (the one that saves the case)."""
        hall = session.execute(
            select(Hall.id, Hall.timezone).where(Hall.code == hall_code)
        ).one_or_none()
        if hall is None:
            raise UnknownHall(hall_code)
        day = to_datetime(self._clock.now_ms(), ZoneInfo(hall.timezone)).date()
        return allocate_case_number(
            session, hall_id=hall.id, hall_code=hall_code, terminal=terminal, day=day
        )

    def allocate_alone(self, *, hall_code: str, terminal: str) -> CaseNumber:
        """In a transaction of its own, committed on return (tools and tests)."""
        return self._db.run_write(
            lambda session: self.allocate(session, hall_code=hall_code, terminal=terminal)
        )

    def last_issued(self, *, hall_code: str, terminal: str, day: dt.date) -> int:
        """The last sequence committed for that terminal and day; 0 when none."""
        with self._db.read() as session:
            last = session.scalar(
                select(CaseNumberCounter.last)
                .join(Hall, Hall.id == CaseNumberCounter.hall_id)
                .where(
                    Hall.code == hall_code,
                    CaseNumberCounter.terminal == terminal,
                    CaseNumberCounter.day == day,
                )
            )
        return int(last or 0)
