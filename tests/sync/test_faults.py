"""The faults of docs/sync-rules.md, injected (the fault proxy, killed child processes): nothing
lost, nothing duplicated, on both sides. Both sides on SQLite unless the test takes ``any_world``
(then also both on PostgreSQL). The scenario number is in each test's name."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from central_server.composition import create_services
from central_server.models import Case
from central_server.services.epoch import GUARD_NAME, new_epoch
from central_server.settings import ServerSettings
from clerk_app.audit.service import AuditService
from clerk_app.catalogue.store import CatalogueStore
from clerk_app.db.intake_models import CasePage, CaseStatusEvent, IntakeCase
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.demo_cases import demo_clerk
from clerk_app.intake.types import IntakeRefusal, IntakeRefused
from clerk_app.storage.sweep import referenced_digests, sweep_orphan_blobs
from clerk_app.sync import state
from clerk_app.sync.client import Credentials, Transport
from onewindow_base.blobs import FileKind
from onewindow_base.crashpoint import EXIT_CODE
from onewindow_base.db.engine import Database
from tests.central_server.harness import Harness
from tests.dbs import copy_database, drop_pg
from tests.diskfull import database_without_room, fill, small_filesystem
from tests.sync.conftest import World
from tests.sync.proxy import Rule

OPS = "/v1/operations"
UPLOADS = "/v1/uploads"


def _one_case_each(w: World, numbers: tuple[str, ...]) -> None:
    server = w.server_cases()
    assert sorted(server) == sorted(numbers)
    assert w.server_ops() == len(numbers)


def test_01_reply_lost_after_commit_replays_as_duplicate(any_world: World) -> None:
    w = any_world
    numbers = w.cases(2)
    w.proxy.add(Rule("drop_after_request", "POST", OPS))
    first = w.sync()
    assert first.error_kind == "retryable" and first.pending == 2
    assert len(w.server_cases()) == 2  # the server committed; the client never heard
    second = w.sync()
    assert second.ok and second.pushed == 2 and w.outbox() == {"acked": 2}
    results = [
        json.loads(r or "{}")["status"]
        for r in w.db.run_read(lambda s: list(s.scalars(select(OutboxOperation.result))))
    ]
    assert results == ["duplicate", "duplicate"]
    _one_case_each(w, numbers)


def test_02_client_timeout_then_a_retry_while_the_first_is_in_flight(world: World) -> None:
    w = world
    numbers = w.cases(1)
    hold = Rule("hold", "POST", OPS)
    w.proxy.add(hold)

    def impatient(url: str, credentials: Credentials) -> Transport:
        return Transport(url, credentials, timeout=0.5)

    # On a loaded machine an earlier request of the cycle may time out first; the attempt this
    # test is about is the push the proxy holds, so the impatient cycle runs until it is held.
    for _ in range(5):
        first = w.engine(transport=impatient).run_cycle(force=True)
        assert first.error_kind == "retryable" and first.pending == 1
        if hold.times == 0:
            break
    assert hold.times == 0, "the push never reached the proxy"
    second = w.sync()  # the retry overtakes the held first attempt
    assert second.ok and second.pushed == 1
    # The held first attempt reaches the server after the retry and is answered too.
    w.proxy.release()
    w.proxy.wait_answered("POST", OPS, 2)
    _one_case_each(w, numbers)
    assert w.outbox() == {"acked": 1}


def test_03_server_error_before_or_after_commit_applies_once(world: World) -> None:
    w = world
    numbers = w.cases(2)
    w.proxy.add(Rule("status", "POST", OPS, status=500))
    w.proxy.add(Rule("status_after", "POST", OPS, status=502))
    for _ in range(2):
        failed = w.sync()
        assert failed.error_kind == "retryable"
        row = w.db.run_read(state.status)
        assert row.failures >= 1 and row.backoff_until_ms >= w.clock.now_ms()
    ok = w.sync()
    assert ok.ok and w.outbox() == {"acked": 2}
    assert w.db.run_read(state.status).failures == 0
    _one_case_each(w, numbers)


def test_04_retry_after_is_honoured(world: World) -> None:
    w = world
    w.cases(1)
    w.proxy.add(Rule("status", "POST", OPS, status=429, retry_after="120"))
    engine = w.engine()
    assert engine.run_cycle().error_kind == "retryable"
    until = w.db.run_read(state.status).backoff_until_ms
    assert until >= w.clock.now_ms() + 120_000
    before = len(w.proxy.requests())
    w.clock.advance(seconds=119)
    assert engine.run_cycle().waiting
    assert len(w.proxy.requests()) == before  # nothing sent inside the window
    w.clock.advance(seconds=2)
    report = engine.run_cycle()
    assert report.ok and report.pushed == 1


@pytest.mark.allow_log_warnings  # the server logs a client cut mid-chunk as an ERROR
def test_05_25_killed_mid_upload_resumes_from_the_server_offset(world: World) -> None:
    w = world
    numbers = w.cases(1, scans=1, scan_bytes=600_000)
    (sha,) = w.db.run_read(lambda s: json.loads(s.scalars(select(OutboxOperation.blobs)).one()))
    size = len(w.store.read_bytes(sha))  # the plaintext's: the wire's size
    assert w.child("upload.after_chunk") == EXIT_CODE  # killed after the first chunk
    assert w.server_blobs() == {} and w.outbox() == {"pending": 1}
    w.proxy.clear()
    # A link that drops mid-chunk: twice in a row (re-sent at once), then three times in a row
    # (the cycle gives up; the next one resumes where the server stands).
    w.proxy.add(Rule("cut_request", "PATCH", UPLOADS, times=2))
    w.proxy.add(Rule("pass", "PATCH", UPLOADS, times=1))
    w.proxy.add(Rule("cut_request", "PATCH", UPLOADS, times=3))
    assert w.engine(chunk_bytes=64 << 10).run_cycle(force=True).error_kind == "retryable"
    report = w.engine(chunk_bytes=64 << 10).run_cycle(force=True)
    assert report.ok and report.pushed == 1
    offsets = [int(s.headers["upload-offset"]) for s in w.proxy.requests("PATCH", UPLOADS)]
    assert offsets[0] == 64 << 10  # the first chunk was not sent again
    assert len(offsets) == len(set(offsets)) + 5  # only the cut chunks were re-sent
    assert w.server_blobs() == {sha: size}
    assert hashlib.sha256(w.server_blob_bytes(sha)).hexdigest() == sha
    _one_case_each(w, numbers)


def test_06_killed_after_the_server_ack_before_the_local_commit(world: World) -> None:
    w = world
    numbers = w.cases(3)
    assert w.child("push.after_ack") == EXIT_CODE
    assert w.outbox() == {"pending": 3} and w.server_ops() == 3
    report = w.sync()
    assert report.ok and report.pushed == 3 and w.outbox() == {"acked": 3}
    _one_case_each(w, numbers)


def _age_every_file(w: World, seconds: float) -> None:
    then = time.time() - seconds
    for stored in w.store.files():
        os.utime(stored.path, (then, then))


def _server_has_exactly(w: World, blobs: set[str]) -> None:
    assert set(w.server_blobs()) == blobs
    for sha in blobs:
        assert hashlib.sha256(w.server_blob_bytes(sha)).hexdigest() == sha


def test_07_killed_mid_save_leaves_no_half_case_and_the_orphan_is_swept(any_world: World) -> None:
    w = any_world
    kept = w.cases(1, scans=2)
    committed = w.db.run_read(referenced_digests)
    names = {w.store.name_of(sha) for sha in committed}
    assert len(committed) == 2 and {f.name for f in w.store.files()} == names
    # The scans are written and fsynced, the case's rows flushed; the process dies before COMMIT.
    assert w.child("intake.before_commit", task="save:3:99") == EXIT_CODE
    assert set(w.local_cases()) == set(kept)  # no half case
    assert w.outbox() == {"pending": 1}
    assert w.db.run_read(lambda s: s.scalar(select(func.count()).select_from(CasePage))) == 2
    on_disk = {f.name for f in w.store.files()}
    orphans = on_disk - names
    kinds = {f.kind for f in w.store.files()}
    assert len(orphans) == 3 and kinds == {FileKind.SEALED}  # three scans, no stray temporary
    # Inside the grace period an unreferenced blob may belong to a save in flight: kept.
    early = sweep_orphan_blobs(w.db, w.store, grace_s=3600)
    assert (early.deleted, early.young, early.referenced) == (0, 3, 2)
    _age_every_file(w, 2 * 3600)
    swept = sweep_orphan_blobs(w.db, w.store, grace_s=3600)
    assert (swept.deleted, swept.young, swept.referenced) == (3, 0, 2)
    assert {f.name for f in w.store.files()} == names
    for sha in committed:
        assert hashlib.sha256(w.store.read_bytes(sha)).hexdigest() == sha
    report = w.sync()
    assert report.ok and report.pushed == 1 and w.outbox() == {"acked": 1}
    _one_case_each(w, kept)
    _server_has_exactly(w, committed)
    again = sweep_orphan_blobs(w.db, w.store, grace_s=3600)  # acked: still referenced, kept
    assert (again.deleted, again.referenced) == (0, 2)


def test_08_power_cut_while_applying_a_pull(world: World) -> None:
    w = world
    numbers = w.cases(2)
    assert w.sync().ok
    cursor = w.cursor()
    w.approve(numbers[0])
    assert w.child("pull.before_commit") == EXIT_CODE
    assert w.cursor() == cursor  # not advanced
    assert w.local_cases()[numbers[0]][:2] == ("accepted", 1)
    assert w.sync().ok
    w.db.run_write(lambda s: state.load(s).__setattr__("cursor", None))  # pull it all again
    assert w.sync().ok
    assert w.local_cases()[numbers[0]][:2] == ("approved", 2)
    events = w.db.run_read(lambda s: s.scalar(select(func.count()).select_from(CaseStatusEvent)))
    assert events == 3  # received ×2, approved ×1: each once


def test_10_corrupted_or_truncated_chunks_are_rejected_and_resent(world: World) -> None:
    w = world
    w.cases(1, scans=1, scan_bytes=300_000)
    w.proxy.add(Rule("corrupt_request", "PATCH", UPLOADS, times=2))
    report = w.engine(chunk_bytes=64 << 10).run_cycle(force=True)
    assert report.ok and report.pushed == 1
    (sha,) = w.server_blobs()
    assert hashlib.sha256(w.server_blob_bytes(sha)).hexdigest() == sha
    assert [s.action for s in w.proxy.requests("PATCH")][:3] == [
        "corrupt_request",
        "corrupt_request",
        "pass",
    ]


def test_12_a_lost_chunk_reply_resumes_from_the_server_offset(world: World) -> None:
    w = world
    w.cases(1, scans=1, scan_bytes=300_000)
    # The server stores the first chunk but its reply is lost: the client sends it again at
    # the old offset, is told 409 offset_mismatch with the server's offset, and goes on there.
    w.proxy.add(Rule("drop_mid_response", "PATCH", UPLOADS))
    report = w.engine(chunk_bytes=64 << 10).run_cycle(force=True)
    assert report.ok and report.pushed == 1
    patches = w.proxy.requests("PATCH", UPLOADS)
    offsets = [int(s.headers["upload-offset"]) for s in patches]
    assert offsets[:3] == [0, 0, 64 << 10]  # lost reply, re-sent (409), the next chunk
    assert len(offsets) == len(set(offsets)) + 1
    (sha,) = w.server_blobs()
    assert hashlib.sha256(w.server_blob_bytes(sha)).hexdigest() == sha


def test_11_an_expired_upload_restarts(world: World) -> None:
    w = world
    w.cases(1, scans=1, scan_bytes=300_000)
    assert w.child("upload.after_chunk") == EXIT_CODE
    w.server.advance(seconds=25 * 3600)
    w.clock.advance(seconds=25 * 3600)
    report = w.engine(chunk_bytes=64 << 10).run_cycle(force=True)
    assert report.ok and report.pushed == 1
    (sha,) = w.server_blobs()
    assert hashlib.sha256(w.server_blob_bytes(sha)).hexdigest() == sha


def test_13_client_database_restored_from_a_backup_replays_as_duplicates(world: World) -> None:
    w = world
    numbers = w.cases(3)
    path = w.db.engine.url.database
    assert path
    w.db.dispose()
    shutil.copyfile(path, path + ".backup")
    assert w.sync().pushed == 3
    w.db.dispose()
    shutil.copyfile(path + ".backup", path)
    assert w.outbox() == {"pending": 3}
    report = w.sync()
    assert report.ok and report.pushed == 3
    _one_case_each(w, numbers)


def _uuids(w: World) -> dict[str, str]:
    with w.db.read() as s:
        return {c.case_number: c.case_uuid for c in s.scalars(select(IntakeCase))}


def _case_blobs(w: World, *numbers: str) -> set[str]:
    query = (
        select(CasePage.sha256)
        .join(IntakeCase, IntakeCase.id == CasePage.case_id)
        .where(IntakeCase.case_number.in_(numbers))
    )
    return set(w.db.run_read(lambda s: list(s.scalars(query))))


def _attention(w: World) -> list[tuple[int, str]]:
    query = select(OutboxOperation.seq, OutboxOperation.last_error).where(
        OutboxOperation.state == "needs_attention"
    )
    return [(seq, error or "") for seq, error in w.db.run_read(lambda s: s.execute(query).all())]


def _seq_of(w: World, number: str) -> int:
    uuid = _uuids(w)[number]
    query = select(OutboxOperation.seq).where(OutboxOperation.case_uuid == uuid)
    return int(w.db.run_read(lambda s: s.scalars(query).one()))


@pytest.mark.allow_log_warnings  # the engine warns of a device sequence behind the server's
def test_14_a_copied_database_is_detected_and_case_numbers_stay_unique(
    any_world: World, tmp_path: Path
) -> None:
    w = any_world
    (a,) = w.cases(1, scans=1)
    assert w.sync().ok
    w.db.dispose()
    copy = Database(copy_database(w.db.url, tmp_path))
    twin = dataclasses.replace(w, db=copy)
    try:
        (b,) = w.cases(1, scans=1)  # the original takes seq 2 …
        assert w.sync().ok
        (c,) = twin.cases(1, scans=1)  # … and so does the copy, for another case, under the
        assert c == b and _uuids(twin)[c] != _uuids(w)[b]  # same number: same device, same counters
        first = twin.sync()
        assert (first.pushed, first.failed, first.pending) == (0, 1, 0)
        ((seq, error),) = _attention(twin)
        assert seq == 2 and "device_sequence_reused" in error  # detected
        (d,) = twin.cases(1, scans=1)  # the copy's next operation continues above the server's
        assert _seq_of(twin, d) == 3
        assert twin.sync().pushed == 1
        (e,) = w.cases(1, scans=1)  # the original does not know yet: seq 3 and d's number again
        assert e == d and _seq_of(w, e) == 3
        clash = w.sync()
        assert (clash.pushed, clash.failed) == (0, 1)
        assert [s for s, _ in _attention(w)] == [3] and "device_sequence_reused" in _attention(w)[
            0
        ][1]
        (f,) = w.cases(1, scans=1)  # now the original too continues above the server's sequence
        assert _seq_of(w, f) == 4 and w.sync().pushed == 1
        # The server: every number once, held by the case that reached it first, none overwritten.
        with w.server.services.ctx.db.read() as s:
            held = {case.case_no: (case.id, case.status) for case in s.scalars(select(Case))}
        mine, theirs = _uuids(w), _uuids(twin)
        assert held == {
            a: (mine[a], "received"),
            b: (mine[b], "received"),
            d: (theirs[d], "received"),
            f: (mine[f], "received"),
        }
        assert w.server_ops() == 4
        assert w.outbox() == {"acked": 3, "needs_attention": 1}
        assert twin.outbox() == {"acked": 2, "needs_attention": 1}
        # Each counter's audit trail has its clash, with the server's reason code alone.
        clash_record = ("sync.conflict", "denied", "sync")
        detail = {"operation": "case.accept", "code": "device_sequence_reused"}
        assert twin.sync_audit() == [(*clash_record, c, detail | {"seq": 2})]
        assert w.sync_audit() == [(*clash_record, e, detail | {"seq": 3})]
        assert w.audit_intact() and twin.audit_intact()
        applied = _case_blobs(w, a, b, f) | _case_blobs(twin, d)
        assert len(applied) == 4 and applied <= set(w.server_blobs())
        for sha in w.server_blobs():
            assert hashlib.sha256(w.server_blob_bytes(sha)).hexdigest() == sha
        # Both counters keep every case, the clashing ones listed for a supervisor.
        assert set(w.local_cases()) == {a, b, e, f} and set(twin.local_cases()) == {a, c, d}
    finally:
        copy.dispose()
        if w.kind == "postgresql":
            drop_pg(copy.url)


def _same_id_other_payload(w: World) -> Callable[[object], None]:
    """The one acknowledged operation, changed and pending again under its id."""

    def tamper(s: object) -> None:
        from sqlalchemy.orm import Session  # noqa: PLC0415

        assert isinstance(s, Session)
        op = s.scalars(select(OutboxOperation)).one()
        payload = json.loads(w.cipher.decrypt(op.payload_enc, context=OUTBOX))
        payload["clerk"] = "clerk9"
        op.payload_enc = w.cipher.encrypt(json.dumps(payload), context=OUTBOX)
        op.state = "pending"

    return tamper


def test_15_same_operation_id_with_another_payload_is_a_conflict(world: World) -> None:
    w = world
    (number,) = w.cases(1)
    assert w.sync().ok
    w.db.run_write(_same_id_other_payload(w))
    report = w.sync()
    assert report.failed == 1 and w.outbox() == {"needs_attention": 1}
    assert "payload_mismatch" in (
        w.db.run_read(lambda s: s.scalars(select(OutboxOperation.last_error)).one()) or ""
    )
    assert w.server_cases() == {number: ("received", 1)} and w.server_ops() == 1
    # The conflict is in the counter's audit trail: the case, the operation, the server's code.
    detail = {"operation": "case.accept", "seq": 1, "code": "payload_mismatch"}
    assert w.sync_audit() == [("sync.conflict", "denied", "sync", number, detail)]
    assert w.sync().ok and len(w.sync_audit()) == 1  # parked: not sent again, not recorded again
    assert w.audit_intact()


def test_a_conflict_and_its_audit_record_commit_together(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the audit record cannot be written, the operation is not parked either: it stays
    pending and meets the same answer at the next cycle, which records it."""
    w = world
    (number,) = w.cases(1)
    assert w.sync().ok
    w.db.run_write(_same_id_other_payload(w))

    def unwritable(*_args: object, **_kw: object) -> int:
        raise RuntimeError("the audit trail cannot be written")

    with monkeypatch.context() as patched:
        patched.setattr(AuditService, "append", unwritable)
        with pytest.raises(RuntimeError):
            w.sync()
    assert w.outbox() == {"pending": 1} and w.sync_audit() == []
    assert w.db.run_read(lambda s: s.scalars(select(OutboxOperation.last_error)).one()) is None
    assert w.sync().failed == 1 and w.outbox() == {"needs_attention": 1}
    assert [(r[0], r[3]) for r in w.sync_audit()] == [("sync.conflict", number)]
    assert w.audit_intact()


