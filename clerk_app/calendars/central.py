"""Installing a year received from the central server, and the rule that protects a hall's own.

The rule (docs/sync-protocol.md, "Holiday calendars"): a year the hall does not hold, or holds
as shipped or from the server, is installed when the server's text differs. A year the hall
imported itself is replaced only by a server version published *after* the hall's import (the
province corrected or confirmed it since); an older server version is kept out, and the sync
report names the year (``calendars_kept``), so nothing is overwritten silently.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clerk_app.calendars import store
from clerk_app.calendars.types import CalendarSource
from onewindow_protocol.calendar.format import checksum, read_arrangements
from onewindow_protocol.calendar.types import CalendarRefusal, CalendarRefused

CENTRAL_BY = "central server"


class CentralOutcome(enum.StrEnum):
    INSTALLED = "installed"
    SAME = "same"  # the hall holds this text already
    KEPT = "kept"  # the hall's own import is newer than the server's version


@dataclass(frozen=True, slots=True)
class CentralYear:
    year: int
    version: int
    published_ms: int
    document: str


def install_central(session: Session, release: CentralYear, now_ms: int) -> CentralOutcome:
    """Apply the rule above to one year in ``session``; raises CalendarRefused for a document
    that is not one whole year (the server's own check failed: nothing is taken)."""
    arrangements = read_arrangements(release.document)
    if len(arrangements) != 1 or arrangements[0].year != release.year:
        raise CalendarRefused(
            CalendarRefusal.BAD_FILE, f"the server's {release.year} calendar holds other years"
        )
    arrangement = arrangements[0]
    held = store.installed(session, release.year)
    if held is not None and held.checksum == checksum(arrangement):
        return CentralOutcome.SAME
    if (
        held is not None
        and held.source is CalendarSource.IMPORTED
        and held.installed_ms >= release.published_ms
    ):
        return CentralOutcome.KEPT
    store.install_year(
        session,
        arrangement,
        source=CalendarSource.CENTRAL,
        by=CENTRAL_BY,
        now_ms=now_ms,
        release=str(release.version),
    )
    return CentralOutcome.INSTALLED
