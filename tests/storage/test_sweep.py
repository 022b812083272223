"""The orphan-blob sweep: what no row refers to goes after the grace period; nothing else."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from clerk_app.cli.main import main
from clerk_app.crypto.keys import key_store_for
from clerk_app.db.printing_models import ArchivedDocument, PrintJobRow
from clerk_app.demo_cases import create_demo_cases
from clerk_app.scans.store import PageIntake
from clerk_app.scans.types import RawPage
from clerk_app.services import build_services
from clerk_app.settings import Settings
from clerk_app.storage.blobs import hall_blob_store
from clerk_app.storage.sweep import referenced_digests, sweep_at_start, sweep_orphan_blobs
from onewindow_base.blobs import BlobStore, StorageFullError
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from tests.blob_ring import TEST_RING
from tests.conftest import START
from tests.diskfull import full_blob_store
from tests.scans import samples

DAY = 24 * 3600


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def _names(store: BlobStore) -> set[str]:
    return {f.name for f in store.files()}


def _sealed(store: BlobStore, digests: set[str]) -> set[str]:
    return {store.name_of(d) for d in digests}


def _referenced_everywhere(db: Database, store: BlobStore) -> set[str]:
    """One blob named by each kind of row that can name one."""
    cipher = PersonalDataCipher(new_ring(Algorithm.SM4_GCM, 1))
    create_demo_cases(db, cipher, store, 1, clock=FixedClock(START), scans_per_case=1)
    pdf, payload = store.put_bytes(b"%PDF receipt"), store.put_bytes(b"ESC/POS ticket")
    now = int(time.time() * 1000)

    def rows(s: object) -> None:
        from sqlalchemy.orm import Session  # noqa: PLC0415

        assert isinstance(s, Session)
        s.add(
            ArchivedDocument(
                sha256=pdf, document_kind="receipt", owner_key="x", size_bytes=12, created_ms=now
            )
        )
        s.add(
            PrintJobRow(
                document_kind="ticket",
                owner_key="x",
                printer_name="p",
                role="kiosk",
                payload_format="escpos",
                payload_sha256=payload,
                created_ms=now,
            )
        )

    db.run_write(rows)
    found = db.run_read(referenced_digests)
    assert len(found) == 3 and {pdf, payload} <= found  # the scan, the PDF, the payload
    return found


def test_only_old_unreferenced_blobs_and_temporaries_are_swept(
    db: Database, tmp_path: Path
) -> None:
    store = BlobStore(tmp_path / "blobs", TEST_RING)
    referenced = _referenced_everywhere(db, store)
    orphan = store.put_bytes(b"scanned, never saved")
    young = store.put_bytes(b"scanned just now, the case is still open")
    stray = store.root / "tmp" / "0a1b2c3d.part"
    stray.write_bytes(b"half a page")
    for stored in store.files():
        _age(stored.path, 2 * DAY)
    _age(store.path_of(young), 60)
    sealed_size = store.path_of(orphan).stat().st_size  # the sealed file's, not the scan's
    report = sweep_orphan_blobs(db, store, grace_s=DAY)
    assert (report.deleted, report.temporaries, report.young) == (1, 1, 1)
    assert report.referenced == len(referenced)
    assert report.bytes_freed == sealed_size + len(b"half a page")
    assert _names(store) == _sealed(store, referenced | {young})
    assert not store.exists(orphan) and not stray.exists()


def test_plain_blobs_from_before_encryption_are_kept_while_referenced(
    db: Database, tmp_path: Path
) -> None:
    store = BlobStore(tmp_path / "blobs", TEST_RING)
    referenced = _referenced_everywhere(db, store)
    for sha in referenced:  # as an old version left them: plain, named by their hash
        plain = store.root / sha[:2] / sha[2:4] / sha
        plain.parent.mkdir(parents=True, exist_ok=True)
        plain.write_bytes(store.read_bytes(sha))
        store.path_of(sha).unlink()
    orphan = b"a plain orphan"
    orphan_sha = hashlib.sha256(orphan).hexdigest()
    (store.root / orphan_sha[:2] / orphan_sha[2:4]).mkdir(parents=True)
    (store.root / orphan_sha[:2] / orphan_sha[2:4] / orphan_sha).write_bytes(orphan)
    for stored in store.files():
        _age(stored.path, 2 * DAY)
    report = sweep_orphan_blobs(db, store, grace_s=DAY)
    assert (report.deleted, report.referenced) == (1, len(referenced))
    assert _names(store) == referenced and not store.exists(orphan_sha)


def test_a_save_that_finds_its_blob_stored_makes_it_young_again(
    db: Database, tmp_path: Path
) -> None:
    store = BlobStore(tmp_path / "blobs", TEST_RING)
    sha = store.put_bytes(b"the same page, scanned again today")
    _age(store.path_of(sha), 2 * DAY)
    assert store.put_bytes(b"the same page, scanned again today") == sha
    report = sweep_orphan_blobs(db, store, grace_s=DAY)
    assert (report.deleted, report.young) == (0, 1) and store.exists(sha)


def test_the_command_line_sweep(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(tmp_path / "none.toml"))
    assert main(["--db", db.url, "keys", "init"]) == 0
    capsys.readouterr()
    store = hall_blob_store(Settings())
    old, new = store.put_bytes(b"orphan from last week"), store.put_bytes(b"orphan of today")
    _age(store.path_of(old), 7 * DAY)
    _age(store.path_of(new), 3 * 3600)
    freed = store.path_of(old).stat().st_size + store.path_of(new).stat().st_size
    assert main(["--db", db.url, "maintenance", "sweep-blobs", "--grace-hours", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "deleted": 2,
        "temporaries": 0,
        "bytes_freed": freed,
        "referenced": 0,
        "young": 0,
    }
    assert main(["--db", db.url, "maintenance", "sweep-blobs"]) == 0
    assert capsys.readouterr().out.startswith("0 orphan blob(s) and 0 temporary file(s) deleted")
    with pytest.raises(SystemExit):
        main(["--db", db.url, "maintenance", "sweep-blobs", "--grace-hours", "0.1"])
    assert "the grace period is at least 1" in capsys.readouterr().err


def test_09_a_full_disk_stores_no_page_and_says_so(tmp_path: Path) -> None:
    with full_blob_store(tmp_path / "disk") as store:
        intake = PageIntake(store)
        with pytest.raises(StorageFullError) as raised:
            intake.take(RawPage("id-front.jpg", samples.jpeg(300, text="front")))
        assert raised.value.errno is not None
        assert list(store.files()) == []  # no page, no thumbnail, no temporary left behind


def test_the_app_sweeps_when_it_builds_the_intake_screen(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.intake.wiring import build_intake  # noqa: PLC0415 - the app's start, without Qt widgets

    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    settings = Settings()
    key_store_for(settings).save(new_ring(Algorithm.SM4_GCM, 0))
    store = hall_blob_store(settings)
    old, new = store.put_bytes(b"left by a crash"), store.put_bytes(b"scanned a minute ago")
    _age(store.path_of(old), 2 * DAY)
    _age(store.path_of(new), 60)
    assert build_intake(build_services(settings, db, hall_code="CC01"), demo=True) is not None
    assert not store.exists(old) and store.exists(new)


@pytest.mark.allow_log_warnings  # the failed sweep is logged
def test_a_failed_sweep_at_start_is_logged_and_the_start_goes_on(
    db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = BlobStore(tmp_path / "blobs", TEST_RING)
    store.put_bytes(b"an orphan")
    db.dispose()
    broken = Database(
        db.url.replace("sqlite:///", "sqlite:////nonexistent/")
        if not db.is_postgres
        else db.url + "_missing"
    )
    try:
        assert sweep_at_start(broken, store) is None
    finally:
        broken.dispose()
    assert "orphan-blob sweep failed" in caplog.text and len(list(store.files())) == 1
