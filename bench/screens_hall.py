"""Databases and Qt for the screen benchmarks: a fresh demo hall per database kind, and the
offscreen QApplication they share."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.common import create_pg_database, drop_pg_database, pg_unavailable
from clerk_app.bootstrap import open_database
from clerk_app.demo import seed_demo


def qt_app() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - only the screen benches need Qt

    return QApplication.instance() or QApplication([])


@contextmanager
def demo_hall(db: str) -> Iterator[str]:
    """A migrated database with the demo hall; ``db`` is "sqlite" or "pg"."""
    if db == "pg":
        reason = pg_unavailable()
        if reason is not None:
            raise RuntimeError(f"PostgreSQL unreachable: {reason}")
        url = create_pg_database()
        try:
            _seed(url)
            yield url
        finally:
            drop_pg_database(url)
        return
    with tempfile.TemporaryDirectory(prefix="ow-bench-screens-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'hall.sqlite3'}"
        _seed(url)
        yield url


def _seed(url: str) -> None:
    database = open_database(url)
    try:
        seed_demo(database)
    finally:
        database.dispose()
