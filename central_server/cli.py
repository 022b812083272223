"""``central-server``: the reference central approval server and the approvers' commands.

Exit status: 0 success; 1 a refused action or an operational failure (a full disk, a damaged,
locked or unreachable database, a permission denied: one translated line on stderr, nothing
changed; ``-v`` adds the traceback); 2 a usage error. ``--json`` prints machine-readable output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from central_server import __version__, figures_export
from central_server.blob_key import seal_plain_blobs
from central_server.composition import Services, create_services
from central_server.services import (
    appointments,
    auth,
    calendars,
    catalogue,
    credit,
    licences,
    message_dispatch,
    notifications,
    ratings,
)
from central_server.services.epoch import new_epoch
from central_server.services.errors import Refusal, Refused
from central_server.services.figures import province_figures
from central_server.services.licence_import import import_file
from central_server.settings import (
    ENV_ACCESS_TTL,
    ENV_DATA,
    ENV_DB,
    ENV_SLOW_MS,
    ServerSettings,
    default_data_dir,
    resolve_db_url,
    sms_settings,
)
from onewindow_base import logsafety
from onewindow_base.blobs import BlobCorruptError, BlobNotFoundError
from onewindow_base.failures import Surroundings, explain, report_failure
from onewindow_base.wording import console_language
from onewindow_protocol.wire.appointments import (
    Booking,
    BookingCancel,
    BookingList,
    BookingRequest,
    CancelledBy,
)
from onewindow_protocol.wire.backoffice import (
    ApproveRequest,
    RejectRequest,
    ReviewRequest,
    SupplementLineIn,
    SupplementRequestIn,
)
from onewindow_protocol.wire.common import CaseStatus
from onewindow_protocol.wire.credit import CreditListingIn, CreditListingOut
from onewindow_protocol.wire.figures import Per
from onewindow_protocol.wire.ratings import GroupBy, OverdueList, RatingGroup, RatingSummary

log = logging.getLogger(__name__)

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
CLI_APPROVER = "central-server-cli"
DEFAULT_MEASURE = "不适用容缺受理和告知承诺制"
DEFAULT_SOURCE = "省公共信用信息平台（联合惩戒名单）"
GRACEFUL_S = 30  # on SIGTERM a worker finishes its requests for at most this long
# The supervisor kills a worker that does not answer its ping within this; uvicorn's 5 s is
# less than a fresh worker may need to import the server on a busy machine, and a worker
# killed while starting is started again, and killed again, for ever.
HEALTHCHECK_S = 60


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"a whole number of at least 1, not {value!r}")
    return number


def _json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def _case_commands(sub: Any) -> None:
    cases = sub.add_parser("cases", help="list cases (ID numbers masked)")
    cases.add_argument("--status", choices=[s.value for s in CaseStatus])
    cases.add_argument("--hall", metavar="CODE")
    _json_flag(cases)

    show = sub.add_parser("case", help="one case in full")
    show.add_argument("case_no", metavar="CASE_NO")
    _json_flag(show)

    review = sub.add_parser("review", help="start reviewing a received case")
    review.add_argument("case_no", metavar="CASE_NO")
    review.add_argument("--reviewer", default=CLI_APPROVER)
    _json_flag(review)

    approve = sub.add_parser("approve", help="approve; the server assigns the certificate number")
    approve.add_argument("case_no", metavar="CASE_NO")
    approve.add_argument("--approver", default=CLI_APPROVER)
    approve.add_argument("--result-name", help="default: the catalogue item's result")
    approve.add_argument("--holder", help="default: the applicant's name")
    approve.add_argument("--scope")
    approve.add_argument("--valid-from", type=_date, help="default: today")
    approve.add_argument("--valid-until", type=_date)
    approve.add_argument("--authority", help="default: the item's department")
    _json_flag(approve)

    reject = sub.add_parser("reject", help="reject with a reason")
    reject.add_argument("case_no", metavar="CASE_NO")
    reject.add_argument("--reason", required=True)
    reject.add_argument("--approver", default=CLI_APPROVER)
    _json_flag(reject)

    supplement = sub.add_parser("supplement", help="request a supplement of materials")
    supplement.add_argument("case_no", metavar="CASE_NO")
    supplement.add_argument(
        "--material",
        action="append",
        required=True,
        metavar="NAME[=REQUIREMENT]",
        help="a material needed (repeat for each)",
    )
    supplement.add_argument("--note")
    supplement.add_argument("--due", type=_date, metavar="DATE")
    supplement.add_argument("--approver", default=CLI_APPROVER)
    _json_flag(supplement)


def _credit_commands(sub: Any) -> None:
    credit_cmd = sub.add_parser("credit", help="the joint-punishment list the counters check")
    actions = credit_cmd.add_subparsers(dest="credit_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="list a resident ID number or credit code")
    add.add_argument("identifier", metavar="ID_OR_CODE")
    add.add_argument("--reason", required=True, help="why, e.g. 失信被执行人")
    add.add_argument("--measure", default=DEFAULT_MEASURE, help="the punishment measure")
    add.add_argument("--source", default=DEFAULT_SOURCE, help="the list and its authority")
    add.add_argument("--since", type=_date, metavar="DATE", help="default: today")
    add.add_argument("--until", type=_date, metavar="DATE", help="default: until removed")
    add.add_argument("--by", default=CLI_APPROVER, help="who lists it")
    _json_flag(add)
    remove = actions.add_parser("remove", help="take an identifier off the list")
    remove.add_argument("identifier", metavar="ID_OR_CODE")
    remove.add_argument("--by", default=CLI_APPROVER, help="who removes it")
    _json_flag(remove)
    listed = actions.add_parser("list", help="every entry not removed (identifiers masked)")
    _json_flag(listed)


def _licence_commands(sub: Any) -> None:
    cmd = sub.add_parser("licences", help="the e-licence registry (电子证照) the counters look up")
    actions = cmd.add_subparsers(dest="licences_command", required=True, metavar="ACTION")
    imp = actions.add_parser(
        "import", help="add or update licences from a JSON or CSV file (docs/licence-import.md)"
    )
    imp.add_argument("file", type=Path)
    _json_flag(imp)
    listed = actions.add_parser("list", help="every licence (holders masked)")
    listed.add_argument("--holder", metavar="ID_OR_CODE", help="only this holder's")
    _json_flag(listed)


def _appointment_commands(sub: Any) -> None:
    appt = sub.add_parser("appointments", help="appointments booked online (预约)")
    appt_sub = appt.add_subparsers(dest="appointments_command", required=True, metavar="ACTION")
    book = appt_sub.add_parser("book", help="book a slot as the online service would")
    book.add_argument("--hall", required=True, metavar="CODE")
    book.add_argument("--service", required=True, metavar="CODE")
    book.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD")
    book.add_argument("--slot", required=True, metavar="HH:MM")
    book.add_argument("--id", required=True, dest="id_number", metavar="ID")
    book.add_argument("--phone", required=True)
    _json_flag(book)

    cancel = appt_sub.add_parser("cancel", help="cancel a booking (by the hall by default)")
    cancel.add_argument("code", metavar="CODE")
    cancel.add_argument("--hall", metavar="CODE", help="needed when two halls have the code")
    cancel.add_argument(
        "--id", dest="id_number", metavar="ID", help="cancel as the applicant, proving the booking"
    )
    _json_flag(cancel)

    listing = appt_sub.add_parser("list", help="a hall's bookings (ID numbers not shown)")
    listing.add_argument("--hall", required=True, metavar="CODE")
    listing.add_argument("--date", type=_date, metavar="YYYY-MM-DD")
    _json_flag(listing)

    capacity = appt_sub.add_parser("capacity", help="places per slot of a hall's service")
    capacity.add_argument("--hall", required=True, metavar="CODE")
    capacity.add_argument("--service", required=True, metavar="CODE")
    capacity.add_argument("--per-slot", required=True, type=int, metavar="N")
    _json_flag(capacity)


def _ratings_commands(sub: Any) -> None:
    rated = sub.add_parser("ratings", help="好差评: the ratings the halls pushed")
    actions = rated.add_subparsers(dest="ratings_command", required=True, metavar="ACTION")
    summary = actions.add_parser(
        "summary", help="per hall, department or item over a period (days in the halls' zone)"
    )
    summary.add_argument("--from", dest="date_from", type=_date, required=True, metavar="DATE")
    summary.add_argument("--to", dest="date_to", type=_date, required=True, metavar="DATE")
    summary.add_argument("--by", choices=[g.value for g in GroupBy], default=GroupBy.HALL.value)
    summary.add_argument("--hall", metavar="CODE", help="only this hall")
    _json_flag(summary)
    late = actions.add_parser(
        "overdue", help="bad ratings whose follow-up deadline passed without a follow-up"
    )
    late.add_argument("--hall", metavar="CODE", help="only this hall")
    _json_flag(late)


def _figures_command(sub: Any) -> None:
    figures = sub.add_parser(
        "figures", help="the province's figures per hall, department or item (docs/figures.md)"
    )
    figures.add_argument("--from", dest="date_from", type=_date, required=True, metavar="DATE")
    figures.add_argument("--to", dest="date_to", type=_date, required=True, metavar="DATE")
    figures.add_argument("--by", choices=[g.value for g in GroupBy], default=GroupBy.HALL.value)
    figures.add_argument("--per", choices=[p.value for p in Per], default=Per.MONTH.value)
    out = figures.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="the figures as JSON")
    out.add_argument("--xlsx", type=Path, metavar="FILE", help="write a spreadsheet")
    out.add_argument("--pdf", type=Path, metavar="FILE", help="write a PDF report")


def _serve_command(sub: Any) -> None:
    serve = sub.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8700)
    serve.add_argument("--token-ttl", type=int, metavar="SECONDS", help="access token lifetime")
    serve.add_argument(
        "--slow-ms",
        type=int,
        default=0,
        metavar="MS",
        help="hold each operations batch this long before committing (client timeout tests)",
    )
    serve.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="worker processes sharing the port (more than 1 needs PostgreSQL); "
        "a worker that dies is replaced",
    )
    serve.add_argument(
        "--lifeline",
        action="store_true",
        help="stop when standard input closes: the process that started this server has ended",
    )
    serve.add_argument(
        "--access-log",
        action="store_true",
        help="log every request (off: the reverse proxy in front keeps the access log, and a "
        "line per request costs each worker CPU)",
    )


def _message_commands(sub: Any) -> None:
    messages = sub.add_parser(
        "messages", help="the text messages the loopback gateway recorded (phones masked)"
    )
    messages.add_argument("--show-phone", action="store_true", help="the phones in full")
    _json_flag(messages)
    send = sub.add_parser(
        "dispatch-messages",
        help="send the text messages due now, once (cron, or after the server was down); a "
        "running server sends them by itself",
    )
    _json_flag(send)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="central-server", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"central-server {__version__}")
    parser.add_argument("--db", metavar="URL", help="database URL (sqlite:///… or postgresql://…)")
    parser.add_argument("--data-dir", metavar="DIR", help="blobs, uploads and the epoch guard")
    parser.add_argument("-v", "--verbose", action="store_true", help="log at INFO level")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _serve_command(sub)

    code = sub.add_parser("enroll-code", help="a one-time enrolment code for a hall's device")
    code.add_argument("--hall", required=True, metavar="CODE")
    code.add_argument("--ttl-hours", type=int)
    _json_flag(code)

    token = sub.add_parser("backoffice-token", help="a bearer token for the back-office API")
    token.add_argument("--approver", required=True)
    token.add_argument("--days", type=int)
    _json_flag(token)

    revoke = sub.add_parser("revoke-device", help="revoke a device's credential and tokens")
    revoke.add_argument("device_id", metavar="DEVICE_ID")
    _json_flag(revoke)

    _case_commands(sub)

    cat = sub.add_parser("catalog", help="catalogue publication")
    cat_sub = cat.add_subparsers(dest="catalog_command", required=True, metavar="ACTION")
    publish = cat_sub.add_parser("publish", help="publish a catalogue file as the new release")
    publish.add_argument("file", metavar="FILE", type=Path)
    _json_flag(publish)

    cal = sub.add_parser("calendar", help="holiday arrangements published to the halls")
    cal_sub = cal.add_subparsers(dest="calendar_command", required=True, metavar="ACTION")
    cal_import = cal_sub.add_parser(
        "import", help="publish the whole years of a calendar file (docs/calendar.md)"
    )
    cal_import.add_argument("file", type=Path)
    _json_flag(cal_import)
    _credit_commands(sub)
    _licence_commands(sub)
    _appointment_commands(sub)
    _ratings_commands(sub)
    _message_commands(sub)
    _figures_command(sub)
    epoch = sub.add_parser("new-epoch", help="start a new epoch (after restoring a backup)")
    _json_flag(epoch)

    sub.add_parser("migrate", help="bring the database to the newest schema")
    seal = sub.add_parser(
        "seal-blobs", help="encrypt the blobs stored before encryption (resumable)"
    )
    _json_flag(seal)

    spec = sub.add_parser("openapi", help="write the OpenAPI document")
    spec.add_argument("-o", "--output", metavar="FILE", type=Path, help="default: stdout")
    return parser


def _emit(args: argparse.Namespace, payload: BaseModel | dict[str, Any], text: str) -> None:
    if getattr(args, "json", False):
        if isinstance(payload, BaseModel):
            print(payload.model_dump_json())
        else:
            print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        print(text)


def _settings(args: argparse.Namespace) -> ServerSettings:
    data = Path(args.data_dir) if args.data_dir else default_data_dir()
    extra: dict[str, Any] = {}
    if getattr(args, "token_ttl", None):
        extra["access_token_ttl_s"] = args.token_ttl
    if getattr(args, "slow_ms", 0):
        extra["slow_ms"] = args.slow_ms
    extra |= sms_settings()
    return ServerSettings(db_url=resolve_db_url(args.db, data), data_dir=data, **extra)


def cmd_serve(svc: Services, args: argparse.Namespace) -> int:
    import uvicorn  # noqa: PLC0415 - only the server needs it

    from central_server.app import build_app  # noqa: PLC0415 - the other commands serve nothing

    if args.workers > 1:
        return _serve_workers(svc, args)
    app = build_app(svc)
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_level="info",
        access_log=args.access_log,
        timeout_graceful_shutdown=GRACEFUL_S,
    )
    server = uvicorn.Server(config)
    if args.lifeline:

        def stop() -> None:
            server.should_exit = True

        threading.Thread(target=_watch_lifeline, args=(stop,), daemon=True).start()
    print(f"central-server listening on http://{args.host}:{args.port}", file=sys.stderr)
    server.run()
    return EXIT_OK


def _serve_workers(svc: Services, args: argparse.Namespace) -> int:
    """N uvicorn workers on one listening socket, each importing the app by name
    (``APP_FACTORY``) with the settings this process hands on in the environment. This process
    has already migrated the database, made the blob key and checked the epoch; it serves
    nothing itself, replaces a worker that dies, and on SIGTERM or SIGINT stops them all,
    each finishing the requests it holds (at most ``GRACEFUL_S``)."""
    import uvicorn  # noqa: PLC0415 - only the server needs it
    from uvicorn.supervisors import Multiprocess  # noqa: PLC0415

    from central_server.app import APP_FACTORY  # noqa: PLC0415 - the other commands serve nothing

    settings = svc.ctx.settings
    if svc.ctx.db.engine.dialect.name != "postgresql":
        raise Refused(
            Refusal.INVALID_REQUEST,
            "--workers needs PostgreSQL: an SQLite database takes one writer at a time and "
            "lives on one machine; serve it with one worker (leave out --workers)",
        )
    svc.ctx.db.dispose()  # the workers open their own pools
    os.environ[ENV_DB] = settings.db_url
    os.environ[ENV_DATA] = str(settings.data_dir)
    if args.token_ttl:
        os.environ[ENV_ACCESS_TTL] = str(args.token_ttl)
    if args.slow_ms:
        os.environ[ENV_SLOW_MS] = str(args.slow_ms)
    config = uvicorn.Config(
        APP_FACTORY,
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
        access_log=args.access_log,
        timeout_graceful_shutdown=GRACEFUL_S,
        timeout_worker_healthcheck=HEALTHCHECK_S,
    )
    sock = config.bind_socket()
    supervisor = Multiprocess(config, sockets=[sock])
    if args.lifeline:
        stop = supervisor.should_exit.set
        threading.Thread(target=_watch_lifeline, args=(stop,), daemon=True).start()
    print(
        f"central-server listening on http://{args.host}:{args.port} ({args.workers} workers)",
        file=sys.stderr,
    )
    try:
        supervisor.run()
    finally:
        sock.close()
    return EXIT_OK


def _watch_lifeline(stop: Callable[[], object]) -> None:
    """Block on standard input, a pipe whose other end only the parent holds: when the parent
    ends, however it ends (SIGTERM, SIGKILL, a crash), the operating system closes that end,
    the read returns, and the server shuts down as on Ctrl+C."""
    # os.read, not sys.stdin: a daemon thread blocked in a buffered read holds the buffer's
    # lock, and Python aborts ("could not acquire lock … at interpreter shutdown") when the
    # server ends by a signal while the parent still lives.
    while os.read(sys.stdin.fileno(), 4096):
        pass  # nothing is ever sent; only the end matters
    logging.getLogger(__name__).info("the parent process has ended: stopping")
    stop()


def _case_text(case: Any) -> str:
    cert = f"  {case.certificate_no}" if case.certificate_no else ""
    return f"{case.case_no}  {case.status.value}  v{case.version}{cert}"


def cmd_cases(svc: Services, args: argparse.Namespace) -> int:
    status = CaseStatus(args.status) if args.status else None
    cases = svc.backoffice.list_cases(status=status, hall_code=args.hall)
    rows = [
        f"{c.case_no:<28} {c.status.value:<21} {c.item_code:<14} {c.applicant_name} "
        f"{c.applicant_id_masked}" + (f"  {c.certificate_no}" if c.certificate_no else "")
        for c in cases
    ]
    _emit(
        args, {"cases": [c.model_dump(mode="json") for c in cases]}, "\n".join(rows) or "no cases"
    )
    return EXIT_OK


def _case_action(svc: Services, args: argparse.Namespace) -> int:
    bo = svc.backoffice
    if args.command == "case":
        result = bo.case(args.case_no)
    elif args.command == "review":
        result = bo.review(args.case_no, ReviewRequest(reviewer=args.reviewer))
    elif args.command == "approve":
        result = bo.approve(
            args.case_no,
            ApproveRequest(
                approver=args.approver,
                result_name=args.result_name,
                holder=args.holder,
                scope=args.scope,
                valid_from=args.valid_from,
                valid_until=args.valid_until,
                issuing_authority=args.authority,
            ),
        )
    elif args.command == "reject":
        result = bo.reject(args.case_no, RejectRequest(approver=args.approver, reason=args.reason))
    else:
        lines = []
        for spec in args.material:
            name, _, requirement = spec.partition("=")
            lines.append(
                SupplementLineIn(material=name.strip(), requirement=requirement.strip() or None)
            )
        result = bo.request_supplement(
            args.case_no,
            SupplementRequestIn(
                approver=args.approver, lines=lines, note=args.note, due_date=args.due
            ),
        )
    _emit(args, result, _case_text(result))
    return EXIT_OK


def _dispatch(svc: Services, args: argparse.Namespace) -> int:  # noqa: PLR0911 - a dispatch table
    ctx = svc.ctx
    command = args.command
    if command == "serve":
        return cmd_serve(svc, args)
    if command == "enroll-code":
        reply = auth.create_enrolment_code(ctx, args.hall, args.ttl_hours)
        _emit(
            args,
            reply,
            f"{reply.code}  (hall {reply.hall_code}, until {reply.expires_at:%Y-%m-%d %H:%M} UTC)",
        )
        return EXIT_OK
    if command == "backoffice-token":
        token = auth.issue_backoffice_token(ctx, args.approver, args.days)
        _emit(args, token, token.access_token)
        return EXIT_OK
    if command == "revoke-device":
        auth.revoke_device(ctx, args.device_id)
        _emit(args, {"revoked": args.device_id}, f"device {args.device_id} revoked")
        return EXIT_OK
    if command == "cases":
        return cmd_cases(svc, args)
    if command in ("case", "review", "approve", "reject", "supplement"):
        return _case_action(svc, args)
    if command == "catalog":
        document = catalogue.parse_file_text(_read(args.file))
        outcome = catalogue.publish(ctx, document)
        verb = "published" if outcome.created else "already current:"
        _emit(
            args,
            outcome,
            f"{verb} release {outcome.release} ({outcome.label}), "
            f"{outcome.items_new} new item versions",
        )
        return EXIT_OK
    if command == "calendar":
        outcomes = calendars.publish_text(ctx, _read(args.file, Refusal.CALENDAR_INVALID))
        lines = [
            f"calendar {o.year}: "
            + (
                f"published version {o.version}"
                if o.created
                else f"already current (version {o.version})"
            )
            for o in outcomes
        ]
        _emit(args, {"years": [o.model_dump() for o in outcomes]}, "\n".join(lines))
        return EXIT_OK
    registries = {
        "credit": cmd_credit,
        "licences": cmd_licences,
        "appointments": cmd_appointments,
        "ratings": cmd_ratings,
        "figures": cmd_figures,
        "messages": cmd_messages,
        "dispatch-messages": cmd_dispatch_messages,
    }
    if command in registries:
        return registries[command](svc, args)
    if command == "seal-blobs":
        sealed = seal_plain_blobs(ctx.blobs)
        _emit(args, {"sealed": sealed}, f"{sealed} plain blob(s) encrypted")
        return EXIT_OK
    if command == "new-epoch":
        epoch = new_epoch(ctx, svc.guard)
        _emit(args, epoch, f"new epoch {epoch.epoch} (was {epoch.previous})")
        return EXIT_OK
    print("database is up to date")
    return EXIT_OK


def _listing_text(row: CreditListingOut) -> str:
    until = f" until {row.until}" if row.until else ""
    return (
        f"{row.id:>5}  {row.identifier_masked}  {row.reason}  ({row.source}, "
        f"since {row.listed_since}{until})"
    )


def cmd_credit(svc: Services, args: argparse.Namespace) -> int:
    ctx = svc.ctx
    if args.credit_command == "add":
        try:
            entry = CreditListingIn(
                identifier=credit.normalised(args.identifier),
                reason=args.reason,
                measure=args.measure,
                source=args.source,
                listed_since=args.since or credit.server_today(ctx),
                until=args.until,
                added_by=args.by,
            )
        except ValidationError as exc:
            fields = ", ".join(str(e["loc"][0]) for e in exc.errors() if e.get("loc"))
            raise Refused(Refusal.INVALID_REQUEST, f"invalid: {fields}") from None
        row = credit.add(ctx, entry)
        _emit(args, row, f"listed: {_listing_text(row)}")
        return EXIT_OK
    rows = (
        credit.remove(ctx, args.identifier, args.by)
        if args.credit_command == "remove"
        else credit.listings(ctx)
    )
    verb = "removed: " if args.credit_command == "remove" else ""
    text = "\n".join(verb + _listing_text(r) for r in rows) or "the list is empty"
    _emit(args, {"listings": [r.model_dump(mode="json") for r in rows]}, text)
    return EXIT_OK


def cmd_licences(svc: Services, args: argparse.Namespace) -> int:
    if args.licences_command == "import":
        report = import_file(svc.ctx, args.file)
        counts = (
            f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
            f"{len(report.errors)} refused"
        )
        lines = [counts]
        lines += [f"  line {n}: {error}" for n, error in report.errors]
        _emit(args, report.as_json(), "\n".join(lines))
        return EXIT_REFUSED if report.errors else EXIT_OK
    rows = licences.listing(svc.ctx, args.holder)
    text = "\n".join(
        f"{r.type}  {r.number}  {r.holder_masked}  {r.holder_name}  {r.status.value}  "
        f"({r.source.value}, {r.valid_from} – {r.valid_until or '长期'})"
        for r in rows
    )
    _emit(args, {"licences": [r.model_dump(mode="json") for r in rows]}, text or "no licences")
    return EXIT_OK


def cmd_messages(svc: Services, args: argparse.Namespace) -> int:
    rows = notifications.recorded(svc.ctx, show_phone=args.show_phone)
    text = "\n".join(
        f"{r.recorded_at:%Y-%m-%d %H:%M}  {r.phone or r.phone_masked}  {r.template.value}  {r.text}"
        for r in rows
    )
    payload = {"messages": [r.model_dump(mode="json", exclude_none=True) for r in rows]}
    _emit(args, payload, text or "no messages recorded")
    return EXIT_OK


def cmd_dispatch_messages(svc: Services, args: argparse.Namespace) -> int:
    """One pass beside any running server: each message is claimed before it is sent, so a
    server's dispatcher and this never send one twice."""
    sent = message_dispatch.dispatch(svc.ctx)
    _emit(args, {"sent": sent}, f"{sent} message(s) sent")
    return EXIT_OK


