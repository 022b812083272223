"""The applicant's screen beside a real intake panel on both databases: it follows the clerk's
ticks, shows the decision in plain words and the printed paper to sign with a slot for a pad,
and rates under the rating device's account (or points to the window's pad without one)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.db.results_models import ServiceRating
from clerk_app.intake.rules import Decision
from clerk_app.queue.service import QueueService
from clerk_app.ratings.types import Indicator, Level
from clerk_app.services import build_services
from clerk_app.settings import DeviceSettings, Settings
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from tests.results.test_ratings import served
from ui.applicant.case_page import mask_name
from ui.applicant.screen import CASE, DECISION, RATING, SIGNING, THANKS, WELCOME, ApplicantScreen
from ui.applicant.wiring import CounterPlace, open_applicant_screen
from ui.intake import checklist_edits as ce
from ui.intake.panel import IntakeDeps, IntakePanel
from ui.login import ClerkSession
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

from .test_intake_flow import attach_scans, fill_applicant, make_panel, pick_item, receive, tick

HALL = ("长春市政务服务中心", "Changchun Government Service Center")


def applicant_screen(
    qtbot: QtBot, runner: TaskRunner, *, thanks_ms: int = 60_000
) -> ApplicantScreen:
    screen = ApplicantScreen(HALL, 1, runner, thanks_ms=thanks_ms)
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    screen.show()
    return screen


@pytest.fixture
def followed(
    qtbot: QtBot, deps: IntakeDeps, runner: TaskRunner, clerk_session: ClerkSession
) -> tuple[IntakePanel, ApplicantScreen]:
    screen = applicant_screen(qtbot, runner)  # first: the clerk's panel is the active window
    panel = make_panel(qtbot, deps, runner, clerk_session)
    screen.follow(panel)
    return panel, screen


def texts(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_names_are_masked_to_first_and_last_character() -> None:
    assert [mask_name(n) for n in ("张三丰", "张三", "欧阳娜娜", "李", "")] == [
        "张*丰",
        "张*",
        "欧**娜",
        "*",
        "",
    ]


def test_the_screen_follows_the_clerks_ticks(
    qtbot: QtBot, followed: tuple[IntakePanel, ApplicantScreen]
) -> None:
    panel, screen = followed
    assert screen.page == WELCOME
    assert "Window 1" in screen.window_label.text()
    fill_applicant(qtbot, panel)
    pick_item(qtbot, panel)
    assert screen.page == CASE
    rows = screen.case_page.rows()
    assert len(rows) == 4 and all(r.startswith(("✗", "○")) for r in rows[:2])
    before = rows[0]
    tick(qtbot, panel, "M01", ce.RECEIVED)
    after = screen.case_page.rows()
    assert before.startswith("✗") and "missing" in before
    assert after[0].startswith("✓") and "received" in after[0]
    assert after[1:] == rows[1:]
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)  # unticked again: missing again
    assert screen.case_page.rows()[0] == before
    # Nothing personal beyond the masked name: not the name, the ID number or the phone.
    shown = texts(screen)
    assert "Applicant: 张*" in shown
    assert "张伟" not in shown and "1949" not in shown and "5678" not in shown


def test_the_decision_is_shown_in_plain_words_with_what_is_missing(
    chinese: None, qtbot: QtBot, followed: tuple[IntakePanel, ApplicantScreen]
) -> None:
    panel, screen = followed
    fill_applicant(qtbot, panel)
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01")
    missing = [r.name for r in panel.checklist.requirements if r.key in ("M02", "M04")]
    with qtbot.waitSignal(panel.decided):
        panel.decide(Decision.ONE_TIME_NOTICE)
    assert screen.page == DECISION
    assert "一次性告知" in screen.decision_page.heading.text()
    rows = screen.decision_page.rows()
    assert all(any(name in row for row in rows) for name in missing)
    assert not any(panel.checklist.requirements[0].name in row for row in rows)


def test_the_signing_page_shows_the_printed_paper_and_hosts_a_pad(
    chinese: None,  # first: the screen is built in Chinese
    qtbot: QtBot,
    followed: tuple[IntakePanel, ApplicantScreen],
    out_dir: Path,
    tmp_path: Path,
) -> None:
    panel, screen = followed
    fill_applicant(qtbot, panel)
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01", "M02", "M03", "M04")
    attach_scans(panel, tmp_path, ["M01", "M02", "M03", "M04"])
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        panel.decide(Decision.ACCEPT)
    assert screen.page == DECISION and "受理" in screen.decision_page.heading.text()
    [receipt] = sorted(out_dir.glob("*.pdf"))
    with qtbot.waitSignal(screen.signing_shown):
        screen.ask_to_sign(receipt.read_bytes(), "受理通知书")
    page = screen.signing_page
    assert screen.page == SIGNING and page.heading.text() == "请签名"
    pixmap = page.paper.pixmap()
    assert page.has_paper() and pixmap.height() <= page.paper_height()
    assert pixmap.width() < pixmap.height()  # an A4 page, upright
    assert not page.slot.isVisible()
    pad = QLabel("pad")
    screen.set_signing_widget(pad)
    assert page.signing_widget is pad and page.slot.isVisible() and pad.isVisible()
    assert page.slot.isAncestorOf(pad)
    other = QLabel("another pad")
    with qtbot.waitSignal(pad.destroyed):  # the page owned the first one
        screen.set_signing_widget(other)
    assert page.signing_widget is other


def test_without_a_device_account_the_screen_points_to_the_rating_pad(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    screen = applicant_screen(qtbot, runner, thanks_ms=10)
    screen.set_ticket(None)
    assert screen.page == WELCOME  # nothing was served yet
    screen.set_ticket(41)
    screen.set_ticket(41)  # the caller panel repeats itself on every refresh
    screen.set_ticket(None)
    assert screen.page == RATING and screen.rating is None
    assert "rating pad" in screen.rating_pad.text() and screen.rating_pad.isVisible()
    qtbot.waitUntil(lambda: screen.page == WELCOME)


@pytest.fixture
def clerk3(db: Database) -> UserInfo:
    return AuthService(db).authenticate("clerk3", "clerk3-demo")


def test_rating_on_the_applicant_screen_is_submitted_under_the_device_account(
    qtbot: QtBot,
    db: Database,
    clock: FixedClock,
    queue: QueueService,
    runner: TaskRunner,
    clerk3: UserInfo,
    watcher: HallWatcher,
) -> None:
    """The counter's own wiring: [device] clerk8 is the rating device of window 3 (any
    account of the hall that is not the window's clerk)."""
    device = DeviceSettings(user="clerk8", password="clerk8-demo")
    settings = Settings(device=device)
    ring = new_ring(Algorithm.SM4_GCM, clock.now_ms())
    services = build_services(settings, db, clock=clock, key_ring=ring)
    clerk_window = QWidget()
    qtbot.addWidget(clerk_window)
    place = CounterPlace(clerk_window, 3, watcher)
    screen = open_applicant_screen(services, settings, runner, place)
    assert screen is not None
    qtbot.addWidget(screen)
    rating = screen.rating
    assert rating is not None and not screen.rating_pad.isVisible()
    screen.set_ticket(7)
    with qtbot.waitSignal(rating.prompted, timeout=10_000):  # the watcher wakes it
        ticket = served(queue, clerk3)
    screen.set_ticket(None)
    assert screen.page == RATING
    for indicator in Indicator:
        qtbot.mouseClick(rating.buttons[(indicator, Level.SATISFIED)], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(rating.submitted):
        qtbot.mouseClick(rating.submit_button, Qt.MouseButton.LeftButton)
    assert screen.page == THANKS
    with db.read() as session:
        row = session.scalars(select(ServiceRating).where(ServiceRating.ticket_id == ticket)).one()
    clerk8 = AuthService(db).authenticate("clerk8", "clerk8-demo")
    assert (row.device_user_id, row.clerk_id) == (clerk8.user_id, clerk3.user_id)


def test_a_rating_left_undone_is_not_offered_to_the_next_applicant(
    qtbot: QtBot,
    db: Database,
    clock: FixedClock,
    queue: QueueService,
    runner: TaskRunner,
    clerk3: UserInfo,
) -> None:
    settings = Settings(device=DeviceSettings(user="clerk8", password="clerk8-demo"))
    services = build_services(
        settings, db, clock=clock, key_ring=new_ring(Algorithm.SM4_GCM, clock.now_ms())
    )
    device = AuthService(db).authenticate("clerk8", "clerk8-demo")
    screen = applicant_screen(qtbot, runner)
    rating = screen.enable_rating(services.ratings, device, 3)
    served(queue, clerk3)
    rating.refresh()
    assert screen.page == RATING
    screen.set_ticket(8)  # the next applicant is called: the last one left without rating
    assert screen.page == WELCOME
    rating.refresh()
    assert screen.page == WELCOME and rating.chosen() == {}
    served(queue, clerk3)  # their own service, finished: offered
    rating.refresh()
    assert screen.page == RATING
