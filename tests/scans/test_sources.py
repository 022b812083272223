"""Sources: chosen files, a watched folder (stable-size rule), and SANE's virtual scanner."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
from pathlib import Path

import pytest

from clerk_app.scans.sane import (
    SaneSettings,
    SaneSource,
    ScanError,
    ScanErrorCode,
    virtual_scanner_env,
)
from clerk_app.scans.sources import FileImportSource, FolderSource
from clerk_app.scans.store import PageIntake
from clerk_app.scans.types import IntakeLimits, RawPage
from onewindow_base.blobs import BlobStore
from tests.blob_ring import TEST_RING

STAMP = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


def take(
    source: FolderSource | FileImportSource | SaneSource, cancel: bool = False
) -> list[RawPage]:
    return list(source.acquire(lambda *_: None, lambda: cancel))


# ------------------------------------------------------------------ chosen files
def test_chosen_files_are_read_in_order_with_progress(tmp_path: Path) -> None:
    paths = [tmp_path / "a.jpg", tmp_path / "b.png"]
    paths[0].write_bytes(b"first")
    paths[1].write_bytes(b"second")
    progress: list[tuple[int, int | None]] = []
    pages = list(
        FileImportSource(paths).acquire(lambda d, t: progress.append((d, t)), lambda: False)
    )
    assert [(p.name, p.data) for p in pages] == [("a.jpg", b"first"), ("b.png", b"second")]
    assert progress == [(1, 2), (2, 2)]


def test_a_missing_file_is_reported_not_raised(tmp_path: Path) -> None:
    [page] = take(FileImportSource([tmp_path / "gone.jpg"]))
    assert page.unreadable


def test_a_file_over_the_limit_is_not_read_into_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.tif"
    with big.open("wb") as out:
        out.truncate(5_000_000)  # sparse: five megabytes on paper
    [page] = take(FileImportSource([big], IntakeLimits(max_bytes=1_000_000)))
    assert (page.data, page.size) == (b"", 5_000_000)


# ------------------------------------------------------------------ watched folder
@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "inbox"
    path.mkdir()
    return path


def watcher(folder: Path) -> FolderSource:
    return FolderSource(folder, now=lambda: STAMP)


def test_a_file_is_taken_once_its_size_held_still_for_two_polls(folder: Path) -> None:
    source = watcher(folder)
    scan = folder / "scan0001.jpg"
    scan.write_bytes(b"half")
    assert take(source) == []  # first sight
    with scan.open("ab") as out:
        out.write(b" and the rest")  # the scanner is still writing
    os.utime(scan, ns=(1, 2))
    assert take(source) == []  # changed since the last poll
    [page] = take(source)  # unchanged since the last poll
    assert (page.name, page.data) == ("scan0001.jpg", b"half and the rest")
    assert not scan.exists()
    assert (folder / "taken" / "20261124-093000-scan0001.jpg").read_bytes() == page.data
    assert take(source) == []  # taken only once


def test_hidden_partial_and_empty_files_are_left_alone(folder: Path) -> None:
    source = watcher(folder)
    for name in (".scan.jpg", "~lock.jpg", "scan.jpg.part", "download.tmp"):
        (folder / name).write_bytes(b"x")
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "sub").mkdir()
    take(source)
    assert take(source) == []
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [".scan.jpg", "~lock.jpg", "scan.jpg.part", "download.tmp", "empty.jpg", "sub"]
    )


def test_a_name_already_taken_gets_a_number(folder: Path) -> None:
    source = watcher(folder)
    (folder / "taken").mkdir()
    (folder / "taken" / "20261124-093000-a.jpg").write_bytes(b"earlier")
    (folder / "a.jpg").write_bytes(b"later")
    take(source)
    take(source)
    assert (folder / "taken" / "20261124-093000-a-1.jpg").read_bytes() == b"later"


@pytest.mark.allow_log_warnings
def test_a_file_that_cannot_be_moved_aside_is_not_taken_again_and_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    source = watcher(folder)
    (folder / "a.jpg").write_bytes(b"stuck")
    take(source)

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    assert take(source) == []
    assert take(source) == []
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1
    monkeypatch.undo()
    (folder / "a.jpg").write_bytes(b"stuck, then rescanned")
    take(source)
    assert [p.data for p in take(source)] == [b"stuck, then rescanned"]


def test_files_stable_since_the_last_poll_come_in_name_order(folder: Path) -> None:
    source = watcher(folder)
    for name in ("b.jpg", "a.jpg", "c.jpg"):
        (folder / name).write_bytes(name.encode())
    take(source)
    assert [p.name for p in take(source)] == ["a.jpg", "b.jpg", "c.jpg"]


# ------------------------------------------------------------------ SANE
needs_scanimage = pytest.mark.skipif(
    shutil.which("scanimage") is None,
    reason="scanimage not installed (Debian sane-utils; tools/system-deps.sh installs it)",
)
FEEDER = "Automatic Document Feeder"


@pytest.fixture
def sane_env(tmp_path: Path) -> dict[str, str]:
    return virtual_scanner_env(tmp_path / "sane")


@needs_scanimage
def test_sane_lists_the_virtual_scanners(sane_env: dict[str, str]) -> None:
    devices = SaneSource(SaneSettings(), env=sane_env).devices()
    assert [d.name for d in devices] == ["test:0", "test:1"]


@needs_scanimage
def test_a_feeder_batch_from_sane_is_checked_and_stored(
    sane_env: dict[str, str], tmp_path: Path
) -> None:
    settings = SaneSettings(device="test:0", resolution=200, source=FEEDER)
    source = SaneSource(settings, env=sane_env)
    intake = PageIntake(BlobStore(tmp_path / "blobs", TEST_RING))
    progress: list[int] = []
    batch = intake.take_all(source, lambda done, _total: progress.append(done), lambda: False)
    assert batch.rejected == ()
    assert len(batch.pages) == 10  # the virtual feeder holds ten sheets
    assert progress == list(range(1, 11))
    page = batch.pages[0]
    assert (page.dpi, page.mime, page.blank_suspected) == (200, "image/jpeg", False)
    assert [a.file_name for a in batch.accepted][:2] == ["scan-001.png", "scan-002.png"]


@needs_scanimage
def test_a_white_sheet_from_sane_is_suspected_blank(sane_env: dict[str, str]) -> None:
    settings = SaneSettings(device="test:0", max_pages=1, options=("--test-picture=Solid white",))
    source = SaneSource(settings, env=sane_env)
    [raw] = take(source)
    intake = PageIntake(BlobStore(Path(sane_env["SANE_CONFIG_DIR"]) / "blobs", TEST_RING))
    outcome = intake.take(raw)
    assert outcome.pages[0].blank_suspected  # type: ignore[union-attr]


@needs_scanimage
def test_cancelling_a_sane_batch_stops_the_scanner(sane_env: dict[str, str]) -> None:
    source = SaneSource(SaneSettings(device="test:0", source=FEEDER), env=sane_env)
    stop = threading.Event()
    got = []
    for raw in source.acquire(lambda *_: None, stop.is_set):
        got.append(raw)
        if len(got) == 3:
            stop.set()
    assert 3 <= len(got) < 10


@needs_scanimage
def test_a_missing_scanner_is_a_clear_error(sane_env: dict[str, str]) -> None:
    source = SaneSource(SaneSettings(device="test:7"), env=sane_env)
    with pytest.raises(ScanError) as raised:
        take(source)
    assert raised.value.code is ScanErrorCode.NO_DEVICE


def test_no_scanimage_is_a_clear_error() -> None:
    source = SaneSource(SaneSettings(), scanimage="no-such-scanimage")
    with pytest.raises(ScanError) as raised:
        take(source)
    assert raised.value.code is ScanErrorCode.NOT_INSTALLED
    assert not SaneSource.available("no-such-scanimage")
