"""Budget 3: call-next on SQLite, the demo hall's 8 windows in 8 processes, back to back.

p99 <= 50 ms and <= 5x the floor's p99. The floor uses the raw ``sqlite3`` module configured as
the engine configures it (WAL, synchronous=FULL, the same busy timeout): ``BEGIN IMMEDIATE``, one
conditional ``UPDATE … WHERE id = (SELECT …) AND state IN (…) RETURNING id`` with the engine's
filter and ordering over the window's whole queue (see ``floor_statements``), ``COMMIT``; then
start and finish as two more write transactions, as the engine's cycle does. Floor first, then
the engine, in the same 8 processes on the same data.
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
    raw_sqlite,
)

PROCESSES = 8

CALL, START, FINISH = floor_statements(":{}", "?", skip_locked=False)


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
    conn = raw_sqlite(url)
    clock = BenchClock(anchor_ms, origin_ns)
    window_id = window_ids[index]
    day = data.TODAY.isoformat()

    def write(text: str, params: Any) -> Any:
        conn.execute("BEGIN IMMEDIATE")
        try:
            rows = conn.execute(text, params).fetchall()  # RETURNING: step it to the end
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return rows[0] if rows else None

    def cycle() -> tuple[int | None, float]:
        t0 = time.perf_counter()
        params = {"w": window_id, "now": clock.now_ms(), "hall": hall_id, "day": day}
        row = write(CALL, params)
        ms = (time.perf_counter() - t0) * 1000
        if row is None:
            return None, ms
        write(START, (clock.now_ms(), row[0]))
        write(FINISH, (clock.now_ms(), row[0]))
        return int(row[0]), ms

    try:
        return run_cycles(cycle, go, index=index, **loop)
    finally:
        conn.close()


def run(url: str, ids: data.HallIds, origin_ns: int, *, count: int, cap_s: float) -> list[Row]:
    common = {"anchor_ms": data.anchor_ms(), "origin_ns": origin_ns, "count": count, "cap_s": cap_s}
    floor = {"hall_id": ids.hall_id, "window_ids": list(ids.windows[:PROCESSES])}
    phases = {  # the floor first; both on the same data in the same 8 processes
        "floor": Phase("bench.callnext_sqlite:floor_calls", common | floor),
        "engine": Phase("bench.calls:engine_calls", common | {"windows": list(range(1, 9))}),
    }
    workers = Workers(PROCESSES)
    try:
        m = run_phases("sqlite", workers, url, ids, phases)
    finally:
        workers.close()
    note(
        f"sqlite engine call_next sends {m['engine'].statements} SQL statements "
        "(BEGIN IMMEDIATE included); the floor sends 3"
    )
    engine, floor = m["engine"], m["floor"]
    note(
        "sqlite whole timed cycles (call, start, finish) p50/p99: "
        f"engine {engine.cycles.p(0.5):.1f}/{engine.cycles.p(0.99):.1f} ms, "
        f"floor {floor.cycles.p(0.5):.1f}/{floor.cycles.p(0.99):.1f} ms; each process's first, "
        "untimed call after the start (ms, sorted): engine "
        + " ".join(f"{x:.0f}" for x in engine.ramp)
        + ", floor "
        + " ".join(f"{x:.0f}" for x in floor.ramp)
    )
    return [
        budget_row(
            "3",
            "call-next, 8 procs back to back",
            "sqlite",
            engine.samples,
            floor.samples,
            q=0.99,
            limit_ms=50,
        ),
        ratio_row(
            "3",
            "call-next vs raw floor",
            "sqlite",
            engine.samples,
            floor.samples,
            q=0.99,
            factor=5,
        ),
        check_row("3", "double/lost calls", "sqlite", engine.check),
        check_row("3", "double/lost calls, floor", "sqlite", floor.check),
    ]
