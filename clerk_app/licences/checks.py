"""Verifying typed licence numbers (待核验) on the next sync, exactly once each.

The sync cycle hands its transport to :meth:`LicenceChecks.run` after the push. For each
``pending`` check (oldest first) it asks the registry, then records the answer in one
transaction guarded by the row's state: a retried, cut or killed cycle asks again (asking is
read-only on the server) but the outcome, the case material's state and the audit record are
written once. A failure (not found, revoked, expired, someone else's) marks the material
``failed``, is audited (``licence.failed``) and stays an alert for the supervisor until one
acknowledges it; the clerk sees it on the sync panel and on the case.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Gate, Permission, open_to_clerks, requires
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction
from clerk_app.db.catalogue_models import CatalogueMaterial, CatalogueVersionItem
from clerk_app.db.intake_models import ID_NUMBER, Applicant, CaseMaterial, IntakeCase, LicenceCheck
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.licences.service import ask_verify
from clerk_app.licences.types import LicenceCheck as CheckState
from clerk_app.licences.types import Verification, VerifyOutcome
from clerk_app.sync.client import Transport
from clerk_app.sync.trail import SYNC_ACTOR
from onewindow_base.clock import Clock
from onewindow_base.crashpoint import crashpoint
from onewindow_base.db.engine import Database
from onewindow_protocol.masking import mask_id

log = logging.getLogger(__name__)

BATCH = 50  # checks per cycle; the rest wait for the next one
PENDING, VERIFIED, FAILED = "pending", CheckState.VERIFIED.value, CheckState.FAILED.value


@dataclass(frozen=True, slots=True)
class Pending:
    id: int
    case_number: str
    material_code: str
    licence_type: str
    licence_number: str
    holder_enc: str


@dataclass(frozen=True, slots=True)
class FailedCheck:
    """A licence number the registry did not confirm, as the clerk and the supervisor see it:
    the holder only masked (a licence number is no personal data, but an ID card's number is
    the holder's ID, so screens mask that type's like the holder)."""

    id: int
    case_number: str
    material_code: str
    licence_type: str
    licence_number: str
    outcome: str  # not_found | revoked | expired | holder_mismatch
    checked_ms: int
    holder_masked: str = ""
    material_zh: str = ""  # the case's catalogue version's name of the material ("" if gone)
    material_en: str = ""

    @property
    def number_shown(self) -> str:
        """The number as screens show it: an ID card's masked (it is the holder's ID)."""
        if self.licence_type == "CN.RESIDENT_ID":
            return mask_id(self.licence_number)
        return self.licence_number


@dataclass(frozen=True, slots=True)
class ChecksRun:
    verified: int = 0
    failed: int = 0


def _pending(session: Session) -> list[Pending]:
    rows = session.execute(
        select(
            LicenceCheck.id,
            IntakeCase.case_number,
            LicenceCheck.material_code,
            LicenceCheck.licence_type,
            LicenceCheck.licence_number,
            Applicant.id_enc,
        )
        .join(IntakeCase, IntakeCase.id == LicenceCheck.case_id)
        .join(Applicant, Applicant.id == IntakeCase.applicant_id)
        .where(LicenceCheck.state == PENDING)
        .order_by(LicenceCheck.id)
        .limit(BATCH)
    ).all()
    return [Pending(*row) for row in rows]


def _failed(r: tuple[Any, ...]) -> FailedCheck:
    return FailedCheck(
        id=r[0],
        case_number=r[1],
        material_code=r[2],
        licence_type=r[3],
        licence_number=r[4],
        outcome=r[5] or "",
        checked_ms=r[6] or 0,
        holder_masked=r[7],
        material_zh=r[8] or "",
        material_en=r[9] or "",
    )


def unacknowledged_failures(session: Session, hall_id: int | None = None) -> list[FailedCheck]:
    """Failures nobody has acknowledged, oldest first; of one hall's cases when ``hall_id``."""
    item = CatalogueVersionItem
    query = (
        select(
            LicenceCheck.id,
            IntakeCase.case_number,
            LicenceCheck.material_code,
            LicenceCheck.licence_type,
            LicenceCheck.licence_number,
            LicenceCheck.outcome,
            LicenceCheck.checked_ms,
            Applicant.id_masked,
            CatalogueMaterial.name_zh,
            CatalogueMaterial.name_en,
        )
        .join(IntakeCase, IntakeCase.id == LicenceCheck.case_id)
        .join(Applicant, Applicant.id == IntakeCase.applicant_id)
        .outerjoin(
            item,
            (item.version_id == IntakeCase.catalogue_version_id)
            & (item.code == IntakeCase.item_code),
        )
        .outerjoin(
            CatalogueMaterial,
            (CatalogueMaterial.item_id == item.item_id)
            & (CatalogueMaterial.code == LicenceCheck.material_code),
        )
        .where(LicenceCheck.state == FAILED, LicenceCheck.acknowledged_ms.is_(None))
        .order_by(LicenceCheck.id)
    )
    if hall_id is not None:
        query = query.where(IntakeCase.hall_id == hall_id)
    return [_failed(tuple(r)) for r in session.execute(query).all()]


