"""Results after the decision on both databases: sync's status changes, the pickup list, the
papers with the server's number, handovers and their refusals, supplements continuing a case."""

from __future__ import annotations

import dataclasses
import json

import pytest
from sqlalchemy import func, select

from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.db.intake_models import CaseMaterial, CaseStatusEvent, IntakeCase
from clerk_app.db.results_models import CaseHandover
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import CaseState
from clerk_app.printjobs.service import PrintService
from clerk_app.results.papers import ResultPapers, owner_key
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
from printing.documents import CertificateDoc, DenialDoc, OneTimeNoticeDoc
from tests.printing.helpers import pdf_text
from tests.results.conftest import AGENT_ID, CERT_NUMBER, ID_NUMBER, FakeSync, accept, draft


@pytest.fixture
def results(
    db: Database, protector: PersonalDataCipher, audit: AuditService, clock: FixedClock
) -> ResultsService:
    return ResultsService(db, protector, hall_code="CC01", audit=audit, clock=clock)


@pytest.fixture
def papers(db: Database, protector: PersonalDataCipher, printer: PrintService) -> ResultPapers:
    return ResultPapers(db, protector, printer)


def _snapshot(db: Database) -> tuple[object, ...]:
    """Everything a handover could touch."""
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(CaseHandover)),
            s.scalar(select(func.count()).select_from(OutboxOperation)),
            tuple(s.execute(select(IntakeCase.id, IntakeCase.state, IntakeCase.updated_ms))),
            tuple(s.execute(select(CaseMaterial.case_id, CaseMaterial.deferred))),
        )


def _outbox(db: Database, protector: PersonalDataCipher, kind: str) -> list[dict[str, object]]:
    with db.read() as s:
        rows = s.scalars(select(OutboxOperation).where(OutboxOperation.kind == kind)).all()
        return [json.loads(protector.decrypt(r.payload_enc, context=OUTBOX)) for r in rows]


def test_server_status_changes_apply_once_and_never_go_backwards(
    db: Database, intake: IntakeService, clerk: UserInfo, sync: FakeSync, clock: FixedClock
) -> None:
    case = accept(intake, clerk)
    assert sync.pull(case.case_id, "received")
    assert sync.approve(case.case_id)
    from clerk_app.results.status import apply_server_status  # noqa: PLC0415
    from clerk_app.results.types import ServerStatus  # noqa: PLC0415

    stale = ServerStatus(99, 1, "rejected", clock.now_ms(), None, {"reason": "old"})
    assert not db.run_write(lambda s: apply_server_status(s, case.case_id, stale, 0))
    with db.read() as s:
        row = s.get_one(IntakeCase, case.case_id)
        assert (row.state, row.server_version, row.certificate_number) == (
            "approved",
            2,
            CERT_NUMBER,
        )
        assert s.scalar(select(func.count()).select_from(CaseStatusEvent)) == 2


def test_the_pickup_list_shows_decisions_waiting_and_is_searchable(
    results: ResultsService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    clock: FixedClock,
) -> None:
    approved, rejected, pending = (accept(intake, clerk) for _ in range(3))
    sync.approve(approved.case_id)
    clock.advance(minutes=60 * 24 * 2)
    sync.pull(rejected.case_id, "rejected", detail={"reason": "经营场所不符合规定"})
    clock.advance(minutes=60 * 24)
    listed = results.pickup_list()
    assert [e.case_number for e in listed] == [approved.case_number, rejected.case_number]
    assert [e.waiting_days for e in listed] == [3, 1]
    assert listed[0].certificate_number == CERT_NUMBER
    assert listed[0].promised_due == approved.promised_due
    assert pending.case_number not in {e.case_number for e in listed}
    assert [e.case_number for e in results.pickup_list(rejected.case_number[-4:])] == [
        rejected.case_number
    ]
    assert [e.case_number for e in results.pickup_list(ID_NUMBER.lower())] == [
        approved.case_number,
        rejected.case_number,
    ]
    assert results.pickup_list("100%_") == []  # LIKE wildcards are literal


