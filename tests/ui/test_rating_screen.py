"""The rating screen around a real rating service on both databases: it wakes up for the
window's finished service, offers every level with nothing chosen, and submits once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.queue.service import QueueService
from clerk_app.ratings.service import RatingService
from clerk_app.ratings.types import BadReason, Indicator, Level
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from tests.results.conftest import pad  # noqa: F401 - the rating device's account
from tests.results.test_ratings import served
from ui.applicant.rating import IDLE, RATING, REASONS, THANKS, RatingScreen
from ui.tasks import TaskRunner


@pytest.fixture
def clerk(db: Database) -> UserInfo:
    return AuthService(db).authenticate("clerk3", "clerk3-demo")


@pytest.fixture
def ratings(db: Database, clock: FixedClock) -> RatingService:
    cipher = PersonalDataCipher(new_ring(Algorithm.SM4_GCM, clock.now_ms()))
    return RatingService(db, cipher, hall_code="CC01", calendar=shipped_calendar(), clock=clock)


def _screen(
    qtbot: QtBot, ratings: RatingService, user: UserInfo, runner: TaskRunner
) -> RatingScreen:
    screen = RatingScreen(ratings, user, 3, runner, thanks_ms=60_000)
    qtbot.addWidget(screen)
    return screen


def test_the_screen_waits_then_offers_every_level_with_nothing_chosen(
    qtbot: QtBot,
    ratings: RatingService,
    queue: QueueService,
    clerk: UserInfo,
    pad: UserInfo,  # noqa: F811
    runner: TaskRunner,
) -> None:
    screen = _screen(qtbot, ratings, pad, runner)
    screen.refresh()
    assert screen.page == IDLE
    served(queue, clerk)
    screen.refresh()
    assert screen.page == RATING
    assert "窗口3办事员" in screen.title.text()
    assert len(screen.buttons) == 4 * 5
    assert not any(b.isChecked() for b in screen.buttons.values())
    assert screen.chosen() == {} and not screen.submit_button.isEnabled()
    assert screen.buttons[(Indicator.OVERALL, Level.VERY_SATISFIED)].text() == "Very satisfied"
    for indicator in Indicator:
        qtbot.mouseClick(screen.buttons[(indicator, Level.SATISFIED)], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(
        screen.buttons[(Indicator.ATTITUDE, Level.DISSATISFIED)], Qt.MouseButton.LeftButton
    )
    assert screen.chosen()[Indicator.ATTITUDE] == 2 and screen.submit_button.isEnabled()
    qtbot.mouseClick(screen.submit_button, Qt.MouseButton.LeftButton)
    assert screen.page == REASONS  # a 2 asks why before anything is saved
    qtbot.mouseClick(screen.reason_boxes[BadReason.ATTITUDE], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.submitted) as sent:
        qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    assert sent.args[0].follow_up_id is not None
    assert screen.page == THANKS
    assert len(ratings.follow_ups()) == 1


def test_the_windows_clerk_is_refused_with_a_message(
    qtbot: QtBot,
    ratings: RatingService,
    queue: QueueService,
    clerk: UserInfo,
    runner: TaskRunner,
) -> None:
    screen = _screen(qtbot, ratings, clerk, runner)
    served(queue, clerk)
    screen.refresh()
    for indicator in Indicator:
        qtbot.mouseClick(
            screen.buttons[(indicator, Level.VERY_SATISFIED)], Qt.MouseButton.LeftButton
        )
    qtbot.mouseClick(screen.submit_button, Qt.MouseButton.LeftButton)
    assert "clerk cannot submit" in screen.error.text()
    assert screen.page == RATING and ratings.follow_ups() == []
