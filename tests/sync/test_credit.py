"""信用核查 against the real reference server over HTTP (through the fault proxy): clear, listed,
and unknown with its reason when the server is down, too slow or answers nonsense; the counter
keeps deciding meanwhile and loses nothing (the cases reach the server once it is back)."""

from __future__ import annotations

import datetime as dt
import json
import socket
from collections.abc import Iterator

import pytest

from central_server.services import credit as central_credit
from clerk_app.accounts.auth import AuthService
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.credit.service import CreditService, override_unknown_credit
from clerk_app.credit.types import CreditState, UnknownReason
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import ApplicantInput, ApplicantKind, CaseDraft, IdType
from clerk_app.sync.client import Credentials, Transport
from onewindow_protocol.wire.credit import CreditListingIn
from tests.sync.conftest import CLIENT_TIMEOUT_S, World
from tests.sync.proxy import Rule

LISTED_ID = "11010519491231002X"
CLEAR_ID = "440524188001010014"
CREDIT_CODE = "91350100M000100Y43"
PERMANENT_RESIDENT = "931156199001010049"  # 2023 外国人永久居留身份证, issued in Beijing (11)
LOOKUP = "/v1/credit/lookup"
CLERK = Actor(3, "窗口三")
SLOW_TIMEOUT_S = 0.5  # the check's own timeout where the proxy holds the request


def _dead_url() -> str:
    """A loopback address nobody listens on: the server is down."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class Switch:
    """Where the credit service's requests go: the proxy, or nowhere (down)."""

    def __init__(self) -> None:
        self.down: str | None = None
        self.timeout_s = CLIENT_TIMEOUT_S

    def transport(self, url: str, credentials: Credentials, _timeout_s: float) -> Transport:
        return Transport(self.down or url, credentials, timeout=self.timeout_s)


@pytest.fixture
def switch() -> Switch:
    return Switch()


@pytest.fixture
def service(any_world: World, switch: Switch) -> Iterator[CreditService]:
    yield from _service(any_world, switch)


@pytest.fixture
def sqlite_service(world: World, switch: Switch) -> Iterator[CreditService]:
    yield from _service(world, switch)


def _service(w: World, switch: Switch) -> Iterator[CreditService]:
    found = CreditService(
        w.db,
        w.cipher,
        AuditService(w.db, w.clock),
        clock=w.clock,
        timeout_s=CLIENT_TIMEOUT_S,
        transport=switch.transport,
    )
    yield found
    found.close()


def _list(w: World, identifier: str, reason: str = "失信被执行人") -> None:
    central_credit.add(
        w.server.services.ctx,
        CreditListingIn(
            identifier=identifier,
            reason=reason,
            measure="不适用容缺受理和告知承诺制",
            source="最高人民法院失信被执行人名单",
            listed_since=dt.date(2026, 1, 1),
            added_by="approver1",
        ),
    )


def _credit_audit(w: World) -> list[dict[str, object]]:
    return [
        json.loads(e.detail)
        for e in AuditService(w.db).entries(0, 2**62)
        if e.action == "credit.check"
    ]


def test_clear_and_listed_from_the_real_server(any_world: World, service: CreditService) -> None:
    w = any_world
    _list(w, LISTED_ID)
    _list(w, CREDIT_CODE, "重大税收违法失信主体")
    listed = service.check(LISTED_ID.lower(), by=CLERK)
    assert listed.state is CreditState.LISTED and listed.unknown_reason is None
    assert [x.reason for x in listed.listings] == ["失信被执行人"]
    assert listed.listings[0].source == "最高人民法院失信被执行人名单"
    assert listed.server_as_of_ms == w.server.services.ctx.now_ms()
    company = service.check(CREDIT_CODE, by=CLERK)
    assert company.state is CreditState.LISTED
    assert company.listings[0].reason == "重大税收违法失信主体"
    _list(w, PERMANENT_RESIDENT)  # the server takes the 2023 permanent-residence number
    foreigner = service.check(PERMANENT_RESIDENT, by=CLERK)
    assert foreigner.state is CreditState.LISTED
    assert foreigner.identifier_masked == "931156********0049"
    clear = service.check(CLEAR_ID, by=CLERK)
    assert clear.state is CreditState.CLEAR and clear.listings == ()
    # Audited with the identifier masked, never in clear.
    trail = _credit_audit(w)
    assert [t["status"] for t in trail] == ["listed", "listed", "listed", "clear"]
    assert trail[0]["identifier"] == "110105********002X"
    assert LISTED_ID not in json.dumps(trail) and CLEAR_ID not in json.dumps(trail)


def test_a_removed_or_expired_listing_is_clear(world: World, sqlite_service: CreditService) -> None:
    w = world
    _list(w, LISTED_ID)
    central_credit.remove(w.server.services.ctx, LISTED_ID, "approver1")
    assert sqlite_service.check(LISTED_ID, by=CLERK).state is CreditState.CLEAR


