"""信用核查 in the intake rules and the saved case, on both databases: a listed applicant is
refused 容缺 and 告知承诺 with the rules' reasons; an unknown status (offline) needs a
supervisor's override for them, which is role-checked, recorded with the case and audited."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import select

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.authz import PermissionDenied
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.credit.service import override_unknown_credit
from clerk_app.credit.types import CreditCheck, CreditState, Listing, UnknownReason
from clerk_app.db.intake_models import CaseDecision
from clerk_app.intake.checklist import MaterialRecord, ReasonCode
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import (
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    IdType,
    IntakeRefusal,
    IntakeRefused,
    PageRef,
)
from clerk_app.validation import OverrideRefused
from onewindow_base.db.engine import Database

ID_NUMBER = "11010519491231002X"
ITEM = "22010001001700000017"  # 个体工商户注册登记: M03 deferrable
COMMIT_ITEM = "22010001000600000006"  # 食品经营许可证: M03 M05 M06 may be committed to
GOT = MaterialRecord(received=True, original_checked=True, copies=9)
CHECKED_MS = 1_795_000_000_000


def _check(state: CreditState, reason: UnknownReason | None = None) -> CreditCheck:
    listings = (
        (Listing("失信被执行人", "不适用容缺受理和告知承诺制", "法院", dt.date(2026, 1, 1), None),)
        if state is CreditState.LISTED
        else ()
    )
    return CreditCheck(state, "110105********002X", CHECKED_MS, reason, listings)


CLEAR = _check(CreditState.CLEAR)
LISTED = _check(CreditState.LISTED)
OFFLINE = _check(CreditState.UNKNOWN, UnknownReason.OFFLINE)


@pytest.fixture
def supervisor(db: Database) -> UserInfo:
    return AuthService(db).authenticate("supervisor", "supervisor-demo")


def _applicant() -> ApplicantInput:
    return ApplicantInput(
        ApplicantKind.PERSON, "张三", IdType.RESIDENT_ID, ID_NUMBER, "13812345678"
    )


def _deferral(intake: IntakeService, **kw: object) -> CaseDraft:
    """M03 deferred, everything else handed in and scanned."""
    records = {
        "M01": GOT,
        "M02": GOT,
        "M03": MaterialRecord(deferred=True, supply_by=intake.today() + dt.timedelta(days=1)),
        "M04": GOT,
    }
    pages = tuple(
        PageRef(f"{n:064x}", "image/png", 2480, 3508, 1000, 300, None, m)
        for n, m in enumerate(("M01", "M02", "M04"), start=1)
    )
    return CaseDraft(_applicant(), ITEM, "01", records, pages, **kw)  # type: ignore[arg-type]


def _commitment(intake: IntakeService, **kw: object) -> CaseDraft:
    records: dict[str, MaterialRecord] = {}
    pages = []
    from clerk_app.intake.service import requirements_of  # noqa: PLC0415

    for n, req in enumerate(requirements_of(intake.item(COMMIT_ITEM), "01"), start=1):
        if req.key in ("M03", "M05", "M06"):
            records[req.key] = MaterialRecord(committed=True)
        elif req.necessity.value != "optional":
            records[req.key] = GOT
            pages.append(PageRef(f"{n:064x}", "image/png", 2480, 3508, 1000, 300, None, req.key))
    return CaseDraft(_applicant(), COMMIT_ITEM, "01", records, tuple(pages), **kw)  # type: ignore[arg-type]


def _codes(reasons: object) -> set[ReasonCode]:
    return {r.code for r in reasons}  # type: ignore[attr-defined]


def test_clear_changes_nothing(intake: IntakeService) -> None:
    assert intake.assess(_deferral(intake, credit=CLEAR)).option(Decision.DEFERRAL).allowed
    assert intake.assess(_commitment(intake, credit=CLEAR)).option(Decision.ACCEPT).allowed


def test_a_listed_applicant_is_refused_deferral_and_commitment(intake: IntakeService) -> None:
    option = intake.assess(_deferral(intake, credit=LISTED)).option(Decision.DEFERRAL)
    assert not option.allowed and ReasonCode.BAD_CREDIT in _codes(option.reasons)
    assessment = intake.assess(_commitment(intake, credit=LISTED))
    assert not assessment.option(Decision.ACCEPT).allowed
    excluded = {
        m.key
        for m in assessment.notice_items
        if ReasonCode.COMMITMENT_EXCLUDED in _codes(m.problems)
    }
    assert excluded == {"M03", "M05", "M06"}


def test_a_listed_applicant_is_refused_even_with_an_override(
    intake: IntakeService, supervisor: UserInfo
) -> None:
    """An override is for an unknown status only: it cannot open what the list closes."""
    with pytest.raises(OverrideRefused):
        override_unknown_credit(
            LISTED, supervisor_id=supervisor.user_id, supervisor_name="x", reason="r", at_ms=1
        )
    forged = override_unknown_credit(
        OFFLINE, supervisor_id=supervisor.user_id, supervisor_name="x", reason="r", at_ms=1
    )
    draft = _deferral(intake, credit=LISTED, credit_override=forged)
    assert not intake.assess(draft).option(Decision.DEFERRAL).allowed


def test_unknown_needs_an_override_for_deferral_and_commitment(
    intake: IntakeService, clerk: UserInfo
) -> None:
    option = intake.assess(_deferral(intake, credit=OFFLINE)).option(Decision.DEFERRAL)
    assert not option.allowed
    assert _codes(option.reasons) == {ReasonCode.CREDIT_UNKNOWN}
    assessment = intake.assess(_commitment(intake, credit=OFFLINE))
    assert not assessment.option(Decision.ACCEPT).allowed
    blocked = {
        m.key
        for m in assessment.materials
        if ReasonCode.COMMITMENT_CREDIT_UNKNOWN in _codes(m.reasons)
    }
    assert blocked == {"M03", "M05", "M06"}
    with pytest.raises(IntakeRefused) as caught:
        intake.decide(_deferral(intake, credit=OFFLINE), Decision.DEFERRAL, clerk, window=3)
    assert caught.value.code is IntakeRefusal.DECISION_NOT_ALLOWED


def test_unknown_leaves_plain_acceptance_open(intake: IntakeService, clerk: UserInfo) -> None:
    """Offline, the counter keeps working: what the list cannot refuse is decided as usual."""
    complete = dataclasses.replace(
        _deferral(intake, credit=OFFLINE), records=dict.fromkeys(("M01", "M02", "M03", "M04"), GOT)
    )
    complete = dataclasses.replace(
        complete,
        pages=(
            *complete.pages,
            PageRef(f"{9:064x}", "image/png", 2480, 3508, 1000, 300, None, "M03"),
        ),
    )
    result = intake.decide(complete, Decision.ACCEPT, clerk, window=3)
    assert result.decision is Decision.ACCEPT


def test_a_supervisors_override_is_recorded_with_the_case_and_audited(
    db: Database, intake: IntakeService, clerk: UserInfo, supervisor: UserInfo
) -> None:
    override = override_unknown_credit(
        OFFLINE,
        supervisor_id=supervisor.user_id,
        supervisor_name=supervisor.display_name,
        reason="网络中断，已电话核实",
        at_ms=CHECKED_MS + 5,
    )
    draft = _deferral(intake, credit=OFFLINE, credit_override=override)
    assert intake.assess(draft).option(Decision.DEFERRAL).allowed
    result = intake.decide(draft, Decision.DEFERRAL, clerk, window=3)
    with db.read() as session:
        detail = json.loads(session.scalars(select(CaseDecision.detail)).one())
    assert detail["credit"] == {
        "status": "unknown",
        "checked_ms": CHECKED_MS,
        "source": "none",
        "unknown_reason": "offline",
        "server_as_of_ms": None,
        "reasons": [],
        "override": {
            "supervisor_id": supervisor.user_id,
            "supervisor": supervisor.display_name,
            "reason": "网络中断，已电话核实",
            "at_ms": CHECKED_MS + 5,
        },
    }
    overrides = [e for e in AuditService(db).entries(0, 2**62) if e.action == "case.override"]
    assert len(overrides) == 1
    record = json.loads(overrides[0].detail)
    assert overrides[0].target == result.case_number
    assert overrides[0].actor == supervisor.display_name
    assert record["field"] == "credit_status" and record["reason"] == "网络中断，已电话核实"


def test_a_clerk_cannot_override_the_unknown_status(intake: IntakeService, clerk: UserInfo) -> None:
    forged = override_unknown_credit(
        OFFLINE,
        supervisor_id=clerk.user_id,
        supervisor_name=clerk.display_name,
        reason="我自己核实过",
        at_ms=CHECKED_MS,
    )
    with pytest.raises(PermissionDenied):
        intake.decide(
            _deferral(intake, credit=OFFLINE, credit_override=forged),
            Decision.DEFERRAL,
            clerk,
            window=3,
        )


def test_a_clear_status_is_recorded_with_the_case(
    db: Database, intake: IntakeService, clerk: UserInfo
) -> None:
    intake.decide(_deferral(intake, credit=CLEAR), Decision.DEFERRAL, clerk, window=3)
    with db.read() as session:
        detail = json.loads(session.scalars(select(CaseDecision.detail)).one())
    assert detail["credit"]["status"] == "clear"
    assert detail["credit"]["checked_ms"] == CHECKED_MS
    assert detail["credit"]["source"] == "central_server"
    assert ID_NUMBER not in json.dumps(detail)