@pytest.mark.allow_log_warnings  # the engine warns of the new epoch
def test_16_an_operators_new_epoch_re_pushes_kept_operations_and_re_pulls(world: World) -> None:
    w = world
    numbers = w.cases(2)
    assert w.sync().ok
    old = w.db.run_read(state.status).epoch
    new_epoch(w.server.services.ctx, w.server.services.guard)  # central-server new-epoch
    report = w.sync()
    assert report.ok and report.new_epoch and report.full_repull
    assert report.pushed == 2  # re-pushed; the server still had them: duplicates
    assert set(_results(w).values()) == {"duplicate"} and w.outbox() == {"acked": 2}
    assert w.db.run_read(state.status).epoch != old
    _one_case_each(w, numbers)


def _back_up_the_server(w: World, where: Path) -> tuple[str, Path]:
    """A consistent copy of the central server's database and its data directory (blobs)."""
    settings = w.server.services.ctx.settings
    where.mkdir()
    data = where / "central-data"
    shutil.copytree(settings.data_dir, data)
    if w.kind == "postgresql":
        w.server.services.ctx.db.dispose()  # a template copy needs the database idle
        return copy_database(settings.db_url, where), data
    target = where / "central.sqlite3"
    with (
        contextlib.closing(sqlite3.connect(settings.db_url.removeprefix("sqlite:///"))) as live,
        contextlib.closing(sqlite3.connect(target)) as copy,
    ):
        live.backup(copy)
    return f"sqlite:///{target}", data


