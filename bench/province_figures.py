"""Budget: the province's figures for a year of 200 halls (about 2,000,000 cases) <= 2 s, on
PostgreSQL (the province's database).

The year is generated in bulk on the server's own schema, with INSERT … SELECT over
``generate_series`` (PostgreSQL makes the rows itself; sending two million from Python would
take minutes): 200 halls, a catalogue of 60 items in 12 departments published twice (the second
release, in May, puts more items in once-mode and online), the cases of 365 days (accepted,
deferred, notices, refusals; most accepted ones decided by the back office 1-14 days later,
most of those handed over, at the window or by mail), and a rating for every fourth case. Then
``VACUUM ANALYZE``, as autovacuum would have done on a live server. Timed: the real
``province_figures`` for the whole year, per month by hall, department and item, and per day
by department. Floor: one plain ``count(*)`` over the cases and over the ratings.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from bench.common import (
    Row,
    Samples,
    budget_row,
    create_pg_database,
    drop_pg_database,
    note,
    raw_pg,
)
from central_server.composition import create_services
from central_server.models import (
    Case,
    CatalogueItem,
    CatalogueRelease,
    CatalogueReleaseItem,
    Device,
    Hall,
    Rating,
)
from central_server.services.figures import province_figures
from central_server.settings import ServerSettings
from onewindow_base.clock import FixedClock
from onewindow_protocol.wire.figures import Per
from onewindow_protocol.wire.ratings import GroupBy

ZONE = ZoneInfo("Asia/Shanghai")
FIRST_DAY = dt.date(2025, 12, 1)
LAST_DAY = dt.date(2026, 11, 30)
DAY_MS = 86_400_000
HALLS = 200
ITEMS = 60
DEPARTMENTS = 12


def _ms(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(), ZONE).timestamp() * 1000)


def _item(n: int, second: bool) -> dict[str, object]:
    """Item n of release 1 or 2: every third on the spot; release 2 lowers visits, adds online."""
    once = n % 3 != 0 or (second and n % 2 == 0)
    online = n % 2 == 0 or (second and n % 5 == 0)
    return {"code": f"BENCH{n:04d}", "version": 2 if second else 1, "name_zh": f"事项{n}",
            "department_zh": f"部门{n % DEPARTMENTS}",
            "handling": "on_the_spot" if n % 3 == 0 else "promised",
            "visits": 1 if once else 2,
            "channels": ["window", "online"] if online else ["window"]}  # fmt: skip


def _catalogue(session: Session) -> None:
    for release, (published, second) in enumerate(
        ((_ms(FIRST_DAY) - DAY_MS, False), (_ms(dt.date(2026, 5, 1)), True)), start=1
    ):
        bodies = [_item(n, second) for n in range(ITEMS)]
        session.execute(
            insert(CatalogueItem),
            [{"code": b["code"], "version": b["version"], "body": json.dumps(b, ensure_ascii=False),
              "sha256": "0" * 64, "published_ms": published} for b in bodies],
        )  # fmt: skip
        session.execute(
            insert(CatalogueRelease),
            [{"release": release, "label": f"2026.{release}", "header": {}, "sha256": "0" * 64,
              "published_ms": published}],
        )  # fmt: skip
        session.execute(
            insert(CatalogueReleaseItem),
            [{"release": release, "position": i, "code": b["code"], "version": b["version"]}
             for i, b in enumerate(bodies)],
        )  # fmt: skip


# Pseudo-random but repeatable per row: r(n, salt) in 0..999.
_R = "((n::bigint * {a} + {b}) % 1000)"
CASES_SQL = f"""
INSERT INTO central_case (id, case_no, hall_code, window_code, device_id, clerk, item_code,
    item_version, applicant, materials, counter_decision, decision_detail, taken_at_ms,
    received_ms, status, version, deferred_outstanding, updated_ms, counter_visits, department,
    handling, decided_ms, handover_method)
SELECT md5(n::text)::uuid::text, 'B' || n, 'H' || lpad((n % {HALLS})::text, 3, '0'), 'W01',
    'dev' || (n % {HALLS}), 'clerk1', 'BENCH' || lpad((n % {ITEMS})::text, 4, '0'), v,
    '{{}}', '[]', decision, '{{}}', taken, taken, status, 1, false, taken,
    CASE WHEN n % 7 = 0 THEN 2 ELSE 1 END, '部门' || ((n % {ITEMS}) % {DEPARTMENTS}),
    CASE WHEN (n % {ITEMS}) % 3 = 0 THEN 'on_the_spot' ELSE 'promised' END,
    decided, CASE WHEN decided IS NULL OR r3 >= 800 THEN NULL
                  WHEN r3 < 500 THEN 'pickup' ELSE 'mail' END
