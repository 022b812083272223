"""``python -m bench``: build the benchmark hall on SQLite and PostgreSQL, run every budget.

Prints one table (each figure beside its floor, PASS or FAIL per row) and exits 1 when a budget
is missed or a benchmark could not run. ``--quick`` runs a small smoke version (figures are not
meaningful); ``--only sqlite`` or ``--only pg`` runs one database, ``--only printing`` the
document and ticket-printer budgets (no database), ``--only signing`` signing a receipt PDF,
``--only figures`` the hall figures for a year of a busy hall on both databases, ``--only
province-figures`` the province's figures for a year of 200 halls on PostgreSQL, ``--only idcard``
a card read to a filled form (the reader simulated at 115,200 baud), ``--only applicant``
the signing page on the applicant's screen, ``--only dist`` the installable bundle,
``--only province`` 2,000 counters syncing with a central server of two workers on PostgreSQL
(load, scaling, a 10-minute soak, a worker killed; ``bench/province.py``).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bench import (
    applicant,
    callnext_pg,
    callnext_sqlite,
    catalogue,
    dashboard,
    data,
    display,
    dist,
    figures,
    idcard,
    issue,
    printing,
    province,
    province_figures,
    scans,
    signing,
    status,
    sync,
)
from bench.common import (
    BenchClock,
    Row,
    Workers,
    create_pg_database,
    drop_pg_database,
    note,
    pg_unavailable,
    print_table,
)


@dataclass(frozen=True)
class Scale:
    history_days: int
    pg_calls: int  # per window, back to back
    pg_load_s: float  # hall load, each of floor and engine
    pg_period_s: float  # hall load: each window calls this often
    sqlite_s: float  # one PC, each of floor and engine
    sqlite_period_s: float  # one PC: each window calls and the kiosk issues this often
    issues: int
    status_runs: int
    search_rounds: int  # the catalogue's typed queries, each round every keystroke
    cap_s: float  # a back-to-back phase or the issue run stops here whatever its count


FULL = Scale(
    250,
    pg_calls=80,  # 30 windows x (80 + warm-up) stay within the 3,000 waiting
    pg_load_s=60,
    pg_period_s=20,
    sqlite_s=30,
    sqlite_period_s=0.25,
    issues=200,
    status_runs=100,
    search_rounds=20,
    cap_s=30,
)
QUICK = Scale(
    10,
    pg_calls=5,
    pg_load_s=4,
    pg_period_s=2,
    sqlite_s=3,
    sqlite_period_s=0.25,
    issues=30,
    status_runs=10,
    search_rounds=2,
    cap_s=10,
)


def _guarded(budget: str, db: str, work: Callable[[], list[Row]]) -> list[Row]:
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - a benchmark that cannot run is a failed row
        traceback.print_exc()
        error = f"error: {type(exc).__name__}"
        return [Row(budget, "could not run (see above)", db, None, None, error, "runs", ok=False)]


def _bench_database(url: str, db: str, scale: Scale, origin_ns: int) -> list[Row]:
    started = time.perf_counter()
    ids = data.create_hall(url, BenchClock(data.anchor_ms(), origin_ns))
    loaded = data.load_history(url, ids, scale.history_days)
    note(f"{db}: hall ready, {loaded} tickets of history in {time.perf_counter() - started:.1f} s")
    if db == "pg":
        pg_calls = partial(
            callnext_pg.run,
            url,
            ids,
            origin_ns,
            count=scale.pg_calls,
            cap_s=scale.cap_s,
            duration_s=scale.pg_load_s,
            period_s=scale.pg_period_s,
        )
        rows = _guarded("1-2", db, pg_calls)
    else:
        sqlite_calls = partial(
            callnext_sqlite.run,
            url,
            ids,
            origin_ns,
            duration_s=scale.sqlite_s,
            period_s=scale.sqlite_period_s,
        )
        rows = _guarded("3", db, sqlite_calls)
    solo = Workers(1)  # one kiosk, one screen
    try:
        issuing = partial(
            issue.run, solo, url, ids, origin_ns, db, count=scale.issues, cap_s=scale.cap_s
        )
        rows += _guarded("4", db, issuing)
        rows += _guarded(
            "5", db, partial(status.run, solo, url, origin_ns, db, count=scale.status_runs)
        )
    finally:
        solo.close()
    return rows


def _sqlite(scale: Scale, origin_ns: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="ow-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'hall.sqlite3'}"
        return _bench_database(url, "sqlite", scale, origin_ns)


def _pg(scale: Scale, origin_ns: int) -> list[Row]:
    reason = pg_unavailable()
    if reason is not None:
        note(f"PostgreSQL unreachable: {reason}")
        return [
            Row("1-5", "PostgreSQL benchmarks", "pg", None, None, "unreachable", "runs", ok=False)
        ]
    url = create_pg_database()
    try:
        return _bench_database(url, "pg", scale, origin_ns)
    finally:
        drop_pg_database(url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small smoke run")
    parser.add_argument(
        "--only",
        choices=(
            "sqlite",
            "pg",
            "printing",
            "signing",
            "scans",
            "figures",
            "province-figures",
            "dist",
            "sync",
            "idcard",
            "applicant",
            "province",
        ),
        help="one part only",
    )
    args = parser.parse_args(argv)
    scale = QUICK if args.quick else FULL
    started = time.perf_counter()
    origin_ns = time.time_ns()
    rows: list[Row] = []
    if args.only in (None, "printing"):  # no database needed
        rows += _guarded("P", "-", partial(printing.run, quick=args.quick))
    if args.only in (None, "signing"):  # no database needed
        rows += _guarded("G", "-", partial(signing.run, quick=args.quick))
    if args.only in (None, "pg"):
        rows += _pg(scale, origin_ns)
    if args.only in (None, "sqlite"):
        rows += _sqlite(scale, origin_ns)
        rows += _guarded("8", "sqlite", partial(catalogue.run, scale.search_rounds))
    for db in ("pg", "sqlite"):  # the hall screens, each on a fresh demo hall
        if args.only in (None, db):
            calls, refreshes = (10, 10) if args.quick else (60, 60)
            rows += _guarded("6", db, partial(display.run, db, count=calls))
            rows += _guarded("7", db, partial(dashboard.run, db, runs=refreshes))
    if args.only in (None, "figures"):  # a year of a busy hall, on each database
        size = {"cases": 5_000, "tickets": 20_000} if args.quick else {}
        for db in ("sqlite", "pg"):
            rows += _guarded("F", db, partial(figures.run, db, **size))
    if args.only in (None, "province-figures"):  # a year of 200 halls on the central server
        if pg_unavailable() is None:
            size = {"cases": 20_000, "runs": 2} if args.quick else {}
            rows += _guarded("V", "pg", partial(province_figures.run, **size))
        else:
            rows.append(Row("V", "province's figures", "pg", None, None, "unreachable", "runs",
                            ok=False))  # fmt: skip
    if args.only in (None, "scans"):
        rows += _guarded("9", "qt", partial(scans.run, runs=5 if args.quick else 20))
    if args.only in (None, "idcard"):  # the reader simulated at 115,200 baud
        rows += _guarded("R", "sqlite", partial(idcard.run, runs=10))
    if args.only in (None, "applicant"):  # a receipt from the real counter flow, offscreen
        rows += _guarded("A", "-", partial(applicant.run, runs=10 if args.quick else 30))
    if args.only in (None, "dist"):  # the PyInstaller bundle and the .deb (build cached)
        rows += _guarded("D", "-", partial(dist.run, quick=args.quick))
    if args.only in (None, "sync"):
        rows += _guarded("S", "sqlite", partial(sync.run, quick=args.quick))
    if args.only in (None, "province"):  # a province's counters against the central server
        rows += _guarded("L", "pg", partial(province.run, quick=args.quick))
    print()
    print_table(sorted(rows, key=lambda row: row.budget))
    failed = sum(not row.ok for row in rows)
    print(
        f"\n{len(rows) - failed} passed, {failed} failed; "
        f"total {time.perf_counter() - started:.0f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
