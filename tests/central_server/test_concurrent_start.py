"""Several servers (``serve --workers N``, or N machines) starting at once on one PostgreSQL
database and one data directory: one migrates, one blob key is made and used by all, one epoch;
after a restore, one new epoch, not N. And an upload survives its worker dying at the worst
moment. Each "server" here is a thread with its own connection
pool, guard and key file handle: the locks they contend for (PostgreSQL advisory locks, flock,
the key file's exclusive link) are the ones separate processes contend for."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy.orm import Session

from central_server.composition import Services, create_services
from central_server.models import ServerState
from central_server.services import auth, blobs
from central_server.services.certificates import next_number
from central_server.services.epoch import STATE_ID, HighWater, current_epoch
from central_server.settings import ServerSettings
from tests.central_server.harness import Harness
from tests.dbs import drop_pg, new_pg_database

STARTS = 4
T = TypeVar("T")


def _at_once(fn: Callable[[], T]) -> list[T]:
    barrier = threading.Barrier(STARTS)
    done: list[T] = []
    failed: list[BaseException] = []

    def run() -> None:
        barrier.wait()
        try:
            done.append(fn())
        except BaseException as exc:  # noqa: BLE001 - reported below, with the others
            failed.append(exc)

    threads = [threading.Thread(target=run) for _ in range(STARTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failed == []
    return done


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[ServerSettings]:
    url = new_pg_database()
    try:
        yield ServerSettings(db_url=url, data_dir=tmp_path / "central-data")
    finally:
        drop_pg(url)


def _disposed(started: list[Services]) -> None:
    for services in started:
        services.ctx.db.dispose()


@pytest.mark.allow_log_warnings  # the restore is logged as a warning
def test_servers_starting_at_once_share_schema_key_and_epoch(settings: ServerSettings) -> None:
    first = _at_once(lambda: create_services(settings))  # a new database, a new data directory
    try:
        assert len({s.ctx.blobs.ring.active_id for s in first}) == 1  # one key, not four
        assert len({current_epoch(s.ctx) for s in first}) == 1
        [epoch] = {current_epoch(s.ctx) for s in first}
        # A restore: the database is behind what the guard saw committed under this epoch.
        first[0].guard.write(epoch, [], HighWater(10**6, 10**6))
    finally:
        _disposed(first)

    again = _at_once(lambda: create_services(settings))
    try:
        with again[0].ctx.db.read() as session:
            state = session.get(ServerState, STATE_ID)
            assert state is not None
            assert state.retired_epochs == [epoch]  # one new epoch, not one per server
            assert {current_epoch(s.ctx) for s in again} == {state.epoch}
    finally:
        _disposed(again)


def test_a_worker_killed_before_the_last_chunk_commits_leaves_an_upload_to_finish(
    server: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The blob is sealed, then the worker dies before the commit: the part file must still be
    there for the client's retry of the last chunk (which the next worker completes)."""
    ctx = server.services.ctx
    device = server.enrol()
    data = b"a scan of a licence" * 500
    sha = _sha(data)
    upload, _ = blobs.create(ctx, device.device_id, sha, len(data))
    assert upload.upload_id is not None
    half = len(data) // 2
    first = data[:half]
    blobs.append(ctx, device.device_id, upload.upload_id, 0, _sha(first), first)
    last = data[half:]
    run_write = ctx.db.run_write

    def dies_before_commit(work: Callable[[Session], T]) -> T:
        def then_dies(session: Session) -> T:
            work(session)
            raise ConnectionError("the worker was killed")  # the transaction never commits

        return run_write(then_dies)

    monkeypatch.setattr(ctx.db, "run_write", dies_before_commit)
    with pytest.raises(ConnectionError):
        blobs.append(ctx, device.device_id, upload.upload_id, half, _sha(last), last)
    monkeypatch.undo()
    assert blobs.exists(ctx, sha) is None
    retried = blobs.append(ctx, device.device_id, upload.upload_id, half, _sha(last), last)
    assert retried.complete
    assert blobs.read_blob(ctx, sha) == data
    assert list(ctx.settings.upload_dir.iterdir()) == []  # the part file went after the commit


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_the_first_of_a_kind_made_by_several_workers_at_once(settings: ServerSettings) -> None:
    """A year's first certificate numbers, a new hall's first enrolment codes: the row they
    create is made once, and every request at the same moment gets its answer."""
    services = create_services(settings)
    db = services.ctx.db
    try:
        numbers = _at_once(lambda: db.run_write(lambda s: next_number(s, 2027)))
        assert sorted(numbers) == list(range(1, STARTS + 1))
        codes = _at_once(lambda: auth.create_enrolment_code(services.ctx, "NEW1").code)
        assert len(set(codes)) == STARTS
    finally:
        db.dispose()