def _booking_text(b: Booking) -> str:
    return f"{b.code}  {b.hall_code}  {b.service_code}  {b.date} {b.slot}  {b.status.value}"


def cmd_appointments(svc: Services, args: argparse.Namespace) -> int:
    ctx = svc.ctx
    action = args.appointments_command
    if action == "book":
        try:
            request = BookingRequest(
                hall_code=args.hall,
                service_code=args.service,
                date=args.date,
                slot=args.slot,
                id_number=args.id_number,
                phone=args.phone,
            )
        except ValidationError as exc:
            fields = ", ".join(str(e["loc"][0]) for e in exc.errors() if e["loc"])
            raise Refused(Refusal.INVALID_REQUEST, f"invalid booking: {fields}") from None
        booked = appointments.book(ctx, request)
        _emit(args, booked, _booking_text(booked))
    elif action == "cancel":
        hall = args.hall or appointments.hall_of_code(ctx, args.code)
        by = CancelledBy.APPLICANT if args.id_number else CancelledBy.HALL
        done = appointments.cancel(
            ctx, hall, args.code, BookingCancel(by=by, id_number=args.id_number)
        )
        _emit(args, done, _booking_text(done))
    elif action == "list":
        found = appointments.list_bookings(ctx, args.hall, args.date)
        _emit(
            args,
            BookingList(bookings=found),
            "\n".join(_booking_text(b) for b in found) or "no bookings",
        )
    else:
        if args.per_slot < 0:
            raise Refused(Refusal.INVALID_REQUEST, "--per-slot must be 0 or more")
        appointments.set_capacity(ctx, args.hall, args.service, args.per_slot)
        _emit(
            args,
            {"hall": args.hall, "service": args.service, "per_slot": args.per_slot},
            f"{args.hall} {args.service}: {args.per_slot} place(s) per slot",
        )
    return EXIT_OK


