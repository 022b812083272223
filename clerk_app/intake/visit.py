"""One visit's decision as the intake service checked it: what the case rows, the decision
record and the outbox operation are all written from (``IntakeService.decide``)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from clerk_app.accounts.roles import UserInfo
from clerk_app.catalogue.types import ItemDetail
from clerk_app.intake.applicants import CheckedAgent, CheckedApplicant
from clerk_app.intake.fees import CheckedPayment, FeeLine
from clerk_app.intake.mailing import CheckedMailing
from clerk_app.intake.rules import Assessment, Decision
from clerk_app.intake.types import CaseDraft
from clerk_app.intake.workdays import Promise


@dataclasses.dataclass(frozen=True, slots=True)
class Visit:
    draft: CaseDraft
    decision: Decision
    clerk: UserInfo
    window: int
    item: ItemDetail
    applicant: CheckedApplicant
    agent: CheckedAgent | None
    assessment: Assessment
    today: dt.date
    promised_days: int
    promise: Promise
    fees: tuple[FeeLine, ...] = ()
    payment: CheckedPayment | None = None  # an accepting decision of an item with fees
    mailing: CheckedMailing | None = None
