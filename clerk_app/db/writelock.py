"""A kernel file lock that queues SQLite writers, so that none of them starves.

SQLite's busy handler makes a waiting writer sleep and retry (1, 2, 5 … up to 100 ms between
tries); under a burst of writers from several processes a caller can lose the race again and
again and wait for seconds. Holding an exclusive ``flock`` on a file beside the database for the
length of each write transaction puts waiters to sleep in the kernel, which wakes one as soon as
the lock is free. The lock is released by the kernel if the process dies. Where ``fcntl`` does
not exist (Windows) SQLite's own locking is used alone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".writelock")


@contextmanager
def exclusive(path: Path | None) -> Iterator[None]:
    if path is None or fcntl is None:
        yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
