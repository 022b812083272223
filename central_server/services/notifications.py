"""Text-message notifications (短信提醒) sent through the province's gateway.

Three templates: a ticket's turn is near (the counter asks, once per ticket), a case's result is
ready (the back office approved it) and a supplement is requested (the back office asked for
one); the last two only for cases whose applicant ticked 短信通知 at intake.

A message is a ``notify_message`` row, written in the transaction of what caused it (the
operation, the approval), status ``queued``. The process's dispatcher
(:mod:`central_server.services.message_dispatch`) sends it, and retries it on schedule; the
platform's delivery reports (:mod:`central_server.services.message_receipts`) make it
``delivered`` or ``failed``. Every change of a message's status is a ``notify_message_event``
row: its history, not only its latest status.

The phone is encrypted under the server's key ring and kept masked beside it; it is decrypted
only to hand it to the gateway, and never logged. The gateways:

* ``loopback`` (the reference server's default) records the rendered text in
  ``notify_loopback`` (``central-server messages``) and sends nothing;
* ``http`` posts JSON to the province's SMS platform (``sms_url``, ``sms_account``,
  ``sms_secret``, ``sms_template_ids``; docs/sync-protocol.md, "Notifications").
"""

from __future__ import annotations

import logging
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import Case, CaseOptIn, LoopbackMessage, Message, MessageEvent
from central_server.services.common import ms_to_datetime
from central_server.services.intake import Apply, rejected
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_protocol.masking import mask_phone
from onewindow_protocol.wire.notifications import (
    MessageState,
    MessageStatus,
    NotifyCaseOptInV1,
    NotifyTurnNearV1,
    RecordedMessage,
    StatusChange,
    StatusQuery,
    StatusReply,
    Template,
)

log = logging.getLogger(__name__)

PHONE = "central.notify_phone"  # the encryption context of every stored phone
NOTIFY_PAYLOADS = (NotifyCaseOptInV1, NotifyTurnNearV1)
SERVER, GATEWAY = "server", "gateway"  # who said what a status event says

TEMPLATES: dict[Template, str] = {
    Template.TURN_NEAR: "{signature}您的排队号{ticket_no}前面还有{ahead}人，请到大厅等候叫号。",
    Template.RESULT_READY: (
        "{signature}您的办件（受理编号{case_no}）已办结，请携带身份证到{pickup}领取。"
    ),
    Template.SUPPLEMENT_REQUESTED: (
        "{signature}您的办件（受理编号{case_no}）需补正材料，请于{due}前携带材料到大厅办理，"
        "详情请咨询窗口。"
    ),
}


def render(ctx: ServerContext, template: Template, params: Mapping[str, Any]) -> str:
    return TEMPLATES[template].format(signature=ctx.settings.sms_signature, **params)


@dataclass(frozen=True, slots=True)
class Sent:
    """A gateway's answer: its id for the message, else why not and whether to try again."""

    gateway_id: str | None = None
    error: str | None = None
    retry: bool = False


class Gateway(Protocol):
    def send(
        self, message_id: str, phone: str, template: Template, params: Mapping[str, Any]
    ) -> Sent: ...


class LoopbackGateway:
    """Records what would have been sent; the reference server's default."""

    def __init__(self, ctx: ServerContext) -> None:
        self.ctx = ctx
        self.cipher = PersonalDataCipher(ctx.blobs.ring)

    def send(
        self, message_id: str, phone: str, template: Template, params: Mapping[str, Any]
    ) -> Sent:
        gateway_id = "LB" + secrets.token_hex(8).upper()
        row = LoopbackMessage(
            gateway_id=gateway_id,
            message_id=message_id,
            phone_enc=self.cipher.encrypt(phone, context=PHONE),
            phone_masked=mask_phone(phone),
            template=template.value,
            text=render(self.ctx, template, params),
            recorded_ms=self.ctx.now_ms(),
        )
        self.ctx.db.run_write(lambda session: session.add(row))
        return Sent(gateway_id=gateway_id)


