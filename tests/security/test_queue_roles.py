"""Cancelling a ticket is queue supervision: a clerk is refused by every path (the queue service,
the supervisor's desk, ``clerk-app --user clerk1 queue cancel``), the refusal audited and the
ticket as it was; a supervisor's or an administrator's cancel goes through, as a queue event
and an audit record. Both databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from clerk_app.accounts.authz import PermissionDenied
from clerk_app.audit.service import AuditService
from clerk_app.cli.main import main
from clerk_app.db.models import QueueEvent, Ticket
from clerk_app.queue import TicketState
from clerk_app.queue.service import QueueService
from clerk_app.queue.supervision import Supervisor, SupervisorDesk
from clerk_app.queue.types import QueueRefused, RefusalCode
from tests.security.halls import Hall


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))


def _cli(
    hall: Hall,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    user: str | None,
    *args: str,
) -> tuple[int, str, str]:
    signed_in: list[str] = []
    if user is not None:
        monkeypatch.setenv("ONEWINDOW_PASSWORD", f"{user}-demo")
        signed_in = ["--user", user]
    code = main(["--db", hall.db.url, *signed_in, *args])
    out, err = capsys.readouterr()
    return code, out, err


def _issue(hall: Hall, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    """A ticket of today (the command line's clock), issued as a kiosk does."""
    code, out, err = _cli(hall, capsys, monkeypatch, None, "queue", "issue", "BIZ", "--json")
    assert code == 0, err
    number: str = json.loads(out)["number"]
    return number


def _ticket_state(hall: Hall, number: str) -> str:
    return hall.db.run_read(
        lambda s: s.scalars(select(Ticket.state).where(Ticket.number == number)).one()
    )


def _denials(hall: Hall) -> list[tuple[int | None, str, str | None, dict[str, object]]]:
    return [
        (e.actor_id, e.outcome, e.target, json.loads(e.detail))
        for e in AuditService(hall.db).entries(0, 2**62)
        if e.action == "auth.access_denied"
    ]


def _cancels(hall: Hall) -> list[tuple[str, str | None, dict[str, object]]]:
    return [
        (e.actor, e.target, json.loads(e.detail))
        for e in AuditService(hall.db).entries(0, 2**62)
        if e.action == "queue.supervision"
    ]


def test_the_queue_service_refuses_a_clerks_cancel(hall: Hall) -> None:
    queue = QueueService(hall.db, "CC01", clock=hall.clock)
    number = queue.issue("BIZ").ticket.number
    clerk = hall.user("clerk1")
    before = hall.state()
    with pytest.raises(PermissionDenied) as refused:
        queue.cancel(number, by=clerk)
    assert refused.value.role == "clerk"
    assert hall.state() == before  # the ticket, its events, everything but the audit trail
    ((actor, outcome, target, detail),) = _denials(hall)
    assert (actor, outcome, target) == (clerk.user_id, "denied", "supervise the queue")
    assert detail == {"role": "clerk", "separated": False, "operation": "QueueService.cancel"}
    assert _cancels(hall) == []
    assert AuditService(hall.db).verify().intact


def test_the_supervisor_desk_built_for_a_clerk_cannot_cancel(hall: Hall) -> None:
    queue = QueueService(hall.db, "CC01", clock=hall.clock)
    number = queue.issue("BIZ").ticket.number
    clerk = hall.user("clerk1")
    desk = SupervisorDesk(queue, Supervisor(clerk.user_id, clerk.display_name))
    before = hall.state()
    with pytest.raises(QueueRefused) as refused:
        desk.cancel_ticket(number)
    assert refused.value.code is RefusalCode.NOT_PERMITTED
    assert hall.state() == before
    assert [(d[0], d[3]["operation"]) for d in _denials(hall)] == [
        (clerk.user_id, "SupervisorDesk.cancel_ticket")
    ]


def test_a_clerk_signed_in_on_the_command_line_cannot_cancel(
    hall: Hall,
    cli_env: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number = _issue(hall, capsys, monkeypatch)
    clerk = hall.user("clerk1")
    before = hall.state()
    code, out, err = _cli(hall, capsys, monkeypatch, "clerk1", "queue", "cancel", number)
    assert code == 1 and out == ""
    assert err.strip() == (
        "clerk-app: not permitted: a clerk may not supervise the queue; nothing was changed"
    )
    assert "Traceback" not in err
    assert _ticket_state(hall, number) == TicketState.WAITING.value
    assert hall.state() == before
    assert [(d[0], d[1], d[3]["operation"]) for d in _denials(hall)] == [
        (clerk.user_id, "denied", "QueueService.cancel")
    ]
    assert AuditService(hall.db).verify().intact


@pytest.mark.parametrize(("user", "name"), [("supervisor", "大厅值班长"), ("admin", "系统管理员")])
def test_a_supervisor_or_administrator_cancels_on_the_command_line_audited(
    hall: Hall,
    cli_env: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    user: str,
    name: str,
) -> None:
    number = _issue(hall, capsys, monkeypatch)
    code, out, err = _cli(hall, capsys, monkeypatch, user, "queue", "cancel", number, "--json")
    assert code == 0, err
    assert json.loads(out)["ticket"]["state"] == "cancelled"
    assert _ticket_state(hall, number) == TicketState.CANCELLED.value
    signed_in = hall.user(user)
    events = hall.db.run_read(
        lambda s: s.execute(
            select(QueueEvent.kind, QueueEvent.user_id).where(QueueEvent.kind == "cancel")
        ).all()
    )
    assert [tuple(e) for e in events] == [("cancel", signed_in.user_id)]
    ((actor, target, detail),) = _cancels(hall)
    assert (actor, target, detail["change"]) == (name, number, "cancel")
    assert _denials(hall) == []
    code, out, _ = _cli(hall, capsys, monkeypatch, None, "audit", "verify", "--json")
    assert code == 0 and json.loads(out)["intact"]


def test_the_hosts_operator_may_cancel_while_duties_are_not_separated(
    hall: Hall,
    cli_env: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A caller keypad's script runs without ``--user``, as the host (clerk_app.accounts.authz)."""
    number = _issue(hall, capsys, monkeypatch)
    code, _, err = _cli(hall, capsys, monkeypatch, None, "queue", "cancel", number)
    assert code == 0, err
    assert _ticket_state(hall, number) == TicketState.CANCELLED.value
    ((actor, target, _),) = _cancels(hall)
    assert actor.startswith("cli:") and target == number


def test_every_supervisor_change_is_an_audit_record(hall: Hall) -> None:
    queue = QueueService(hall.db, "CC01", clock=hall.clock)
    first, second = (queue.issue("BIZ").ticket.number for _ in range(2))
    boss = hall.user("supervisor")
    desk = SupervisorDesk(queue, Supervisor(boss.user_id, boss.display_name))
    desk.open_window(5)
    desk.set_window_services(5, ["BIZ"])
    desk.prioritise(first)
    desk.transfer_ticket(first, to_window=5)
    desk.cancel_ticket(second)
    desk.close_window(5)
    records = [
        (e.actor_id, e.target_kind, e.target, json.loads(e.detail)["change"])
        for e in AuditService(hall.db).entries(0, 2**62)
        if e.action == "queue.supervision"
    ]
    assert records == [
        (boss.user_id, "window", "5", "window_open"),
        (boss.user_id, "window", "5", "window_services"),
        (boss.user_id, "ticket", first, "prioritise"),
        (boss.user_id, "ticket", first, "transfer"),
        (boss.user_id, "ticket", second, "cancel"),
        (boss.user_id, "window", "5", "window_closed"),
    ]
    assert _denials(hall) == [] and AuditService(hall.db).verify().intact
