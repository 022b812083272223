"""The counter's services (``Services.counter`` of the composition root, clerk_app.services):
the intake screen (``ui.intake.wiring``) and the real-flow sample papers (``clerk_app.samples``)
both read them there, so a sample is printed by exactly the services a clerk's decision goes
through.

``decision_papers`` are the papers a counter decision hands the applicant, built from the case
as it was saved (the intake screen's paper bar calls it after each decision).
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk_app.audit.service import AuditService
from clerk_app.catalogue.service import CatalogueService
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import (
    PaperRequest,
    PaperSettings,
    commitment_letter_for,
    paper_for,
)
from clerk_app.intake.rules import Refusal
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import DecisionResult
from clerk_app.printjobs.service import PrintService
from clerk_app.ratings.service import RatingService
from clerk_app.results.papers import ResultPapers
from clerk_app.results.service import ResultsService
from clerk_app.signatures.service import SignatureService
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
    signatures: SignatureService


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
