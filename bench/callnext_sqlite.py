"""Budget 3: SQLite on one PC, a kiosk and three windows, p99 <= 20 ms.

Three window processes call (then start and finish the ticket) every ``period_s`` on a fixed
schedule from their own offsets, and a kiosk process issues a ticket every ``period_s`` — far
more than a hall with three windows ever sees. The figure is every call-next and every issue
together. The floor uses the raw ``sqlite3`` module configured as the engine configures it
(WAL, synchronous=FULL, the same busy timeout): ``BEGIN IMMEDIATE``, one conditional ``UPDATE …
WHERE id = (SELECT …) AND state IN (…) RETURNING id`` with the engine's filter and ordering over
the window's whole queue (see ``floor_statements``), ``COMMIT``, then start and finish; the
kiosk's floor is a raw single-row ``INSERT``. Floor first, then the engine, in the same four
processes on the same data.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from bench import data
from bench.calls import Phase, check_row, floor_statements, run_cycles, run_phases
from bench.common import BenchClock, Row, Workers, budget_row, note, raw_sqlite
from bench.issue import FLOOR_PREFIX, INSERT

WINDOWS = 3  # and one kiosk
CALL, START, FINISH = floor_statements(":{}", "?", skip_locked=False)


def _timed(work: Callable[[], object], n: int) -> tuple[int | None, float]:
    """One timed issue, returned as a cycle that served (``n``), so that it is counted."""
    t0 = time.perf_counter()
    work()
    return n, (time.perf_counter() - t0) * 1000


def one_pc(
    index: int,
    go: Callable[[], object],
    *,
    url: str,
    anchor_ms: int,
    origin_ns: int,
    floor: bool,
    hall_id: int,
    service_id: int,
    window_ids: list[int],
    codes: list[str],
    **loop: Any,
) -> dict[str, Any]:
    """Process ``index`` < 3 is a window, the last one the kiosk; ``floor`` runs raw SQL."""
    clock = BenchClock(anchor_ms, origin_ns)
    if not floor:
        from bench.calls import engine_calls  # noqa: PLC0415 - a window is the engine's own

        if index < WINDOWS:
            return engine_calls(
                index,
                go,
                url=url,
                anchor_ms=anchor_ms,
                origin_ns=origin_ns,
                windows=[[n] for n in range(1, WINDOWS + 1)],
                **loop,
            )
        from bench.common import queue_service  # noqa: PLC0415

        queue = queue_service(url, anchor_ms, origin_ns)
        issued = iter(range(10**9))

        def issue() -> tuple[int | None, float]:
            n = next(issued)
            return _timed(lambda: queue.issue(codes[n % len(codes)]), n)

        return _kiosk(run_cycles(issue, go, index=index, **loop))
    conn = raw_sqlite(url)
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

    try:
        if index < WINDOWS:
            window_id = window_ids[index]

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

            return run_cycles(cycle, go, index=index, **loop)
        seqs = iter(range(1, 10**9))

        def insert() -> tuple[int | None, float]:
            seq, now = next(seqs), clock.now_ms()
            args = (hall_id, service_id, day, FLOOR_PREFIX, seq, f"Z{seq:03d}")
            return _timed(lambda: write(INSERT, (*args, now, now, now)), seq)

        result = _kiosk(run_cycles(insert, go, index=index, **loop))
        conn.execute("DELETE FROM ticket WHERE prefix = ?", (FLOOR_PREFIX,))
        return result
    finally:
        conn.close()


def _kiosk(result: dict[str, Any]) -> dict[str, Any]:
    """The kiosk's issues are timed like calls but call nothing: not counted as calls."""
    return result | {"ids": [], "empty": 0}


def run(
    url: str, ids: data.HallIds, origin_ns: int, *, duration_s: float, period_s: float
) -> list[Row]:
    common = {
        "anchor_ms": data.anchor_ms(),
        "origin_ns": origin_ns,
        "duration_s": duration_s,
        "period_s": period_s,
        "seed": 3,
        "hall_id": ids.hall_id,
        "service_id": ids.services[0][1],
        "window_ids": list(ids.windows[:WINDOWS]),
        "codes": [code for code, *_ in ids.services],
    }
    phases = {  # the floor first; both on the same data in the same 4 processes
        "floor": Phase("bench.callnext_sqlite:one_pc", common | {"floor": True}),
        "engine": Phase("bench.callnext_sqlite:one_pc", common | {"floor": False}),
    }
    workers = Workers(WINDOWS + 1)
    try:
        m = run_phases("sqlite", workers, url, ids, phases)
    finally:
        workers.close()
    engine, floor = m["engine"], m["floor"]
    note(
        f"sqlite engine call_next sends {engine.statements} SQL statements besides BEGIN "
        "IMMEDIATE and COMMIT (both the driver's); the floor sends 1 besides those"
    )
    return [
        budget_row(
            "3",
            f"one PC: {WINDOWS} windows + kiosk, 1/{period_s:g}s",
            "sqlite",
            engine.samples,
            floor.samples,
            q=0.99,
            limit_ms=20,
        ),
        check_row("3", "double/lost calls", "sqlite", engine.check),
        check_row("3", "double/lost calls, floor", "sqlite", floor.check),
    ]
