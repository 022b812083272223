"""帮办代办 on both databases: a helper's record waits with the ticket and joins the case the
clerk accepts; a record on an existing case goes out at once; the helper decides nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import select

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.authz import PermissionDenied
from clerk_app.accounts.roles import Role, UserInfo
from clerk_app.assistance.service import (
    AssistanceInput,
    AssistanceRefusal,
    AssistanceRefused,
    AssistanceService,
)
from clerk_app.audit.service import AuditService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.cli.main import main
from clerk_app.db.intake_models import CaseAssistance
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.figures.service import FiguresService
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import AssistanceKind
from clerk_app.queue.service import QueueService
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from tests.conftest import START
from tests.intake.test_service import _complete

FORM, MATERIALS, PROXY = (
    AssistanceKind.FORM_FILLING,
    AssistanceKind.MATERIALS,
    AssistanceKind.PROXY,
)


@pytest.fixture
def helper(db: Database) -> UserInfo:
    return AuthService(db).authenticate("helper1", "helper1-demo")


@pytest.fixture
def assistance(
    db: Database, clock: FixedClock, protector: PersonalDataProtector, queue: QueueService
) -> AssistanceService:
    return AssistanceService(db, AuditService(db, clock), clock, protector, rules=queue.rules)


def _outbox(db: Database, protector: PersonalDataProtector) -> list[tuple[str, dict[str, object]]]:
    with db.read() as s:
        rows = s.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).all()
        return [
            (r.kind, json.loads(protector.decrypt(r.payload_enc, context=OUTBOX))) for r in rows
        ]


def test_a_record_made_while_waiting_joins_the_case_the_clerk_accepts(
    db: Database,
    queue: QueueService,
    assistance: AssistanceService,
    intake: IntakeService,
    clerk: UserInfo,
    helper: UserInfo,
    clock: FixedClock,
    protector: PersonalDataProtector,
) -> None:
    ticket = queue.issue("BIZ").ticket
    assert [t.number for t in assistance.waiting_tickets()] == [ticket.number]
    started = assistance.now_ms()
    clock.advance(minutes=12)
    view = assistance.record(
        helper,
        AssistanceInput(
            (MATERIALS, FORM), started, ticket_number=ticket.number.lower(), note="老人视力不好"
        ),
    )
    assert view.case_number is None
    assert view.kinds == (FORM, MATERIALS)  # in the catalogue's order, whatever the ticking
    assert view.started_ms == started
    assert view.ticket_number == ticket.number
    assert _outbox(db, protector) == []  # nothing to send before the case exists

    result = intake.decide(
        dataclasses.replace(_complete(), ticket_id=ticket.ticket_id), Decision.ACCEPT, clerk, 3
    )

    detail = CaseLookup(db, protector, hall_code="CC01").by_number(result.case_number)
    assert [(a.helper_name, a.kinds) for a in detail.assistance] == [
        ("帮办员王五", (FORM, MATERIALS))
    ]
    assert detail.assistance[0].case_number == result.case_number
    ops = _outbox(db, protector)
    assert [kind for kind, _ in ops] == ["case.accept", "case.assist"]  # the case first
    assist = ops[1][1]
    assert assist["case_no"] == result.case_number
    assert assist["helper"] == "helper1"
    assert assist["kinds"] == ["form_filling", "materials"]
    assert "note" not in assist and "authorisation" not in assist
    decision = next(e for e in AuditService(db).entries(0, 2**62) if e.action == "case.decision")
    assert json.loads(decision.detail)["assistance"] == [view_id(db, view.assist_uuid)]


def view_id(db: Database, assist_uuid: str) -> int:
    with db.read() as s:
        return int(
            s.scalar(select(CaseAssistance.id).where(CaseAssistance.assist_uuid == assist_uuid))
            or 0
        )


def test_proxy_on_an_existing_case_needs_the_authorisation_and_goes_out_at_once(
    db: Database,
    assistance: AssistanceService,
    intake: IntakeService,
    clerk: UserInfo,
    helper: UserInfo,
    protector: PersonalDataProtector,
) -> None:
    case = intake.decide(_complete(), Decision.ACCEPT, clerk, 3).case_number
    start = assistance.now_ms()
    with pytest.raises(AssistanceRefused) as refused:
        assistance.record(helper, AssistanceInput((PROXY,), start, case_number=case))
    assert refused.value.code is AssistanceRefusal.NO_AUTHORISATION

    view = assistance.record(
        helper,
        AssistanceInput((PROXY,), start, case_number=case, minutes=40, authorisation_ref="M05"),
    )
    assert (view.case_number, view.minutes, view.authorisation_ref) == (case, 40, "M05")
    kind, payload = _outbox(db, protector)[-1]
    assert kind == "case.assist"
    assert payload["authorisation"] == {"letter_seen": False, "reference": "M05"}
    assert payload["minutes"] == 40
    audit = [e for e in AuditService(db).entries(0, 2**62) if e.action == "case.assistance"]
    assert [(a.actor, a.target_kind, a.target) for a in audit] == [("帮办员王五", "case", case)]


@pytest.mark.parametrize(
    ("entry", "code"),
    [
        (AssistanceInput((), 0, ticket_number="A001"), AssistanceRefusal.NO_KIND),
        (AssistanceInput((FORM,), 0), AssistanceRefusal.NO_TARGET),
        (AssistanceInput((FORM,), 0, ticket_number="Z999"), AssistanceRefusal.UNKNOWN_TICKET),
        (AssistanceInput((FORM,), 0, case_number="CC01-W03-1-1"), AssistanceRefusal.UNKNOWN_CASE),
        (
            AssistanceInput((FORM,), 0, ticket_number="A001", note="电话13812345678"),
            AssistanceRefusal.PERSONAL_NOTE,
        ),
        (
            AssistanceInput((FORM,), 0, ticket_number="A001", note="abc\u202etxt"),
            AssistanceRefusal.BAD_NOTE,
        ),
        (
            AssistanceInput((FORM,), 0, ticket_number="A001", minutes=0),
            AssistanceRefusal.BAD_MINUTES,
        ),
    ],
)
def test_an_incomplete_record_is_refused_and_nothing_is_written(
    db: Database,
    assistance: AssistanceService,
    helper: UserInfo,
    entry: AssistanceInput,
    code: AssistanceRefusal,
) -> None:
    with pytest.raises(AssistanceRefused) as refused:
        assistance.record(helper, entry)
    assert refused.value.code is code
    with db.read() as s:
        assert s.scalars(select(CaseAssistance)).all() == []


def test_the_helper_may_not_decide_and_the_clerk_may_not_record_assistance(
    db: Database,
    queue: QueueService,
    assistance: AssistanceService,
    intake: IntakeService,
    clerk: UserInfo,
    helper: UserInfo,
) -> None:
    for decision in Decision:
        with pytest.raises(PermissionDenied):
            intake.decide(_complete(), decision, helper, 3)
    ticket = queue.issue("BIZ").ticket
    with pytest.raises(PermissionDenied):
        assistance.record(clerk, AssistanceInput((FORM,), 0, ticket_number=ticket.number))
    denied = [e for e in AuditService(db).entries(0, 2**62) if e.action == "auth.access_denied"]
    assert [(e.actor, e.target) for e in denied] == [
        *[("帮办员王五", "decide a case at the counter")] * len(Decision),
        ("窗口3办事员", "record assistance given to an applicant"),
    ]
    assert intake.decide(_complete(), Decision.ACCEPT, clerk, 3).case_number  # still the clerk's


def test_the_command_line_creates_a_helper(
    db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ONEWINDOW_NEW_PASSWORD", "Bangban-2026-zhao")
    args = ["users", "create", "helper2", "--name", "帮办员赵六", "--role", "helper"]
    assert main(["--db", db.url, *args]) == 0, capsys.readouterr().err
    assert next(u for u in AuthService(db).list_users() if u.username == "helper2").role is (
        Role.HELPER
    )


def test_the_hall_figures_count_assistance_per_helper_and_kind_as_by_hand(
    db: Database,
    queue: QueueService,
    assistance: AssistanceService,
    intake: IntakeService,
    clerk: UserInfo,
    helper: UserInfo,
    clock: FixedClock,
) -> None:
    supervisor = AuthService(db).authenticate("supervisor", "supervisor-demo")
    first, second = queue.issue("BIZ").ticket, queue.issue("SOCIAL").ticket
    now = assistance.now_ms()
    assistance.record(helper, AssistanceInput((FORM, MATERIALS), now, ticket_number=first.number))
    case = intake.decide(
        dataclasses.replace(_complete(), ticket_id=first.ticket_id), Decision.ACCEPT, clerk, 3
    ).case_number
    assistance.record(
        helper,
        AssistanceInput((PROXY,), now, case_number=case, minutes=30, authorisation_seen=True),
    )
    selfservice = (AssistanceKind.SELF_SERVICE,)
    assistance.record(supervisor, AssistanceInput(selfservice, now, ticket_number=second.number))
    clock.advance(minutes=24 * 60)  # the next day: outside the period asked for
    later = queue.issue("BIZ").ticket
    assistance.record(helper, AssistanceInput((FORM,), now, ticket_number=later.number))

    figures = FiguresService(db, hall_code="CC01", calendar=shipped_calendar(), clock=clock)
    day = START.date()
    counted = [
        (f.helper_name, f.kind, f.cases, f.sittings, f.minutes)
        for f in figures.assistance(day, day)
    ]
    assert counted == [  # counted by hand from the records above
        ("大厅值班长", "self_service", 0, 1, 0),  # still waiting with its ticket: no case
        ("帮办员王五", "form_filling", 1, 1, 0),
        ("帮办员王五", "materials", 1, 1, 0),
        ("帮办员王五", "proxy", 1, 1, 30),
    ]
    two_days = figures.assistance(day, day + dt.timedelta(days=1))
    assert sum(f.sittings for f in two_days if f.kind == "form_filling") == 2
