"""Budgets 1 and 2: call-next on PostgreSQL, 30 windows in 30 processes.

1. Hall load: every window calls every 0.5 s for a fixed time; p99 <= 20 ms, no double call.
2. Saturation: every window calls back to back a fixed number of times; no double call and
   p99 <= 2x the floor's p99.

The floor is the textbook statement, ``UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED
LIMIT 1) RETURNING``, with the engine's own filter and ordering over the window's whole queue
(see ``floor_statements``), on the raw driver in autocommit;
then two single-row updates (start, finish) as the engine's start and finish. It runs first, in
the same 30 processes, on the same data.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from bench import data
from bench.calls import Phase, check_row, floor_statements, run_cycles, run_phases
from bench.common import (
    BenchClock,
    Row,
    Workers,
    budget_row,
    note,
    ratio_row,
    raw_pg,
)

PROCESSES = 30
PERIOD_S = 0.5

CALL, START, FINISH = floor_statements("%({})s", "%s", skip_locked=True)


def floor_calls(
    index: int,
    go: Callable[[], object],
    *,
    url: str,
    anchor_ms: int,
    origin_ns: int,
    hall_id: int,
    window_ids: list[int],
    **loop: Any,
) -> dict[str, Any]:
    conn = raw_pg(url)  # one connection per process at a time: the engine's pool is closed now
    clock = BenchClock(anchor_ms, origin_ns)
    window_id = window_ids[index]
    day = data.TODAY.isoformat()

    def cycle() -> tuple[int | None, float]:
        t0 = time.perf_counter()
        params = {"w": window_id, "now": clock.now_ms(), "hall": hall_id, "day": day}
        row = conn.execute(CALL, params).fetchone()
        ms = (time.perf_counter() - t0) * 1000
        if row is None:
            return None, ms
        conn.execute(START, (clock.now_ms(), row[0]))
        conn.execute(FINISH, (clock.now_ms(), row[0]))
        return int(row[0]), ms

    try:
        return run_cycles(cycle, go, index=index, **loop)
    finally:
        conn.close()


def run(
    url: str, ids: data.HallIds, origin_ns: int, *, count: int, cap_s: float, duration_s: float
) -> list[Row]:
    clock = {"anchor_ms": data.anchor_ms(), "origin_ns": origin_ns}
    floor = {"hall_id": ids.hall_id, "window_ids": list(ids.windows[:PROCESSES]), **clock}
    engine = {"windows": list(range(1, PROCESSES + 1)), **clock}
    saturation = {"count": count, "cap_s": cap_s}
    paced = {"duration_s": duration_s, "period_s": PERIOD_S, "seed": 1}
    phases = {  # each floor first; all on the same data in the same 30 processes
        "floor, saturation": Phase("bench.callnext_pg:floor_calls", floor | saturation),
        "engine, saturation": Phase("bench.calls:engine_calls", engine | saturation),
        "floor, hall load": Phase("bench.callnext_pg:floor_calls", floor | paced),
        "engine, hall load": Phase("bench.calls:engine_calls", engine | paced),
    }
    workers = Workers(PROCESSES)
    try:
        m = run_phases("pg", workers, url, ids, phases)
    finally:
        workers.close()
    note(
        f"pg engine call_next sends {m['engine, saturation'].statements} SQL statements "
        "in autocommit, prepared on the server; the floor sends 1"
    )
    sat, sat_floor = m["engine, saturation"], m["floor, saturation"]
    load, load_floor = m["engine, hall load"], m["floor, hall load"]
    return [
        budget_row(
            "1",
            "call-next, hall load 30x2/s",
            "pg",
            load.samples,
            load_floor.samples,
            q=0.99,
            limit_ms=20,
        ),
        check_row("1", "double/lost calls, hall load", "pg", load.check),
        check_row("1", "double/lost calls, load floor", "pg", load_floor.check),
        ratio_row(
            "2",
            "call-next, saturation 30 procs",
            "pg",
            sat.samples,
            sat_floor.samples,
            q=0.99,
            factor=2,
        ),
        check_row("2", "double/lost calls, saturation", "pg", sat.check),
        check_row("2", "double/lost calls, sat. floor", "pg", sat_floor.check),
    ]
