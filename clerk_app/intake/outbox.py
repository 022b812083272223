"""Outbox operations for the central server, written in the transaction of the change.

Each operation gets a UUID (its idempotency key) and the next device sequence number, both
taken in the local transaction (docs/sync-rules.md). The payload holds personal data, so it is
stored encrypted; its hash (over the canonical JSON) lets the server tell a replay from a conflict.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.sync_models import OUTBOX, DeviceSequence, OutboxOperation
from clerk_app.intake.fees import CheckedPayment, FeeLine, PaymentStatus, yuan_text
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Decision
from clerk_app.intake.visit import Visit

SEQUENCE_ROW = 1
KIND = {
    Decision.ACCEPT: "case.accept",
    Decision.DEFERRAL: "case.defer",
    Decision.ONE_TIME_NOTICE: "case.notice",
    Decision.REFUSE: "case.refuse",
}


@dataclass(frozen=True, slots=True)
class Operation:
    kind: str
    case_uuid: str | None
    payload: Mapping[str, Any]
    blobs: tuple[str, ...] = ()


def canonical(payload: Mapping[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def next_sequence(session: Session) -> int:
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    table = DeviceSequence.__table__
    statement = (
        dialect.insert(table)
        .values(id=SEQUENCE_ROW, last=1)
        .on_conflict_do_update(index_elements=["id"], set_={"last": table.c.last + 1})
        .returning(table.c.last)
    )
    return int(session.execute(statement).scalar_one())


def enqueue(session: Session, protector: PersonalDataProtector, op: Operation, now: int) -> int:
    text = canonical(op.payload)
    seq = next_sequence(session)
    session.add(
        OutboxOperation(
            seq=seq,
            op_id=str(uuid.uuid4()),
            kind=op.kind,
            case_uuid=op.case_uuid,
            payload_enc=protector.encrypt(text, context=OUTBOX),
            payload_hash=hashlib.sha256(text.encode()).hexdigest(),
            blobs=json.dumps(sorted(set(op.blobs))),
            state="pending",
            attempts=0,
            next_attempt_ms=0,
            created_ms=now,
        )
    )
    return seq


def payment_json(p: CheckedPayment, lines: Sequence[FeeLine]) -> dict[str, Any]:
    """The payment in the outbox (and the server's) shape: amounts as yuan text, never float."""
    return {
        "status": p.status.value,
        "method": p.method.value if p.status is PaymentStatus.PAID else None,
        "due": yuan_text(p.due_or_paid),
        "paid": yuan_text(p.paid),
        "reference": p.reference,
        "waiver_reason": p.reason,
        "lines": [
            {
                "name": line.name_zh,
                "amount": None if line.amount is None else yuan_text(line.amount),
                "basis": line.basis,
            }
            for line in lines
        ],
    }


def case_operation(case: IntakeCase, v: Visit, hall_code: str) -> Operation:
    a = v.applicant
    payload: dict[str, Any] = {
        "case_uuid": case.case_uuid,
        "case_number": case.case_number,
        "hall": hall_code,
        "window": case.window_number,
        "visit": case.visits,
        "decision": v.decision.value,
        "item": {
            "code": v.item.code,
            "version": v.item.version,
            "catalogue_version": v.item.catalogue_version,
            "situation": v.draft.situation_code,
        },
        "applicant": {
            "kind": a.kind.value,
            "name": a.name,
            "id_type": a.id_type.value,
            "id_number": a.id_value,
            "phone": a.phone,
            "address": a.address,
            "overridden": a.overridden,
            "legal_representative": a.legal_representative,
            "contact": a.contact,
        },
        "agent": None
        if v.agent is None
        else {
            "name": v.agent.name,
            "id_number": v.agent.id_value,
            "authorisation": v.agent.authorisation,
        },
        "materials": [
            {
                "code": s.key,
                "name": s.requirement.name,
                "standard": s.requirement.standard,
                "status": s.status.value,
                "received": s.record.received,
                "copies": s.record.copies,
                "elicence_number": s.record.elicence_number,
                "deferred": s.record.deferred,
                "supply_by": s.record.supply_by.isoformat() if s.record.supply_by else None,
                "defects": list(s.record.defects),
                "committed": s.record.committed,
            }
            for s in v.assessment.materials
        ],
        "pages": [
            {
                "sha256": p.sha256,
                "material": p.material_code,
                "mime": p.mime,
                "size": p.size_bytes,
            }
            for p in v.draft.pages
        ],
        "promised_due": case.promised_due.isoformat() if case.promised_due else None,
        "clerk": v.clerk.username,
    }
    if case.post_check_days is not None and v.assessment.committed:
        payload["commitment"] = {  # 告知承诺: signed; checked afterwards by this date
            "post_check_days": case.post_check_days,
            "post_check_due": case.post_check_due.isoformat() if case.post_check_due else None,
        }
    if v.payment is not None:
        payload["payment"] = payment_json(v.payment, v.fees)
    if v.mailing is not None and v.decision in (Decision.ACCEPT, Decision.DEFERRAL):
        m = v.mailing
        payload["mailing"] = {
            "recipient": m.recipient,
            "phone": m.phone,
            "province": m.province,
            "city": m.city,
            "district": m.district,
            "address": m.address,
            "postal_code": m.postal_code,
        }
    if v.draft.refusal is not None and v.decision is Decision.REFUSE:
        payload["refusal"] = {
            "ground": v.draft.refusal.ground.value,
            "explanation": v.draft.refusal.explanation,
            "competent_agency": v.draft.refusal.competent_agency,
        }
    return Operation(
        KIND[v.decision], case.case_uuid, payload, tuple(p.sha256 for p in v.draft.pages)
    )
