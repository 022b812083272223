"""Shared pieces: percentiles, the result table, the hall clock, worker processes, databases."""

from __future__ import annotations

import contextlib
import importlib
import math
import multiprocessing as mp
import os
import sqlite3
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from clerk_app.demo import DEMO_HALL_CODE
from clerk_app.queue.service import QueueService
from onewindow_base.db.engine import Database

PG_ADMIN_DSN = os.environ.get("ONEWINDOW_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
SQLITE_BUSY_TIMEOUT_S = 15.0  # the engine's busy timeout, used by the raw floors too
PHASE_TIMEOUT_S = 300.0


# ---------------------------------------------------------------------------- figures
def percentile(values: list[float], q: float) -> float:
    """Nearest rank: the value at or below which a fraction q of the samples fall."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q * len(ordered))) - 1]


@dataclass(frozen=True)
class Samples:
    """Latencies in milliseconds."""

    values: tuple[float, ...]

    @classmethod
    def of(cls, values: list[float]) -> Samples:
        return cls(tuple(values))

    @property
    def n(self) -> int:
        return len(self.values)

    def p(self, q: float) -> float:
        return percentile(list(self.values), q)


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure, its floor, the budget and whether it is met."""

    budget: str  # "1", "2"… the budget number from the issue
    what: str
    db: str
    samples: Samples | None
    floor: Samples | None
    figure: str  # the figure the budget is judged on, as text
    limit: str
    ok: bool


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.1f}"


def print_table(rows: list[Row]) -> None:
    head = (
        f"{'#':<2} {'figure':<32} {'db':<6} {'n':>5} {'p50':>6} {'p95':>6} {'p99':>6} | "
        f"{'floor p50':>9} {'p99':>6} | {'judged on':<36} {'budget':<26} result"
    )
    print(head)
    print("-" * len(head))
    for row in rows:
        s, f = row.samples, row.floor
        print(
            f"{row.budget:<2} {row.what:<32} {row.db:<6} "
            f"{s.n if s else '':>5} {_ms(s.p(0.5)) if s else '':>6} "
            f"{_ms(s.p(0.95)) if s else '':>6} {_ms(s.p(0.99)) if s else '':>6} | "
            f"{_ms(f.p(0.5)) if f else '':>9} {_ms(f.p(0.99)) if f else '':>6} | "
            f"{row.figure:<36} {row.limit:<26} {'PASS' if row.ok else 'FAIL'}"
        )
    print("(times in ms; percentiles by nearest rank)")


def budget_row(
    budget: str,
    what: str,
    db: str,
    samples: Samples,
    floor: Samples | None,
    *,
    q: float,
    limit_ms: float,
) -> Row:
    value = samples.p(q)
    return Row(
        budget,
        what,
        db,
        samples,
        floor,
        f"p{round(q * 100)} {value:.1f} ms",
        f"<= {limit_ms:g} ms",
        value <= limit_ms,
    )


def ratio_row(
    budget: str, what: str, db: str, samples: Samples, floor: Samples, *, q: float, factor: float
) -> Row:
    value, base = samples.p(q), floor.p(q)
    ratio = value / base if base > 0 else math.inf
    return Row(
        budget,
        what,
        db,
        samples,
        floor,
        f"p{round(q * 100)} {ratio:.1f}x floor",
        f"<= {factor:g}x floor p{round(q * 100)}",
        ratio <= factor,
    )


