"""Fresh databases for tests: an SQLite file or an isolated PostgreSQL database per test.

Each kind is migrated (and optionally seeded with the demo hall) once per test process as a
template; every test gets a copy, so it starts from the same state without paying for the
migration and the password hashing again.
"""

from __future__ import annotations

import os
import shutil
import uuid
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


def _admin(statement: sql.Composable) -> None:
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(statement)


class Templates:
    """Migrated templates, made lazily once per process."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._made: dict[tuple[str, bool], str] = {}

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
        name = f"ow_test_{uuid.uuid4().hex[:16]}"
        _admin(
            sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
                sql.Identifier(name), sql.Identifier(tag)
            )
        )
        return _pg_url(name)

    def drop_all(self) -> None:
        for (kind, _), tag in self._made.items():
            if kind == "postgresql":
                drop_pg(_pg_url(tag))


def drop_pg(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    _admin(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def copy_database(url: str, target_dir: Path) -> str:
    """A copy of the database at ``url`` as it stands (the caller disposes its engine first):
    a file copy for SQLite, ``CREATE DATABASE … TEMPLATE`` for PostgreSQL."""
    if url.startswith("sqlite"):
        target = target_dir / f"copy-{uuid.uuid4().hex[:8]}.sqlite3"
        shutil.copyfile(url.removeprefix("sqlite:///"), target)
        return f"sqlite:///{target}"
    name = f"ow_test_{uuid.uuid4().hex[:16]}"
    _admin(
        sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
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
