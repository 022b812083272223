"""The counter's outbox payload (intake's own shape) mapped to the server's v1 payload schemas
(``onewindow_protocol.wire.ops``: CaseAcceptV1, CaseNoticeV1, CaseDeferV1, CaseRefuseV1); the
results and ratings services store their payloads in the server's shape already.

The mapping is a pure function of the stored payload and the operation's creation time, so a
replay sends byte-for-byte the same payload (the server tells a replay from a conflict by its
hash).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

HALL_TZ = ZoneInfo("Asia/Shanghai")

APPLICANT_KIND = {"person": "natural_person", "company": "legal_person"}
ID_TYPE = {"resident_id": "resident_id", "credit_code": "uscc", "passport": "passport"}
MATERIAL_STATUS = {
    "complete": "received",
    "missing": "missing",
    "defective": "defective",
    "replaced": "e_licence",
    "deferred": "deferred",
    "not_needed": "not_applicable",
    "committed": "commitment",
}


def wire_time(ms: int) -> str:
    """A moment as the server's payloads write it: ISO 8601 in the hall's time zone."""
    return dt.datetime.fromtimestamp(ms / 1000, HALL_TZ).isoformat()


def _window_code(case_no: str) -> str:
    return case_no.split("-")[1]


def _materials(stored: dict[str, Any]) -> list[dict[str, Any]]:
    pages: dict[str | None, list[dict[str, Any]]] = {}
    for page in stored.get("pages", []):
        pages.setdefault(page.get("material"), []).append(page)
    out = []
    for m in stored["materials"]:
        material: dict[str, Any] = {
            "code": m["code"],
            "name": m.get("name") or m["code"],
            "status": MATERIAL_STATUS[m["status"]],
        }
        if m.get("copies"):
            material["copies"] = m["copies"]
        if m.get("defects"):
            material["note"] = "；".join(m["defects"])
        material["blobs"] = [
            {
                "sha256": p["sha256"],
                "size": p["size"],
                "media_type": p["mime"],
                "label": f"p{i}",
            }
            for i, p in enumerate(pages.get(m["code"], []), start=1)
        ]
        out.append(material)
    loose = pages.get(None, [])
    if loose:  # pages scanned without a material: kept, under their own slot
        out.append(
            {
                "name": "其他材料",
                "status": "received",
                "blobs": [
                    {"sha256": p["sha256"], "size": p["size"], "media_type": p["mime"]}
                    for p in loose
                ],
            }
        )
    return out


def _applicant(a: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": APPLICANT_KIND[a["kind"]],
        "name": a["name"],
        "id_type": ID_TYPE.get(a["id_type"], "other"),
        "id_number": a["id_number"],
    }
    for key in ("phone", "legal_representative", "contact"):
        if a.get(key):
            out[key] = a[key]
    return out


# Operations whose stored payload is already the server's shape (results, ratings,
# appointments, notifications, 帮办代办).
PASS_THROUGH = frozenset(
    {
        "case.supplement_received",
        "handover.record",
        "rating.submit",
        "rating.follow_up",
        "case.assist",
        "appointment.check_in",
        "notify.case_opt_in",
        "notify.turn_near",
        "appointment.no_show",
        "appointment.cancel",
    }
)


# The keys that make an operation version 2 (docs/sync-protocol.md, *Versions*).
VERSION_2_KEYS = {
    "rating.submit": ("reasons",),
    "case.accept": ("payment", "mailing"),
    "case.defer": ("payment", "mailing"),
    "handover.record": ("payment",),
}


def schema_version(kind: str, stored: dict[str, Any]) -> int:
    """The payload schema an operation is sent under: a case stored with its fees or its mailing
    address (an accepting decision), fees paid at pickup (a handover), or a rating stored with
    its reasons (every rating since they exist, even a good one with none) is version 2; every
    other, and any queued by an older counter, stays version 1, which older servers accept."""
    return 2 if any(key in stored for key in VERSION_2_KEYS.get(kind, ())) else 1


def _without_blanks(stored: dict[str, Any]) -> dict[str, Any]:
    """Optional text left empty is left out: the protocol has no empty strings."""
    return {k: v for k, v in stored.items() if v != ""}


def _without_nulls(stored: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in stored.items() if v is not None and v != ""}


def wire_payment(stored: dict[str, Any]) -> dict[str, Any]:
    """``PaymentV1``: absent optional values left out, each fee line likewise."""
    payment = _without_nulls({k: v for k, v in stored.items() if k != "lines"})
    payment["lines"] = [_without_nulls(line) for line in stored["lines"]]
    return payment


def _accepting(stored: dict[str, Any]) -> dict[str, Any]:
    """What an accepting decision adds: receipt, promise, commitment, payment, mailing."""
    payload: dict[str, Any] = {"receipt_no": stored["case_number"]}
    if stored.get("promised_due"):
        payload["promised_date"] = stored["promised_due"]
    commitment = stored.get("commitment")
    if commitment:
        payload["commitment"] = {"signed": True, "post_check_days": commitment["post_check_days"]}
        if commitment.get("post_check_due"):
            payload["commitment"]["post_check_date"] = commitment["post_check_due"]
    if stored.get("payment"):
        payload["payment"] = wire_payment(stored["payment"])
    if stored.get("mailing"):
        payload["mailing"] = _without_nulls(stored["mailing"])
    return payload


def to_wire(kind: str, stored: dict[str, Any], created_ms: int) -> dict[str, Any]:
    if kind == "handover.record" and stored.get("payment"):
        return {**_without_blanks(stored), "payment": wire_payment(stored["payment"])}
    if kind in PASS_THROUGH:
        return _without_blanks(stored)
    case_no = stored["case_number"]
    payload: dict[str, Any] = {
        "case_id": stored["case_uuid"],
        "case_no": case_no,
        "hall_code": stored["hall"],
        "window_code": _window_code(case_no),
        "item": {"code": stored["item"]["code"], "version": stored["item"]["version"]},
        "applicant": _applicant(stored["applicant"]),
        "materials": _materials(stored),
        "clerk": stored["clerk"],
        "decided_at": wire_time(created_ms),
    }
    if stored["item"].get("situation"):
        payload["situation"] = stored["item"]["situation"]
    if kind in ("case.accept", "case.defer"):
        payload |= _accepting(stored)
    if kind == "case.defer":
        payload["deferred"] = [
            {"material": m.get("name") or m["code"], "due_date": m["supply_by"]}
            for m in stored["materials"]
            if m.get("deferred") and m.get("supply_by")
        ]
        payload["commitment_signed"] = True
    elif kind == "case.notice":
        payload["notice_no"] = case_no
        payload["lines"] = [
            {
                "material": m.get("name") or m["code"],
                "requirement": m.get("standard") or "请按要求补齐或补正",
            }
            for m in stored["materials"]
            if m["status"] in ("missing", "defective")
        ]
    elif kind == "case.refuse":
        refusal = stored.get("refusal") or {}
        payload["reason"] = refusal.get("explanation") or refusal.get("ground") or "不予受理"
        if refusal.get("competent_agency"):
            payload["competent_agency"] = refusal["competent_agency"]
    return payload
