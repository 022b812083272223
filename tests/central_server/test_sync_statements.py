"""The SQL a sync costs the server: statements per hello and per pull, counted on a real server.

A device syncs every 30 s, so each statement of a hello or an empty pull is paid some 67 times
a second in a province; these counts are exact so that a new round trip on the hot path is a
deliberate change here, not a creeping one. The token check, the device, the epoch and the
feed's top are one statement; SQLite adds its own ``BEGIN`` per transaction.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from tests.central_server.harness import Harness, intake

HELLO = 4  # token + device + epoch; catalogue release; calendar set; the bookings revision
PULL = 2  # token + device + epoch + feed top (the dependency); the page


@contextmanager
def counting(server: Harness) -> Iterator[list[str]]:
    """Statements the request handlers run (not the message dispatcher's thread)."""
    engine = server.services.ctx.db.engine
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread().name != "message-dispatcher":
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _transactions(server: Harness) -> int:
    """Statements SQLite adds per transaction (its explicit BEGIN); none on PostgreSQL."""
    return 1 if server.services.ctx.db.engine.dialect.name == "sqlite" else 0


def test_a_hello_and_an_empty_pull_cost_a_fixed_number_of_statements(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    begin = _transactions(server)
    assert device.results(device.op("case.accept", intake(device)))[0]["status"] == "applied"
    first = device.get("/v1/changes")
    assert first.status_code == 200 and first.json()["changes"]
    cursor = first.json()["next_cursor"]

    with counting(server) as seen:
        hello = device.get("/v1/hello")
    assert hello.status_code == 200
    assert hello.json()["last_device_seq"] == 1
    assert len(seen) == HELLO + begin, seen  # one read transaction

    with counting(server) as seen:
        empty = device.get("/v1/changes", params={"cursor": cursor})
    assert empty.status_code == 200 and empty.json()["changes"] == []
    assert len(seen) == PULL + 2 * begin, seen  # the token's transaction, the page's

    with counting(server) as seen:
        again = device.get("/v1/changes")
    assert again.json()["changes"] == first.json()["changes"]
    assert len(seen) == PULL + 2 * begin, seen  # a full page costs no more round trips


def test_a_pull_checks_the_token_before_its_parameters(server: Harness) -> None:
    """The token is checked in a dependency, as before: 401 wins over a malformed limit."""
    device = server.enrol()
    device.token = "owa_not-a-token"
    assert device.get("/v1/changes", params={"limit": 0}).status_code == 401
    device.refresh()
    assert device.get("/v1/changes", params={"limit": 0}).status_code == 422
    assert device.get("/v1/changes", params={"cursor": "x.9"}).json()["code"] == "cursor_invalid"
