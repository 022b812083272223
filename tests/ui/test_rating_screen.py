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
from clerk_app.ratings.types import REASON_TEXT_MAX, Indicator, Level
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from onewindow_protocol.wire.ops import BadReason
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


def _rate(qtbot: QtBot, screen: RatingScreen, levels: dict[Indicator, Level]) -> None:
    for indicator, level in levels.items():
        qtbot.mouseClick(screen.buttons[(indicator, level)], Qt.MouseButton.LeftButton)


def test_a_good_rating_is_submitted_without_asking_why(
    qtbot: QtBot,
    ratings: RatingService,
    queue: QueueService,
    clerk: UserInfo,
    pad: UserInfo,  # noqa: F811
    runner: TaskRunner,
) -> None:
    screen = _screen(qtbot, ratings, pad, runner)
    served(queue, clerk)
    screen.refresh()
    _rate(qtbot, screen, dict.fromkeys(Indicator, Level.BASICALLY_SATISFIED))
    assert screen.submit_button.text() == "Submit" and not screen.bad()
    with qtbot.waitSignal(screen.submitted) as sent:
        qtbot.mouseClick(screen.submit_button, Qt.MouseButton.LeftButton)
    assert sent.args[0].follow_up_id is None and screen.page == THANKS


def test_a_bad_rating_asks_why_and_is_sent_only_with_a_reason(
    qtbot: QtBot,
    ratings: RatingService,
    queue: QueueService,
    clerk: UserInfo,
    pad: UserInfo,  # noqa: F811
    runner: TaskRunner,
) -> None:
    screen = _screen(qtbot, ratings, pad, runner)
    served(queue, clerk)
    screen.refresh()
    _rate(qtbot, screen, dict.fromkeys(Indicator, Level.SATISFIED))
    _rate(qtbot, screen, {Indicator.EFFICIENCY: Level.VERY_DISSATISFIED})
    assert screen.submit_button.text() == "Next"
    qtbot.mouseClick(screen.submit_button, Qt.MouseButton.LeftButton)
    assert screen.page == REASONS
    assert len(screen.reason_boxes) == len(BadReason)
    assert not any(b.isChecked() for b in screen.reason_boxes.values())
    assert not screen.send_button.isEnabled()  # nothing ticked: cannot be sent
    screen.submit()  # even if asked: refused on the page, nothing saved
    assert screen.reason_error.text() == "Please tick at least one reason."
    assert screen.page == REASONS and ratings.follow_ups() == []
    # Back to the levels keeps them; a level of 3 or more everywhere then needs no reason.
    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert screen.page == RATING and screen.chosen()[Indicator.EFFICIENCY] == 1
    qtbot.mouseClick(screen.submit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.reason_boxes[BadReason.LONG_WAIT], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.reason_boxes[BadReason.SYSTEM_FAULT], Qt.MouseButton.LeftButton)
    assert screen.send_button.isEnabled() and screen.reason_error.text() == ""
    # The words are limited on screen, and a phone number in them is masked when saved.
    qtbot.keyClicks(screen.reason_text, "x" * (REASON_TEXT_MAX + 20))
    assert len(screen.reason_text.text()) == REASON_TEXT_MAX
    screen.reason_text.clear()
    screen.reason_text.insert("系统卡了 请回电13812345678")  # as the input method commits it
    with qtbot.waitSignal(screen.submitted):
        qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)
    assert screen.page == THANKS
    [follow_up] = ratings.follow_ups()
    assert follow_up.reasons == (BadReason.LONG_WAIT, BadReason.SYSTEM_FAULT)
    assert follow_up.reason_text == "系统卡了 请回电138****5678"


def test_the_next_service_starts_with_no_reason_ticked(
    qtbot: QtBot,
    ratings: RatingService,
    queue: QueueService,
    clerk: UserInfo,
    pad: UserInfo,  # noqa: F811
    runner: TaskRunner,
    clock: FixedClock,
) -> None:
    screen = _screen(qtbot, ratings, pad, runner)
    served(queue, clerk)
    screen.refresh()
    _rate(qtbot, screen, dict.fromkeys(Indicator, Level.DISSATISFIED))
    qtbot.mouseClick(screen.submit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.reason_boxes[BadReason.ATTITUDE], Qt.MouseButton.LeftButton)
    screen.reason_text.insert("态度冷淡")
    screen.dismiss()  # the applicant walked away before sending: nothing saved
    assert screen.page == IDLE and ratings.follow_ups() == []
    clock.advance(minutes=1)
    served(queue, clerk)
    screen.refresh()
    assert screen.page == RATING and screen.chosen() == {}
    assert screen.reasons() == frozenset() and screen.reason_text.text() == ""
