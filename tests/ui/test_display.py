"""The hall display around a real queue on both databases: calls show, are highlighted and
announced once each, in order; an unreachable database shows "offline" and is caught up."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from psycopg import sql
from pytestqt.qtbot import QtBot

from clerk_app.queue.oversight import CallView, Oversight
from clerk_app.queue.service import QueueService
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from tests.dbs import PG_ADMIN_DSN
from ui.display.calls import CallTracker
from ui.display.display import HallDisplay
from ui.display.models import COL_NUMBER, COL_WINDOW, HIGHLIGHT_ROLE
from ui.tasks import TaskRunner
from ui.voice.announcer import Announcer
from ui.watcher import HallWatcher

from .fakes import FakeVoice


@pytest.fixture
def voice() -> FakeVoice:
    return FakeVoice(("zh", "en"), instant=True)


@pytest.fixture
def display(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    watcher: HallWatcher,
    voice: FakeVoice,
) -> HallDisplay:
    widget = HallDisplay(Oversight(queue), runner, watcher, Announcer(voice))
    widget.resize(1920, 1080)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def other_client(db_url: str, clock: FixedClock) -> Iterator[QueueService]:
    """A window PC: its own connections to the same database."""
    database = Database(db_url)
    yield QueueService(database, clock=clock)
    database.dispose()


def board(display: HallDisplay) -> dict[str, str]:
    model = display.windows
    return {
        model.index(r, COL_WINDOW).data(): model.index(r, COL_NUMBER).data()
        for r in range(model.rowCount())
    }


def test_a_call_from_another_pc_is_shown_highlighted_and_announced(
    qtbot: QtBot, display: HallDisplay, other_client: QueueService, voice: FakeVoice
) -> None:
    other_client.open_window(3)
    other_client.issue("BIZ")
    with qtbot.waitSignal(display.refreshed, timeout=5_000):
        pass
    assert board(display) == {"Window 3 (comprehensive)": "—"}
    other_client.call_next(3)
    qtbot.waitUntil(lambda: voice.log != [], timeout=5_000)
    assert board(display) == {"Window 3 (comprehensive)": "A001"}
    assert display.now_number.text() == "A001"
    assert display.now_window.text() == "Please go to Window 3 (comprehensive)"
    assert display.windows.index(0, COL_NUMBER).data(HIGHLIGHT_ROLE) is True
    assert display.highlighted() == {3}
    assert voice.log == ["chime", "zh:A001@3", "en:A001@3", "zh:A001@3", "en:A001@3"]
    assert display.calls.index(0, 0).data() == "A001"


def test_calls_are_announced_in_the_order_they_were_made_and_recalls_again(
    qtbot: QtBot,
    display: HallDisplay,
    other_client: QueueService,
    voice: FakeVoice,
    clock: FixedClock,
) -> None:
    for window in (1, 2):
        other_client.open_window(window)
    other_client.issue("BIZ")
    other_client.issue("BIZ")
    other_client.call_next(2)
    clock.advance(seconds=2)
    other_client.call_next(1)
    qtbot.waitUntil(lambda: voice.log.count("chime") == 2, timeout=5_000)
    clock.advance(seconds=2)
    other_client.recall(2)
    qtbot.waitUntil(lambda: voice.log.count("chime") == 3, timeout=5_000)
    spoken = [entry for entry in voice.log if entry.startswith("zh:")]
    assert spoken == ["zh:A001@2", "zh:A001@2", "zh:A002@1", "zh:A002@1", "zh:A001@2", "zh:A001@2"]
    assert voice.overlaps == 0


def test_calls_made_before_the_display_started_are_shown_not_announced(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    watcher: HallWatcher,
    voice: FakeVoice,
) -> None:
    queue.open_window(1)
    queue.issue("SOCIAL")
    queue.call_next(1)
    display = HallDisplay(Oversight(queue), runner, watcher, Announcer(voice))
    qtbot.addWidget(display)
    assert display.now_number.text() == "C001"
    assert voice.log == []


def test_waiting_per_service_follows_the_kiosk(
    qtbot: QtBot, display: HallDisplay, other_client: QueueService
) -> None:
    with qtbot.waitSignal(display.refreshed, timeout=5_000):
        other_client.issue("PICKUP")
    rows = {display.waiting.index(r, 0).data(): display.waiting.index(r, 1).data()
            for r in range(display.waiting.rowCount())}  # fmt: skip
    assert rows["F  Results pickup"] == "1"
    assert rows["A  Business start-up"] == "0"


def test_the_tracker_announces_only_fresh_unseen_calls() -> None:
    def call(ticket: int, at: int) -> CallView:
        return CallView(ticket, f"A{ticket:03d}", 1, "", "", at, 0)

    tracker = CallTracker(fresh_ms=60_000)
    assert tracker.new_calls((call(1, 1_000),), now_ms=2_000) == []  # primes
    fresh = tracker.new_calls((call(3, 70_000), call(2, 5_000), call(1, 1_000)), now_ms=70_000)
    assert [c.ticket_id for c in fresh] == [3]  # call 2 is over a minute old
    assert tracker.new_calls((call(3, 70_000),), now_ms=71_000) == []


def _connections(database: str, *, allow: bool) -> None:
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(
            sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS {}").format(
                sql.Identifier(database), sql.SQL("true" if allow else "false")
            )
        )
        if not allow:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (database,),
            )


@pytest.mark.allow_log_warnings  # the display and the watcher log the outage
@pytest.mark.parametrize("db_kind", ["postgresql"])
def test_offline_banner_then_reconnect_and_catch_up(
    qtbot: QtBot,
    display: HallDisplay,
    db_url: str,
    clock: FixedClock,
    voice: FakeVoice,
) -> None:
    name = db_url.rsplit("/", 1)[1]
    _connections(name, allow=False)
    try:
        display.refresh()
        qtbot.waitUntil(lambda: not display.online, timeout=10_000)
        assert display.offline.isVisibleTo(display)
    finally:
        _connections(name, allow=True)
    database = Database(db_url)
    try:
        window_pc = QueueService(database, clock=clock)
        window_pc.open_window(5)
        window_pc.issue("CIVIL")
        window_pc.call_next(5)
    finally:
        database.dispose()
    qtbot.waitUntil(lambda: display.online and display.now_number.text() == "D001", timeout=10_000)
    assert not display.offline.isVisibleTo(display)
    qtbot.waitUntil(lambda: "zh:D001@5" in voice.log, timeout=5_000)