def _group_text(group: RatingGroup, label: str) -> str:
    levels = group.levels
    share = "—" if group.satisfaction is None else f"{group.satisfaction:.1%}"
    reasons = ", ".join(f"{r.reason.value} {r.count}" for r in group.top_reasons) or "—"
    return (
        f"{label:<24} {group.ratings:>6}  5:{levels.very_satisfied} 4:{levels.satisfied} "
        f"3:{levels.basically_satisfied} 2:{levels.dissatisfied} 1:{levels.very_dissatisfied}  "
        f"satisfied {share}  bad {group.bad}  reasons: {reasons}"
    )


def _summary_text(report: RatingSummary) -> str:
    lines = [f"ratings {report.date_from} .. {report.date_to} ({report.timezone}) by {report.by}"]
    lines += [_group_text(g, g.key or "(not known)") for g in report.groups]
    lines.append(_group_text(report.total, "total"))
    return "\n".join(lines)


def _overdue_text(report: OverdueList) -> str:
    lines = [f"follow-ups overdue on {report.as_of} ({report.timezone})"]
    for hall in report.halls:
        lines.append(f"{hall.hall_code}: {len(hall.overdue)}")
        lines += [
            f"  due {r.follow_up_due} (+{r.days_overdue} d)  {r.window_code} {r.clerk}  "
            f"level {r.worst_level}  {r.case_no or '—'}  "
            + (", ".join(x.value for x in r.reasons) or "—")
            for r in hall.overdue
        ]
    if not report.halls:
        lines.append("none overdue")
    if report.undated:
        lines.append(f"{report.undated} bad rating(s) without a known deadline: not checked")
    return "\n".join(lines)


