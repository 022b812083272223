"""A case noticed twice before its acceptance, end to end against the reference server on both
databases: each visit's decision reaches the server (the second notice is no conflict), and
the server counts the three visits the counter counted."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from central_server.models import Case
from central_server.services.figures import province_figures
from clerk_app.accounts.auth import AuthService
from clerk_app.audit.service import AuditService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import CaseDraft, CaseState
from tests.results.conftest import draft
from tests.sync.conftest import World
from tests.sync.test_after_decision_e2e import _pages


def _bringing(w: World, materials: tuple[str, ...], continuing: str | None = None) -> CaseDraft:
    whole = draft()
    return dataclasses.replace(
        whole,
        records={m: r for m, r in whole.records.items() if m in materials},
        pages=_pages(w.store, materials),
        continuing=continuing,
    )


def test_two_notices_then_the_acceptance_reach_the_server_as_three_visits(
    any_world: World,
) -> None:
    w = any_world
    clerk = AuthService(w.db).authenticate("clerk3", "clerk3-demo")
    intake = IntakeService(
        w.db, CatalogueService(w.db), w.cipher, hall_code="CC01", calendar=shipped_calendar(),
        audit=AuditService(w.db, w.clock), clock=w.clock,
    )  # fmt: skip
    first = intake.decide(_bringing(w, ("M01",)), Decision.ONE_TIME_NOTICE, clerk, window=3)
    assert w.sync().pushed == 1
    w.clock.advance(minutes=24 * 60)
    second = intake.decide(
        _bringing(w, ("M01", "M02", "M03"), continuing=first.case_number),
        Decision.ONE_TIME_NOTICE,
        clerk,
        window=3,
    )
    assert (second.state, second.visit) == (CaseState.NOTICE_ISSUED, 2)
    report = w.sync()
    assert (report.ok, report.pushed, report.failed) == (True, 1, 0), report.error
    assert w.server_cases()[first.case_number] == ("notice_issued", 2)
    w.clock.advance(minutes=24 * 60)
    third = intake.decide(
        _bringing(w, ("M01", "M02", "M03", "M04"), continuing=first.case_number),
        Decision.ACCEPT,
        clerk,
        window=3,
    )
    assert third.visit == 3
    report = w.sync()
    assert (report.ok, report.pushed, report.failed) == (True, 1, 0), report.error
    assert w.outbox() == {"acked": 3}
    assert w.server_cases()[first.case_number] == ("received", 3)
    ctx = w.server.services.ctx
    with ctx.db.read() as session:
        visits = session.scalar(
            select(Case.counter_visits).where(Case.case_no == first.case_number)
        )
    assert visits == 3
    figures = province_figures(ctx, dt.date(2025, 1, 1), dt.date(2028, 12, 31))  # the world's days
    assert (figures.total.visits, figures.total.visit_cases) == (3, 1)
