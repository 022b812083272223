"""What both call-next benchmarks share: the timed loop, the engine worker, the double-call check.

A window's cycle is call (timed), then start and finish (untimed) so the window is free to call
again; floors do the same three transactions with raw SQL. A cycle runs either back to back
for a fixed count (within a time cap), or paced: every ``period_s`` on a fixed schedule from a
per-window offset.

Afterwards the database is checked: no ticket has two 'call' events (nor was handed to two
workers), every successful call was served (``done``), nothing is left called or serving, and
no call came back empty while thousands of tickets were waiting (a lost call).
"""

from __future__ import annotations

import gc
import os
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event

from bench import data
from bench.common import BenchClock, Row, Samples, Workers, merged, note, query_one
from clerk_app.demo import DEMO_HALL_CODE
from clerk_app.queue.service import QueueService
from onewindow_base.db.engine import Database

# Untimed cycles per window before the start: the steady state of a window's connection (the
# floor's statement is prepared by psycopg on its sixth run and planned generically after five).
WARMUP = 12
# Back to back, every process's first call after the start races all the others for the same
# instant (on SQLite the losers back off in the busy handler for up to a second): a start-up
# artefact of the barrier, not a steady-state figure, so that one call is served but not timed.
RAMP = 1
Cycle = Callable[[], tuple[int | None, float]]  # -> (ticket id or None, call time in ms)


def run_cycles(
    cycle: Cycle,
    go: Callable[[], object],
    *,
    index: int,
    count: int = 0,
    duration_s: float = 0.0,
    period_s: float = 0.0,
    seed: int = 0,
    cap_s: float = 60.0,
) -> dict[str, Any]:
    """Warm up, wait for the start, then run the timed cycles.

    Back to back: ``count`` timed cycles after ``RAMP`` untimed ones, or fewer if ``cap_s`` seconds
    pass first (``capped``).
    Paced: one cycle every ``period_s`` for ``duration_s``.
    """
    ids: list[int] = []
    empty = late = 0
    for _ in range(WARMUP):
        ticket, _ms = cycle()
        if ticket is None:
            empty += 1
        else:
            ids.append(ticket)
    gc.collect()
    go()
    latencies: list[float] = []
    cycles: list[float] = []  # the whole call, start, finish: where the waiting went too
    ramp: list[float] = []  # the untimed first calls after the start (see RAMP)
    capped = False
    start = time.perf_counter()
    offset = random.Random(seed * 1000 + index).random() * period_s
    k = 0
    while True:
        if period_s:
            due = start + offset + k * period_s
            if due - start >= duration_s:
                break
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            elif delay < -period_s:
                late += 1  # the previous cycle overran a whole period
        elif k >= count + RAMP:
            break
        elif time.perf_counter() - start >= cap_s:
            capped = True
            break
        began = time.perf_counter()
        ticket, ms = cycle()
        whole = (time.perf_counter() - began) * 1000
        k += 1
        if ticket is None:
            empty += 1
            continue
        ids.append(ticket)
        if period_s or k > RAMP:
            latencies.append(ms)
            cycles.append(whole)
        else:
            ramp.append(ms)
    return {
        "lat": latencies,
        "cycle": cycles,
        "ramp": ramp,
        "ids": ids,
        "empty": empty,
        "late": late,
        "capped": capped,
    }


# ---------------------------------------------------------------------------- windows in threads
def in_threads(
    go: Callable[[], object],
    windows: list[Any],
    work: Callable[[Any, Callable[[], object]], dict[str, Any]],
) -> dict[str, Any]:
    """Run ``work(window, go)`` for each of this process's windows, each in its own thread (a
    window is a clerk app of its own); their timed work starts together at the phase's start."""
    if len(windows) == 1:
        return work(windows[0], go)
    ready = threading.Barrier(len(windows) + 1)
    start = threading.Event()
    results: list[dict[str, Any]] = [{} for _ in windows]
    errors: list[BaseException] = []

    def wait() -> None:
        ready.wait()
        start.wait()

    def run(i: int, window: Any) -> None:
        try:
            results[i] = work(window, wait)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the process's main thread
            errors.append(exc)
            ready.abort()

    threads = [threading.Thread(target=run, args=(i, w)) for i, w in enumerate(windows)]
    for thread in threads:
        thread.start()
    try:
        ready.wait()
        go()
    finally:
        start.set()
        for thread in threads:
            thread.join()
    if errors:
        raise errors[0]
    merged_result: dict[str, Any] = {}
    for result in results:
        for key, value in result.items():
            if isinstance(value, list):
                merged_result.setdefault(key, []).extend(value)
            elif isinstance(value, bool):
                merged_result[key] = merged_result.get(key, False) or value
            elif isinstance(value, int):
                merged_result[key] = merged_result.get(key, 0) + value
            else:
                merged_result.setdefault(key, value)
    return merged_result


