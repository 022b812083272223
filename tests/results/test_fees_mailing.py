"""Fees and mailing through the real services on both databases: a fee item's case needs its
payment, the receipt prints the fees and the payment, a pay-later case pays at pickup, a
mailed result's handover checks the tracking number and prints the waybill, and the daily
report sums the money. Papers are read back out of real PDFs."""

from __future__ import annotations

import dataclasses
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError
from pypdf import PdfReader
from sqlalchemy import func, select

from clerk_app.accounts.roles import UserInfo
from clerk_app.db.fees_models import CaseMailing, CasePayment
from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.demo import DEMO_BRANDING
from clerk_app.demo_cases import create_fee_and_mail_demo
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.fees import (
    PaymentError,
    PaymentInput,
    PaymentMethod,
    check_payment,
    check_reference,
    fee_lines,
    parse_yuan,
)
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.mailing import MailingError, MailingInput, check_mailing
from clerk_app.intake.papers import PaperRequest, PaperSettings, paper_for
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import CaseDraft, CaseState, IntakeRefusal, IntakeRefused
from clerk_app.printjobs.service import PrintService
from clerk_app.queue.daily_report import daily_report
from clerk_app.queue.service import QueueService
from clerk_app.results.couriers import Courier, TrackingError, check_tracking
from clerk_app.results.papers import ResultPapers
from clerk_app.results.service import ResultsService
from clerk_app.results.types import HandoverMethod, HandoverRequest, ResultRefusal, ResultRefused
from clerk_app.sync.payload import schema_version, to_wire
from clerk_app.validation import Invalid
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from onewindow_protocol.wire.ops import CaseAcceptV1, CaseAcceptV2, HandoverRecordV2
from printing.render import render_pdf
from tests.blob_ring import TEST_RING
from tests.pdf_read import pdfium_text
from tests.results.conftest import GOT, FakeSync, draft, page

DIVORCE = "22010002002600000026"  # 内地居民离婚登记: 离婚证工本费 8.00 in every situation
DISABILITY = "22010007001100000011"  # 残疾人证: 100.00 only for 类别/等级变更 (situation 02)
REFERENCE = "22010026120000012345"  # a 非税收入缴款码 as the province prints it: 20 digits
MAIL = MailingInput(
    "王芳", "+86 139 1234 5678", "吉林省", "长春市", "南关区", "人民大街1号3单元", "130022"
)


def fee_draft(**kw: object) -> CaseDraft:
    records = dict.fromkeys(("M01", "M02", "M03"), GOT)
    records["M02"] = MaterialRecord(received=True, original_checked=True, copies=2)
    pages = tuple(page(n, m) for n, m in enumerate(records, start=1))
    base = dataclasses.replace(draft(), item_code=DIVORCE, records=records, pages=pages)
    return dataclasses.replace(base, **kw)  # type: ignore[arg-type]


@pytest.fixture
def results(db: Database, protector: PersonalDataCipher, clock: FixedClock) -> ResultsService:
    return ResultsService(db, protector, hall_code="CC01", clock=clock)


@pytest.fixture
def papers(db: Database, protector: PersonalDataCipher, printer: PrintService) -> ResultPapers:
    return ResultPapers(db, protector, printer, branding=DEMO_BRANDING)


def _count(db: Database, model: type[object]) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _receipt_text(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataCipher,
    clerk: UserInfo,
    case: CaseDraft,
) -> str:
    result = intake.decide(case, Decision.ACCEPT, clerk, window=3)
    detail = CaseLookup(db, protector, hall_code="CC01").by_number(result.case_number)
    request = PaperRequest(
        case=detail,
        item=intake.item(case.item_code, detail.catalogue_version_id),
        assessment=result.assessment,
        decision=Decision.ACCEPT,
        clerk_name=clerk.display_name,
        window=3,
        today=intake.today(),
    )
    settings = PaperSettings(DEMO_BRANDING)
    pdf = render_pdf(paper_for(request, settings), settings.branding)
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    return "".join(text.split())


def _outbox(db: Database, protector: PersonalDataCipher, kind: str) -> list[OutboxOperation]:
    with db.read() as session:
        return list(
            session.scalars(
                select(OutboxOperation)
                .where(OutboxOperation.kind == kind)
                .order_by(OutboxOperation.seq)
            )
        )


def _stored(protector: PersonalDataCipher, op: OutboxOperation) -> dict[str, object]:
    return json.loads(protector.decrypt(op.payload_enc, context=OUTBOX))  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------- fees at intake
