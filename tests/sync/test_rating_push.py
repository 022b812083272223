"""好差评 upward against the real reference server over HTTP (through the fault proxy): a bad
rating goes up with its reasons, words, item, department and follow-up deadline as
``rating.submit`` version 2; with the server down, too slow or answering nonsense the rating is
kept in the outbox and the pad goes on; once the server answers it arrives exactly once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import socket

import pytest
from sqlalchemy import select

from central_server.models import Operation, Rating, RatingReason
from central_server.services import ratings as central_ratings
from clerk_app.accounts.auth import AuthService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.queue.service import QueueService
from clerk_app.ratings.service import RatingService
from clerk_app.ratings.types import Indicator, RatingInput, RatingResult
from clerk_app.sync.client import Credentials, Transport
from onewindow_protocol.wire.ops import BadReason
from onewindow_protocol.wire.ratings import GroupBy
from tests.results.conftest import ITEM, draft
from tests.results.test_ratings import served
from tests.sync.conftest import World
from tests.sync.proxy import Rule

OPS = "/v1/operations"
BAD = dict.fromkeys(Indicator, 4) | {Indicator.ATTITUDE: 1}
REASONS = frozenset({BadReason.ATTITUDE, BadReason.LONG_WAIT})


def _dead_url() -> str:
    """A loopback address nobody listens on: the server is down."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _rated(w: World, levels: dict[Indicator, int], **kw: object) -> RatingResult:
    """A service at window 3 whose case was accepted, then rated on the pad."""
    auth = AuthService(w.db)
    clerk = auth.authenticate("clerk3", "clerk3-demo")
    pad = auth.authenticate("clerk1", "clerk1-demo")  # the rating device's account
    calendar = shipped_calendar()
    ticket = served(QueueService(w.db, clock=w.clock), clerk)
    intake = IntakeService(
        w.db, CatalogueService(w.db), w.cipher, hall_code="CC01", calendar=calendar,
        clock=w.clock, scans_required=False,
    )  # fmt: skip
    intake.decide(dataclasses.replace(draft(ticket_id=ticket), pages=()), Decision.ACCEPT, clerk, 3)
    ratings = RatingService(w.db, w.cipher, hall_code="CC01", calendar=calendar, clock=w.clock)
    return ratings.submit(RatingInput(ticket, levels, **kw), pad)  # type: ignore[arg-type]


def _server_ratings(w: World) -> list[Rating]:
    with w.server.services.ctx.db.read() as s:
        return list(s.scalars(select(Rating)))


def _server_reasons(w: World) -> list[str]:
    with w.server.services.ctx.db.read() as s:
        return sorted(s.scalars(select(RatingReason.reason)))


def test_a_bad_rating_reaches_the_server_with_its_reasons(any_world: World) -> None:
    w = any_world
    rated = _rated(w, BAD, reasons=REASONS, reason_text="等了两个小时，电话13812345678")
    report = w.sync()
    assert report.ok and report.pushed == 2, report.error  # the case, then the rating
    [stored] = _server_ratings(w)
    assert stored.id == rated.rating_uuid
    assert (stored.level, stored.worst, stored.item_code) == (4, 1, ITEM)
    assert stored.department  # the item's department, from the counter's catalogue
    assert stored.reason_text == "等了两个小时，电话138****5678"  # cleaned, the phone masked
    assert stored.follow_up_due == rated.follow_up_due == dt.date(2026, 12, 1)
    assert _server_reasons(w) == ["attitude", "long_wait"]
    with w.server.services.ctx.db.read() as s:
        versions = s.execute(select(Operation.kind, Operation.payload_hash)).all()
    assert [k for k, _ in versions] == ["case.accept", "rating.submit"]
    summary = central_ratings.summary(
        w.server.services.ctx, dt.date(2026, 11, 24), dt.date(2026, 11, 24), GroupBy.DEPARTMENT
    )
    [group] = summary.groups
    assert (group.key, group.ratings, group.bad) == (stored.department, 1, 1)
    assert [r.reason for r in group.top_reasons] == [BadReason.LONG_WAIT, BadReason.ATTITUDE]


@pytest.mark.parametrize("fault", ["down", "slow", "html", "truncate_json", "status"])
def test_a_fault_keeps_the_rating_queued_and_it_arrives_once(world: World, fault: str) -> None:
    w = world
    transport: dict[str, object] = {}
    if fault == "down":
        dead = _dead_url()

        def nowhere(_url: str, credentials: Credentials) -> Transport:
            return Transport(dead, credentials, timeout=2.0)

        transport = {"transport": nowhere}
    elif fault == "slow":
        w.proxy.add(Rule("hold", "POST", OPS))

        def impatient(url: str, credentials: Credentials) -> Transport:
            return Transport(url, credentials, timeout=0.5)

        transport = {"transport": impatient}
    else:
        w.proxy.add(Rule(fault, "POST", OPS, status=503))
    rated = _rated(w, BAD, reasons=REASONS)
    failed = w.sync(**transport)
    assert not failed.ok and failed.pending == 2, failed  # the case and the rating, kept
    # The pad goes on meanwhile: the next service is rated offline too.
    good = _rated(w, dict.fromkeys(Indicator, 5))
    assert w.outbox() == {"pending": 4}
    w.proxy.release()
    if fault == "slow":
        w.proxy.wait_answered("POST", OPS, 1)  # the held first attempt reached the server
    w.proxy.clear()
    report = w.sync()
    assert report.ok and report.pending == 0, report.error
    assert w.sync().pushed == 0  # nothing left to send twice
    stored = {r.id: r for r in _server_ratings(w)}
    assert sorted(stored) == sorted([rated.rating_uuid, good.rating_uuid])
    assert _server_reasons(w) == ["attitude", "long_wait"]  # once each, not doubled
    assert w.outbox() == {"acked": 4}
