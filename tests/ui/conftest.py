"""Fixtures for widget tests: an inline task runner, a signed-in clerk, a running watcher,
and the translation catalogues built fresh from the .ts files."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService
from clerk_app.queue.service import QueueService
from onewindow_base.db.engine import Database
from tests.printing.helpers import FakeTicketPrinter
from ui.clerk.caller_panel import CallerPanel
from ui.i18n import install_translators, remove_translators, translations_dir
from ui.login import ClerkSession
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

from .helpers import qt_tool
from .intake_fixtures import deps, out_dir, protector  # noqa: F401 - fixtures for intake tests

WINDOW = 1


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm catalogues compiled from the current .ts files (never a stale build)."""
    target = tmp_path_factory.mktemp("qm")
    lrelease = qt_tool("pyside6-lrelease")
    for ts in sorted(translations_dir().glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
    return target


@pytest.fixture(autouse=True)
def english(qapp: QApplication, qm_dir: Path) -> Iterator[None]:
    """Every test runs in English, with the English catalogue, unless it asks for Chinese."""
    before = QLocale()
    translators = install_translators(qapp, "en", qm_dir)
    assert translators, "the en catalogue did not load"
    yield
    remove_translators(qapp, translators)
    QLocale.setDefault(before)


@pytest.fixture
def chinese(english: None, qapp: QApplication, qm_dir: Path) -> Iterator[None]:
    """The zh_CN catalogues (ours and Qt's), installed over the English one."""
    translators = install_translators(qapp, "zh_CN", qm_dir)
    assert translators, "the zh_CN catalogue did not load"
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    inline = TaskRunner(inline=True)
    yield inline
    inline.shutdown()


@pytest.fixture
def auth(db: Database) -> AuthService:
    return AuthService(db)


@pytest.fixture
def clerk_session(queue: QueueService, auth: AuthService) -> ClerkSession:
    """clerk1 signed in at window 1, which is open and idle."""
    user = next(u for u in auth.list_users() if u.username == "clerk1")
    queue.open_window(WINDOW, user.user_id)
    return ClerkSession(user, WINDOW)


@pytest.fixture
def watcher(
    qapp: QApplication, qtbot: QtBot, db: Database, queue: QueueService
) -> Iterator[HallWatcher]:
    """A running watcher that is already listening, so no change can slip past it."""
    hall_watcher = HallWatcher(db, queue.rules.hall_id)
    with qtbot.waitSignal(hall_watcher.listening, timeout=10_000):
        hall_watcher.start()
    yield hall_watcher
    hall_watcher.stop()
    assert hall_watcher.isFinished()
    qapp.processEvents()  # deliver queued change signals while the database still exists


@pytest.fixture
def panel(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    watcher: HallWatcher,
) -> CallerPanel:
    widget = CallerPanel(queue, runner, clerk_session, watcher)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def fake_printer() -> Iterator[FakeTicketPrinter]:
    """A TCP 9100 ticket printer on a loopback port (tests/printing/helpers.py)."""
    device = FakeTicketPrinter()
    yield device
    device.stop()
