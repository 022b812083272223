"""Text-message notifications on the reference server over HTTP: a case's opt-in and the back
office's decisions (result ready, supplement requested), the counter's turn-near message sent
once, the delivery statuses a hall reads (its own only), the HTTP gateway against a local stub
(retries, refusals, template ids) and ``central-server messages``."""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from central_server.composition import create_services
from central_server.services import notifications
from central_server.services.notifications import HttpGateway, LoopbackGateway, render
from central_server.settings import ServerSettings, sms_settings
from onewindow_base.clock import FixedClock
from onewindow_protocol.wire.notifications import RecordedMessage, Template
from tests.central_server.harness import Device, Harness, intake
from tests.central_server.test_backoffice_cli import cli_args, run  # noqa: F401 - fixture
from tests.conftest import START

PHONE = "13912345678"


def opt_in(device: Device, payload: dict[str, Any], phone: str = PHONE) -> dict[str, Any]:
    return device.op(
        "notify.case_opt_in",
        {
            "case_id": payload["case_id"],
            "case_no": payload["case_no"],
            "hall_code": device.hall_code,
            "phone": phone,
            "consented_at": "2026-11-24T09:40:00+08:00",
        },
    )


def turn_near(device: Device, message_id: str, ahead: int = 3) -> dict[str, Any]:
    return device.op(
        "notify.turn_near",
        {
            "message_id": message_id,
            "hall_code": device.hall_code,
            "ticket_no": "A023",
            "day": "2026-11-24",
            "ahead": ahead,
            "phone": PHONE,
            "queued_at": "2026-11-24T09:40:00+08:00",
        },
    )


def by_template(message: RecordedMessage) -> str:
    return message.template.value


def statuses(device: Device, **query: list[str]) -> dict[str, Any]:
    reply = device.post("/v1/notifications/status", json=query)
    assert reply.status_code == 200, reply.text
    return dict(reply.json())


def test_result_ready_and_supplement_requested_only_for_cases_that_opted_in(
    server: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    server.publish()
    device = server.enrol()
    approved, supplemented, silent = (intake(device) for _ in range(3))
    ops = [device.op("case.accept", p) for p in (approved, supplemented, silent)]
    ops += [opt_in(device, approved), opt_in(device, supplemented, "13800138000")]
    assert {r["status"] for r in device.results(*ops)} == {"applied"}
    portal = server.approver()
    for case in (approved, silent):
        reply = portal.post(
            f"/v1/backoffice/cases/{case['case_no']}/approve", json={"approver": "approver1"}
        )
        assert reply.status_code == 200, reply.text
    reply = portal.post(
        f"/v1/backoffice/cases/{supplemented['case_no']}/supplement",
        json={
            "approver": "approver1",
            "lines": [{"material": "营业执照"}],
            "due_date": "2026-12-01",
        },
    )
    assert reply.status_code == 200, reply.text

    server.settle()  # sent in the background, each as soon as it was queued
    sent = sorted(notifications.recorded(server.services.ctx, show_phone=True), key=by_template)
    assert [(m.template, m.phone) for m in sent] == [
        (Template.RESULT_READY, PHONE),
        (Template.SUPPLEMENT_REQUESTED, "13800138000"),
    ]
    assert sent[0].text == (
        f"【示范市政务服务中心】您的办件（受理编号{approved['case_no']}）已办结，"
        "请携带身份证到出件窗口领取。"
    )
    assert "2026-12-01前" in sent[1].text and supplemented["case_no"] in sent[1].text
    assert sent[0].phone_masked == "139****5678"

    asked = [c["case_no"] for c in (approved, supplemented, silent)]
    body = statuses(device, case_nos=asked)
    assert body["opted_in_cases"] == sorted(asked[:2])
    assert [(m["case_no"], m["status"], m["attempts"]) for m in body["messages"]] == [
        (asked[0], "sent", 1),
        (asked[1], "sent", 1),
    ]
    assert PHONE not in json.dumps(body)
    other_hall = server.enrol("CC02")
    assert statuses(other_hall, case_nos=asked) == {"messages": [], "opted_in_cases": []}
    assert not [
        r for r in caplog.records if PHONE in r.getMessage() or "13800138000" in r.getMessage()
    ]


def test_turn_near_is_sent_once_and_its_status_read_by_id(server: Harness) -> None:
    device = server.enrol()
    message_id = str(uuid.uuid4())
    op = turn_near(device, message_id)
    assert device.results(op)[0]["status"] == "applied"
    assert device.results(op)[0]["status"] == "duplicate"  # a retried push sends nothing more
    again = turn_near(device, message_id)  # the same message under another operation id
    assert device.results(again)[0]["code"] == "message_exists"
    server.settle()
    sent = notifications.recorded(server.services.ctx)
    assert [m.text for m in sent] == [
        "【示范市政务服务中心】您的排队号A023前面还有3人，请到大厅等候叫号。"
    ]
    assert sent[0].phone is None
    [state] = statuses(device, message_ids=[message_id])["messages"]
    assert (state["ticket_no"], state["template"], state["status"]) == ("A023", "turn_near", "sent")

    portal = server.approver()
    gateway_id = sent[0].gateway_id
    assert portal.post(f"/v1/backoffice/messages/{gateway_id}/delivered").status_code == 204
    assert statuses(device, message_ids=[message_id])["messages"][0]["status"] == "delivered"
    missing = portal.post("/v1/backoffice/messages/LB0000/delivered")
    assert (missing.status_code, missing.json()["code"]) == (404, "message_not_found")


def test_an_invalid_phone_or_another_halls_message_is_rejected(server: Harness) -> None:
    device = server.enrol()
    bad = turn_near(device, str(uuid.uuid4()))
    bad["payload"]["phone"] = "1234567"
    foreign = turn_near(device, str(uuid.uuid4()))
    foreign["payload"]["hall_code"] = "CC02"
    results = device.results(bad, foreign)
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "invalid_payload"),
        ("rejected", "wrong_hall"),
    ]
    assert "1234567" not in results[0]["message"]
    assert notifications.recorded(server.services.ctx) == []


