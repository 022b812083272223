"""A real case accepted through the intake, and its receipt as the counter prints it."""

from __future__ import annotations

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.demo import DEMO_BRANDING
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import PaperRequest, PaperSettings, paper_for
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import (
    AgentInput,
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    DecisionResult,
    IdType,
    PageRef,
)
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from printing.documents import ReceiptDoc

ITEM = "22010001001700000017"
GOT = MaterialRecord(received=True, original_checked=True, copies=1)


def intake_service(
    db: Database, clock: FixedClock, protector: PersonalDataProtector
) -> IntakeService:
    return IntakeService(
        db,
        CatalogueService(db),
        protector,
        hall_code="CC01",
        calendar=shipped_calendar(),
        clock=clock,
        branding=DEMO_BRANDING,
    )


def accept(
    intake: IntakeService, db: Database, *, agent: AgentInput | None = None
) -> tuple[DecisionResult, UserInfo]:
    """Accept a case with every material at window 3 (clerk3)."""
    clerk = AuthService(db).authenticate("clerk3", "clerk3-demo")
    applicant = ApplicantInput(
        ApplicantKind.PERSON, "张伟", IdType.RESIDENT_ID, "11010519491231002X", "13812345678"
    )
    records = dict.fromkeys(("M01", "M02", "M03", "M04"), GOT)
    pages = tuple(
        PageRef(f"{n:064x}", "image/png", 2480, 3508, 1000, 300, None, key)
        for n, key in enumerate(records, start=1)
    )
    case = CaseDraft(applicant, ITEM, "01", records, pages, agent=agent)
    return intake.decide(case, Decision.ACCEPT, clerk, window=3), clerk


def accepted_receipt(
    db: Database,
    clock: FixedClock,
    protector: PersonalDataProtector,
    *,
    agent: AgentInput | None = None,
) -> ReceiptDoc:
    """Accept a case and build its receipt from the saved case."""
    intake = intake_service(db, clock, protector)
    result, clerk = accept(intake, db, agent=agent)
    detail = CaseLookup(db, protector, hall_code="CC01").by_number(result.case_number)
    request = PaperRequest(
        case=detail,
        item=intake.item(ITEM, detail.catalogue_version_id),
        assessment=result.assessment,
        decision=Decision.ACCEPT,
        clerk_name=clerk.display_name,
        window=3,
        today=intake.today(),
    )
    doc = paper_for(request, PaperSettings(DEMO_BRANDING))
    assert isinstance(doc, ReceiptDoc)
    return doc
