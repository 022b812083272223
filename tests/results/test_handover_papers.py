"""The pickup window's papers through the real results service on both databases: the
handover record (出件记录) printed and archived for each way a result leaves the hall, and the
certificate's holder ID and scope. Text is read back out of the archived PDF with PDFium."""

from __future__ import annotations

import dataclasses

import pytest

from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.fees import PaymentInput, PaymentMethod
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.printjobs.service import PrintService
from clerk_app.results.papers import ResultPapers, handover_owner_key
from clerk_app.results.service import ResultsService
from clerk_app.results.types import (
    HandoverMethod,
    HandoverRequest,
    Recipient,
    ResultRefusal,
    ResultRefused,
)
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from printing.documents import DocumentKind
from tests.pdf_read import pdfium_text
from tests.results.conftest import (
    AGENT_ID,
    CERT_NUMBER,
    GOT,
    ID_NUMBER,
    FakeSync,
    accept,
    draft,
    page,
)

CONFIRMATION_ITEM = "22010002002600000026"  # 内地居民离婚登记: a 行政确认, not a licence


@pytest.fixture
def results(
    db: Database, protector: PersonalDataCipher, audit: AuditService, clock: FixedClock
) -> ResultsService:
    return ResultsService(db, protector, hall_code="CC01", audit=audit, clock=clock)


@pytest.fixture
def papers(db: Database, protector: PersonalDataCipher, printer: PrintService) -> ResultPapers:
    return ResultPapers(db, protector, printer)


def _archived_text(
    printer: PrintService, papers: ResultPapers, case_id: int, clerk: UserInfo
) -> str:
    job = papers.print_handover(case_id, clerk, 8)
    assert job.printed and not job.is_copy
    assert job.document_kind is DocumentKind.HANDOVER and job.archive_sha256 is not None
    return pdfium_text(printer.archived_pdf(job.id))


def test_the_applicant_collects_in_person_and_the_record_is_printed_and_archived(
    results: ResultsService,
    papers: ResultPapers,
    printer: PrintService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    audit: AuditService,
) -> None:
    case = accept(intake, clerk)
    sync.approve(case.case_id)
    with pytest.raises(ResultRefused) as refused:
        papers.print_handover(case.case_id, clerk, 8)
    assert refused.value.code is ResultRefusal.NOT_HANDED_OVER
    results.hand_over(
        HandoverRequest(case.case_id, HandoverMethod.PICKUP, Recipient("张𠮷", ID_NUMBER)), clerk
    )
    text = _archived_text(printer, papers, case.case_id, clerk)
    for line in (
        "办理结果出件记录",
        f"办件编号{case.case_number}",
        "出件时间2026年11月24日09:30",
        "办理结果个体工商户营业执照",
        f"证照编号{CERT_NUMBER}",
        "出件方式窗口领取",
        "领取人张𠮷",
        "证件号码110105********002X",
        "联系电话138****5678",
        "出件窗口8号窗口",
        "领取人（签字）",
    ):
        assert line in text
    assert "代领" not in text and ID_NUMBER not in text and "13812345678" not in text
    # Printed once; again only as a recorded copy of the archived paper.
    copy = papers.print_handover(case.case_id, clerk, 8)
    assert copy.is_copy
    reprints = [e for e in audit.entries(0, 2**62) if e.action == "doc.reprint"]
    assert [(e.target_kind, e.target) for e in reprints] == [
        ("paper", handover_owner_key(case.case_number))
    ]


def test_an_agent_collects_and_the_record_shows_the_agents_masked_id(
    results: ResultsService,
    papers: ResultPapers,
    printer: PrintService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
) -> None:
    case = accept(intake, clerk, agent=True)
    sync.approve(case.case_id)
    results.hand_over(
        HandoverRequest(case.case_id, HandoverMethod.PICKUP, Recipient("李四", AGENT_ID)), clerk
    )
    text = _archived_text(printer, papers, case.case_id, clerk)
    assert "出件方式窗口领取（代领）" in text and "领取人李四" in text
    assert "证件号码440524********0014" in text
    assert AGENT_ID not in text and ID_NUMBER not in text and "13812345678" not in text


def test_a_mailed_result_records_the_courier_and_tracking_number(
    results: ResultsService,
    papers: ResultPapers,
    printer: PrintService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
) -> None:
    case = accept(intake, clerk)
    sync.approve(case.case_id)
    mail = HandoverRequest(
        case.case_id, HandoverMethod.MAIL, courier="中国邮政EMS", tracking_no="1234567890123"
    )
    results.hand_over(mail, clerk)
    text = _archived_text(printer, papers, case.case_id, clerk)
    for line in (
        "出件方式邮寄送达",
        "快递公司中国邮政EMS",
        "运单号1234567890123",
        "收件人张𠮷",
        "联系电话138****5678",
        "寄送地址长春市",
    ):
        assert line in text
    assert "领取人（签字）" not in text and ID_NUMBER not in text and "110105" not in text


def test_a_licence_shows_its_holders_whole_id_and_its_licensed_scope(
    papers: ResultPapers,
    printer: PrintService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
) -> None:
    case = accept(intake, clerk)
    sync.approve(case.case_id)
    job = papers.print_result(case.case_id, clerk, 8)
    text = pdfium_text(printer.archived_pdf(job.id))
    assert f"证件号码{ID_NUMBER}" in text  # the holder's own licence: the whole number
    assert "许可范围餐饮服务" in text


def test_a_certificate_of_another_item_type_has_no_licensed_scope(
    papers: ResultPapers,
    printer: PrintService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
) -> None:
    two = MaterialRecord(received=True, original_checked=True, copies=2)
    records = {"M01": GOT, "M02": two, "M03": GOT}
    base = draft()
    confirmation = dataclasses.replace(
        base,
        item_code=CONFIRMATION_ITEM,
        records=records,
        payment=PaymentInput(PaymentMethod.CASH),  # its 8.00 certificate fee
        pages=tuple(page(n, m) for n, m in enumerate(records, start=1)),
    )
    case = intake.decide(confirmation, Decision.ACCEPT, clerk, window=3)
    sync.approve(case.case_id)
    job = papers.print_result(case.case_id, clerk, 8)
    text = pdfium_text(printer.archived_pdf(job.id))
    assert "确认事项餐饮服务" in text and "许可范围" not in text
    assert f"证件号码{ID_NUMBER}" in text
