"""Fees and mailing against the real reference central server over HTTP (through the fault
proxy): the payment and the mailing address arrive with the case and are stored with it, a
mailed handover arrives with its courier and a payment taken at pickup; while the server is
down, slow or answers nonsense, the counter keeps taking fee and mailing cases and nothing is
lost or applied twice."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from clerk_app.calendars.live import hall_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.demo_cases import demo_clerk
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.fees import PaymentInput, PaymentMethod
from clerk_app.intake.mailing import MailingInput
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import ApplicantInput, ApplicantKind, CaseDraft, IdType
from clerk_app.results.service import ResultsService
from clerk_app.results.types import HandoverMethod, HandoverRequest
from clerk_app.sync.client import Credentials, Transport
from tests.sync.conftest import World
from tests.sync.proxy import Rule

OPS = "/v1/operations"
DIVORCE = "22010002002600000026"  # 离婚证工本费 8.00
REFERENCE = "22010026120000012345"
MAIL = MailingInput(
    "王芳", "13912345678", "吉林省", "长春市", "南关区", "人民大街1号3单元", "130022"
)
GOT = MaterialRecord(received=True, original_checked=True, copies=1)


def _intake(w: World) -> IntakeService:
    return IntakeService(
        w.db,
        CatalogueService(w.db),
        w.cipher,
        hall_code="CC01",
        calendar=hall_calendar(w.db),
        clock=w.clock,
        scans_required=False,
    )


def _draft(n: int, payment: PaymentInput, *, mailing: MailingInput | None = None) -> CaseDraft:
    ids = ("11010519491231002X", "440524188001010014", "220102198001010012")
    applicant = ApplicantInput(ApplicantKind.PERSON, "张伟", IdType.RESIDENT_ID, ids[n])
    records = {"M01": GOT, "M02": dataclasses.replace(GOT, copies=2), "M03": GOT}
    return CaseDraft(applicant, DIVORCE, "01", records, payment=payment, mailing=mailing)


def _server_case(w: World, case_no: str) -> dict[str, object]:
    reply = w.server.approver().get(f"/v1/backoffice/cases/{case_no}")
    assert reply.status_code == 200, reply.text
    return reply.json()  # type: ignore[no-any-return]


def test_payment_mailing_and_the_mailed_handover_are_stored_by_the_server(
    any_world: World,
) -> None:
    w = any_world
    intake, clerk = _intake(w), demo_clerk(w.db)
    nontax = PaymentInput(PaymentMethod.NONTAX, Decimal("8.00"), reference=REFERENCE)
    paid = intake.decide(_draft(0, nontax, mailing=MAIL), Decision.ACCEPT, clerk, window=3)
    later = intake.decide(_draft(1, PaymentInput(PaymentMethod.PENDING)), Decision.ACCEPT, clerk, 3)
    assert w.sync().ok and w.outbox() == {"acked": 2}
    stored = _server_case(w, paid.case_number)
    assert stored["payment"] == {
        "status": "paid",
        "method": "nontax",
        "due": "8.00",
        "paid": "8.00",
        "reference": REFERENCE,
        "lines": [
            {
                "name": "离婚证工本费（每对）",
                "amount": "8.00",
                "basis": "邓州市民政局婚姻登记处《内地居民离婚登记》办事指南：离婚证每对工本费8元",
            }
        ],
    }
    assert stored["mailing"] == {
        "recipient": "王芳",
        "phone": "13912345678",
        "province": "吉林省",
        "city": "长春市",
        "district": "南关区",
        "address": "人民大街1号3单元",
        "postal_code": "130022",
    }
    detail = stored["decision_detail"]
    assert isinstance(detail, dict) and "payment" not in detail
    pending = _server_case(w, later.case_number)["payment"]
    assert isinstance(pending, dict) and pending["status"] == "pending"
    # Approved on the server, pulled, mailed with the fees of the pay-later case taken now.
    for number in (paid.case_number, later.case_number):
        w.approve(number)
    assert w.sync().ok
    results = ResultsService(w.db, w.cipher, hall_code="CC01", clock=w.clock)
    results.hand_over(
        HandoverRequest(
            paid.case_id, HandoverMethod.MAIL, courier="ems", tracking_no="EA123456785CN"
        ),
        clerk,
    )
    results.hand_over(
        HandoverRequest(
            later.case_id,
            HandoverMethod.MAIL,
            mail_to="张伟",
            courier="sf",
            tracking_no="SF1234567890123",
            payment=PaymentInput(PaymentMethod.CASH),
        ),
        clerk,
    )
    assert w.sync().ok and w.outbox() == {"acked": 4}
    mailed = _server_case(w, paid.case_number)
    assert mailed["status"] == "delivered"
    handover = mailed["handover"]
    assert isinstance(handover, dict)
    assert (handover["method"], handover["courier"], handover["tracking_no"]) == (
        "mail",
        "中国邮政EMS",
        "EA123456785CN",
    )
    settled = _server_case(w, later.case_number)["payment"]
    assert isinstance(settled, dict)
    assert (settled["status"], settled["method"], settled["paid"]) == ("paid", "cash", "8.00")


def test_server_down_slow_or_wrong_the_counter_keeps_taking_fees_and_pushes_each_once(
    world: World,
) -> None:
    w = world
    intake, clerk = _intake(w), demo_clerk(w.db)
    cash = PaymentInput(PaymentMethod.CASH)
    numbers = [intake.decide(_draft(0, cash, mailing=MAIL), Decision.ACCEPT, clerk, 3).case_number]
    w.proxy.add(Rule("status", "POST", OPS, status=503))  # down
    assert w.sync().error_kind == "retryable"
    numbers.append(intake.decide(_draft(1, cash), Decision.ACCEPT, clerk, 3).case_number)
    w.proxy.add(Rule("html", "POST", OPS))  # a wrong answer: a captive portal's 200 page
    assert not w.sync().ok
    w.proxy.add(Rule("hold", "POST", OPS))  # slower than the client's patience

    def impatient(url: str, credentials: Credentials) -> Transport:
        return Transport(url, credentials, timeout=0.5)

    slow = w.engine(transport=impatient).run_cycle(force=True)
    assert slow.error_kind == "retryable" and slow.pending == 2
    w.proxy.release()
    w.proxy.wait_answered("POST", OPS, 1)
    numbers.append(intake.decide(_draft(2, cash), Decision.ACCEPT, clerk, 3).case_number)
    w.proxy.add(Rule("drop_after_request", "POST", OPS))  # applied, the reply lost
    assert not w.sync().ok
    assert w.sync().ok and w.outbox() == {"acked": 3}
    assert sorted(w.server_cases()) == sorted(numbers)
    assert w.server_ops() == 3  # each case applied once, however often it was sent
    for number in numbers:
        payment = _server_case(w, number)["payment"]
        assert isinstance(payment, dict) and payment["paid"] == "8.00"
