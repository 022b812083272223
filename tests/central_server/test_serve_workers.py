"""``central-server serve --workers 2`` as a province runs it: two worker processes on one
PostgreSQL database and one data directory. Both serve; a worker SIGKILLed in the middle of a
counter's push loses nothing and doubles nothing (the client's retry lands on a worker, the
case exists once); the supervisor replaces the dead worker; SIGTERM stops all gracefully.
Real processes, real protocol client."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench.province import HOLDING
from central_server import cli
from central_server.composition import create_services
from central_server.models import Case, Operation
from central_server.services import auth, catalogue
from central_server.settings import ServerSettings
from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.db.sync_models import OutboxOperation
from clerk_app.demo_cases import create_demo_cases
from clerk_app.sync.client import Credentials, Transport
from clerk_app.sync.engine import CycleReport, SyncEngine
from clerk_app.sync.enrolment import enrol
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import SystemClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from tests.central_server.served import ACCESS_LINE, serve
from tests.dbs import Templates, drop_pg, new_pg_database

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir(), reason="reads the process tree from Linux's /proc"
)

SLOW_MS = 1500  # each push holds its transaction this long: the kill lands inside it
CLIENT_TIMEOUT_S = 30.0


@pytest.fixture
def central_url() -> Iterator[str]:
    url = new_pg_database()
    try:
        yield url
    finally:
        drop_pg(url)


def test_more_workers_than_one_need_postgresql(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    argv = ["--db", url, "--data-dir", str(tmp_path), "serve", "--workers", "2", "--port", "0"]
    assert cli.main(argv) == cli.EXIT_REFUSED
    assert "--workers needs PostgreSQL" in capsys.readouterr().err


def _counter(
    templates: Templates, tmp_path: Path
) -> tuple[Database, PersonalDataCipher, BlobStore]:
    db = Database(templates.copy("sqlite", True, tmp_path))
    ring = new_ring(Algorithm.SM4_GCM, SystemClock().now_ms())
    return db, PersonalDataCipher(ring), BlobStore(tmp_path / "counter-blobs", ring)


def _engine(db: Database, cipher: PersonalDataCipher, store: BlobStore) -> SyncEngine:
    def transport(url: str, credentials: Credentials) -> Transport:
        return Transport(url, credentials, timeout=CLIENT_TIMEOUT_S)

    return SyncEngine(db, cipher, store, transport=transport, rng=random.Random(7))


def _cycle(db: Database, cipher: PersonalDataCipher, store: BlobStore) -> CycleReport:
    engine = _engine(db, cipher, store)
    try:
        return engine.run_cycle(force=True)
    finally:
        engine.close()


@pytest.mark.slow
@pytest.mark.allow_log_warnings  # the counter logs the push the kill cut off
def test_a_worker_killed_mid_push_loses_and_doubles_nothing(
    central_url: str, templates: Templates, tmp_path: Path
) -> None:
    data = tmp_path / "central-data"
    settings = ServerSettings(db_url=central_url, data_dir=data)
    services = create_services(settings)  # the operator's commands, before the server starts
    try:
        catalogue.publish(services.ctx, json.loads(demo_catalogue_path().read_text("utf-8")))
        code = auth.create_enrolment_code(services.ctx, "CC01").code
    finally:
        services.ctx.db.dispose()
    db, cipher, store = _counter(templates, tmp_path)
    with serve(central_url, data, "--slow-ms", str(SLOW_MS), "--access-log") as server:
        server.wait_started(2)
        workers = set(server.worker_pids())
        assert len(workers) == 2
        assert server.health_pids(2) == workers  # both answer requests
        server.wait_for(  # --access-log: each request is logged
            "an access log line", lambda lines: any(ACCESS_LINE in line for line in lines), 30
        )

        enrol(db, cipher, server.base_url, code, device_name="window 3", window_code="W03")
        [case_no] = create_demo_cases(
            db, cipher, store, 1, clock=SystemClock(), scans_per_case=1, scan_bytes=20_000
        ).case_numbers

        first: list[CycleReport] = []
        pushing = threading.Thread(target=lambda: first.append(_cycle(db, cipher, store)))
        pushing.start()
        match = server.wait_for(
            "a push inside its transaction",
            lambda lines: next((m for line in lines if (m := HOLDING.search(line))), None),
            60,
        )
        assert isinstance(match, re.Match)
        victim = int(match.group(1))
        assert victim in workers
        os.kill(victim, signal.SIGKILL)
        died = f"Child process [{victim}] died"
        pushing.join(120)
        assert not pushing.is_alive()
        assert first and not first[0].ok  # the reply never came

        retry = _cycle(db, cipher, store)  # the counter's next cycle, on the other worker
        assert retry.ok, retry.error
        assert victim not in server.health_pids(1)
        server.wait_for(  # and the supervisor starts a worker in its place
            "the dead worker noticed", lambda lines: any(died in line for line in lines), 60
        )

        with db.read() as s:
            states = list(s.scalars(select(OutboxOperation.state)))
        assert states and all(state == "acked" for state in states), states
        check = create_services(settings)
        try:
            with check.ctx.db.read() as s:
                cases = list(s.scalars(select(Case.case_no).where(Case.case_no == case_no)))
                ops = int(s.scalar(select(func.count()).select_from(Operation)) or 0)
        finally:
            check.ctx.db.dispose()
        assert cases == [case_no]  # once, not twice
        assert ops == len(states)  # each operation applied once
        assert server.stop() == 0  # SIGTERM: the workers finish and the supervisor exits 0
        assert any("Stopping parent process" in line for line in server.log)
    db.dispose()
