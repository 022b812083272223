"""Budget 4: issuing a ticket, p99 <= 10 ms, on both databases.

One kiosk process issues tickets one after another through QueueService.issue (service mix as
in the hall, one in ten a priority ticket) on the hall with its year of history and today's
queue. Floor: a raw single-row ``INSERT`` into ``ticket`` in its own transaction, on the raw
driver, in the same process (its rows are deleted afterwards).
"""

from __future__ import annotations

import gc
import os
import random
import time
from collections.abc import Callable
from typing import Any

from bench import data
from bench.common import (
    BenchClock,
    Row,
    Samples,
    Workers,
    budget_row,
    is_pg,
    note,
    queue_service,
    raw_pg,
    raw_sqlite,
)
from clerk_app.queue.types import PriorityClass

WARMUP = 5
FLOOR_PREFIX = "Z"  # no service uses it; the floor's rows never enter the queue
INSERT = (
    "INSERT INTO ticket (hall_id, service_id, day, prefix, seq, number, priority_class, state, "
    "issued_ms, arrival_ms, available_ms, recall_count) "
    "VALUES (?, ?, ?, ?, ?, ?, 'normal', 'cancelled', ?, ?, ?, 0)"
)


def engine_issue(
    _index: int,
    go: Callable[[], object],
    *,
    url: str,
    anchor_ms: int,
    origin_ns: int,
    codes: list[str],
    count: int,
    cap_s: float,
) -> dict[str, Any]:
    queue = queue_service(url, anchor_ms, origin_ns)

    def issue(n: int) -> float:
        priority = PriorityClass.PRIORITY if n % 10 == 9 else PriorityClass.NORMAL
        t0 = time.perf_counter()
        queue.issue(codes[n % len(codes)], priority)
        return (time.perf_counter() - t0) * 1000

    for n in range(WARMUP):
        issue(n)
    gc.collect()
    go()
    latencies: list[float] = []
    deadline = time.perf_counter() + cap_s
    while len(latencies) < count and time.perf_counter() < deadline:
        latencies.append(issue(len(latencies)))
    return {"lat": latencies, "capped": len(latencies) < count}


def floor_issue(
    _index: int,
    go: Callable[[], object],
    *,
    url: str,
    anchor_ms: int,
    origin_ns: int,
    hall_id: int,
    service_id: int,
    count: int,
) -> dict[str, Any]:
    clock = BenchClock(anchor_ms, origin_ns)
    day = data.TODAY.isoformat()
    pg = is_pg(url)
    conn: Any = raw_pg(url) if pg else raw_sqlite(url)
    text = INSERT.replace("?", "%s") if pg else INSERT

    def insert(seq: int) -> float:
        t0 = time.perf_counter()
        now = clock.now_ms()
        params = (hall_id, service_id, day, FLOOR_PREFIX, seq, f"Z{seq:03d}", now, now, now)
        if pg:
            conn.execute(text, params)  # autocommit: one statement, one transaction
        else:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(text, params)
            conn.execute("COMMIT")
        return (time.perf_counter() - t0) * 1000

    try:
        for seq in range(1, WARMUP + 1):
            insert(seq)
        gc.collect()
        go()
        latencies = [insert(seq) for seq in range(WARMUP + 1, WARMUP + count + 1)]
        conn.execute(
            "DELETE FROM ticket WHERE prefix = %s" if pg else "DELETE FROM ticket WHERE prefix = ?",
            (FLOOR_PREFIX,),
        )
    finally:
        conn.close()
    return {"lat": latencies}


def run(
    workers: Workers,
    url: str,
    ids: data.HallIds,
    origin_ns: int,
    db: str,
    *,
    count: int,
    cap_s: float,
) -> list[Row]:
    common = {"url": url, "anchor_ms": data.anchor_ms(), "origin_ns": origin_ns, "count": count}
    floor_results, _ = workers.run(
        "bench.issue:floor_issue", hall_id=ids.hall_id, service_id=ids.services[0][1], **common
    )
    codes = [code for code, *_ in ids.services for _ in range(data.SERVICE_MIX[code])]
    random.Random(data.SEED).shuffle(codes)
    results, elapsed = workers.run("bench.issue:engine_issue", codes=codes, cap_s=cap_s, **common)
    floor, samples = Samples.of(floor_results[0]["lat"]), Samples.of(results[0]["lat"])
    note(
        f"{db} issue: {samples.n} tickets in {elapsed:.1f} s, p50 {samples.p(0.5):.1f} "
        f"p99 {samples.p(0.99):.1f} ms; floor p50 {floor.p(0.5):.1f} p99 {floor.p(0.99):.1f} ms"
        + (f" (stopped at the {cap_s:g} s cap)" if results[0]["capped"] else "")
        + f"; machine load {os.getloadavg()[0]:.1f}"
    )
    return [budget_row("4", "issue ticket", db, samples, floor, q=0.99, limit_ms=10)]
