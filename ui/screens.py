"""Building the hall screens from the services and the settings, and the flow of the
unattended ones (kiosk, display): open the database, sign in with the device login from the
config file (nobody types a password at a kiosk), show the screen full screen."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.types import Actor
from clerk_app.config_check import idcard_without_key
from clerk_app.devices.idcard.service import IdCardService
from clerk_app.queue.oversight import Oversight
from clerk_app.queue.service import QueueService
from clerk_app.services import Services
from clerk_app.settings import Settings
from ui.applicant.rating import RatingScreen
from ui.display.display import HallDisplay
from ui.failure_text import failure_text
from ui.flow import open_services
from ui.hall_time import set_hall_zone
from ui.kiosk.job_printer import JobTicketPrinter
from ui.kiosk.kiosk import KioskScreen
from ui.kiosk.printer import TicketPrinter
from ui.printing.system import system_printer_factory
from ui.tasks import TaskRunner
from ui.voice.announcer import Announcer
from ui.voice.backends import choose_backend, voice_dir
from ui.watcher import HallWatcher

log = logging.getLogger(__name__)

EXIT_FAILED = 1


def hall_display(
    queue: QueueService, runner: TaskRunner, watcher: HallWatcher, settings: Settings
) -> HallDisplay:
    folder = Path(settings.voice_dir) if settings.voice_dir else voice_dir()
    backend = choose_backend(folder, settings.voice)
    announcer = Announcer(backend, english=settings.display_english)
    display = HallDisplay(Oversight(queue), runner, watcher, announcer)
    backend.setParent(display)
    announcer.setParent(display)
    return display


def _card_reader(idcard: IdCardService | None, user: UserInfo) -> Callable[[], str] | None:
    """The kiosk's ID-card read (audited as the kiosk's device user): the card's number."""
    if idcard is None:
        return None
    by = Actor(user.user_id, user.display_name)
    return lambda: idcard.read(by).card.id_number


class ScreenFlow(QObject):
    """Kiosk or display: no sign-in dialog, one full-screen widget for the whole day."""

    def __init__(
        self,
        app: QApplication,
        runner: TaskRunner,
        url: str,
        settings: Settings,
        args: argparse.Namespace,
        printer: TicketPrinter | None = None,
    ) -> None:
        super().__init__()
        self._app = app
        self._runner = runner
        self._url = url
        self._settings = settings
        self._mode = str(args.mode)
        self._window: int | None = args.window or settings.window
        self._seed = bool(args.seed_demo)
        self._hall_code: str | None = args.hall or settings.hall_code
        self._printer = printer
        self._services: Services | None = None
        self._watcher: HallWatcher | None = None
        self._screen: QWidget | None = None
        self._message: QMessageBox | None = None

    def start(self) -> None:
        if not self._settings.device_user or not self._settings.device_password:
            self._fail(
                self.tr(
                    "This screen signs in with a device account: set [device] user and "
                    "password in the config file."
                )
            )
            return
        if self._mode == "rating" and self._window is None:
            self._fail(self.tr("A rating screen belongs to a window: start it with --window N."))
            return
        routes = self._settings.printing.routes
        if (
            self._mode == "kiosk"
            and self._printer is None
            and not routes.printer_for("kiosk", "ticket")
        ):
            self._fail(self.tr("No ticket printer is configured for this kiosk."))
            return
        self._runner.run(self._open, self._opened, self._open_failed)

    def _open(self) -> tuple[Services, UserInfo]:
        services = open_services(
            self._url,
            self._settings,
            seed=self._seed,
            hall_code=self._hall_code,
            system_printer=system_printer_factory(),
        )
        # What the screen needs beyond the queue, built here, off the GUI thread: the kiosk's
        # print jobs (their blob store sealed where the hall key file is on this PC, plain where
        # it is not), the rating pad's ratings (the hall key).
        if self._mode == "kiosk":
            if self._printer is None:
                services.kiosk_printer  # noqa: B018
            services.appointments  # noqa: B018 - the hall key (ID-card check-in) read here
            services.notifications  # noqa: B018 - 短信提醒: the hall key and the enrolment read
            services.idcard  # noqa: B018
        elif self._mode == "rating":
            services.ratings  # noqa: B018
        user = services.auth.authenticate(
            self._settings.device_user or "", self._settings.device_password or ""
        )
        return services, user

    def _opened(self, result: tuple[Services, UserInfo]) -> None:
        services, user = result
        self._services = services
        set_hall_zone(services.tz)
        log.info("%s signed in as device user id %d", self._mode, user.user_id)
        self._watcher = HallWatcher(services.db, services.hall.hall_id)
        self._watcher.start()
        screen: QWidget
        if self._mode == "display":
            screen = hall_display(services.queue, self._runner, self._watcher, self._settings)
        elif self._mode == "rating":
            screen = RatingScreen(services.ratings, user, self._window or 0, self._runner)
            self._watcher.changed.connect(screen.refresh)
            screen.refresh()
        else:
            no_key = idcard_without_key(self._settings)
            if no_key is not None and not services.appointments.matches_id_cards:
                log.warning("kiosk setup: %s", no_key.message)  # for the admin: see the log
            printer = self._printer or JobTicketPrinter(services.kiosk_printer)
            screen = KioskScreen(
                services.queue,
                services.appointments,
                printer,
                self._runner,
                idle_ms=self._settings.kiosk_idle_s * 1000,
                card_reader=_card_reader(services.idcard, user),
                notifications=services.notifications,
            )
        screen.setWindowTitle(self.tr("OneWindow"))
        screen.showFullScreen()
        self._screen = screen

    def _open_failed(self, exc: Exception) -> None:
        failure = failure_text(exc, self._url)
        if failure is None:  # a bug: the log keeps its traceback
            log.error("the %s cannot start", self._mode, exc_info=exc)
            failure = str(exc)
        self._fail(self.tr("The screen cannot start: {error}").format(error=failure))

    def _fail(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("OneWindow"), text)
        box.finished.connect(lambda _: self._app.exit(EXIT_FAILED))
        box.open()
        self._message = box

    def shutdown(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
        self._runner.shutdown()
        if self._services is not None:
            self._services.db.dispose()
