"""Wait estimates from recent service times and open windows; statistics for a date range."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.queue import PriorityClass, QueueService
from clerk_app.queue.service import SERVICE_TIMES_TTL_MS
from clerk_app.queue.stats import percentile
from onewindow_base.clock import FixedClock


def serve(queue: QueueService, clock: FixedClock, window: int, minutes: float) -> None:
    assert queue.call_next(window) is not None
    queue.start(window)
    clock.advance(minutes=minutes)
    queue.finish(window)


def test_first_ticket_has_nobody_ahead(queue: QueueService) -> None:
    queue.open_window(1)
    issued = queue.issue("BIZ")
    assert (issued.ahead, issued.eta_minutes) == (0, 0)


def test_estimate_uses_default_service_time_and_open_windows(
    queue: QueueService,
) -> None:
    queue.open_window(1)
    queue.open_window(2)
    for _ in range(4):
        queue.issue("BIZ")  # default 15 minutes each
    issued = queue.issue("BIZ")
    assert issued.ahead == 4
    assert issued.eta_minutes == 30  # 4 x 15 min over 2 open windows
    assert issued.eta_low_minutes <= issued.eta_minutes <= issued.eta_high_minutes


def test_estimate_learns_from_recent_service_times(queue: QueueService, clock: FixedClock) -> None:
    queue.open_window(1)
    for _ in range(3):
        queue.issue("SOCIAL")
        serve(queue, clock, 1, 2)  # 2 minutes each instead of the default 8
    for _ in range(3):
        queue.issue("SOCIAL")
    issued = queue.issue("SOCIAL")
    assert issued.ahead == 3
    assert issued.eta_minutes == 6


def test_priority_ticket_sees_only_priority_tickets_ahead(queue: QueueService) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.issue("BIZ", PriorityClass.PRIORITY)
    assert queue.issue("BIZ", PriorityClass.PRIORITY).ahead == 1
    assert queue.issue("BIZ").ahead == 3


def test_stats_per_service_and_window(queue: QueueService, clock: FixedClock) -> None:
    queue.open_window(1)
    queue.open_window(2)
    queue.issue("BIZ")
    queue.issue("BIZ")
    queue.issue("SOCIAL")
    clock.advance(minutes=4)
    serve(queue, clock, 1, 10)  # A001 waited 4 min, served 10 min
    clock.advance(minutes=2)
    assert queue.call_next(2) is not None  # A002 waited 16 min
    queue.skip(2)
    today = dt.date(2026, 11, 24)
    stats = queue.stats(today, today)
    biz = next(r for r in stats.services if r.key == "BIZ")
    assert (biz.issued, biz.served, biz.no_shows) == (2, 1, 1)
    assert biz.wait.count == 2
    assert biz.wait.average_s == pytest.approx((4 * 60 + 16 * 60) / 2)
    assert biz.service_time.average_s == pytest.approx(600)
    by_window = {r.key: r for r in stats.windows}
    assert by_window["1"].served == 1 and by_window["2"].no_shows == 1
    assert stats.total.issued == 3
    assert queue.stats(today + dt.timedelta(days=1), today + dt.timedelta(days=2)).total.issued == 0


def test_percentile_is_nearest_rank() -> None:
    assert percentile([], 0.9) is None
    assert percentile([5.0], 0.9) == 5.0
    assert percentile([float(x) for x in range(1, 11)], 0.9) == 9.0
    assert percentile([float(x) for x in range(1, 101)], 0.9) == 90.0


def test_status_counts_waiting_and_longest_wait(queue: QueueService, clock: FixedClock) -> None:
    queue.issue("BIZ")
    clock.advance(minutes=7)
    queue.issue("BIZ")
    biz = next(s for s in queue.status().services if s.code == "BIZ")
    assert (biz.waiting, biz.longest_wait_s) == (2, 420)


def test_service_times_are_read_again_after_a_minute_of_hall_time(
    queue: QueueService, clock: FixedClock
) -> None:
    """A ticket's estimate uses the services' recent times read at most a minute of hall time
    ago: a service finished since counts once that minute has passed."""
    queue.open_window(1)
    for _ in range(2):
        queue.issue("SOCIAL")
        serve(queue, clock, 1, 2)  # two samples of 2 minutes: fewer than the 3 an average needs
    queue.issue("SOCIAL")  # reads the times: SOCIAL's default, 8 minutes
    queue.issue("SOCIAL")
    serve(queue, clock, 1, 0.5)  # the third sample, 30 s later; one ticket waits
    assert queue.issue("SOCIAL").eta_minutes == 8  # 1 ahead x the times read 30 s ago
    clock.advance(seconds=SERVICE_TIMES_TTL_MS // 1000 // 2)
    assert queue.issue("SOCIAL").eta_minutes == 3  # 2 ahead x 1.5 min (2, 2, 0.5), read again
