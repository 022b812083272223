"""One sync cycle: hello (clock skew, epoch, device sequence), push, pull, catalogue.

Single flight per hall database: on PostgreSQL a session advisory lock held on a dedicated
connection, on SQLite an exclusive lock on a file beside the database. A second cycle started
meanwhile (timer and manual at once) returns at once as ``busy`` and sends nothing.

A full disk under the counter's database (or its blob store) while the cycle writes what it
received is reported as ``disk_full``, never as a crash: the write's transaction is rolled back,
so the cursor, the outbox and the active catalogue are as they were (docs/sync-rules.md fault 9).

Failures worth retrying (network, 5xx, 429, 503, unreadable replies) set a backoff with full
jitter, capped, never shorter than the server's Retry-After; it is persisted, so a restarted app
honours it too. A manual sync may override it (``force``).
"""

from __future__ import annotations

import contextlib
import logging
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.audit.service import AuditService
from clerk_app.db.sync_models import DeviceSequence, OutboxOperation, SyncState
from clerk_app.intake.outbox import SEQUENCE_ROW
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.licences.checks import ChecksRun, LicenceChecks
from clerk_app.queue.appointments import AppointmentRules
from clerk_app.settings_schema import DEFAULT_PULL_DAYS
from clerk_app.sync import state
from clerk_app.sync.appointments import AppointmentsPulled, AppointmentSync
from clerk_app.sync.client import Credentials, ErrorKind, SyncError, Transport
from clerk_app.sync.notifications import Notifications, NotifyRules
from clerk_app.sync.pull import CalendarsPulled, Puller
from clerk_app.sync.push import ACKED, NEEDS_ATTENTION, PENDING, Pusher
from onewindow_base.blobs import BlobStore, is_storage_full
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database, is_disk_full
from onewindow_protocol import paths
from onewindow_protocol.wire.auth import Hello

log = logging.getLogger(__name__)

RETENTION_MS = 30 * 24 * 3600 * 1000  # acknowledged operations kept for replays
BACKOFF_BASE_MS = 2_000
BACKOFF_CAP_MS = 5 * 60_000
SKEW_WARN_MS = 5 * 60_000
ADVISORY_KEY = 0x0E57_5C00  # "one window sync"

TransportFactory = Callable[[str, Credentials], Transport]


@dataclass(frozen=True, slots=True)
class CycleReport:
    pushed: int = 0
    pulled: int = 0
    pending: int = 0
    failed: int = 0  # operations needing attention
    busy: bool = False  # another sync holds the single-flight lock
    waiting: bool = False  # inside the backoff window; nothing sent
    error: str | None = None
    error_kind: str | None = None
    skew_ms: int | None = None
    catalogue: str | None = None
    calendars: tuple[int, ...] = ()  # years installed from the server
    calendars_kept: tuple[int, ...] = ()  # the hall's newer imports, kept
    bookings: int = 0  # the hall's bookings received (0: unchanged since the last pull)
    bookings_cancelled: int = 0  # of them, cancelled online since the last pull
    full_repull: bool = False
    new_epoch: bool = False
    licences_verified: int = 0  # typed e-licence numbers the registry confirmed this cycle
    licences_failed: int = 0  # and those it did not (an alert for the supervisor)

    @property
    def ok(self) -> bool:
        return self.error is None and not self.busy and not self.waiting

    @property
    def skew_warning(self) -> bool:
        return self.skew_ms is not None and abs(self.skew_ms) > SKEW_WARN_MS


def counts(session: Session) -> tuple[int, int]:
    rows = dict(
        session.execute(
            select(OutboxOperation.state, func.count())
            .where(OutboxOperation.state != ACKED)
            .group_by(OutboxOperation.state)
        ).all()
    )
    return int(rows.get(PENDING, 0)), int(rows.get(NEEDS_ATTENTION, 0))


def backoff_ms(failures: int, retry_after_s: float | None, rng: random.Random) -> int:
    """Full jitter: uniform in [0, min(cap, base·2^(n−1))]; never below Retry-After."""
    ceiling = min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** max(0, min(failures - 1, 20)))
    delay = int(rng.uniform(0, ceiling))
    if retry_after_s is not None:
        delay = max(delay, int(retry_after_s * 1000))
    return delay


