"""The intake service end to end on both databases: decide, save whole, continue a case."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.db.intake_models import Applicant, CaseDecision, IntakeCase
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.intake.checklist import MaterialRecord, ReasonCode
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Decision, Refusal, RefusalGround
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import (
    AgentInput,
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    CaseState,
    IdType,
    IntakeRefusal,
    IntakeRefused,
    PageRef,
)
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database

ITEM = "22010001001700000017"  # 个体工商户注册登记: M01 M02 M04 required, M03 deferrable; 3 days
ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"
GOT = MaterialRecord(received=True, original_checked=True, copies=1)


def _page(n: int, material: str) -> PageRef:
    return PageRef(f"{n:064x}", "image/png", 2480, 3508, 180_000, 300, None, material)


def _draft(
    records: dict[str, MaterialRecord], pages: tuple[PageRef, ...] = (), **kw: object
) -> CaseDraft:
    applicant = ApplicantInput(
        ApplicantKind.PERSON,
        "张𠮷",
        IdType.RESIDENT_ID,
        "11010519491231002x",
        PHONE,
        "长春市南关区",
    )
    return CaseDraft(applicant, ITEM, "01", records, pages, **kw)  # type: ignore[arg-type]


def _complete() -> CaseDraft:
    pages = tuple(_page(i, m) for i, m in enumerate(["M01", "M02", "M03", "M04"], start=1))
    return _draft(dict.fromkeys(("M01", "M02", "M03", "M04"), GOT), pages)


def _count(db: Database, model: type[object]) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_complete_application_is_accepted_and_saved_whole(
    db: Database, intake: IntakeService, clerk: UserInfo, protector: PersonalDataProtector
) -> None:
    result = intake.decide(_complete(), Decision.ACCEPT, clerk, window=3)
    assert result.case_number == "CC01-W03-20261124-0001"
    assert (result.state, result.visit) == (CaseState.ACCEPTED, 1)
    assert result.promised_due == dt.date(2026, 11, 27)  # 3 working days after a Tuesday
    with db.read() as session:
        applicant = session.scalars(select(Applicant)).one()
        assert applicant.name == "张𠮷"
        assert applicant.id_masked == "110105********002X"
        assert ID_NUMBER not in applicant.id_enc and PHONE not in (applicant.phone_enc or "")
        op = session.scalars(select(OutboxOperation)).one()
        assert (op.seq, op.kind, op.state, op.case_uuid) == (
            1,
            "case.accept",
            "pending",
            result.case_uuid,
        )
        assert json.loads(op.blobs) == sorted(f"{n:064x}" for n in range(1, 5))
        payload = json.loads(protector.decrypt(op.payload_enc, context=OUTBOX))
        assert payload["applicant"]["id_number"] == ID_NUMBER
        assert payload["case_number"] == result.case_number
    decisions = [e for e in AuditService(db).entries(0, 2**62) if e.action == "case.decision"]
    assert [d.target for d in decisions] == [result.case_number]


def test_missing_materials_refuse_acceptance_and_leave_nothing(
    db: Database, intake: IntakeService, clerk: UserInfo
) -> None:
    draft = _draft({"M01": GOT}, (_page(1, "M01"),))
    assessment = intake.assess(draft)
    assert assessment.recommended is Decision.ONE_TIME_NOTICE
    with pytest.raises(IntakeRefused) as caught:
        intake.decide(draft, Decision.ACCEPT, clerk, window=3)
    assert caught.value.code is IntakeRefusal.DECISION_NOT_ALLOWED
    for model in (IntakeCase, Applicant, CaseDecision, OutboxOperation):
        assert _count(db, model) == 0


def test_a_one_time_notice_then_a_second_visit_completes_the_same_case(
    db: Database,
    intake: IntakeService,
    clerk: UserInfo,
    clock: FixedClock,
    protector: PersonalDataProtector,
) -> None:
    first = intake.decide(
        _draft({"M01": GOT}, (_page(1, "M01"),)), Decision.ONE_TIME_NOTICE, clerk, window=3
    )
    assert (first.state, first.visit) == (CaseState.NOTICE_ISSUED, 1)
    assert {s.key for s in first.assessment.notice_items} == {"M02", "M03", "M04"}

    clock.advance(minutes=3 * 24 * 60)
    second = intake.decide(
        dataclasses.replace(_complete(), continuing=first.case_number),
        Decision.ACCEPT,
        clerk,
        window=5,
    )
    assert second.case_number == first.case_number
    assert (second.state, second.visit) == (CaseState.ACCEPTED, 2)
    detail = CaseLookup(db, protector, hall_code="CC01").by_number(first.case_number)
    assert [d.decision for d in detail.decisions] == [Decision.ONE_TIME_NOTICE, Decision.ACCEPT]
    assert detail.summary.visits == 2
    with db.read() as session:
        kinds = session.scalars(select(OutboxOperation.kind).order_by(OutboxOperation.seq))
        assert list(kinds) == ["case.notice", "case.accept"]


def test_a_deferral_only_when_just_deferrable_materials_are_missing(
    db: Database, intake: IntakeService, clerk: UserInfo
) -> None:
    supply_by = dt.date(2026, 11, 26)
    deferred = MaterialRecord(deferred=True, supply_by=supply_by)
    pages = tuple(_page(i, m) for i, m in enumerate(["M01", "M02", "M04"], start=1))
    draft = _draft({"M01": GOT, "M02": GOT, "M03": deferred, "M04": GOT}, pages)
    result = intake.decide(draft, Decision.DEFERRAL, clerk, window=3)
    assert result.state is CaseState.ACCEPTED_DEFERRED
    # A required material cannot be deferred: the deferral is refused, nothing saved.
    draft = _draft({"M01": deferred, "M02": GOT, "M03": GOT, "M04": GOT}, pages)
    with pytest.raises(IntakeRefused) as caught:
        intake.decide(draft, Decision.DEFERRAL, clerk, window=3)
    assert caught.value.code is IntakeRefusal.DECISION_NOT_ALLOWED
    assert _count(db, IntakeCase) == 1


def test_a_refusal_needs_its_ground_and_keeps_it(
    db: Database, intake: IntakeService, clerk: UserInfo
) -> None:
    with pytest.raises(IntakeRefused):
        intake.decide(_draft({}), Decision.REFUSE, clerk, window=3)
    refusal = Refusal(
        RefusalGround.OUTSIDE_REMIT, "本事项由区市场监管局受理", "南关区市场监督管理局"
    )
    result = intake.decide(_draft({}, refusal=refusal), Decision.REFUSE, clerk, window=3)
    assert result.state is CaseState.REFUSED
    with db.read() as session:
        detail = json.loads(session.scalars(select(CaseDecision.detail)).one())
    assert detail["refusal"]["ground"] == "outside_remit"


@pytest.mark.parametrize(
    ("field", "applicant"),
    [
        (
            "id_value",
            ApplicantInput(ApplicantKind.PERSON, "张三", IdType.RESIDENT_ID, "110105194912310021"),
        ),
        ("name", ApplicantInput(ApplicantKind.PERSON, "张\u202e三", IdType.RESIDENT_ID, ID_NUMBER)),
        (
            "phone",
            ApplicantInput(ApplicantKind.PERSON, "张三", IdType.RESIDENT_ID, ID_NUMBER, "1381234"),
        ),
    ],
)
def test_bad_applicant_data_is_refused_with_the_field_and_nothing_saved(
    db: Database, intake: IntakeService, clerk: UserInfo, field: str, applicant: ApplicantInput
) -> None:
    draft = dataclasses.replace(_complete(), applicant=applicant)
    with pytest.raises(IntakeRefused) as caught:
        intake.decide(draft, Decision.ACCEPT, clerk, window=3)
    assert (caught.value.code, caught.value.field_name) == (IntakeRefusal.INVALID_APPLICANT, field)
    assert caught.value.invalid is not None
    assert _count(db, Applicant) == _count(db, IntakeCase) == 0


def test_a_failure_while_saving_leaves_no_half_case_and_burns_no_number(
    db: Database, intake: IntakeService, clerk: UserInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clerk_app.intake import outbox  # noqa: PLC0415

    def disk_full(*_args: object, **_kw: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outbox, "enqueue", disk_full)
    with pytest.raises(OSError, match="No space"):
        intake.decide(_complete(), Decision.ACCEPT, clerk, window=3)
    for model in (IntakeCase, Applicant, CaseDecision, OutboxOperation):
        assert _count(db, model) == 0
    monkeypatch.undo()
    assert intake.decide(_complete(), Decision.ACCEPT, clerk, window=3).case_number.endswith(
        "-0001"
    )


def test_an_agent_and_a_closed_case(db: Database, intake: IntakeService, clerk: UserInfo) -> None:
    agent = AgentInput("李四", "11010519491231002X", "授权委托书 2026-118")
    result = intake.decide(
        dataclasses.replace(_complete(), agent=agent), Decision.ACCEPT, clerk, window=3
    )
    with db.read() as session:
        case = session.scalars(select(IntakeCase)).one()
        assert (case.agent_name, case.agent_id_masked) == ("李四", "110105********002X")
        assert case.agent_id_enc and ID_NUMBER not in case.agent_id_enc
    # An accepted case takes no further counter visit.
    with pytest.raises(IntakeRefused) as caught:
        intake.decide(
            dataclasses.replace(_complete(), continuing=result.case_number),
            Decision.ACCEPT,
            clerk,
            window=3,
        )
    assert caught.value.code is IntakeRefusal.CASE_CLOSED


def test_cases_are_found_by_number_id_number_and_literal_name(
    db: Database, intake: IntakeService, clerk: UserInfo, protector: PersonalDataProtector
) -> None:
    result = intake.decide(_complete(), Decision.ACCEPT, clerk, window=3)
    lookup = CaseLookup(db, protector, hall_code="CC01")
    assert lookup.by_number(result.case_number.lower()).case_uuid == result.case_uuid
    by_id = lookup.search(id_number="１１０１０５１９４９１２３１００２ｘ")  # full width, lower x
    assert [c.case_number for c in by_id] == [result.case_number]
    assert [c.case_number for c in lookup.search(name="𠮷")] == [result.case_number]
    assert lookup.search(name="%") == lookup.search(name="_") == []  # not wildcards
    assert lookup.search(id_number="110105194912310038") == []
    with pytest.raises(IntakeRefused):
        lookup.by_number("CC01-W03-20261124-9999")


def test_a_supervisor_override_of_a_failed_check_digit_is_recorded(
    db: Database, intake: IntakeService, clerk: UserInfo, clock: FixedClock
) -> None:
    from clerk_app.validation import override_resident_id  # noqa: PLC0415

    # a real card whose check digit fails (docs/domain-rules.md allows an override)
    wrong_check = "110105194912310021"
    boss = AuthService(db).authenticate("supervisor", "supervisor-demo")
    override = override_resident_id(
        wrong_check,
        today=dt.date(2026, 11, 24),
        supervisor_id=boss.user_id,
        supervisor_name=boss.display_name,
        reason="原件核验无误，系早期制证校验位错误",
        at_ms=clock.now_ms(),
    ).override
    assert override is not None
    applicant = ApplicantInput(
        ApplicantKind.PERSON, "王五", IdType.RESIDENT_ID, wrong_check, override=override
    )
    result = intake.decide(
        dataclasses.replace(_complete(), applicant=applicant), Decision.ACCEPT, clerk, window=3
    )
    records = [e for e in AuditService(db).entries(0, 2**62) if e.action == "case.override"]
    assert [(r.actor, r.target) for r in records] == [(boss.display_name, result.case_number)]
    assert json.loads(records[0].detail)["reason"] == "原件核验无误，系早期制证校验位错误"
    assert wrong_check not in records[0].detail


def test_an_acceptance_into_an_unknown_year_is_saved_with_a_warning_and_no_date(
    db: Database,
    intake: IntakeService,
    clerk: UserInfo,
    clock: FixedClock,
    protector: PersonalDataProtector,
) -> None:
    """30 December, 3 working days: 31 December, then 2027, which no calendar knows."""
    clock.set(dt.datetime(2026, 12, 30, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    accept = intake.assess(_complete()).option(Decision.ACCEPT)
    assert accept.allowed
    assert [(w.code, w.need, w.year) for w in accept.warnings] == [
        (ReasonCode.PROMISED_DATE_UNKNOWN, 3, 2027)
    ]
    result = intake.decide(_complete(), Decision.ACCEPT, clerk, window=3)
    assert (result.state, result.promised_due) == (CaseState.ACCEPTED, None)
    with db.read() as session:
        case = session.scalars(select(IntakeCase)).one()
        assert (case.promised_from, case.promised_days, case.due_waits_year) == (
            dt.date(2026, 12, 30),
            3,
            2027,
        )
    summary = CaseLookup(db, protector, hall_code="CC01").by_number(result.case_number).summary
    assert (summary.promised_due, summary.promised_days, summary.due_waits_year) == (None, 3, 2027)