@contextlib.contextmanager
def _restored_server(w: World, db_url: str, data: Path) -> Iterator[World]:
    """The server started again on the backup. Its data directory (blobs and uploads) comes
    from the backup too; only the epoch guard is the live one, as a restore of the database
    alone would leave it, so the server sees at start that its database went back in time."""
    live = w.server.services.ctx.settings.data_dir
    shutil.copyfile(live / GUARD_NAME, data / GUARD_NAME)
    services = create_services(ServerSettings(db_url=db_url, data_dir=data), w.server.clock)
    try:
        with Harness.running(services, w.server.clock) as harness:
            host, port = harness.base_url.removeprefix("http://").split(":")
            w.proxy.upstream = (host, int(port))
            yield dataclasses.replace(w, server=harness)
    finally:
        services.ctx.db.dispose()
        if w.kind == "postgresql":
            drop_pg(db_url)


def _results(w: World) -> dict[str, str]:
    """Each case's last push result (applied, duplicate …)."""
    rows = w.db.run_read(
        lambda s: s.execute(select(OutboxOperation.case_uuid, OutboxOperation.result)).all()
    )
    numbers: dict[str | None, str] = {uuid: number for number, uuid in _uuids(w).items()}
    return {numbers[uuid]: json.loads(result or "{}").get("status") for uuid, result in rows}


