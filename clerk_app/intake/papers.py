"""The paper each counter decision hands the applicant, built from the case as it was saved.

The paper is built after the decision committed, from what ``CaseLookup.by_number`` reads back
(so it says what the database holds, not what the screen showed) plus the decision's
``Assessment`` (the reasons per material) and the hall's branding. Papers are official and
printed in Chinese. The applicant's ID number and phone are the stored masked forms, masked
once when the clerk's input was checked; the renderer prints a mask as it is
(``onewindow_protocol.masking``), so the whole numbers never reach a paper or a print archive.
A company's legal representative and contact, and the agent who applies for the applicant, are
printed when the case has them. 申请日期 is the first visit's day: a case accepted on the visit
after a one-time notice was applied for on the day of that notice.

A paper's document number (文书编号) was allocated and stored when the decision was saved
(``clerk_app.intake.document_numbers``): the paper prints that stored text, so a rebuilt paper
or a reprint carries the same number. Cases decided before the number book existed (schema
0017) keep their old number, the case number's own sequence (``…-0042`` → 42).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from clerk_app.catalogue.types import ItemDetail, ItemType, MaterialForm
from clerk_app.intake.checklist import MaterialState, MaterialStatus, ReasonCode
from clerk_app.intake.deadlines import promised_working_days
from clerk_app.intake.fees import fee_lines, yuan, yuan_text
from clerk_app.intake.instruments import ACCEPT_BASIS, NOTICE_BASIS, counter_basis, setting
from clerk_app.intake.reason_texts import reason_text
from clerk_app.intake.rules import Assessment, Decision, Refusal, RefusalGround
from clerk_app.intake.types import ApplicantKind, CaseDetail, MailingView, PaymentView
from clerk_app.settings import OfficeSettings, PapersSettings
from onewindow_base.wording import PAPER_LANGUAGE
from onewindow_protocol.masking import IdKind
from printing.documents import (
    Clerk,
    CommitmentDoc,
    CommittedMaterial,
    DeferralDoc,
    DeferredMaterial,
    Document,
    FeeCharge,
    HallBranding,
    MaterialProblem,
    OneTimeNoticeDoc,
    Party,
    PaymentRecord,
    ReceiptDoc,
    ReceivedMaterial,
    RefusalDoc,
    RequiredMaterial,
    Seal,
)

FORM_WORDS = {
    MaterialForm.ORIGINAL: "原件",
    MaterialForm.COPY: "复印件",
    MaterialForm.ELECTRONIC: "电子",
    MaterialForm.ORIGINAL_AND_COPY: "原件及复印件",
}
REFUSAL_GROUNDS = {
    RefusalGround.OUTSIDE_REMIT: "申请事项依法不属于本行政机关职权范围。",
    RefusalGround.NO_LICENCE_NEEDED: "申请事项依法不需要取得行政许可。",
}
REFUSAL_BASIS = {
    RefusalGround.OUTSIDE_REMIT: "《中华人民共和国行政许可法》第三十二条第一款第（二）项",
    RefusalGround.NO_LICENCE_NEEDED: "《中华人民共和国行政许可法》第三十二条第一款第（一）项",
}
DEFERRAL_CONSEQUENCE = (
    "逾期未补齐容缺材料的，本机关将终止审批程序，已作出的决定不予发证，并依法记入信用记录。"
)

COMMITMENT_CONDITION = "已具备该材料所证明的条件，与申请书所填内容一致，随时可供核查"
COMMITMENT_CONSEQUENCE = (
    "经核查承诺不实的，本机关将依法撤销据此作出的行政决定，并将虚假承诺行为记入申请人信用记录；"
    "涉嫌违法犯罪的，依法追究法律责任。"
)


@dataclass(frozen=True, slots=True)
class PaperSettings:
    """What the hall configures about the counter's papers: the branding, and who seals,
    answers and hears an appeal (``[papers]``, per department over the hall)."""

    branding: HallBranding = field(default_factory=HallBranding)
    papers: PapersSettings = field(default_factory=PapersSettings)
    how_to_submit: str = "携带上述材料到任一综合窗口补正，凭本告知书继续办理，无需重新取号排队"
    supply_how: str = "原件，到任一综合窗口提交"

    def office(self, item: ItemDetail) -> OfficeSettings:
        return self.papers.office(item.department_zh)

    def counter_seal(self, item: ItemDetail) -> Seal:
        """The center's seal on the counter's papers (a department's own where it sets one)."""
        return Seal(self.branding.agency_name, setting(self.office(item), "counter_seal"))


@dataclass(frozen=True, slots=True)
class PaperRequest:
    """One decision's paper: the saved case, why it was decided, and who decided it."""

    case: CaseDetail
    item: ItemDetail
    assessment: Assessment
    decision: Decision
    clerk_name: str
    window: int
    today: dt.date
    refusal: Refusal | None = None


def paper_for(request: PaperRequest, settings: PaperSettings) -> Document:
    """The paper for the decision: receipt, one-time notice, deferral notice or refusal."""
    builders: dict[Decision, Callable[[PaperRequest, PaperSettings], Document]] = {
        Decision.ACCEPT: _receipt,
        Decision.ONE_TIME_NOTICE: _notice,
        Decision.DEFERRAL: _deferral,
        Decision.REFUSE: _refusal,
    }
    return builders[request.decision](request, settings)


def document_seq(case_number: str) -> int:
    """The number printed on papers of cases decided before the number book (schema 0017)."""
    tail = case_number.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def paper_number(case: CaseDetail) -> str:
    """The stored document number of the paper of the case's latest visit ("" before 0017)."""
    visit = case.summary.visits
    return next((d.paper_number for d in case.decisions if d.visit == visit), "")


def _party(case: CaseDetail) -> Party:
    summary = case.summary
    company = case.applicant_kind is ApplicantKind.COMPANY
    return Party(
        name=summary.applicant_name,
        id_number=summary.applicant_id_masked,
        id_kind=IdKind.CREDIT_CODE if company else IdKind.RESIDENT_ID,
        phone=case.applicant_phone_masked or "",
        contact=(case.contact or "") if company else "",
        legal_representative=(case.legal_representative or "") if company else "",
        agent=case.agent_name or "",
        agent_id=case.agent_id_masked or "",
        helpers="、".join(dict.fromkeys(a.helper_name for a in case.assistance)),
    )


def _applied_on(request: PaperRequest) -> dt.date:
    """The day the application was first handed in (the case's first visit)."""
    return request.case.application_date or request.today


def _clerk(request: PaperRequest, settings: PaperSettings) -> Clerk:
    return Clerk(
        name=request.clerk_name,
        window=f"{request.window}号窗口",
        department=request.item.department_zh,
        office_phone=setting(settings.office(request.item), "consultation_phone"),
    )


def _names(request: PaperRequest) -> dict[str, str]:
    return {m.key: m.requirement.name for m in request.assessment.materials}


def _received(state: MaterialState) -> ReceivedMaterial | None:
    req, rec = state.requirement, state.record
    if state.status is MaterialStatus.REPLACED:
        return ReceivedMaterial(req.name, "电子证照", 0, f"免提交，证照号 {rec.elicence_number}")
    if not rec.received:
        return None
    note = "已核验原件" if rec.original_checked else ""
    return ReceivedMaterial(req.name, FORM_WORDS[req.form], max(rec.copies, 1), note)


def _receipt(request: PaperRequest, settings: PaperSettings) -> ReceiptDoc:
    case, item = request.case, request.item
    summary = case.summary
    received = (_received(m) for m in request.assessment.materials)
    return ReceiptDoc(
        doc_seq=document_seq(summary.case_number),
        case_number=summary.case_number,
        query_code=case.case_uuid.replace("-", "")[:6].upper(),
        item_name=summary.item_name_zh,
        item_code=summary.item_code,
        department=item.department_zh,
        applicant=_party(case),
        application_date=_applied_on(request),
        acceptance_date=request.today,
        materials=tuple(m for m in received if m is not None),
        legal_basis=counter_basis(item.item_type, item.legal_basis, ACCEPT_BASIS),
        promised_days=promised_working_days(item),
        promised_date=summary.promised_due,
        clerk=_clerk(request, settings),
        pickup_method=_delivery(case.mailing) or setting(settings.office(item), "pickup_wording"),
        seal=settings.counter_seal(item),
        number=paper_number(case),
        fees=_fees(case, item),
        payment=payment_record(case.payment),
    )


PAYMENT_STATUS = {"paid": "已缴费", "pending": "待缴费（领取办理结果时缴纳）", "waived": "免缴"}
PAYMENT_METHOD = {"cash": "现金", "nontax": "非税收入缴款码"}


def _fees(case: CaseDetail, item: ItemDetail) -> tuple[FeeCharge, ...]:
    """The fees as the case was accepted under them (the catalogue's, before it saved any)."""
    if case.payment is not None:
        return tuple(
            FeeCharge(name, "" if fen is None else yuan_text(yuan(fen)), basis or "")
            for name, fen, basis in case.payment.fees
        )
    return tuple(
        FeeCharge(f.name_zh, "" if f.amount is None else yuan_text(f.amount), f.basis or "")
        for f in fee_lines(item, case.situation_code or "")
    )


def payment_record(p: PaymentView | None) -> PaymentRecord | None:
    if p is None:
        return None
    return PaymentRecord(
        status=PAYMENT_STATUS[p.status],
        due=yuan_text(yuan(p.due_fen)),
        paid=yuan_text(yuan(p.paid_fen)),
        method=PAYMENT_METHOD.get(p.method or "", ""),
        reference=p.reference or "",
        reason=p.waiver_reason or "",
    )


def _delivery(m: MailingView | None) -> str:
    """邮寄送达 and where to; the phone masked (the waybill, printed at release, has it)."""
    if m is None:
        return ""
    postal = f"（{m.postal_code}）" if m.postal_code else ""
    return (
        f"邮寄送达：{m.province}{m.city}{m.district}{m.address}{postal}，"
        f"收件人{m.recipient}，{m.phone_masked}"
    )


def _problem_detail(state: MaterialState, names: dict[str, str]) -> str:
    """What is wrong with a material handed in, in the paper's language (the row names it)."""
    parts = [
        reason_text(r, PAPER_LANGUAGE, names, with_material=False)
        for r in state.problems
        if r.code is not ReasonCode.NOT_RECEIVED
    ]
    return "；".join(p for p in parts if p)


def _notice(request: PaperRequest, settings: PaperSettings) -> OneTimeNoticeDoc:
    names = _names(request)
    materials = tuple(
        RequiredMaterial(
            name=m.requirement.name,
            problem=MaterialProblem.DEFECTIVE
            if m.status is MaterialStatus.DEFECTIVE
            else MaterialProblem.MISSING,
            standard=m.requirement.standard or FORM_WORDS[m.requirement.form],
            detail=_problem_detail(m, names),
        )
        for m in request.assessment.notice_items
    )
    case = request.case
    return OneTimeNoticeDoc(
        doc_seq=document_seq(case.summary.case_number),
        item_name=case.summary.item_name_zh,
        applicant=_party(case),
        notice_date=request.today,
        materials=materials,
        how_to_submit=settings.how_to_submit,
        submit_by=None,
        clerk=_clerk(request, settings),
        case_number=case.summary.case_number,
        number=paper_number(case),
        seal=settings.counter_seal(request.item),
        legal_basis=notice_basis(request.item),
    )


def notice_basis(item: ItemDetail) -> str:
    """Art. 32 (四) for a licence (the item's own basis is not what a notice applies); the
    item's basis for the other types."""
    if item.item_type is ItemType.LICENCE:
        return NOTICE_BASIS
    return counter_basis(item.item_type, item.legal_basis, NOTICE_BASIS)


def _deferral(request: PaperRequest, settings: PaperSettings) -> DeferralDoc:
    case = request.case
    deferred = tuple(
        DeferredMaterial(m.requirement.name, settings.supply_how, m.record.supply_by)
        for m in request.assessment.deferred
        if m.record.supply_by is not None
    )
    return DeferralDoc(
        doc_seq=document_seq(case.summary.case_number),
        case_number=case.summary.case_number,
        item_name=case.summary.item_name_zh,
        applicant=_party(case),
        acceptance_date=request.today,
        deferred=deferred,
        consequence=DEFERRAL_CONSEQUENCE,
        clerk=_clerk(request, settings),
        number=paper_number(case),
        measure=setting(settings.office(request.item), "deferral_measure"),
        seal=settings.counter_seal(request.item),
    )


def _refusal(request: PaperRequest, settings: PaperSettings) -> RefusalDoc:
    refusal = request.refusal
    if refusal is None:
        raise ValueError("a refusal paper needs the refusal's ground and explanation")
    case, item = request.case, request.item
    relief = refusal.relief
    office = settings.office(item)
    basis = REFUSAL_BASIS[refusal.ground]
    if item.item_type is not ItemType.LICENCE:
        basis = counter_basis(item.item_type, item.legal_basis, basis)
    return RefusalDoc(
        doc_seq=document_seq(case.summary.case_number),
        item_name=case.summary.item_name_zh,
        applicant=_party(case),
        application_date=_applied_on(request),
        decision_date=request.today,
        reasons=(REFUSAL_GROUNDS[refusal.ground], refusal.explanation.strip()),
        legal_basis=basis,
        competent_agency=refusal.competent_agency.strip(),
        reconsideration_body=(relief.reconsideration_body if relief else "")
        or setting(office, "reconsideration_body"),
        court=(relief.court if relief else "") or setting(office, "court"),
        clerk=_clerk(request, settings),
        case_number=case.summary.case_number,
        number=paper_number(case),
        seal=settings.counter_seal(item),
    )


def commitment_letter_for(request: PaperRequest, settings: PaperSettings) -> CommitmentDoc | None:
    """告知承诺书 for an accepting decision that took a signed commitment instead of a proof
    (printed beside the receipt or deferral notice, and signed); None when nothing was
    committed. The post-check date is the saved case's: absent while the calendar lacks its
    year, and then the letter states the period alone."""
    committed = request.assessment.committed
    days = request.case.post_check_days
    if (
        not committed
        or days is None
        or request.decision not in (Decision.ACCEPT, Decision.DEFERRAL)
    ):
        return None
    case = request.case
    return CommitmentDoc(
        doc_seq=document_seq(case.summary.case_number),
        case_number=case.summary.case_number,
        item_name=case.summary.item_name_zh,
        department=request.item.department_zh,
        applicant=_party(case),
        acceptance_date=request.today,
        materials=tuple(
            CommittedMaterial(m.requirement.name, COMMITMENT_CONDITION) for m in committed
        ),
        post_check_days=days,
        post_check_due=case.post_check_due,
        consequence=COMMITMENT_CONSEQUENCE,
        clerk=_clerk(request, settings),
        number=next(
            (d.commitment_number for d in case.decisions if d.visit == case.summary.visits), ""
        ),
        seal=settings.counter_seal(request.item),
    )
