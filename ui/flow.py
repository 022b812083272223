"""The clerk app's steps: open the database, sign in, work at the window, sign out, quit.

Each step that touches the database runs in the task runner, so the app answers (and shows
that it is busy) while the database is migrated or a password is checked.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from clerk_app.auth import AuthService, Role
from clerk_app.bootstrap import open_database
from clerk_app.db.engine import Database
from clerk_app.demo import seed_demo
from clerk_app.password_policy import PasswordPolicy
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import QueueRefused
from clerk_app.settings import SecuritySettings, Settings
from clerk_app.sync.demo_server import DemoServer
from clerk_app.sync.engine import SyncEngine
from ui.clerk.main_window import ClerkWindow
from ui.intake.panel import IntakeDeps
from ui.intake.wiring import build_intake
from ui.login import ClerkSession, LoginDialog
from ui.supervisor.main_window import SupervisorWindow, supervisor_window
from ui.sync.status_bar import SyncStatusBar
from ui.sync.wiring import SyncParts, build_sync, start_sync
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

log = logging.getLogger(__name__)

EXIT_FAILED = 1


@dataclass(frozen=True, slots=True)
class Services:
    db: Database
    queue: QueueService
    auth: AuthService
    intake: IntakeDeps | None = None
    sync: SyncEngine | None = None
    demo_server: DemoServer | None = None


def open_services(
    url: str,
    *,
    seed: bool,
    hall_code: str | None,
    security: SecuritySettings,
    settings: Settings | None = None,
    with_server: bool = False,
) -> Services:
    """Runs in the background: migrate, seed the demo hall if asked, read the hall's rules,
    and (with ``settings``) build the intake screen's and sync's services, starting the demo
    central server first when asked."""
    db = open_database(url)
    try:
        if seed:
            seed_demo(db)
        auth = AuthService(db, policy=PasswordPolicy.from_settings(security))
        queue = QueueService(db, hall_code)
        if settings is None:
            return Services(db, queue, auth)
        intake = build_intake(db, settings, queue.rules.code, demo=seed)
        built = build_sync(db, settings, queue.rules.code, with_server=with_server)
        return Services(db, queue, auth, intake, built.engine, built.server)
    except Exception:
        db.dispose()
        raise


class ClerkFlow(QObject):
    """Moves the app from one step to the next; owns the services and the watcher."""

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
        self._watcher: HallWatcher | None = None
        self._stopping: set[HallWatcher] = set()  # kept alive until their thread has ended
        self._settings = settings
        self._window: ClerkWindow | SupervisorWindow | None = None
        # Top-level widgets without a parent live only as long as a Python reference to them.
        self._progress: QProgressDialog | None = None
        self._login: LoginDialog | None = None
        self._message: QMessageBox | None = None
        self._sync: SyncParts | None = None
        self._sync_bar: SyncStatusBar | None = None

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
                seed=self._seed,
                hall_code=self._hall_code,
                security=self._security,
                settings=self._settings,
                with_server=self._with_server,
            ),
            self._opened,
            self._open_failed,
        )

    def _opened(self, services: Services) -> None:
        self._services = services
        if services.sync is not None:
            self._sync = start_sync(services.sync, services.demo_server, services.db, self)
        self._show_login(services)
        self._close_progress()

    def _open_failed(self, exc: Exception) -> None:
        self._close_progress()
        if isinstance(exc, QueueRefused):
            text = self.tr(
                "The database holds no service hall to work in. Start the app with "
                "--seed-demo for the demo hall, or ask the administrator."
            )
        else:
            log.error("cannot open the database", exc_info=exc)
            text = self.tr("The database cannot be opened. Please ask the administrator.")
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("OneWindow"), text)
        box.setDetailedText(str(exc))
        box.finished.connect(lambda _: self._app.exit(EXIT_FAILED))
        box.open()
        self._message = box

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _show_login(self, services: Services) -> None:
        dialog = LoginDialog(services.auth, services.queue, self._runner, self._window_number)
        dialog.signed_in.connect(lambda session: self._signed_in(services, session))
        dialog.rejected.connect(self._app.quit)
        dialog.show()
        self._login = dialog

    def _signed_in(self, services: Services, session: ClerkSession) -> None:
        self._window_number = session.window_number
        if self._login is not None:
            self._login.deleteLater()  # it emitted this signal: let the event loop delete it
        self._watcher = HallWatcher(services.db, services.queue.rules.hall_id)
        self._watcher.start()
        window: ClerkWindow | SupervisorWindow
        if session.user.role is Role.CLERK:
            window = ClerkWindow(
                services.queue,
                self._runner,
                session,
                self._watcher,
                auth=services.auth,
                idle_lock_minutes=self._security.idle_lock_minutes,
                intake=services.intake,
            )
        else:  # supervisors and administrators land on the dashboard
            window = supervisor_window(
                services.queue, self._runner, self._watcher, session.user, self._settings
            )
        if self._sync is not None:
            self._sync_bar = SyncStatusBar(window, self._sync.controller)
            if isinstance(window, ClerkWindow) and window.intake is not None:
                window.intake.decided.connect(self._sync.controller.local_change)
        window.signed_out.connect(lambda: self._sign_out(services))
        window.closed.connect(self._app.quit)
        window.show()
        self._window = window

    def _sign_out(self, services: Services) -> None:
        """Back to the sign-in dialog; the login is shown first so a window is always open."""
        self._show_login(services)
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
        self._stop_watcher()
        for watcher in list(self._stopping):
            watcher.stop()
        self._stopping.clear()
        self._runner.shutdown()
        if self._sync is not None:
            self._sync.shutdown()
            self._sync = None
        if self._services is not None:
            self._services.db.dispose()
            self._services = None
