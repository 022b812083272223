"""Pull the changes feed and the catalogue.

Each page of the feed is applied with its cursor in ONE local transaction: a crash while
applying leaves the old cursor, and the re-pull is idempotent because an event whose version is
not above the case's ``server_version`` is old news (status never goes backwards). A 410 drops
the cursor and re-pulls from the start. The catalogue is fetched with its ETag and installed
through ``CatalogueStore.install`` (staging and swap) in the transaction that records the ETag.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.calendars.central import CentralOutcome, CentralYear, install_central
from clerk_app.catalogue.format import parse as parse_catalogue
from clerk_app.catalogue.store import CatalogueStore
from clerk_app.catalogue.types import CatalogueRefusal, CatalogueRefused
from clerk_app.db.intake_models import IntakeCase
from clerk_app.results.status import apply_server_status
from clerk_app.results.types import ServerStatus
from clerk_app.sync import state
from clerk_app.sync.client import ErrorKind, SyncError, Transport, parse
from onewindow_base.clock import Clock
from onewindow_base.crashpoint import crashpoint
from onewindow_base.db.engine import Database
from onewindow_protocol import paths
from onewindow_protocol.calendar.types import CalendarRefused
from onewindow_protocol.wire.calendars import CalendarSet
from onewindow_protocol.wire.catalogue import CatalogueRelease
from onewindow_protocol.wire.changes import CaseEvent, ChangeKind, ChangesPage

log = logging.getLogger(__name__)

PAGE_LIMIT = 500
MAX_PAGES = 10_000

# The server's case status → the counter's case state (None: keep the counter's state).


@dataclass
class PullReport:
    events: int = 0  # case events applied (newer than what was held)
    stale: int = 0  # events not above the held version, or for cases not in this database
    pages: int = 0
    full_repull: bool = False
    catalogue: str | None = None  # the label installed now


def _at_ms(event_at: object) -> int:
    import datetime as dt  # noqa: PLC0415

    assert isinstance(event_at, dt.datetime)
    return int(event_at.timestamp() * 1000)


def apply_case_event(session: Session, seq: int, at_ms: int, e: CaseEvent, now: int) -> bool:
    """One status change off the feed, through the results service (the one way a server
    decision lands on a case); False for an unknown case or old news."""
    case_id = session.scalar(select(IntakeCase.id).where(IntakeCase.case_uuid == str(e.case_id)))
    if case_id is None:
        return False
    detail = {
        "certificate": e.certificate.model_dump(mode="json") if e.certificate else None,
        "reason": e.reason,
        "supplement": e.supplement.model_dump(mode="json") if e.supplement else None,
        "deferred_outstanding": e.deferred_outstanding,
    }
    status = ServerStatus(
        server_seq=seq,
        version=e.version,
        status=e.status.value,
        at_ms=at_ms,
        certificate_number=e.certificate.number if e.certificate else None,
        detail=detail,
    )
    return apply_server_status(session, case_id, status, now)


class Puller:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def _apply_page(self, page: ChangesPage, report: PullReport) -> None:
        now = self.clock.now_ms()

        def work(session: Session) -> tuple[int, int]:
            applied = stale = 0
            for change in page.changes:
                if change.kind is ChangeKind.CASE_STATUS and change.case is not None:
                    if apply_case_event(session, change.seq, _at_ms(change.at), change.case, now):
                        applied += 1
                    else:
                        stale += 1
            row = state.load(session, for_update=True)
            crashpoint("pull.before_commit")
            row.cursor = page.next_cursor
            row.epoch = page.epoch
            return applied, stale

        applied, stale = self.db.run_write(work)
        report.events += applied
        report.stale += stale
        report.pages += 1

    def pull(self, t: Transport) -> PullReport:
        report = PullReport()
        cursor = self.db.run_read(lambda s: state.status(s).cursor)
        for _ in range(MAX_PAGES):
            params: dict[str, str | int] = {"limit": PAGE_LIMIT}
            if cursor:
                params["cursor"] = cursor
            try:
                page = t.get_json(paths.CHANGES, ChangesPage, params=params)
            except SyncError as error:
                if error.code != "cursor_invalid" or report.full_repull:
                    raise
                log.info("changes cursor refused (new server epoch): pulling from the start")
                report.full_repull = True
                cursor = None
                continue
            if page.changes or page.next_cursor != cursor:
                self._apply_page(page, report)  # nothing new: no write at all
            cursor = page.next_cursor
            if not page.has_more:
                break
        return report

    def pull_catalogue(self, t: Transport, held_etag: str | None) -> str | None:
        """Install the server's current catalogue unless it is the one held; the new label."""
        headers = {"If-None-Match": held_etag} if held_etag else {}
        try:
            response = t.request("GET", paths.CATALOGUE, ok=(200, 304), headers=headers)
        except SyncError as error:
            if error.code == "no_catalogue":
                return None
            raise
        if response.status_code == 304:
            return None
        release = parse(CatalogueRelease, response)
        try:
            doc = parse_catalogue(release.document)
        except CatalogueRefused as exc:
            if exc.code is CatalogueRefusal.NEWER_FORMAT:  # the server is ahead: upgrade here
                kind, code = ErrorKind.UPGRADE, "catalogue_newer_format"
            else:
                kind, code = ErrorKind.PERMANENT, "catalogue_invalid"
            message = f"catalogue release {release.release} does not load: {exc}"
            raise SyncError(kind, message, code=code) from None
        store = CatalogueStore(self.db, self.clock)

        def work(session: Session) -> str:
            store.install(session, doc)
            crashpoint("catalogue.before_commit")
            state.load(session, for_update=True).catalogue_etag = release.etag
            return release.label

        return self.db.run_write(work)

    def pull_calendars(self, t: Transport, held_etag: str | None) -> CalendarsPulled:
        """Install the server's holiday arrangements (see ``clerk_app.calendars.central`` for
        the rule that keeps a hall's newer import), all years and the ETag in one transaction
        with the deadlines that were waiting for them."""
        headers = {"If-None-Match": held_etag} if held_etag else {}
        response = t.request("GET", paths.CALENDARS, ok=(200, 304), headers=headers)
        if response.status_code == 304:
            return CalendarsPulled()
        published = parse(CalendarSet, response)
        now = self.clock.now_ms()

        def work(session: Session) -> CalendarsPulled:
            pulled = CalendarsPulled()
            for year in published.years:
                release = CentralYear(
                    year.year, year.version, _at_ms(year.published_at), year.document
                )
                try:
                    outcome = install_central(session, release, now)
                except CalendarRefused as exc:
                    raise SyncError(
                        ErrorKind.PERMANENT,
                        f"the server's {year.year} calendar does not load: {exc}",
                        code="calendar_invalid",
                    ) from None
                if outcome is CentralOutcome.INSTALLED:
                    pulled.installed.append(year.year)
                elif outcome is CentralOutcome.KEPT:
                    log.info("calendar %s: the hall's newer import is kept", year.year)
                    pulled.kept.append(year.year)
            crashpoint("calendars.before_commit")
            state.load(session, for_update=True).calendars_etag = published.etag
            return pulled

        return self.db.run_write(work)


@dataclass
class CalendarsPulled:
    installed: list[int] = field(default_factory=list)  # years installed now
    kept: list[int] = field(default_factory=list)  # the hall's newer imports, kept