FROM (
    SELECT n, taken, r3, decision,
        CASE WHEN taken >= :second THEN 2 ELSE 1 END AS v,
        CASE WHEN decision IN ('accept', 'defer') AND r2 < 900
             THEN taken + (1 + n % 14) * {DAY_MS}::bigint END AS decided,
        CASE decision WHEN 'notice' THEN 'notice_issued' WHEN 'refuse' THEN 'refused'
             ELSE 'received' END AS status
    FROM (
        SELECT n, :start + (n / {HALLS} % 365) * {DAY_MS}::bigint + 32400000
                  + ({_R.format(a=7919, b=13)} % 480) * 60000 AS taken,
            {_R.format(a=104729, b=7)} AS r2, {_R.format(a=1299709, b=3)} AS r3,
            CASE WHEN {_R.format(a=15485863, b=1)} < 700 THEN 'accept'
                 WHEN {_R.format(a=15485863, b=1)} < 800 THEN 'defer'
                 WHEN {_R.format(a=15485863, b=1)} < 950 THEN 'notice'
                 ELSE 'refuse' END AS decision
        FROM generate_series(1, :cases) AS n
    ) AS plan
) AS cases
"""
RATINGS_SQL = f"""
INSERT INTO rating (id, hall_code, window_code, clerk, channel, level, indicators, rated_at_ms,
    received_ms, worst, item_code, department)
SELECT md5('r' || n)::uuid::text, 'H' || lpad((n % {HALLS})::text, 3, '0'), 'W01', 'clerk1',
    'window_pad', level, '{{}}', at, at, level, 'BENCH' || lpad((n % {ITEMS})::text, 4, '0'),
    '部门' || ((n % {ITEMS}) % {DEPARTMENTS})
FROM (
    SELECT n, :start + (n / {HALLS} % 365) * {DAY_MS}::bigint + 36000000 AS at,
        (ARRAY[5, 5, 5, 4, 4, 3, 2, 1])[1 + n % 8] AS level
    FROM generate_series(1, :ratings) AS n
) AS r
"""


def _year(url: str, cases: int) -> None:
    settings = ServerSettings(db_url=url, data_dir=Path(tempfile.mkdtemp(prefix="ow-province-")))
    svc = create_services(settings, FixedClock(dt.datetime(2026, 12, 7, 9, 0, tzinfo=ZONE)))
    try:
        with svc.ctx.db.write() as session:
            session.execute(insert(Hall), [{"code": f"H{h:03d}", "created_ms": 0}
                                            for h in range(HALLS)])  # fmt: skip
            session.execute(
                insert(Device),
                [{"id": f"dev{h}", "hall_code": f"H{h:03d}", "name": "bench", "window_code": "W01",
                  "refresh_hash": f"{h:064x}", "enrolled_ms": 0, "last_seq": 0}
                 for h in range(HALLS)],
            )  # fmt: skip
            _catalogue(session)
            params = {"start": _ms(FIRST_DAY), "second": _ms(dt.date(2026, 5, 1))}
            session.execute(text(CASES_SQL), params | {"cases": cases})
            session.execute(text(RATINGS_SQL), params | {"ratings": cases // 4})
    finally:
        svc.ctx.db.dispose()
    with raw_pg(url) as conn:
        conn.execute("VACUUM ANALYZE")


def _time(work: Callable[[], object], runs: int) -> Samples:
    values = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        values.append((time.perf_counter() - started) * 1000)
    return Samples.of(values)


def run(*, cases: int = 2_000_000, runs: int = 5) -> list[Row]:
    url = create_pg_database()
    data = Path(tempfile.mkdtemp(prefix="ow-province-"))
    try:
        started = time.perf_counter()
        _year(url, cases)
        note(f"pg: a year of {HALLS} halls, {cases} cases, {cases // 4} ratings in "
             f"{time.perf_counter() - started:.0f} s")  # fmt: skip
        clock = FixedClock(dt.datetime(2026, 12, 7, 9, 0, tzinfo=ZONE))
        svc = create_services(ServerSettings(db_url=url, data_dir=data), clock)
        try:
            ctx = svc.ctx

            def floor() -> None:
                with ctx.db.read() as session:
                    session.scalar(select(func.count()).select_from(Case))
                    session.scalar(select(func.count()).select_from(Rating))

            floor_samples = _time(floor, runs)
            rows = []
            for what, by, per in (
                ("province: year per month, hall", GroupBy.HALL, Per.MONTH),
                ("province: year per month, dept", GroupBy.DEPARTMENT, Per.MONTH),
                ("province: year per month, item", GroupBy.ITEM, Per.MONTH),
                ("province: year per day, dept", GroupBy.DEPARTMENT, Per.DAY),
            ):
                samples = _time(
                    functools.partial(province_figures, ctx, FIRST_DAY, LAST_DAY, by, per), runs
                )
                rows.append(
                    budget_row("V", what, "pg", samples, floor_samples, q=1.0, limit_ms=2000)
                )
            return rows
        finally:
            svc.ctx.db.dispose()
    finally:
        drop_pg_database(url)
