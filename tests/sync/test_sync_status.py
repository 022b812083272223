"""The sync status the app shows (clerk_app.sync.status) against a real server, both databases."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from sqlalchemy import select

from clerk_app.accounts.auth import AuthService
from clerk_app.audit.service import AuditService
from clerk_app.cli.main import main
from clerk_app.db.sync_models import OutboxOperation
from clerk_app.sync import state
from clerk_app.sync.status import ItemState, Link, SyncMonitor
from tests.sync.conftest import World


def closed_port_url() -> str:
    """A loopback address nothing listens on (the server is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def point_at(w: World, url: str) -> None:
    def work(session: object) -> None:
        state.load(session, for_update=True).server_url = url  # type: ignore[arg-type]

    w.db.run_write(work)


def park_first_scan(w: World) -> tuple[str, bytes]:
    """Delete the first case's scan from this PC: its operation will need attention."""
    with w.db.read() as s:
        blobs = s.scalars(select(OutboxOperation.blobs).order_by(OutboxOperation.seq)).first()
    assert blobs is not None
    sha = json.loads(blobs)[0]
    data = w.store.read_bytes(sha)
    w.store.path_of(sha).unlink()
    return sha, data


def test_the_snapshot_follows_the_outbox_and_the_link(any_world: World) -> None:
    w = any_world
    monitor = SyncMonitor(w.db)
    first = monitor.snapshot()
    assert first.link is Link.UNKNOWN  # enrolled, never synced
    assert first.server_url == w.proxy.url
    w.cases(3)
    waiting = monitor.snapshot()
    assert (waiting.pending, waiting.failed, waiting.attention) == (3, 0, 0)
    assert w.sync().ok
    done = monitor.snapshot()
    assert (done.link, done.pending, done.last_error) == (Link.ONLINE, 0, None)
    assert done.last_success_ms == w.clock.now_ms()
    assert not done.skew_warning
    point_at(w, closed_port_url())
    w.cases(1)
    assert not w.sync().ok
    down = monitor.snapshot()
    assert (down.link, down.pending) == (Link.OFFLINE, 1)
    assert down.last_error is not None and "network" in down.last_error
    assert down.backoff_until_ms >= w.clock.now_ms()
    assert down.last_success_ms == done.last_success_ms


@pytest.mark.allow_log_warnings  # "1 operations wait for scans missing on this PC"
def test_an_operation_needing_attention_is_listed_with_its_reason_and_can_be_retried(
    any_world: World,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    w = any_world
    clerk = next(u for u in AuthService(w.db).list_users() if u.username == "clerk1")
    numbers = w.cases(2, scans=1)
    sha, data = park_first_scan(w)
    report = w.sync()
    assert (report.pushed, report.failed) == (1, 1)
    monitor = SyncMonitor(w.db)
    assert monitor.snapshot().attention == 1
    [item] = monitor.items()
    assert item.state is ItemState.NEEDS_ATTENTION
    assert item.case_number == numbers[0]
    assert item.kind == "case.accept"
    assert item.reason == f"local_blob_missing: {sha}"
    # Retrying before the scan is back parks it again; after it is back it goes through.
    assert monitor.retry(item.seq, clerk)
    assert not monitor.retry(item.seq, clerk)  # already back in line: no retry recorded
    assert monitor.items()[0].state is ItemState.FAILED  # pending, its last attempt failed
    assert w.sync().failed == 1
    assert w.store.put_bytes(data) == sha
    assert monitor.retry(item.seq, clerk)
    report = w.sync()
    assert (report.pushed, report.pending, report.failed) == (1, 0, 0)
    assert monitor.items() == ()
    assert set(w.server_cases()) == set(numbers)
    # The counter's audit trail: each parking, and each retry by the clerk who made it.
    op = {"operation": "case.accept", "seq": item.seq}
    parked = ("sync.parked", "failed", "sync", numbers[0], op)
    retried = (
        "sync.retry",
        "ok",
        clerk.display_name,
        numbers[0],
        op | {"was": "local_blob_missing"},
    )
    assert w.sync_audit() == [parked, retried, parked, retried]
    retries = [e for e in AuditService(w.db).entries(0, 2**62) if e.action == "sync.retry"]
    assert {e.actor_id for e in retries} == {clerk.user_id}
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    assert main(["--db", w.db.url, "audit", "verify"]) == 0, capsys.readouterr()
