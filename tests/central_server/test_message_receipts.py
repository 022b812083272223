"""The SMS platform's delivery reports over HTTP (a real server thread): signed reports set a
message's status with the platform's code, each report once, a late older one kept in the
history only; a wrong or missing signature or a stale timestamp changes nothing (401); an
unknown message is said so; a body that is not a report batch is a 422 that says what is
expected. A report that overtakes the gateway's own reply keeps its status."""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from central_server.composition import create_services
from central_server.services import message_dispatch, message_receipts
from central_server.services.errors import Refused
from central_server.services.message_receipts import SIGNATURE_HEADER, TIMESTAMP_HEADER
from central_server.services.notifications import Sent
from central_server.settings import ServerSettings
from onewindow_base.clock import FixedClock
from onewindow_protocol.wire.notifications import DeliveryReports
from tests.central_server.harness import Device, Harness
from tests.central_server.test_message_dispatch import messages, queue
from tests.central_server.test_notifications import statuses, turn_near
from tests.conftest import START

SECRET = "platform-shared-secret"
RECEIPTS = "/v1/gateway/sms/receipts"


@pytest.fixture
def signed_server(central_settings: ServerSettings) -> Iterator[Harness]:
    settings = dataclasses.replace(central_settings, sms_secret=SECRET)
    clock = FixedClock(START)
    with Harness.running(create_services(settings, clock), clock) as harness:
        yield harness


def post(
    server: Harness,
    body: bytes | dict[str, Any],
    *,
    secret: str = SECRET,
    skew_s: int = 0,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    stamp = str(server.clock.now_ms() // 1000 + skew_s)
    signed = {
        TIMESTAMP_HEADER: stamp,
        SIGNATURE_HEADER: message_receipts.signature(secret, stamp, raw),
        "Content-Type": "application/json",
    }
    return server.http().post(RECEIPTS, content=raw, headers=signed if headers is None else headers)


def report(status: str, at: str, **ref: str) -> dict[str, Any]:
    return {"status": status, "code": ref.pop("code", None), "reported_at": at, **ref}


def sent_messages(server: Harness, count: int) -> tuple[Device, list[str]]:
    device = server.enrol()
    ids = [str(uuid.uuid4()) for _ in range(count)]
    device.results(*(turn_near(device, i) for i in ids))
    server.settle()
    return device, ids


def state(device: Device, message_id: str) -> dict[str, Any]:
    [found] = statuses(device, message_ids=[message_id])["messages"]
    return dict(found)


def test_signed_reports_set_statuses_once_and_in_order(signed_server: Harness) -> None:
    device, (first, second) = sent_messages(signed_server, 2)
    gateway_of = {m: g for m, (_s, _a, g) in messages(signed_server.services.ctx).items()}
    delivered = report("delivered", "2026-11-24T09:41:00+08:00", request_id=first, code="DELIVRD")
    reply = post(signed_server, {"reports": [delivered]})
    assert reply.status_code == 200, reply.text
    assert reply.json()["results"] == [{"id": None, "request_id": first, "result": "applied"}]
    got = state(device, first)
    assert (got["status"], got["delivery_code"], got["error"]) == ("delivered", "DELIVRD", None)
    assert [(h["status"], h["source"]) for h in got["history"]] == [
        ("queued", "server"),
        ("sent", "server"),
        ("delivered", "gateway"),
    ]

    older = report("failed", "2026-11-24T09:40:30+08:00", request_id=first, code="EXPIRED")
    unknown = report("delivered", "2026-11-24T09:41:00+08:00", request_id=str(uuid.uuid4()))
    by_platform_id = report("failed", "2026-11-24T09:42:00+08:00", code="UNDELIV")
    by_platform_id["id"] = gateway_of[second]
    batch = {"reports": [delivered, older, unknown, by_platform_id, {**unknown, "id": "NOPE"}]}
    results = [r["result"] for r in post(signed_server, batch).json()["results"]]
    assert results == ["duplicate", "stale", "unknown", "applied", "unknown"]
    got = state(device, first)
    assert (got["status"], got["delivery_code"]) == ("delivered", "DELIVRD")  # the newer holds
    assert [h["code"] for h in got["history"] if h["source"] == "gateway"] == [
        "EXPIRED",  # kept, in the order it happened
        "DELIVRD",
    ]
    got = state(device, second)
    assert (got["status"], got["delivery_code"], got["error"]) == (
        "failed",
        "UNDELIV",
        "not delivered: UNDELIV",
    )


def test_a_bad_signature_stale_timestamp_or_garbage_changes_nothing(
    signed_server: Harness,
) -> None:
    device, (message_id,) = sent_messages(signed_server, 1)
    before = state(device, message_id)
    body = {"reports": [report("delivered", "2026-11-24T09:41:00+08:00", request_id=message_id)]}
    refusals = [
        post(signed_server, body, secret="guessed"),
        post(signed_server, body, skew_s=-3600),  # a replay of an hour ago
        post(signed_server, body, headers={"Content-Type": "application/json"}),
    ]
    assert [(r.status_code, r.json()["code"]) for r in refusals] == [
        (401, "signature_invalid"),
    ] * 3
    assert state(device, message_id) == before

    huge = post(signed_server, b" " * (message_receipts.MAX_BODY_BYTES + 1))
    assert (huge.status_code, huge.json()["code"]) == (413, "batch_too_large")
    garbage = post(signed_server, b"<html>not json</html>")
    assert (garbage.status_code, garbage.json()["code"]) == (422, "invalid_request")
    assert "delivery report batch" in garbage.json()["message"]
    wrong = post(signed_server, {"reports": [{"request_id": message_id, "status": "read"}]})
    assert wrong.status_code == 422
    assert {tuple(e["loc"]) for e in wrong.json()["detail"]["errors"]} == {
        ("reports", "0", "status"),
        ("reports", "0", "reported_at"),
    }
    assert state(device, message_id) == before


def test_without_a_secret_reports_are_not_taken(central_settings: ServerSettings) -> None:
    services = create_services(central_settings)
    try:
        with pytest.raises(Refused, match="shared secret"):
            message_receipts.verify(services.ctx, "0", "00", b"{}")
    finally:
        services.ctx.db.dispose()


def test_a_report_before_the_gateways_reply_keeps_its_status(
    central_settings: ServerSettings,
) -> None:
    services = create_services(dataclasses.replace(central_settings, sms_secret=SECRET))
    ctx = services.ctx
    try:
        [message_id] = queue(ctx, 1)
        claimed = message_dispatch.claim(ctx)
        assert claimed is not None
        early = DeliveryReports.model_validate(
            {"reports": [report("delivered", "2026-11-24T09:31:00+08:00", request_id=message_id)]}
        )
        assert message_receipts.apply_reports(ctx, early).results[0].result == "applied"
        assert message_dispatch.record(ctx, claimed, Sent(gateway_id="P-1"))
        assert messages(ctx)[message_id] == ("delivered", 1, "P-1")
        assert message_dispatch.claim(ctx) is None  # and it is not sent again
    finally:
        ctx.db.dispose()