@pytest.mark.allow_log_warnings  # the server and the engine warn of the new epoch
def test_16_a_server_restored_from_a_backup_gets_kept_operations_and_blobs_again(
    any_world: World, tmp_path: Path
) -> None:
    w = any_world
    (before,) = w.cases(1, scans=2)
    assert w.sync().ok
    w.approve(before)
    assert w.sync().ok and w.local_cases()[before][:2] == ("approved", 2)
    old_epoch = w.db.run_read(state.status).epoch
    backup = _back_up_the_server(w, tmp_path / "backup")
    (after,) = w.cases(1, scans=2)  # reaches the server after the backup: lost by the restore
    assert w.sync().ok and len(w.server_blobs()) == 4
    blobs = _case_blobs(w, before, after)
    with _restored_server(w, *backup) as restored:
        assert restored.server_cases() == {before: ("approved", 2)}  # what the backup held
        assert set(restored.server_blobs()) == _case_blobs(w, before)
        report = restored.sync()
        assert report.ok and report.new_epoch and report.full_repull
        assert report.pushed == 2  # every kept operation, re-pushed …
        assert _results(restored) == {before: "duplicate", after: "applied"}  # … once each
        uploads = restored.proxy.requests("PATCH", UPLOADS)
        assert uploads and restored.outbox() == {"acked": 2}
        # The server's end state: both cases, each once, and every scan with its hash.
        assert restored.server_cases() == {before: ("approved", 2), after: ("received", 1)}
        assert restored.server_ops() == 2
        assert set(restored.server_blobs()) == blobs
        for sha in blobs:
            assert hashlib.sha256(restored.server_blob_bytes(sha)).hexdigest() == sha
        # The counter's: the new epoch, everything pulled again, nothing applied twice.
        status = restored.db.run_read(state.status)
        assert status.epoch not in (None, old_epoch) and status.cursor is not None
        assert restored.local_cases()[before][:2] == ("approved", 2)
        assert restored.local_cases()[after][:2] == ("accepted", 1)
        events = restored.db.run_read(
            lambda s: s.execute(select(CaseStatusEvent.case_id, CaseStatusEvent.status)).all()
        )
        assert len(events) == len(set(events)) == 3  # received ×2, approved ×1
        quiet = restored.sync()
        assert quiet.ok and (quiet.pushed, quiet.new_epoch, quiet.full_repull) == (0, False, False)