def note(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------------------- the hall clock
class BenchClock:
    """A fixed instant in the hall's day plus the real time since ``origin_ns``.

    Every process builds one from the same two numbers, so all of them agree on "now" and the
    benchmark day never crosses midnight whatever the wall clock says.
    """

    def __init__(self, anchor_ms: int, origin_ns: int) -> None:
        self._anchor_ms = anchor_ms
        self._origin_ns = origin_ns

    def now_ms(self) -> int:
        return self._anchor_ms + (time.time_ns() - self._origin_ns) // 1_000_000


# ---------------------------------------------------------------------------- databases
def pg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def sqlite_path(url: str) -> str:
    return str(make_url(url).database)


def is_pg(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def raw_sqlite(url: str) -> sqlite3.Connection:
    """The raw driver configured as the engine configures it (WAL, synchronous=FULL)."""
    conn = sqlite3.connect(sqlite_path(url), timeout=SQLITE_BUSY_TIMEOUT_S, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def raw_pg(url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(pg_dsn(url), autocommit=True)


def pg_unavailable() -> str | None:
    try:
        with psycopg.connect(PG_ADMIN_DSN, connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0]


def create_pg_database() -> str:
    name = f"ow_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    base = psycopg.conninfo.conninfo_to_dict(PG_ADMIN_DSN)
    host, port = base.get("host", "127.0.0.1"), base.get("port", 5432)
    return f"postgresql+psycopg://{base['user']}@{host}:{port}/{name}"


def drop_pg_database(url: str) -> None:
    name = str(make_url(url).database)
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def query_one(url: str, text: str, params: tuple[Any, ...] = ()) -> Any:
    if is_pg(url):
        with raw_pg(url) as conn:
            row = conn.execute(text.replace("?", "%s"), params).fetchone()
    else:
        lite = raw_sqlite(url)
        try:
            row = lite.execute(text, params).fetchone()
        finally:
            lite.close()
    return None if row is None else row[0]


# ---------------------------------------------------------------------------- worker processes
_cache: dict[object, Any] = {}


def cached(key: object, make: Callable[[], Any]) -> Any:
    """Per-process objects kept between phases (a QueueService)."""
    if key not in _cache:
        _cache[key] = make()
    return _cache[key]


def queue_service(url: str, anchor_ms: int, origin_ns: int) -> QueueService:
    """This process's QueueService with its own Database, as each clerk app has."""

    def make() -> QueueService:
        return QueueService(Database(url), DEMO_HALL_CODE, BenchClock(anchor_ms, origin_ns))

    queue: QueueService = cached(("queue", url), make)
    return queue


def _serve(
    index: int, tasks: Any, barrier: threading.Barrier, results: Any
) -> None:  # runs in a spawned process
    while True:
        task = tasks.recv()
        if task is None:
            return
        target, kwargs = task
        module, name = target.split(":")
        try:
            func = getattr(importlib.import_module(module), name)
            results.put((index, func(index, lambda: barrier.wait(PHASE_TIMEOUT_S), **kwargs)))
        except BaseException:  # noqa: BLE001 - reported to the parent, which fails the row
            barrier.abort()
            results.put((index, {"error": traceback.format_exc()}))


class Workers:
    """Processes that live across phases (so a floor and its figure run in the same ones).

    A phase function ``f(index, go, **kwargs) -> dict`` gets ready (connects, warms up), calls
    ``go()`` — a barrier the parent also waits on — and only then starts its timed work.
    """

    def __init__(self, count: int) -> None:
        ctx = mp.get_context("spawn")
        self.count = count
        self._barrier = ctx.Barrier(count + 1)
        self._results = ctx.Queue()
        self._pipes = []
        self._procs = []
        for index in range(count):
            parent_end, child_end = ctx.Pipe()
            proc = ctx.Process(
                target=_serve, args=(index, child_end, self._barrier, self._results), daemon=True
            )
            proc.start()
            self._pipes.append(parent_end)
            self._procs.append(proc)

    def run(self, target: str, **kwargs: Any) -> tuple[list[dict[str, Any]], float]:
        """Run a phase in every process; returns their results (by index) and the wall time."""
        for pipe in self._pipes:
            pipe.send((target, kwargs))
        # A worker that fails before the start breaks the barrier; its traceback is in results.
        with contextlib.suppress(threading.BrokenBarrierError):
            self._barrier.wait(PHASE_TIMEOUT_S)
        started = time.perf_counter()
        results: list[dict[str, Any]] = [{}] * self.count
        for _ in range(self.count):
            index, result = self._results.get(timeout=PHASE_TIMEOUT_S)
            results[index] = result
        elapsed = time.perf_counter() - started
        errors = [r["error"] for r in results if "error" in r]
        if errors:
            self._barrier.reset()  # usable again for the next phase
            raise RuntimeError(f"{len(errors)} worker(s) failed in {target}:\n{errors[0]}")
        return results, elapsed

    def close(self) -> None:
        for pipe in self._pipes:
            pipe.send(None)
        for proc in self._procs:
            proc.join(10)
            if proc.is_alive():
                proc.terminate()


def merged(results: list[dict[str, Any]], key: str) -> list[Any]:
    return [value for result in results for value in result[key]]