def test_a_fee_item_is_not_accepted_without_its_payment_and_nothing_is_saved(
    db: Database, intake: IntakeService, protector: PersonalDataCipher, clerk: UserInfo
) -> None:
    with pytest.raises(IntakeRefused) as refused:
        intake.decide(fee_draft(), Decision.ACCEPT, clerk, window=3)
    assert refused.value.code is IntakeRefusal.INVALID_PAYMENT
    assert isinstance(refused.value.invalid, Invalid)
    assert refused.value.invalid.code is PaymentError.REQUIRED
    wrong = PaymentInput(PaymentMethod.CASH, Decimal("9.00"))
    with pytest.raises(IntakeRefused) as refused:
        intake.decide(fee_draft(payment=wrong), Decision.ACCEPT, clerk, window=3)
    assert refused.value.invalid is not None
    assert refused.value.invalid.code is PaymentError.WRONG_AMOUNT
    assert (refused.value.invalid.found, refused.value.invalid.expected) == ("9.00", "8.00")
    for model in (IntakeCase, CasePayment, OutboxOperation):
        assert _count(db, model) == 0
    # A one-time notice takes no money; a fee-free item needs no payment record.
    intake.decide(fee_draft(records={}, pages=()), Decision.ONE_TIME_NOTICE, clerk, window=3)
    intake.decide(draft(), Decision.ACCEPT, clerk, window=3)
    assert _count(db, CasePayment) == 0
    [free] = _outbox(db, protector, "case.accept")
    stored = _stored(protector, free)
    assert "payment" not in stored and schema_version(free.kind, stored) == 1  # as before
    CaseAcceptV1.model_validate(to_wire(free.kind, stored, free.created_ms))


def test_a_fee_charged_in_one_situation_only_is_not_asked_in_another(
    intake: IntakeService,
) -> None:
    item = intake.item(DISABILITY)
    assert fee_lines(item, "01") == ()  # 新办证免费
    [change] = fee_lines(item, "02")
    assert (change.name_zh, change.amount) == ("类别/等级变更办证费", Decimal("100.00"))
    assert change.basis and "100元" in change.basis
    [divorce] = fee_lines(intake.item(DIVORCE), "01")
    assert divorce.amount == Decimal("8.00") and isinstance(divorce.amount, Decimal)


def test_cash_is_recorded_in_whole_fen_printed_on_the_receipt_and_pushed_with_the_case(
    db: Database, intake: IntakeService, protector: PersonalDataCipher, clerk: UserInfo
) -> None:
    text = _receipt_text(
        db, intake, protector, clerk, fee_draft(payment=PaymentInput(PaymentMethod.CASH))
    )
    for line in (
        "收费情况",
        "离婚证工本费（每对）",
        "8.00",
        "离婚证每对工本费8元",
        "应缴合计：8.00元",
        "缴费状态已缴费",
        "实收金额8.00元",
        "缴费方式现金",
    ):
        assert line in text
    with db.read() as session:
        row = session.scalars(select(CasePayment)).one()
        assert (row.status, row.method, row.due_fen, row.paid_fen) == ("paid", "cash", 800, 800)
    [op] = _outbox(db, protector, "case.accept")
    stored = _stored(protector, op)
    assert schema_version(op.kind, stored) == 2  # a field is never added to a version in place
    wire = CaseAcceptV2.model_validate(to_wire(op.kind, stored, op.created_ms))
    with pytest.raises(ValidationError):  # version 1 refuses the new field: an old server too
        CaseAcceptV1.model_validate(to_wire(op.kind, stored, op.created_ms))
    assert wire.payment is not None
    assert (wire.payment.status, wire.payment.due, wire.payment.paid) == ("paid", "8.00", "8.00")
    assert wire.payment.lines[0].amount == "8.00"


def test_a_non_tax_payment_reference_has_20_digits_and_prints_whole(
    db: Database, intake: IntakeService, protector: PersonalDataCipher, clerk: UserInfo
) -> None:
    assert check_reference("2201 0026 1200 0001 2345") == REFERENCE  # grouped as read out
    full_width = REFERENCE.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    assert check_reference(full_width) == REFERENCE
    short = check_reference(REFERENCE[:-1])
    assert isinstance(short, Invalid) and short.code is PaymentError.BAD_REFERENCE
    assert short.found == "19"
    assert isinstance(check_reference("2201002612000001234X"), Invalid)
    paid = PaymentInput(PaymentMethod.NONTAX, Decimal("8"), reference="22010026-120000012345")
    text = _receipt_text(db, intake, protector, clerk, fee_draft(payment=paid))
    assert f"缴款码{REFERENCE}" in text and "缴费方式非税收入缴款码" in text


def test_amounts_are_parsed_as_decimal_never_float() -> None:
    assert parse_yuan("8") == Decimal("8.00")
    assert parse_yuan("１,０００.５") == Decimal("1000.50")
    assert parse_yuan("¥0.10") == Decimal("0.10")
    for bad in ("8.001", "-1", "abc", "NaN", "1e3x"):
        found = parse_yuan(bad)
        assert isinstance(found, Invalid) and found.code is PaymentError.BAD_AMOUNT, bad
    waived = check_payment(PaymentInput(PaymentMethod.WAIVED), ())
    assert isinstance(waived, Invalid) and waived.code is PaymentError.NO_REASON


