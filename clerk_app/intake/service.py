"""The counter's intake: check the applicant and the materials, decide, save the whole visit.

A decision is saved in one write transaction: the applicant, the case (with its offline case
number on the first visit), the material records, the pages, the decision with the checklist
as it stood and the catalogue version, the sync outbox operation and the audit record. If
anything fails, nothing of the visit is saved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import uuid
from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Gate, Permission, open_to_clerks, require, requires
from clerk_app.accounts.roles import Role, UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction
from clerk_app.catalogue.service import CatalogueService
from clerk_app.catalogue.types import (
    CatalogueRefused,
    CheckMethod,
    ItemDetail,
    ItemStatus,
    MaterialForm,
)
from clerk_app.credit.types import CreditState
from clerk_app.db.fees_models import MAIL_PHONE, CaseMailing, CasePayment
from clerk_app.db.intake_models import (
    AGENT_ID,
    ID_NUMBER,
    PHONE,
    Applicant,
    CaseDecision,
    CaseMaterial,
    CasePage,
    IntakeCase,
    LicenceCheck,
)
from clerk_app.db.models import Hall
from clerk_app.intake import outbox
from clerk_app.intake.applicants import CheckedApplicant, check_agent, check_applicant
from clerk_app.intake.assistance import assist_operation, attach_to_case
from clerk_app.intake.case_numbers import CaseNumbers, terminal_for_window
from clerk_app.intake.checklist import MaterialRecord, MaterialRequirement
from clerk_app.intake.deadlines import promised_working_days
from clerk_app.intake.document_numbers import (
    DECISION_PAPER,
    allocate_paper_number,
    visit_occasion,
)
from clerk_app.intake.fees import (
    CheckedPayment,
    FeeLine,
    PaymentStatus,
    check_payment,
    fee_lines,
    fen_of,
    lines_json,
)
from clerk_app.intake.mailing import CheckedMailing, check_mailing
from clerk_app.intake.photo_checks import link_photo_checks
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import (
    Assessment,
    CaseFacts,
    Decision,
    DecisionNotAllowed,
    assess,
    require_allowed,
)
from clerk_app.intake.types import (
    CONTINUABLE,
    DECISION_STATE,
    ApplicantKind,
    CaseDraft,
    CaseState,
    DecisionResult,
    IntakeRefusal,
    IntakeRefused,
)
from clerk_app.intake.visit import Visit
from clerk_app.intake.workdays import HallCalendar, Promise, promise
from clerk_app.licences.types import LicenceCheck as LicenceCheckState
from clerk_app.settings import DEFAULT_POST_CHECK_DAYS
from clerk_app.validation import Invalid, SupervisorOverride, normalise_code
from onewindow_base.clock import Clock, SystemClock, to_datetime
from onewindow_base.crashpoint import crashpoint
from onewindow_base.db.engine import Database, is_disk_full
from printing.documents import DocumentKind, HallBranding

log = logging.getLogger(__name__)

_ORIGINAL_CHECKED = (CheckMethod.CHECK_ORIGINAL_KEEP_COPY, CheckMethod.KEEP_BOTH)


def requirements_of(item: ItemDetail, situation_code: str) -> tuple[MaterialRequirement, ...]:
    """The catalogue's checklist for one situation, as the decision rules read it."""
    try:
        materials = item.materials_for(situation_code)
    except KeyError:
        raise IntakeRefused(IntakeRefusal.UNKNOWN_SITUATION, situation_code) from None
    return tuple(
        MaterialRequirement(
            key=m.code,
            name=m.name_zh,
            necessity=m.necessity,
            form=m.form,
            copies=m.copies,
            original_check=m.check in _ORIGINAL_CHECKED or m.form is MaterialForm.ORIGINAL_AND_COPY,
            elicence_type=m.e_licence.type_code if m.e_licence else None,
            standard=m.acceptance_standard or "",
            commitment=item.notify_commit and m.commitment,
        )
        for m in materials
    )


