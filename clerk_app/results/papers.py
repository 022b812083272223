"""The papers of a decision, built from what the central server sent, and their printing.

The certificate carries the number the server assigned at approval; a case the server has
not numbered has no certificate to print. The supplement notice and the refusal take a
document number from the hall's number book (``clerk_app.intake.document_numbers``) the
first time they are built, stored with the case and the status event they answer, so every
later build or reprint shows the same number. A paper printed before is printed again as a copy
(stamped 副本 / COPY by the print service) and the reprint is audited.

A certificate is the holder's own licence and prints the holder's whole ID number; "许可范围"
heads its scope only when it is a licence (the result of a 行政许可 item). The handover record
(出件记录) is printed and archived from the stored handover: the recipient in person, an agent
with the ID mask stored at the handover, or the courier and tracking number.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.types import Actor
from clerk_app.catalogue.service import CatalogueService
from clerk_app.catalogue.types import ItemDetail, ItemType
from clerk_app.db.fees_models import MAIL_PHONE, CaseMailing, CasePayment
from clerk_app.db.intake_models import ID_NUMBER, Applicant, CaseStatusEvent, IntakeCase
from clerk_app.db.models import Hall, User
from clerk_app.db.results_models import CaseHandover
from clerk_app.intake.document_numbers import PaperNumber, allocate_paper_number, event_occasion
from clerk_app.intake.instruments import DENIALS, denial_basis, setting
from clerk_app.intake.lookup import payment_view
from clerk_app.intake.papers import notice_basis, payment_record
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.types import ApplicantKind, CaseState, IdType
from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import PrintJobView
from clerk_app.results.couriers import courier_name
from clerk_app.results.types import HandoverMethod, ResultRefusal, ResultRefused
from clerk_app.settings import OfficeSettings, PapersSettings
from onewindow_base.clock import to_datetime
from onewindow_base.db.engine import Database
from onewindow_protocol.masking import IdKind
from printing.documents import (
    CertificateDoc,
    Clerk,
    DenialDoc,
    DocumentKind,
    HallBranding,
    HandoverDoc,
    MaterialProblem,
    OneTimeNoticeDoc,
    Party,
    RequiredMaterial,
    Seal,
    Waybill,
)
from printing.documents import HandoverMethod as PrintedMethod

ResultDoc = CertificateDoc | OneTimeNoticeDoc | DenialDoc
_ID_KIND = {IdType.RESIDENT_ID: IdKind.RESIDENT_ID, IdType.CREDIT_CODE: IdKind.CREDIT_CODE}
# What heads a certificate's scope, by the item's type: "许可范围" is a licence's alone.
SCOPE_LABELS = {
    ItemType.LICENCE: "许可范围",
    ItemType.CONFIRMATION: "确认事项",
    ItemType.BENEFIT: "给付内容",
    ItemType.AWARD: "奖励事项",
}
OTHER_SCOPE_LABEL = "办理内容"
_PRINTED_METHOD = {
    HandoverMethod.PICKUP: PrintedMethod.PICKUP,
    HandoverMethod.MAIL: PrintedMethod.COURIER,
}


def owner_key(case_number: str) -> str:
    return f"case:{case_number}:result"


def handover_owner_key(case_number: str) -> str:
    return f"case:{case_number}:handover"


class ResultPapers:
    def __init__(
        self,
        db: Database,
        protector: PersonalDataProtector,
        printer: PrintService,
        *,
        papers: PapersSettings | None = None,
        branding: HallBranding | None = None,
    ) -> None:
        self._db = db
        self._protector = protector
        self._printer = printer
        self._papers = papers or PapersSettings()
        self._catalogue = CatalogueService(db)
        self._branding = branding or HallBranding()  # its agency_short and number format

    @property
    def printer(self) -> PrintService:
        """The print service the papers go through (a clerk's look at an unconfirmed paper)."""
        return self._printer

    @open_to_clerks
    def document(self, case_id: int, clerk: UserInfo, window: int) -> ResultDoc:
        """The decision's paper; the item as the case pinned it names its department, type and
        legal basis. A refusal or supplement notice is numbered (once) in this transaction."""
        pinned = self._db.run_read(
            lambda s: s.execute(
                select(IntakeCase.item_code, IntakeCase.catalogue_version_id).where(
                    IntakeCase.id == case_id
                )
            ).first()
        )
        if pinned is None:
            raise ResultRefused(ResultRefusal.UNKNOWN_CASE, str(case_id))
        item = self._catalogue.item_by_code(pinned[0], pinned[1])
        return self._db.run_write(lambda s: self._document(s, case_id, clerk, window, item))

    @open_to_clerks
    def print_result(self, case_id: int, clerk: UserInfo, window: int) -> PrintJobView:
        """Print the decision's paper; a second time, a copy of the first (audited)."""
        doc = self.document(case_id, clerk, window)
        number = doc.case_number or ""
        earlier = [j for j in self._printer.jobs(owner=owner_key(number)) if not j.is_copy]
        if not earlier:
            return self._printer.print_document(doc, owner=owner_key(number))
        return self._reprint(earlier[0], clerk)

    @open_to_clerks
    def handover_document(self, case_id: int, window: int) -> HandoverDoc:
        """The handover record (出件记录) of a case handed over, as the handover stored it;
        numbered (once) in the hall's book in this transaction."""
        return self._db.run_write(lambda s: self._handover(s, case_id, window))

    @open_to_clerks
    def print_handover(self, case_id: int, clerk: UserInfo, window: int) -> PrintJobView:
        """Print and archive the handover record; once printed, again only as a copy of the
        first (audited). A record whose print failed is printed anew."""
        doc = self.handover_document(case_id, window)
        key = handover_owner_key(doc.case_number)
        earlier = [j for j in self._printer.jobs(owner=key) if not j.is_copy and j.printed]
        if not earlier:
            return self._printer.print_document(doc, owner=key)
        return self._reprint(earlier[0], clerk)

    def _reprint(self, first: PrintJobView, clerk: UserInfo) -> PrintJobView:
        """A copy of the first paper; the print service audits it."""
        return self._printer.reprint(first.id, by=Actor(clerk.user_id, clerk.display_name))

    def _handover(self, session: Session, case_id: int, window: int) -> HandoverDoc:
        case = session.get(IntakeCase, case_id)
        if case is None:
            raise ResultRefused(ResultRefusal.UNKNOWN_CASE, str(case_id))
        row = session.scalars(select(CaseHandover).where(CaseHandover.case_id == case_id)).first()
        if row is None:
            raise ResultRefused(ResultRefusal.NOT_HANDED_OVER, case.case_number)
        applicant = session.get_one(Applicant, case.applicant_id)
        zone = ZoneInfo(session.get_one(Hall, case.hall_id).timezone)
        method = HandoverMethod(row.method)
        mailing = session.get(CaseMailing, case_id)
        waybill = None
        if method is HandoverMethod.MAIL and mailing is not None:
            address = f"{mailing.province}{mailing.city}{mailing.district}{mailing.address}"
            recipient = Party(row.recipient_name, phone=mailing.phone_masked, address=address)
        elif method is HandoverMethod.MAIL:
            recipient = Party(
                row.recipient_name,
                phone=applicant.phone_masked or "",
                address=applicant.address or "",
            )
        else:
            recipient = Party(
                row.recipient_name,
                row.recipient_id_masked or "",
                IdKind.RESIDENT_ID,
                # the applicant's own number; an agent's is not recorded
                phone="" if row.on_behalf else (applicant.phone_masked or ""),
            )
        clerk = session.get_one(User, row.user_id)
        detail = _latest_detail(session, case_id)
        cert = detail.get("certificate") or {}
        result_name = str(cert.get("result_name") or case.item_name_zh)
        if method is HandoverMethod.MAIL and mailing is not None:
            waybill = Waybill(
                sender=self._branding.agency_name,
                sender_contact=self._branding.footer,
                recipient=mailing.recipient,
                phone=self._protector.decrypt(mailing.phone_enc, context=MAIL_PHONE),
                address=recipient.address,
                postal_code=mailing.postal_code or "",
                contents=f"{result_name}（{row.certificate_number}）",
            )
        payment = session.get(CasePayment, case_id)
        paid_now = payment is not None and payment.recorded_ms == row.handed_ms
        handed_at = to_datetime(row.handed_ms, zone)
        paper = allocate_paper_number(
            session,
            hall_id=case.hall_id,
            branding=self._branding,
            kind=DocumentKind.HANDOVER,
            day=handed_at.date(),
            window=window,
            case_id=case.id,
            occasion="handover",
            now_ms=self._printer.clock.now_ms(),
        )
        return HandoverDoc(
            doc_seq=paper.seq,
            case_number=case.case_number,
            item_name=case.item_name_zh,
            result_name=result_name,
            certificate_number=row.certificate_number,
            method=_PRINTED_METHOD[method],
            handed_at=handed_at,
            recipient=recipient,
            on_behalf=row.on_behalf,
            clerk=Clerk(clerk.display_name, f"{window}号窗口"),
            courier=courier_name(row.courier or ""),
            tracking_number=row.tracking_no or "",
            number=paper.number,
            waybill=waybill,
            payment=payment_record(payment_view(payment)) if paid_now else None,
        )

    def _document(
        self, session: Session, case_id: int, clerk: UserInfo, window: int, item: ItemDetail
    ) -> ResultDoc:
        case = session.get(IntakeCase, case_id)
        if case is None:
            raise ResultRefused(ResultRefusal.UNKNOWN_CASE, str(case_id))
        event = _latest_event(session, case_id)
        detail: dict[str, Any] = json.loads(event.detail) if event else {}
        party = self._party(session.get_one(Applicant, case.applicant_id))
        office = self._papers.office(item.department_zh)
        phone = setting(office, "consultation_phone")
        signer = Clerk(clerk.display_name, f"{window}号窗口", item.department_zh, phone)
        state = CaseState(case.state)
        zone = ZoneInfo(session.get_one(Hall, case.hall_id).timezone)
        decided = to_datetime(event.at_ms if event else case.updated_ms, zone).date()
        if state in (CaseState.APPROVED, CaseState.HANDED_OVER):
            label = SCOPE_LABELS.get(item.item_type, OTHER_SCOPE_LABEL)
            return _certificate(case, party, detail, decided, office, label)
        occasion = event_occasion(event.version if event else 0)

        def number(kind: DocumentKind) -> PaperNumber:
            return allocate_paper_number(
                session,
                hall_id=case.hall_id,
                branding=self._branding,
                kind=kind,
                day=decided,
                window=window,
                case_id=case.id,
                occasion=occasion,
                now_ms=self._printer.clock.now_ms(),
            )

        if state is CaseState.SUPPLEMENT_REQUESTED:
            paper = number(DocumentKind.NOTICE)
            notice = _supplement(
                case, party, detail, decided, signer, _decision_seal(office), paper
            )
            return dataclasses.replace(notice, legal_basis=notice_basis(item))
        if state is CaseState.REJECTED:
            paper = number(DocumentKind.DENIAL)
            applied = to_datetime(case.created_ms, zone).date()
            return _denial(case, item, party, detail, (applied, decided), signer, office, paper)
        raise ResultRefused(ResultRefusal.NOT_DECIDED, f"{case.case_number}: {case.state}")

    def _party(self, applicant: Applicant) -> Party:
        """The applicant with the whole ID number (the certificate prints it; other papers
        mask it) and, for a company, its legal representative."""
        company = applicant.kind == ApplicantKind.COMPANY.value
        return Party(
            applicant.name,
            self._protector.decrypt(applicant.id_enc, context=ID_NUMBER),
            _ID_KIND.get(IdType(applicant.id_type), IdKind.OTHER),
            phone=applicant.phone_masked or "",
            contact=(applicant.contact_name or "") if company else "",
            legal_representative=(applicant.legal_representative or "") if company else "",
        )


def _decision_seal(office: OfficeSettings) -> Seal:
    """The deciding department's own seal, under its name."""
    return Seal(setting(office, "licensing_body"), setting(office, "decision_seal"))


def _denial(
    case: IntakeCase,
    item: ItemDetail,
    party: Party,
    detail: dict[str, Any],
    dates: tuple[dt.date, dt.date],  # applied, decided: in the hall's zone
    signer: Clerk,
    office: OfficeSettings,
    paper: PaperNumber,
) -> DenialDoc:
    """The back office's adverse decision in the instrument of the item's type."""
    instrument = DENIALS[item.item_type]
    reason = str(detail.get("reason") or "").strip()
    return DenialDoc(
        title=instrument.title,
        verb=instrument.verb,
        doc_seq=paper.seq,
        case_number=case.case_number,
        item_name=case.item_name_zh,
        applicant=party,
        application_date=dates[0],
        decision_date=dates[1],
        reasons=(reason,) if reason else (),
        legal_basis=denial_basis(
            item.item_type, item.legal_basis, str(detail.get("legal_basis") or "")
        ),
        decided_by=setting(office, "licensing_body"),
        reconsideration_body=setting(office, "reconsideration_body"),
        court=setting(office, "court"),
        consultation_phone=setting(office, "consultation_phone"),
        clerk=signer,
        seal=_decision_seal(office),
        number=paper.number,
    )


def _latest_event(session: Session, case_id: int) -> CaseStatusEvent | None:
    return session.scalars(
        select(CaseStatusEvent)
        .where(CaseStatusEvent.case_id == case_id)
        .order_by(CaseStatusEvent.version.desc())
        .limit(1)
    ).first()


def _latest_detail(session: Session, case_id: int) -> dict[str, Any]:
    event = _latest_event(session, case_id)
    detail: dict[str, Any] = json.loads(event.detail) if event else {}
    return detail


def _certificate(
    case: IntakeCase,
    party: Party,
    detail: dict[str, Any],
    decided: dt.date,
    office: OfficeSettings,
    scope_label: str,
) -> CertificateDoc:
    cert = detail.get("certificate") or {}
    if not case.certificate_number:
        raise ResultRefused(ResultRefusal.NO_CERTIFICATE_NUMBER, case.case_number)
    valid_until = cert.get("valid_until")
    return CertificateDoc(
        title=str(cert.get("result_name") or case.item_name_zh),
        certificate_number=case.certificate_number,
        holder=party,
        scope=str(cert.get("scope") or ""),
        valid_from=dt.date.fromisoformat(str(cert.get("valid_from") or decided.isoformat())),
        valid_until=dt.date.fromisoformat(valid_until) if valid_until else None,
        issuing_authority=str(cert.get("issuing_authority") or setting(office, "licensing_body")),
        issue_date=decided,
        case_number=case.case_number,
        scope_label=scope_label,
    )


def _supplement(
    case: IntakeCase,
    party: Party,
    detail: dict[str, Any],
    decided: dt.date,
    signer: Clerk,
    seal: Seal,
    paper: PaperNumber,
) -> OneTimeNoticeDoc:
    supplement = detail.get("supplement") or {}
    lines = supplement.get("lines") or []
    due = supplement.get("due_date")
    return OneTimeNoticeDoc(
        doc_seq=paper.seq,
        item_name=case.item_name_zh,
        applicant=party,
        notice_date=decided,
        materials=tuple(
            RequiredMaterial(
                str(line.get("material") or ""),
                MaterialProblem.DEFECTIVE,
                str(line.get("requirement") or ""),
            )
            for line in lines
        ),
        how_to_submit=str(supplement.get("note") or "请携带上述材料到综合窗口补正。"),
        submit_by=dt.date.fromisoformat(due) if due else None,
        clerk=signer,
        case_number=case.case_number,
        seal=seal,
        number=paper.number,
    )
