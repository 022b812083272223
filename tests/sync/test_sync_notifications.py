"""Text-message notifications between the real reference server (over HTTP, through the fault
proxy) and a counter on the same kind of database: a kiosk opt-in gets one "your turn is near"
when its people ahead fall to the service's N, a case opted in at intake gets "your result is
ready" when the back office approves it, the statuses come back for the clerk; with the server
down, its reply lost, slow or answering garbage nothing is lost, a message goes out once when
the server is back, and a turn-near message whose ticket was called meanwhile is dropped,
never sent late."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from central_server.models import Message, Operation
from central_server.services import notifications as server_notifications
from central_server.services.message_receipts import apply_reports
from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.notify_models import NotifyOptIn
from clerk_app.queue.service import QueueService
from clerk_app.sync.client import Credentials, Transport
from clerk_app.sync.engine import CycleReport
from clerk_app.sync.notifications import (
    Notifications,
    NotifyRules,
    OptInState,
    PhoneInvalidError,
)
from onewindow_protocol.wire.notifications import DeliveryReports
from tests.sync.conftest import World
from tests.sync.proxy import Rule

PHONE = "13912345678"
RULES = NotifyRules(ahead=3, per_service={"PERMIT": 0})


def _notifications(w: World) -> Notifications:
    return Notifications(w.db, w.cipher, w.clock, RULES)


def _sync(w: World, **kw: object) -> CycleReport:
    return w.sync(notify_rules=RULES, **kw)


def _status(state: OptInState | None) -> str:
    assert state is not None
    return state.status


def _queue(w: World) -> QueueService:
    queue = QueueService(w.db, clock=w.clock)
    queue.open_window(1)
    return queue


def _server_ops(w: World, kind: str) -> int:
    with w.server.services.ctx.db.read() as s:
        count = s.scalar(select(func.count()).select_from(Operation).where(Operation.kind == kind))
        return int(count or 0)


def _texts(w: World) -> list[str]:
    """What the server sent (its dispatcher sends in the background: waited for first)."""
    w.server.settle()
    return [m.text for m in server_notifications.recorded(w.server.services.ctx)]


def test_turn_near_sent_once_when_the_people_ahead_fall_to_n(any_world: World) -> None:
    w = any_world
    queue = _queue(w)
    tickets = [queue.issue("BIZ") for _ in range(5)]
    mine = tickets[-1].ticket
    notify = _notifications(w)
    with pytest.raises(PhoneInvalidError):
        notify.opt_in_ticket(mine.ticket_id, "12345678901")
    notify.opt_in_ticket(mine.ticket_id, "+86 139-1234-5678")
    with w.db.read() as s:
        stored = s.scalars(select(NotifyOptIn.phone_enc)).one()
    assert PHONE not in stored and w.cipher.decrypt(stored, context="notify.phone") == PHONE
    assert notify.ticket_state(tickets[0].ticket.ticket_id) is None  # 未订阅

    report = _sync(w)
    assert report.ok, report.error
    assert _texts(w) == [] and _status(notify.ticket_state(mine.ticket_id)) == "opted_in"
    queue.call_next(1)  # four ahead → three
    assert _sync(w).pushed == 1
    assert _texts(w) == [
        f"【示范市政务服务中心】您的排队号{mine.number}前面还有3人，请到大厅等候叫号。"
    ]
    assert _sync(w).pushed == 0  # the next cycle reads the status back
    assert _status(notify.ticket_state(mine.ticket_id)) == "sent"
    queue.start(1)
    queue.finish(1)
    queue.call_next(1)  # three → two: nothing more
    assert _sync(w).pushed == 0
    assert len(_texts(w)) == 1 and _server_ops(w, "notify.turn_near") == 1


def test_a_service_with_n_zero_sends_nothing(world: World) -> None:
    w = world
    ticket = _queue(w).issue("PERMIT").ticket  # nobody ahead, but PERMIT's N is 0
    _notifications(w).opt_in_ticket(ticket.ticket_id, PHONE)
    assert _sync(w).ok
    assert _texts(w) == [] and _server_ops(w, "notify.turn_near") == 0


def test_result_ready_for_a_case_opted_in_at_intake(any_world: World) -> None:
    w = any_world
    opted, silent = w.cases(2)
    uuid_of = dict(
        w.db.run_read(
            lambda s: s.execute(select(IntakeCase.case_number, IntakeCase.case_uuid)).all()
        )
    )
    notify = _notifications(w)
    notify.opt_in_case(uuid_of[opted], "139 1234 5678")
    notify.opt_in_case(uuid_of[opted], PHONE)  # consent is recorded once
    assert _sync(w).ok
    assert _status(notify.case_state(uuid_of[opted])) == "opted_in"
    assert notify.case_state(uuid_of[silent]) is None
    for case_no in (opted, silent):
        assert w.approve(case_no).status_code == 200
    [text] = _texts(w)
    assert opted in text and "已办结" in text
    assert _sync(w).ok
    assert _status(notify.case_state(uuid_of[opted])) == "sent"
    assert _server_ops(w, "notify.case_opt_in") == 1

    # The platform's delivery report reaches the clerk with the next cycle.
    ctx = w.server.services.ctx
    with ctx.db.read() as s:
        message_id = s.scalars(select(Message.id).where(Message.case_no == opted)).one()
    undelivered = {"request_id": message_id, "status": "failed", "code": "UNDELIV"}
    batch = DeliveryReports.model_validate(
        {"reports": [{**undelivered, "reported_at": "2026-11-24T10:00:00+08:00"}]}
    )
    assert apply_reports(ctx, batch).results[0].result == "applied"
    assert _sync(w).ok
    assert _status(notify.case_state(uuid_of[opted])) == "failed"


def test_server_down_the_message_waits_and_goes_once_when_back(any_world: World) -> None:
    w = any_world
    queue = _queue(w)
    ticket = queue.issue("BIZ").ticket  # nobody ahead: due at once
    _notifications(w).opt_in_ticket(ticket.ticket_id, PHONE)
    w.proxy.add(Rule("status", "GET", "/v1/hello", status=503, times=2))
    for _ in range(2):
        down = _sync(w)
        assert down.error_kind == "retryable" and down.pending == 1
    assert _texts(w) == []
    assert _status(_notifications(w).ticket_state(ticket.ticket_id)) == "queued"

    w.proxy.add(Rule("drop_after_request", "POST", "/v1/operations"))  # applied, never heard
    lost = _sync(w)
    assert lost.error_kind == "retryable" and lost.pending == 1
    assert len(_texts(w)) == 1  # the server sent it; the counter does not know yet

    w.proxy.add(Rule("hold", "POST", "/v1/notifications/status"))  # slow after the push

    def impatient(url: str, credentials: Credentials) -> Transport:
        return Transport(url, credentials, timeout=0.5)

    slow = w.engine(transport=impatient, notify_rules=RULES).run_cycle(force=True)
    w.proxy.release()
    assert slow.error_kind == "retryable" and slow.pushed == 1  # the resend: a duplicate
    assert _status(_notifications(w).ticket_state(ticket.ticket_id)) == "queued"  # not known yet
    w.proxy.add(Rule("html", "POST", "/v1/notifications/status"))  # a captive portal's page
    assert _sync(w).error_kind == "retryable"
    report = _sync(w)
    assert report.ok and report.pushed == 0
    assert _status(_notifications(w).ticket_state(ticket.ticket_id)) == "sent"
    assert len(_texts(w)) == 1 and _server_ops(w, "notify.turn_near") == 1


def test_a_ticket_called_while_the_server_was_down_is_not_texted_late(any_world: World) -> None:
    w = any_world
    queue = _queue(w)
    ticket = queue.issue("BIZ").ticket
    notify = _notifications(w)
    notify.opt_in_ticket(ticket.ticket_id, PHONE)
    w.proxy.add(Rule("status", "GET", "/v1/hello", status=503))
    assert _sync(w).pending == 1  # queued in the outbox, the server down
    queue.call_next(1)  # the holder is at the window already
    report = _sync(w)
    assert report.ok and report.pending == 0 and report.pushed == 0
    assert _status(notify.ticket_state(ticket.ticket_id)) == "dropped"
    assert _texts(w) == [] and _server_ops(w, "notify.turn_near") == 0
    with w.server.services.ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Message)) == 0
