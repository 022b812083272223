"""Online backups of an SQLite hall, kept N days, and restoring one in place of a damaged file.

A copy is taken with SQLite's backup API while the app runs (consistent under WAL, writers go
on), written to a temporary file, checked with ``PRAGMA integrity_check``, flushed to disk and
only then renamed to its final name: a file named like a backup is a whole, checked backup.
Old copies are pruned only after a new one has passed, and the newest one never.

Restoring copies a checked backup next to the database, moves the database and its ``-wal``
and ``-shm`` files aside (kept, named with the time: a WAL left beside the restored file would
be replayed into it), renames the copy into place and migrates it; the caller records it in
the audit trail of the restored database.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from clerk_app.db.sqlite_file import (
    SIDE_FILES,
    connect_existing,
    file_lock,
    file_problems,
    in_use,
)
from clerk_app.settings import BackupSettings
from onewindow_base.clock import Clock, to_datetime
from onewindow_base.failures.database import DatabaseRefused, DbProblem

log = logging.getLogger(__name__)

STAMP = "%Y%m%d-%H%M%S"  # hall time
_STAMP_PATTERN = r"(\d{8}-\d{6})"


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    taken: dt.datetime  # hall time, from the name


@dataclass(frozen=True, slots=True)
class BackupReport:
    written: Path
    size: int
    pruned: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class Restored:
    source: Path
    kept_aside: tuple[Path, ...]  # the replaced database and its -wal/-shm, renamed
    skipped: tuple[tuple[Path, str], ...]  # newer backups that failed their check now


def default_folder(database: Path) -> Path:
    return database.parent / "backups"


def _fsync(path: Path, *, directory: bool = False) -> None:
    if directory and os.name == "nt":
        return  # Windows cannot open a directory to flush it; NTFS journals the rename
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_database(source: Path, target: Path) -> None:
    """SQLite's online backup of ``source`` into the new file ``target``, standing alone (no
    WAL beside it) and flushed to disk."""
    with (
        connect_existing(source) as src,
        closing(sqlite3.connect(target, isolation_level=None)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    _fsync(target)


class Backups:
    """The backups of one SQLite hall file in one folder."""

    def __init__(
        self, database: Path, folder: Path, *, keep_days: int, tz: ZoneInfo, clock: Clock
    ) -> None:
        self.database = database
        self.folder = folder
        self._keep = dt.timedelta(days=keep_days)
        self._tz = tz
        self._clock = clock
        self._name = re.compile(rf"{re.escape(database.stem)}-backup-{_STAMP_PATTERN}\.sqlite3")

    def _now(self) -> dt.datetime:
        return to_datetime(self._clock.now_ms(), self._tz)

    def listing(self) -> list[BackupFile]:
        """Newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.iterdir():
            match = self._name.fullmatch(path.name)
            if match:
                naive = dt.datetime.strptime(match.group(1), STAMP)  # noqa: DTZ007 - hall time
                found.append(BackupFile(path, naive.replace(tzinfo=self._tz)))
        return sorted(found, key=lambda b: b.taken, reverse=True)

    def due(self, every: dt.timedelta) -> bool:
        newest = next(iter(self.listing()), None)
        return newest is None or self._now() - newest.taken >= every

    def write(self) -> BackupReport:
        """Copy, check, flush, rename; then prune. ``DatabaseRefused`` when the copy cannot be
        made or fails its check (nothing is pruned then)."""
        taken = self._now()
        final = self.folder / f"{self.database.stem}-backup-{taken.strftime(STAMP)}.sqlite3"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=self.folder)
            os.close(fd)
        except OSError as exc:
            raise DatabaseRefused(
                DbProblem.BACKUP_FAILED, path=self.database, reason=exc.strerror or str(exc)
            ) from exc
        temporary = Path(name)
        try:
            temporary.unlink()  # the backup API makes the file itself
            copy_database(self.database, temporary)
            problems = file_problems(temporary, foreign_keys=False)
            if problems:
                raise DatabaseRefused(
                    DbProblem.BACKUP_FAILED, path=self.database, reason=problems[0]
                )
            temporary.replace(final)
            _fsync(self.folder, directory=True)
        except (sqlite3.Error, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise DatabaseRefused(
                DbProblem.BACKUP_FAILED, path=self.database, reason=reason
            ) from exc
        finally:
            temporary.unlink(missing_ok=True)
        log.info("database backed up to %s", final)
        return BackupReport(final, final.stat().st_size, self.prune())

    def prune(self) -> tuple[Path, ...]:
        """Delete the copies older than the kept days, never the newest one."""
        cutoff = self._now() - self._keep
        old = [b.path for b in self.listing()[1:] if b.taken < cutoff]
        for path in old:
            path.unlink(missing_ok=True)
        if old:
            log.info("%d backup(s) older than %s deleted", len(old), cutoff.date())
        return tuple(old)

    def restore(self, source: Path | None = None) -> Restored:
        """Put ``source`` (else the newest backup that passes its check now) in place of the
        database; the caller migrates and audits. Nothing changes when it refuses."""
        if in_use(self.database):
            raise DatabaseRefused(DbProblem.IN_USE, path=self.database)
        chosen, skipped = self._choose(source)
        folder = self.database.parent
        fd, name = tempfile.mkstemp(prefix=f".{self.database.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
        staged = Path(name)
        try:
            staged.unlink()
            copy_database(chosen, staged)
            problems = file_problems(staged, foreign_keys=False)
            if problems:
                raise DatabaseRefused(DbProblem.BACKUP_UNUSABLE, path=chosen, reason=problems[0])
            with file_lock(self.database):
                kept = self._move_aside()
                staged.replace(self.database)
                _fsync(folder, directory=True)
        except PermissionError as exc:  # Windows: a process still has the file open
            raise DatabaseRefused(DbProblem.IN_USE, path=self.database) from exc
        finally:
            staged.unlink(missing_ok=True)
        log.info("database %s restored from %s", self.database, chosen)
        return Restored(chosen, kept, tuple(skipped))

    def _choose(self, source: Path | None) -> tuple[Path, list[tuple[Path, str]]]:
        if source is not None:
            problems = file_problems(source, foreign_keys=False)
            if problems:
                raise DatabaseRefused(DbProblem.BACKUP_UNUSABLE, path=source, reason=problems[0])
            return source, []
        skipped: list[tuple[Path, str]] = []
        for backup in self.listing():
            problems = file_problems(backup.path, foreign_keys=False)
            if not problems:
                return backup.path, skipped
            skipped.append((backup.path, problems[0]))
        raise DatabaseRefused(DbProblem.NO_BACKUP, folder=self.folder)

    def _move_aside(self) -> tuple[Path, ...]:
        """The database and its side files renamed ``….damaged-<time>`` (or ``….replaced-``
        when the file itself passes its check: a deliberate return to a backup)."""
        if not self.database.exists():
            return ()
        state = "damaged" if file_problems(self.database, foreign_keys=False) else "replaced"
        stamp = self._now().strftime(STAMP)
        kept = []
        for suffix in ("", *SIDE_FILES):
            path = Path(f"{self.database}{suffix}")
            if path.exists():
                target = path.with_name(f"{self.database.name}.{state}-{stamp}{suffix}")
                path.replace(target)
                kept.append(target)
        return tuple(kept)


def hall_backups(database: Path, settings: BackupSettings, tz: ZoneInfo, clock: Clock) -> Backups:
    """The hall's backups as configured in ``[backup]``, named by the day in the hall's zone
    (``Services.tz``)."""
    folder = Path(settings.dir).expanduser() if settings.dir else default_folder(database)
    return Backups(database, folder, keep_days=settings.keep_days, tz=tz, clock=clock)