def test_the_certificate_carries_the_servers_number_and_a_reprint_is_a_recorded_copy(
    db: Database,
    papers: ResultPapers,
    printer: PrintService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    audit: AuditService,
) -> None:
    case = accept(intake, clerk)
    with pytest.raises(ResultRefused) as refused:
        papers.document(case.case_id, clerk, 3)
    assert refused.value.code is ResultRefusal.NOT_DECIDED
    sync.approve(case.case_id)
    doc = papers.document(case.case_id, clerk, 3)
    assert isinstance(doc, CertificateDoc)
    assert doc.certificate_number == CERT_NUMBER
    first = papers.print_result(case.case_id, clerk, 3)
    assert first.printed and not first.is_copy
    text = pdf_text(printer.archived_pdf(first.id))
    assert CERT_NUMBER in text and case.case_number in text
    copy = papers.print_result(case.case_id, clerk, 3)
    assert copy.is_copy and copy.repeats_job_id == first.id
    reprints = [e for e in audit.entries(0, 2**62) if e.action == "doc.reprint"]
    assert [(e.target_kind, e.target) for e in reprints] == [("paper", owner_key(case.case_number))]


def test_rejections_and_supplements_print_their_notices(
    papers: ResultPapers, intake: IntakeService, clerk: UserInfo, sync: FakeSync
) -> None:
    rejected, asked = accept(intake, clerk), accept(intake, clerk)
    sync.pull(rejected.case_id, "rejected", detail={"reason": "经营场所不符合规定"})
    supplement = {
        "lines": [{"material": "经营场所证明", "requirement": "加盖公章的原件"}],
        "note": "请到综合窗口补正",
        "due_date": "2026-12-04",
        "requested_by": "市场监管局",
    }
    sync.pull(asked.case_id, "supplement_requested", detail={"supplement": supplement})
    refusal = papers.document(rejected.case_id, clerk, 3)
    assert isinstance(refusal, DenialDoc) and refusal.reasons == ("经营场所不符合规定",)
    notice = papers.document(asked.case_id, clerk, 3)
    assert isinstance(notice, OneTimeNoticeDoc)
    assert [m.name for m in notice.materials] == ["经营场所证明"]
    assert notice.submit_by is not None and notice.submit_by.isoformat() == "2026-12-04"


def test_a_supplement_continues_the_same_case_and_counts_a_visit(
    db: Database, intake: IntakeService, clerk: UserInfo, sync: FakeSync
) -> None:
    case = accept(intake, clerk)
    sync.pull(case.case_id, "supplement_requested", detail={"supplement": {"lines": []}})
    again = intake.decide(
        dataclasses.replace(draft(), continuing=case.case_number), Decision.ACCEPT, clerk, 3
    )
    assert (again.case_id, again.visit, again.state) == (case.case_id, 2, CaseState.ACCEPTED)


def test_the_applicant_collects_and_the_handover_is_recorded_synced_and_audited(
    db: Database,
    results: ResultsService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    protector: PersonalDataCipher,
    audit: AuditService,
) -> None:
    case = accept(intake, clerk)
    sync.approve(case.case_id)
    done = results.hand_over(
        HandoverRequest(case.case_id, HandoverMethod.PICKUP, Recipient("张𠮷", ID_NUMBER.lower())),
        clerk,
    )
    assert (done.certificate_number, done.on_behalf) == (CERT_NUMBER, False)
    assert done.recipient_id_masked == "110105********002X"
    assert results.handover_of(case.case_id) == done
    assert results.pickup_list() == []
    [payload] = _outbox(db, protector, "handover.record")
    assert payload["case_no"] == case.case_number and payload["method"] == "pickup"
    assert payload["recipient_id_number"] == ID_NUMBER
    assert [e.target for e in audit.entries(0, 2**62) if e.action == "case.handover"] == [
        case.case_number
    ]
    with db.read() as s:
        assert s.get_one(IntakeCase, case.case_id).state == "handed_over"