# ---------------------------------------------------------------------------- the engine
def count_statements(queue: QueueService, window: int) -> tuple[int, int | None]:
    """SQL statements the engine sends for one call_next through SQLAlchemy (besides BEGIN and
    COMMIT: SQLite's ``BEGIN IMMEDIATE`` goes straight to the driver, see ``onewindow_base.db``).

    Returns the count and the id of the ticket that call served.
    """
    seen: list[str] = []

    def on_execute(*args: Any) -> None:
        seen.append(args[2])

    event.listen(queue.db.engine, "before_cursor_execute", on_execute)
    try:
        view = queue.call_next(window)
    finally:
        event.remove(queue.db.engine, "before_cursor_execute", on_execute)
    if view is None:
        return len(seen), None
    queue.start(window)
    queue.finish(window)
    return len(seen), view.ticket_id


def engine_calls(
    index: int,
    go: Callable[[], object],
    *,
    url: str,
    anchor_ms: int,
    origin_ns: int,
    windows: list[list[int]],
    **loop: Any,
) -> dict[str, Any]:
    """This process's windows of the hall, each driven through its own QueueService exactly as
    a clerk app does."""

    def window_calls(window: int, go: Callable[[], object]) -> dict[str, Any]:
        queue = QueueService(Database(url), DEMO_HALL_CODE, BenchClock(anchor_ms, origin_ns))

        def cycle() -> tuple[int | None, float]:
            t0 = time.perf_counter()
            view = queue.call_next(window)
            ms = (time.perf_counter() - t0) * 1000
            if view is None:
                return None, ms
            queue.start(window)
            queue.finish(window)
            return view.ticket_id, ms

        served: list[int | None] = []
        statements = None
        if window == 1:  # one window also counts the statements of a warm call
            served.append(cycle()[0])
            statements, ticket = count_statements(queue, window)
            served.append(ticket)
        try:
            result = run_cycles(cycle, go, index=window, **loop)
        finally:
            queue.db.engine.dispose()  # no idle connections left open while the floors run
        result["ids"] += [ticket for ticket in served if ticket is not None]
        result["empty"] += served.count(None)
        if statements is not None:
            result["statements"] = statements
        return result

    return in_threads(go, windows[index], window_calls)


# ---------------------------------------------------------------------------- checking
@dataclass(frozen=True)
class CallCheck:
    calls: int  # successful calls the workers saw (warm-up included)
    duplicates: int  # ticket ids handed to two calls, by the workers' own account
    multi_called: int  # tickets with more than one 'call' event (engine runs)
    call_events: int | None
    served: int  # today's tickets done
    active: int  # tickets still called or serving
    empty: int  # calls that found no ticket although thousands were waiting

    @property
    def double_calls(self) -> int:
        return self.duplicates + self.multi_called

    @property
    def ok(self) -> bool:
        events_ok = self.call_events is None or self.call_events == self.calls
        return (
            self.double_calls == 0
            and events_ok
            and self.served == self.calls
            and self.active == 0
            and self.empty == 0
        )

    def text(self) -> str:
        events = self.call_events
        served = "=done" if self.served == self.calls else f", {self.served} done"
        return (
            f"{self.double_calls} dbl, {self.calls} calls{served}"
            + (f", {events} events" if events is not None and events != self.calls else "")
            + (f", {self.empty} got none" if self.empty else "")
            + (f", {self.active} active" if self.active else "")
        )


def check_calls(
    url: str, hall_id: int, day: str, results: list[dict[str, Any]], *, events: bool
) -> CallCheck:
    ids = merged(results, "ids")
    multi = query_one(
        url,
        "SELECT count(*) FROM (SELECT ticket_id FROM queue_event WHERE kind = 'call' "
        "GROUP BY ticket_id HAVING count(*) > 1) AS t",
    )
    return CallCheck(
        calls=len(ids),
        duplicates=len(ids) - len(set(ids)),
        multi_called=int(multi),
        call_events=(
            int(query_one(url, "SELECT count(*) FROM queue_event WHERE kind = 'call'"))
            if events
            else None
        ),
        served=int(
            query_one(
                url,
                "SELECT count(*) FROM ticket WHERE hall_id = ? AND day = ? AND state = 'done'",
                (hall_id, day),
            )
        ),
        active=int(
            query_one(url, "SELECT count(*) FROM ticket WHERE state IN ('called', 'serving')")
        ),
        empty=sum(r["empty"] for r in results),
    )


