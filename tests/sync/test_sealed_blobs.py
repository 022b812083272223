"""Issue 16 §1 through sync: scans sealed on the counter are deduplicated, uploaded under the
protocol's plaintext SHA-256 (the wire is unchanged) and sealed again on the server; neither
side's disk holds a readable scan or a file named by its hash."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from clerk_app.db.intake_models import CasePage
from clerk_app.demo_cases import create_demo_cases
from onewindow_base.blobs import BlobStore, FileKind
from tests.security.test_blob_encryption import assert_nothing_readable
from tests.sync.conftest import World

UPLOADS = "/v1/uploads"


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_sealed_scans_sync_once_each_and_stay_sealed_on_both_sides(any_world: World) -> None:
    w = any_world
    for _ in range(2):  # the same two scans brought for two cases
        create_demo_cases(w.db, w.cipher, w.store, 1, clock=w.clock, scans_per_case=2, seed=16)
    with w.db.read() as s:
        pages = list(s.scalars(select(CasePage.sha256)))
    assert len(pages) == 4 and len(set(pages)) == 2
    assert [f.kind for f in w.store.files()] == [FileKind.SEALED] * 2  # stored once
    report = w.sync()
    assert report.ok and report.pushed == 2
    assert set(w.server_blobs()) == set(pages)  # named on the wire by the plaintext SHA-256
    assert len(w.proxy.requests("PATCH", UPLOADS)) == 2  # each scan's bytes sent once
    scans = [w.store.read_bytes(sha) for sha in set(pages)]
    assert all(w.server_blob_bytes(sha) == w.store.read_bytes(sha) for sha in set(pages))
    assert_nothing_readable(w.store, scans)
    server = w.server.services.ctx
    assert isinstance(server.blobs, BlobStore)  # the directory store, whose files are read
    assert_nothing_readable(server.blobs, scans)
    assert len(_files(server.settings.blob_dir)) == 2
    assert _files(server.settings.upload_dir) == []
