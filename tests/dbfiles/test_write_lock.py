"""A SQLite writer behind another waits for the write lock and then writes: first asking again
every half millisecond, past ``SQLITE_QUICK_WAIT_S`` in SQLite's own busy handler; either way
the connection keeps its busy timeout for everything else."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from onewindow_base.db import engine as engine_module
from onewindow_base.db.engine import SQLITE_BUSY_TIMEOUT_MS, Database


@pytest.fixture
def hall_file(tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    path = tmp_path / "hall.sqlite3"
    db = Database(f"sqlite:///{path}")
    with db.write() as session:
        session.execute(text("CREATE TABLE note (n INTEGER)"))
    yield db, path
    db.dispose()


def holder(path: Path) -> sqlite3.Connection:
    """Another program's connection holding the write lock."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO note VALUES (1)")
    return conn


def notes(db: Database) -> list[int]:
    with db.read() as session:
        return list(session.scalars(text("SELECT n FROM note ORDER BY n")))


def busy_timeout(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(text("PRAGMA busy_timeout")) or 0)


def test_a_writer_asks_again_until_the_holder_commits(
    hall_file: tuple[Database, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, path = hall_file
    other = holder(path)
    pauses: list[float] = []

    def pause(seconds: float) -> None:  # the writer's first pause is when the holder commits
        pauses.append(seconds)
        if len(pauses) == 1:
            other.execute("COMMIT")

    monkeypatch.setattr("onewindow_base.db.engine.time.sleep", pause)
    with db.write() as session:
        session.execute(text("INSERT INTO note VALUES (2)"))
    other.close()
    assert pauses == [engine_module.SQLITE_RETRY_S]  # one quick pause, then the lock
    assert notes(db) == [1, 2]  # the holder's row first, then the waiting writer's
    assert busy_timeout(db) == SQLITE_BUSY_TIMEOUT_MS


def test_past_the_quick_wait_the_busy_handler_waits_for_the_lock(
    hall_file: tuple[Database, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, path = hall_file
    other = holder(path)
    monkeypatch.setattr(engine_module, "SQLITE_QUICK_WAIT_S", 0.0)
    gave_up = threading.Event()
    quick = engine_module._quick_write_lock

    def quick_then_tell(raw: sqlite3.Connection) -> bool:
        got = quick(raw)
        if not got:
            gave_up.set()
        return got

    monkeypatch.setattr(engine_module, "_quick_write_lock", quick_then_tell)

    def commit_when_the_writer_gave_up() -> None:
        assert gave_up.wait(10)
        other.execute("COMMIT")

    releaser = threading.Thread(target=commit_when_the_writer_gave_up)
    releaser.start()
    with db.write() as session:
        session.execute(text("INSERT INTO note VALUES (2)"))
    releaser.join()
    other.close()
    assert gave_up.is_set()
    assert notes(db) == [1, 2]
    assert busy_timeout(db) == SQLITE_BUSY_TIMEOUT_MS
