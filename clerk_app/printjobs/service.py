"""Printing through recorded jobs: render, archive, send, record the outcome.

Every print is a ``print_job`` row; every official paper (receipt, notices, certificate,
handover record, daily report) is archived as PDF in the blob store before the row that
links it commits. Sending happens outside any transaction; a printer that cannot take the job
(offline, refused) leaves it ``failed`` with its reason code and a clear message, and ``retry``
sends the same bytes again as a new job. A job whose bytes went out but which the printer did
not confirm (the connection broke mid-job, a ticket printer that did not answer its status
query or reported paper out, an open cover, offline or an error) is ``unconfirmed``: the clerk
looks at the paper and ``confirm`` records what they saw (printed: the job is printed; not:
it is failed and can be retried). ``reprint`` prints the archived paper stamped 副本 / COPY,
recorded as a copy; every reprint of every kind of paper is an audit record, written in the
transaction that records the copy's job.

The kiosk (one call; the outcome says whether it printed and, if not, why)::

    jobs = build_services(settings, db).kiosk_printer    # clerk_app.services
    issued = queue.issue("BIZ")
    job = jobs.print_ticket(ticket_document(queue.rules, issued), ticket_id=issued.ticket.ticket_id)
    if not job.printed:
        show(job.error_code, job.error_message)   # FailureReason: offline, interrupted, …

The counter (intake builds the paper from ``printing.documents``)::

    job = jobs.print_document(ReceiptDoc(...))          # routed by role and document kind
    jobs.retry(job.id); jobs.reprint(job.id, by=actor)
    jobs.confirm(job.id, printed=True, by=actor)   # an unconfirmed job, once the paper is seen

Both raise :class:`PrintRefused` (nothing written) when no printer is configured for the
paper or a character in it cannot be printed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import open_to_clerks
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction
from clerk_app.db.printing_models import ArchivedDocument, PrintJobRow
from clerk_app.printjobs.types import JobState, PrintJobView, PrintRefused, RefusalCode, job_view
from clerk_app.queue.hall import HallRules
from clerk_app.queue.types import IssuedTicket
from clerk_app.settings import PrintingSettings
from clerk_app.signing import HallSigning, PaperTampered, SigningUnavailable
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.db.engine import Database
from printing import escpos, stamp
from printing.backends.base import FailureReason, PayloadFormat, Printer, PrintError, PrintJob
from printing.config import PrinterConfig, SystemFactory, build_printer
from printing.documents import (
    WITHOUT_PERSONAL_DATA,
    Document,
    DocumentKind,
    QueueTicketDoc,
    TestPageDoc,
)
from printing.escpos_status import PrinterStatus
from printing.fonts import MissingGlyph
from printing.prepare import payload_for
from printing.render import document_kind, document_number, owner_key, render_pdf
from printing.signing import DEFAULT_REASON, REASONS, SigningFailure, verify

log = logging.getLogger(__name__)

NOT_ARCHIVED = frozenset({DocumentKind.TICKET, DocumentKind.TEST_PAGE})


@dataclass(frozen=True)
class _Prepared:
    kind: DocumentKind
    owner: str
    title: str
    printer: PrinterConfig
    payload: bytes
    archive_pdf: bytes | None
    number: str | None


class PrintService:
    def __init__(
        self,
        db: Database,
        settings: PrintingSettings,
        blobs: BlobStore,
        *,
        role: str | None = None,
        clock: Clock | None = None,
        system_printer: SystemFactory | None = None,
        audit: AuditService | None = None,
        signing: Callable[[], HallSigning | None] | None = None,
    ) -> None:
        self.db = db
        self._signing = signing
        self.settings = settings
        self.blobs = blobs
        self.role = role or settings.role
        self.clock = clock or SystemClock()
        self._system_printer = system_printer
        self.audit = audit or AuditService(db, self.clock)

    # ------------------------------------------------------------------ choosing a printer
    @open_to_clerks
    def printer_config(self, kind: DocumentKind, name: str | None = None) -> PrinterConfig:
        chosen = name or self.settings.routes.printer_for(self.role, kind.value)
        config = self.settings.printer(chosen) if chosen else None
        if config is None:
            what = f"printer {name!r}" if name else f"a printer for {self.role}.{kind.value}"
            raise PrintRefused(RefusalCode.NO_PRINTER, f"{what} is not configured")
        return config

    @open_to_clerks
    def backend(self, config: PrinterConfig) -> Printer:
        return build_printer(config, self._system_printer)

    # ------------------------------------------------------------------ printing
    @open_to_clerks
    def print_document(
        self, doc: Document, *, owner: str | None = None, printer: str | None = None
    ) -> PrintJobView:
        """Render, archive (official papers), record, send; the job as it ended."""
        prepared = self._prepare(doc, owner, printer)
        # Blobs are durable (fsynced) before the rows that point at them commit.
        personal = prepared.kind not in WITHOUT_PERSONAL_DATA
        payload_sha = self.blobs.put(prepared.payload, personal=personal)
        pdf = prepared.archive_pdf
        archive_sha = self.blobs.put(pdf) if pdf is not None else None
        job_id = self.db.run_write(lambda s: self._record(s, prepared, payload_sha, archive_sha))
        return self._send(job_id, prepared.printer, prepared.title, prepared.payload)

    @open_to_clerks
    def print_ticket(self, doc: QueueTicketDoc, *, ticket_id: int | None = None) -> PrintJobView:
        """The kiosk's ticket (:func:`ticket_document`), recorded as the ticket's."""
        return self.print_document(doc, owner=f"ticket-{ticket_id}" if ticket_id else None)

    @open_to_clerks
    def test_page(self, printer: str) -> PrintJobView:
        now = dt.datetime.fromtimestamp(self.clock.now_ms() / 1000, dt.UTC).astimezone()
        return self.print_document(TestPageDoc(printer, now), printer=printer)

    @open_to_clerks
    def retry(self, job_id: int, *, printer: str | None = None) -> PrintJobView:
        """Send a failed job's bytes again, as a new job that repeats it."""
        old = self.job(job_id)
        if old.state is not JobState.FAILED:
            raise PrintRefused(
                RefusalCode.NOT_FAILED, f"job {job_id} is {old.state.value}, not failed"
            )
        config = self.printer_config(old.document_kind, printer or old.printer_name)
        payload = self.blobs.get(old.payload_sha256)
        sha = self.blobs.put(payload, personal=old.document_kind not in WITHOUT_PERSONAL_DATA)
        new_id = self.db.run_write(lambda s: self._repeat(s, old, config, sha, is_copy=old.is_copy))
        return self._send(new_id, config, f"{old.document_kind.value} {old.owner_key}", payload)

    @open_to_clerks
    def reprint(self, job_id: int, *, by: Actor, printer: str | None = None) -> PrintJobView:
        """Print the paper of a job again, stamped 副本 / COPY, recorded as a copy and audited
        (who, which paper, which job it copies) whatever the kind of paper."""
        old = self.job(job_id)
        config = self.printer_config(old.document_kind, printer or old.printer_name)
        if config.payload_format is PayloadFormat.PDF:
            source = old.archive_sha256 or old.payload_sha256
            if old.payload_format is not PayloadFormat.PDF and old.archive_sha256 is None:
                raise PrintRefused(RefusalCode.NO_ARCHIVE, f"job {job_id} has no PDF to reprint")
            original = (
                self._checked(source, old.owner_key)
                if old.archive_sha256
                else self.blobs.get(source)
            )
            payload = stamp.mark_copy(original)
        elif old.payload_format is PayloadFormat.ESCPOS:
            payload = escpos.mark_copy(self.blobs.get(old.payload_sha256), config.escpos)
        else:
            raise PrintRefused(
                RefusalCode.WRONG_PRINTER, f"printer {config.name} cannot print job {job_id}'s PDF"
            )
        sha = self.blobs.put(payload, personal=old.document_kind not in WITHOUT_PERSONAL_DATA)

        def record(session: Session) -> int:
            new_id = self._repeat(session, old, config, sha, is_copy=True)
            self.audit.append(
                session,
                AuditAction.REPRINT,
                by,
                target_kind="paper",
                target=old.owner_key,
                detail={
                    "job": new_id,
                    "of": old.id,
                    "kind": old.document_kind.value,
                    "printer": config.name,
                },
            )
            return new_id

        new_id = self.db.run_write(record)
        return self._send(
            new_id, config, f"{old.document_kind.value} {old.owner_key} 副本", payload
        )

    @open_to_clerks  # the clerk who printed it looks at the paper
    def confirm(self, job_id: int, *, printed: bool, by: Actor) -> PrintJobView:
        """What the clerk saw of an unconfirmed job's paper: printed whole (the job is
        printed) or not (failed, to be retried); audited either way."""

        def work(session: Session) -> PrintJobView:
            row = session.get(PrintJobRow, job_id)
            if row is None:
                raise PrintRefused(RefusalCode.UNKNOWN_JOB, f"there is no print job {job_id}")
            if row.state != JobState.UNCONFIRMED.value:
                raise PrintRefused(
                    RefusalCode.NOT_UNCONFIRMED, f"job {job_id} is {row.state}, not unconfirmed"
                )
            row.state = (JobState.PRINTED if printed else JobState.FAILED).value
            session.flush()
            self.audit.append(
                session,
                AuditAction.PRINT_CHECK,
                by,
                target_kind="paper",
                target=row.owner_key,
                detail={"job": row.id, "kind": row.document_kind, "printed": printed},
            )
            return job_view(row, self._archive_sha(session, row.archive_id))

        return self.db.run_write(work)

    # ------------------------------------------------------------------ reading
    @open_to_clerks
    def job(self, job_id: int) -> PrintJobView:
        def read(session: Session) -> PrintJobView:
            row = session.get(PrintJobRow, job_id)
            if row is None:
                raise PrintRefused(RefusalCode.UNKNOWN_JOB, f"there is no print job {job_id}")
            return job_view(row, self._archive_sha(session, row.archive_id))

        return self.db.run_read(read)

    @open_to_clerks
    def jobs(self, owner: str | None = None, limit: int = 50) -> list[PrintJobView]:
        def read(session: Session) -> list[PrintJobView]:
            query = select(PrintJobRow).order_by(PrintJobRow.id.desc()).limit(limit)
            if owner is not None:
                query = query.where(PrintJobRow.owner_key == owner)
            rows = session.scalars(query).all()
            return [job_view(r, self._archive_sha(session, r.archive_id)) for r in rows]

        return self.db.run_read(read)

    @open_to_clerks
    def archived_pdf(self, job_id: int) -> bytes:
        job = self.job(job_id)
        if job.archive_sha256 is None:
            raise PrintRefused(RefusalCode.NO_ARCHIVE, f"job {job_id} has no archived document")
        return self._checked(job.archive_sha256, job.owner_key)

    def _checked(self, sha256: str, owner: str) -> bytes:
        """An archived paper read back, its signature checked where the hall signs papers:
        :class:`PaperTampered` for one that does not check. A paper archived before signing
        was enabled carries none and is returned as it was archived."""
        pdf = self.blobs.get(sha256)
        signing = self.signing
        if signing is None:
            return pdf
        check = verify(pdf, signing.trust_roots)
        if not check.signed and check.readable:
            return pdf
        if not check.ok:
            log.error("archived paper %s fails its signature check: %s", owner, check.problem)
            raise PaperTampered(owner, check)
        return pdf

    # ------------------------------------------------------------------ steps
    def _prepare(self, doc: Document, owner: str | None, printer: str | None) -> _Prepared:
        kind = document_kind(doc)
        config = self.printer_config(kind, printer)
        branding = self.settings.branding
        try:
            payload = payload_for(doc, config, branding)
            archive = None
            if kind not in NOT_ARCHIVED:
                pdf = payload if config.payload_format is PayloadFormat.PDF else None
                archive = self._sign(pdf or render_pdf(doc, branding), kind)
                if pdf is not None:
                    payload = archive  # the printed PDF is the archived, signed one
        except PrintError as exc:
            raise PrintRefused(RefusalCode.from_failure(exc.reason), exc.message) from exc
        except MissingGlyph as exc:
            raise PrintRefused(RefusalCode.UNPRINTABLE, str(exc)) from exc
        key = owner or owner_key(doc)
        return _Prepared(
            kind,
            key,
            f"{kind.value} {key}",
            config,
            payload,
            archive,
            document_number(doc, branding),
        )

    @property
    def signing(self) -> HallSigning | None:
        """The hall's signer where ``[signing] enabled``; :class:`SigningUnavailable` where it
        is enabled but the certificate cannot be used (no official paper goes out unsigned)."""
        return self._signing() if self._signing is not None else None

    def _sign(self, pdf: bytes, kind: DocumentKind) -> bytes:
        signing = self.signing
        if signing is None:
            return pdf
        try:
            return signing.signer.sign(pdf, reason=REASONS.get(kind.value, DEFAULT_REASON))
        except SigningFailure as exc:
            raise SigningUnavailable(str(exc)) from exc

    def _record(
        self, session: Session, p: _Prepared, payload_sha: str, archive_sha: str | None
    ) -> int:
        now = self.clock.now_ms()
        archive_id = None
        if p.archive_pdf is not None and archive_sha is not None:
            archive = ArchivedDocument(
                sha256=archive_sha,
                document_kind=p.kind.value,
                document_number=p.number,
                owner_key=p.owner,
                size_bytes=len(p.archive_pdf),
                created_ms=now,
            )
            session.add(archive)
            session.flush()
            archive_id = archive.id
        row = PrintJobRow(
            document_kind=p.kind.value,
            owner_key=p.owner,
            printer_name=p.printer.name,
            role=self.role,
            payload_format=p.printer.payload_format.value,
            payload_sha256=payload_sha,
            archive_id=archive_id,
            is_copy=False,
            state=JobState.QUEUED.value,
            attempt=1,
            created_ms=now,
        )
        session.add(row)
        session.flush()
        return row.id

    def _repeat(
        self,
        session: Session,
        old: PrintJobView,
        config: PrinterConfig,
        payload_sha: str,
        *,
        is_copy: bool,
    ) -> int:
        row = PrintJobRow(
            document_kind=old.document_kind.value,
            owner_key=old.owner_key,
            printer_name=config.name,
            role=self.role,
            payload_format=config.payload_format.value,
            payload_sha256=payload_sha,
            archive_id=old.archive_id,
            is_copy=is_copy,
            repeats_job_id=old.id,
            state=JobState.QUEUED.value,
            attempt=old.attempt + 1,
            created_ms=self.clock.now_ms(),
        )
        session.add(row)
        session.flush()
        return row.id

    def _send(self, job_id: int, config: PrinterConfig, title: str, payload: bytes) -> PrintJobView:
        job = PrintJob(title, payload, config.payload_format, job_id=job_id)
        error: PrintError | None = None
        status: PrinterStatus | None = None
        try:
            status = self.backend(config).send(job)
        except PrintError as exc:
            error, status = exc, exc.status
            log.info("print job %d on %s: %s", job_id, config.name, exc.reason.value)
        state = JobState.PRINTED
        if error is not None:
            state = JobState.UNCONFIRMED if error.reason.paper_uncertain else JobState.FAILED

        def finish(session: Session) -> PrintJobView:
            row = session.get(PrintJobRow, job_id)
            assert row is not None
            row.state = state.value
            row.error_code = error.reason.value if error else None
            row.error_message = error.message if error else None
            row.printer_status = status.text() if status else None
            row.finished_ms = self.clock.now_ms()
            session.flush()
            return job_view(row, self._archive_sha(session, row.archive_id))

        return self.db.run_write(finish)

    @staticmethod
    def _archive_sha(session: Session, archive_id: int | None) -> str | None:
        if archive_id is None:
            return None
        archive = session.get(ArchivedDocument, archive_id)
        return archive.sha256 if archive else None


__all__ = ["FailureReason", "PrintJobView", "PrintRefused", "PrintService", "RefusalCode"]


def ticket_document(rules: HallRules, issued: IssuedTicket) -> QueueTicketDoc:
    """The queue ticket's paper for a ticket just issued, as the kiosk prints it: the hall's
    name and location, the service, the number, who is ahead and the time in the hall's zone."""
    ticket = issued.ticket
    return QueueTicketDoc(
        hall_name=rules.name_zh,
        service_name_zh=ticket.service_name_zh,
        service_name_en=ticket.service_name_en,
        number=ticket.number,
        ahead=issued.ahead,
        eta_minutes=issued.eta_minutes,
        issued_at=rules.local(ticket.issued_ms),
        location=rules.location_zh,
    )
