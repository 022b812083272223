"""``make run`` (``clerk-app run --seed-demo --with-server``) without the GUI: the app's start
seeds the demo hall, starts the reference central server as a child process, enrols the hall;
a case goes up, an approval made with the server's CLI comes down, the demo bookings come
down for the kiosk; the server stops with the app, and a second start reuses the enrolment.

The same two starts show the province's demo services: the server lists one demo applicant on
the joint-punishment list (the counter's credit check answers ``listed`` for that number and
``clear`` for the demo e-licence holder) and the hall offers text messages from the first
start (it is enrolled before the intake is wired); it holds the demo applicants' e-licences,
found with their PDF copies (rendered by the app's printing). The second start lists nobody
and imports nothing twice. Real processes, real HTTP, both databases; one pair of starts per
database, since each start costs a seeded hall and a server process."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from clerk_app.audit.types import Actor
from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.credit.types import CreditState
from clerk_app.db.intake_models import IntakeCase
from clerk_app.demo_cases import create_demo_cases
from clerk_app.licences.demo import DEMO_COMPANY, DEMO_LICENCES, DEMO_PERSON
from clerk_app.licences.types import LookupState
from clerk_app.services import Services
from clerk_app.settings import ENV_DATA, Settings
from clerk_app.storage.blobs import hall_blob_store
from clerk_app.sync import demo_server, state
from clerk_app.sync.demo_server import (
    CREDIT_FILE,
    DEMO_BOOKINGS,
    DEMO_LISTED,
    DEMO_LISTED_REASON,
    DEVICE_FILE,
    DemoServer,
)
from clerk_app.sync.engine import SyncEngine
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from ui.flow import Workspace, open_services, prepare_workspace
from ui.sync.wiring import DEMO_SERVER_DIR

CLERK = Actor(1, "窗口1办事员")


@dataclass(frozen=True)
class App:
    services: Services
    workspace: Workspace

    @property
    def db(self) -> Database:
        return self.services.db

    @property
    def sync(self) -> SyncEngine | None:
        return self.workspace.sync

    @property
    def demo_server(self) -> DemoServer | None:
        return self.workspace.demo_server


def start_app(url: str) -> App:
    """The app's two background steps: before the sign-in dialog, then behind it."""
    services = open_services(url, Settings(), seed=True)
    try:
        return App(services, prepare_workspace(services, demo=True, with_server=True))
    except Exception:
        services.db.dispose()
        raise


def case_row(services: App, number: str) -> tuple[str, str | None]:
    with services.db.read() as s:
        case = s.scalars(select(IntakeCase).where(IntakeCase.case_number == number)).one()
        return case.state, case.certificate_number


