"""``maintenance check``, ``backup`` and ``restore`` on real SQLite files and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import pytest
from sqlalchemy import text

from clerk_app.audit.service import AuditService
from clerk_app.audit.types import AuditAction
from clerk_app.cli.main import main
from clerk_app.db.backup import Backups
from clerk_app.db.migrate import head_revision
from clerk_app.db.sqlite_file import file_problems, in_use
from clerk_app.queue.service import QueueService
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from onewindow_base.failures.database import DatabaseRefused, DbProblem
from tests.dbs import Templates

SHANGHAI = ZoneInfo("Asia/Shanghai")
MORNING = dt.datetime(2026, 11, 24, 8, 0, tzinfo=SHANGHAI)
ORPHAN = (
    "INSERT INTO opening_hours (hall_id, weekday, opens_min, closes_min) "
    "VALUES (9999, 0, 480, 1020)"
)
HOLDER = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA journal_mode = WAL").fetchall()
c.execute("SELECT count(*) FROM app_user").fetchall()
print("open", flush=True)
sys.stdin.readline()
"""


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def _backups(path: Path, clock: FixedClock, keep_days: int = 14) -> Backups:
    return Backups(path, path.parent / "backups", keep_days=keep_days, tz=SHANGHAI, clock=clock)


# ------------------------------------------------------------------------------------ check
def test_a_sound_database_passes_the_check(
    db_url: str, db_kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(capsys, "--db", db_url, "maintenance", "check", "--json")
    report = json.loads(out)
    assert code == 0
    assert report["sound"] is True and report["problems"] == []
    if db_kind == "sqlite":
        assert report["database"] == str(_file(db_url))
        assert report["checks"] == ["integrity_check", "foreign_key_check", "schema revision"]
    else:
        assert report["database"] == db_url
        assert "foreign keys" in report["checks"] and "indexes valid" in report["checks"]


def test_the_check_finds_a_row_naming_a_missing_one(
    db_url: str, db_kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if db_kind == "sqlite":
        conn = sqlite3.connect(_file(db_url))  # foreign keys are off on a plain connection
        conn.execute(ORPHAN)
        conn.commit()
        conn.close()
    else:  # PostgreSQL enforces them unless triggers are off, as in a careless restore
        dsn = db_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(dsn) as pg:
            pg.execute("SET session_replication_role = replica")
            pg.execute(ORPHAN)
    code, out, _ = cli(capsys, "--db", db_url, "maintenance", "check")
    assert code == 1
    assert "1 problem(s)" in out
    assert "opening_hours" in out and "hall" in out


def test_the_check_finds_damaged_pages(
    templates: Templates, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(templates.copy("sqlite", True, tmp_path))
    with path.open("r+b") as file:
        file.seek(path.stat().st_size // 2 // 4096 * 4096)
        file.write(b"\x00" * 4096 * 4)
    code, out, _ = cli(capsys, "--db", f"sqlite:///{path}", "maintenance", "check")
    assert code == 1
    assert out.startswith(f"{path}: ") and "problem(s)" in out


def test_the_check_names_a_schema_behind_the_app(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Database(db_url)
    with db.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '0001_old'"))
    db.dispose()
    code, out, _ = cli(capsys, "--db", db_url, "maintenance", "check")
    assert code == 1
    assert f"schema revision 0001_old, the app expects {head_revision()}" in out


def test_the_check_reports_an_unreachable_server(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql://nobody@127.0.0.1:9/none"  # port 9 (discard): nothing listens
    code, out, _ = cli(capsys, "--db", url, "maintenance", "check")
    assert code == 1
    assert "cannot check the database" in out


# ----------------------------------------------------------------------------------- backup
def test_a_backup_is_a_checked_standalone_copy_named_in_hall_time(
    templates: Templates, tmp_path: Path
) -> None:
    path = _file(templates.copy("sqlite", True, tmp_path))
    report = _backups(path, FixedClock(MORNING)).write()
    assert report.written == tmp_path / "backups" / "hall-backup-20261124-080000.sqlite3"
    assert sorted(p.name for p in report.written.parent.iterdir()) == [report.written.name]
    assert file_problems(report.written) == []
    copy = sqlite3.connect(report.written)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert copy.execute("SELECT count(*) FROM app_user").fetchone()[0] > 0
    copy.close()


def test_old_backups_are_pruned_only_after_a_new_one_passed(
    templates: Templates, tmp_path: Path
) -> None:
    path = _file(templates.copy("sqlite", True, tmp_path))
    clock = FixedClock(MORNING)
    backups = _backups(path, clock, keep_days=3)
    reports = []
    for _ in range(5):  # one a day
        reports.append(backups.write())
        clock.advance(minutes=24 * 60)
    # The copy of the 24th is more than 3 days old once the copy of the 28th has passed.
    assert [r.pruned for r in reports] == [(), (), (), (), (reports[0].written,)]
    assert [b.taken.day for b in backups.listing()] == [28, 27, 26, 25]
    clock.advance(minutes=10 * 24 * 60)  # ten days without a backup
    path.write_bytes(b"not a database any more")
    with pytest.raises(DatabaseRefused) as refused:
        backups.write()
    assert refused.value.problem is DbProblem.BACKUP_FAILED
    assert len(backups.listing()) == 4  # a failed copy prunes nothing
    assert sorted(p.name for p in (tmp_path / "backups").iterdir() if p.name.startswith(".")) == []
    older = tuple(b.path for b in backups.listing()[1:])
    assert backups.prune() == older
    assert [b.taken.day for b in backups.listing()] == [28]  # the newest always stays


def test_the_backup_command_writes_and_reports(
    templates: Templates, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = templates.copy("sqlite", True, tmp_path)
    code, out, _ = cli(capsys, "--db", url, "maintenance", "backup", "--json")
    report = json.loads(out)
    assert code == 0
    assert Path(report["backup"]).parent == tmp_path / "backups" and report["pruned"] == []


def test_postgresql_backups_are_the_servers_job(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for task in ("backup", "restore"):
        code, out, err = cli(capsys, "--db", pg_url, "maintenance", task)
        assert (code, out) == (1, "")
        assert "pg_dump" in err and "pg_restore" in err and err.count("\n") == 1


# ---------------------------------------------------------------------------------- restore
def test_a_damaged_hall_is_restored_from_its_newest_backup_and_audited(
    templates: Templates, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = templates.copy("sqlite", True, tmp_path)
    path = _file(url)
    db = Database(url)
    QueueService(db).open_window(1)
    db.dispose()
    assert cli(capsys, "--db", url, "maintenance", "backup")[0] == 0
    (tmp_path / "backups" / "hall-backup-20200101-000000.sqlite3").write_bytes(b"older")
    path.write_bytes(os.urandom(8192))
    Path(f"{path}-wal").write_bytes(b"a WAL that must not be replayed into the restored file")

    code, out, err = cli(capsys, "--db", url, "maintenance", "restore", "--json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    kept = sorted(tmp_path.glob("hall.sqlite3.damaged-*"))
    assert [p.name for p in kept] == report["kept_aside"]
    assert len(kept) == 2 and kept[1].name.endswith("-wal")
    assert kept[0].read_bytes()[:6] != b"SQLite"  # the damaged file itself, kept as it was
    assert not Path(f"{path}-wal").exists() or b"must not" not in Path(f"{path}-wal").read_bytes()
    assert file_problems(path) == []

    db = Database(url)
    try:
        assert QueueService(db).status().windows[0].state.value == "open"
        [restore] = [
            e for e in AuditService(db).entries(0, 2**62) if e.action == AuditAction.DB_RESTORE
        ]
        assert restore.target == "hall.sqlite3" and restore.actor.startswith("cli:")
        assert json.loads(restore.detail)["revision"] == head_revision()
        assert AuditService(db).verify().intact
    finally:
        db.dispose()
    assert cli(capsys, "--db", url, "queue", "status")[0] == 0


def test_restore_from_a_named_file_migrates_it_to_the_newest_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    legacy = tmp_path / "legacy.sqlite3"
    conn = sqlite3.connect(legacy)
    conn.execute("CREATE TABLE keepme (x INTEGER)")
    conn.execute("INSERT INTO keepme VALUES (42)")
    conn.commit()
    conn.close()
    path = tmp_path / "hall.sqlite3"
    path.touch()  # an empty file where the hall was
    url = f"sqlite:///{path}"
    code, out, _ = cli(capsys, "--db", url, "maintenance", "restore", "--from", str(legacy))
    assert code == 0
    assert f"migrated from None to {head_revision()}" in out
    assert [p.name for p in tmp_path.glob("hall.sqlite3.damaged-*")] != []
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT x FROM keepme").fetchall() == [(42,)]
    conn.close()


def test_restore_refuses_when_there_is_nothing_sound_to_restore(
    templates: Templates, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = templates.copy("sqlite", True, tmp_path)
    path = _file(url)
    path.write_bytes(b"garbage")
    bad = tmp_path / "bad-backup.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    code, _, err = cli(capsys, "--db", url, "maintenance", "restore", "--from", str(bad))
    assert code == 1 and f"The backup file {bad} fails its checks" in err
    code, _, err = cli(capsys, "--db", url, "maintenance", "restore")
    assert (
        code == 1 and f"No backup that passes its checks was found in {tmp_path / 'backups'}" in err
    )
    assert path.read_bytes() == b"garbage"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad-backup.sqlite3", "hall.sqlite3"]


def test_restore_refuses_while_a_process_has_the_hall_open(
    templates: Templates, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = templates.copy("sqlite", True, tmp_path)
    path = _file(url)
    assert cli(capsys, "--db", url, "maintenance", "backup")[0] == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        assert in_use(path)
        code, _, err = cli(capsys, "--db", url, "maintenance", "restore")
        assert code == 1 and "is in use by OneWindow" in err
        assert not list(tmp_path.glob("hall.sqlite3.*-*"))  # nothing moved aside
    finally:
        holder.communicate("\n")
    assert not in_use(path)
