"""Taking files in: stored only when every check passed, content-addressed, with thumbnails."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from clerk_app.scans.checks import Rejection
from clerk_app.scans.sources import FileImportSource
from clerk_app.scans.store import Accepted, PageIntake
from clerk_app.scans.types import IntakeLimits, RawPage, RejectCode
from onewindow_base.blobs import BlobStore
from tests.blob_ring import TEST_RING
from tests.scans import samples


@pytest.fixture
def blobs(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", TEST_RING)


@pytest.fixture
def intake(blobs: BlobStore) -> PageIntake:
    return PageIntake(blobs)


def stored_files(blobs: BlobStore) -> list[Path]:
    return [p for p in blobs.root.rglob("*") if p.is_file()] if blobs.root.exists() else []


def test_an_accepted_page_and_its_thumbnail_are_stored(
    intake: PageIntake, blobs: BlobStore
) -> None:
    outcome = intake.take(RawPage("id-card.jpg", samples.jpeg(300)))
    assert isinstance(outcome, Accepted)
    [page] = outcome.pages
    data = intake.page_bytes(page)
    assert hashlib.sha256(data).hexdigest() == page.sha256
    assert page.bytes == len(data)
    assert (page.mime, page.dpi, page.blank_suspected) == ("image/jpeg", 300, False)
    assert Image.open(io.BytesIO(data)).size == (page.width, page.height)
    thumbnail = Image.open(io.BytesIO(intake.thumbnail(page)))
    assert max(thumbnail.size) == 256
    assert len(stored_files(blobs)) == 2


def test_the_same_scan_taken_twice_is_stored_once(intake: PageIntake, blobs: BlobStore) -> None:
    first = intake.take(RawPage("a.png", samples.png(200)))
    second = intake.take(RawPage("b.png", samples.png(200)))
    assert isinstance(first, Accepted)
    assert isinstance(second, Accepted)
    assert first.pages == second.pages
    assert len(stored_files(blobs)) == 2


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("corrupt.jpg", b"\xff\xd8\xff" + bytes(300), RejectCode.CORRUPT),
        ("truncated.jpg", samples.jpeg(200)[:5000], RejectCode.CORRUPT),
        ("bomb.png", samples.png_bomb(8000, 8000), RejectCode.TOO_MANY_PIXELS),
        ("setup.jpg", samples.windows_exe(), RejectCode.UNSUPPORTED_TYPE),
        ("scan.png", samples.zip_archive(), RejectCode.UNSUPPORTED_TYPE),
        ("fax.jpg", samples.jpeg(100), RejectCode.LOW_RESOLUTION),
        ("locked.pdf", samples.encrypted_pdf(), RejectCode.ENCRYPTED),
        (
            "third-page-broken.tif",
            samples.tiff([samples.page(200), samples.page(200, "2"), samples.page(100)], 200)[
                :-20000
            ],
            RejectCode.CORRUPT,
        ),
    ],
)
def test_nothing_is_stored_for_a_refused_file(
    intake: PageIntake, blobs: BlobStore, name: str, data: bytes, code: RejectCode
) -> None:
    outcome = intake.take(RawPage(name, data))
    assert isinstance(outcome, Rejection)
    assert outcome.code is code
    assert stored_files(blobs) == []


def test_a_huge_file_is_refused_without_being_read_whole(tmp_path: Path, blobs: BlobStore) -> None:
    huge = tmp_path / "huge.jpg"
    huge.write_bytes(samples.jpeg(200) + bytes(3_000_000))
    limits = IntakeLimits(max_bytes=1_000_000)
    intake = PageIntake(blobs, limits)
    batch = intake.take_all(FileImportSource([huge], limits), lambda *_: None, lambda: False)
    [rejection] = batch.rejected
    assert (rejection.code, rejection.found, rejection.limit) == (
        RejectCode.TOO_LARGE,
        huge.stat().st_size,
        1_000_000,
    )
    assert stored_files(blobs) == []


def test_a_batch_reports_each_file_as_it_is_settled(tmp_path: Path, intake: PageIntake) -> None:
    good, bad = tmp_path / "good.jpg", tmp_path / "bad.jpg"
    good.write_bytes(samples.jpeg(200))
    bad.write_bytes(samples.windows_exe())
    heard: list[str] = []
    progress: list[tuple[int, int | None]] = []

    def on_outcome(outcome: Accepted | Rejection) -> None:
        heard.append(outcome.file_name)

    batch = intake.take_all(
        FileImportSource([good, bad]),
        lambda d, t: progress.append((d, t)),
        lambda: False,
        on_outcome,
    )
    assert heard == ["good.jpg", "bad.jpg"]
    assert progress == [(1, 2), (2, 2)]
    assert [a.file_name for a in batch.accepted] == ["good.jpg"]
    assert [r.file_name for r in batch.rejected] == ["bad.jpg"]
    assert len(batch.pages) == 1
    assert not batch.cancelled


def test_a_cancelled_batch_stops_between_files(tmp_path: Path, intake: PageIntake) -> None:
    paths = []
    for n in range(3):
        path = tmp_path / f"p{n}.jpg"
        path.write_bytes(samples.jpeg(150, text=f"page {n}"))
        paths.append(path)
    stop = {"now": False}

    def after_first(_outcome: object) -> None:
        stop["now"] = True

    batch = intake.take_all(
        FileImportSource(paths), lambda *_: None, lambda: stop["now"], after_first
    )
    assert len(batch.accepted) == 1
    assert batch.cancelled
