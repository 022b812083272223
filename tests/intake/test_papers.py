"""Each decision's paper, built from the case as saved, rendered to a real PDF."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.demo import DEMO_BRANDING
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import PaperRequest, PaperSettings, document_seq, paper_for
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Decision, Refusal, RefusalGround
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import ApplicantInput, ApplicantKind, CaseDraft, IdType, PageRef
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from printing.documents import DeferralDoc, OneTimeNoticeDoc, ReceiptDoc, RefusalDoc
from printing.render import render_pdf

ITEM = "22010001001700000017"
ID_NUMBER = "11010519491231002X"
GOT = MaterialRecord(received=True, original_checked=True, copies=1)
SETTINGS = PaperSettings(DEMO_BRANDING)


def draft(records: dict[str, MaterialRecord], **kw: object) -> CaseDraft:
    applicant = ApplicantInput(
        ApplicantKind.PERSON, "张伟", IdType.RESIDENT_ID, ID_NUMBER, "13812345678"
    )
    pages = tuple(
        PageRef(f"{n:064x}", "image/png", 2480, 3508, 1000, 300, None, key)
        for n, key in enumerate(records, start=1)
        if records[key].received
    )
    return CaseDraft(applicant, ITEM, "01", records, pages, **kw)  # type: ignore[arg-type]


def paper(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
    case: CaseDraft,
    decision: Decision,
) -> tuple[object, str]:
    result = intake.decide(case, decision, clerk, window=3)
    detail = CaseLookup(db, protector, hall_code="CC01").by_number(result.case_number)
    request = PaperRequest(
        case=detail,
        item=intake.item(case.item_code, detail.catalogue_version_id),
        assessment=result.assessment,
        decision=decision,
        clerk_name=clerk.display_name,
        window=3,
        today=intake.today(),
        refusal=case.refusal,
    )
    doc = paper_for(request, SETTINGS)
    pdf = render_pdf(doc, SETTINGS.branding)
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    return doc, "".join(text.split())


def test_a_receipt_lists_what_was_received_with_the_promised_date(
    db: Database, intake: IntakeService, protector: PersonalDataProtector, clerk: UserInfo
) -> None:
    case = draft(dict.fromkeys(("M01", "M02", "M03", "M04"), GOT))
    doc, text = paper(db, intake, protector, clerk, case, Decision.ACCEPT)
    assert isinstance(doc, ReceiptDoc)
    assert doc.promised_date == dt.date(2026, 11, 27)
    assert [m.name for m in doc.materials][:3] == [
        "个体工商户开业登记申请书",
        "经营者身份证明",
        "经营场所使用证明",
    ]
    assert doc.case_number in text and "110105********002X" in text and ID_NUMBER not in text
    assert doc.doc_seq == document_seq(doc.case_number) == 1


def test_a_one_time_notice_lists_every_missing_material_with_its_standard(
    db: Database, intake: IntakeService, protector: PersonalDataProtector, clerk: UserInfo
) -> None:
    short = MaterialRecord(received=True, original_checked=False, copies=1)
    case = draft({"M01": GOT, "M02": short})
    doc, text = paper(db, intake, protector, clerk, case, Decision.ONE_TIME_NOTICE)
    assert isinstance(doc, OneTimeNoticeDoc)
    assert [(m.name[:6], m.problem.value) for m in doc.materials] == [
        ("经营者身份证", "defective"),
        ("经营场所使用", "missing"),
        ("有关批准文件", "missing"),
    ]
    assert all(m.standard for m in doc.materials)
    assert "经营场所使用证明" in text and "原件真实有效" in text
    assert "个体工商户开业登记申请书" not in text


def test_a_deferral_notice_names_the_deferred_material_and_its_date(
    db: Database, intake: IntakeService, protector: PersonalDataProtector, clerk: UserInfo
) -> None:
    later = MaterialRecord(deferred=True, supply_by=dt.date(2026, 11, 26))
    case = draft({"M01": GOT, "M02": GOT, "M03": later, "M04": GOT})
    doc, text = paper(db, intake, protector, clerk, case, Decision.DEFERRAL)
    assert isinstance(doc, DeferralDoc)
    assert [(d.name, d.deadline) for d in doc.deferred] == [
        ("经营场所使用证明", dt.date(2026, 11, 26))
    ]
    assert text.count(doc.case_number) >= 2  # the applicant's copy and the file copy


def test_a_refusal_states_the_ground_the_agency_and_the_relief_rights(
    db: Database, intake: IntakeService, protector: PersonalDataProtector, clerk: UserInfo
) -> None:
    refusal = Refusal(
        RefusalGround.OUTSIDE_REMIT, "燃气经营由省住建厅许可", "吉林省住房和城乡建设厅"
    )
    case = draft({}, refusal=refusal)
    doc, text = paper(db, intake, protector, clerk, case, Decision.REFUSE)
    assert isinstance(doc, RefusalDoc)
    assert doc.reasons == ("申请事项依法不属于本行政机关职权范围。", "燃气经营由省住建厅许可")
    assert "吉林省住房和城乡建设厅" in text and "燃气经营由省住建厅许可" in text
    assert "60" in text or "六十" in text


def test_a_receipt_never_prints_a_date_in_a_year_the_calendar_does_not_know(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
    clock: FixedClock,
) -> None:
    """Accepted 30 December for 3 working days: the date is in 2027, which no calendar knows."""
    clock.set(dt.datetime(2026, 12, 30, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    case = draft(dict.fromkeys(("M01", "M02", "M03", "M04"), GOT))
    doc, text = paper(db, intake, protector, clerk, case, Decision.ACCEPT)
    assert isinstance(doc, ReceiptDoc)
    assert (doc.promised_date, doc.promised_days) == (None, 3)
    assert "本机关决定予以受理，并将自受理之日起3个工作日内作出决定。" in text
    assert "承诺办结自受理之日起3个工作日内" in text
    assert "2026年12月30日前" not in text and "2027年" not in text


ON_THE_SPOT = "22010007001600000016"  # 企业退休人员档案关系接收: 即办件 (1 day listed beside it)


def test_an_on_the_spot_item_prints_done_on_the_spot_not_zero_working_days(
    db: Database, intake: IntakeService, protector: PersonalDataProtector, clerk: UserInfo
) -> None:
    records = dict.fromkeys(("M01", "M02", "M03"), GOT)
    pages = tuple(
        PageRef(f"{n:064x}", "image/png", 2480, 3508, 1000, 300, None, key)
        for n, key in enumerate(records, start=1)
    )
    applicant = ApplicantInput(
        ApplicantKind.PERSON, "张伟", IdType.RESIDENT_ID, ID_NUMBER, "13812345678"
    )
    case = CaseDraft(applicant, ON_THE_SPOT, "01", records, pages)
    doc, text = paper(db, intake, protector, clerk, case, Decision.ACCEPT)
    assert isinstance(doc, ReceiptDoc)
    assert (doc.promised_days, doc.promised_date) == (0, intake.today())
    assert "本机关决定予以受理，并当场办结。" in text
    assert "承诺办结当场办结（即办件）" in text
    assert "个工作日" not in text


def test_a_receipt_names_the_helper_who_assisted_and_an_unassisted_one_does_not(
    db: Database,
    intake: IntakeService,
    protector: PersonalDataProtector,
    clerk: UserInfo,
    clock: FixedClock,
) -> None:
    from clerk_app.assistance.service import AssistanceInput, AssistanceService  # noqa: PLC0415
    from clerk_app.audit.service import AuditService  # noqa: PLC0415
    from clerk_app.intake.types import AssistanceKind  # noqa: PLC0415
    from clerk_app.queue.service import QueueService  # noqa: PLC0415

    queue = QueueService(db, clock=clock)
    helper = AuthService(db).authenticate("helper1", "helper1-demo")
    assistance = AssistanceService(db, AuditService(db, clock), clock, protector, rules=queue.rules)
    ticket = queue.issue("BIZ").ticket
    kinds = (AssistanceKind.FORM_FILLING,)
    assistance.record(helper, AssistanceInput(kinds, clock.now_ms(), ticket_number=ticket.number))
    records = dict.fromkeys(("M01", "M02", "M03", "M04"), GOT)
    _, text = paper(
        db, intake, protector, clerk, draft(records, ticket_id=ticket.ticket_id), Decision.ACCEPT
    )
    assert "帮办人帮办员王五" in text
    _, plain = paper(db, intake, protector, clerk, draft(records), Decision.ACCEPT)
    assert "帮办人" not in plain
