"""The server epoch: a restore (detected, or announced with ``new-epoch``) means re-pull."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import delete
from sqlalchemy.orm import Session

from central_server.composition import create_services
from central_server.db import VERSION_TABLE, current_revision, head_revision
from central_server.models import Base, Case, ChangeEvent, Operation
from central_server.services.epoch import new_epoch
from central_server.settings import ServerSettings
from onewindow_base.db.engine import Database
from tests.central_server.harness import Harness, intake


def test_new_epoch_makes_old_cursors_410_and_replays_are_duplicates(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    op = device.op("case.accept", intake(device))
    device.results(op)
    page = device.get("/v1/changes").json()
    new_epoch(server.services.ctx, server.services.guard)
    assert device.get("/v1/hello").json()["epoch"] != page["epoch"]
    assert device.get("/v1/changes", params={"cursor": page["next_cursor"]}).status_code == 410
    full = device.get("/v1/changes").json()  # the full re-pull
    assert len(full["changes"]) == len(page["changes"])
    assert device.results(op)[0]["status"] == "duplicate"


@pytest.mark.allow_log_warnings
def test_a_database_restored_behind_the_guard_gets_a_new_epoch(
    server: Harness, central_settings: ServerSettings
) -> None:
    server.publish()
    device = server.enrol()
    kept = device.op("case.accept", intake(device))
    device.results(kept)
    with server.services.ctx.db.read() as session:
        mark = max(r.seq for r in session.query(ChangeEvent))
        op_mark = max(r.id for r in session.query(Operation))
    lost = device.op("case.accept", intake(device))
    device.results(lost)
    epoch = device.get("/v1/hello").json()["epoch"]

    # "Restore" a backup taken between the two operations: what came after it is gone.
    def roll_back(session: Session) -> None:
        session.execute(delete(ChangeEvent).where(ChangeEvent.seq > mark))
        session.execute(delete(Operation).where(Operation.id > op_mark))
        session.execute(delete(Case).where(Case.case_no == lost["payload"]["case_no"]))

    server.services.ctx.db.run_write(roll_back)
    restarted = create_services(central_settings, server.clock)
    with Harness.running(restarted, server.clock) as again:
        device.client = again.http()
        hello = device.get("/v1/hello").json()
        assert hello["epoch"] != epoch
        # The client re-pushes what it kept: one duplicate, one applied again.
        assert [r["status"] for r in device.results(kept, lost)] == ["duplicate", "applied"]


def test_an_unchanged_database_keeps_its_epoch_across_restarts(
    server: Harness, central_settings: ServerSettings
) -> None:
    server.publish()
    device = server.enrol()
    device.results(device.op("case.accept", intake(device)))
    epoch = device.get("/v1/hello").json()["epoch"]
    restarted = create_services(central_settings, server.clock)
    with Harness.running(restarted, server.clock) as again:
        device.client = again.http()
        assert device.get("/v1/hello").json()["epoch"] == epoch


def test_migrations_create_exactly_what_the_models_declare(central_db_url: str) -> None:
    db = Database(central_db_url)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        diff = compare_metadata(context, Base.metadata)
        revision = current_revision(db.engine)
    db.dispose()
    assert diff == []
    assert revision == head_revision()
