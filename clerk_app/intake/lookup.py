"""Finding cases at the counter, and reading one back whole (for a second visit or a reprint)."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.db.fees_models import MAIL_PHONE, CaseMailing, CasePayment
from clerk_app.db.intake_models import (
    ID_NUMBER,
    PHONE,
    Applicant,
    CaseDecision,
    CaseMaterial,
    CasePage,
    IntakeCase,
)
from clerk_app.db.like import LIKE_ESCAPE, like_pattern
from clerk_app.db.models import Hall
from clerk_app.intake.assistance import assistance_views
from clerk_app.intake.checklist import LicenceProof, MaterialRecord
from clerk_app.intake.document_numbers import DECISION_PAPER, numbers_of_case, visit_occasion
from clerk_app.intake.mailing import MailingInput
from clerk_app.intake.photo_checks import photo_check_views
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Decision
from clerk_app.intake.types import (
    ApplicantInput,
    ApplicantKind,
    CaseDetail,
    CaseState,
    CaseSummary,
    DecisionView,
    IdType,
    IntakeRefusal,
    IntakeRefused,
    MailingView,
    PageRef,
    PaymentView,
)
from clerk_app.validation import normalise_code
from onewindow_base.clock import to_datetime
from onewindow_base.db.engine import Database
from printing.documents import DocumentKind


class CaseLookup:
    """Finding cases at the counter: by number, identity number, name or day."""

    def __init__(self, db: Database, protector: PersonalDataProtector, *, hall_code: str) -> None:
        self._db = db
        self._protector = protector
        hall = db.run_read(
            lambda s: s.execute(select(Hall.id, Hall.timezone).where(Hall.code == hall_code)).one()
        )
        self._hall_id, self._zone = hall.id, ZoneInfo(hall.timezone)

    @open_to_clerks
    def by_number(self, case_number: str) -> CaseDetail:
        number = case_number.strip().upper()

        def work(session: Session) -> CaseDetail:
            row = session.execute(
                select(IntakeCase, Applicant)
                .join(Applicant, Applicant.id == IntakeCase.applicant_id)
                .where(IntakeCase.case_number == number, IntakeCase.hall_id == self._hall_id)
            ).first()
            if row is None:
                raise IntakeRefused(IntakeRefusal.UNKNOWN_CASE, number)
            return _detail(session, row[0], row[1], self._zone)

        return self._db.run_read(work)

    @open_to_clerks
    def applicant_of(self, case_number: str) -> ApplicantInput:
        """The case's applicant as a draft needs it to continue the case (identity decrypted).

        The counter keeps it in memory for the next decision and shows only the masked forms.
        """
        number = case_number.strip().upper()

        def work(session: Session) -> ApplicantInput:
            a = session.scalars(
                select(Applicant)
                .join(IntakeCase, IntakeCase.applicant_id == Applicant.id)
                .where(IntakeCase.case_number == number, IntakeCase.hall_id == self._hall_id)
            ).first()
            if a is None:
                raise IntakeRefused(IntakeRefusal.UNKNOWN_CASE, number)
            phone = self._protector.decrypt(a.phone_enc, context=PHONE) if a.phone_enc else None
            return ApplicantInput(
                ApplicantKind(a.kind),
                a.name,
                IdType(a.id_type),
                self._protector.decrypt(a.id_enc, context=ID_NUMBER),
                phone,
                a.address,
                legal_representative=a.legal_representative,
                contact=a.contact_name,
            )

        return self._db.run_read(work)

    @open_to_clerks
    def mailing_of(self, case_number: str) -> MailingInput | None:
        """The case's 邮寄送达 choice as a continuing draft starts from it (the phone
        decrypted; the counter shows it to the clerk, who may change the address or the
        choice); None: the result is collected at the window."""
        number = case_number.strip().upper()

        def work(session: Session) -> MailingInput | None:
            m = session.scalars(
                select(CaseMailing)
                .join(IntakeCase, IntakeCase.id == CaseMailing.case_id)
                .where(IntakeCase.case_number == number, IntakeCase.hall_id == self._hall_id)
            ).first()
            if m is None:
                return None
            return MailingInput(
                m.recipient,
                self._protector.decrypt(m.phone_enc, context=MAIL_PHONE),
                m.province,
                m.city,
                m.district,
                m.address,
                m.postal_code or "",
            )

        return self._db.run_read(work)

    @open_to_clerks
    def search(
        self,
        *,
        id_number: str | None = None,
        name: str | None = None,
        day: dt.date | None = None,
        zone: ZoneInfo | None = None,
        limit: int = 50,
    ) -> list[CaseSummary]:
        """Cases matching every criterion given, newest first."""
        query = (
            select(IntakeCase, Applicant)
            .join(Applicant, Applicant.id == IntakeCase.applicant_id)
            .where(IntakeCase.hall_id == self._hall_id)
        )
        if id_number:
            normalised = normalise_code(id_number)
            query = query.where(
                Applicant.id_hash == self._protector.lookup_hash(normalised, context=ID_NUMBER)
            )
        if name:
            query = query.where(Applicant.name.like(like_pattern(name.strip()), escape=LIKE_ESCAPE))
        if day is not None:
            tz = zone or ZoneInfo("Asia/Shanghai")
            start = dt.datetime.combine(day, dt.time(), tz)
            end = start + dt.timedelta(days=1)
            query = query.where(
                IntakeCase.created_ms >= int(start.timestamp() * 1000),
                IntakeCase.created_ms < int(end.timestamp() * 1000),
            )
        query = query.order_by(IntakeCase.updated_ms.desc()).limit(limit)
        return self._db.run_read(lambda s: [_summary(c, a) for c, a in s.execute(query).all()])


def _summary(c: IntakeCase, a: Applicant) -> CaseSummary:
    return CaseSummary(
        case_id=c.id,
        case_number=c.case_number,
        state=CaseState(c.state),
        item_code=c.item_code,
        item_name_zh=c.item_name_zh,
        item_name_en=c.item_name_en,
        applicant_name=a.name,
        applicant_id_masked=a.id_masked,
        visits=c.visits,
        promised_due=c.promised_due,
        created_ms=c.created_ms,
        updated_ms=c.updated_ms,
        promised_days=c.promised_days,
        due_waits_year=c.due_waits_year,
    )


def _proof(m: CaseMaterial) -> LicenceProof | None:
    """The registry's licence, when the material was replaced by one chosen from a lookup."""
    if m.elicence_number is None or m.elicence_type is None or m.elicence_valid_from is None:
        return None
    return LicenceProof(
        m.elicence_type,
        m.elicence_issuer or "",
        m.elicence_valid_from,
        m.elicence_valid_until,
        m.elicence_copy_sha256,
    )