class IntakeService:
    def __init__(
        self,
        db: Database,
        catalogue: CatalogueService,
        protector: PersonalDataProtector,
        *,
        hall_code: str,
        calendar: HallCalendar,
        audit: AuditService | None = None,
        clock: Clock | None = None,
        scans_required: bool = True,
        branding: HallBranding | None = None,
        post_check_days: int = DEFAULT_POST_CHECK_DAYS,
    ) -> None:
        self._db = db
        self._catalogue = catalogue
        self._protector = protector
        self._hall_code = hall_code
        self._calendar = calendar
        self._clock = clock or SystemClock()
        self._audit = audit or AuditService(db, self._clock)
        self._numbers = CaseNumbers(db, self._clock)
        self._scans_required = scans_required
        self._branding = branding or HallBranding()  # its agency_short and number format
        self._post_check_days = post_check_days
        hall = db.run_read(
            lambda s: s.execute(select(Hall.id, Hall.timezone).where(Hall.code == hall_code)).one()
        )
        self._hall_id, self._zone = hall.id, ZoneInfo(hall.timezone)

    def _gate(self) -> Gate:
        return Gate(self._audit, self._db)

    # ------------------------------------------------------------ the live checklist
    @open_to_clerks
    def now_ms(self) -> int:
        return self._clock.now_ms()

    @open_to_clerks
    def today(self) -> dt.date:
        return to_datetime(self._clock.now_ms(), self._zone).date()

    @open_to_clerks
    def item(self, item_code: str, catalogue_version_id: int | None = None) -> ItemDetail:
        try:
            item = self._catalogue.item_by_code(item_code, catalogue_version_id)
        except CatalogueRefused as exc:
            raise IntakeRefused(IntakeRefusal.UNKNOWN_ITEM, item_code) from exc
        return item

    @open_to_clerks
    def assess(self, draft: CaseDraft) -> Assessment:
        """What the rules allow for the draft as it stands (no database writes)."""
        item = self.item(draft.item_code, self._pinned_version(draft))
        return self._assess(item, draft)

    def _pinned_version(self, draft: CaseDraft) -> int | None:
        if draft.continuing is None:
            return None
        number = draft.continuing
        found = self._db.run_read(
            lambda s: s.scalar(
                select(IntakeCase.catalogue_version_id).where(IntakeCase.case_number == number)
            )
        )
        if found is None:
            raise IntakeRefused(IntakeRefusal.UNKNOWN_CASE, number)
        return int(found)

    def _promise(self, item: ItemDetail, today: dt.date) -> tuple[int, Promise]:
        days = promised_working_days(item)
        return days, promise(today, days, self._calendar)

    def _assess(self, item: ItemDetail, draft: CaseDraft) -> Assessment:
        requirements = requirements_of(item, draft.situation_code)
        records = _with_scans(requirements, draft)
        today = self.today()
        days, kept = self._promise(item, today)
        facts = CaseFacts(
            promised_due=kept.due,
            unknown_year=kept.unknown_year,
            promised_days=days,
            applicant_bad_credit=draft.applicant_bad_credit or _listed(draft),
            credit_unconfirmed=_credit_unconfirmed(draft),
            refusal=draft.refusal,
            scans_required=self._scans_required,
            post_check_due=promise(today, self.post_check_days(item), self._calendar).due,
            applicant_false_commitment=self._false_commitment(draft),
        )
        return assess(requirements, records, facts)

    def _false_commitment(self, draft: CaseDraft) -> bool:
        """Whether a post-check found an earlier commitment of this applicant false."""
        if not any(r.committed for r in draft.records.values()):
            return False
        a = draft.applicant
        id_hash = self._protector.lookup_hash(normalise_code(a.id_value), context=ID_NUMBER)
        found = self._db.run_read(
            lambda s: s.scalar(
                select(Applicant.false_commitment_ms).where(
                    Applicant.hall_id == self._hall_id,
                    Applicant.id_type == a.id_type.value,
                    Applicant.id_hash == id_hash,
                )
            )
        )
        return found is not None

    @open_to_clerks
    def post_check_days(self, item: ItemDetail) -> int:
        """告知承诺's post-check period: the item's own, else the hall's default."""
        return item.post_check_days or self._post_check_days

    # ------------------------------------------------------------ deciding
    # A clerk's decision (never the assistance staff's); an override in it needs a supervisor.
    @requires(Permission.DECIDE, operator="clerk")
    def decide(
        self, draft: CaseDraft, decision: Decision, clerk: UserInfo, window: int
    ) -> DecisionResult:
        today = self.today()
        self._check_override(draft)
        applicant = check_applicant(draft.applicant, today, new_case=draft.continuing is None)
        agent = check_agent(draft.agent, today) if draft.agent else None
        item = self.item(draft.item_code, self._pinned_version(draft))
        if item.status is ItemStatus.SUSPENDED and draft.continuing is None:
            raise IntakeRefused(IntakeRefusal.ITEM_SUSPENDED, item.code)
        assessment = self._assess(item, draft)
        try:
            require_allowed(assessment, decision)
        except DecisionNotAllowed as exc:
            raise IntakeRefused(
                IntakeRefusal.DECISION_NOT_ALLOWED, str(exc), assessment=assessment
            ) from exc
        days, kept = self._promise(item, today)
        lines = fee_lines(item, draft.situation_code)
        visit = Visit(
            draft,
            decision,
            clerk,
            window,
            item,
            applicant,
            agent,
            assessment,
            today,
            days,
            kept,
            lines,
            _checked_payment(draft, decision, lines),
            _checked_mailing(draft),
        )
        try:
            return self._db.run_write(lambda session: self._save(session, visit))
        except SQLAlchemyError as exc:
            if not is_disk_full(exc):
                raise
            log.warning("the database's disk is full: a visit was not saved")
            raise IntakeRefused(
                IntakeRefusal.DISK_FULL, "the disk is full: nothing of this visit was saved"
            ) from exc

    def _check_override(self, draft: CaseDraft) -> None:
        """A waved-through check needs a supervisor: the named user's role is read from the
        database, so no path can put a clerk's own id on an override (refusal audited)."""
        for o in (draft.applicant.override, _credit_override(draft)):
            if o is None:
                continue
            vouching = UserInfo(o.supervisor_id, "", o.supervisor_name, Role.SUPERVISOR)
            require(
                self._audit,
                self._db,
                vouching,
                Permission.OVERRIDE,
                operation="IntakeService.decide",
            )

    def _save(self, session: Session, v: Visit) -> DecisionResult:
        now = self._clock.now_ms()
        applicant_id = self._upsert_applicant(session, v.applicant, now)
        case = self._case_for(session, v, applicant_id, now)
        case.visits += 1
        case.state = DECISION_STATE[v.decision].value
        if v.decision in (Decision.ACCEPT, Decision.DEFERRAL):
            case.promised_due, case.due_waits_year = v.promise.due, v.promise.unknown_year
            case.promised_from, case.promised_days = v.today, v.promised_days
            if case.accepted_ms is None:
                case.accepted_ms, case.accepted_by = now, v.clerk.user_id
            if v.assessment.committed:  # 告知承诺: checked afterwards, by this date
                case.post_check_days = self.post_check_days(v.item)
                case.post_check_due = promise(
                    self.today(), case.post_check_days, self._calendar
                ).due
        case.updated_ms = now
        if v.agent is not None:
            case.agent_name = v.agent.name
            case.agent_id_enc = self._protector.encrypt(v.agent.id_value, context=AGENT_ID)
            case.agent_id_masked = v.agent.id_masked
            case.agent_authorisation = v.agent.authorisation
        session.flush()
        _replace_materials(session, case.id, v.assessment)
        _queue_licence_checks(session, case.id, v.assessment, now)
        _replace_pages(session, case.id, v.draft.pages)
        photo_checks = link_photo_checks(
            session, hall_id=self._hall_id, case_id=case.id, check_ids=v.draft.photo_checks
        )
        session.add(
            CaseDecision(
                case_id=case.id,
                visit=case.visits,
                decision=v.decision.value,
                at_ms=now,
                user_id=v.clerk.user_id,
                catalogue_version_id=v.item.catalogue_version_id,
                item_code=case.item_code,
                checklist=_checklist_json(v.assessment),
                detail=_detail_json(v),
            )
        )
        paper = allocate_paper_number(
            session,
            hall_id=self._hall_id,
            branding=self._branding,
            kind=DECISION_PAPER[v.decision],
            day=to_datetime(now, self._zone).date(),
            window=v.window,
            case_id=case.id,
            occasion=visit_occasion(case.visits),
            now_ms=now,
        )
        if v.assessment.committed and v.decision in (Decision.ACCEPT, Decision.DEFERRAL):
            allocate_paper_number(  # the 告知承诺书 printed beside the decision's paper
                session,
                hall_id=self._hall_id,
                branding=self._branding,
                kind=DocumentKind.COMMITMENT,
                day=to_datetime(now, self._zone).date(),
                window=v.window,
                case_id=case.id,
                occasion=visit_occasion(case.visits),
                now_ms=now,
            )
        if v.payment is not None:
            _save_payment(session, case, v, now)
        if v.mailing is not None:
            self._save_mailing(session, case.id, v.mailing, now)
        elif v.draft.continuing is not None and v.decision in (Decision.ACCEPT, Decision.DEFERRAL):
            # The applicant now collects at the window: the server keeps the accepting
            # decision's mailing (none), so must the counter.
            session.execute(delete(CaseMailing).where(CaseMailing.case_id == case.id))
        outbox.enqueue(
            session, self._protector, outbox.case_operation(case, v, self._hall_code), now
        )
        # 帮办代办 done while the applicant waited: now on the case, sent after its decision
        assisted = attach_to_case(
            session, hall_id=self._hall_id, case=case, ticket_id=v.draft.ticket_id
        )
        for row in assisted:
            outbox.enqueue(
                session, self._protector, assist_operation(row, case, self._hall_code), now
            )
        self._audit.append(
            session,
            AuditAction.DECISION,
            Actor(v.clerk.user_id, v.clerk.display_name),
            target_kind="case",
            target=case.case_number,
            detail={
                "decision": v.decision.value,
                "visit": case.visits,
                "item": v.item.code,
                "override": v.applicant.overridden,
            }
            | ({"photo_checks": photo_checks} if photo_checks else {})
            | ({"assistance": [r.id for r in assisted]} if assisted else {}),
        )
        for o in (v.applicant.override, _credit_override(v.draft)):
            if o is None:
                continue
            self._audit.append(
                session,
                AuditAction.OVERRIDE,
                Actor(o.supervisor_id, o.supervisor_name),
                target_kind="case",
                target=case.case_number,
                detail={
                    "field": o.field.value,
                    "failed_check": o.failed_check,
                    "reason": o.reason,
                    "clerk": v.clerk.username,
                },
            )
        session.flush()
        # docs/sync-rules.md fault 7: scans stored, rows not committed
        crashpoint("intake.before_commit")
        return DecisionResult(
            case.id,
            case.case_uuid,
            case.case_number,
            v.decision,
            CaseState(case.state),
            case.visits,
            case.promised_due,
            v.assessment,
            now,
            paper.number,
        )

    def _save_mailing(self, session: Session, case_id: int, m: CheckedMailing, now: int) -> None:
        row = session.get(CaseMailing, case_id) or CaseMailing(case_id=case_id, created_ms=now)
        row.recipient, row.phone_masked = m.recipient, m.phone_masked
        row.phone_enc = self._protector.encrypt(m.phone, context=MAIL_PHONE)
        row.province, row.city, row.district = m.province, m.city, m.district
        row.address, row.postal_code = m.address, m.postal_code
        session.add(row)

    def _upsert_applicant(self, session: Session, a: CheckedApplicant, now: int) -> int:
        id_hash = self._protector.lookup_hash(a.id_value, context=ID_NUMBER)
        row = session.scalars(
            select(Applicant).where(
                Applicant.hall_id == self._hall_id,
                Applicant.id_type == a.id_type.value,
                Applicant.id_hash == id_hash,
            )
        ).first()
        if row is None:
            row = Applicant(
                hall_id=self._hall_id,
                id_type=a.id_type.value,
                id_hash=id_hash,
                id_enc=self._protector.encrypt(a.id_value, context=ID_NUMBER),
                created_ms=now,
            )
            session.add(row)
        row.kind, row.name, row.id_masked = a.kind.value, a.name, a.id_masked
        if a.phone is not None:
            row.phone_enc = self._protector.encrypt(a.phone, context=PHONE)
            row.phone_masked = a.phone_masked
        if a.address is not None:
            row.address = a.address
        if a.kind is ApplicantKind.COMPANY:
            if a.legal_representative is not None:
                row.legal_representative = a.legal_representative
            if a.contact is not None:
                row.contact_name = a.contact
        row.updated_ms = now
        session.flush()
        return row.id

    def _case_for(self, session: Session, v: Visit, applicant_id: int, now: int) -> IntakeCase:
        if v.draft.continuing is None:
            number = self._numbers.allocate(
                session, hall_code=self._hall_code, terminal=terminal_for_window(v.window)
            )
            case = IntakeCase(
                case_uuid=str(uuid.uuid4()),
                case_number=str(number),
                hall_id=self._hall_id,
                window_number=v.window,
                applicant_id=applicant_id,
                catalogue_version_id=v.item.catalogue_version_id,
                item_code=v.item.code,
                item_version=v.item.version,
                item_name_zh=v.item.name_zh,
                item_name_en=v.item.name_en,
                situation_code=v.draft.situation_code,
                state=CaseState.NOTICE_ISSUED.value,
                visits=0,
                ticket_id=v.draft.ticket_id,
                created_ms=now,
                updated_ms=now,
            )
            session.add(case)
            return case
        found = session.scalars(
            select(IntakeCase).where(IntakeCase.case_number == v.draft.continuing).with_for_update()
        ).first()
        if found is None:
            raise IntakeRefused(IntakeRefusal.UNKNOWN_CASE, v.draft.continuing)
        case = found
        if CaseState(case.state) not in CONTINUABLE:
            raise IntakeRefused(IntakeRefusal.CASE_CLOSED, f"{case.case_number}: {case.state}")
        if case.item_code != v.item.code or case.applicant_id != applicant_id:
            raise IntakeRefused(IntakeRefusal.OTHER_ITEM, case.case_number)
        case.situation_code = v.draft.situation_code
        return case


