"""A case saved on a full disk (docs/sync-rules.md fault 9): the clerk is told, nothing is saved,
no paper is printed, and the same case saves once there is room. Both databases: SQLite on a small
filesystem that is really filled (where mounting is allowed), PostgreSQL answering with its own
disk-full error."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clerk_app.db.intake_models import Applicant, IntakeCase
from clerk_app.db.sync_models import OutboxOperation
from clerk_app.intake.rules import Decision
from clerk_app.intake.types import CaseState
from onewindow_base.db.engine import Database
from tests.dbs import Templates, drop_pg, require_pg
from tests.diskfull import database_without_room, fill, small_filesystem
from ui.intake.panel import IntakeDeps
from ui.login import ClerkSession
from ui.tasks import TaskRunner

from .intake_fixtures import pdf_texts
from .test_intake_flow import attach_scans, count, fill_applicant, make_panel, pick_item, receive

DISK_FULL = {
    "en": (
        "The disk is full: this case was not saved. Ask for space to be freed, then save it again."
    ),
    "zh_CN": "磁盘已满：本件未能保存。请联系管理员清理磁盘空间后重新保存。",
}


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path | None]:
    """A small filesystem for the SQLite database, or None where mounting is not allowed."""
    where = tmp_path / "disk"
    with small_filesystem(where) as mounted:
        yield where if mounted else None


@pytest.fixture
def db_url(db_kind: str, templates: Templates, tmp_path: Path, disk: Path | None) -> Iterator[str]:
    """The demo hall; a SQLite database lives on ``disk``."""
    if db_kind == "postgresql":
        require_pg()
        url = templates.copy(db_kind, True, tmp_path)
        yield url
        drop_pg(url)
        return
    if disk is None:
        pytest.skip("a SQLite disk can be filled only on a mounted small filesystem (root)")
    source = templates.copy(db_kind, True, tmp_path).removeprefix("sqlite:///")
    shutil.copyfile(source, disk / "hall.sqlite3")
    yield f"sqlite:///{disk / 'hall.sqlite3'}"


def _fill_up(db: Database, disk: Path | None) -> Callable[[], None]:
    if disk is None:
        return database_without_room(db)  # PostgreSQL: its own SQLSTATE 53100
    fill(disk, leave_bytes=0)
    return (disk / "ballast").unlink


@pytest.mark.allow_log_warnings  # the intake service warns of the full disk
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_case_saved_on_a_full_disk_is_not_saved_and_the_clerk_is_told(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
    out_dir: Path,
    disk: Path | None,
    language: str,
    request: pytest.FixtureRequest,
) -> None:
    request.getfixturevalue("chinese" if language == "zh_CN" else "english")
    panel = make_panel(qtbot, deps, runner, clerk_session)
    fill_applicant(qtbot, panel)
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01", "M02", "M03", "M04")
    attach_scans(panel, tmp_path, ["M01", "M02", "M03", "M04"])
    make_room = _fill_up(db, None if db.is_postgres else disk)
    accept = panel.decision_bar.buttons[Decision.ACCEPT]
    accept.click()
    qtbot.waitUntil(lambda: panel.message.text() != "")
    assert panel.message.text() == DISK_FULL[language]
    assert getattr(panel, "last_result", None) is None and pdf_texts(out_dir) == []
    for model in (IntakeCase, Applicant, OutboxOperation):
        assert count(db, model) == 0
    make_room()
    qtbot.waitUntil(accept.isEnabled)
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        accept.click()
    assert panel.last_result is not None and panel.last_result.state is CaseState.ACCEPTED
    assert count(db, IntakeCase) == 1 and count(db, OutboxOperation) == 1
    assert len(pdf_texts(out_dir)) == 1