def _detail(session: Session, c: IntakeCase, a: Applicant, zone: ZoneInfo) -> CaseDetail:
    materials = session.scalars(select(CaseMaterial).where(CaseMaterial.case_id == c.id))
    records = {
        m.material_code: MaterialRecord(
            received=m.received,
            original_checked=m.original_checked,
            copies=m.copies,
            elicence_number=m.elicence_number,
            deferred=m.deferred,
            supply_by=m.supply_by,
            defects=tuple(json.loads(m.defects)),
            committed=m.committed,
            elicence=_proof(m),
            elicence_check=m.elicence_check,
        )
        for m in materials
    }
    pages = tuple(
        PageRef(
            sha256=p.sha256,
            mime=p.mime,
            width=p.width,
            height=p.height,
            size_bytes=p.size_bytes,
            dpi=p.dpi,
            thumb_sha256=p.thumb_sha256,
            material_code=p.material_code,
        )
        for p in session.scalars(
            select(CasePage).where(CasePage.case_id == c.id).order_by(CasePage.position)
        )
    )
    numbers = numbers_of_case(session, c.id)
    decisions = tuple(
        DecisionView(
            d.visit,
            Decision(d.decision),
            d.at_ms,
            d.user_id,
            d.checklist,
            numbers.get((visit_occasion(d.visit), DECISION_PAPER[Decision(d.decision)].value), ""),
            numbers.get((visit_occasion(d.visit), DocumentKind.COMMITMENT.value), ""),
        )
        for d in session.scalars(
            select(CaseDecision).where(CaseDecision.case_id == c.id).order_by(CaseDecision.visit)
        )
    )
    return CaseDetail(
        summary=_summary(c, a),
        case_uuid=c.case_uuid,
        applicant_kind=ApplicantKind(a.kind),
        applicant_phone_masked=a.phone_masked,
        window_number=c.window_number,
        situation_code=c.situation_code,
        catalogue_version_id=c.catalogue_version_id,
        records=records,
        pages=pages,
        decisions=decisions,
        legal_representative=a.legal_representative,
        contact=a.contact_name,
        agent_name=c.agent_name,
        agent_id_masked=c.agent_id_masked,
        application_date=to_datetime(c.created_ms, zone).date(),
        post_check_days=c.post_check_days,
        post_check_due=c.post_check_due,
        photo_checks=photo_check_views(session, c.id),
        assistance=assistance_views(session, c.id),
        payment=payment_view(session.get(CasePayment, c.id)),
        mailing=mailing_view(session.get(CaseMailing, c.id)),
    )


def payment_view(p: CasePayment | None) -> PaymentView | None:
    if p is None:
        return None
    return PaymentView(
        status=p.status,
        method=p.method,
        due_fen=p.due_fen,
        paid_fen=p.paid_fen,
        reference=p.reference,
        waiver_reason=p.waiver_reason,
        fees=tuple((f["name"], f["amount_fen"], f["basis"]) for f in json.loads(p.fees)),
        paid_ms=p.paid_ms,
    )


def mailing_view(m: CaseMailing | None) -> MailingView | None:
    if m is None:
        return None
    return MailingView(
        m.recipient, m.phone_masked, m.province, m.city, m.district, m.address, m.postal_code
    )
