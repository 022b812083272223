"""The benchmark hall: the demo hall grown to 60 windows, a year of history, today's queue.

History is bulk-loaded with the raw driver (COPY on PostgreSQL, ``executemany`` on SQLite), not
through the service: about 250 working days of about 1,200 tickets each, with realistic
service mix, priority classes, end states, waits and service times. Today's queue is 3,000
waiting tickets, reloaded identically before every call-next phase so each floor and figure
start from the same data.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bench.common import BenchClock, is_pg, raw_pg, raw_sqlite
from clerk_app.bootstrap import open_database
from clerk_app.db.models import Hall, Service, Window, WindowService
from clerk_app.demo import DEMO_HALL_CODE, seed_demo
from clerk_app.queue.service import QueueService, format_number

TZ = ZoneInfo("Asia/Shanghai")
ANCHOR = dt.datetime(2026, 11, 24, 10, 30, tzinfo=TZ)  # a Tuesday, mid-morning
TODAY = ANCHOR.date()
WINDOWS = 60
WAITING = 3000
SEED = 20261124
SERVICE_MIX = {"SOCIAL": 30, "PICKUP": 25, "BIZ": 15, "CIVIL": 15, "PERMIT": 10, "BUILD": 5}
Rows = list[tuple[Any, ...]]  # table rows, in the order of their INSERT columns
# fmt: off
COLUMNS = (
    "hall_id", "service_id", "day", "prefix", "seq", "number", "priority_class",
    "appointment_ref", "state", "window_id", "target_window_id", "user_id", "issued_ms",
    "arrival_ms", "available_ms", "first_called_ms", "called_ms", "started_ms", "finished_ms",
    "no_show_ms", "recall_count",
)
# fmt: on


@dataclass(frozen=True)
class HallIds:
    hall_id: int
    services: tuple[tuple[str, int, str, int], ...]  # code, id, prefix, default seconds
    serving: dict[int, tuple[int, ...]]  # service id -> ids of the windows serving it
    windows: tuple[int, ...]  # window ids by window number (1, 2, …)


def anchor_ms() -> int:
    return int(ANCHOR.timestamp() * 1000)


def _local_ms(day: dt.date, hour: int, minute: int = 0) -> int:
    return int(dt.datetime.combine(day, dt.time(hour, minute), TZ).timestamp() * 1000)


# ---------------------------------------------------------------------------- the hall
def create_hall(url: str, clock: BenchClock) -> HallIds:
    """Migrate, seed the demo hall, add comprehensive windows 9-60 and open all 60."""
    db = open_database(url)
    try:
        seed_demo(db)
        db.run_write(_add_windows)
        ids = db.run_read(_read_ids)
        queue = QueueService(db, DEMO_HALL_CODE, clock)
        for number in range(1, WINDOWS + 1):
            queue.open_window(number)
        return ids
    finally:
        db.dispose()


def _add_windows(session: Session) -> None:
    hall_id = session.scalars(select(Hall.id).where(Hall.code == DEMO_HALL_CODE)).one()
    service_ids = session.scalars(select(Service.id).where(Service.hall_id == hall_id)).all()
    for number in range(9, WINDOWS + 1):
        window = Window(
            hall_id=hall_id,
            number=number,
            name_zh=f"{number}号综合窗口",
            name_en=f"Window {number} (comprehensive)",
            state="closed",
            state_since_ms=0,
        )
        session.add(window)
        session.flush()
        session.add_all(
            WindowService(window_id=window.id, service_id=sid, weight=1) for sid in service_ids
        )


def _read_ids(session: Session) -> HallIds:
    hall_id = session.scalars(select(Hall.id).where(Hall.code == DEMO_HALL_CODE)).one()
    services = session.execute(
        select(Service.code, Service.id, Service.prefix, Service.default_service_s)
        .where(Service.hall_id == hall_id)
        .order_by(Service.id)
    ).tuples()
    serving: dict[int, list[int]] = {}
    for window_id, service_id in session.execute(
        select(WindowService.window_id, WindowService.service_id).order_by(WindowService.window_id)
    ):
        serving.setdefault(service_id, []).append(window_id)
    windows = session.scalars(
        select(Window.id).where(Window.hall_id == hall_id).order_by(Window.number)
    ).all()
    return HallIds(
        hall_id,
        tuple(services),
        {sid: tuple(wids) for sid, wids in serving.items()},
        tuple(windows),
    )


# ---------------------------------------------------------------------------- generated rows
def _working_days(count: int) -> list[dt.date]:
    days: list[dt.date] = []
    day = TODAY
    while len(days) < count:
        day -= dt.timedelta(days=1)
        if day.weekday() < 5:
            days.append(day)
    return days[::-1]


def _priority(rng: random.Random, n: int) -> tuple[str, str | None]:
    r = rng.random()
    if r < 0.88:
        return "normal", None
    if r < 0.96:
        return "priority", None
    return "appointment", f"WX{n:08d}"


def _draft(
    arrival: int,
    index: int,
    priority: tuple[str, str | None],
    state: str,
    *,
    window: int | None = None,
    first: int | None = None,
    called: int | None = None,
    started: int | None = None,
    finished: int | None = None,
    no_show: int | None = None,
    recalls: int = 0,
) -> tuple[Any, ...]:
    """A ticket before numbering: arrival, service index, then its columns from priority_class
    to user_id and from first_called_ms to recall_count."""
    return (
        arrival, index, *priority, state, window, None, None,
        first, called, started, finished, no_show, recalls,
    )  # fmt: skip


def _numbered(ids: HallIds, day: dt.date, drafts: list[tuple[Any, ...]]) -> tuple[Rows, Rows]:
    """Ticket rows (COLUMNS) numbered per prefix in arrival order, and the day's counters."""
    seqs: dict[str, int] = {}
    rows = []
    for arrival, index, *head_and_tail in sorted(drafts, key=lambda draft: draft[0]):
        _code, service_id, prefix, _default = ids.services[index]
        seqs[prefix] = seq = seqs.get(prefix, 0) + 1
        head, tail = head_and_tail[:6], head_and_tail[6:]
        number = format_number(prefix, seq)
        times = (arrival, arrival, arrival)  # issued, arrival, available
        rows.append((ids.hall_id, service_id, day, prefix, seq, number, *head, *times, *tail))
    counters = [(ids.hall_id, day, prefix, last) for prefix, last in seqs.items()]
    return rows, counters