def _listed(draft: CaseDraft) -> bool:
    return draft.credit is not None and draft.credit.state is CreditState.LISTED


def _credit_unconfirmed(draft: CaseDraft) -> bool:
    """The check was made and could not say, and no supervisor has overridden that."""
    return _credit_override(draft) is None and (
        draft.credit is not None and draft.credit.state is CreditState.UNKNOWN
    )


def _credit_override(draft: CaseDraft) -> SupervisorOverride | None:
    """The supervisor's go-ahead, counted only while the status is unknown."""
    unknown = draft.credit is not None and draft.credit.state is CreditState.UNKNOWN
    return draft.credit_override if unknown else None


def _credit_json(draft: CaseDraft) -> dict[str, Any] | None:
    """The status and when it was checked, as recorded with the case (no identifier: the
    case has the applicant's; the audit trail has the masked one)."""
    if draft.credit is None:
        return None
    record = {k: v for k, v in draft.credit.record().items() if k != "identifier"}
    o = _credit_override(draft)
    if o is not None:
        record["override"] = {
            "supervisor_id": o.supervisor_id,
            "supervisor": o.supervisor_name,
            "reason": o.reason,
            "at_ms": o.at_ms,
        }
    return record


ACCEPTING = (Decision.ACCEPT, Decision.DEFERRAL)


