"""告知承诺's post-check (事中事后核查): a supervisor records what the check of a case found.

A case accepted on a signed commitment waits for its post-check (the deadline alerts list it
until then). ``VERIFIED`` closes it. ``FALSE_COMMITMENT`` closes it and marks the applicant:
from then on the intake rules refuse them notify-and-commit (docs/domain-rules.md: an applicant
with a past false commitment may not use it). Revoking the decision and the credit record are the
deciding department's and the credit platform's acts; the record here says they are due.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Gate, Operator, Permission, actor_of, requires
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import AuditAction
from clerk_app.db.intake_models import Applicant, IntakeCase
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database


class PostCheckOutcome(enum.StrEnum):
    VERIFIED = "verified"  # the commitment was true
    FALSE_COMMITMENT = "false_commitment"  # 承诺不实: revoke, record as bad credit


class PostCheckRefusal(enum.StrEnum):
    UNKNOWN_CASE = "unknown_case"
    NO_COMMITMENT = "no_commitment"  # the case was not accepted on a commitment
    ALREADY_RECORDED = "already_recorded"


class PostCheckRefused(Exception):  # noqa: N818 - an expected outcome with its code
    def __init__(self, code: PostCheckRefusal, case_number: str) -> None:
        self.code = code
        self.case_number = case_number
        super().__init__(f"{code.value}: {case_number}")


@dataclass(frozen=True, slots=True)
class PostCheckRecord:
    case_number: str
    outcome: PostCheckOutcome
    at_ms: int


class PostCheckService:
    def __init__(self, db: Database, clock: Clock | None = None) -> None:
        self._db = db
        self._clock = clock or SystemClock()
        self._audit = AuditService(db, self._clock)

    def _gate(self) -> Gate:
        return Gate(self._audit, self._db)

    @requires(Permission.POST_CHECK)
    def record(
        self, case_number: str, outcome: PostCheckOutcome, *, by: Operator, note: str = ""
    ) -> PostCheckRecord:
        """Record the post-check of one case, once; audited. Supervisors only."""
        number = case_number.strip().upper()
        now = self._clock.now_ms()

        def work(session: Session) -> PostCheckRecord:
            case = session.scalars(
                select(IntakeCase).where(IntakeCase.case_number == number).with_for_update()
            ).first()
            if case is None:
                raise PostCheckRefused(PostCheckRefusal.UNKNOWN_CASE, number)
            if case.post_check_days is None:
                raise PostCheckRefused(PostCheckRefusal.NO_COMMITMENT, number)
            if case.post_check_done_ms is not None:
                raise PostCheckRefused(PostCheckRefusal.ALREADY_RECORDED, number)
            case.post_check_done_ms, case.post_check_outcome = now, outcome.value
            if outcome is PostCheckOutcome.FALSE_COMMITMENT:
                applicant = session.get_one(Applicant, case.applicant_id)
                applicant.false_commitment_ms = applicant.false_commitment_ms or now
            self._audit.append(
                session,
                AuditAction.POST_CHECK,
                actor_of(by),
                target_kind="case",
                target=number,
                detail={"outcome": outcome.value, "note": note[:500]},
            )
            return PostCheckRecord(number, outcome, now)

        return self._db.run_write(work)