def _past_ticket(
    rng: random.Random, ids: HallIds, index: int, arrival: int, n: int
) -> tuple[Any, ...]:
    _code, service_id, _prefix, default_s = ids.services[index]
    priority = _priority(rng, n)
    end = rng.random()
    if end < 0.04:  # cancelled while waiting
        return _draft(arrival, index, priority, "cancelled")
    window = rng.choice(ids.serving[service_id])
    called = arrival + int(min(rng.expovariate(1 / 900), 10_800) * 1000)
    if end < 0.10:  # called, recalled twice, never came
        return _draft(
            arrival, index, priority, "no_show", window=window, first=called - 120_000,
            called=called, no_show=called + 180_000, recalls=2,
        )  # fmt: skip
    recalls = 1 if rng.random() < 0.05 else 0
    started = called + int(rng.uniform(20, 90) * 1000)
    finished = started + int(default_s * rng.lognormvariate(0, 0.45) * 1000)
    return _draft(
        arrival, index, priority, "done", window=window, first=called - recalls * 60_000,
        called=called, started=started, finished=finished, recalls=recalls,
    )  # fmt: skip


def history(ids: HallIds, days: int, per_day: int = 1200) -> Iterator[tuple[Rows, Rows]]:
    """Day by day: (ticket rows, daily counter rows)."""
    rng = random.Random(SEED)
    weights = [SERVICE_MIX[code] for code, *_ in ids.services]
    n = 0
    for day in _working_days(days):
        count = rng.randint(per_day - 150, per_day + 150)
        opens = _local_ms(day, 9)
        drafts = []
        for index in rng.choices(range(len(ids.services)), weights, k=count):
            n += 1
            arrival = opens + int(rng.random() * 8 * 3_600_000)
            drafts.append(_past_ticket(rng, ids, index, arrival, n))
        yield _numbered(ids, day, drafts)