def _catalogue_types() -> set[str]:
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            licence = node.get("e_licence")
            if isinstance(licence, dict):
                found.add(str(licence["type"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(demo_catalogue_path().read_text("utf-8")))
    return found


def test_the_demo_licences_are_of_types_the_demo_catalogue_takes() -> None:
    assert {x.type for x in DEMO_LICENCES} <= _catalogue_types()
    assert {"CN.RESIDENT_ID", "CN.BUSINESS_LICENCE"} <= {x.type for x in DEMO_LICENCES}


def _credit_and_texts_on_the_first_start(app: App) -> None:
    """Wired after the enrolment, so 短信 is offered at once; the demo listing answers."""
    assert app.workspace.intake is not None and app.demo_server is not None
    assert app.workspace.intake.notifications is not None
    credit = app.services.credit
    listed = credit.check(DEMO_LISTED[1], by=CLERK)
    assert listed.state is CreditState.LISTED
    assert [x.reason for x in listed.listings] == [DEMO_LISTED_REASON]
    clear = credit.check(DEMO_PERSON[1], by=CLERK)
    assert clear.state is CreditState.CLEAR and not clear.reused
    assert (app.demo_server.root / CREDIT_FILE).exists()
    credit.close()


def _licences_on_the_first_start(app: App) -> None:
    licences = app.services.licences
    company = licences.lookup(DEMO_COMPANY[1], "CN.BUSINESS_LICENCE", by=CLERK)
    assert company.state is LookupState.FOUND
    (licence,) = company.licences
    assert (licence.number, licence.status, licence.holder_name, licence.source) == (
        DEMO_COMPANY[1],
        "valid",
        DEMO_COMPANY[0],
        "imported",
    )
    sha = licences.fetch_copy(licence)
    assert sha is not None
    pdf = app.services.blobs.read_bytes(sha)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert DEMO_COMPANY[0] in text and DEMO_COMPANY[1] in text
    person = licences.lookup(DEMO_PERSON[1], "CN.RESIDENT_ID", by=CLERK)
    assert [(x.number, x.status) for x in person.licences] == [(DEMO_PERSON[1], "valid")]
    food = licences.lookup(DEMO_COMPANY[1], "CN.FOOD_PRODUCTION_LICENCE", by=CLERK)
    assert sorted(x.status for x in food.licences) == ["expired", "valid"]
    licences.close()


def _nothing_twice_on_the_second_start(again: App) -> None:
    """A server from before the demo listing (its marker file gone) lists the applicant once;
    the e-licences are not imported twice; texts are offered."""
    assert again.demo_server is not None and again.workspace.intake is not None
    assert again.workspace.intake.notifications is not None
    listings = json.loads(again.demo_server.admin("credit", "list", "--json"))["listings"]
    assert [x["reason"] for x in listings] == [DEMO_LISTED_REASON]
    assert again.services.credit.check(DEMO_LISTED[1], by=CLERK).state is CreditState.LISTED
    again.services.credit.close()
    listed = json.loads(again.demo_server.admin("licences", "list", "--json"))["licences"]
    # The imported ones; the case approved on the first start added its certificate.
    assert len([x for x in listed if x["source"] == "imported"]) == len(DEMO_LICENCES)


@pytest.mark.slow  # the app with its demo server
def test_run_with_server_enrols_the_demo_hall_and_closes_the_loop(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "data"))
    monkeypatch.setattr(demo_server, "PREFERRED_PORT", 0)  # never a fixed port in tests
    services = start_app(db_url)
    server, engine = services.demo_server, services.sync
    assert server is not None and engine is not None
    try:
        assert server.running
        assert server.root == tmp_path / "data" / DEMO_SERVER_DIR
        status = services.db.run_read(state.status)
        assert status.enrolled and status.server_url == server.url and status.hall_code == "CC01"
        assert (server.root / DEVICE_FILE).read_text() == status.device_id
        assert isinstance(engine.protector, PersonalDataCipher)  # the hall's, with its ring
        store = hall_blob_store(Settings(), engine.protector.ring)
        (number,) = create_demo_cases(services.db, engine.protector, store, 1).case_numbers
        report = engine.run_cycle(force=True)
        assert report.ok, report.error
        # This case and the three the demo makes to show fees and mailing.
        assert report.pushed == 4 and report.catalogue is not None  # the demo catalogue
        assert report.bookings == len(DEMO_BOOKINGS)  # for the kiosk's check-in
        cases = json.loads(server.admin("cases", "--json"))["cases"]
        assert number in [c["case_no"] for c in cases] and len(cases) == 4
        server.admin("approve", number)
        report = engine.run_cycle(force=True)
        assert report.ok and report.pulled == 1
        state_, certificate = case_row(services, number)
        assert state_ == "approved" and certificate
        _credit_and_texts_on_the_first_start(services)
        _licences_on_the_first_start(services)
    finally:
        engine.close()
        server.stop()
        services.db.dispose()
    assert not server.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.url + "/v1/hello", timeout=5)
    (server.root / CREDIT_FILE).unlink()  # a server from before the demo listing
    # The next start: the same device, the new address, no second enrolment.
    again = start_app(db_url)
    assert again.demo_server is not None and again.sync is not None
    try:
        status = again.db.run_read(state.status)
        assert status.server_url == again.demo_server.url
        assert (again.demo_server.root / DEVICE_FILE).read_text() == status.device_id
        report = again.sync.run_cycle(force=True)
        assert report.ok and report.pushed == 0
        assert report.bookings == 0  # booked once a day; nothing changed since
        _nothing_twice_on_the_second_start(again)
    finally:
        again.sync.close()
        again.demo_server.stop()
        again.db.dispose()
