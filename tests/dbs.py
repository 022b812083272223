"""Fresh databases for tests: an SQLite file or an isolated PostgreSQL database per test.

Each kind is migrated (and optionally seeded with the demo hall) once per test process as a
template; every test gets a copy, so it starts from the same state without paying for the
migration and the password hashing again.

A PostgreSQL copy is made with ``STRATEGY WAL_LOG``: for a template of a few megabytes it is
several times quicker than ``FILE_COPY``, which forces two checkpoints per copy (flushing what
every other test process has written). A test's database is dropped by a background thread of
its process, so the next test does not wait for the drop, with whatever else has queued up at
once (concurrent drops share the checkpoint each forces); the process waits for the pending
drops before it ends.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import queue
import shutil
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from clerk_app.bootstrap import open_database
from clerk_app.demo import seed_demo

PG_ADMIN_DSN = os.environ.get("ONEWINDOW_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
KINDS = ("sqlite", "postgresql")


def _pg_url(name: str) -> str:
    base = psycopg.conninfo.conninfo_to_dict(PG_ADMIN_DSN)
    host, port, user = base.get("host", "127.0.0.1"), base.get("port", 5432), base["user"]
    return f"postgresql+psycopg://{user}@{host}:{port}/{name}"


def pg_available() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    try:
        with psycopg.connect(PG_ADMIN_DSN, connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0]


def require_pg() -> None:
    reason = pg_available()
    if reason is None:
        return
    message = f"PostgreSQL at {PG_ADMIN_DSN} is unreachable: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: PostgreSQL tests must run, never skip)")
    pytest.skip(message)


def _admin(statement: sql.Composed) -> None:
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(statement)


def _copy_pg(template: str) -> str:
    name = f"ow_test_{uuid.uuid4().hex[:16]}"
    _admin(
        sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY WAL_LOG").format(
            sql.Identifier(name), sql.Identifier(template)
        )
    )
    return name


class _CopiesAhead:
    """Copies of one PostgreSQL template made by a background thread, one ahead of the test
    that takes it: the copy (a quarter of a second, mostly the server writing) overlaps the
    previous test instead of delaying the next one."""

    def __init__(self, template: str) -> None:
        self._template = template
        self._ready: queue.Queue[str | BaseException] = queue.Queue(maxsize=1)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pg-copies-ahead", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                made: str | BaseException = _copy_pg(self._template)
            except psycopg.Error as exc:
                made = exc
            while True:  # a put that notices stop(): the queue is full until a test takes
                try:
                    self._ready.put(made, timeout=0.5)
                    break
                except queue.Full:
                    if self._stopping.is_set():
                        if isinstance(made, str):
                            drop_pg_now(made)
                        return

    def take(self) -> str:
        made = self._ready.get()
        if isinstance(made, BaseException):
            raise made
        return made

    def stopping(self) -> None:
        """Tell the thread to stop (several copiers stop together, then :meth:`stop` each)."""
        self._stopping.set()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join()
        while not self._ready.empty():
            made = self._ready.get_nowait()
            if isinstance(made, str):
                drop_pg_now(made)


class Templates:
    """Migrated templates, made lazily once per process."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._made: dict[tuple[str, bool], str] = {}
        self._ahead: dict[str, _CopiesAhead] = {}

    def _build(self, kind: str, seeded: bool) -> str:
        tag = f"ow_tmpl_{uuid.uuid4().hex[:12]}_{'demo' if seeded else 'empty'}"
        if kind == "sqlite":
            path = self._root / f"{tag}.sqlite3"
            url = f"sqlite:///{path}"
        else:
            _admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(tag)))
            url = _pg_url(tag)
        db = open_database(url)
        if seeded:
            seed_demo(db)
        if kind == "sqlite":
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.dispose()
        return tag

    def template(self, kind: str, seeded: bool) -> str:
        key = (kind, seeded)
        if key not in self._made:
            self._made[key] = self._build(kind, seeded)
        return self._made[key]

    def copy(self, kind: str, seeded: bool, target_dir: Path) -> str:
        tag = self.template(kind, seeded)
        if kind == "sqlite":
            target = target_dir / "hall.sqlite3"
            shutil.copyfile(self._root / f"{tag}.sqlite3", target)
            return f"sqlite:///{target}"
        if tag not in self._ahead:
            self._ahead[tag] = _CopiesAhead(tag)
        return _pg_url(self._ahead[tag].take())

    def drop_all(self) -> None:
        for ahead in self._ahead.values():
            ahead.stopping()
        for ahead in self._ahead.values():
            ahead.stop()
        failures = drain_drops()
        for (kind, _), tag in self._made.items():
            if kind == "postgresql":
                drop_pg_now(tag)
        if failures:
            raise RuntimeError("test databases not dropped: " + "; ".join(failures))


class _Dropper:
    """Drops databases in the background. PostgreSQL 15 forces an immediate checkpoint for each
    ``DROP DATABASE`` (flushing what every test process has written), but drops running at
    the same time share one: so whatever has queued up is dropped at once, on up to
    ``BATCH`` connections. One at a time, the drops fell behind the tests and left each test
    process half a minute of drops to wait for at its end."""

    BATCH = 8

    def __init__(self) -> None:
        self._queue: queue.Queue[str] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.failures: list[str] = []

    def submit(self, name: str) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="pg-dropper", daemon=True)
                self._thread.start()
                atexit.register(self.drain)
        self._queue.put(name)

    def _drop(self, name: str) -> None:
        try:
            drop_pg_now(name)
        except psycopg.Error as exc:  # reported by drain(), never lost silently
            self.failures.append(f"{name}: {exc}")
        finally:
            self._queue.task_done()

    def _run(self) -> None:
        with ThreadPoolExecutor(self.BATCH, thread_name_prefix="pg-drop") as pool:
            while True:
                batch = [self._queue.get()]
                with contextlib.suppress(queue.Empty):
                    while len(batch) < self.BATCH:
                        batch.append(self._queue.get_nowait())
                list(pool.map(self._drop, batch))

    def drain(self) -> None:
        """Wait for every drop submitted so far."""
        if self._thread is not None:
            self._queue.join()


_dropper = _Dropper()


def drop_pg_now(url_or_name: str) -> None:
    name = url_or_name.rsplit("/", 1)[-1]
    _admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def drop_pg(url: str) -> None:
    """Drop a test's database once nothing uses it any more (in the background)."""
    _dropper.submit(url.rsplit("/", 1)[1])


def drain_drops() -> list[str]:
    """Wait for the background drops; the ones that failed."""
    _dropper.drain()
    return list(_dropper.failures)


def copy_database(url: str, target_dir: Path) -> str:
    """A copy of the database at ``url`` as it stands (the caller disposes its engine first):
    a file copy for SQLite, ``CREATE DATABASE … TEMPLATE`` for PostgreSQL."""
    if url.startswith("sqlite"):
        target = target_dir / f"copy-{uuid.uuid4().hex[:8]}.sqlite3"
        shutil.copyfile(url.removeprefix("sqlite:///"), target)
        return f"sqlite:///{target}"
    name = f"ow_test_{uuid.uuid4().hex[:16]}"
    _admin(
        sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY WAL_LOG").format(
            sql.Identifier(name), sql.Identifier(url.rsplit("/", 1)[1])
        )
    )
    return _pg_url(name)


def new_pg_database() -> str:
    """An empty PostgreSQL database of its own (drop it with :func:`drop_pg`): for a test that
    hands the URL to processes it starts, which migrate it themselves."""
    require_pg()
    name = f"ow_test_{uuid.uuid4().hex[:16]}"
    _admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return _pg_url(name)