@contextlib.contextmanager
def _disk_full_under_the_database(
    w: World, where: Path
) -> Iterator[tuple[World, Callable[[], None]]]:
    """The counter's database on a disk with no room left, and the way to make room again:
    SQLite moved onto a small filesystem and the filesystem filled where mounting is allowed;
    otherwise (and for PostgreSQL's server disk) the database's own disk-full error."""
    with small_filesystem(where) as mounted:
        if w.kind == "postgresql" or not mounted:
            yield w, database_without_room(w.db)
            return
        source = w.db.engine.url.database
        assert source
        w.db.dispose()
        shutil.copyfile(source, where / "hall.sqlite3")
        db = Database(f"sqlite:///{where / 'hall.sqlite3'}")
        try:
            moved = dataclasses.replace(w, db=db)
            assert moved.outbox()  # opened: the WAL and its index have their room
            fill(where, leave_bytes=4096)
            yield moved, (where / "ballast").unlink
        finally:
            db.dispose()


@pytest.mark.allow_log_warnings  # the engine warns of the full disk
def test_09_disk_full_while_installing_the_catalogue_keeps_the_old_one(
    any_world: World, tmp_path: Path
) -> None:
    w = any_world
    (number,) = w.cases(1)
    assert w.sync().ok
    w.server.publish(_release(w, "2026.12"))
    with _disk_full_under_the_database(w, tmp_path / "disk") as (full, make_room):
        versions = CatalogueStore(full.db).versions()
        etag = full.db.run_read(state.status).catalogue_etag
        report = full.sync()
        assert report.error_kind == "disk_full" and not report.ok and report.catalogue is None
        assert report.error is not None and "disk is full" in report.error
        assert CatalogueStore(full.db).versions() == versions  # nothing staged, old one active
        assert full.db.run_read(state.status).catalogue_etag == etag
        assert full.outbox() == {"acked": 1}
        make_room()
        again = full.sync()
        assert again.ok and again.catalogue == "2026.12"
        assert [v.label for v in CatalogueStore(full.db).versions() if v.active] == ["2026.12"]
        assert full.local_cases()[number][:2] == ("accepted", 1)
    assert w.server_cases() == {number: ("received", 1)} and w.server_ops() == 1


