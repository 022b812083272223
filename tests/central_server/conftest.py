"""A real central server per test: uvicorn on a loopback port, on SQLite and on PostgreSQL.

Each database kind is migrated once per test process as a template; every test gets a copy
(a file copy, or ``CREATE DATABASE … TEMPLATE``), its own data directory and a movable clock.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from central_server.composition import create_services
from central_server.db import open_central_database
from central_server.models import Base
from central_server.settings import ServerSettings
from onewindow_base.clock import FixedClock
from tests.central_server.harness import Harness
from tests.conftest import START
from tests.dbs import KINDS, PG_ADMIN_DSN, drop_pg_now, require_pg


def _admin(statement: sql.Composed) -> None:
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(statement)


def _pg_url(name: str) -> str:
    base = psycopg.conninfo.conninfo_to_dict(PG_ADMIN_DSN)
    host, port, user = base.get("host", "127.0.0.1"), base.get("port", 5432), base["user"]
    return f"postgresql+psycopg://{user}@{host}:{port}/{name}"


class CentralTemplates:
    """A migrated SQLite file to copy per test, and one PostgreSQL database per test process.

    Creating a PostgreSQL database per test costs about a second (a checkpoint each time), so
    PostgreSQL tests share one migrated database and empty every table before each test.
    """

    def __init__(self, root: Path) -> None:
        self._root = root
        self._made: dict[str, str] = {}

    def _build(self, kind: str) -> str:
        tag = f"ow_central_{uuid.uuid4().hex[:12]}"
        if kind == "sqlite":
            url = f"sqlite:///{self._root / tag}.sqlite3"
        else:
            _admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(tag)))
            url = _pg_url(tag)
        db = open_central_database(url)
        if kind == "sqlite":
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.dispose()
        return tag

    def fresh(self, kind: str, target_dir: Path) -> str:
        if kind not in self._made:
            self._made[kind] = self._build(kind)
        tag = self._made[kind]
        if kind == "sqlite":
            target = target_dir / "central.sqlite3"
            shutil.copyfile(self._root / f"{tag}.sqlite3", target)
            return f"sqlite:///{target}"
        url = _pg_url(tag)
        tables = sql.SQL(", ").join(sql.Identifier(t.name) for t in Base.metadata.sorted_tables)
        with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn:
            conn.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(tables))
        return url

    def drop_all(self) -> None:
        for kind, tag in self._made.items():
            if kind == "postgresql":
                drop_pg_now(tag)


@pytest.fixture(scope="session")
def central_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralTemplates]:
    holder = CentralTemplates(tmp_path_factory.mktemp("central-templates"))
    yield holder
    holder.drop_all()


@pytest.fixture(params=KINDS)
def central_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def central_db_url(central_kind: str, central_templates: CentralTemplates, tmp_path: Path) -> str:
    if central_kind == "postgresql":
        require_pg()
    return central_templates.fresh(central_kind, tmp_path)


@pytest.fixture
def central_settings(central_db_url: str, tmp_path: Path) -> ServerSettings:
    return ServerSettings(db_url=central_db_url, data_dir=tmp_path / "central-data")


@pytest.fixture
def server(central_settings: ServerSettings) -> Iterator[Harness]:
    """A running server on a fresh database, its clock at a Tuesday morning in 2026."""
    clock = FixedClock(START)
    services = create_services(central_settings, clock)
    with Harness.running(services, clock) as harness:
        yield harness
