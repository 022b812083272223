"""The clerk app's steps: open the database, sign in, work at the window, sign out, quit.

Each step that touches the database runs in the task runner, so the app answers (and shows
that it is busy) while the database is migrated or a password is checked.

The sign-in dialog is the first thing a clerk waits for each morning, so only what it needs is
loaded before it shows; the work windows' modules and the intake services are prepared in the
background once the dialog is on the screen and waiting for the clerk (:func:`prepare_workspace`,
started by :func:`once_shown`), so loading them never competes with showing it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QAbstractEventDispatcher, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from clerk_app.accounts.roles import Role, UserInfo
from clerk_app.bootstrap import open_database
from clerk_app.db.backup import hall_backups
from clerk_app.db.sqlite_file import sqlite_file
from clerk_app.demo import hall_papers, seed_demo
from clerk_app.queue.types import QueueRefused
from clerk_app.services import Services, build_services
from clerk_app.settings import Settings
from clerk_app.signing import with_demo_signing
from ui.backup_timer import BackupTimer
from ui.failure_text import failure_text
from ui.hall_time import set_hall_zone
from ui.login import ClerkSession, LoginDialog
from ui.printing.system import system_printer_factory
from ui.startup import exposed
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

if TYPE_CHECKING:
    from clerk_app.assistance.service import AssistanceService
    from clerk_app.sync.demo_server import DemoServer
    from clerk_app.sync.engine import SyncEngine
    from printing.config import SystemFactory
    from ui.applicant.screen import ApplicantScreen
    from ui.clerk.main_window import ClerkWindow
    from ui.helper.window import HelperWindow
    from ui.intake.panel import IntakeDeps
    from ui.supervisor.figures_panel import FiguresDeps
    from ui.supervisor.main_window import SupervisorWindow
    from ui.sync.wiring import SyncParts

log = logging.getLogger(__name__)

EXIT_FAILED = 1


@dataclass(frozen=True, slots=True)
class Workspace:
    """What the work windows need besides the queue, prepared behind the sign-in dialog."""

    intake: IntakeDeps | None = None
    figures: FiguresDeps | None = None
    sync: SyncEngine | None = None
    demo_server: DemoServer | None = None
    assistance: AssistanceService | None = None  # 帮办代办; None without the hall key


# Loaded by prepare_workspace while the sign-in dialog waits for the clerk.
WORK_WINDOW_MODULES = (
    "ui.clerk.main_window",
    "ui.supervisor.main_window",
    "ui.applicant.wiring",
    "ui.helper.window",
)


def open_services(
    url: str,
    settings: Settings,
    *,
    seed: bool,
    hall_code: str | None = None,
    system_printer: SystemFactory | None = None,
) -> Services:
    """Runs in the background: migrate, seed the demo hall if asked, read the hall's rules
    (the composition root, clerk_app.services, builds the rest when it is first used)."""
    db = open_database(url)
    try:
        if seed:
            seed_demo(db)
            settings = with_demo_signing(settings)
        services = build_services(
            settings,
            db,
            hall_code=hall_code,
            papers=hall_papers(settings, demo=seed),
            system_printer=system_printer,
        )
        services.hall  # noqa: B018 - read here, off the GUI thread; QueueRefused without a hall
        services.auth  # noqa: B018
        return services
    except Exception:
        db.dispose()
        raise


def prepare_workspace(services: Services, *, demo: bool, with_server: bool = False) -> Workspace:
    """Runs in the background behind the sign-in dialog: the work windows' modules, the
    intake screen's services and sync (with ``with_server`` the demo central server is
    started and the hall enrolled with it first, and the demo's fee and mailing cases are made
    on the first start)."""
    for module in WORK_WINDOW_MODULES:
        importlib.import_module(module)
    from ui.intake.wiring import build_figures, build_intake  # noqa: PLC0415 - see the docstring
    from ui.sync.wiring import build_sync  # noqa: PLC0415

    intake = build_intake(services, demo=demo)
    figures = build_figures(services, intake)
    if demo and with_server:  # make run: cases that show fees and mailing, made once
        from clerk_app.demo_cases import create_fee_and_mail_demo  # noqa: PLC0415 - demos only

        create_fee_and_mail_demo(
            services.db, services.cipher, services.blobs, branding=services.printing.branding
        )
    built = build_sync(services, with_server=with_server)
    if intake is not None and intake.notifications is None:
        # Enrolled just now (make run's first start): 短信 is offered from this start on.
        intake = replace(intake, notifications=services.notifications)
    # A record on a case queues its outbox operation, sealed under the hall key like a case.
    assistance = services.assistance if services.has_hall_key else None
    return Workspace(intake, figures, built.engine, built.server, assistance)


def once_shown(widget: QWidget, then: Callable[[], None]) -> Callable[[], None]:
    """Call ``then`` the first time the event loop goes idle with ``widget`` on the screen
    (shown and exposed: painted and taking input), or no longer shown at all; a widget deleted
    meanwhile cancels it. Returns a function that cancels it."""
    dispatcher = QAbstractEventDispatcher.instance()
    assert dispatcher is not None  # exists once the QApplication does
    waiting = True

    def cancel() -> None:
        nonlocal waiting
        if waiting:
            waiting = False
            dispatcher.aboutToBlock.disconnect(idle)

    def idle() -> None:
        if not shiboken6.isValid(widget):
            cancel()
            return
        if widget.isVisible() and not exposed(widget):
            return
        cancel()
        then()

    dispatcher.aboutToBlock.connect(idle)
    return cancel


class ClerkFlow(QObject):
    """Moves the app from one step to the next; owns the services and the watcher."""

    workspace_ready = Signal()  # the work windows and the intake services are loaded

    def __init__(
        self,
        app: QApplication,
        runner: TaskRunner,
        url: str,
        settings: Settings,
        args: argparse.Namespace,
    ) -> None:
        super().__init__()
        self._app = app
        self._runner = runner
        self._url = url
        self._seed = bool(args.seed_demo)
        self._with_server = bool(getattr(args, "with_server", False))
        self._security = settings.security
        self._hall_code: str | None = args.hall or settings.hall_code
        self._window_number: int = args.window or settings.window or 1
        self._services: Services | None = None
        self._workspace = Workspace()
        self._watcher: HallWatcher | None = None
        self._stopping: set[HallWatcher] = set()  # kept alive until their thread has ended
        self._settings = settings
        self._window: ClerkWindow | SupervisorWindow | HelperWindow | None = None
        self._applicant: ApplicantScreen | None = None  # the screen facing the applicant
        self._applicant_of: ClerkWindow | None = None  # the window it faces the applicant for
        # Top-level widgets without a parent live only as long as a Python reference to them.
        self._progress: QProgressDialog | None = None
        self._login: LoginDialog | None = None
        self._message: QMessageBox | None = None
        self._prepared = False
        self._cancel_prepare: Callable[[], None] | None = None
        self._waiting_session: ClerkSession | None = None  # signed in before the workspace
        self._sync: SyncParts | None = None
        self._sync_bar: QObject | None = None  # the window's SyncStatusBar
        self._backup_runner: TaskRunner | None = None
        # The ID-card reader's own thread (a silent reader holds it seconds); app exit waits for
        # a read under way.
        self._card_runner = TaskRunner(inline=self._runner.inline)
        self._backup_timer: BackupTimer | None = None

    def start(self) -> None:
        progress = QProgressDialog(self.tr("Opening the database…"), "", 0, 0)
        progress.setWindowTitle(self.tr("OneWindow"))
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.show()
        self._progress = progress
        self._runner.run(
            lambda: open_services(
                self._url,
                self._settings,
                seed=self._seed,
                hall_code=self._hall_code,
                system_printer=system_printer_factory(),
            ),
            self._opened,
            self._open_failed,
        )

    def _opened(self, services: Services) -> None:
        self._services = services
        set_hall_zone(services.tz)  # every time shown from now on is hall time
        self._start_backups(services)
        self._show_login(services)
        self._close_progress()
        assert self._login is not None
        self._cancel_prepare = once_shown(self._login, lambda: self._prepare_workspace(services))

    def _prepare_workspace(self, services: Services) -> None:
        self._runner.run(
            lambda: prepare_workspace(services, demo=self._seed, with_server=self._with_server),
            self._workspace_ready,
            self._open_failed,
        )

    def _workspace_ready(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self._prepared = True
        if workspace.sync is not None:
            assert self._services is not None  # the workspace is prepared from them
            from ui.sync.wiring import start_sync  # noqa: PLC0415 - loaded meanwhile

            services = self._services
            self._sync = start_sync(
                workspace.sync,
                workspace.demo_server,
                services.db,
                self,
                hall_id=services.hall.hall_id,
            )
        self.workspace_ready.emit()
        session, self._waiting_session = self._waiting_session, None
        if session is not None:
            self._signed_in(session)

    def _open_failed(self, exc: Exception) -> None:
        self._close_progress()
        if self._login is not None:  # preparing the workspace failed: no sign-in then
            self._login.rejected.disconnect(self._app.quit)
            self._login.hide()
        failure = failure_text(exc, self._url)
        if isinstance(exc, QueueRefused):
            text = self.tr(
                "The database holds no service hall to work in. Start the app with "
                "--seed-demo for the demo hall, or ask the administrator."
            )
        elif failure is not None:  # the disk, the database file or server, the key file
            text = failure
        else:
            log.error("cannot open the database", exc_info=exc)
            text = self.tr("The database cannot be opened. Please ask the administrator.")
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("OneWindow"), text)
        if failure is None:
            box.setDetailedText(str(exc))
        box.finished.connect(lambda _: self._app.exit(EXIT_FAILED))
        box.open()
        self._message = box

    def _start_backups(self, services: Services) -> None:
        """An SQLite hall is copied while the app runs ([backup]); PostgreSQL on its server."""
        path = sqlite_file(self._url)
        every = self._settings.backup.every_hours
        if path is None or every == 0:
            return
        backups = hall_backups(path, self._settings.backup, services.tz, services.clock)
        self._backup_runner = TaskRunner(inline=self._runner.inline)
        self._backup_timer = BackupTimer(self._backup_runner, backups, dt.timedelta(hours=every))
        self._backup_timer.start()

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _show_login(self, services: Services) -> None:
        dialog = LoginDialog(services.auth, services.queue, self._runner, self._window_number)
        dialog.signed_in.connect(self._signed_in)
        dialog.rejected.connect(self._app.quit)
        dialog.show()
        self._login = dialog

    def _signed_in(self, session: ClerkSession) -> None:
        if not self._prepared:  # a clerk quicker than the workspace: it follows when ready
            self._waiting_session = session
            return
        services = self._services
        assert services is not None  # the sign-in dialog exists only once they are open
        if session.user.role is Role.HELPER and self._workspace.assistance is None:
            self._no_assistance_here(services)
            return
        self._window_number = session.window_number
        if self._login is not None:
            self._login.deleteLater()  # it emitted this signal: let the event loop delete it
        self._watcher = HallWatcher(services.db, services.queue.rules.hall_id)
        self._watcher.start()
        window: ClerkWindow | SupervisorWindow | HelperWindow
        clerk_window: ClerkWindow | None = None
        if session.user.role is Role.HELPER:  # 帮办代办: the hall queue and the assistance
            window = self._helper_window(services, session.user)
        elif session.user.role is Role.CLERK:
            from ui.clerk.main_window import ClerkWindow  # noqa: PLC0415 - loaded meanwhile

            window = clerk_window = ClerkWindow(
                services.queue,
                self._runner,
                session,
                self._watcher,
                auth=services.auth,
                idle_lock_minutes=self._security.idle_lock_minutes,
                intake=self._workspace.intake,
                card_runner=self._card_runner,
            )
        else:  # supervisors and administrators land on the dashboard
            from ui.supervisor.main_window import supervisor_window  # noqa: PLC0415

            window = supervisor_window(
                services.queue,
                self._runner,
                self._watcher,
                session.user,
                self._settings,
                self._workspace.figures,
                services.licence_failures,
            )
        self._attach_sync(window, session.user)
        window.signed_out.connect(lambda: self._sign_out(services, session))
        window.closed.connect(self._app.quit)
        window.show()
        self._window = window
        if clerk_window is not None:
            self._open_applicant(clerk_window, services, session.window_number)

    def _no_assistance_here(self, services: Services) -> None:
        """A helper on a PC without the hall key: nothing could be recorded safely here."""
        if self._login is not None:
            self._login.deleteLater()
        self._show_login(services)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("OneWindow"),
            self.tr(
                "This PC holds no hall key, so assistance cannot be recorded here. Please use "
                "a PC with the intake, or ask the administrator."
            ),
        )
        box.open()
        self._message = box

    def _helper_window(self, services: Services, user: UserInfo) -> HelperWindow:
        from ui.helper.window import HelperPanel, HelperWindow  # noqa: PLC0415 - loaded meanwhile
        from ui.i18n import pick_name  # noqa: PLC0415

        assert self._watcher is not None  # started before the window
        assert self._workspace.assistance is not None  # see _signed_in
        panel = HelperPanel(self._workspace.assistance, self._runner, user)
        self._watcher.changed.connect(panel.refresh)  # a ticket issued or called: the list
        rules = services.hall
        hall = pick_name(panel.locale(), rules.name_zh, rules.name_en)
        panel.refresh()
        return HelperWindow(panel, user.display_name, hall)

    def _open_applicant(self, window: ClerkWindow, services: Services, number: int) -> None:
        """The screen facing the applicant: it follows the window's ticket and intake."""
        from ui.applicant.signing import ApplicantSigning  # noqa: PLC0415
        from ui.applicant.wiring import CounterPlace, open_applicant_screen  # noqa: PLC0415

        assert self._watcher is not None  # started with the window
        place = CounterPlace(window, number, self._watcher)
        screen = open_applicant_screen(services, self._settings, self._runner, place)
        if screen is None:
            return
        window.panel.ticket_changed.connect(screen.set_ticket)
        if window.intake is not None:
            screen.follow(window.intake)
            window.sign_on(ApplicantSigning(screen, services.printer))
        self._applicant = screen
        self._applicant_of = window
        window.activateWindow()  # the clerk types; the applicant's screen was shown after

    def _close_applicant(self) -> None:
        screen, self._applicant = self._applicant, None
        window, self._applicant_of = self._applicant_of, None
        if window is not None:
            window.sign_on(None)  # its signing surface goes with the screen
        if screen is not None:
            screen.close()
            screen.deleteLater()

    def _attach_sync(
        self, window: ClerkWindow | SupervisorWindow | HelperWindow, user: UserInfo
    ) -> None:
        """The sync indicator and menu in the window; a case saved there asks for a cycle."""
        if self._sync is None:
            return
        from ui.clerk.main_window import ClerkWindow  # noqa: PLC0415 - loaded meanwhile
        from ui.sync.status_bar import SyncStatusBar  # noqa: PLC0415

        self._sync_bar = SyncStatusBar(window, self._sync.controller, user)
        if isinstance(window, ClerkWindow) and window.intake is not None:
            window.intake.decided.connect(self._sync.controller.local_change)
            self._sync_bar.open_case_requested.connect(window.show_case)
        from ui.helper.window import HelperWindow  # noqa: PLC0415 - loaded meanwhile

        if isinstance(window, HelperWindow):  # a record on a case goes up at once
            window.panel.recorded.connect(self._sync.controller.local_change)

    def _sign_out(self, services: Services, session: ClerkSession) -> None:
        """Back to the sign-in dialog; the login is shown first so a window is always open.

        Only the screen changes hands: the clerk's saved cases, their outbox operations and
        scans stay as they are, still theirs, and sync later under the device's credential.
        The sign-out is an audit record (written in the background).
        """
        self._runner.run(lambda: services.auth.logout(session.user), _logged, _logout_failed)
        self._show_login(services)
        self._close_applicant()
        self._stop_watcher()
        if self._window is not None:
            self._window.closed.disconnect(self._app.quit)
            self._window.close()
            # Deleted from the event loop, never inside its own signal; the reference is only
            # dropped at the next sign-in, by when the window is long gone.
            self._window.deleteLater()

    def _stop_watcher(self) -> None:
        """Stop without blocking the GUI: the thread ends on its own within a fraction of a
        second, and its object is kept until then (a running QThread must not be deleted)."""
        watcher, self._watcher = self._watcher, None
        if watcher is None:
            return
        self._stopping.add(watcher)
        watcher.finished.connect(lambda: self._stopping.discard(watcher))
        watcher.request_stop()

    def shutdown(self) -> None:
        """After the event loop: stop listening and give the database connections back."""
        if self._cancel_prepare is not None:
            self._cancel_prepare()
        self._close_applicant()
        self._stop_watcher()
        for watcher in list(self._stopping):
            watcher.stop()
        self._stopping.clear()
        self._runner.shutdown()
        self._card_runner.shutdown()
        if self._backup_timer is not None:
            self._backup_timer.stop()
        if self._backup_runner is not None:
            self._backup_runner.shutdown()  # a copy under way is finished, not cut short
        if self._sync is not None:
            self._sync.shutdown()
            self._sync = None
        elif self._workspace.demo_server is not None:
            self._workspace.demo_server.stop()  # started, but the app ended before using it
        if self._services is not None:
            self._services.db.dispose()
            self._services = None


def _logged(_result: object) -> None:
    """The sign-out is on record; nothing to show."""


def _logout_failed(exc: Exception) -> None:
    log.error("the sign-out could not be recorded", exc_info=exc)
