"""Budgets 1 and 2: call-next on PostgreSQL, the benchmark hall's windows in 30 processes.

1. Hall load: 60 windows (two per process, each in its own thread with its own connection
   pool, as each is a clerk app), each calling every 20 s on a fixed schedule from its own
   offset, 3,000 waiting; p99 <= 20 ms, no double call.
2. Saturation: 30 windows, one per process, calling back to back; >= 1,000 calls a second
   over the phase, and no double call (each call then starts and finishes its ticket, so the
   window can call again).

The floor is the textbook statement, ``UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED
LIMIT 1) RETURNING``, with the engine's own filter and ordering over the window's whole queue
(see ``floor_statements``), on the raw driver in autocommit; then two single-row updates
(start, finish) as the engine's start and finish. It runs first, in the same processes, on
the same data.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from bench import data
from bench.calls import Phase, check_row, floor_statements, in_threads, run_cycles, run_phases
from bench.common import BenchClock, Row, Workers, budget_row, note, raw_pg

PROCESSES = 30
LOAD_WINDOWS = 60
CALLS_PER_S = 1000

CALL, START, FINISH = floor_statements("%({})s", "%s", skip_locked=True)


def floor_calls(
    index: int,
    go: Callable[[], object],
    *,
    url: str,
    anchor_ms: int,
    origin_ns: int,
    hall_id: int,
    window_ids: list[list[int]],
    **loop: Any,
) -> dict[str, Any]:
    def window_calls(window_id: int, go: Callable[[], object]) -> dict[str, Any]:
        conn = raw_pg(url)
        clock = BenchClock(anchor_ms, origin_ns)
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
            return run_cycles(cycle, go, index=window_id, **loop)
        finally:
            conn.close()

    return in_threads(go, window_ids[index], window_calls)


def _spread(items: list[int], parts: int) -> list[list[int]]:
    return [items[i::parts] for i in range(parts)]


def run(
    url: str,
    ids: data.HallIds,
    origin_ns: int,
    *,
    count: int,
    cap_s: float,
    duration_s: float,
    period_s: float,
) -> list[Row]:
    clock = {"anchor_ms": data.anchor_ms(), "origin_ns": origin_ns}
    hall = {"hall_id": ids.hall_id}
    saturation = {"count": count, "cap_s": cap_s}
    paced = {"duration_s": duration_s, "period_s": period_s, "seed": 1}
    sat_numbers = _spread(list(range(1, PROCESSES + 1)), PROCESSES)
    load_numbers = _spread(list(range(1, LOAD_WINDOWS + 1)), PROCESSES)
    sat_ids = _spread(list(ids.windows[:PROCESSES]), PROCESSES)
    load_ids = _spread(list(ids.windows[:LOAD_WINDOWS]), PROCESSES)
    floor, engine = "bench.callnext_pg:floor_calls", "bench.calls:engine_calls"
    phases = {  # each floor first; all on the same data in the same 30 processes
        "floor, saturation": Phase(floor, clock | hall | saturation | {"window_ids": sat_ids}),
        "engine, saturation": Phase(engine, clock | saturation | {"windows": sat_numbers}),
        "floor, hall load": Phase(floor, clock | hall | paced | {"window_ids": load_ids}),
        "engine, hall load": Phase(engine, clock | paced | {"windows": load_numbers}),
    }
    workers = Workers(PROCESSES)
    try:
        m = run_phases("pg", workers, url, ids, phases)
    finally:
        workers.close()
    sat, sat_floor = m["engine, saturation"], m["floor, saturation"]
    load, load_floor = m["engine, hall load"], m["floor, hall load"]
    note(
        f"pg engine call_next sends {sat.statements} SQL statements (besides BEGIN and COMMIT"
        f"); the floor sends 1. Saturation: engine {sat.rate:.0f} calls/s, "
        f"floor {sat_floor.rate:.0f} calls/s"
    )
    return [
        budget_row(
            "1",
            f"call-next, hall load {LOAD_WINDOWS}x1/{period_s:g}s",
            "pg",
            load.samples,
            load_floor.samples,
            q=0.99,
            limit_ms=20,
        ),
        check_row("1", "double/lost calls, hall load", "pg", load.check),
        check_row("1", "double/lost calls, load floor", "pg", load_floor.check),
        Row(
            "2",
            f"call-next, {PROCESSES} windows back to back",
            "pg",
            sat.samples,
            sat_floor.samples,
            f"{sat.rate:.0f} calls/s (floor {sat_floor.rate:.0f})",
            f">= {CALLS_PER_S} calls/s",
            sat.rate >= CALLS_PER_S,
        ),
        check_row("2", "double/lost calls, saturation", "pg", sat.check),
        check_row("2", "double/lost calls, sat. floor", "pg", sat_floor.check),
    ]