def counts(session: Session) -> tuple[int, int]:
    """Checks waiting for a sync, and failures nobody has acknowledged."""
    waiting = session.scalar(
        select(func.count()).select_from(LicenceCheck).where(LicenceCheck.state == PENDING)
    )
    failed = session.scalar(
        select(func.count())
        .select_from(LicenceCheck)
        .where(LicenceCheck.state == FAILED, LicenceCheck.acknowledged_ms.is_(None))
    )
    return int(waiting or 0), int(failed or 0)


class LicenceChecks:
    def __init__(
        self, db: Database, protector: PersonalDataProtector, audit: AuditService, clock: Clock
    ) -> None:
        self._db, self._protector, self._audit, self._clock = db, protector, audit, clock

    def run(self, t: Transport) -> ChecksRun:
        """Verify what waits; a :class:`SyncError` leaves the rest pending for the next cycle."""
        verified = failed = 0
        for check in self._db.run_read(_pending):
            holder = self._protector.decrypt(check.holder_enc, context=ID_NUMBER)
            answer = ask_verify(
                t,
                check.licence_type,
                check.licence_number,
                holder,
                case=(check.case_number, check.material_code),  # recorded on the server's case
            )
            # docs/sync-rules.md: asked, the answer not yet recorded (the next cycle asks again)
            crashpoint("licences.before_record")
            recorded = self._record_answer(check, answer)
            if recorded == VERIFIED:
                verified += 1
            elif recorded == FAILED:
                failed += 1
        return ChecksRun(verified, failed)

    def _record_answer(self, check: Pending, answer: Verification) -> str | None:
        return self._db.run_write(lambda session: self._record(session, check, answer))

    def _record(self, session: Session, check: Pending, answer: Verification) -> str | None:
        """The outcome, once: None when another cycle recorded it first."""
        now = self._clock.now_ms()
        state = VERIFIED if answer.outcome is VerifyOutcome.VALID else FAILED
        outcome = answer.outcome.value if answer.outcome else None
        moved = session.execute(
            update(LicenceCheck)
            .where(LicenceCheck.id == check.id, LicenceCheck.state == PENDING)
            .values(
                state=state, outcome=outcome, checked_ms=now, attempts=LicenceCheck.attempts + 1
            )
        ).rowcount  # type: ignore[attr-defined]
        if not moved:
            return None
        case_id = select(IntakeCase.id).where(IntakeCase.case_number == check.case_number)
        values: dict[str, object] = {"elicence_check": state}
        licence = answer.licence
        if state == VERIFIED and licence is not None:
            values |= {
                "elicence_issuer": licence.issuer,
                "elicence_valid_from": licence.valid_from,
                "elicence_valid_until": licence.valid_until,
            }
        session.execute(
            update(CaseMaterial)
            .where(
                CaseMaterial.case_id == case_id.scalar_subquery(),
                CaseMaterial.material_code == check.material_code,
                func.trim(CaseMaterial.elicence_number) == check.licence_number,
            )
            .values(**values)
        )
        self._audit.append(
            session,
            AuditAction.LICENCE_VERIFIED if state == VERIFIED else AuditAction.LICENCE_FAILED,
            SYNC_ACTOR,
            target_kind="case",
            target=check.case_number,
            detail={
                "material": check.material_code,
                "type": check.licence_type,
                "number": mask_id(check.licence_number),  # an ID card's number is the ID
                "outcome": outcome,
            },
        )
        if state == FAILED:
            log.warning(
                "e-licence verification failed for case %s, material %s: %s",
                check.case_number,
                check.material_code,
                outcome,
            )
        return state


class LicenceFailures:
    """The failures as the clerk's sync panel and the supervisor's dashboard list them: of the
    hall's cases when ``hall_id`` is given (a hall database may hold another hall's rows)."""

    def __init__(
        self, db: Database, audit: AuditService, clock: Clock, *, hall_id: int | None = None
    ) -> None:
        self._db, self._audit, self._clock, self._hall_id = db, audit, clock, hall_id

    def _gate(self) -> Gate:
        return Gate(self._audit, self._db)

    @open_to_clerks  # the clerk's sync panel lists them too
    def failures(self) -> list[FailedCheck]:
        return self._db.run_read(lambda s: unacknowledged_failures(s, self._hall_id))

    @requires(Permission.QUEUE_SUPERVISION)
    def acknowledge(self, check_id: int, *, by: UserInfo) -> None:
        """The supervisor has dealt with it (called the applicant, asked for the material)."""
        now = self._clock.now_ms()

        def work(session: Session) -> None:
            row = session.get(LicenceCheck, check_id, with_for_update=True)
            if row is None or row.state != FAILED or row.acknowledged_ms is not None:
                return
            row.acknowledged_ms, row.acknowledged_by = now, by.user_id
            case_number = session.scalar(
                select(IntakeCase.case_number).where(IntakeCase.id == row.case_id)
            )
            self._audit.append(
                session,
                AuditAction.LICENCE_FAILED,
                Actor(by.user_id, by.display_name),
                target_kind="case",
                target=case_number,
                detail={"acknowledged": True, "check": check_id, "material": row.material_code},
            )

        self._db.run_write(work)
