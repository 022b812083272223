"""帮办代办 against the real reference server over HTTP: the helper's record, made while the
applicant waited, goes up after the case the clerk accepted; with the server down, slow or
answering nonsense the counter keeps working and the record goes up once, later; the server's
figures count it."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from central_server.models import CaseAssistance
from clerk_app.accounts.auth import AuthService
from clerk_app.assistance.service import AssistanceInput, AssistanceService
from clerk_app.audit.service import AuditService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import AssistanceKind
from clerk_app.queue.service import QueueService
from clerk_app.sync.client import Credentials, Transport
from tests.results.conftest import draft
from tests.sync.conftest import World
from tests.sync.proxy import Rule
from tests.sync.test_after_decision_e2e import _pages

OPS = "/v1/operations"


def _assisted_case(w: World) -> tuple[str, str]:
    """A ticket, a helper's record for it while waiting, the clerk's acceptance."""
    auth = AuthService(w.db)
    clerk = auth.authenticate("clerk3", "clerk3-demo")
    helper = auth.authenticate("helper1", "helper1-demo")
    audit = AuditService(w.db, w.clock)
    queue = QueueService(w.db, clock=w.clock)
    assistance = AssistanceService(w.db, audit, w.clock, w.cipher, rules=queue.rules)
    intake = IntakeService(
        w.db, CatalogueService(w.db), w.cipher, hall_code="CC01",
        calendar=shipped_calendar(), audit=audit, clock=w.clock,
    )  # fmt: skip
    ticket = queue.issue("BIZ").ticket
    start = w.clock.now_ms()
    w.clock.advance(minutes=15)
    record = assistance.record(
        helper,
        AssistanceInput(
            (AssistanceKind.PROXY, AssistanceKind.FORM_FILLING),
            start,
            ticket_number=ticket.number,
            minutes=15,
            authorisation_seen=True,
        ),
    )
    scanned = dataclasses.replace(
        draft(ticket_id=ticket.ticket_id), pages=_pages(w.store, ("M01", "M02", "M03", "M04"))
    )
    case = intake.decide(scanned, Decision.ACCEPT, clerk, window=3)
    return case.case_number, record.assist_uuid


def _server_assistance(w: World) -> list[tuple[str, str, list[str], int | None, object]]:
    with w.server.services.ctx.db.read() as s:
        return [
            (r.id, r.helper, r.kinds, r.minutes, r.authorisation)
            for r in s.scalars(select(CaseAssistance))
        ]


def test_the_assistance_goes_up_after_its_case_and_the_server_counts_it(any_world: World) -> None:
    w = any_world
    number, assist = _assisted_case(w)
    report = w.sync()
    assert report.ok and report.pushed == 2, report.error
    assert number in w.server_cases()
    assert _server_assistance(w) == [
        (assist, "helper1", ["form_filling", "proxy"], 15, {"letter_seen": True})
    ]
    day = "2026-11-24"
    reply = w.server.approver().get(
        "/v1/backoffice/figures/assistance", params={"from": day, "to": day, "hall": "CC01"}
    )
    assert reply.status_code == 200, reply.text
    rows = [(r["helper"], r["kind"], r["cases"], r["minutes"]) for r in reply.json()["rows"]]
    assert rows == [("helper1", "form_filling", 1, 15), ("helper1", "proxy", 1, 15)]
    next_day = w.server.approver().get(
        "/v1/backoffice/figures/assistance", params={"from": "2026-11-25", "to": "2026-11-25"}
    )
    assert next_day.json()["rows"] == []


def test_server_down_slow_or_wrong_the_record_waits_and_goes_up_once(world: World) -> None:
    w = world
    number, assist = _assisted_case(w)  # the counter worked on while the server was unreachable
    w.proxy.add(Rule("status", "POST", OPS, status=503))  # down
    down = w.sync()
    assert down.error_kind == "retryable" and down.pending == 2
    w.proxy.add(Rule("html", "POST", OPS))  # a captive portal's answer
    wrong = w.sync()
    assert not wrong.ok and wrong.pending == 2
    w.proxy.add(Rule("hold", "POST", OPS))  # slower than the client waits

    def impatient(url: str, credentials: Credentials) -> Transport:
        return Transport(url, credentials, timeout=0.5)

    slow = w.engine(transport=impatient).run_cycle(force=True)
    assert slow.error_kind == "retryable" and slow.pending == 2
    back = w.sync()  # the retry overtakes the held attempt
    assert back.ok and back.pushed == 2, back.error
    w.proxy.release()  # the held attempt reaches the server after it, and is answered too
    w.proxy.wait_answered("POST", OPS, 2)
    assert [a[0] for a in _server_assistance(w)] == [assist]  # once, whatever was replayed
    assert number in w.server_cases()
    assert w.outbox() == {"acked": 2}