@pytest.mark.allow_log_warnings  # the intake service warns of the full disk
def test_09_disk_full_while_saving_a_case_saves_nothing(any_world: World, tmp_path: Path) -> None:
    w = any_world
    (kept,) = w.cases(1, scans=1)
    clerk = demo_clerk(w.db)  # signed in while there was room
    with _disk_full_under_the_database(w, tmp_path / "disk") as (full, make_room):
        with pytest.raises(IntakeRefused) as refused:
            full.cases(1, scans=40, scan_bytes=64, clerk=clerk)  # scans stored, case not
        assert refused.value.code is IntakeRefusal.DISK_FULL
        assert set(full.local_cases()) == {kept} and full.outbox() == {"pending": 1}
        referenced = full.db.run_read(referenced_digests)
        assert len(referenced) == 1
        names = {full.store.name_of(sha) for sha in referenced}
        assert len({f.name for f in full.store.files()} - names) == 40  # for the sweep
        make_room()
        (saved,) = full.cases(1, scans=2)
        assert saved.endswith("-0002")  # the number of the case not saved was never issued
        report = full.sync()
        assert report.ok and report.pushed == 2 and full.outbox() == {"acked": 2}
        _one_case_each(full, (kept, saved))
        _server_has_exactly(full, full.db.run_read(referenced_digests))


