"""The server's message dispatcher: a retry goes out when it falls due with no request to
trigger it, two dispatchers racing over one database send each message once, a message claimed
by a dispatcher that died is sent after its lease, and ``central-server dispatch-messages``
sends what is due once."""

from __future__ import annotations

import dataclasses
import json
import threading
import uuid
from collections.abc import Mapping
from typing import Any

import pytest
from sqlalchemy import select

from central_server.composition import create_services
from central_server.context import ServerContext
from central_server.models import Message, MessageEvent
from central_server.services import message_dispatch, notifications
from central_server.services.notifications import PHONE, Sent
from central_server.settings import ServerSettings
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from onewindow_protocol.wire.notifications import Template
from tests.central_server.harness import Harness
from tests.central_server.test_backoffice_cli import cli_args, run  # noqa: F401 - fixture
from tests.central_server.test_notifications import (  # noqa: F401 - fixtures
    _Stub,
    http_server,
    stub,
    turn_near,
    wait_received,
)
from tests.conftest import START


class Recording:
    """A gateway that takes every message; with a barrier, its first send waits for the other
    dispatcher's first send (both hold a claim at once)."""

    def __init__(self, barrier: threading.Barrier | None = None) -> None:
        self.sent: list[str] = []
        self.barrier = barrier

    def send(
        self, message_id: str, _phone: str, _template: Template, _params: Mapping[str, Any]
    ) -> Sent:
        if self.barrier is not None:
            self.barrier.wait(timeout=30)
            self.barrier = None
        self.sent.append(message_id)
        return Sent(gateway_id=f"G-{message_id[:8]}")


def queue(ctx: ServerContext, count: int) -> list[str]:
    cipher = PersonalDataCipher(ctx.blobs.ring)
    ids = [str(uuid.uuid4()) for _ in range(count)]

    def work(session: Any) -> None:
        for n, message_id in enumerate(ids):
            notifications.queue_message(
                session,
                message_id=message_id,
                hall_code="CC01",
                template=Template.TURN_NEAR,
                params={"ticket_no": f"A{n:03d}", "ahead": 2},
                phone_enc=cipher.encrypt("13912345678", context=PHONE),
                phone_masked="139****5678",
                now=ctx.now_ms(),
                ticket_no=f"A{n:03d}",
            )

    ctx.db.run_write(work)
    return ids


def messages(ctx: ServerContext) -> dict[str, tuple[str, int, str | None]]:
    with ctx.db.read() as session:
        return {
            m.id: (m.status, m.attempts, m.gateway_id) for m in session.scalars(select(Message))
        }


def sent_events(ctx: ServerContext) -> list[str]:
    with ctx.db.read() as session:
        return list(
            session.scalars(select(MessageEvent.message_id).where(MessageEvent.status == "sent"))
        )


def test_a_retry_goes_out_when_due_with_no_request(
    http_server: Harness,  # noqa: F811 - the fixture
    stub: type[_Stub],  # noqa: F811 - the fixture
) -> None:
    ctx = http_server.services.ctx
    device = http_server.enrol()
    message_id = str(uuid.uuid4())
    stub.answers[message_id] = [(503, {}), (200, {"id": "P-9"})]
    device.results(turn_near(device, message_id))  # queues; the dispatcher sends at once
    wait_received(stub, 1)
    http_server.settle()
    assert messages(ctx)[message_id][:2] == ("queued", 1)
    http_server.advance(seconds=ctx.settings.sms_retry_s)  # time passes; nobody asks
    wait_received(stub, 2)
    http_server.settle()
    assert messages(ctx)[message_id] == ("sent", 2, "P-9")


@pytest.fixture
def two_contexts(central_settings: ServerSettings) -> Any:
    """Two dispatchers' contexts over one database, as two server processes have."""
    services = create_services(central_settings, FixedClock(START))
    first = services.ctx
    second = dataclasses.replace(first, db=Database(central_settings.db_url))
    yield first, second
    second.db.dispose()
    first.db.dispose()


def test_two_dispatchers_racing_send_each_message_once(two_contexts: Any) -> None:
    first, second = two_contexts
    ids = queue(first, 20)
    barrier = threading.Barrier(2)
    gateways = [Recording(barrier), Recording(barrier)]
    threads = [
        threading.Thread(target=message_dispatch.dispatch, args=(ctx, gw))
        for ctx, gw in zip((first, second), gateways, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert all(gw.sent for gw in gateways)  # both sent some, claiming side by side
    assert sorted(gateways[0].sent + gateways[1].sent) == sorted(ids)
    assert {state[:2] for state in messages(first).values()} == {("sent", 1)}
    assert sorted(sent_events(first)) == sorted(ids)


def test_a_dead_dispatchers_claim_is_sent_after_the_lease(two_contexts: Any) -> None:
    ctx, _ = two_contexts
    [message_id] = queue(ctx, 1)
    dead = message_dispatch.claim(ctx)  # claimed, and its process killed before sending
    assert dead is not None and dead.id == message_id
    gateway = Recording()
    assert message_dispatch.dispatch(ctx, gateway) == 0  # still leased
    ctx.clock.advance(seconds=ctx.settings.sms_lease_s)
    assert message_dispatch.dispatch(ctx, gateway) == 1
    assert gateway.sent == [message_id]
    # The dead one's answer, had it come back late, changes nothing.
    assert not message_dispatch.record(ctx, dead, Sent(gateway_id="LATE"))
    assert messages(ctx)[message_id] == ("sent", 1, f"G-{message_id[:8]}")


def test_dispatch_messages_command_sends_what_is_due_once(
    central_settings: ServerSettings,
    cli_args: tuple[str, ...],  # noqa: F811 - the fixture
    capsys: pytest.CaptureFixture[str],
) -> None:
    services = create_services(central_settings)
    try:
        [message_id] = queue(services.ctx, 1)
    finally:
        services.ctx.db.dispose()
    code, out, _ = run(capsys, *cli_args, "dispatch-messages", "--json")
    assert (code, json.loads(out)) == (0, {"sent": 1})
    code, out, _ = run(capsys, *cli_args, "dispatch-messages")
    assert (code, out.strip()) == (0, "0 message(s) sent")
    services = create_services(central_settings)
    try:
        [recorded] = notifications.recorded(services.ctx)
        assert recorded.message_id == uuid.UUID(message_id)
    finally:
        services.ctx.db.dispose()
