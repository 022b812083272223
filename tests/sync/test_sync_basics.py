"""The sync engine against a real central server: push, pull, catalogue, single flight."""

from __future__ import annotations

import hashlib

from clerk_app.sync import state
from tests.sync.conftest import World


def test_cases_with_scans_reach_the_server_and_approvals_come_back(any_world: World) -> None:
    w = any_world
    numbers = w.cases(3, scans=2)
    report = w.sync()
    assert report.ok, report.error
    assert (report.pushed, report.pending, report.failed) == (3, 0, 0)
    assert w.outbox() == {"acked": 3}
    server = w.server_cases()
    assert set(server) == set(numbers)
    assert all(v == ("received", 1) for v in server.values())
    blobs = w.server_blobs()
    assert len(blobs) == 6
    for sha in blobs:
        assert hashlib.sha256(w.server_blob_bytes(sha)).hexdigest() == sha
    w.approve(numbers[0])
    report = w.sync()
    assert report.ok and report.pulled >= 1
    local = w.local_cases()
    state_, version, certificate = local[numbers[0]]
    assert state_ == "approved" and version == 2 and certificate
    assert local[numbers[1]][0] == "accepted"
    assert w.db.run_read(state.status).catalogue_etag is not None
    # Nothing to do: nothing pushed, nothing pulled, the cursor kept.
    cursor = w.cursor()
    again = w.sync()
    assert (again.ok, again.pushed, again.pulled, w.cursor()) == (True, 0, 0, cursor)
