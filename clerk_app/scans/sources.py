"""Where pages come from, behind one interface: a scanner, a watched folder, chosen files.

A source yields :class:`RawPage` values (the file's bytes, untrusted) from ``acquire``, which
runs on a worker thread: ``progress(done, total)`` reports (total ``None`` when unknown), and
``cancelled()`` is asked between pages. The checks and the store are the caller's business.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from clerk_app.scans.types import IntakeLimits, RawPage

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]
Cancelled = Callable[[], bool]


class ScanSource(Protocol):
    def acquire(self, progress: Progress, cancelled: Cancelled) -> Iterator[RawPage]:
        """The pages available now, one by one; stops early once ``cancelled()``."""
        ...


def read_limited(path: Path, max_bytes: int, name: str | None = None) -> RawPage:
    """A file's bytes, unless it is larger than ``max_bytes`` (then only its size is known)."""
    label = name or path.name
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
            if len(data) > max_bytes:
                size = max(path.stat().st_size, len(data))
                return RawPage(label, b"", size=size)
            return RawPage(label, data)
    except OSError as exc:
        log.info("cannot read a file: %s", type(exc).__name__)
        return RawPage(label, b"", size=0, unreadable=True)


class FileImportSource:
    """Files the clerk chose (or dropped on the panel)."""

    def __init__(self, paths: Sequence[Path], limits: IntakeLimits | None = None) -> None:
        self._paths = tuple(paths)
        self._max_bytes = (limits or IntakeLimits()).max_bytes

    def acquire(self, progress: Progress, cancelled: Cancelled) -> Iterator[RawPage]:
        total = len(self._paths)
        for done, path in enumerate(self._paths):
            if cancelled():
                return
            yield read_limited(path, self._max_bytes)
            progress(done + 1, total)


_IGNORED_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial")
TAKEN_DIR_NAME = "taken"


class FolderSource:
    """A folder a scanner or document camera saves into (docs/hardware.md).

    Each ``acquire`` is one poll: a file is taken once its size and modification time are the
    same as at the previous poll (a writer still busy changes them; change notifications do not
    fire on network shares), then moved aside into ``taken_dir`` so it is taken only once.
    Hidden files and the partial-download suffixes are left alone. The caller drives the polls
    (the panel with a timer), so an idle folder holds no worker thread.
    """

    def __init__(
        self,
        folder: Path,
        taken_dir: Path | None = None,
        limits: IntakeLimits | None = None,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.folder = folder
        self.taken_dir = taken_dir or folder / TAKEN_DIR_NAME
        self._max_bytes = (limits or IntakeLimits()).max_bytes
        self._now = now or (lambda: dt.datetime.now().astimezone())
        self._seen: dict[Path, tuple[int, int]] = {}
        self._stuck: dict[Path, tuple[int, int]] = {}

    def acquire(self, progress: Progress, cancelled: Cancelled) -> Iterator[RawPage]:
        ready = self._poll()
        for done, path in enumerate(ready):
            if cancelled():
                return
            raw = read_limited(path, self._max_bytes)
            if raw.unreadable:
                self._seen.pop(path, None)  # a writer on Windows may still hold it: next poll
                continue
            if not self._move_aside(path):
                continue
            yield raw
            progress(done + 1, len(ready))

    def _poll(self) -> list[Path]:
        try:
            entries = sorted(p for p in self.folder.iterdir() if _candidate(p))
        except OSError as exc:
            log.warning("cannot list the scan folder: %s", exc)
            return []
        ready = []
        current: dict[Path, tuple[int, int]] = {}
        for path in entries:
            try:
                stat = path.stat()
            except OSError:
                continue  # gone between listing and looking
            fingerprint = (stat.st_size, stat.st_mtime_ns)
            if self._stuck.get(path) == fingerprint:
                continue
            current[path] = fingerprint
            if stat.st_size > 0 and self._seen.get(path) == fingerprint:
                ready.append(path)
        self._seen = current
        return ready

    def _move_aside(self, path: Path) -> bool:
        stamp = self._now().strftime("%Y%m%d-%H%M%S")
        try:
            self.taken_dir.mkdir(parents=True, exist_ok=True)
            target = _free_name(self.taken_dir, f"{stamp}-{path.name}")
            path.replace(target)
        except OSError as exc:
            # Taking it again at every poll would add it again and again: leave it until it
            # changes, and say so once.
            log.warning("cannot move a scanned file aside, leaving it: %s", exc)
            self._stuck[path] = self._seen.get(path, (-1, -1))
            return False
        self._seen.pop(path, None)
        return True


def _candidate(path: Path) -> bool:
    name = path.name
    return (
        not name.startswith((".", "~"))
        and not name.lower().endswith(_IGNORED_SUFFIXES)
        and path.is_file()
    )


def _free_name(directory: Path, name: str) -> Path:
    target = directory / name
    counter = 1
    while target.exists():
        stem, dot, suffix = name.rpartition(".")
        target = directory / (f"{stem}-{counter}.{suffix}" if dot else f"{name}-{counter}")
        counter += 1
    return target
