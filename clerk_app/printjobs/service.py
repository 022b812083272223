"""Printing through recorded jobs: render, archive, send, record the outcome.

Every print is a ``print_job`` row; every official paper (receipt, notices, certificate,
handover record, daily report) is archived as PDF in the blob store before the row that
links it commits. Sending happens outside any transaction; a printer that is offline or
breaks off mid-job leaves the job ``failed`` with its reason code and a clear message, and
``retry`` sends the same bytes again as a new job. ``reprint`` prints the archived paper
stamped 副本 / COPY, recorded as a copy.

The kiosk (one call; the outcome says whether it printed and, if not, why)::

    jobs = PrintService(db, settings.printing, BlobStore(blob_dir(settings)), role="kiosk")
    job = jobs.print_ticket(
        hall_name="…", service_name_zh="企业开办", service_name_en="Business start-up",
        number="A012", ahead=7, eta_minutes=25, issued_at=now, qr_url=None, ticket_id=123,
    )
    if not job.printed:
        show(job.error_code, job.error_message)   # FailureReason: offline, interrupted, …

The counter (intake builds the paper from ``printing.documents``)::

    job = jobs.print_document(ReceiptDoc(...))          # routed by role and document kind
    jobs.retry(job.id); jobs.reprint(job.id)

Both raise :class:`PrintRefused` (nothing written) when no printer is configured for the
paper or a character in it cannot be printed.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.clock import Clock, SystemClock
from clerk_app.db.engine import Database
from clerk_app.db.printing_models import ArchivedDocument, PrintJobRow
from clerk_app.guards import open_to_clerks
from clerk_app.printjobs.types import JobState, PrintJobView, PrintRefused, RefusalCode, job_view
from clerk_app.settings import PrintingSettings
from clerk_app.storage.blobs import BlobStore
from printing import escpos, stamp
from printing.backends.base import FailureReason, PayloadFormat, Printer, PrintError, PrintJob
from printing.config import PrinterConfig, SystemFactory, build_printer
from printing.documents import Document, DocumentKind, QueueTicketDoc, TestPageDoc
from printing.fonts import MissingGlyph
from printing.prepare import payload_for
from printing.render import document_kind, document_number, owner_key, render_pdf

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
    ) -> None:
        self.db = db
        self.settings = settings
        self.blobs = blobs
        self.role = role or settings.role
        self.clock = clock or SystemClock()
        self._system_printer = system_printer

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
        payload_sha = self.blobs.put(prepared.payload)
        pdf = prepared.archive_pdf
        archive_sha = self.blobs.put(pdf) if pdf is not None else None
        job_id = self.db.run_write(lambda s: self._record(s, prepared, payload_sha, archive_sha))
        return self._send(job_id, prepared.printer, prepared.title, prepared.payload)

    @open_to_clerks
    def print_ticket(self, *, ticket_id: int | None = None, **fields: Any) -> PrintJobView:
        """The kiosk's ticket: ``fields`` are :func:`ticket_document`'s."""
        doc = ticket_document(**fields)
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
        sha = self.blobs.put(payload)
        new_id = self.db.run_write(lambda s: self._repeat(s, old, config, sha, is_copy=old.is_copy))
        return self._send(new_id, config, f"{old.document_kind.value} {old.owner_key}", payload)

    @open_to_clerks
    def reprint(self, job_id: int, *, printer: str | None = None) -> PrintJobView:
        """Print the paper of a job again, stamped 副本 / COPY, recorded as a copy."""
        old = self.job(job_id)
        config = self.printer_config(old.document_kind, printer or old.printer_name)
        if config.payload_format is PayloadFormat.PDF:
            source = old.archive_sha256 or old.payload_sha256
            if old.payload_format is not PayloadFormat.PDF and old.archive_sha256 is None:
                raise PrintRefused(RefusalCode.NO_ARCHIVE, f"job {job_id} has no PDF to reprint")
            payload = stamp.mark_copy(self.blobs.get(source))
        elif old.payload_format is PayloadFormat.ESCPOS:
            payload = escpos.mark_copy(self.blobs.get(old.payload_sha256), config.escpos)
        else:
            raise PrintRefused(
                RefusalCode.WRONG_PRINTER, f"printer {config.name} cannot print job {job_id}'s PDF"
            )
        sha = self.blobs.put(payload)
        new_id = self.db.run_write(lambda s: self._repeat(s, old, config, sha, is_copy=True))
        return self._send(
            new_id, config, f"{old.document_kind.value} {old.owner_key} 副本", payload
        )

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
        return self.blobs.get(job.archive_sha256)

    # ------------------------------------------------------------------ steps
    def _prepare(self, doc: Document, owner: str | None, printer: str | None) -> _Prepared:
        kind = document_kind(doc)
        config = self.printer_config(kind, printer)
        branding = self.settings.branding
        try:
            payload = payload_for(doc, config, branding)
            archive = None
            if kind not in NOT_ARCHIVED:
                archive = (
                    payload
                    if config.payload_format is PayloadFormat.PDF
                    else render_pdf(doc, branding)
                )
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
        try:
            self.backend(config).send(job)
        except PrintError as exc:
            error = exc
            log.info("print job %d on %s failed: %s", job_id, config.name, exc.reason.value)

        def finish(session: Session) -> PrintJobView:
            row = session.get(PrintJobRow, job_id)
            assert row is not None
            row.state = (JobState.FAILED if error else JobState.PRINTED).value
            row.error_code = error.reason.value if error else None
            row.error_message = error.message if error else None
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


def ticket_document(
    *,
    hall_name: str,
    service_name_zh: str,
    service_name_en: str,
    number: str,
    ahead: int,
    eta_minutes: int,
    issued_at: dt.datetime,
    qr_url: str | None = None,
    location: str = "",
) -> QueueTicketDoc:
    """The queue ticket's paper, as the kiosk prints it."""
    return QueueTicketDoc(
        hall_name=hall_name,
        service_name_zh=service_name_zh,
        service_name_en=service_name_en,
        number=number,
        ahead=ahead,
        eta_minutes=eta_minutes,
        issued_at=issued_at,
        location=location,
        qr_url=qr_url,
    )