class HttpGateway:
    """The province's SMS platform over HTTP: one JSON POST per message.

    Request: ``{"account", "template_id", "phone", "params", "sign", "request_id"}`` with
    ``Authorization: Bearer <secret>``. Reply 2xx ``{"id": "…"}`` is sent; 4xx is a refusal
    (failed, not retried); 5xx, 429, a timeout or a connection error is retried later.
    """

    def __init__(self, ctx: ServerContext, client: httpx.Client | None = None) -> None:
        s = ctx.settings
        self.url = s.sms_url
        self.account = s.sms_account
        self.secret = s.sms_secret
        self.template_ids = dict(s.sms_template_ids)
        self.signature = s.sms_signature
        self.client = client or httpx.Client(timeout=s.sms_timeout_s)

    def send(
        self, message_id: str, phone: str, template: Template, params: Mapping[str, Any]
    ) -> Sent:
        body = {
            "account": self.account,
            "template_id": self.template_ids.get(template.value, template.value),
            "phone": phone,
            "params": dict(params),
            "sign": self.signature,
            "request_id": message_id,
        }
        try:
            reply = self.client.post(
                self.url, json=body, headers={"Authorization": f"Bearer {self.secret}"}
            )
        except httpx.HTTPError as exc:
            return Sent(error=f"gateway unreachable: {type(exc).__name__}", retry=True)
        if reply.status_code == 429 or reply.status_code >= 500:
            return Sent(error=f"gateway HTTP {reply.status_code}", retry=True)
        if reply.status_code >= 400:
            return Sent(error=f"gateway refused: HTTP {reply.status_code}")
        try:
            gateway_id = str(reply.json()["id"])
        except (ValueError, KeyError, TypeError):
            return Sent(error="gateway reply without an id", retry=True)
        return Sent(gateway_id=gateway_id[:64])


def gateway_for(ctx: ServerContext) -> Gateway:
    if ctx.settings.sms_gateway == "http":
        return HttpGateway(ctx)
    return LoopbackGateway(ctx)


# ---------------------------------------------------------------- queueing


def add_event(
    session: Session,
    message_id: str,
    status: MessageStatus,
    at_ms: int,
    *,
    source: str = SERVER,
    code: str | None = None,
    detail: str | None = None,
    recorded_ms: int | None = None,
) -> None:
    """One line of a message's history: queued, each attempt's outcome, each delivery report."""
    session.add(
        MessageEvent(
            message_id=message_id,
            status=status.value,
            source=source,
            code=code,
            detail=detail[:200] if detail else None,
            at_ms=at_ms,
            recorded_ms=at_ms if recorded_ms is None else recorded_ms,
        )
    )


def queue_message(
    session: Session,
    *,
    message_id: str,
    hall_code: str,
    template: Template,
    params: dict[str, Any],
    phone_enc: str,
    phone_masked: str,
    now: int,
    case_no: str | None = None,
    ticket_no: str | None = None,
) -> None:
    """A message to send, in the caller's transaction; the phone already encrypted."""
    session.add(
        Message(
            id=message_id,
            hall_code=hall_code,
            template=template.value,
            params=params,
            phone_enc=phone_enc,
            phone_masked=phone_masked,
            case_no=case_no,
            ticket_no=ticket_no,
            status=MessageStatus.QUEUED.value,
            attempts=0,
            next_attempt_ms=now,
            created_ms=now,
            updated_ms=now,
        )
    )
    session.flush()  # the message before its history (the foreign key)
    add_event(session, message_id, MessageStatus.QUEUED, now)


def apply_notification(
    a: Apply, ctx: ServerContext, payload: NotifyCaseOptInV1 | NotifyTurnNearV1
) -> None:
    """An operation: record the case's opt-in, or queue the turn-near message."""
    if payload.hall_code != a.hall_code:
        raise rejected("wrong_hall", f"this device belongs to hall {a.hall_code}")
    cipher = PersonalDataCipher(ctx.blobs.ring)
    phone_enc = cipher.encrypt(payload.phone, context=PHONE)
    if isinstance(payload, NotifyCaseOptInV1):
        row = a.session.get(CaseOptIn, payload.case_no)
        if row is None:
            row = CaseOptIn(case_no=payload.case_no, hall_code=payload.hall_code)
            a.session.add(row)
        row.phone_enc, row.phone_masked = phone_enc, mask_phone(payload.phone)
        row.consented_ms = int(payload.consented_at.timestamp() * 1000)
        row.received_ms = a.now_ms
        return
    if a.session.get(Message, str(payload.message_id)) is not None:
        raise rejected("message_exists", "a message with this id was already queued")
    queue_message(
        a.session,
        message_id=str(payload.message_id),
        hall_code=payload.hall_code,
        template=Template.TURN_NEAR,
        params={"ticket_no": payload.ticket_no, "ahead": payload.ahead},
        phone_enc=phone_enc,
        phone_masked=mask_phone(payload.phone),
        now=a.now_ms,
        ticket_no=payload.ticket_no,
    )