def _checked_payment(
    draft: CaseDraft, decision: Decision, lines: Sequence[FeeLine]
) -> CheckedPayment | None:
    """An accepting decision of an item with fees needs the payment (or a waiver, or pay
    later); other decisions and fee-free items record none."""
    if not lines or decision not in ACCEPTING:
        return None
    checked = check_payment(draft.payment, lines)
    if isinstance(checked, Invalid):
        raise IntakeRefused(
            IntakeRefusal.INVALID_PAYMENT, checked.describe(), field_name="payment", invalid=checked
        )
    return checked


def _checked_mailing(draft: CaseDraft) -> CheckedMailing | None:
    if draft.mailing is None:
        return None
    checked = check_mailing(draft.mailing)
    if isinstance(checked, Invalid):
        raise IntakeRefused(
            IntakeRefusal.INVALID_MAILING, checked.describe(), field_name="mailing", invalid=checked
        )
    return checked


def _save_payment(session: Session, case: IntakeCase, v: Visit, now: int) -> None:
    p = v.payment
    assert p is not None
    paid = p.status is PaymentStatus.PAID
    session.merge(
        CasePayment(
            case_id=case.id,
            item_code=case.item_code,
            status=p.status.value,
            method=p.method.value if paid else None,
            due_fen=fen_of(p.due_or_paid),
            paid_fen=fen_of(p.paid),
            reference=p.reference,
            waiver_reason=p.reason,
            fees=lines_json(v.fees),
            recorded_ms=now,
            recorded_by=v.clerk.user_id,
            paid_ms=now if paid else None,
            window_number=v.window,
        )
    )