def _release(w: World, label: str) -> dict[str, object]:
    doc = CatalogueStore(w.db, w.clock).export_document()
    from clerk_app.catalogue.format import document_json  # noqa: PLC0415

    raw = document_json(doc)
    raw["version"] = label
    for item in raw["items"]:
        if item["code"] == "22010001001700000017":
            item["version"] += 1
            item["name_zh"] += "（修订）"
    return raw


def test_17_18_new_catalogue_pinned_cases_and_an_interrupted_download(world: World) -> None:
    w = world
    (number,) = w.cases(1)  # taken under the item's version 1
    assert w.sync().ok
    active = CatalogueStore(w.db).versions()
    w.server.publish(_release(w, "2026.12"))
    w.proxy.add(Rule("truncate", "GET", "/v1/catalogue"))
    failed = w.sync()
    assert failed.error_kind == "retryable"
    assert [v.label for v in CatalogueStore(w.db).versions() if v.active] == [
        v.label for v in active if v.active
    ]  # the old one stays; never a mix
    (late,) = w.cases(1)  # a case still open under the old version is accepted
    report = w.sync()
    assert report.ok and report.catalogue == "2026.12"
    assert [v.label for v in CatalogueStore(w.db).versions() if v.active] == ["2026.12"]
    assert w.server_cases() == {number: ("received", 1), late: ("received", 1)}


def test_19_clock_moved_back_to_2000(world: World) -> None:
    w = world
    w.cases(1)
    w.clock.advance(seconds=-(365 * 26 + 330) * 86400)
    w.cases(1)
    report = w.sync()
    assert report.ok and report.pushed == 2 and report.skew_warning
    assert len(w.server_cases()) == 2


def test_20_token_expired_mid_batch_then_revoked(world: World) -> None:
    w = world
    w.cases(1)
    w.proxy.add(Rule("status", "POST", OPS, status=401))
    report = w.sync()
    assert report.ok and report.pushed == 1
    posts = w.proxy.requests("POST", OPS)
    assert len(posts) == 2 and w.proxy.requests("POST", "/v1/token")
    device_id = w.db.run_read(state.status).device_id
    w.server.approver().post(f"/v1/backoffice/devices/{device_id}/revoke")
    w.cases(1)
    revoked = w.sync()
    assert revoked.error_kind == "revoked" and w.outbox() == {"acked": 1, "pending": 1}