def queue_for_case(
    session: Session, ctx: ServerContext, case: Case, template: Template, now: int
) -> None:
    """In the back office's transaction: the case's message, if its applicant opted in."""
    opt_in = session.get(CaseOptIn, case.case_no)
    if opt_in is None:
        return
    params: dict[str, Any] = {"case_no": case.case_no}
    if template is Template.RESULT_READY:
        params["pickup"] = ctx.settings.sms_pickup_place
    else:
        due = (case.supplement or {}).get("due_date")
        params["due"] = due or "规定期限"
    queue_message(
        session,
        message_id=str(uuid.uuid4()),
        hall_code=case.hall_code,
        template=template,
        params=params,
        phone_enc=opt_in.phone_enc,
        phone_masked=opt_in.phone_masked,
        now=now,
        case_no=case.case_no,
    )


# ---------------------------------------------------------------- reading


def _history(session: Session, ids: list[str]) -> dict[str, list[StatusChange]]:
    found: dict[str, list[StatusChange]] = {i: [] for i in ids}
    rows = session.scalars(
        select(MessageEvent)
        .where(MessageEvent.message_id.in_(ids))
        .order_by(MessageEvent.at_ms, MessageEvent.seq)
    )
    for e in rows:
        found[e.message_id].append(
            StatusChange(
                status=MessageStatus(e.status),
                at=ms_to_datetime(e.at_ms),
                source=e.source,
                code=e.code,
                detail=e.detail,
            )
        )
    return found


def _state(row: Message, history: list[StatusChange]) -> MessageState:
    return MessageState(
        message_id=uuid.UUID(row.id),
        template=Template(row.template),
        case_no=row.case_no,
        ticket_no=row.ticket_no,
        status=MessageStatus(row.status),
        attempts=row.attempts,
        error=row.error,
        delivery_code=row.delivery_code,
        updated_at=ms_to_datetime(row.updated_ms),
        history=history,
    )


def statuses(ctx: ServerContext, hall_code: str, query: StatusQuery) -> StatusReply:
    """The hall's messages asked for, by id and by case (a message of another hall is not
    shown)."""
    ids = [str(i) for i in query.message_ids]
    with ctx.db.read() as session:
        rows: list[Message] = []
        if ids:
            rows += session.scalars(
                select(Message).where(Message.id.in_(ids), Message.hall_code == hall_code)
            )
        opted: list[str] = []
        if query.case_nos:
            rows += session.scalars(
                select(Message).where(
                    Message.case_no.in_(query.case_nos), Message.hall_code == hall_code
                )
            )
            opted = sorted(
                session.scalars(
                    select(CaseOptIn.case_no).where(
                        CaseOptIn.case_no.in_(query.case_nos), CaseOptIn.hall_code == hall_code
                    )
                )
            )
        unique = {r.id: r for r in rows}
        history = _history(session, list(unique))
        seen: dict[str, MessageState] = {}
        for row in sorted(
            unique.values(), key=lambda r: (r.created_ms, r.case_no or "", r.ticket_no or "", r.id)
        ):
            seen[row.id] = _state(row, history[row.id])
    return StatusReply(messages=list(seen.values()), opted_in_cases=opted)


def recorded(ctx: ServerContext, *, show_phone: bool = False) -> list[RecordedMessage]:
    cipher = PersonalDataCipher(ctx.blobs.ring)
    with ctx.db.read() as session:
        rows = list(session.scalars(select(LoopbackMessage).order_by(LoopbackMessage.seq)))
        return [
            RecordedMessage(
                gateway_id=r.gateway_id,
                message_id=uuid.UUID(r.message_id),
                phone_masked=r.phone_masked,
                phone=cipher.decrypt(r.phone_enc, context=PHONE) if show_phone else None,
                template=Template(r.template),
                text=r.text,
                recorded_at=ms_to_datetime(r.recorded_ms),
            )
            for r in rows
        ]
