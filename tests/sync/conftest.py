"""A counter (a hall database with the demo hall) and a real central server, with the fault proxy
between them. Most fault tests run both sides on SQLite; ``pg_world`` runs both on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from central_server.composition import create_services
from central_server.models import Blob, Case, Operation
from central_server.settings import ServerSettings
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.sync_models import OutboxOperation
from clerk_app.demo_cases import create_demo_cases
from clerk_app.sync import state
from clerk_app.sync.client import Credentials, Transport
from clerk_app.sync.engine import CycleReport, SyncEngine
from clerk_app.sync.enrolment import enrol
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crashpoint import EXIT_CODE
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring, ring_to_json
from onewindow_base.db.engine import Database
from tests.central_server.conftest import CentralTemplates, central_templates  # noqa: F401
from tests.central_server.harness import Harness
from tests.conftest import START
from tests.dbs import Templates, drop_pg, require_pg
from tests.sync.proxy import FaultProxy, Rule  # noqa: F401 - re-exported for the tests

CLIENT_TIMEOUT_S = 5.0


@dataclass
class World:
    kind: str
    db: Database
    cipher: PersonalDataCipher
    store: BlobStore
    clock: FixedClock
    server: Harness
    proxy: FaultProxy
    tmp: Path

    def engine(self, **kw: object) -> SyncEngine:
        def transport(url: str, credentials: Credentials) -> Transport:
            return Transport(url, credentials, timeout=CLIENT_TIMEOUT_S)

        options: dict[str, object] = {"transport": transport, "rng": random.Random(7), **kw}
        return SyncEngine(self.db, self.cipher, self.store, clock=self.clock, **options)  # type: ignore[arg-type]

    def sync(self, **kw: object) -> CycleReport:
        engine = self.engine(**kw)
        try:
            return engine.run_cycle(force=True)
        finally:
            engine.close()

    def cases(
        self, n: int, scans: int = 0, scan_bytes: int | None = None, clerk: UserInfo | None = None
    ) -> tuple[str, ...]:
        return create_demo_cases(
            self.db,
            self.cipher,
            self.store,
            n,
            clock=self.clock,
            scans_per_case=scans,
            scan_bytes=scan_bytes,
            seed=random.randrange(1 << 30),
            clerk=clerk,
        ).case_numbers

    # --- the server's side -------------------------------------------------------------
    def server_cases(self) -> dict[str, tuple[str, int]]:
        with self.server.services.ctx.db.read() as s:
            return {c.case_no: (c.status, c.version) for c in s.scalars(select(Case))}

    def server_ops(self) -> int:
        with self.server.services.ctx.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(Operation)) or 0)

    def server_blobs(self) -> dict[str, int]:
        with self.server.services.ctx.db.read() as s:
            return {b.sha256: b.size for b in s.scalars(select(Blob))}

    def server_blob_bytes(self, sha256: str) -> bytes:
        return self.server.services.ctx.blobs.read_bytes(sha256)

    def approve(self, case_no: str) -> httpx.Response:
        reply = self.server.approver().post(
            f"/v1/backoffice/cases/{case_no}/approve", json={"approver": "approver1"}
        )
        assert reply.status_code == 200, reply.text
        return reply

    # --- the counter's side ------------------------------------------------------------
    def sync_audit(self) -> list[tuple[str, str, str | None, str | None, dict[str, object]]]:
        """The counter's audit records of sync: (action, outcome, actor, case, detail)."""
        return [
            (e.action, e.outcome, e.actor, e.target, json.loads(e.detail))
            for e in AuditService(self.db).entries(0, 2**62)
            if e.action.startswith("sync.")
        ]

    def audit_intact(self) -> bool:
        return AuditService(self.db).verify().intact

    def outbox(self) -> Counter[str]:
        with self.db.read() as s:
            return Counter(s.scalars(select(OutboxOperation.state)))

    def local_cases(self) -> dict[str, tuple[str, int, str | None]]:
        with self.db.read() as s:
            return {
                c.case_number: (c.state, c.server_version, c.certificate_number)
                for c in s.scalars(select(IntakeCase))
            }

    def child(
        self, crashpoint: str | None, *, chunk_bytes: int = 64 << 10, task: str = "sync"
    ) -> int:
        """One sync cycle (or ``task``, see ``tests.sync.child``) in a child process, killed
        (``os._exit``) at ``crashpoint``."""
        env = {**os.environ, "ONEWINDOW_CRASHPOINT": crashpoint or ""}
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.sync.child",
                self.db.url,
                str(self.tmp / "ring.json"),
                str(self.store.root),
                str(chunk_bytes),
                task,
            ],
            env=env,
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert done.returncode in (0, EXIT_CODE), done.stderr.decode()
        return done.returncode

    def cursor(self) -> str | None:
        return self.db.run_read(state.status).cursor


def _publish_demo_catalogue(harness: Harness) -> None:
    harness.publish(json.loads(demo_catalogue_path().read_text(encoding="utf-8")))


def _enrolled(
    kind: str,
    db: Database,
    cipher: PersonalDataCipher,
    store: BlobStore,
    clock: FixedClock,
    harness: Harness,
    proxy: FaultProxy,
    tmp_path: Path,
) -> Iterator[World]:
    _publish_demo_catalogue(harness)
    code = harness.enrolment_code("CC01")
    enrol(db, cipher, proxy.url, code, device_name="window 3", window_code="W03")
    yield World(kind, db, cipher, store, clock, harness, proxy, tmp_path)


def build_world(
    kind: str,
    templates: Templates,
    central: CentralTemplates,
    tmp_path: Path,
) -> Iterator[World]:
    if kind == "postgresql":
        require_pg()
    client_url = templates.copy(kind, True, tmp_path)
    db = Database(client_url)
    clock = FixedClock(START)
    ring = new_ring(Algorithm.SM4_GCM, clock.now_ms())
    cipher = PersonalDataCipher(ring)
    (tmp_path / "ring.json").write_text(ring_to_json(ring), encoding="utf-8")
    store = BlobStore(tmp_path / "counter-blobs", ring)
    settings = ServerSettings(
        db_url=central.fresh(kind, tmp_path), data_dir=tmp_path / "central-data"
    )
    server_clock = FixedClock(START)
    services = create_services(settings, server_clock)
    try:
        with Harness.running(services, server_clock) as harness:
            host, port = harness.base_url.removeprefix("http://").split(":")
            with FaultProxy(host, int(port)) as proxy:
                yield from _enrolled(kind, db, cipher, store, clock, harness, proxy, tmp_path)
    finally:
        services.ctx.db.dispose()
        db.dispose()
        if kind == "postgresql":
            drop_pg(client_url)


@pytest.fixture
def world(
    templates: Templates,
    central_templates: CentralTemplates,  # noqa: F811
    tmp_path: Path,
) -> Iterator[World]:
    """Both sides on SQLite."""
    yield from build_world("sqlite", templates, central_templates, tmp_path)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_world(
    request: pytest.FixtureRequest,
    templates: Templates,
    central_templates: CentralTemplates,  # noqa: F811
    tmp_path: Path,
) -> Iterator[World]:
    """Both sides on SQLite, then both on PostgreSQL."""
    yield from build_world(str(request.param), templates, central_templates, tmp_path)
