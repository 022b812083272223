"""Signatures taken on a signature pad, recorded with the case and the paper they sign.

The counter (the signing dialog on the clerk's screen, or the applicant's screen) hands over
the ink the pad exported (:class:`~clerk_app.signatures.ink.SignatureInk`) with the paper it
signs. :meth:`record` refuses a blank pad or a dot, stores the PNG and the strokes sealed in the
blob store (they are personal data: ``personal=True``), then in one transaction writes the
``case_signature`` row and a ``paper.signed`` audit record with the paper, who signed (the
applicant, or the agent where the case has one; on the handover record whoever collected the
result), and the SHA-256 of the PNG and of the strokes, never the image. The time is
the service clock's; the date printed beside the signature is that moment in the hall's zone.

The hashes go into the audit detail in groups of eight (``1a2b3c4d-…``): the audit trail refuses
any detail with a run of digits that reads as an ID or phone number, which a hex digest holds
now and then; grouped, it never does. Strip the hyphens to compare with ``sha256sum``.

:func:`clerk_app.signatures.signed_print.print_signed` records a signature and prints the paper
with it (the archived PDF, signed by the hall's certificate where it has one, then holds it).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction
from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.printing_models import PrintJobRow
from clerk_app.db.results_models import CaseHandover
from clerk_app.db.signature_models import CaseSignature
from clerk_app.signatures.ink import InkProblem, SignatureInk
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import Clock, SystemClock, to_datetime
from onewindow_base.db.engine import Database
from printing.documents import WITHOUT_PERSONAL_DATA, DocumentKind, PaperSignature

# Papers nobody at the counter signs on a pad: the back office's and the hall's own.
NOT_SIGNED = WITHOUT_PERSONAL_DATA | {
    DocumentKind.CERTIFICATE,
    DocumentKind.DENIAL,
    DocumentKind.DAILY_REPORT,
}


class Signer(enum.StrEnum):
    APPLICANT = "applicant"
    AGENT = "agent"  # the case names an agent (代理人/经办人) who applies for the applicant


class SignatureRefusal(enum.StrEnum):
    UNKNOWN_CASE = "unknown_case"
    EMPTY = "empty"  # nothing on the pad
    TOO_LITTLE = "too_little"  # a dot or a tick
    NOT_PNG = "not_png"
    NOT_SIGNED_PAPER = "not_signed_paper"  # a kind of paper no applicant signs
    UNKNOWN_SIGNATURE = "unknown_signature"
    UNKNOWN_JOB = "unknown_job"


_INK_REFUSALS = {
    InkProblem.EMPTY: SignatureRefusal.EMPTY,
    InkProblem.TOO_LITTLE: SignatureRefusal.TOO_LITTLE,
    InkProblem.NOT_PNG: SignatureRefusal.NOT_PNG,
}


class SignatureRefused(Exception):  # noqa: N818 - an expected outcome with its code
    def __init__(self, code: SignatureRefusal, what: str) -> None:
        self.code = code
        super().__init__(f"{code.value}: {what}")


@dataclass(frozen=True, slots=True)
class PaperRef:
    """Which paper is signed: its kind and the number printed on it (None: it has none)."""

    kind: DocumentKind
    number: str | None


@dataclass(frozen=True, slots=True)
class SignedPaper:
    id: int
    case_number: str
    paper: PaperRef
    signer: Signer
    signed_ms: int
    signed_at: dt.datetime  # in the hall's zone
    png_sha256: str
    strokes_sha256: str
    image_size: tuple[int, int]  # the PNG's pixels
    print_job_id: int | None

    def on_paper(self, png: bytes) -> PaperSignature:
        """What the paper prints: the ink and the day it was signed, in the hall's time."""
        return PaperSignature(png, self.signed_at.date())


def audit_digest(sha256: str) -> str:
    """A SHA-256 as the audit detail holds it: eight groups of eight (see the module doc)."""
    return "-".join(sha256[i : i + 8] for i in range(0, len(sha256), 8))


