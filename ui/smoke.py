"""``clerk-app --smoke-test``: prove that an installation has everything it needs, headless.

An installer's build is only as good as the first start on a counter PC: a module or data file
PyInstaller did not see, a font or translation left out, a Qt plugin that cannot load. This
exercises each of those paths once, in a temporary directory and without a display: it
migrates a fresh SQLite database, seeds the demo hall, prints every counter paper through the
real flow (fonts, barcodes, QR codes, ESC/POS, page images), loads both catalogues, and builds,
shows and closes each mode's main widget. One line on stdout says what was proved; the exit
status is 0 only when every step passed.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import Role, UserInfo
from clerk_app.bootstrap import open_database
from clerk_app.db.migrate import current_revision
from clerk_app.demo import seed_demo
from clerk_app.queue.appointments import AppointmentDesk
from clerk_app.samples import BACK_OFFICE, SampleHall, SampleKind, TicketFormat
from clerk_app.services import Services, build_services
from clerk_app.settings import Settings
from printing.backends.base import PayloadFormat
from printing.documents import QueueTicketDoc
from printing.escpos import EscposMode
from printing.pages import render_pages
from ui.clerk.main_window import ClerkWindow
from ui.i18n import LANGUAGES, install_translators, remove_translators
from ui.kiosk.kiosk import KioskScreen
from ui.login import ClerkSession, LoginDialog
from ui.screens import hall_display
from ui.supervisor.main_window import supervisor_window
from ui.tasks import TaskRunner
from ui.voice.backends import voice_dir
from ui.voice.phrases import missing_clips
from ui.watcher import HallWatcher

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED = 0, 1
MODES = ("clerk", "supervisor", "kiosk", "display")
PAGE_DPI = 40  # enough to prove pdfium renders every page; the look is the printing tests' job


class SmokeFailed(Exception):  # noqa: N818 - the step that failed, shown on one line
    pass


@dataclass(frozen=True, slots=True)
class SmokeReport:
    revision: str
    hall_code: str
    documents: int
    pages: int
    modes: tuple[str, ...]
    seconds: float

    def line(self) -> str:
        return (
            f"smoke test passed: database migrated to {self.revision}, demo hall "
            f"{self.hall_code}, {self.documents} documents rendered ({self.pages} pages), "
            f"modes opened and closed: {', '.join(self.modes)}; {self.seconds:.1f} s"
        )


class _NoPaper:
    """The kiosk's printer in the smoke test: the ticket paper itself is rendered above."""

    def print_ticket(self, ticket: QueueTicketDoc, ticket_id: int) -> None:
        del ticket, ticket_id


def render_documents() -> tuple[int, int]:
    """Every counter paper from the real flow on a throwaway demo hall (the back office's need
    the reference server, which the bundle leaves out), as PDF and page images, and the ticket
    as ESC/POS in both modes; (documents, pages)."""
    pages = documents = 0
    with SampleHall() as hall:
        for kind in SampleKind:
            if kind in BACK_OFFICE:
                continue
            pdf = hall.make(kind).payload
            if not pdf.startswith(b"%PDF"):
                raise SmokeFailed(f"the {kind.value} is not a PDF")
            pages += len(render_pages(pdf, PAGE_DPI, grey=True))
            documents += 1
        for mode in EscposMode:
            escpos = TicketFormat(PayloadFormat.ESCPOS, mode=mode)
            if not hall.make(SampleKind.TICKET, ticket=escpos).payload:
                raise SmokeFailed(f"no ESC/POS bytes for the ticket ({mode.value})")
    return documents, pages


def check_translations(app: QApplication) -> None:
    for language in LANGUAGES:
        installed = install_translators(app, language)
        remove_translators(app, installed)
        if language != "en" and len(installed) < 2:  # ours and Qt's own
            raise SmokeFailed(f"the {language} catalogues (ours and Qt's) are not all there")


def _settle(app: QApplication, widget: QWidget) -> None:
    widget.show()
    app.processEvents()
    widget.close()
    widget.deleteLater()
    app.processEvents()


def _user(auth: AuthService, role: Role) -> UserInfo:
    return next(u for u in auth.list_users() if u.role is role)


def open_modes(app: QApplication, services: Services, runner: TaskRunner) -> tuple[str, ...]:
    """Build, show and close the main widget of each mode on the demo hall."""
    queue, auth = services.queue, services.auth
    watcher = HallWatcher(services.db, services.hall.hall_id)  # not started: each reads once
    settings = services.settings
    builders: dict[str, Callable[[], QWidget]] = {
        "clerk": lambda: ClerkWindow(
            queue,
            runner,
            ClerkSession(_user(auth, Role.CLERK), 1),
            watcher,
            auth=auth,
            idle_lock_minutes=settings.security.idle_lock_minutes,
        ),
        "supervisor": lambda: supervisor_window(
            queue, runner, watcher, _user(auth, Role.SUPERVISOR), settings
        ),
        "kiosk": lambda: KioskScreen(queue, AppointmentDesk(queue), _NoPaper(), runner),
        "display": lambda: hall_display(queue, runner, watcher, settings),
    }
    _settle(app, LoginDialog(auth, queue, runner, 1))
    for mode in MODES:
        _settle(app, builders[mode]())
    return MODES


def run_smoke(app: QApplication, directory: Path) -> SmokeReport:
    started = time.perf_counter()
    missing = missing_clips(voice_dir(), "zh")
    if missing:
        raise SmokeFailed(f"the voice clip pack lacks {len(missing)} clips, e.g. {missing[0]}")
    check_translations(app)
    db = open_database(f"sqlite:///{directory / 'smoke.sqlite3'}")
    try:
        revision = current_revision(db.engine) or "nothing"
        seed = seed_demo(db)
        documents, pages = render_documents()
        runner = TaskRunner(inline=True)
        try:
            modes = open_modes(app, build_services(Settings(), db), runner)
        finally:
            runner.shutdown()
    finally:
        db.dispose()
    return SmokeReport(
        revision, seed.hall_code, documents, pages, modes, time.perf_counter() - started
    )


def main() -> int:
    """The whole smoke test in this process: prints one line, returns the exit status."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    try:
        with tempfile.TemporaryDirectory(prefix="onewindow-smoke-") as tmp:
            report = run_smoke(app, Path(tmp))
    except Exception as exc:
        log.debug("smoke test failed", exc_info=exc)
        print(f"smoke test FAILED: {type(exc).__name__}: {exc}", flush=True)
        return EXIT_FAILED
    print(report.line(), flush=True)
    QTimer.singleShot(0, app.quit)
    app.exec()  # lets deferred deletions run before the interpreter ends
    return EXIT_OK