class SingleFlight:
    """The per-database sync lock (not reentrant; one holder across processes)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @contextlib.contextmanager
    def hold(self) -> Iterator[bool]:
        if self.db.is_postgres:
            with self.db.engine.connect() as conn:
                got = bool(
                    conn.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_KEY})
                )
                conn.commit()
                try:
                    yield got
                finally:
                    if got:
                        conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})
                        conn.commit()
            return
        with _file_lock(self._lock_path()) as got:
            yield got

    def _lock_path(self) -> Path:
        database = self.db.engine.url.database
        if not database or database == ":memory:":
            raise RuntimeError("single flight needs a file database")
        return Path(database + ".sync.lock")


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[bool]:
    handle: IO[bytes] = path.open("a+b")
    try:
        got = _try_lock(handle)
        try:
            yield got
        finally:
            if got:
                _unlock(handle)
    finally:
        handle.close()


if sys.platform == "win32":  # pragma: no cover - Windows counters
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def default_transport(base_url: str, credentials: Credentials) -> Transport:
    return Transport(base_url, credentials)


class SyncEngine:
    def __init__(
        self,
        db: Database,
        protector: PersonalDataProtector,
        store: BlobStore,
        *,
        clock: Clock | None = None,
        transport: TransportFactory = default_transport,
        rng: random.Random | None = None,
        chunk_bytes: int | None = None,
        appointment_rules: AppointmentRules | None = None,
        appointment_days: int = DEFAULT_PULL_DAYS,
        notify_rules: NotifyRules | None = None,
    ) -> None:
        self.db = db
        self.protector = protector
        self.store = store
        self.clock = clock or SystemClock()
        self.transport = transport
        self.rng = rng or random.Random()  # noqa: S311 - jitter, not a secret
        self.lock = SingleFlight(db)
        pusher_kw = {} if chunk_bytes is None else {"chunk_bytes": chunk_bytes}
        self.pusher = Pusher(db, protector, store, self.clock, **pusher_kw)
        self.puller = Puller(db, self.clock)
        self.licence_checks = LicenceChecks(db, protector, AuditService(db, self.clock), self.clock)
        self.appointments = AppointmentSync(
            db, protector, self.clock, appointment_rules or AppointmentRules(), appointment_days
        )
        self.notifications = Notifications(db, protector, self.clock, notify_rules)
        self._kept: tuple[tuple[str, str, str], Transport] | None = None

    @contextlib.contextmanager
    def _connection(self, url: str, credentials: Credentials) -> Iterator[Transport]:
        """The transport of the last cycle when it is for the same server and credential: its
        connection and access token are reused (a token refresh costs the server a password
        hash). Dropped after a failure, so the next cycle starts on a fresh connection."""
        key = (url, credentials.device_id, credentials.refresh_credential)
        if self._kept is None or self._kept[0] != key:
            self.close()
            self._kept = (key, self.transport(url, credentials))
        try:
            yield self._kept[1]
        except BaseException:
            self.close()
            raise

    @open_to_clerks
    def close(self) -> None:
        if self._kept is not None:
            self._kept[1].close()
            self._kept = None

    @open_to_clerks
    def run_cycle(self, *, force: bool = False) -> CycleReport:
        with self.lock.hold() as got:
            if not got:
                pending, failed = self.db.run_read(counts)
                return CycleReport(pending=pending, failed=failed, busy=True)
            return self._cycle(force=force)

    def _cycle(self, *, force: bool) -> CycleReport:
        now = self.clock.now_ms()
        row = self.db.run_read(state.status)
        if not row.enrolled or not row.server_url:
            pending, failed = self.db.run_read(counts)
            return CycleReport(
                pending=pending,
                failed=failed,
                error="this counter is not enrolled (clerk-app enroll --server URL --code CODE)",
                error_kind=ErrorKind.PERMANENT.value,
            )
        if not force and row.backoff_until_ms > now:
            pending, failed = self.db.run_read(counts)
            return CycleReport(pending=pending, failed=failed, waiting=True, skew_ms=row.skew_ms)
        secret = self.db.run_read(lambda s: state.refresh_credential(state.load(s), self.protector))
        assert secret is not None
        credentials = Credentials(row.device_id, secret)
        pushed = pulled = 0
        skew: int | None = None
        catalogue: str | None = None
        calendars = CalendarsPulled()
        checked = ChecksRun()
        full = new_epoch = False
        bookings = AppointmentsPulled()
        try:
            self._into_outbox(row.hall_code)
            with self._connection(row.server_url, credentials) as t:
                hello = t.get_json(paths.HELLO, Hello)
                skew = hello.server_time_ms - self.clock.now_ms()
                new_epoch = False
                if self.db.run_read(lambda s: self._hello_needs_write(s, hello)):
                    new_epoch = self.db.run_write(lambda s: self._after_hello(s, hello))
                push = self.pusher.push(t, max_batch=max(1, hello.max_batch))
                pushed = push.pushed
                self.notifications.pull_statuses(t)  # 短信: sent, delivered or failed
                checked = self.licence_checks.run(t)  # 待核验 numbers, after their cases
                pull = self.puller.pull(t)
                pulled, full = pull.events, pull.full_repull or new_epoch
                held = self.db.run_read(lambda s: state.status(s).catalogue_etag)
                if hello.catalogue_etag is not None and hello.catalogue_etag != held:
                    catalogue = self.puller.pull_catalogue(t, held)
                held_calendars = self.db.run_read(lambda s: state.load(s).calendars_etag)
                if hello.calendars_etag is not None and hello.calendars_etag != held_calendars:
                    calendars = self.puller.pull_calendars(t, held_calendars)
                bookings = self.appointments.pull(t, row.hall_code, hello.bookings_revision)
        except SyncError as error:
            failure = error
            self.db.run_write(lambda s: self._failed(s, failure, skew))
            pending, failed = self.db.run_read(counts)
            log.info("sync failed (%s): %s", error.kind.value, error)
            return CycleReport(
                pushed=pushed,
                pulled=pulled,
                pending=pending,
                failed=failed,
                error=str(error),
                error_kind=error.kind.value,
                skew_ms=skew,
                new_epoch=new_epoch,
            )
        except (SQLAlchemyError, OSError) as exc:
            if not (is_disk_full(exc) or is_storage_full(exc)):
                raise
            return self._disk_full(pushed, pulled, skew, new_epoch)
        if self.db.run_read(lambda s: self._success_needs_write(s, skew)):
            self.db.run_write(lambda s: self._succeeded(s, skew))
        pending, failed = self.db.run_read(counts)
        return CycleReport(
            pushed=pushed,
            pulled=pulled,
            pending=pending,
            failed=failed,
            skew_ms=skew,
            catalogue=catalogue,
            calendars=tuple(calendars.installed),
            calendars_kept=tuple(calendars.kept),
            bookings=bookings.received,
            bookings_cancelled=bookings.cancelled,
            full_repull=full,
            new_epoch=new_epoch,
            licences_verified=checked.verified,
            licences_failed=checked.failed,
        )

    def _into_outbox(self, hall_code: str | None) -> None:
        """What the push sends, written whether the server answers or not."""
        if self.db.run_read(lambda s: self.appointments.needs_report(s, hall_code)):
            self.appointments.report(hall_code)
        if self.db.run_read(self.notifications.needs_scan):
            self.notifications.scan(hall_code)  # turn-near messages due, or useless now

    def _disk_full(
        self, pushed: int, pulled: int, skew: int | None, new_epoch: bool
    ) -> CycleReport:
        log.warning("the disk is full: what this sync received was not saved")
        message = "the disk is full: what the central server sent could not be saved"
        with contextlib.suppress(SQLAlchemyError):  # noted if there is room for that
            self.db.run_write(
                lambda s: _note_error(state.load(s, for_update=True), message, "disk_full")
            )
        pending, failed = self.db.run_read(counts)
        return CycleReport(
            pushed=pushed,
            pulled=pulled,
            pending=pending,
            failed=failed,
            error=message,
            error_kind=ErrorKind.DISK_FULL.value,
            skew_ms=skew,
            new_epoch=new_epoch,
        )

    def _hello_needs_write(self, session: Session, hello: Hello) -> bool:
        """Whether ``_after_hello`` has anything to change (an idle cycle then writes nothing)."""
        row = session.get(SyncState, state.STATE_ROW)
        seq = session.get(DeviceSequence, SEQUENCE_ROW)
        purge = self.clock.now_ms() - RETENTION_MS
        expired = session.scalar(
            select(OutboxOperation.seq)
            .where(OutboxOperation.state == ACKED, OutboxOperation.acked_ms < purge)
            .limit(1)
        )
        return (
            row is None
            or row.epoch != hello.epoch
            or seq is None
            or seq.last < hello.last_device_seq
            or expired is not None
        )

    def _success_needs_write(self, session: Session, skew: int | None) -> bool:
        """Record a success at once after a failure; otherwise at most once a minute."""
        row = session.get(SyncState, state.STATE_ROW)
        if row is None or row.failures or row.last_error or row.backoff_until_ms:
            return True
        if row.last_success_ms is None or self.clock.now_ms() - row.last_success_ms >= 60_000:
            return True
        return skew is None or row.skew_ms is None or abs(skew - row.skew_ms) > SKEW_WARN_MS // 10

    def _after_hello(self, session: Session, hello: Hello) -> bool:
        """Epoch change → re-push kept operations and re-pull; device sequence kept above the
        server's (a restored or copied database must not reuse numbers for new operations)."""
        row = state.load(session, for_update=True)
        seq = session.get(DeviceSequence, SEQUENCE_ROW)
        if seq is None:
            session.add(DeviceSequence(id=SEQUENCE_ROW, last=hello.last_device_seq))
        elif seq.last < hello.last_device_seq:
            log.warning(
                "device sequence %d is behind the server's %d: this database was restored or "
                "copied; new operations continue above it",
                seq.last,
                hello.last_device_seq,
            )
            seq.last = hello.last_device_seq
        now = self.clock.now_ms()
        purge = now - RETENTION_MS
        session.execute(
            delete(OutboxOperation).where(
                OutboxOperation.state == ACKED, OutboxOperation.acked_ms < purge
            )
        )
        if row.epoch is None or row.epoch == hello.epoch:
            row.epoch = hello.epoch
            return False
        log.warning("the server has a new epoch (restored from a backup): re-push and re-pull")
        session.execute(
            update(OutboxOperation)
            .where(OutboxOperation.state == ACKED, OutboxOperation.acked_ms >= purge)
            .values(state=PENDING, next_attempt_ms=0)
        )
        row.epoch = hello.epoch
        row.cursor = None
        row.appointments_mark = None  # a restored server may count its revisions again
        return True

    def _failed(self, session: Session, error: SyncError, skew: int | None) -> None:
        row = state.load(session, for_update=True)
        code = f"{error.kind.value}/{error.code}" if error.code else error.kind.value
        _note_error(row, str(error), code)
        if skew is not None:
            row.skew_ms = skew
        if error.retryable:
            row.failures += 1
            delay = backoff_ms(row.failures, error.retry_after_s, self.rng)
            row.backoff_until_ms = self.clock.now_ms() + delay
        elif error.kind in (ErrorKind.REVOKED, ErrorKind.UPGRADE):
            row.backoff_until_ms = self.clock.now_ms() + BACKOFF_CAP_MS  # asking again soon
            # will not help; a manual sync (or re-enrolment) still may

    def _succeeded(self, session: Session, skew: int | None) -> None:
        row = state.load(session, for_update=True)
        row.failures = 0
        row.backoff_until_ms = 0
        row.last_error = row.last_error_code = None
        row.skew_ms = skew
        row.last_success_ms = self.clock.now_ms()


def _note_error(row: SyncState, message: str, code: str) -> None:
    row.last_error = message[:500]
    row.last_error_code = code[:40]