# ---------------------------------------------------------------------------- pay at pickup
def test_pay_later_holds_the_result_until_the_fees_are_paid_at_pickup(
    db: Database,
    intake: IntakeService,
    results: ResultsService,
    papers: ResultPapers,
    printer: PrintService,
    protector: PersonalDataCipher,
    clerk: UserInfo,
    sync: FakeSync,
) -> None:
    case = intake.decide(
        fee_draft(payment=PaymentInput(PaymentMethod.PENDING)), Decision.ACCEPT, clerk, window=3
    )
    sync.approve(case.case_id)
    pickup = HandoverRequest(
        case.case_id, HandoverMethod.MAIL, courier="ems", tracking_no="1234567890123"
    )
    with pytest.raises(ResultRefused) as refused:
        results.hand_over(pickup, clerk)
    assert refused.value.code is ResultRefusal.FEES_UNPAID
    later = dataclasses.replace(pickup, payment=PaymentInput(PaymentMethod.PENDING))
    with pytest.raises(ResultRefused):
        results.hand_over(later, clerk)
    with db.read() as session:
        assert session.scalars(select(CasePayment)).one().status == "pending"
    paid = dataclasses.replace(pickup, payment=PaymentInput(PaymentMethod.CASH))
    assert results.hand_over(paid, clerk).mailed
    with db.read() as session:
        row = session.scalars(select(CasePayment)).one()
        assert (row.status, row.method, row.paid_fen) == ("paid", "cash", 800)
    [op] = _outbox(db, protector, "handover.record")
    assert schema_version(op.kind, _stored(protector, op)) == 2
    wire = HandoverRecordV2.model_validate(to_wire(op.kind, _stored(protector, op), 0))
    assert wire.payment is not None and wire.payment.paid == "8.00"
    job = papers.print_handover(case.case_id, clerk, 8)
    assert "实收金额8.00元" in "".join(pdfium_text(printer.archived_pdf(job.id)).split())


# ---------------------------------------------------------------------------- mailing
def test_a_mailing_address_is_checked_before_anything_is_saved(
    db: Database, intake: IntakeService, clerk: UserInfo
) -> None:
    checked = check_mailing(MAIL)
    assert not isinstance(checked, Invalid)
    assert (checked.phone, checked.phone_masked) == ("13912345678", "139****5678")
    cases = {
        MailingError.NO_RECIPIENT: dataclasses.replace(MAIL, recipient=" "),
        MailingError.NOT_A_MOBILE: dataclasses.replace(MAIL, phone="0431-88881234"),
        MailingError.BAD_PHONE: dataclasses.replace(MAIL, phone="12345"),
        MailingError.NO_REGION: dataclasses.replace(MAIL, district=""),
        MailingError.ADDRESS_TOO_SHORT: dataclasses.replace(MAIL, address="1号"),
        MailingError.ADDRESS_TOO_LONG: dataclasses.replace(MAIL, address="长" * 121),
        MailingError.BAD_POSTAL_CODE: dataclasses.replace(MAIL, postal_code="13002"),
    }
    for code, bad in cases.items():
        found = check_mailing(bad)
        assert isinstance(found, Invalid) and found.code is code, code
    with pytest.raises(IntakeRefused) as refused:
        intake.decide(
            dataclasses.replace(draft(), mailing=cases[MailingError.NOT_A_MOBILE]),
            Decision.ACCEPT,
            clerk,
            window=3,
        )
    assert refused.value.code is IntakeRefusal.INVALID_MAILING
    assert _count(db, IntakeCase) == 0 and _count(db, CaseMailing) == 0


def test_tracking_numbers_are_checked_where_the_courier_publishes_the_format() -> None:
    assert check_tracking(Courier.EMS, "1234567890123") == "1234567890123"
    assert check_tracking(Courier.EMS, "ea 123456785 cn") == "EA123456785CN"  # UPU S10
    wrong = check_tracking(Courier.EMS, "EA123456784CN")
    assert isinstance(wrong, Invalid) and wrong.code is TrackingError.S10_CHECK
    assert (wrong.found, wrong.expected) == ("4", "5")
    short = check_tracking(Courier.EMS, "123456789012")
    assert isinstance(short, Invalid) and short.code is TrackingError.EMS_FORMAT
    assert check_tracking(Courier.SF, "SF1234567890123") == "SF1234567890123"
    assert isinstance(check_tracking(Courier.SF, "1234567890123"), Invalid)
    assert check_tracking(Courier.ZTO, "78123456789012") == "78123456789012"
    assert isinstance(check_tracking(None, "12-34"), Invalid)