def _with_scans(
    requirements: Sequence[MaterialRequirement], draft: CaseDraft
) -> dict[str, MaterialRecord]:
    """The clerk's records, each with the number of pages assigned to its material."""
    keys = {r.key for r in requirements}
    unknown = sorted(
        ({*draft.records} | {p.material_code for p in draft.pages if p.material_code}) - keys
    )
    if unknown:
        raise IntakeRefused(IntakeRefusal.UNKNOWN_MATERIAL, ", ".join(unknown))
    pages: dict[str, int] = {}
    for page in draft.pages:
        if page.material_code:
            pages[page.material_code] = pages.get(page.material_code, 0) + 1
    records = dict(draft.records)
    for key, count in pages.items():
        records[key] = dataclasses.replace(records.get(key, MaterialRecord()), scans=count)
    return records


def _replace_materials(session: Session, case_id: int, assessment: Assessment) -> None:
    session.query(CaseMaterial).filter(CaseMaterial.case_id == case_id).delete()
    for state in assessment.materials:
        r = state.record
        session.add(
            CaseMaterial(
                case_id=case_id,
                material_code=state.key,
                received=r.received,
                original_checked=r.original_checked,
                copies=r.copies,
                elicence_number=r.elicence_number,
                deferred=r.deferred,
                supply_by=r.supply_by,
                defects=json.dumps(list(r.defects), ensure_ascii=False),
                committed=r.committed,
                **_licence_columns(state.requirement.elicence_type, r),
            )
        )


