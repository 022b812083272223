"""The clerk's main window: the caller panel, a session menu and who is signed in where.

Signing out or closing only leaves this PC: the window's queue state stays as it is, so a
ticket being served is not lost when the app is restarted. After ``idle_lock_minutes`` without
input the screen locks (``ui.idle_lock``); the work underneath waits, untouched.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from clerk_app.accounts.auth import AuthService
from clerk_app.audit.types import Actor
from clerk_app.intake.case_numbers import CaseNumber, CaseNumberFormatError
from clerk_app.queue.service import QueueService
from clerk_app.scans.codes import CodeKind, classify
from ui.clerk.caller_panel import CallerPanel
from ui.elide import ElidedLabel
from ui.i18n import pick_name
from ui.idle_lock import MINUTE_MS, ScreenLock
from ui.intake.lookup_dialog import CaseLookupDialog
from ui.intake.panel import IntakeDeps, IntakePanel
from ui.login import ClerkSession
from ui.password_dialog import ChangePasswordDialog
from ui.results.pickup_panel import PickupPanel
from ui.session_menu import quit_action, session_menu, sign_out_action
from ui.signature.surface import SigningSurface
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher
from ui.wedge import WedgeDetector

DEFAULT_SIZE = (1100, 760)


class ClerkWindow(QMainWindow):
    signed_out = Signal()
    closed = Signal()

    def __init__(
        self,
        queue: QueueService,
        runner: TaskRunner,
        session: ClerkSession,
        watcher: HallWatcher,
        *,
        auth: AuthService,
        idle_lock_minutes: int,
        intake: IntakeDeps | None = None,
        scan_runner: TaskRunner | None = None,
        card_runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._runner = runner
        self._session = session
        self.password_dialog: ChangePasswordDialog | None = None
        self.panel = CallerPanel(
            queue,
            runner,
            session,
            watcher,
            self,
            notifications=intake.notifications if intake is not None else None,
        )
        self.intake: IntakePanel | None = None
        self.lookup_dialog: CaseLookupDialog | None = None
        self.wedge: WedgeDetector | None = None
        if intake is None:
            self.setCentralWidget(self.panel)
        else:
            self._add_intake(intake, session, scan_runner, card_runner)
        rules = queue.rules
        hall = pick_name(self.locale(), rules.name_zh, rules.name_en)
        self.setWindowTitle(self.tr("OneWindow — {hall}").format(hall=hall))
        signed_in = self.tr("Signed in as {name} at window {window}").format(
            name=session.user.display_name, window=session.window_number
        )
        self.statusBar().addPermanentWidget(ElidedLabel(signed_in))
        self.screen_lock = ScreenLock(
            self, auth, session.user, runner, idle_ms=idle_lock_minutes * MINUTE_MS
        )
        self.screen_lock.sign_out_requested.connect(self.request_sign_out)
        self.sign_out_question: QMessageBox | None = None
        self._build_menu()
        self.resize(*DEFAULT_SIZE)

    def _build_menu(self) -> None:
        menu = session_menu(self)
        sign_out = sign_out_action(self, self.request_sign_out)
        lock = QAction(self.tr("&Lock the screen"), self)
        lock.setShortcut(QKeySequence("Ctrl+Shift+L"))
        lock.triggered.connect(self.screen_lock.lock)
        change = QAction(self.tr("&Change password…"), self)
        change.triggered.connect(self.change_password)
        if self.intake is not None:
            find = QAction(self.tr("&Find a case…"), self)
            find.setShortcut(QKeySequence("Ctrl+F"))
            find.triggered.connect(self.find_case)
            menu.addAction(find)
        quit_app = quit_action(self)
        menu.addAction(sign_out)
        menu.addAction(lock)
        menu.addAction(change)
        menu.addAction(quit_app)

    def request_sign_out(self) -> None:
        """Sign out; when the intake form holds unsaved work, only once the clerk agrees to drop
        it (saved cases, their outbox and scans are kept whoever signs in next)."""
        if self.intake is None or not self.intake.has_unsaved_work():
            self.signed_out.emit()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Sign out"),
            self.tr("The intake form holds work that has not been saved. Sign out and discard it?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Sign out and &discard"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._sign_out_answered)
        self.sign_out_question = box
        box.open()

    def _sign_out_answered(self, answer: int) -> None:
        self.sign_out_question = None
        if answer == QMessageBox.StandardButton.Discard.value:
            self.signed_out.emit()

    def _add_intake(
        self,
        deps: IntakeDeps,
        session: ClerkSession,
        scan_runner: TaskRunner | None,
        card_runner: TaskRunner | None,
    ) -> None:
        self._intake_deps = deps
        self.intake = IntakePanel(
            deps, self._runner, session, self, scan_runner=scan_runner, card_runner=card_runner
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.panel, self.tr("&Queue"))
        self.tabs.addTab(self.intake, self.tr("&Intake"))
        self.pickup: PickupPanel | None = None
        if deps.results is not None:
            self.pickup = PickupPanel(deps.results, self._runner, session, self)
            self.tabs.addTab(self.pickup, self.tr("&Pickup"))
            self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.panel.ticket_changed.connect(self._ticket_changed)
        self.wedge = WedgeDetector(parent=self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.wedge.install(app)
        self.wedge.scanned.connect(self.code_scanned)

    def sign_on(self, surface: SigningSurface | None) -> None:
        """Where papers are signed (the intake's and the handover record): the applicant's
        screen, or None for the signing dialog on this screen."""
        if self.intake is None:  # no intake, no pickup window: nothing is signed here
            return
        signings = (self.intake.paper.signing, self.pickup.signing if self.pickup else None)
        for signing in signings:
            if signing is not None:
                signing.use_surface(surface)

    def _tab_changed(self) -> None:
        if self.pickup is not None and self.tabs.currentWidget() is self.pickup:
            self.pickup.refresh()

    def _ticket_changed(self, ticket_id: int | None) -> None:
        if self.intake is not None:
            self.intake.set_ticket(ticket_id)

    def code_scanned(self, text: str) -> None:
        """A scanned case number (on a receipt or a notice) opens the case at the intake."""
        if self.intake is None:
            return
        try:
            number = str(CaseNumber.parse(text.strip().upper()))
        except CaseNumberFormatError:
            code = classify(text)
            if code.kind is not CodeKind.RECEIPT:
                return
            number = code.value
        self.continue_case(number)

    def continue_case(self, number: str) -> None:
        """The case on the intake tab (a scanned receipt or notice)."""
        if self.intake is None:
            return
        self.tabs.setCurrentWidget(self.intake)
        self.intake.open_case(number)

    def find_case(self) -> None:
        deps = self._intake_deps
        dialog = CaseLookupDialog(
            deps.papers.lookup,
            deps.papers.printer,
            self._runner,
            self,
            by=Actor(self._session.user.user_id, self._session.user.display_name),
            today=deps.papers.intake.today(),
            notifications=deps.notifications,
        )
        if self.intake is not None:
            dialog.continue_requested.connect(self.intake.open_case)
            dialog.continue_requested.connect(lambda: self.tabs.setCurrentWidget(self.intake))
        self.lookup_dialog = dialog
        dialog.open()

    def show_case(self, number: str) -> None:
        """A case's history and papers, with Continue when it takes another visit (a failed
        e-licence verification: an accepted case is followed up, not continued)."""
        if self.intake is None:
            return
        self.find_case()
        assert self.lookup_dialog is not None
        self.lookup_dialog.show_number(number)

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(
            self._auth, self._runner, self._session.user.username, parent=self
        )
        dialog.open()
        self.password_dialog = dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.screen_lock.stop()
        app = QApplication.instance()
        if self.wedge is not None and isinstance(app, QApplication):
            self.wedge.uninstall(app)
        self.closed.emit()
        super().closeEvent(event)