def cmd_ratings(svc: Services, args: argparse.Namespace) -> int:
    if args.ratings_command == "summary":
        report = ratings.summary(svc.ctx, args.date_from, args.date_to, GroupBy(args.by), args.hall)
        _emit(args, report, _summary_text(report))
        return EXIT_OK
    late = ratings.overdue(svc.ctx, args.hall)
    _emit(args, late, _overdue_text(late))
    return EXIT_OK


def cmd_figures(svc: Services, args: argparse.Namespace) -> int:
    report = province_figures(
        svc.ctx, args.date_from, args.date_to, GroupBy(args.by), Per(args.per)
    )
    if args.xlsx is not None:
        figures_export.save_xlsx(report, args.xlsx)
        print(f"figures written to {args.xlsx}")
    elif args.pdf is not None:
        figures_export.save_pdf(report, args.pdf)
        print(f"figures written to {args.pdf}")
    else:
        lines = [figures_export.title(report)]
        lines += ["\t".join(line) for line in figures_export.table(report, per_period=False)]
        _emit(args, report, "\n".join(lines))
    return EXIT_OK


def _read(path: Path, refusal: Refusal = Refusal.CATALOGUE_INVALID) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Refused(refusal, f"cannot read {path}: {exc}") from None


def _write_openapi(args: argparse.Namespace) -> int:
    from central_server.app import build_app  # noqa: PLC0415 - the other commands serve nothing

    text = json.dumps(build_app().openapi(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose or args.command == "serve" else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logsafety.install()
    where = Surroundings()
    try:
        if args.command == "openapi":
            return _write_openapi(args)
        settings = _settings(args)
        where = Surroundings(database=settings.db_url, data_dir=settings.data_dir)
        return _run(settings, args)
    except Exception as exc:
        failure = explain(exc, where)
        if failure is None:
            raise  # a bug: its traceback is what the report needs
        report_failure("central-server", failure, exc, console_language(None))
        return EXIT_REFUSED


def _run(settings: ServerSettings, args: argparse.Namespace) -> int:
    svc = create_services(settings)
    try:
        return _dispatch(svc, args)
    except Refused as exc:
        print(f"central-server: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except (BlobCorruptError, BlobNotFoundError) as exc:  # the store says which, what to do
        print(f"central-server: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        svc.ctx.db.dispose()


if __name__ == "__main__":
    sys.exit(main())
