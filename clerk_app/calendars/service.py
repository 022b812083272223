"""Import, show and export the hall calendar; warn when next year's is missing.

Importing is an administration (``Permission.CALENDAR``, checked and audited like the
catalogue's): every year of the file is checked whole before anything is written, then all
of them are installed in one transaction with the deadlines that were waiting for them, and
an audit record names the years. Importing a year again replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Gate, Operator, Permission, actor_of, open_to_clerks, requires
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import AuditAction
from clerk_app.calendars import store
from clerk_app.calendars.types import CalendarSource, InstalledYear
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database
from onewindow_protocol.calendar.format import dump_year, read_arrangements
from onewindow_protocol.calendar.types import CalendarRefusal, CalendarRefused


@dataclass(frozen=True, slots=True)
class ImportResult:
    years: tuple[int, ...]
    replaced: tuple[int, ...]  # of those, years the database held before
    deadlines_filled: int


class CalendarService:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self._db = db
        self._clock = clock or SystemClock()
        self._audit = AuditService(db, self._clock)

    def _gate(self) -> Gate:
        return Gate(self._audit, self._db)

    @open_to_clerks
    def read_file(self, path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CalendarRefused(CalendarRefusal.BAD_FILE, f"cannot read {path}: {exc}") from None

    @requires(Permission.CALENDAR)
    def import_text(self, text: str, *, by: Operator) -> ImportResult:
        return self._import(text, by)

    @requires(Permission.CALENDAR)
    def import_file(self, path: Path, *, by: Operator) -> ImportResult:
        return self._import(self.read_file(path), by)

    def _import(self, text: str, by: Operator) -> ImportResult:
        arrangements = read_arrangements(text)  # refused whole before any write
        actor = actor_of(by)
        now = self._clock.now_ms()

        def work(session: Session) -> ImportResult:
            held = {row.year for row in store.installed_years(session)}
            filled = 0
            for arrangement in arrangements:
                filled += store.install_year(
                    session,
                    arrangement,
                    source=CalendarSource.IMPORTED,
                    by=actor.name,
                    now_ms=now,
                )
            years = tuple(a.year for a in arrangements)
            replaced = tuple(y for y in years if y in held)
            self._audit.append(
                session,
                AuditAction.CALENDAR_CHANGE,
                actor,
                target_kind="calendar",
                target=",".join(str(y) for y in years),
                detail={"change": "import", "replaced": list(replaced), "filled": filled},
            )
            return ImportResult(years, replaced, filled)

        return self._db.run_write(work)

    @open_to_clerks
    def year(self, year: int) -> InstalledYear:
        found = self._db.run_read(lambda s: store.installed(s, year))
        if found is None:
            raise CalendarRefused(
                CalendarRefusal.UNKNOWN_YEAR, f"the hall calendar has no {year} arrangement"
            )
        return found

    @open_to_clerks
    def export_text(self, year: int) -> str:
        return dump_year(self.year(year).arrangement)

    @open_to_clerks
    def years(self) -> set[int]:
        return self._db.run_read(lambda s: {row.year for row in store.installed_years(s)})