class SignatureService:
    def __init__(
        self,
        db: Database,
        blobs: BlobStore,
        *,
        tz: dt.tzinfo,
        clock: Clock | None = None,
        audit: AuditService | None = None,
    ) -> None:
        self._db = db
        self._blobs = blobs
        self._tz = tz
        self._clock = clock or SystemClock()
        self._audit = audit or AuditService(db, self._clock)

    @open_to_clerks  # the clerk's own work at the counter
    def record(
        self,
        case_number: str,
        paper: PaperRef,
        ink: SignatureInk,
        *,
        by: Actor,
        signer: Signer | None = None,
    ) -> SignedPaper:
        """Keep the signature of ``paper`` of the case; ``signer`` None: who signs that paper
        (:meth:`_signer`). :class:`SignatureRefused` (nothing stored) for a blank pad, a dot,
        an unknown case or a paper nobody signs at the counter (a mailed handover's)."""
        if paper.kind in NOT_SIGNED:
            raise SignatureRefused(SignatureRefusal.NOT_SIGNED_PAPER, paper.kind.value)
        problem = ink.problem()
        if problem is not None:
            raise SignatureRefused(_INK_REFUSALS[problem], case_number)
        self._case_id(case_number)  # an unknown case stores nothing
        # Blobs are durable (fsynced) before the row that names them commits.
        png_sha = self._blobs.put(ink.png, personal=True)
        strokes_sha = self._blobs.put(ink.strokes_json(), personal=True)
        now = self._clock.now_ms()

        def work(session: Session) -> SignedPaper:
            case = self._case(session, case_number)
            who = signer or self._signer(session, case, paper.kind)
            row = CaseSignature(
                case_id=case.id,
                document_kind=paper.kind.value,
                document_number=paper.number,
                signer=who.value,
                signed_ms=now,
                png_sha256=png_sha,
                strokes_sha256=strokes_sha,
                width_px=ink.image_size[0],
                height_px=ink.image_size[1],
                user_id=by.user_id,
            )
            session.add(row)
            session.flush()
            self._audit.append(
                session,
                AuditAction.PAPER_SIGNED,
                by,
                target_kind="case",
                target=case.case_number,
                detail={
                    "signature": row.id,
                    "paper": paper.kind.value,
                    "number": paper.number,
                    "signer": who.value,
                    "png_sha256": audit_digest(png_sha),
                    "strokes_sha256": audit_digest(strokes_sha),
                },
            )
            return self._view(row, case.case_number)

        return self._db.run_write(work)

    @open_to_clerks
    def printed(self, signature_id: int, job_id: int) -> SignedPaper:
        """Link the signature to the print job that printed (and archived) its paper."""

        def work(session: Session) -> SignedPaper:
            row = self._row(session, signature_id)
            if session.get(PrintJobRow, job_id) is None:
                raise SignatureRefused(SignatureRefusal.UNKNOWN_JOB, str(job_id))
            row.print_job_id = job_id
            session.flush()
            return self._view(row, session.get_one(IntakeCase, row.case_id).case_number)

        return self._db.run_write(work)

    @open_to_clerks
    def for_case(self, case_number: str) -> list[SignedPaper]:
        """The case's signatures, oldest first."""

        def read(session: Session) -> list[SignedPaper]:
            case = self._case(session, case_number)
            rows = session.scalars(
                select(CaseSignature)
                .where(CaseSignature.case_id == case.id)
                .order_by(CaseSignature.id)
            )
            return [self._view(r, case.case_number) for r in rows]

        return self._db.run_read(read)

    @open_to_clerks
    def image(self, signature_id: int) -> bytes:
        """The signature's PNG, opened from the sealed blob store."""
        sha = self._db.run_read(lambda s: self._row(s, signature_id).png_sha256)
        return self._blobs.get(sha)

    @open_to_clerks
    def strokes(self, signature_id: int) -> bytes:
        """The signature's strokes as recorded (``SignatureInk.strokes_json``)."""
        sha = self._db.run_read(lambda s: self._row(s, signature_id).strokes_sha256)
        return self._blobs.get(sha)

    # ------------------------------------------------------------------ steps
    def _case_id(self, case_number: str) -> int:
        return self._db.run_read(lambda s: self._case(s, case_number).id)

    @staticmethod
    def _case(session: Session, case_number: str) -> IntakeCase:
        number = case_number.strip().upper()
        case = session.scalars(select(IntakeCase).where(IntakeCase.case_number == number)).first()
        if case is None:
            raise SignatureRefused(SignatureRefusal.UNKNOWN_CASE, number)
        return case

    @staticmethod
    def _signer(session: Session, case: IntakeCase, kind: DocumentKind) -> Signer:
        """The handover record is signed by whoever collected the result (the applicant, or an
        agent: the case's or one authorised at the counter); the other papers by the agent
        where the case names one, else the applicant. A mailed result has nobody to sign."""
        if kind is not DocumentKind.HANDOVER:
            return Signer.AGENT if case.agent_name else Signer.APPLICANT
        handover = session.scalars(
            select(CaseHandover).where(CaseHandover.case_id == case.id)
        ).first()
        if handover is None or handover.method != "pickup":
            raise SignatureRefused(SignatureRefusal.NOT_SIGNED_PAPER, case.case_number)
        return Signer.AGENT if handover.on_behalf else Signer.APPLICANT

    @staticmethod
    def _row(session: Session, signature_id: int) -> CaseSignature:
        row = session.get(CaseSignature, signature_id)
        if row is None:
            raise SignatureRefused(SignatureRefusal.UNKNOWN_SIGNATURE, str(signature_id))
        return row

    def _view(self, row: CaseSignature, case_number: str) -> SignedPaper:
        return SignedPaper(
            id=row.id,
            case_number=case_number,
            paper=PaperRef(DocumentKind(row.document_kind), row.document_number),
            signer=Signer(row.signer),
            signed_ms=row.signed_ms,
            signed_at=to_datetime(row.signed_ms, self._tz),
            png_sha256=row.png_sha256,
            strokes_sha256=row.strokes_sha256,
            image_size=(row.width_px, row.height_px),
            print_job_id=row.print_job_id,
        )