def _licence_columns(type_code: str | None, r: MaterialRecord) -> dict[str, Any]:
    """A chosen licence is verified (the registry said valid); a typed number waits for the
    next sync (待核验), unless this case already verified or failed that very number."""
    if r.elicence_number is None:
        return {}
    proof = r.elicence
    if proof is not None:
        return {
            "elicence_type": proof.type_code,
            "elicence_issuer": proof.issuer,
            "elicence_valid_from": proof.valid_from,
            "elicence_valid_until": proof.valid_until,
            "elicence_copy_sha256": proof.copy_sha256,
            "elicence_check": LicenceCheckState.VERIFIED.value,
        }
    return {
        "elicence_type": type_code,
        "elicence_check": r.elicence_check or LicenceCheckState.TO_VERIFY.value,
    }


def _queue_licence_checks(session: Session, case_id: int, assessment: Assessment, now: int) -> None:
    """A typed number not yet verified for this case waits for the next sync (exactly one
    pending check per material: a later visit's number supersedes an earlier one's)."""
    for state in assessment.materials:
        r, type_code = state.record, state.requirement.elicence_type
        if r.elicence_number is None or r.elicence is not None or type_code is None:
            continue
        number = r.elicence_number.strip()
        held = session.scalars(
            select(LicenceCheck).where(
                LicenceCheck.case_id == case_id, LicenceCheck.material_code == state.key
            )
        ).all()
        if any(c.licence_number == number and c.licence_type == type_code for c in held):
            continue  # asked already (or being asked): its outcome stands
        for c in held:
            if c.state == "pending":
                c.state = "superseded"
        session.add(
            LicenceCheck(
                case_id=case_id,
                material_code=state.key,
                licence_type=type_code,
                licence_number=number,
                state="pending",
                attempts=0,
                created_ms=now,
            )
        )


def _replace_pages(session: Session, case_id: int, pages: Sequence[Any]) -> None:
    session.query(CasePage).filter(CasePage.case_id == case_id).delete()
    session.flush()
    for position, p in enumerate(pages, start=1):
        session.add(
            CasePage(
                case_id=case_id,
                position=position,
                material_code=p.material_code,
                sha256=p.sha256,
                thumb_sha256=p.thumb_sha256,
                mime=p.mime,
                width=p.width,
                height=p.height,
                dpi=p.dpi,
                size_bytes=p.size_bytes,
            )
        )


def _checklist_json(assessment: Assessment) -> str:
    return json.dumps(
        [
            {
                "material": s.key,
                "status": s.status.value,
                "reasons": [r.code.value for r in s.reasons],
                "record": _record_json(s.record),
            }
            for s in assessment.materials
        ],
        ensure_ascii=False,
        sort_keys=True,
    )


def _record_json(r: MaterialRecord) -> Mapping[str, Any]:
    return {
        "received": r.received,
        "original_checked": r.original_checked,
        "copies": r.copies,
        "scans": r.scans,
        "elicence_number": r.elicence_number,
        "deferred": r.deferred,
        "supply_by": r.supply_by.isoformat() if r.supply_by else None,
        "defects": list(r.defects),
        "committed": r.committed,
    }


def _detail_json(v: Visit) -> str:
    refusal = v.draft.refusal
    detail: dict[str, Any] = {
        "catalogue_version": v.item.catalogue_version,
        "situation": v.draft.situation_code,
        "override": v.applicant.overridden,
        "notice_items": [s.key for s in v.assessment.notice_items]
        if v.decision is Decision.ONE_TIME_NOTICE
        else [],
    }
    credit = _credit_json(v.draft)
    if credit is not None:
        detail["credit"] = credit
    if refusal is not None and v.decision is Decision.REFUSE:
        detail["refusal"] = {
            "ground": refusal.ground.value,
            "explanation": refusal.explanation,
            "competent_agency": refusal.competent_agency,
        }
    return json.dumps(detail, ensure_ascii=False, sort_keys=True)
