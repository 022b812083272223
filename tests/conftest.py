"""Shared fixtures: a fresh database of each kind per test, a movable clock, strict logging."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from clerk_app.queue.service import QueueService
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from tests.dbs import KINDS, Templates, drop_pg, require_pg
from tests.passwords import use_fast_hashing

SHANGHAI = ZoneInfo("Asia/Shanghai")
# A Tuesday morning in the hall's time zone.
START = dt.datetime(2026, 11, 24, 9, 30, tzinfo=SHANGHAI)


def pytest_configure() -> None:
    use_fast_hashing()  # before any template is seeded (tests/passwords.py says why)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long tests (marked ``slow``) first, the rest in their order: xdist hands tests out
    in collection order, so a long test collected last would run alone at the end while the
    other workers wait (longest first keeps the workers busy to the end)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    holder = Templates(tmp_path_factory.mktemp("templates"))
    yield holder
    holder.drop_all()


def _fresh_url(kind: str, seeded: bool, templates: Templates, tmp_path: Path) -> Iterator[str]:
    if kind == "postgresql":
        require_pg()
    url = templates.copy(kind, seeded, tmp_path)
    yield url
    if kind == "postgresql":
        drop_pg(url)


@pytest.fixture(params=KINDS)
def db_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def empty_db_url(db_kind: str, templates: Templates, tmp_path: Path) -> Iterator[str]:
    """A migrated database with no hall."""
    yield from _fresh_url(db_kind, False, templates, tmp_path)


@pytest.fixture
def db_url(db_kind: str, templates: Templates, tmp_path: Path) -> Iterator[str]:
    """A migrated database holding the demo hall."""
    yield from _fresh_url(db_kind, True, templates, tmp_path)


@pytest.fixture
def pg_url(templates: Templates, tmp_path: Path) -> Iterator[str]:
    """A PostgreSQL database holding the demo hall, for PostgreSQL-only behaviour."""
    yield from _fresh_url("postgresql", True, templates, tmp_path)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def queue(db: Database, clock: FixedClock) -> QueueService:
    return QueueService(db, clock=clock)


@pytest.fixture(autouse=True)
def _fail_on_log_warnings(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """An unexpected WARNING (or worse) log record fails the test."""
    caplog.set_level(logging.INFO)
    yield
    if request.node.get_closest_marker("allow_log_warnings"):
        return
    bad = [
        f"{r.levelname} {r.name}: {r.getMessage()}"
        for when in ("setup", "call")
        for r in caplog.get_records(when)
        if r.levelno >= logging.WARNING
    ]
    if bad:
        pytest.fail("unexpected log warnings:\n" + "\n".join(bad))
