"""The counter's services as the app builds them, in one place: the intake screen
(``ui.intake.wiring``) and the real-flow sample papers (``clerk_app.samples``) both use this,
so a sample is printed by exactly the services a clerk's decision goes through.

``decision_papers`` are the papers a counter decision hands the applicant, built from the case
as it was saved (the intake screen's paper bar calls it after each decision).
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk_app.audit.service import AuditService
from clerk_app.calendars.live import hall_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import (
    PaperRequest,
    PaperSettings,
    commitment_letter_for,
    paper_for,
)
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Refusal
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import DecisionResult
from clerk_app.printjobs.service import PrintService
from clerk_app.ratings.service import RatingService
from clerk_app.results.papers import ResultPapers
from clerk_app.results.service import ResultsService
from clerk_app.settings import DEFAULT_POST_CHECK_DAYS, PapersSettings, PrintingSettings
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database
from printing.documents import CommitmentDoc, Document


@dataclass(frozen=True, slots=True)
class CounterServices:
    catalogue: CatalogueService
    intake: IntakeService
    lookup: CaseLookup
    printer: PrintService
    papers: PaperSettings
    audit: AuditService
    results: ResultsService
    result_papers: ResultPapers
    ratings: RatingService


def counter_services(
    db: Database,
    printing: PrintingSettings,
    blobs: BlobStore,
    protector: PersonalDataProtector,
    *,
    hall_code: str,
    papers: PapersSettings | None = None,
    post_check_days: int = DEFAULT_POST_CHECK_DAYS,
    rating_follow_up_days: int = 5,
    clock: Clock | None = None,
) -> CounterServices:
    """Intake, papers, printing, results and ratings of one counter PC, on THE hall calendar
    (read from the database), the hall's document number book (``printing.branding``) and the
    hall's and departments' ``[papers]`` settings."""
    clock = clock or SystemClock()
    audit = AuditService(db, clock)
    catalogue = CatalogueService(db)
    calendar = hall_calendar(db)
    branding = printing.branding
    office = papers or PapersSettings()
    intake = IntakeService(
        db,
        catalogue,
        protector,
        hall_code=hall_code,
        calendar=calendar,
        audit=audit,
        clock=clock,
        branding=branding,
        post_check_days=post_check_days,
    )
    printer = PrintService(db, printing, blobs, role=printing.role, clock=clock, audit=audit)
    return CounterServices(
        catalogue=catalogue,
        intake=intake,
        lookup=CaseLookup(db, protector, hall_code=hall_code),
        printer=printer,
        papers=PaperSettings(branding=branding, papers=office),
        audit=audit,
        results=ResultsService(db, protector, hall_code=hall_code, audit=audit, clock=clock),
        result_papers=ResultPapers(db, protector, printer, papers=office, branding=branding),
        ratings=RatingService(
            db,
            protector,
            hall_code=hall_code,
            calendar=calendar,
            follow_up_days=rating_follow_up_days,
            clock=clock,
        ),
    )


def decision_papers(
    intake: IntakeService,
    lookup: CaseLookup,
    settings: PaperSettings,
    result: DecisionResult,
    refusal: Refusal | None,
    clerk: tuple[str, int],
) -> tuple[Document, CommitmentDoc | None]:
    """The decision's paper and, where the applicant signed a 告知承诺, the commitment letter
    printed beside it."""
    case = lookup.by_number(result.case_number)
    item = intake.item(case.summary.item_code, case.catalogue_version_id)
    request = PaperRequest(
        case=case,
        item=item,
        assessment=result.assessment,
        decision=result.decision,
        clerk_name=clerk[0],
        window=clerk[1],
        today=intake.today(),
        refusal=refusal,
    )
    return paper_for(request, settings), commitment_letter_for(request, settings)