class _Stub(BaseHTTPRequestHandler):
    """The province's SMS platform: answers each message (by its request id) in turn."""

    answers: ClassVar[dict[str, list[tuple[int, dict[str, Any]]]]] = {}
    received: ClassVar[list[tuple[dict[str, Any], str]]] = []

    arrived: ClassVar[threading.Condition] = threading.Condition()

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with type(self).arrived:
            type(self).received.append((body, self.headers.get("Authorization", "")))
            type(self).arrived.notify_all()
        status, reply = type(self).answers[body["request_id"]].pop(0)
        data = json.dumps(reply).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def stub() -> Iterator[type[_Stub]]:
    handler = type(
        "Stub", (_Stub,), {"answers": {}, "received": [], "arrived": threading.Condition()}
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    handler.url = f"http://127.0.0.1:{httpd.server_address[1]}/sms/send"  # type: ignore[attr-defined]
    try:
        yield handler
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture
def http_server(central_settings: ServerSettings, stub: type[_Stub]) -> Iterator[Harness]:
    """The reference server configured for the stub platform, as a province would configure
    it (the environment)."""
    env = {
        "CENTRAL_SERVER_SMS_GATEWAY": "http",
        "CENTRAL_SERVER_SMS_URL": stub.url,  # type: ignore[attr-defined]
        "CENTRAL_SERVER_SMS_ACCOUNT": "hall-demo",
        "CENTRAL_SERVER_SMS_SECRET": "s3cret",
        "CENTRAL_SERVER_SMS_TEMPLATES": "turn_near=SMS_101,result_ready=SMS_102",
    }
    settings = dataclasses.replace(central_settings, **sms_settings(env))  # type: ignore[arg-type]
    clock = FixedClock(START)
    with Harness.running(create_services(settings, clock), clock) as harness:
        yield harness


def wait_received(stub: type[_Stub], count: int) -> None:
    """Until the platform has had ``count`` requests (sent in the server's background)."""
    with stub.arrived:
        assert stub.arrived.wait_for(lambda: len(stub.received) >= count, timeout=30)


def _by_id(device: Device, *ids: str) -> dict[str, dict[str, Any]]:
    return {m["message_id"]: m for m in statuses(device, message_ids=list(ids))["messages"]}


def test_http_gateway_retries_then_sends_and_a_refusal_fails(
    http_server: Harness, stub: type[_Stub]
) -> None:
    ctx = http_server.services.ctx
    assert isinstance(notifications.gateway_for(ctx), HttpGateway)
    device = http_server.enrol()
    retried, refused = str(uuid.uuid4()), str(uuid.uuid4())
    stub.answers[retried] = [(503, {}), (200, {"id": "P-1"})]
    stub.answers[refused] = [(400, {"error": "blacklisted"})]
    device.results(turn_near(device, retried), turn_near(device, refused, ahead=1))
    http_server.settle()
    state = _by_id(device, retried, refused)
    assert (state[retried]["status"], state[retried]["attempts"]) == ("queued", 1)
    assert state[retried]["error"] == "gateway HTTP 503"
    assert (state[refused]["status"], state[refused]["error"]) == (
        "failed",
        "gateway refused: HTTP 400",
    )
    assert len(stub.received) == 2  # the retry is not due yet
    http_server.advance(seconds=ctx.settings.sms_retry_s)
    http_server.settle()  # the dispatcher sent what fell due, with no request
    state = _by_id(device, retried)
    assert (state[retried]["status"], state[retried]["attempts"]) == ("sent", 2)
    bodies = [body for body, _auth in stub.received]
    assert [b["template_id"] for b in bodies] == ["SMS_101", "SMS_101", "SMS_101"]
    assert [b["request_id"] for b in bodies].count(retried) == 2
    assert next(b for b in bodies if b["request_id"] == retried) == {
        "account": "hall-demo",
        "template_id": "SMS_101",
        "phone": PHONE,
        "params": {"ticket_no": "A023", "ahead": 3},
        "sign": "【示范市政务服务中心】",
        "request_id": retried,
    }
    assert {auth for _body, auth in stub.received} == {"Bearer s3cret"}
    assert notifications.recorded(ctx) == []  # the loopback recorded nothing


def test_every_attempt_failing_ends_failed(http_server: Harness, stub: type[_Stub]) -> None:
    ctx = http_server.services.ctx
    device = http_server.enrol()
    attempts = ctx.settings.sms_max_attempts
    message_id = str(uuid.uuid4())
    stub.answers[message_id] = [(502, {})] * attempts
    device.results(turn_near(device, message_id))
    http_server.settle()
    for n in range(1, attempts):
        http_server.advance(seconds=ctx.settings.sms_retry_s * n)
        http_server.settle()
    [state] = statuses(device, message_ids=[message_id])["messages"]
    assert (state["status"], state["attempts"]) == ("failed", attempts)
    assert len(stub.received) == attempts
    http_server.advance(seconds=3600)
    http_server.settle()
    assert len(stub.received) == attempts


def test_templates_render_in_chinese(server: Harness) -> None:
    ctx = server.services.ctx
    assert render(ctx, Template.TURN_NEAR, {"ticket_no": "B007", "ahead": 1}) == (
        "【示范市政务服务中心】您的排队号B007前面还有1人，请到大厅等候叫号。"
    )
    assert isinstance(notifications.gateway_for(ctx), LoopbackGateway)
    with pytest.raises(ValueError, match="loopback or http"):
        sms_settings({"CENTRAL_SERVER_SMS_GATEWAY": "carrier-pigeon"})


def test_messages_cli_masks_phones_unless_asked(
    server: Harness,
    central_settings: ServerSettings,
    cli_args: tuple[str, ...],  # noqa: F811 - the fixture
    capsys: pytest.CaptureFixture[str],
) -> None:
    device = server.enrol()
    device.results(turn_near(device, str(uuid.uuid4())))
    code, out, _ = run(capsys, *cli_args, "messages", "--json")
    assert code == 0
    [message] = json.loads(out)["messages"]
    assert (message["phone_masked"], message["template"]) == ("139****5678", "turn_near")
    assert PHONE not in out and "phone" not in message
    code, out, _ = run(capsys, *cli_args, "messages", "--json", "--show-phone")
    assert json.loads(out)["messages"][0]["phone"] == PHONE
    code, out, _ = run(capsys, *cli_args, "messages")
    assert "139****5678  turn_near  【示范市政务服务中心】您的排队号A023" in out
