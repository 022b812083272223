"""Where the applicant's screen goes: the rule on any set of monitors, a real window on the one
offscreen monitor, following monitors plugged in and out, and the clerk app opening it."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.settings import HallSettings, ScreensSettings, Settings
from clerk_app.settings_schema import ApplicantScreenMode
from ui.applicant.placement import Placement, Placer, place
from ui.applicant.screen import ApplicantScreen
from ui.clerk.main_window import ClerkWindow
from ui.flow import ClerkFlow
from ui.login import LoginDialog
from ui.tasks import TaskRunner

LEFT = (0, 0, 1920, 1080)
RIGHT = (1920, 0, 1920, 1080)
ABOVE = (0, -1080, 1920, 1080)
ON_LEFT = (960, 540)
ON_RIGHT = (2880, 540)


def test_one_monitor_gives_a_window_or_nothing() -> None:
    assert place("auto", [LEFT], ON_LEFT) == Placement(0, full_screen=False)
    assert place("window", [LEFT], ON_LEFT) == Placement(0, full_screen=False)
    assert place("off", [LEFT], ON_LEFT) is None
    assert place("auto", [LEFT], ON_LEFT, chosen=0) == Placement(0, full_screen=False)
    assert place("auto", [], ON_LEFT) is None


def test_a_second_monitor_is_filled_whichever_side_the_clerk_is_on() -> None:
    assert place("auto", [LEFT, RIGHT], ON_LEFT) == Placement(1, full_screen=True)
    assert place("auto", [LEFT, RIGHT], ON_RIGHT) == Placement(0, full_screen=True)
    assert place("window", [LEFT, RIGHT], ON_RIGHT) == Placement(1, full_screen=False)
    assert place("off", [LEFT, RIGHT], ON_LEFT) is None
    # The clerk's window off every monitor (being moved): the first monitor counts as theirs.
    assert place("auto", [LEFT, RIGHT], (-500, -500)) == Placement(1, full_screen=True)


def test_the_configured_monitor_is_taken_unless_it_is_the_clerks_or_missing() -> None:
    three = [LEFT, RIGHT, ABOVE]
    assert place("auto", three, ON_LEFT, chosen=2) == Placement(2, full_screen=True)
    assert place("auto", three, ON_LEFT, chosen=0) == Placement(1, full_screen=True)
    assert place("auto", three, ON_LEFT, chosen=7) == Placement(1, full_screen=True)
    assert place("auto", three, ON_RIGHT, chosen=None) == Placement(0, full_screen=True)


@pytest.fixture
def clerk_window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    return window


def test_on_the_one_offscreen_monitor_it_is_a_normal_window_and_follows_plugging(
    qtbot: QtBot, qapp: QApplication, clerk_window: QWidget, runner: TaskRunner
) -> None:
    assert len(QGuiApplication.screens()) == 1
    screen = ApplicantScreen(("大厅", "Hall"), 1, runner)
    qtbot.addWidget(screen)
    placer = Placer(screen, clerk_window, "auto", chosen=1)
    placer.apply()
    assert placer.placement == Placement(0, full_screen=False)
    assert screen.isVisible() and not screen.isFullScreen()
    monitor = QGuiApplication.primaryScreen().availableGeometry()
    assert monitor.contains(screen.geometry().center())
    # A monitor plugged in or out places it again (here: the same one monitor comes back).
    placer.placement = None
    qapp.screenAdded.emit(QGuiApplication.primaryScreen())
    assert placer.placement == Placement(0, full_screen=False)
    # The only monitor going away leaves nowhere to show it.
    qapp.screenRemoved.emit(QGuiApplication.primaryScreen())
    assert placer.placement is None and not screen.isVisible()


def test_window_mode_shows_a_window_and_off_hides_it(
    qtbot: QtBot, clerk_window: QWidget, runner: TaskRunner
) -> None:
    screen = ApplicantScreen(("大厅", "Hall"), 1, runner)
    qtbot.addWidget(screen)
    Placer(screen, clerk_window, "window").apply()
    assert screen.isVisible() and not screen.windowState() & Qt.WindowState.WindowFullScreen
    Placer(screen, clerk_window, "off").apply()
    assert not screen.isVisible()


@pytest.fixture
def flows(qapp: QApplication) -> Iterator[list[ClerkFlow]]:
    started: list[ClerkFlow] = []
    yield started
    for flow in started:
        flow.shutdown()
    for widget in QApplication.topLevelWidgets():  # hide(): close() would quit the app
        widget.hide()
        widget.deleteLater()


def applicant_screens() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ApplicantScreen)]


def sign_in(qtbot: QtBot, qapp: QApplication, flow: ClerkFlow) -> None:
    flow.start()
    [login] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()
    ]
    assert isinstance(login, LoginDialog)
    login.username.setText("clerk4")
    login.password.setText("clerk4-demo")
    with qtbot.waitSignal(flow.workspace_ready):
        login.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.mark.parametrize("mode", ["auto", "off"])
def test_the_clerk_app_opens_it_beside_the_window_and_closes_it_at_sign_out(
    qtbot: QtBot,
    qapp: QApplication,
    db_url: str,
    runner: TaskRunner,
    flows: list[ClerkFlow],
    mode: ApplicantScreenMode,
) -> None:
    settings = Settings(hall=HallSettings(window=4), screens=ScreensSettings(applicant=mode))
    args = argparse.Namespace(seed_demo=False, hall=None, window=None, lang=None)
    flow = ClerkFlow(qapp, runner, db_url, settings, args)
    flows.append(flow)
    sign_in(qtbot, qapp, flow)
    shown = [w for w in applicant_screens() if w.isVisible()]
    if mode == "off":
        assert shown == []
        return
    [screen] = shown
    assert isinstance(screen, ApplicantScreen) and not screen.isFullScreen()
    assert "Window 4" in screen.window_label.text()
    assert screen.rating is None  # no [device] account: the window's own rating pad
    [window] = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ClerkWindow) and w.isVisible()
    ]
    assert isinstance(window, ClerkWindow)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the keyboard stays there
    window.signed_out.emit()
    qtbot.waitUntil(lambda: not any(w.isVisible() for w in applicant_screens()))
