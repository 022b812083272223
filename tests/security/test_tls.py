"""Transport security: the reference server over HTTPS on loopback with a hall CA's certificate.

Proves on both databases: the hall CA pinned in ``[sync] ca_file`` enrols and syncs (command
line and engine); the system's default trust refuses the hall's certificate with the coded
error ``tls_untrusted`` and changes nothing; a certificate from another CA is refused even with
the hall CA pinned; plain http to a host other than this machine is refused before a byte is
sent; the device's refresh credential is stored encrypted; access tokens live 15 minutes and
the client fetches a new one by itself.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from central_server.composition import create_services
from central_server.models import AccessToken
from central_server.settings import ServerSettings
from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.cli.main import main
from clerk_app.db.sync_models import SyncState
from clerk_app.demo_cases import create_demo_cases
from clerk_app.sync import state, tls
from clerk_app.sync.client import Credentials, SyncError, Transport
from clerk_app.sync.engine import SyncEngine
from clerk_app.sync.enrolment import enrol
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring, ring_to_json
from onewindow_base.db.engine import Database
from tests.central_server.conftest import CentralTemplates, central_templates  # noqa: F401
from tests.central_server.harness import Harness
from tests.conftest import START
from tests.dbs import Templates, drop_pg, require_pg
from tests.security.certs import Authority, authority, server_files


@dataclass
class Counter:
    kind: str
    db: Database
    cipher: PersonalDataCipher
    store: BlobStore
    clock: FixedClock
    tmp: Path
    hall_ca: Authority
    central: CentralTemplates

    @contextmanager
    def server(self, ca: Authority) -> Iterator[Harness]:
        """The reference server over HTTPS with a certificate for 127.0.0.1 from ``ca``."""
        folder = Path(tempfile.mkdtemp(prefix=f"central-{ca.name}-", dir=self.tmp))
        settings = ServerSettings(
            db_url=self.central.fresh(self.kind, folder), data_dir=folder / "data"
        )
        clock = FixedClock(START)
        services = create_services(settings, clock)
        try:
            with Harness.running(services, clock, tls=server_files(ca, folder)) as harness:
                harness.publish(json.loads(demo_catalogue_path().read_text(encoding="utf-8")))
                yield harness
        finally:
            services.ctx.db.dispose()

    def engine(self, ca_file: Path | None) -> SyncEngine:
        def transport(url: str, credentials: Credentials) -> Transport:
            return Transport(url, credentials, ca_file=ca_file, timeout=10)

        return SyncEngine(
            self.db, self.cipher, self.store, clock=self.clock, transport=transport,
            rng=random.Random(1),
        )  # fmt: skip

    def sync_state(self) -> tuple[str | None, str | None]:
        with self.db.read() as session:
            row = session.get(SyncState, state.STATE_ROW)
            return (row.server_url, row.refresh_enc) if row else (None, None)


@pytest.fixture(params=["sqlite", "postgresql"])
def counter(
    request: pytest.FixtureRequest,
    templates: Templates,
    central_templates: CentralTemplates,  # noqa: F811
    tmp_path: Path,
) -> Iterator[Counter]:
    kind = str(request.param)
    if kind == "postgresql":
        require_pg()
    url = templates.copy(kind, True, tmp_path)
    db = Database(url)
    clock = FixedClock(START)
    ring = new_ring(Algorithm.SM4_GCM, clock.now_ms())
    (tmp_path / "ring.json").write_text(ring_to_json(ring), encoding="utf-8")
    try:
        yield Counter(
            kind, db, PersonalDataCipher(ring), BlobStore(tmp_path / "blobs", ring), clock,
            tmp_path,
            authority("hall"), central_templates,
        )  # fmt: skip
    finally:
        db.dispose()
        if kind == "postgresql":
            drop_pg(url)


def test_the_pinned_hall_ca_enrols_and_syncs_over_https(counter: Counter) -> None:
    ca_file = counter.hall_ca.pem_file(counter.tmp)
    with counter.server(counter.hall_ca) as server:
        assert server.base_url.startswith("https://127.0.0.1:")
        done = enrol(
            counter.db, counter.cipher, server.base_url, server.enrolment_code("CC01"),
            device_name="window 3", window_code="W03", ca_file=ca_file,
        )  # fmt: skip
        assert done.server_url == server.base_url
        made = create_demo_cases(
            counter.db, counter.cipher, counter.store, 1, clock=counter.clock, scans_per_case=0
        )
        engine = counter.engine(ca_file)
        try:
            report = engine.run_cycle(force=True)
            assert report.ok and report.pushed == 1 and report.pending == 0, report
            # Tokens are short-lived: 15 minutes, and the client gets a new one by itself.
            assert server.services.ctx.settings.access_token_ttl_s == 15 * 60
            issued = _tokens(server)
            server.advance(minutes=16)
            counter.clock.advance(minutes=16)
            again = engine.run_cycle(force=True)
            assert again.ok, again
            assert _tokens(server) == issued + 1  # the old token was refused, a new one issued
        finally:
            engine.close()
        assert made.case_numbers[0] in _server_cases(server)
    # The refresh credential is a secret: stored encrypted, never as issued.
    _, refresh_enc = counter.sync_state()
    assert refresh_enc is not None
    secret = counter.db.run_read(lambda s: state.refresh_credential(state.load(s), counter.cipher))
    assert secret and secret not in refresh_enc


def _tokens(server: Harness) -> int:
    with server.services.ctx.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(AccessToken)) or 0)


def _server_cases(server: Harness) -> list[str]:
    from central_server.models import Case  # noqa: PLC0415 - only this helper needs it

    with server.services.ctx.db.read() as session:
        return list(session.scalars(select(Case.case_no)))


def test_the_system_trust_refuses_the_hall_certificate_with_a_coded_error(
    counter: Counter,
) -> None:
    with counter.server(counter.hall_ca) as server:
        before = counter.sync_state()
        with pytest.raises(SyncError) as refused:
            enrol(
                counter.db, counter.cipher, server.base_url, server.enrolment_code("CC01"),
                device_name="window 3",
            )  # fmt: skip
        assert refused.value.code == tls.TLS_UNTRUSTED
        assert "not trusted" in str(refused.value) and "ca_file" in str(refused.value)
        assert counter.sync_state() == before  # not enrolled, nothing stored
        # Enrolled with the pinned CA, then synced with the default trust: refused, outbox kept.
        enrol(
            counter.db, counter.cipher, server.base_url, server.enrolment_code("CC01"),
            device_name="window 3", ca_file=counter.hall_ca.pem_file(counter.tmp),
        )  # fmt: skip
        create_demo_cases(
            counter.db, counter.cipher, counter.store, 1, clock=counter.clock, scans_per_case=0
        )
        engine = counter.engine(None)
        try:
            report = engine.run_cycle(force=True)
        finally:
            engine.close()
        assert not report.ok and report.error_kind == "permanent"
        assert report.error is not None and "not trusted" in report.error
        assert report.pending == 1 and report.pushed == 0
        assert _server_cases(server) == []


def test_a_certificate_from_another_ca_is_refused_with_the_hall_ca_pinned(
    counter: Counter,
) -> None:
    ca_file = counter.hall_ca.pem_file(counter.tmp)
    with counter.server(authority("intruder")) as server:
        with pytest.raises(SyncError) as refused:
            enrol(
                counter.db, counter.cipher, server.base_url, server.enrolment_code("CC01"),
                device_name="window 3", ca_file=ca_file,
            )  # fmt: skip
        assert refused.value.code == tls.TLS_UNTRUSTED
        assert counter.sync_state()[1] is None


@pytest.mark.parametrize(
    "url",
    ["http://central.example.gov.cn", "http://192.0.2.10:8000", "ftp://127.0.0.1", "127.0.0.1"],
)
def test_plain_http_off_this_machine_is_refused_before_anything_is_sent(
    counter: Counter, url: str
) -> None:
    before = counter.sync_state()
    with pytest.raises(SyncError) as refused:
        enrol(counter.db, counter.cipher, url, "CODE", device_name="window 3")
    assert refused.value.code == tls.INSECURE_URL
    assert counter.sync_state() == before
    with pytest.raises(SyncError) as again:
        Transport(url, Credentials("device", "secret"))
    assert again.value.code == tls.INSECURE_URL


@pytest.mark.parametrize("host", ["127.0.0.1", "127.1.2.3", "localhost", "[::1]"])
def test_plain_http_to_this_machine_is_allowed(host: str) -> None:
    assert tls.url_problem(f"http://{host}:8000") is None


def test_an_unusable_ca_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-ca.pem"
    bad.write_text("not a certificate", encoding="utf-8")
    for ca_file in (bad, tmp_path / "missing.pem"):
        with pytest.raises(SyncError) as refused:
            Transport("https://127.0.0.1:1", Credentials("d", "s"), ca_file=ca_file)
        assert refused.value.code == tls.CA_FILE_UNUSABLE


def test_the_command_line_uses_sync_ca_file(
    counter: Counter,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = counter.tmp / "config.toml"
    key_file = counter.tmp / "hall-key.json"
    config.write_text(
        f"[sync]\nca_file = {json.dumps(str(counter.hall_ca.pem_file(counter.tmp)))}\n"
        f"[security]\nkey_file = {json.dumps(str(key_file))}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(counter.tmp / "cli-data"))
    db = ("--config", str(config), "--db", counter.db.url)
    assert main([*db, "keys", "init", "--json"]) == 0
    capsys.readouterr()
    with counter.server(counter.hall_ca) as server:
        code = server.enrolment_code("CC01")
        assert main([*db, "enroll", "--server", server.base_url, "--code", code, "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["hall_code"] == "CC01"
        assert main([*db, "demo", "--cases", "1", "--json"]) == 0
        capsys.readouterr()
        assert main([*db, "sync", "--json"]) == 0
        report = json.loads(capsys.readouterr().out)
        assert report["ok"] and report["pushed"] == 1 and report["pending"] == 0
    # Without the hall CA the same sync is refused (exit 1) with the coded reason.
    config.write_text(f"[security]\nkey_file = {json.dumps(str(key_file))}\n", encoding="utf-8")
    with counter.server(counter.hall_ca) as server:
        code = server.enrolment_code("CC01")
        assert main([*db, "enroll", "--server", server.base_url, "--code", code]) == 1
        assert "not trusted" in capsys.readouterr().err  # refusals go to stderr