def check_row(budget: str, what: str, db: str, check: CallCheck) -> Row:
    return Row(budget, what, db, None, None, check.text(), "0 dbl, 0 none, calls=done", check.ok)


def phase_note(
    db: str,
    label: str,
    samples: Samples,
    elapsed: float,
    check: CallCheck,
    results: list[dict[str, Any]],
    load: str,
) -> None:
    late = sum(r["late"] for r in results)
    capped = sum(r["capped"] for r in results)
    note(
        f"{db} {label}: {samples.n} timed calls in {elapsed:.1f} s, p50 {samples.p(0.5):.1f} "
        f"p99 {samples.p(0.99):.1f} max {samples.p(1.0):.1f} ms; {check.text()}"
        + (f"; {late} late cycles" if late else "")
        + (f"; {capped} processes stopped at the time cap" if capped else "")
        + f"; machine load {load}"
    )


@dataclass(frozen=True)
class Phase:
    target: str  # "module:function" run in every worker
    kwargs: dict[str, Any]


@dataclass(frozen=True)
class Measured:
    samples: Samples
    check: CallCheck
    statements: int | None  # per engine call_next, counted by worker 0
    cycles: Samples  # the whole call, start, finish of each timed call
    ramp: list[float]  # the untimed first call of each process after the start
    elapsed_s: float  # the phase's wall time

    @property
    def rate(self) -> float:
        """Timed calls per second over the phase."""
        return self.samples.n / self.elapsed_s if self.elapsed_s > 0 else 0.0


def run_phases(
    db: str, workers: Workers, url: str, ids: data.HallIds, phases: dict[str, Phase]
) -> dict[str, Measured]:
    """Each phase on today's queue reloaded afresh, in the same processes, in order."""
    measured = {}
    for label, phase in phases.items():
        data.reset_today(url, ids)
        load_before = os.getloadavg()[0]
        results, elapsed = workers.run(phase.target, url=url, **phase.kwargs)
        samples = Samples.of(merged(results, "lat"))
        engine = phase.target == "bench.calls:engine_calls"
        check = check_calls(url, ids.hall_id, data.TODAY.isoformat(), results, events=engine)
        load = f"{load_before:.1f}->{os.getloadavg()[0]:.1f}"
        phase_note(db, label, samples, elapsed, check, results, load)
        cycles = Samples.of(merged(results, "cycle"))
        ramp = merged(results, "ramp")
        statements = next((r["statements"] for r in results if "statements" in r), None)
        measured[label] = Measured(samples, check, statements, cycles, sorted(ramp), elapsed)
    return measured


def floor_statements(named: str, positional: str, *, skip_locked: bool) -> tuple[str, str, str]:
    """The raw-SQL floor's call, start and finish, in a driver's parameter style.

    ``named`` formats a parameter name (``"%({})s"`` or ``":{}"``), ``positional`` is the
    positional marker (``"%s"`` or ``"?"``). The call is the textbook one: the engine's own
    filter and order over the window's whole queue, sorted. The engine picks the same ticket
    (``tests/test_queue_selection.py``) from the heads of its service lines, read from an index.
    """
    w, now, hall, day = (named.format(n) for n in ("w", "now", "hall", "day"))
    lock = " FOR UPDATE OF t SKIP LOCKED" if skip_locked else ""
    call = f"""
UPDATE ticket SET state = 'called', window_id = {w}, called_ms = {now},
    first_called_ms = COALESCE(first_called_ms, {now}), target_window_id = NULL,
    recall_count = 0
WHERE state IN ('waiting', 'parked') AND id = (
    SELECT t.id FROM ticket t
    LEFT JOIN window_service ws ON ws.service_id = t.service_id AND ws.window_id = {w}
    WHERE t.hall_id = {hall} AND t.day = {day} AND t.state IN ('waiting', 'parked')
      AND t.available_ms <= {now}
      AND (t.target_window_id = {w} OR (t.target_window_id IS NULL AND ws.window_id IS NOT NULL))
    ORDER BY CASE WHEN t.target_window_id = {w} THEN 0 ELSE 1 END,
             CASE WHEN t.priority_class <> 'normal' THEN 0 ELSE 1 END,
             (COALESCE(ws.weight, 1) + 1) * ({now} - t.arrival_ms) DESC, t.id
    LIMIT 1{lock})
RETURNING id
"""
    p = positional
    start = (
        f"UPDATE ticket SET state = 'serving', started_ms = {p} WHERE id = {p} AND state = 'called'"
    )
    finish = (
        f"UPDATE ticket SET state = 'done', finished_ms = {p} WHERE id = {p} AND state = 'serving'"
    )
    return call, start, finish
