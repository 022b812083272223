"""Taking files in: every check first, then the pages and thumbnails into the blob store.

The blob store is injected (``put_bytes(data) -> sha256``, ``open(sha256)``); a file is stored
only once all of its pages passed every check, so a refused file leaves nothing behind.
Storing is content-addressed and durable (the store fsyncs); if the disk fails part-way through
a multi-page file, the pages already written are unreferenced blobs, never a damaged one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from clerk_app.scans.checks import Rejection, check_file
from clerk_app.scans.pages import PageRecord
from clerk_app.scans.sources import Cancelled, Progress, ScanSource
from clerk_app.scans.types import CheckedFile, IntakeLimits, RawPage

log = logging.getLogger(__name__)


class BlobSink(Protocol):
    def put_bytes(self, data: bytes) -> str: ...

    def open(self, sha256: str) -> BinaryIO: ...


@dataclass(frozen=True, slots=True)
class Accepted:
    """A file taken in: its pages in order, each stored with its thumbnail."""

    file_name: str
    pages: tuple[PageRecord, ...]


FileOutcome = Accepted | Rejection


@dataclass(frozen=True, slots=True)
class IntakeBatch:
    """What one acquisition brought: accepted files, refused files, and whether it was cut short."""

    accepted: tuple[Accepted, ...]
    rejected: tuple[Rejection, ...]
    cancelled: bool

    @property
    def pages(self) -> tuple[PageRecord, ...]:
        return tuple(page for accepted in self.accepted for page in accepted.pages)


class PageIntake:
    """Checks files against the limits and stores the ones that pass."""

    def __init__(self, blobs: BlobSink, limits: IntakeLimits | None = None) -> None:
        self._blobs = blobs
        self.limits = limits or IntakeLimits()

    def take(self, raw: RawPage) -> FileOutcome:
        verdict = check_file(raw, self.limits)
        if isinstance(verdict, Rejection):
            log.info("refused a file: %s", verdict.code.value)  # names may name the applicant
            return verdict
        return Accepted(verdict.file_name, self._store(verdict))

    def take_all(
        self,
        source: ScanSource,
        progress: Progress,
        cancelled: Cancelled,
        on_outcome: Callable[[FileOutcome], None] | None = None,
    ) -> IntakeBatch:
        """Acquire from ``source`` until it ends or ``cancelled()``; each file checked and stored.

        ``on_outcome`` hears of each file as soon as it is settled (the panel shows pages while
        the feeder is still running).
        """
        accepted: list[Accepted] = []
        rejected: list[Rejection] = []
        for raw in _until_cancelled(source.acquire(progress, cancelled), cancelled):
            outcome = self.take(raw)
            if isinstance(outcome, Accepted):
                accepted.append(outcome)
            else:
                rejected.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
        return IntakeBatch(tuple(accepted), tuple(rejected), cancelled())

    def thumbnail(self, page: PageRecord) -> bytes:
        with self._blobs.open(page.thumbnail_sha256) as blob:
            return blob.read()

    def page_bytes(self, page: PageRecord) -> bytes:
        with self._blobs.open(page.sha256) as blob:
            return blob.read()

    def _store(self, checked: CheckedFile) -> tuple[PageRecord, ...]:
        records = []
        for page in checked.pages:
            sha256 = self._blobs.put_bytes(page.data)
            thumbnail = self._blobs.put_bytes(page.thumbnail)
            records.append(
                PageRecord(
                    sha256=sha256,
                    mime=page.mime,
                    width=page.width,
                    height=page.height,
                    dpi=page.dpi,
                    bytes=len(page.data),
                    thumbnail_sha256=thumbnail,
                    blank_suspected=page.blank_suspected,
                )
            )
        log.info("stored a %s file: %d page(s)", checked.detected.value, len(records))
        return tuple(records)


def _until_cancelled(pages: Iterator[RawPage], cancelled: Cancelled) -> Iterator[RawPage]:
    try:
        for raw in pages:
            if cancelled():
                return
            yield raw
    finally:
        close = getattr(pages, "close", None)
        if close is not None:
            close()  # a generator source stops its scanner or releases its folder now
