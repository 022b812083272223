"""The composition root: every service of a hall PC built from the settings and the open
database, in one place. The desktop app, the hall screens, the smoke test, the command line,
the sample papers and the screenshot tools all call :func:`build_services`; nothing else
constructs the service graph.

Each part is built the first time it is asked for and then kept (a kiosk never loads the
intake, a sign-in dialog waits only for the queue and the accounts), and each part's modules
are imported then too, so opening a PC costs only what its mode uses. The app asks for the
heavier parts once, in the background, behind the sign-in dialog (``ui.flow``).

The hall's time zone has one source: the hall's row in the database (``Hall.timezone``), which
the queue, the papers and the screens read. ``[hall] timezone`` in the config file is only the
default where the database holds no hall yet (:attr:`Services.tz`).

Where a test, a sample or a tool needs its own clock, key ring, printers, papers or blob
folder, :func:`build_services` takes them as keyword arguments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from clerk_app.settings import PapersSettings, PrintingSettings, Settings
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database

if TYPE_CHECKING:
    from clerk_app.accounts.auth import AuthService
    from clerk_app.assistance.service import AssistanceService
    from clerk_app.audit.service import AuditService
    from clerk_app.calendars.live import LiveCalendar
    from clerk_app.calendars.service import CalendarService
    from clerk_app.catalogue.service import CatalogueService
    from clerk_app.counter import CounterServices
    from clerk_app.credit.service import CreditService
    from clerk_app.devices.idcard.photo_check import PhotoCheckService
    from clerk_app.devices.idcard.service import IdCardService
    from clerk_app.figures.service import FiguresService
    from clerk_app.intake.post_check import PostCheckService
    from clerk_app.licences.checks import LicenceFailures
    from clerk_app.licences.service import LicenceService
    from clerk_app.printjobs.service import PrintService
    from clerk_app.queue.appointments import AppointmentDesk, AppointmentRules
    from clerk_app.queue.hall import HallRules
    from clerk_app.queue.service import QueueService
    from clerk_app.ratings.service import RatingService
    from clerk_app.signatures.service import SignatureService
    from clerk_app.signing import HallSigning
    from clerk_app.sync.engine import SyncEngine
    from clerk_app.sync.notifications import Notifications, NotifyRules
    from onewindow_base.blobs import BlobStore
    from onewindow_base.crypto.fields import PersonalDataCipher
    from onewindow_base.crypto.keys import KeyRing
    from printing.config import SystemFactory


@dataclass(frozen=True, eq=False)
class Services:
    """The services of one hall PC; read a part to build it (then it is kept).

    Parts that hold personal data (``cipher``, ``blobs``, ``counter``, ``ratings``, ``sync``)
    need the hall key ring: reading them raises :class:`KeyStoreError` where this PC has none
    (:attr:`has_hall_key` tells beforehand).
    """

    settings: Settings
    db: Database
    clock: Clock
    hall_code: str | None  # None: the database's only hall
    printing: PrintingSettings
    papers: PapersSettings
    given_ring: KeyRing | None = field(default=None, repr=False)
    blob_dir: Path | None = None  # None: the settings' (``[storage] blob_dir``)
    system_printer: SystemFactory | None = None  # None: printing's own (no Qt)

    # -- the queue and the accounts: what every mode needs first
    @cached_property
    def queue(self) -> QueueService:
        from clerk_app.queue.service import QueueService  # noqa: PLC0415 - see the docstring

        return QueueService(self.db, self.hall_code, clock=self.clock)

    @property
    def hall(self) -> HallRules:
        """The hall's rules as its row says (code, id, time zone, opening hours)."""
        return self.queue.rules

    @cached_property
    def tz(self) -> ZoneInfo:
        """THE hall's time zone: its row's; the settings' only while there is no hall."""
        from clerk_app.queue.types import QueueRefused  # noqa: PLC0415

        try:
            return self.hall.tz
        except QueueRefused:  # no hall yet (a fresh database): the default a new hall gets
            return ZoneInfo(self.settings.timezone)

    @cached_property
    def auth(self) -> AuthService:
        from clerk_app.accounts.auth import AuthService  # noqa: PLC0415
        from clerk_app.accounts.password_policy import PasswordPolicy  # noqa: PLC0415

        return AuthService(
            self.db,
            clock=self.clock,
            audit=self.audit,
            policy=PasswordPolicy.from_settings(self.settings.security),
        )

    @cached_property
    def audit(self) -> AuditService:
        from clerk_app.audit.service import AuditService  # noqa: PLC0415

        return AuditService(self.db, self.clock)

    # -- the hall's reference data
    @cached_property
    def catalogue(self) -> CatalogueService:
        from clerk_app.catalogue.service import CatalogueService  # noqa: PLC0415

        return CatalogueService(self.db, self.clock)

    @cached_property
    def calendar(self) -> LiveCalendar:
        """THE hall calendar, kept up with the database (``clerk_app.calendars.live``)."""
        from clerk_app.calendars.live import hall_calendar  # noqa: PLC0415

        return hall_calendar(self.db)

    @cached_property
    def calendars(self) -> CalendarService:
        """Importing and exporting the holiday arrangements."""
        from clerk_app.calendars.service import CalendarService  # noqa: PLC0415

        return CalendarService(self.db, self.clock)

    # -- the supervisor's figures and post-checks (no personal data)
    @cached_property
    def figures(self) -> FiguresService:
        from clerk_app.figures.service import FiguresService  # noqa: PLC0415

        return FiguresService(
            self.db, hall_code=self.hall.code, calendar=self.calendar, clock=self.clock
        )

    @cached_property
    def idcard(self) -> IdCardService | None:
        """The counter's ID-card reader (``[idcard]``); None where no port is set (and the
        backend is the serial one)."""
        config = self.settings.idcard
        if not config.configured:
            return None
        from clerk_app.devices.idcard.select import reader_from_settings  # noqa: PLC0415
        from clerk_app.devices.idcard.service import IdCardService  # noqa: PLC0415
        from onewindow_base.clock import to_datetime  # noqa: PLC0415

        def today() -> dt.date:
            return to_datetime(self.clock.now_ms(), self.tz).date()

        return IdCardService(reader_from_settings(config, today), self.audit, today)

    @cached_property
    def photo_checks(self) -> PhotoCheckService | None:
        """The clerk's photo checks after a card read; None where there is no reader. With
        ``[idcard] keep_photo`` the pictures go to :attr:`blobs` (sealed: the hall key)."""
        if self.idcard is None:
            return None
        from clerk_app.devices.idcard.photo_check import PhotoCheckService  # noqa: PLC0415

        return PhotoCheckService(
            self.db,
            self.audit,
            self.clock,
            hall_id=self.hall.hall_id,
            photos=self.blobs if self.settings.idcard.keep_photo else None,
        )

    @cached_property
    def assistance(self) -> AssistanceService:
        """帮办代办: the helpers' records (outbox payloads sealed under the hall key)."""
        from clerk_app.assistance.service import AssistanceService  # noqa: PLC0415

        return AssistanceService(self.db, self.audit, self.clock, self.cipher, rules=self.hall)

    @cached_property
    def post_checks(self) -> PostCheckService:
        from clerk_app.intake.post_check import PostCheckService  # noqa: PLC0415

        return PostCheckService(self.db, self.clock)

    # -- the hall key and what it opens
    @property
    def has_hall_key(self) -> bool:
        from clerk_app.crypto.keys import key_store_for  # noqa: PLC0415

        return self.given_ring is not None or key_store_for(self.settings).exists()

    @cached_property
    def key_ring(self) -> KeyRing:
        """The hall key ring; :class:`KeyStoreError` before ``keys init``."""
        if self.given_ring is not None:
            return self.given_ring
        from clerk_app.crypto.keys import hall_ring  # noqa: PLC0415

        return hall_ring(self.settings)

    @cached_property
    def cipher(self) -> PersonalDataCipher:
        from onewindow_base.crypto.fields import PersonalDataCipher  # noqa: PLC0415

        return PersonalDataCipher(self.key_ring)

    @cached_property
    def blobs(self) -> BlobStore:
        """This PC's blob store, sealed with the hall key ring."""
        from clerk_app.settings import blob_dir  # noqa: PLC0415
        from onewindow_base.blobs import BlobStore  # noqa: PLC0415

        return BlobStore(self.blob_dir or blob_dir(self.settings), self.key_ring)

    @cached_property
    def paper_blobs(self) -> BlobStore:
        """Where print jobs keep their papers: :attr:`blobs` where this PC has the hall key,
        else a plain store that refuses personal data (a ticket names nobody: a public kiosk
        need not hold the key that opens every scan)."""
        if self.has_hall_key:
            return self.blobs
        from clerk_app.storage.blobs import hall_blob_store  # noqa: PLC0415
        from onewindow_base.blobs import BlobStore  # noqa: PLC0415

        if self.blob_dir is None:
            return hall_blob_store(self.settings, personal_data=False)
        return BlobStore(self.blob_dir, None)

    @cached_property
    def ratings(self) -> RatingService:
        from clerk_app.ratings.service import RatingService  # noqa: PLC0415

        return RatingService(
            self.db,
            self.cipher,
            hall_code=self.hall.code,
            calendar=self.calendar,
            follow_up_days=self.settings.rating_follow_up_days,
            clock=self.clock,
        )

    @cached_property
    def counter(self) -> CounterServices:
        """Intake, papers, printing, results and ratings of one counter PC, on THE hall calendar
        (read from the database), the hall's document number book (``printing.branding``) and
        the hall's and departments' ``[papers]`` settings."""
        from clerk_app.counter import CounterServices  # noqa: PLC0415
        from clerk_app.intake.lookup import CaseLookup  # noqa: PLC0415
        from clerk_app.intake.papers import PaperSettings  # noqa: PLC0415
        from clerk_app.intake.service import IntakeService  # noqa: PLC0415
        from clerk_app.results.papers import ResultPapers  # noqa: PLC0415
        from clerk_app.results.service import ResultsService  # noqa: PLC0415

        db, clock, cipher = self.db, self.clock, self.cipher
        hall_code = self.hall.code
        branding = self.printing.branding
        intake = IntakeService(
            db,
            self.catalogue,
            cipher,
            hall_code=hall_code,
            calendar=self.calendar,
            audit=self.audit,
            clock=clock,
            branding=branding,
            post_check_days=self.settings.post_check_days,
        )
        return CounterServices(
            catalogue=self.catalogue,
            intake=intake,
            lookup=CaseLookup(db, cipher, hall_code=hall_code),
            printer=self.printer,
            papers=PaperSettings(branding=branding, papers=self.papers),
            audit=self.audit,
            results=ResultsService(db, cipher, hall_code=hall_code, audit=self.audit, clock=clock),
            result_papers=ResultPapers(
                db, cipher, self.printer, papers=self.papers, branding=branding
            ),
            ratings=self.ratings,
            signatures=self.signatures,
        )

    @cached_property
    def signatures(self) -> SignatureService:
        """Pad signatures, sealed in :attr:`blobs` (personal data: needs the hall key)."""
        from clerk_app.signatures.service import SignatureService  # noqa: PLC0415

        return SignatureService(self.db, self.blobs, tz=self.tz, clock=self.clock, audit=self.audit)

    @cached_property
    def printer(self) -> PrintService:
        """The print jobs of this PC's role (``[printing] role``)."""
        return self._print_service(self.printing.role)

    @cached_property
    def kiosk_printer(self) -> PrintService:
        """The kiosk's ticket jobs (whatever this PC's configured role)."""
        return self._print_service("kiosk")

    @cached_property
    def paper_signing(self) -> HallSigning | None:
        """The hall's paper signer and trust roots (``[signing]``); None where papers are not
        signed; :class:`clerk_app.signing.SigningUnavailable` (not cached: asked again at the
        next paper) where signing is enabled but the certificate cannot be used."""
        from clerk_app.signing import SigningUnavailable, hall_signing  # noqa: PLC0415
        from onewindow_base.crypto.keys import KeyStoreError  # noqa: PLC0415

        if not self.settings.signing.enabled:
            return None
        try:
            ring = self.key_ring
        except KeyStoreError as exc:
            raise SigningUnavailable(str(exc)) from None
        return hall_signing(self.settings, ring)

    def _print_service(self, role: str) -> PrintService:
        from clerk_app.printjobs.service import PrintService  # noqa: PLC0415

        return PrintService(
            self.db,
            self.printing,
            self.paper_blobs,
            role=role,
            clock=self.clock,
            audit=self.audit,
            system_printer=self.system_printer,
            signing=lambda: self.paper_signing,
        )

    @cached_property
    def notify_rules(self) -> NotifyRules:
        from clerk_app.sync.notifications import NotifyRules  # noqa: PLC0415

        config = self.settings.notifications
        return NotifyRules(config.turn_near_ahead, config.per_service)

    @property
    def notifications(self) -> Notifications | None:
        """Text-message opt-ins (the phone under the hall key) and their statuses; None where
        no text can be sent: no hall key on this PC, or the hall not enrolled with a central
        server (the kiosk and the intake then do not offer them). Asked afresh each time (a
        hall enrolled since gets them); the parts reading it keep what it said then."""
        from clerk_app.sync.state import status  # noqa: PLC0415

        if not self.has_hall_key or not self.db.run_read(status).enrolled:
            return None
        return self._notifications

    @cached_property
    def _notifications(self) -> Notifications:
        from clerk_app.sync.notifications import Notifications  # noqa: PLC0415

        return Notifications(self.db, self.cipher, self.clock, self.notify_rules)

    @cached_property
    def sync(self) -> SyncEngine:
        """The sync engine with the hall key ring and the pinned hall CA (``[sync] ca_file``)."""
        from clerk_app.sync.client import Credentials, Transport  # noqa: PLC0415
        from clerk_app.sync.engine import SyncEngine  # noqa: PLC0415
        from clerk_app.sync.setup import ca_file  # noqa: PLC0415

        pinned = ca_file(self.settings)

        def transport(url: str, credentials: Credentials) -> Transport:
            return Transport(url, credentials, ca_file=pinned)

        return SyncEngine(
            self.db,
            self.cipher,
            self.blobs,
            clock=self.clock,
            transport=transport,
            appointment_rules=self.appointment_rules,
            appointment_days=self.settings.appointments.pull_days,
            notify_rules=self.notify_rules,
        )

    @property
    def appointment_rules(self) -> AppointmentRules:
        from clerk_app.queue.appointments import AppointmentRules  # noqa: PLC0415

        config = self.settings.appointments
        return AppointmentRules(config.slot_min, config.early_min, config.grace_min)

    @cached_property
    def appointments(self) -> AppointmentDesk:
        """Check-in of bookings; by ID card too where this PC has the hall key."""
        from clerk_app.queue.appointments import AppointmentDesk, lookup_hasher  # noqa: PLC0415

        id_hash = lookup_hasher(self.cipher.lookup_hash) if self.has_hall_key else None
        return AppointmentDesk(self.queue, self.appointment_rules, id_hash)

    @cached_property
    def credit(self) -> CreditService:
        """The credit check at intake, through the sync client with its own short timeout."""
        from clerk_app.credit.service import CreditService  # noqa: PLC0415
        from clerk_app.sync.client import Credentials, Transport  # noqa: PLC0415
        from clerk_app.sync.setup import ca_file  # noqa: PLC0415

        pinned = ca_file(self.settings)

        def transport(url: str, credentials: Credentials, timeout_s: float) -> Transport:
            return Transport(url, credentials, ca_file=pinned, timeout=timeout_s)

        return CreditService(
            self.db,
            self.cipher,
            self.audit,
            clock=self.clock,
            timeout_s=self.settings.sync.credit_timeout_s,
            transport=transport,
        )

    @cached_property
    def licences(self) -> LicenceService:
        """E-licence lookups at intake, through the sync client with their own short timeout."""
        from clerk_app.licences.service import LicenceService  # noqa: PLC0415
        from clerk_app.sync.client import Credentials, Transport  # noqa: PLC0415
        from clerk_app.sync.setup import ca_file  # noqa: PLC0415

        pinned = ca_file(self.settings)

        def transport(url: str, credentials: Credentials, timeout_s: float) -> Transport:
            return Transport(url, credentials, ca_file=pinned, timeout=timeout_s)

        return LicenceService(
            self.db,
            self.cipher,
            self.audit,
            self.blobs,
            clock=self.clock,
            timeout_s=self.settings.sync.licence_timeout_s,
            transport=transport,
        )

    @cached_property
    def licence_failures(self) -> LicenceFailures:
        """Typed licence numbers the registry did not confirm, of this hall's cases: the
        clerk's sync panel lists them, the supervisor's dashboard alerts and acknowledges."""
        from clerk_app.licences.checks import LicenceFailures  # noqa: PLC0415

        return LicenceFailures(self.db, self.audit, self.clock, hall_id=self.hall.hall_id)


def build_services(
    settings: Settings,
    db: Database,
    *,
    hall_code: str | None = None,
    clock: Clock | None = None,
    key_ring: KeyRing | None = None,
    printing: PrintingSettings | None = None,
    papers: PapersSettings | None = None,
    blob_dir: Path | None = None,
    system_printer: SystemFactory | None = None,
) -> Services:
    """The services of the hall ``hall_code`` (default: the settings', else the database's
    only hall) on ``db``. The keyword arguments replace what the settings would give: the
    clock, the key ring (instead of the key store), the printers, the papers' wording, the
    blob folder, and the desktop's system printers (``ui.printing.qt_printer``)."""
    return Services(
        settings=settings,
        db=db,
        clock=clock or SystemClock(),
        hall_code=hall_code or settings.hall_code,
        printing=printing or settings.printing,
        papers=papers or settings.papers,
        given_ring=key_ring,
        blob_dir=blob_dir,
        system_printer=system_printer,
    )
