"""The result papers the counter numbers itself (the back office's refusal, the supplement
notice) take their number from the hall's book once, and keep it on every later print."""

from __future__ import annotations

import re

from sqlalchemy import select

from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.db.numbering_models import DocumentNumber
from clerk_app.intake.service import IntakeService
from clerk_app.printjobs.service import PrintService
from clerk_app.results.papers import ResultPapers
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from printing.documents import DenialDoc, OneTimeNoticeDoc
from tests.printing import literals as samples
from tests.printing.helpers import pdf_text
from tests.results.conftest import FakeSync, accept

SUPPLEMENT = {"supplement": {"lines": [{"material": "经营场所证明", "requirement": "原件"}]}}


def test_result_papers_are_numbered_once_in_the_halls_book_and_reprinted_alike(
    db: Database,
    protector: PersonalDataCipher,
    printer: PrintService,
    audit: AuditService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
) -> None:
    papers = ResultPapers(db, protector, printer, branding=samples.BRANDING)
    first, second, asked = accept(intake, clerk), accept(intake, clerk), accept(intake, clerk)
    for case in (first, second):
        sync.pull(case.case_id, "rejected", detail={"reason": "经营场所不符合规定"})
    sync.pull(asked.case_id, "supplement_requested", detail=SUPPLEMENT)
    one = papers.document(first.case_id, clerk, 3)
    two = papers.document(second.case_id, clerk, 3)
    notice = papers.document(asked.case_id, clerk, 3)
    assert isinstance(one, DenialDoc) and isinstance(two, DenialDoc)  # art. 38, not art. 32
    assert isinstance(notice, OneTimeNoticeDoc)
    # Before: doc_seq was the case's row id, so every PC's first rejected case said 第00001号.
    assert re.fullmatch(r"长政服不予字〔2026〕第(03-)?00001号", one.number)
    assert re.fullmatch(r"长政服不予字〔2026〕第(03-)?00002号", two.number)
    assert re.fullmatch(r"长政服补字〔2026〕第(03-)?00001号", notice.number)
    again = papers.document(first.case_id, clerk, 3)
    assert isinstance(again, DenialDoc) and again.number == one.number  # rebuilt alike
    job = papers.print_result(first.case_id, clerk, 3)
    copy = papers.print_result(first.case_id, clerk, 3)
    assert copy.is_copy
    for printed in (job, copy):
        assert one.number in pdf_text(printer.archived_pdf(printed.id))
    with db.read() as session:
        numbers = session.scalars(
            select(DocumentNumber.number).where(
                DocumentNumber.case_id == first.case_id, DocumentNumber.kind == "denial"
            )
        ).all()
    assert numbers == [one.number]  # one number for the paper, however often it is printed
