"""``clerk-app print …``: sample papers, test pages and the print-job log.

``print sample KIND -o FILE`` needs no configured database: it drives the real counter flow on a
throwaway demo hall (``clerk_app.samples``); the others record jobs in the hall's database.

A job that printed exits 0; one that failed or is unconfirmed (sent, but the printer did not
confirm it) exits 1 with one line on stderr. ``print confirm JOB --printed | --not-printed``
records what someone saw of an unconfirmed job's paper; a reprint and a confirmation are
audited as the user who ran the command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from clerk_app.accounts.authz import actor_of
from clerk_app.intake.document_numbers import number_books
from clerk_app.printjobs.types import PrintJobView
from clerk_app.samples import DEFAULT_DATE, SampleError, SampleKind, TicketFormat, make_sample
from clerk_app.services import Services
from onewindow_base.db.engine import Database
from printing.backends.base import PayloadFormat
from printing.escpos import EscposMode
from printing.render.ticket import Paper

KINDS = [k.value for k in SampleKind]


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    printing = sub.add_parser("print", help="sample papers, test pages, print jobs")
    psub = printing.add_subparsers(dest="action", required=True, metavar="ACTION")

    smp = psub.add_parser("sample", help="a paper from the real flow on a throwaway demo hall")
    smp.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    smp.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    smp.add_argument(
        "--date",
        type=dt.date.fromisoformat,
        default=DEFAULT_DATE,
        metavar="YYYY-MM-DD",
        help=f"the acceptance date (default {DEFAULT_DATE})",
    )
    smp.add_argument("--item", metavar="CODE", help="catalogue item code (default: per kind)")
    smp.add_argument(
        "--format",
        choices=["pdf", "escpos"],
        default="pdf",
        help="escpos: the ticket printer's raw bytes (tickets only)",
    )
    smp.add_argument("--paper", type=int, choices=[80, 58], default=80, help="ticket roll, mm")
    smp.add_argument(
        "--mode",
        choices=[m.value for m in EscposMode],
        default="text",
        help="ESC/POS text mode (printer font) or image mode (bundled fonts)",
    )

    test = psub.add_parser("test-page", help="print a test page on a configured printer")
    test.add_argument("--printer", required=True, metavar="NAME")

    jobs = psub.add_parser("jobs", help="recent print jobs")
    jobs.add_argument("--owner", metavar="KEY", help="case number, ticket-ID, report-DAY …")
    jobs.add_argument("--limit", type=int, default=20)

    books = psub.add_parser("numbers", help="the document number books of a year, for an audit")
    books.add_argument("--year", type=int, required=True)
    books.add_argument("--papers", action="store_true", help="list every numbered paper")

    for action, text in (("retry", "send a failed job again"), ("reprint", "print a copy")):
        p = psub.add_parser(action, help=text)
        p.add_argument("job_id", type=int, metavar="JOB")
        p.add_argument("--printer", metavar="NAME", help="another configured printer")

    confirm = psub.add_parser("confirm", help="after a look at an unconfirmed job's paper")
    confirm.add_argument("job_id", type=int, metavar="JOB")
    seen = confirm.add_mutually_exclusive_group(required=True)
    seen.add_argument("--printed", action="store_true", help="the paper came out whole")
    seen.add_argument(
        "--not-printed", action="store_true", help="no paper, or an incomplete one (then retry)"
    )

    for p in psub.choices.values():
        p.add_argument("--json", action="store_true", help="print JSON")


def needs_database(args: argparse.Namespace) -> bool:
    return bool(args.action != "sample")


def run_sample(args: argparse.Namespace) -> int:
    """Write the sample; exit 1 with one line on stderr when it cannot be made."""
    escpos = args.format == "escpos"
    if escpos and args.kind != SampleKind.TICKET:
        print("clerk-app: --format escpos is for tickets only", file=sys.stderr)
        return 2
    try:
        sample = make_sample(
            args.kind,
            args.date,
            args.item,
            TicketFormat(
                PayloadFormat.ESCPOS if escpos else PayloadFormat.PDF,
                Paper(args.paper),
                EscposMode(args.mode),
            ),
        )
    except SampleError as exc:
        print(f"clerk-app: {exc}", file=sys.stderr)
        return 1
    data = sample.payload
    try:
        args.output.write_bytes(data)
    except OSError as exc:
        print(f"clerk-app: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 1
    text = f"{args.kind}: {len(data)} bytes written to {args.output}"
    payload = {"kind": args.kind, "file": str(args.output), "bytes": len(data)}
    _out(args, payload | {"case": sample.case_number or None}, text)
    return 0


def job_json(job: PrintJobView) -> dict[str, Any]:
    return {
        "job_id": job.id,
        "kind": job.document_kind.value,
        "owner": job.owner_key,
        "printer": job.printer_name,
        "state": job.state.value,
        "copy": job.is_copy,
        "repeats": job.repeats_job_id,
        "error": job.error_code.value if job.error_code else None,
        "message": job.error_message,
        "printer_status": job.printer_status,
        "archive_sha256": job.archive_sha256,
        "created": dt.datetime.fromtimestamp(job.created_ms / 1000, dt.UTC).isoformat(),
    }


def _job_text(job: PrintJobView) -> str:
    copy = " 副本/COPY" if job.is_copy else ""
    line = f"job {job.id}: {job.document_kind.value} {job.owner_key} on {job.printer_name}{copy}"
    line += f" {job.state.value}"
    if job.printer_status and job.printer_status != "ok":
        line += f" [printer: {job.printer_status}]"
    return line + (f" ({job.error_code.value}: {job.error_message})" if job.error_code else "")


def _out(args: argparse.Namespace, payload: dict[str, Any], text: str) -> None:
    print(json.dumps(payload, ensure_ascii=False) if args.json else text)


def run(services: Services, args: argparse.Namespace) -> int:
    """Exit 0 when the job printed, 1 when it failed or is unconfirmed (recorded either way)."""
    if args.action == "numbers":
        return _numbers(services.db, args)
    # A PC without the hall key prints test pages and tickets; a paper naming an applicant
    # needs the key (the store refuses it with the key store's line: Services.paper_blobs).
    service = services.printer
    if args.action == "jobs":
        jobs = service.jobs(args.owner, args.limit)
        _out(
            args,
            {"jobs": [job_json(j) for j in jobs]},
            "\n".join(map(_job_text, jobs)) or "no jobs",
        )
        return 0
    if args.action == "test-page":
        job = service.test_page(args.printer)
    elif args.action == "retry":
        job = service.retry(args.job_id, printer=args.printer)
    elif args.action == "confirm":
        job = service.confirm(args.job_id, printed=args.printed, by=actor_of(args.operator))
        _out(args, job_json(job), _job_text(job))
        return 0
    else:
        job = service.reprint(args.job_id, printer=args.printer, by=actor_of(args.operator))
    _out(args, job_json(job), _job_text(job))
    if job.unconfirmed:
        print(
            f"clerk-app: job {job.id} is unconfirmed ({job.error_message}); look at the paper, "
            f"then: clerk-app print confirm {job.id} --printed (or --not-printed, then retry)",
            file=sys.stderr,
        )
        return 1
    if not job.printed:
        print(f"clerk-app: {job.error_message}", file=sys.stderr)
        return 1
    return 0


def _numbers(db: Database, args: argparse.Namespace) -> int:
    """Each book's count and last number; exit 1 when a number has no paper on record."""
    books = db.run_read(lambda s: number_books(s, year=args.year))
    lines = []
    for b in books:
        series = f"series {b.series}" if b.series else "hall"
        gap = f", MISSING {list(b.missing)}" if b.missing else ""
        lines.append(
            f"{b.agency} {b.kind} {b.year} {series}: {b.registered} papers, last {b.last}{gap}"
        )
        if args.papers:
            lines += [f"  {number}  {case}  {occasion}" for _, number, case, occasion in b.papers]
    payload = {
        "year": args.year,
        "books": [
            {
                "agency": b.agency,
                "kind": b.kind,
                "series": b.series,
                "last": b.last,
                "registered": b.registered,
                "missing": list(b.missing),
                "papers": [
                    {"seq": seq, "number": n, "case": case, "occasion": o}
                    for seq, n, case, o in b.papers
                ]
                if args.papers
                else None,
            }
            for b in books
        ],
    }
    _out(args, payload, "\n".join(lines) or f"no numbered papers in {args.year}")
    return 1 if any(b.missing for b in books) else 0