def test_a_fresh_answer_is_reused_and_unknown_never_is(
    world: World, sqlite_service: CreditService, switch: Switch
) -> None:
    w = world
    _list(w, LISTED_ID)
    first = sqlite_service.check(LISTED_ID, by=CLERK)
    switch.down = _dead_url()
    sqlite_service.close()  # its kept connection goes with the server
    again = sqlite_service.check(LISTED_ID, by=CLERK)
    assert (again.state, again.reused) == (CreditState.LISTED, True)
    w.clock.advance(minutes=6)  # older than FRESH_S: asked again, and the server is down
    stale = sqlite_service.check(LISTED_ID, by=CLERK)
    assert (stale.state, stale.unknown_reason) == (CreditState.UNKNOWN, UnknownReason.OFFLINE)
    switch.down = None
    assert sqlite_service.check(LISTED_ID, by=CLERK).reused is False
    assert first.reused is False


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ("down", UnknownReason.OFFLINE),
        ("slow", UnknownReason.TIMEOUT),
        ("html", UnknownReason.INVALID_REPLY),
        ("truncate_json", UnknownReason.INVALID_REPLY),
        ("status", UnknownReason.OFFLINE),
    ],
)
def test_a_fault_gives_unknown_with_its_reason_and_the_next_check_asks_again(
    world: World, sqlite_service: CreditService, switch: Switch, fault: str, reason: UnknownReason
) -> None:
    w = world
    _list(w, LISTED_ID)
    if fault == "down":
        switch.down = _dead_url()
    elif fault == "slow":
        switch.timeout_s = SLOW_TIMEOUT_S
        w.proxy.add(Rule("hold", "POST", LOOKUP))
    else:
        w.proxy.add(Rule(fault, "POST", LOOKUP, status=503))
    found = sqlite_service.check(LISTED_ID, by=CLERK)
    assert (found.state, found.unknown_reason) == (CreditState.UNKNOWN, reason)
    assert found.identifier_masked == "110105********002X"
    w.proxy.release()
    switch.down, switch.timeout_s = None, CLIENT_TIMEOUT_S
    w.proxy.clear()
    assert sqlite_service.check(LISTED_ID, by=CLERK).state is CreditState.LISTED
    assert [t["status"] for t in _credit_audit(w)] == ["unknown", "listed"]
    assert _credit_audit(w)[0]["unknown_reason"] == reason.value


def test_a_counter_not_enrolled_says_so(world: World, switch: Switch) -> None:
    from clerk_app.sync import state  # noqa: PLC0415

    def forget(session: object) -> None:
        state.load(session, for_update=True).server_url = None  # type: ignore[arg-type]

    world.db.run_write(forget)
    found = next(_service(world, switch)).check(LISTED_ID, by=CLERK)
    assert (found.state, found.unknown_reason) == (CreditState.UNKNOWN, UnknownReason.NOT_ENROLLED)


def test_the_counter_keeps_working_offline_and_loses_nothing(
    any_world: World, service: CreditService, switch: Switch
) -> None:
    """Server down: the check says unknown, a plain acceptance and a supervisor-overridden
    deferral are saved; once the server is back, both cases reach it."""
    w = any_world
    _list(w, LISTED_ID)
    switch.down = _dead_url()
    unknown = service.check(CLEAR_ID, by=CLERK)
    assert unknown.unknown_reason is UnknownReason.OFFLINE
    intake = IntakeService(
        w.db,
        CatalogueService(w.db),
        w.cipher,
        hall_code="CC01",
        calendar=shipped_calendar(),
        clock=w.clock,
        scans_required=False,  # no scans: what is pushed is the cases themselves
    )
    clerk = AuthService(w.db).authenticate("clerk3", "clerk3-demo")
    supervisor = AuthService(w.db).authenticate("supervisor", "supervisor-demo")
    got = MaterialRecord(received=True, original_checked=True, copies=1)
    applicant = ApplicantInput(ApplicantKind.PERSON, "李四", IdType.RESIDENT_ID, CLEAR_ID)
    deferred = MaterialRecord(deferred=True, supply_by=intake.today() + dt.timedelta(days=1))
    records = {"M01": got, "M02": got, "M03": deferred, "M04": got}
    draft = CaseDraft(applicant, "22010001001700000017", "01", records, credit=unknown)
    assert not intake.assess(draft).option(Decision.DEFERRAL).allowed
    override = override_unknown_credit(
        unknown,
        supervisor_id=supervisor.user_id,
        supervisor_name=supervisor.display_name,
        reason="专网中断",
        at_ms=w.clock.now_ms(),
    )
    from dataclasses import replace  # noqa: PLC0415

    deferral = intake.decide(
        replace(draft, credit_override=override), Decision.DEFERRAL, clerk, window=3
    )
    complete = replace(draft, records={**records, "M03": got})
    accepted = intake.decide(complete, Decision.ACCEPT, clerk, window=3)
    switch.down = None
    report = w.sync()
    assert report.ok and report.pending == 0, report
    assert {deferral.case_number, accepted.case_number} <= set(w.server_cases())
    assert service.check(LISTED_ID, by=CLERK).state is CreditState.LISTED