def test_21_22_operations_keep_their_clerk_and_a_rejected_one_blocks_only_its_case(
    world: World,
) -> None:
    w = world
    _bad, *good = w.cases(3)

    def wrong_hall(s: object) -> None:
        from sqlalchemy.orm import Session  # noqa: PLC0415

        assert isinstance(s, Session)
        op = s.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).first()
        assert op is not None
        payload = json.loads(w.cipher.decrypt(op.payload_enc, context=OUTBOX))
        payload["item"]["code"] = "99999999999999999999"
        op.payload_enc = w.cipher.encrypt(json.dumps(payload), context=OUTBOX)

    w.db.run_write(wrong_hall)
    report = w.sync()  # nobody is signed in: attribution is in each payload
    assert (report.pushed, report.failed, report.pending) == (2, 1, 0)
    assert sorted(w.server_cases()) == sorted(good)
    from central_server.models import Case  # noqa: PLC0415

    with w.server.services.ctx.db.read() as s:
        assert set(s.scalars(select(Case.clerk))) == {"clerk3"}
    # The rejection is in the counter's audit trail (its code, never the server's message).
    detail = {"operation": "case.accept", "seq": 1, "code": "unknown_item"}
    assert w.sync_audit() == [("sync.rejected", "denied", "sync", _bad, detail)]
    assert w.audit_intact()


def test_23_approval_pulled_before_the_ack_never_goes_backwards(world: World) -> None:
    w = world
    (number,) = w.cases(1)
    w.proxy.add(Rule("drop_after_request", "POST", OPS))
    assert w.sync().error_kind == "retryable"
    w.approve(number)
    assert w.sync().ok
    assert w.local_cases()[number][:2] == ("approved", 2)
    w.db.run_write(lambda s: state.load(s).__setattr__("cursor", None))
    assert w.sync().ok  # the old "received" event comes again: ignored
    assert w.local_cases()[number][:2] == ("approved", 2)


def test_24_upgrade_required_keeps_the_outbox(world: World) -> None:
    w = world
    w.cases(1)
    w.proxy.add(Rule("status", "GET", "/v1/hello", status=426))
    report = w.sync()
    assert report.error_kind == "upgrade" and w.outbox() == {"pending": 1}
    assert w.sync().ok and w.outbox() == {"acked": 1}


def test_26_timer_and_manual_sync_at_once_single_flight(any_world: World) -> None:
    w = any_world
    w.cases(1)
    engine = w.engine()
    holding = threading.Event()
    release = threading.Event()

    def timer() -> None:
        with engine.lock.hold() as got:
            assert got
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=timer)
    thread.start()
    before = len(w.proxy.requests())
    holding.wait(10)
    busy = w.engine().run_cycle(force=True)
    release.set()
    thread.join()
    assert busy.busy and len(w.proxy.requests()) == before and w.outbox() == {"pending": 1}
    assert w.sync().ok and w.server_ops() == 1


def test_27_captive_portal_or_truncated_json_changes_nothing(world: World) -> None:
    w = world
    numbers = w.cases(1)
    assert w.sync().ok
    w.approve(numbers[0])
    cursor = w.cursor()
    w.proxy.add(Rule("html", "GET", "/v1/hello"))
    assert w.sync().error_kind == "retryable"
    w.proxy.add(Rule("truncate_json", "GET", "/v1/changes"))
    w.proxy.add(Rule("html", "GET", "/v1/changes"))
    for _ in range(2):
        report = w.sync()
        assert report.error_kind == "retryable" and "unreadable" in (report.error or "")
        assert w.cursor() == cursor and w.local_cases()[numbers[0]][0] == "accepted"
    assert w.sync().ok and w.local_cases()[numbers[0]][0] == "approved"


def test_push_keeps_per_case_order_and_batches(world: World) -> None:
    w = world
    w.cases(60)
    report = w.sync()
    assert report.ok and report.pushed == 60
    assert len(w.proxy.requests("POST", OPS)) == 2  # 50 + 10
    w.db.run_write(
        lambda s: s.execute(update(OutboxOperation).values(state="pending"))
    )  # a full replay: every one a duplicate
    assert w.sync().pushed == 60 and w.server_ops() == 60


@pytest.mark.allow_log_warnings  # the engine warns of operations whose scans are gone
def test_a_scan_missing_on_this_pc_parks_only_its_case(world: World) -> None:
    w = world
    w.cases(2, scans=1)
    first = w.db.run_read(
        lambda s: json.loads(
            s.scalars(select(OutboxOperation.blobs).order_by(OutboxOperation.seq)).first() or "[]"
        )
    )
    w.store.path_of(first[0]).unlink()
    report = w.sync()
    assert (report.pushed, report.failed, report.pending) == (1, 1, 0)
    assert len(w.server_cases()) == 1
    ((action, outcome, actor, case, detail),) = w.sync_audit()
    assert (action, outcome, actor, detail) == (
        "sync.parked",
        "failed",
        "sync",
        {"operation": "case.accept", "seq": 1},
    )
    assert case in w.local_cases()