def today(ids: HallIds) -> tuple[Rows, Rows]:
    """3,000 tickets waiting since the hall opened at nine."""
    rng = random.Random(SEED + 1)
    weights = [SERVICE_MIX[code] for code, *_ in ids.services]
    opens, now = _local_ms(TODAY, 9), anchor_ms() - 60_000
    drafts = [
        _draft(opens + int(rng.random() * (now - opens)), index, _priority(rng, n), "waiting")
        for n, index in enumerate(rng.choices(range(len(ids.services)), weights, k=WAITING))
    ]
    return _numbered(ids, TODAY, drafts)


# ---------------------------------------------------------------------------- loading
_INSERT_TICKET = f"INSERT INTO ticket ({', '.join(COLUMNS)}) VALUES ({', '.join(['?'] * 21)})"
_INSERT_COUNTER = "INSERT INTO daily_counter (hall_id, day, prefix, last_seq) VALUES (?, ?, ?, ?)"


def _sqlite_rows(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [tuple(v.isoformat() if isinstance(v, dt.date) else v for v in r) for r in rows]


def _load(url: str, batches: Iterator[tuple[Rows, Rows]]) -> int:
    total = 0
    if is_pg(url):
        with raw_pg(url) as conn:
            with conn.transaction(), conn.cursor() as cur:
                with cur.copy(f"COPY ticket ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                    counters = []
                    for rows, day_counters in batches:
                        for row in rows:
                            copy.write_row(row)
                        total += len(rows)
                        counters += day_counters
                cur.executemany(_INSERT_COUNTER.replace("?", "%s"), counters)
            conn.execute("VACUUM ANALYZE")  # what autovacuum does after a bulk load
        return total
    lite = raw_sqlite(url)
    try:
        lite.execute("BEGIN IMMEDIATE")
        for rows, day_counters in batches:
            lite.executemany(_INSERT_TICKET, _sqlite_rows(rows))
            lite.executemany(_INSERT_COUNTER, _sqlite_rows(day_counters))
            total += len(rows)
        lite.execute("COMMIT")
        lite.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        lite.close()
    return total


def load_history(url: str, ids: HallIds, days: int) -> int:
    loaded = _load(url, history(ids, days))
    open_database(url).dispose()  # what a counter PC does every morning when the app starts
    return loaded


def reset_today(url: str, ids: HallIds) -> None:
    """Today's queue back to the same 3,000 waiting tickets; every window open and idle."""
    day = TODAY.isoformat()
    statements = [
        ("DELETE FROM queue_event WHERE hall_id = ?", (ids.hall_id,)),
        ("DELETE FROM ticket WHERE hall_id = ? AND day = ?", (ids.hall_id, day)),
        ("DELETE FROM daily_counter WHERE hall_id = ? AND day = ?", (ids.hall_id, day)),
        (
            (
                "UPDATE counter_window SET state = 'open', pause_reason = NULL, "
                "priority_streak = 0, state_since_ms = ? WHERE hall_id = ?"
            ),
            (anchor_ms(), ids.hall_id),
        ),
    ]
    if is_pg(url):
        with raw_pg(url) as conn:
            with conn.transaction():
                for text, params in statements:
                    conn.execute(text.replace("?", "%s"), params)
            _load(url, iter([today(ids)]))
            conn.execute("VACUUM ANALYZE ticket")
            conn.execute("VACUUM ANALYZE queue_event")
        return
    lite = raw_sqlite(url)
    try:
        lite.execute("BEGIN IMMEDIATE")
        for text, params in statements:
            lite.execute(text, params)
        lite.execute("COMMIT")
    finally:
        lite.close()
    _load(url, iter([today(ids)]))
