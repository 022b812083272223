"""Budget: the hall figures for a year of a busy hall (100,000 cases, 400,000 tickets) <= 1 s.

The year is generated in bulk on the demo hall: cases over 365 days across the demo catalogue
(accepted, deferred, one-time notices, refusals), their decisions, the back office's decisions
a few days later, handovers, 400,000 finished tickets and a rating for every fourth one. Timed:
``FiguresService.figures`` for the whole year, per day for the hall and per month for each
department, item and clerk. Floor: one plain ``count(*)`` over each source table.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from bench.common import Row, Samples, budget_row, note
from bench.screens_hall import demo_hall
from clerk_app.bootstrap import open_database
from clerk_app.calendars.live import hall_calendar
from clerk_app.db.catalogue_models import CatalogueItem, CatalogueVersion, CatalogueVersionItem
from clerk_app.db.intake_models import Applicant, CaseDecision, CaseStatusEvent, IntakeCase
from clerk_app.db.models import Hall, Service, Ticket, User, Window
from clerk_app.db.results_models import CaseHandover, ServiceRating
from clerk_app.figures.service import FiguresService
from clerk_app.figures.types import Dimension, Period
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database

ZONE = ZoneInfo("Asia/Shanghai")
FIRST_DAY = dt.date(2025, 11, 24)
DAY_MS = 86_400_000
BATCH = 20_000


def _ms(day: dt.date, minute: int) -> int:
    start = dt.datetime.combine(day, dt.time(9), ZONE) + dt.timedelta(minutes=minute)
    return int(start.timestamp() * 1000)


def _batched(session: Session, model: Any, rows: Iterator[dict[str, Any]]) -> int:
    count, chunk = 0, []
    for row in rows:
        chunk.append(row)
        if len(chunk) == BATCH:
            session.execute(insert(model), chunk)
            count, chunk = count + len(chunk), []
    if chunk:
        session.execute(insert(model), chunk)
    return count + len(chunk)


def _year(session: Session, cases: int, tickets: int) -> None:
    rng = random.Random(7)
    hall_id = session.scalars(select(Hall.id)).one()
    version, items = _catalogue(session)
    clerks = list(session.scalars(select(User.id).where(User.role == "clerk")))
    windows = list(session.scalars(select(Window.id)))
    services = list(session.execute(select(Service.id, Service.prefix)))
    applicants = _batched(session, Applicant, _applicants(hall_id, cases // 5))
    first_applicant = int(session.scalar(select(func.min(Applicant.id))) or 1)
    plan = [_case_plan(rng, n, items, clerks) for n in range(cases)]
    _batched(session, IntakeCase, _cases(plan, hall_id, version, first_applicant, applicants))
    first_case = int(session.scalar(select(func.min(IntakeCase.id))) or 1)
    _batched(session, CaseDecision, _decisions(plan, first_case, version))
    _batched(session, CaseStatusEvent, _events(plan, first_case))
    _batched(session, CaseHandover, _handovers(plan, first_case, version))
    _batched(session, Ticket, _tickets(rng, tickets, hall_id, windows, clerks, services))
    first_ticket = int(session.scalar(select(func.min(Ticket.id))) or 1)
    _batched(session, ServiceRating, _ratings(rng, tickets, first_ticket, hall_id, clerks))


def _catalogue(session: Session) -> tuple[int, list[tuple[str, str]]]:
    version = session.scalars(select(CatalogueVersion.id).where(CatalogueVersion.active)).one()
    items = session.execute(
        select(CatalogueItem.code, CatalogueItem.name_zh)
        .join(CatalogueVersionItem, CatalogueVersionItem.item_id == CatalogueItem.id)
        .where(CatalogueVersionItem.version_id == version)
    ).all()
    return version, [(code, name) for code, name in items]


def _applicants(hall_id: int, count: int) -> Iterator[dict[str, Any]]:
    for n in range(count):
        yield {"hall_id": hall_id, "kind": "person", "name": f"申请人{n}", "id_type": "resident_id",
               "id_enc": "x", "id_hash": f"{n:064x}", "id_masked": "110105********002X",
               "created_ms": 0, "updated_ms": 0}  # fmt: skip


def _case_plan(
    rng: random.Random, n: int, items: list[tuple[str, str]], clerks: list[int]
) -> dict[str, Any]:
    day = FIRST_DAY + dt.timedelta(days=n * 365 // 100_000 % 365)
    roll = rng.random()
    decision = "accept" if roll < 0.7 else "deferral" if roll < 0.8 else "one_time_notice"
    decision = "refuse" if roll > 0.95 else decision
    at = _ms(day, rng.randrange(480))
    decided = at + rng.randrange(1, 15) * DAY_MS if decision in ("accept", "deferral") else None
    return {"n": n, "item": items[n % len(items)], "clerk": rng.choice(clerks), "at": at,
            "decision": decision, "decided": decided, "approved": rng.random() < 0.9,
            "handed": decided is not None and rng.random() < 0.8}  # fmt: skip


def _cases(
    plan: list[dict[str, Any]], hall_id: int, version: int, first_applicant: int, applicants: int
) -> Iterator[dict[str, Any]]:
    state = {"accept": "accepted", "deferral": "accepted_deferred",
             "one_time_notice": "notice_issued", "refuse": "refused"}  # fmt: skip
    for p in plan:
        done = "handed_over" if p["handed"] else "approved" if p["approved"] else "rejected"
        yield {"case_uuid": str(uuid.UUID(int=p["n"] + 1)), "case_number": f"CC01-B-{p['n']:08d}",
               "hall_id": hall_id, "window_number": 1 + p["n"] % 8,
               "applicant_id": first_applicant + p["n"] % applicants,
               "catalogue_version_id": version, "item_code": p["item"][0], "item_version": 1,
               "item_name_zh": p["item"][1], "item_name_en": p["item"][1],
               "state": done if p["decided"] else state[p["decision"]],
               "promised_due": None, "visits": 1, "server_version": 2 if p["decided"] else 0,
               "certificate_number": f"证{p['n']}" if p["decided"] else None,
               "accepted_ms": p["at"] if p["decision"] in ("accept", "deferral") else None,
               "accepted_by": p["clerk"], "decided_ms": p["decided"],
               "created_ms": p["at"], "updated_ms": p["at"]}  # fmt: skip


def _decisions(plan: list[dict[str, Any]], first: int, version: int) -> Iterator[dict[str, Any]]:
    for p in plan:
        yield {"case_id": first + p["n"], "visit": 1, "decision": p["decision"], "at_ms": p["at"],
               "user_id": p["clerk"], "catalogue_version_id": version,
               "item_code": p["item"][0], "checklist": "[]",
               "detail": "{}"}  # fmt: skip


def _events(plan: list[dict[str, Any]], first: int) -> Iterator[dict[str, Any]]:
    for p in plan:
        if p["decided"] is None:
            continue
        for version, status, at in ((1, "received", p["at"]), (2, "approved" if p["approved"]
                                     else "rejected", p["decided"])):  # fmt: skip
            yield {"case_id": first + p["n"], "server_seq": p["n"] * 2 + version,
                   "version": version, "status": status, "at_ms": at, "received_ms": at,
                   "certificate_number": None, "detail": "{}"}  # fmt: skip


def _handovers(plan: list[dict[str, Any]], first: int, version: int) -> Iterator[dict[str, Any]]:
    for p in plan:
        if p["handed"]:
            yield {"case_id": first + p["n"], "certificate_number": f"证{p['n']}",
                   "catalogue_version_id": version, "item_code": p["item"][0],
                   "method": "pickup", "recipient_name": "张三", "recipient_id_masked": None,
                   "on_behalf": False, "user_id": p["clerk"],
                   "handed_ms": p["decided"] + DAY_MS}  # fmt: skip


def _tickets(
    rng: random.Random,
    count: int,
    hall_id: int,
    windows: list[int],
    clerks: list[int],
    services: list[Any],
) -> Iterator[dict[str, Any]]:
    per_day = count // 365 + 1
    for n in range(count):
        day = FIRST_DAY + dt.timedelta(days=n // per_day)
        service_id, prefix = services[n % len(services)]
        seq = n % per_day + 1
        at = _ms(day, n % per_day * 480 // per_day)
        yield {"hall_id": hall_id, "service_id": service_id, "day": day, "prefix": prefix,
               "seq": seq, "number": f"{prefix}{seq:04d}", "priority_class": "normal",
               "state": "done", "window_id": rng.choice(windows), "user_id": rng.choice(clerks),
               "issued_ms": at, "arrival_ms": at, "available_ms": at, "called_ms": at + 600_000,
               "started_ms": at + 600_000, "finished_ms": at + 1_200_000,
               "recall_count": 0}  # fmt: skip


def _ratings(
    rng: random.Random, tickets: int, first: int, hall_id: int, clerks: list[int]
) -> Iterator[dict[str, Any]]:
    device = clerks[0]
    per_day = tickets // 365 + 1
    for n in range(0, tickets, 4):
        day = FIRST_DAY + dt.timedelta(days=n // per_day)
        levels = [rng.choice((5, 5, 5, 4, 4, 3, 2, 1)) for _ in range(4)]
        yield {"rating_uuid": str(uuid.UUID(int=n + 1)), "hall_id": hall_id,
               "window_number": 1 + n % 8, "ticket_id": first + n, "case_number": None,
               "catalogue_version_id": None, "item_code": None,
               "clerk_id": rng.choice(clerks), "device_user_id": device,
               "channel": "window_pad", "level": levels[0], "efficiency": levels[1],
               "competence": levels[2], "attitude": levels[3], "comment": None,
               "rated_ms": _ms(day, 400)}  # fmt: skip


def _time(work: Callable[[], object], runs: int) -> Samples:
    values = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        values.append((time.perf_counter() - started) * 1000)
    return Samples.of(values)


def _floor(db: Database) -> None:
    with db.read() as session:
        for model in (CaseDecision, CaseStatusEvent, CaseHandover, ServiceRating):
            session.scalar(select(func.count()).select_from(model))


def run(db_kind: str, *, cases: int = 100_000, tickets: int = 400_000, runs: int = 5) -> list[Row]:
    with demo_hall(db_kind) as url:
        db = open_database(url)
        try:
            started = time.perf_counter()
            db.run_write(lambda s: _year(s, cases, tickets))
            note(f"{db_kind}: a year of {cases} cases, {tickets} tickets in "
                 f"{time.perf_counter() - started:.0f} s")  # fmt: skip
            clock = FixedClock(dt.datetime(2026, 11, 24, 18, 0, tzinfo=ZONE))
            service = FiguresService(db, hall_code="CC01", calendar=hall_calendar(db), clock=clock)
            last = FIRST_DAY + dt.timedelta(days=364)
            floor = _time(lambda: _floor(db), runs)
            rows = []
            for what, period, dim in (
                ("figures: year per day, hall", Period.DAY, Dimension.HALL),
                ("figures: year per month, dept", Period.MONTH, Dimension.DEPARTMENT),
                ("figures: year per month, item", Period.MONTH, Dimension.ITEM),
                ("figures: year per month, clerk", Period.MONTH, Dimension.CLERK),
            ):
                samples = _time(
                    functools.partial(
                        service.figures, FIRST_DAY, last, period=period, dimension=dim
                    ),
                    runs,
                )
                rows.append(budget_row("F", what, db_kind, samples, floor, q=1.0, limit_ms=1000))
            alerts = _time(service.alerts, runs)
            rows.append(budget_row("F", "deadline alerts", db_kind, alerts, floor, q=1.0,
                                   limit_ms=1000))  # fmt: skip
            return rows
        finally:
            db.dispose()
