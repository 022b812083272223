"""The paper each counter decision hands the applicant, built from the case as it was saved.

The paper is built after the decision committed, from what ``CaseLookup.by_number`` reads back
(so it says what the database holds, not what the screen showed) plus the decision's
``Assessment`` (the reasons per material) and the hall's branding. Papers are official and
printed in Chinese. The applicant's ID number and phone are the stored masked forms: the whole
numbers never reach a paper or a print archive.

A paper's sequence number is the case number's own sequence (``…-0042`` → 42): unique per
terminal and day, and the same on a reprint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from clerk_app.catalogue.types import ItemDetail, MaterialForm
from clerk_app.intake.checklist import MaterialState, MaterialStatus, ReasonCode
from clerk_app.intake.reason_texts import reason_text
from clerk_app.intake.rules import Assessment, Decision, Refusal, RefusalGround
from clerk_app.intake.types import ApplicantKind, CaseDetail
from clerk_app.wording import PAPER_LANGUAGE
from printing.documents import (
    Clerk,
    DeferralDoc,
    DeferredMaterial,
    Document,
    HallBranding,
    MaterialProblem,
    OneTimeNoticeDoc,
    Party,
    ReceiptDoc,
    ReceivedMaterial,
    RefusalDoc,
    RequiredMaterial,
)
from printing.masking import IdKind

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
DEFAULT_LEGAL_BASIS = "《中华人民共和国行政许可法》第三十二条"
DEFERRAL_CONSEQUENCE = (
    "逾期未补齐容缺材料的，本机关将终止审批程序，已作出的决定不予发证，并依法记入信用记录。"
)


@dataclass(frozen=True, slots=True)
class PaperSettings:
    """What the hall configures about the counter's papers."""

    branding: HallBranding = field(default_factory=HallBranding)
    pickup_method: str = "统一出件窗口领取"
    how_to_submit: str = "携带上述材料到任一综合窗口补正，凭本告知书继续办理，无需重新取号排队"
    supply_how: str = "原件，到任一综合窗口提交"
    reconsideration_body: str = "本级人民政府"
    court: str = "有管辖权的人民法院"
    office_phone: str = ""


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
    tail = case_number.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _party(case: CaseDetail) -> Party:
    summary = case.summary
    company = case.applicant_kind is ApplicantKind.COMPANY
    return Party(
        name=summary.applicant_name,
        id_number=summary.applicant_id_masked,
        id_kind=IdKind.CREDIT_CODE if company else IdKind.RESIDENT_ID,
        phone=case.applicant_phone_masked or "",
    )


def _clerk(request: PaperRequest, settings: PaperSettings) -> Clerk:
    return Clerk(
        name=request.clerk_name,
        window=f"{request.window}号窗口",
        department=request.item.department_zh,
        office_phone=settings.office_phone,
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
    due = summary.promised_due or request.today
    received = (_received(m) for m in request.assessment.materials)
    return ReceiptDoc(
        doc_seq=document_seq(summary.case_number),
        case_number=summary.case_number,
        query_code=case.case_uuid.replace("-", "")[:6].upper(),
        item_name=summary.item_name_zh,
        item_code=summary.item_code,
        department=item.department_zh,
        applicant=_party(case),
        application_date=request.today,
        acceptance_date=request.today,
        materials=tuple(m for m in received if m is not None),
        legal_basis=item.legal_basis or DEFAULT_LEGAL_BASIS,
        promised_days=item.promised_limit_days,
        promised_date=due,
        clerk=_clerk(request, settings),
        pickup_method=settings.pickup_method,
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
    )


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
    )


def _refusal(request: PaperRequest, settings: PaperSettings) -> RefusalDoc:
    refusal = request.refusal
    if refusal is None:
        raise ValueError("a refusal paper needs the refusal's ground and explanation")
    case = request.case
    relief = refusal.relief
    return RefusalDoc(
        doc_seq=document_seq(case.summary.case_number),
        item_name=case.summary.item_name_zh,
        applicant=_party(case),
        application_date=request.today,
        decision_date=request.today,
        reasons=(REFUSAL_GROUNDS[refusal.ground], refusal.explanation.strip()),
        legal_basis=REFUSAL_BASIS[refusal.ground],
        competent_agency=refusal.competent_agency.strip(),
        reconsideration_body=(relief.reconsideration_body if relief else "")
        or settings.reconsideration_body,
        court=(relief.court if relief else "") or settings.court,
        clerk=_clerk(request, settings),
        case_number=case.summary.case_number,
    )