def test_a_mailed_result_is_handed_over_as_mailed_with_the_waybill_printed(
    db: Database,
    intake: IntakeService,
    results: ResultsService,
    papers: ResultPapers,
    printer: PrintService,
    protector: PersonalDataCipher,
    clerk: UserInfo,
    sync: FakeSync,
) -> None:
    case = intake.decide(dataclasses.replace(draft(), mailing=MAIL), Decision.ACCEPT, clerk, 3)
    with db.read() as session:
        stored = session.scalars(select(CaseMailing)).one()
        assert "13912345678" not in stored.phone_enc and stored.phone_masked == "139****5678"
    [op] = _outbox(db, protector, "case.accept")
    wire = CaseAcceptV2.model_validate(to_wire(op.kind, _stored(protector, op), op.created_ms))
    assert wire.mailing is not None
    assert (wire.mailing.phone, wire.mailing.postal_code) == ("13912345678", "130022")
    sync.approve(case.case_id)
    mail = HandoverRequest(
        case.case_id, HandoverMethod.MAIL, courier="ems", tracking_no="EA123456784CN"
    )
    with pytest.raises(ResultRefused) as refused:
        results.hand_over(mail, clerk)
    assert refused.value.code is ResultRefusal.INVALID_TRACKING
    done = results.hand_over(dataclasses.replace(mail, tracking_no="EA123456785CN"), clerk)
    assert done.mailed and done.recipient_name == "王芳"
    with db.read() as session:
        assert session.get_one(IntakeCase, case.case_id).state == CaseState.HANDED_OVER.value
    handed = _stored(protector, _outbox(db, protector, "handover.record")[0])
    assert (handed["method"], handed["courier"], handed["tracking_no"]) == (
        "mail",
        "中国邮政EMS",
        "EA123456785CN",
    )
    job = papers.print_handover(case.case_id, clerk, 8)
    text = "".join(pdfium_text(printer.archived_pdf(job.id)).split())
    for line in (
        "出件方式邮寄送达",
        "快递公司中国邮政EMS",
        "运单号EA123456785CN",
        "收件人王芳",
        "联系电话139****5678",
        "邮寄面单信息",
        f"寄件人{DEMO_BRANDING.agency_name}",
        "收件电话13912345678",
        "收件地址吉林省长春市南关区人民大街1号3单元",
        "邮政编码130022",
        f"办件编号{case.case_number}",
    ):
        assert line in text, line


# ---------------------------------------------------------------------------- daily report
def test_the_daily_report_sums_the_fees_per_method_and_per_item(
    db: Database, intake: IntakeService, queue: QueueService, clerk: UserInfo
) -> None:
    nontax = PaymentInput(PaymentMethod.NONTAX, reference=REFERENCE)
    for payment in (
        PaymentInput(PaymentMethod.CASH),
        PaymentInput(PaymentMethod.CASH, Decimal("8.00")),
        nontax,
        PaymentInput(PaymentMethod.WAIVED, reason="低保对象减免"),
        PaymentInput(PaymentMethod.PENDING),
    ):
        intake.decide(fee_draft(payment=payment), Decision.ACCEPT, clerk, window=3)
    doc = daily_report(queue, intake.today())
    assert [(f.label, f.cases, f.amount) for f in doc.fees_by_method] == [
        ("现金", 2, "16.00"),
        ("非税收入缴款码", 1, "8.00"),
        ("免缴", 1, "8.00"),
        ("待缴", 1, "8.00"),
    ]
    assert [(f.label, f.cases, f.amount) for f in doc.fees_by_item] == [
        ("内地居民离婚登记", 3, "24.00")
    ]
    assert doc.fees_total == "24.00"
    text = "".join(pdfium_text(render_pdf(doc, DEMO_BRANDING)).split())
    for line in (
        "收费统计",
        "现金216.00",
        "非税收入缴款码18.00",
        "实收合计24.00",
        "内地居民离婚登记324.00",
    ):
        assert line in text, line


def test_the_demo_makes_its_fee_and_mailing_cases_once(
    db: Database, protector: PersonalDataCipher, clock: FixedClock, tmp_path: Path
) -> None:
    store = BlobStore(tmp_path / "blobs", TEST_RING)
    made = create_fee_and_mail_demo(db, protector, store, clock=clock)
    assert len(made) == 3
    assert create_fee_and_mail_demo(db, protector, store, clock=clock) == ()
    with db.read() as session:
        statuses = sorted(session.scalars(select(CasePayment.status)))
        assert statuses == ["paid", "pending"]
        assert session.scalars(select(CaseMailing.recipient)).one() == "王芳"
