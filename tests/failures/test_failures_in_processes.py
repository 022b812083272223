"""Operational failures in real ``clerk-app`` and ``central-server`` processes: what a person
at the terminal sees is one line, never a traceback (issue 16, point 3).

``clerk-app demo --cases 5`` on a full disk (a small filesystem really filled for SQLite;
PostgreSQL answering with its own disk-full error), a damaged hall file, permission denied (as
root the process runs without the capabilities that override file permissions, on files owned
by another user), and the central server on a damaged or unreachable database.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clerk_app.db.intake_models import IntakeCase
from onewindow_base.db.engine import Database
from onewindow_base.failures import OperationalFailure
from onewindow_base.failures.base import FailureKind
from onewindow_base.wording import Language
from tests.app_env import isolated_env
from tests.dbs import Templates, drop_pg, require_pg
from tests.diskfull import database_without_room, fill, small_filesystem

pytestmark = pytest.mark.slow  # real clerk-app and central-server processes

ROOM_FOR_THE_HALL_NOT_THE_CASES = 150_000  # bytes: the start-up fits, five cases' scans do not
NOBODY = 65534
# Root without CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH: file permissions apply to it as to anyone.
UNPRIVILEGED = ("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--")


def clerk_app(env: dict[str, str], *argv: str, prefix: tuple[str, ...] = ()) -> tuple[int, str]:
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "ui.launcher", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done.returncode, done.stderr


def central_server(
    env: dict[str, str], *argv: str, prefix: tuple[str, ...] = ()
) -> tuple[int, str]:
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "central_server.cli", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done.returncode, done.stderr


def cases(url: str) -> int:
    db = Database(url)
    try:
        with db.read() as s:
            return int(s.scalar(select(func.count()).select_from(IntakeCase)) or 0)
    finally:
        db.dispose()


def text(kind: FailureKind, language: Language = Language.EN, **fields: object) -> str:
    return OperationalFailure.of(kind, **fields).message(language)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    where = tmp_path / "disk"
    with small_filesystem(where) as mounted:
        if not mounted:
            pytest.skip("cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN)")
        yield where


def test_demo_cases_on_a_full_disk_sqlite(
    templates: Templates, tmp_path: Path, full_disk: Path
) -> None:
    url = templates.copy("sqlite", True, full_disk)
    env = isolated_env(tmp_path, ONEWINDOW_DATA_DIR=str(full_disk / "data"), LANG="C.UTF-8")
    assert clerk_app(env, "--db", url, "keys", "init")[0] == 0
    fill(full_disk, leave_bytes=ROOM_FOR_THE_HALL_NOT_THE_CASES)
    code, err = clerk_app(env, "--db", url, "demo", "--cases", "5")
    hall = url.removeprefix("sqlite:///")
    assert code == 1
    assert err.splitlines()[-1] == f"clerk-app: {text(FailureKind.DISK_FULL, target=hall)}"
    env["LANG"] = "zh_CN.UTF-8"
    code, err = clerk_app(env, "--db", url, "demo", "--cases", "5")
    assert code == 1
    zh = text(FailureKind.DISK_FULL, Language.ZH_CN, target=hall)
    assert err.splitlines()[-1] == f"clerk-app: {zh}"
    (full_disk / "ballast").unlink()  # room to read it back
    assert cases(url) == 0  # rolled back


@pytest.mark.allow_log_warnings  # the intake service warns that a visit was not saved
def test_demo_cases_on_a_full_disk_postgresql(templates: Templates, tmp_path: Path) -> None:
    require_pg()
    url = templates.copy("postgresql", True, tmp_path)
    try:
        env = isolated_env(tmp_path, ONEWINDOW_DATA_DIR=str(tmp_path / "data"), LANG="C.UTF-8")
        assert clerk_app(env, "--db", url, "keys", "init")[0] == 0
        db = Database(url)
        database_without_room(db)
        db.dispose()
        code, err = clerk_app(env, "--db", url, "demo", "--cases", "5")
        server = f"127.0.0.1:5432/{url.rsplit('/', 1)[1]}"
        assert code == 1
        line = text(FailureKind.DATABASE_SERVER_DISK_FULL, target=server)
        assert err.splitlines()[-1] == f"clerk-app: {line}"
        assert cases(url) == 0
    finally:
        drop_pg(url)


def test_a_damaged_hall_file_is_one_line(tmp_path: Path) -> None:
    hall = tmp_path / "hall.sqlite3"
    hall.write_bytes(os.urandom(64 * 1024))
    env = isolated_env(tmp_path, LANG="C.UTF-8")
    code, err = clerk_app(env, "--db", f"sqlite:///{hall}", "queue", "status")
    assert code == 1 and err.count("\n") == 1 and str(hall) in err, err
    code, err = central_server(env, "--db", f"sqlite:///{hall}", "cases")
    assert code == 1 and err.count("\n") == 1 and str(hall) in err, err
    assert err.startswith("central-server: ")


def test_the_central_servers_database_server_is_down(tmp_path: Path) -> None:
    env = isolated_env(tmp_path, LANG="C.UTF-8")
    argv = ("--db", "postgresql://postgres@127.0.0.1:1/central", "--data-dir", str(tmp_path))
    code, err = central_server(env, *argv, "cases")
    assert code == 1 and err.count("\n") == 1, err
    assert err.startswith("central-server: cannot connect to the database server 127.0.0.1:1/")


@pytest.fixture
def unprivileged() -> tuple[str, ...]:
    """How to start a process that file permissions apply to."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv(1): root is never refused a file")
    return UNPRIVILEGED


def _owned_by_another(path: Path, mode: int) -> Path:
    path.chmod(mode)
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)
    return path


def test_permission_denied_is_one_line(
    templates: Templates, tmp_path: Path, unprivileged: tuple[str, ...]
) -> None:
    closed = tmp_path / "closed"
    closed.mkdir()
    _owned_by_another(closed, 0o500 if os.geteuid() else 0o700)
    env = isolated_env(tmp_path, LANG="C.UTF-8", ONEWINDOW_DATA_DIR=str(closed / "data"))
    code, err = clerk_app(env, "queue", "status", prefix=unprivileged)
    line = text(FailureKind.PERMISSION_DENIED, target=closed / "data")
    assert (code, err) == (1, f"clerk-app: {line}\n")
    argv = ("--data-dir", str(closed / "srv"), "cases")
    code, err = central_server(env, *argv, prefix=unprivileged)
    assert code == 1 and err.count("\n") == 1 and str(closed / "srv") in err, err
    # A hall file that may be read, but neither it nor its folder written.
    readable = tmp_path / "readable"
    readable.mkdir()
    url = templates.copy("sqlite", True, readable)
    hall = Path(url.removeprefix("sqlite:///"))
    _owned_by_another(hall, 0o444)
    _owned_by_another(readable, 0o555)
    try:
        code, err = clerk_app(env, "--db", url, "queue", "status", prefix=unprivileged)
    finally:
        readable.chmod(0o755)  # pytest removes it afterwards
    assert code == 1 and err.count("\n") == 1, err
    assert str(hall) in err and "permission" in err, err