def test_an_agent_collects_and_a_result_is_mailed(
    db: Database,
    results: ResultsService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    protector: PersonalDataCipher,
) -> None:
    by_agent, mailed = accept(intake, clerk, agent=True), accept(intake, clerk)
    sync.approve(by_agent.case_id)
    sync.approve(mailed.case_id)
    agent = results.hand_over(
        HandoverRequest(by_agent.case_id, HandoverMethod.PICKUP, Recipient("李四", AGENT_ID)),
        clerk,
    )
    assert agent.on_behalf
    incomplete = HandoverRequest(mailed.case_id, HandoverMethod.MAIL, courier="EMS")
    with pytest.raises(ResultRefused) as refused:
        results.hand_over(incomplete, clerk)
    assert refused.value.code is ResultRefusal.MISSING_COURIER
    mail = dataclasses.replace(incomplete, tracking_no="1234567890123")
    assert results.hand_over(mail, clerk).method is HandoverMethod.MAIL
    payload = _outbox(db, protector, "handover.record")[-1]
    assert (payload["method"], payload["courier"], payload["tracking_no"]) == (
        "mail",
        "中国邮政EMS",  # the listed courier by its name, however it was typed
        "1234567890123",
    )


@pytest.mark.parametrize(
    ("recipient", "code"),
    [
        (Recipient("王五", "440524188001010014"), ResultRefusal.WRONG_PERSON),
        (Recipient("王五", "110105194912310021"), ResultRefusal.INVALID_ID),
        (None, ResultRefusal.WRONG_PERSON),
    ],
)
def test_a_wrong_person_is_refused_and_nothing_changes(
    db: Database,
    results: ResultsService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    recipient: Recipient | None,
    code: ResultRefusal,
) -> None:
    case = accept(intake, clerk)
    sync.approve(case.case_id)
    before = _snapshot(db)
    with pytest.raises(ResultRefused) as refused:
        results.hand_over(HandoverRequest(case.case_id, HandoverMethod.PICKUP, recipient), clerk)
    assert refused.value.code is code
    assert _snapshot(db) == before


def test_a_certificate_waits_for_its_deferred_material_and_goes_out_only_once(
    db: Database,
    results: ResultsService,
    intake: IntakeService,
    clerk: UserInfo,
    sync: FakeSync,
    protector: PersonalDataCipher,
) -> None:
    case = accept(intake, clerk, deferred=True)
    sync.approve(case.case_id)
    request = HandoverRequest(case.case_id, HandoverMethod.PICKUP, Recipient("张𠮷", ID_NUMBER))
    before = _snapshot(db)
    with pytest.raises(ResultRefused) as refused:
        results.hand_over(request, clerk)
    assert (refused.value.code, refused.value.detail) == (
        ResultRefusal.DEFERRED_OUTSTANDING,
        "M03",
    )
    assert _snapshot(db) == before
    [waiting] = results.pickup_list()
    assert waiting.deferred_outstanding == 1
    with pytest.raises(ResultRefused):
        results.supply_deferred(case.case_id, ["M01"], clerk)  # not a deferred material
    assert results.supply_deferred(case.case_id, ["M03"], clerk) == 0
    [supplied] = _outbox(db, protector, "case.supplement_received")
    assert supplied["materials"] == [{"code": "M03", "status": "received"}]
    results.hand_over(request, clerk)
    before = _snapshot(db)
    with pytest.raises(ResultRefused) as twice:
        results.hand_over(request, clerk)
    assert twice.value.code is ResultRefusal.ALREADY_HANDED_OVER
    assert _snapshot(db) == before


def test_nothing_to_hand_over_before_the_server_decides_or_numbers_it(
    results: ResultsService, intake: IntakeService, clerk: UserInfo, sync: FakeSync
) -> None:
    case = accept(intake, clerk)
    request = HandoverRequest(case.case_id, HandoverMethod.PICKUP, Recipient("张𠮷", ID_NUMBER))
    with pytest.raises(ResultRefused) as early:
        results.hand_over(request, clerk)
    assert early.value.code is ResultRefusal.NOT_DECIDED
    sync.pull(case.case_id, "approved")  # approved without a certificate number
    with pytest.raises(ResultRefused) as unnumbered:
        results.hand_over(request, clerk)
    assert unnumbered.value.code is ResultRefusal.NO_CERTIFICATE_NUMBER
    with pytest.raises(ResultRefused) as unknown:
        results.hand_over(dataclasses.replace(request, case_id=999_999), clerk)
    assert unknown.value.code is ResultRefusal.UNKNOWN_CASE
