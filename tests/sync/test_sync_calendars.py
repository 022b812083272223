"""Holiday arrangements from the central server reach the counter by sync (both databases):
installed as source "central" with the deadlines waiting for them; a year the hall imported
itself is not overwritten by an older server version, only by a newer one."""

from __future__ import annotations

from central_server.services import calendars as published
from clerk_app.accounts.authz import HostOperator
from clerk_app.calendars import store
from clerk_app.calendars.service import CalendarService
from clerk_app.calendars.types import CalendarSource
from clerk_app.sync import state
from tests.calendars.helpers import YEAR_2027, YEAR_2027_CORRECTED
from tests.sync.conftest import World

# A third text of the year: the Mid-Autumn day moved.
YEAR_2027_THIRD = YEAR_2027.replace('"2027-09-15"', '"2027-09-16"')


def _held(w: World) -> tuple[CalendarSource, str | None, str]:
    found = w.db.run_read(lambda s: store.installed(s, 2027))
    assert found is not None
    return found.source, found.release, CalendarService(w.db).export_text(2027)


def test_a_published_year_is_installed_by_sync_and_a_newer_hall_import_is_kept(
    any_world: World,
) -> None:
    w = any_world
    ctx = w.server.services.ctx
    report = w.sync()
    assert (
        report.ok
        and report.calendars == ()
        and w.db.run_read(lambda s: store.installed(s, 2027)) is None
    )

    published.publish_text(ctx, YEAR_2027)
    report = w.sync()
    assert report.ok, report.error
    assert (report.calendars, report.calendars_kept) == ((2027,), ())
    assert _held(w) == (CalendarSource.CENTRAL, "1", YEAR_2027)
    assert w.db.run_read(lambda s: state.load(s).calendars_etag) is not None
    assert w.sync().calendars == ()  # the ETag held: nothing asked, nothing installed

    # The hall imports its own correction an hour later ...
    w.clock.advance(minutes=60)
    CalendarService(w.db, w.clock).import_text(YEAR_2027_CORRECTED, by=HostOperator("test"))
    # ... and the server republishes a version it had from before that import.
    w.server.advance(minutes=30)
    published.publish_text(ctx, YEAR_2027_THIRD)
    report = w.sync()
    assert (report.ok, report.calendars, report.calendars_kept) == (True, (), (2027,))
    assert _held(w) == (CalendarSource.IMPORTED, None, YEAR_2027_CORRECTED)

    # A version the province published after the hall's import replaces it.
    w.server.advance(minutes=60)
    published.publish_text(ctx, YEAR_2027)
    report = w.sync()
    assert (report.calendars, report.calendars_kept) == ((2027,), ())
    assert _held(w) == (CalendarSource.CENTRAL, "3", YEAR_2027)
