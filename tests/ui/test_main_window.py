"""The clerk's main window and the app's steps from opening the database to signing out."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService
from clerk_app.queue import WindowState
from clerk_app.queue.service import QueueService
from clerk_app.settings import HallSettings, Settings
from ui.clerk.main_window import ClerkWindow
from ui.flow import ClerkFlow
from ui.login import ClerkSession, LoginDialog
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher


def top_level(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def run_args(window: int | None = None) -> argparse.Namespace:
    return argparse.Namespace(seed_demo=False, hall=None, window=window, lang=None)


@pytest.fixture
def flow_factory(qapp: QApplication, runner: TaskRunner) -> Iterator[list[ClerkFlow]]:
    flows: list[ClerkFlow] = []
    yield flows
    for flow in flows:
        flow.shutdown()
    # hide(), not close(): closing would ask the (not running) application to quit.
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()


def test_signing_out_emits_signed_out(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    watcher: HallWatcher,
    auth: AuthService,
) -> None:
    window = ClerkWindow(queue, runner, clerk_session, watcher, auth=auth, idle_lock_minutes=5)
    qtbot.addWidget(window)
    assert "Changchun Government Service Center (demo)" in window.windowTitle()
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    sign_out = menu.actions()[0]
    with qtbot.waitSignal(window.signed_out):
        sign_out.trigger()


def test_the_app_opens_the_database_signs_in_and_signs_out(
    qtbot: QtBot,
    qapp: QApplication,
    db_url: str,
    runner: TaskRunner,
    queue: QueueService,
    flow_factory: list[ClerkFlow],
) -> None:
    flow = ClerkFlow(qapp, runner, db_url, Settings(hall=HallSettings(window=4)), run_args())
    flow_factory.append(flow)
    flow.start()
    [login] = top_level(LoginDialog)
    assert isinstance(login, LoginDialog)
    assert login.window_number.value() == 4
    login.username.setText("clerk4")
    login.password.setText("clerk4-demo")
    # The work windows load behind the sign-in dialog once it waits for input; a clerk who
    # signs in before that lands in the window as soon as they are ready.
    with qtbot.waitSignal(flow.workspace_ready):
        login.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    [window] = top_level(ClerkWindow)
    assert isinstance(window, ClerkWindow)
    assert next(w for w in queue.status().windows if w.number == 4).state is WindowState.OPEN
    window.signed_out.emit()
    qtbot.waitUntil(lambda: not top_level(ClerkWindow))
    assert len(top_level(LoginDialog)) == 1
    # Signing out leaves the window's queue state alone.
    assert next(w for w in queue.status().windows if w.number == 4).state is WindowState.OPEN


def test_a_database_without_a_hall_is_explained(
    qapp: QApplication,
    empty_db_url: str,
    runner: TaskRunner,
    flow_factory: list[ClerkFlow],
) -> None:
    flow = ClerkFlow(qapp, runner, empty_db_url, Settings(), run_args())
    flow_factory.append(flow)
    flow.start()
    [box] = top_level(QMessageBox)
    assert isinstance(box, QMessageBox)
    assert "--seed-demo" in box.text()
    assert not top_level(LoginDialog)


def test_seed_demo_fills_an_empty_database(
    qapp: QApplication,
    empty_db_url: str,
    runner: TaskRunner,
    flow_factory: list[ClerkFlow],
) -> None:
    args = argparse.Namespace(seed_demo=True, hall=None, window=2, lang=None)
    flow = ClerkFlow(qapp, runner, empty_db_url, Settings(), args)
    flow_factory.append(flow)
    flow.start()
    [login] = top_level(LoginDialog)
    assert isinstance(login, LoginDialog)
    assert login.window_number.value() == 2
