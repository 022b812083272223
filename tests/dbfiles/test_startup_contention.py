"""Twelve processes opening one SQLite hall at the same moment: every one starts.

Start-up maintenance (the migration check, the shipped calendars, the sampled ``ANALYZE``)
writes; each write must queue for the write lock like any other writer, so a burst of PCs or
screens started together never fails with "database is locked".
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command

from clerk_app.db.migrate import _config, current_revision, head_revision
from onewindow_base.db.engine import Database
from tests.app_env import isolated_env
from tests.dbs import Templates

PROCESSES = 12
# Each child loads the app first, says so, then blocks reading the barrier pipe; the parent
# closes its end once all are ready, so every read returns at once and they open together.
CHILD = """
import os, sys
from clerk_app.bootstrap import open_database
print("ready", flush=True)
os.read(int(sys.argv[2]), 1)
open_database(sys.argv[1]).dispose()
print("opened", flush=True)
"""


def _open_all_at_once(url: str, tmp_path: Path) -> list[tuple[int, str, str]]:
    barrier_read, barrier_write = os.pipe()
    env = isolated_env(tmp_path)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, url, str(barrier_read)],
            pass_fds=(barrier_read,),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(PROCESSES)
    ]
    os.close(barrier_read)
    try:
        for child in children:
            assert child.stdout is not None
            assert child.stdout.readline() == "ready\n", child.communicate()[1]
    finally:
        os.close(barrier_write)  # the barrier opens: every child's read returns now
    results = []
    for child in children:
        out, err = child.communicate()
        results.append((child.returncode, out, err))
    return results


def _one_revision_behind(url: str) -> None:
    """The morning after an upgrade: the hall is at the previous schema revision."""
    cfg = _config()
    db = Database(url)
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "-1")
        assert current_revision(db.engine) != head_revision()
    finally:
        db.dispose()


@pytest.mark.slow
@pytest.mark.parametrize("hall", ["existing", "behind", "new"])
def test_twelve_processes_open_one_sqlite_hall_at_once(
    hall: str, templates: Templates, tmp_path: Path
) -> None:
    if hall == "new":  # the first start of a hall: every process finds no database yet
        url = f"sqlite:///{tmp_path / 'new-hall.sqlite3'}"
    else:
        url = templates.copy("sqlite", True, tmp_path)
    if hall == "behind":
        _one_revision_behind(url)
    results = _open_all_at_once(url, tmp_path)
    failures = [_error_line(err) for code, _, err in results if code != 0]
    assert failures == []
    assert all(out == "opened\n" for _, out, _ in results)
    db = Database(url)
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.dispose()


def _error_line(stderr: str) -> str:
    """The exception's own line of a traceback (SQLAlchemy adds a link after it)."""
    lines = [line for line in stderr.splitlines() if "Error" in line and not line[:1].isspace()]
    return lines[-1] if lines else stderr.strip()
