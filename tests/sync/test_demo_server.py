"""``make run`` (``clerk-app run --seed-demo --with-server``) without the GUI: the app's start
seeds the demo hall, starts the reference central server as a child process, enrols the hall;
a case goes up, an approval made with the server's CLI comes down, the demo bookings come
down for the kiosk; the server stops with the
app, and a second start reuses the enrolment. Real processes, real HTTP, both databases."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from clerk_app.db.intake_models import IntakeCase
from clerk_app.demo_cases import create_demo_cases
from clerk_app.services import Services
from clerk_app.settings import ENV_DATA, Settings
from clerk_app.storage.blobs import hall_blob_store
from clerk_app.sync import demo_server, state
from clerk_app.sync.demo_server import DEMO_BOOKINGS, DEVICE_FILE, DemoServer
from clerk_app.sync.engine import SyncEngine
from onewindow_base.db.engine import Database
from ui.flow import Workspace, open_services, prepare_workspace
from ui.sync.wiring import DEMO_SERVER_DIR


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
    finally:
        engine.close()
        server.stop()
        services.db.dispose()
    assert not server.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.url + "/v1/hello", timeout=5)
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
    finally:
        again.sync.close()
        again.demo_server.stop()
        again.db.dispose()
