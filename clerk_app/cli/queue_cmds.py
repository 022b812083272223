"""``clerk-app queue …``: the queue for caller keypads, kiosks and scripts.

With ``--user`` every change is recorded with that user, and a supervisor's operation
(``cancel``) is refused to a clerk (``clerk_app.accounts.authz``); without it the host's
operator runs the command (see ``clerk_app.accounts.authz.HostOperator``).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from clerk_app.accounts.authz import HostOperator, Operator
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import (
    HallStatus,
    IssuedTicket,
    PriorityClass,
    QueueStats,
    StatsRow,
    TicketView,
)
from clerk_app.services import Services

WINDOW_ACTIONS = ("recall", "skip", "start", "finish", "open", "close")


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    date_type: Callable[[str], object],
) -> None:
    queue = sub.add_parser("queue", help="queue operations")
    qsub = queue.add_subparsers(dest="action", required=True, metavar="ACTION")

    issue = qsub.add_parser("issue", help="issue a ticket")
    issue.add_argument("service", metavar="SERVICE_CODE")
    issue.add_argument("--priority", choices=[p.value for p in PriorityClass], default="normal")
    issue.add_argument(
        "--appointment",
        metavar="CODE",
        help="check this booking in (synced or imported): its ticket, appointment priority",
    )

    cancel_booking = qsub.add_parser(
        "cancel-appointment",
        help="cancel a booking at the applicant's request (told to the server)",
    )
    cancel_booking.add_argument("code", metavar="CODE")

    call = qsub.add_parser("call", help="call the next ticket (or --number) at a window")
    call.add_argument("--window", type=int, required=True)
    call.add_argument("--number", help="call this ticket (the person is at the counter)")

    for action in WINDOW_ACTIONS:
        p = qsub.add_parser(action, help=f"{action} at a window")
        p.add_argument("--window", type=int, required=True)

    transfer = qsub.add_parser("transfer", help="transfer the current ticket")
    transfer.add_argument("--window", type=int, required=True)
    target = transfer.add_mutually_exclusive_group(required=True)
    target.add_argument("--to-service", metavar="CODE")
    target.add_argument("--to-window", type=int, metavar="M")

    park = qsub.add_parser("park", help="set the current ticket aside for M minutes")
    park.add_argument("--window", type=int, required=True)
    park.add_argument("--minutes", type=int, required=True)

    pause = qsub.add_parser("pause", help="pause a window")
    pause.add_argument("--window", type=int, required=True)
    pause.add_argument("--reason", required=True)

    for action in ("cancel", "return"):
        p = qsub.add_parser(action, help=f"{action} a ticket by number")
        p.add_argument("number")

    qsub.add_parser("status", help="waiting per service, state per window")
    stats = qsub.add_parser("stats", help="statistics for a date range")
    stats.add_argument("--from", dest="date_from", type=date_type, required=True)
    stats.add_argument("--to", dest="date_to", type=date_type, required=True)

    for p in qsub.choices.values():
        p.add_argument("--json", action="store_true", help="print JSON")


def ticket_json(t: TicketView | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {
        "ticket_id": t.ticket_id,
        "number": t.number,
        "service": t.service_code,
        "state": t.state.value,
        "priority": t.priority_class.value,
        "window": t.window_number,
    }


def status_json(s: HallStatus) -> dict[str, Any]:
    return {
        "hall": s.hall_code,
        "services": [
            {
                "code": x.code,
                "name": x.name_zh,
                "name_en": x.name_en,
                "prefix": x.prefix,
                "waiting": x.waiting,
                "longest_wait_s": x.longest_wait_s,
            }
            for x in s.services
        ],
        "windows": [
            {
                "number": w.number,
                "state": w.state.value,
                "pause_reason": w.pause_reason,
                "clerk": w.user_display_name,
                "current": ticket_json(w.current),
            }
            for w in s.windows
        ],
    }


def stats_json(st: QueueStats) -> dict[str, Any]:
    def row(r: StatsRow) -> dict[str, Any]:
        return asdict(r)

    return {
        "from": st.date_from.isoformat(),
        "to": st.date_to.isoformat(),
        "services": [row(r) for r in st.services],
        "windows": [row(r) for r in st.windows],
        "total": row(st.total),
    }


def _status_text(s: HallStatus) -> str:
    lines = [f"hall {s.hall_code}", "services:"]
    lines += [
        f"  {x.code:<8} {x.prefix}  waiting {x.waiting:>4}  longest {x.longest_wait_s // 60} min"
        for x in s.services
    ]
    lines.append("windows:")
    lines += [
        f"  {w.number:>3}  {w.state.value:<8} {w.current.number if w.current else '-'}"
        for w in s.windows
    ]
    return "\n".join(lines)


def _print(args: argparse.Namespace, payload: dict[str, Any], text: str) -> None:
    print(json.dumps(payload, ensure_ascii=False) if args.json else text)


def _ticket_out(args: argparse.Namespace, ticket: TicketView | None) -> None:
    text = "nothing waiting" if ticket is None else f"{ticket.number} {ticket.state.value}"
    _print(args, {"ticket": ticket_json(ticket)}, text)


Handler = Callable[[QueueService, argparse.Namespace], None]


def _operator(args: argparse.Namespace) -> Operator:
    by: Operator = args.operator
    return by


def _user_id(args: argparse.Namespace) -> int | None:
    """The signed-in user's id for the queue's events (None for the host's operator)."""
    by = _operator(args)
    return None if isinstance(by, HostOperator) else by.user_id


def _issue(queue: QueueService, args: argparse.Namespace) -> None:
    _issued(args, queue.issue(args.service, PriorityClass(args.priority)))


def _issued(args: argparse.Namespace, issued: IssuedTicket) -> None:
    t = issued.ticket
    payload = {
        "ticket_id": t.ticket_id,
        "number": t.number,
        "service": t.service_code,
        "ahead": issued.ahead,
        "eta_minutes": issued.eta_minutes,
        "eta_range_minutes": [issued.eta_low_minutes, issued.eta_high_minutes],
    }
    _print(args, payload, f"{t.number}  ahead {issued.ahead}  ~{issued.eta_minutes} min")


def _call(queue: QueueService, args: argparse.Namespace) -> None:
    if args.number:
        _ticket_out(args, queue.call_ticket(args.window, args.number, _user_id(args)))
    else:
        _ticket_out(args, queue.call_next(args.window, _user_id(args)))


def _window_state(queue: QueueService, args: argparse.Namespace) -> None:
    if args.action == "open":
        queue.open_window(args.window, _user_id(args))
    elif args.action == "close":
        queue.close_window(args.window, _user_id(args))
    else:
        queue.pause_window(args.window, args.reason, _user_id(args))
    state = {"open": "open", "close": "closed", "pause": "paused"}[args.action]
    _print(args, {"window": args.window, "state": state}, f"window {args.window}: {state}")


def _status(queue: QueueService, args: argparse.Namespace) -> None:
    status = queue.status()
    _print(args, status_json(status), _status_text(status))


def _stats(queue: QueueService, args: argparse.Namespace) -> None:
    payload = stats_json(queue.stats(args.date_from, args.date_to))
    _print(args, payload, json.dumps(payload, indent=2, ensure_ascii=False))


HANDLERS: dict[str, Handler] = {
    "issue": _issue,
    "call": _call,
    "recall": lambda q, a: _ticket_out(a, q.recall(a.window, _user_id(a))),
    "skip": lambda q, a: _ticket_out(a, q.skip(a.window, _user_id(a))),
    "start": lambda q, a: _ticket_out(a, q.start(a.window, _user_id(a))),
    "finish": lambda q, a: _ticket_out(a, q.finish(a.window, _user_id(a))),
    "transfer": lambda q, a: _ticket_out(
        a,
        q.transfer(a.window, to_service=a.to_service, to_window=a.to_window, user_id=_user_id(a)),
    ),
    "park": lambda q, a: _ticket_out(a, q.park(a.window, a.minutes, _user_id(a))),
    "cancel": lambda q, a: _ticket_out(a, q.cancel(a.number, by=_operator(a))),
    "return": lambda q, a: _ticket_out(a, q.return_no_show(a.number, _user_id(a))),
    "open": _window_state,
    "close": _window_state,
    "pause": _window_state,
    "status": _status,
    "stats": _stats,
}


def run(services: Services, args: argparse.Namespace) -> int:
    if args.action == "issue" and args.appointment:
        _issued(args, services.appointments.check_in(args.appointment, args.service))
        return 0
    if args.action == "cancel-appointment":
        services.appointments.cancel(args.code)
        _print(args, {"cancelled": args.code}, f"{args.code} cancelled")
        return 0
    HANDLERS[args.action](services.queue, args)
    return 0
