"""No ``clerk-app`` command prints a traceback for an operational failure (issue 16, point 3).

Every command of the parser (``commands.py`` names one invocation of each, and a new command
without one fails here) runs through ``main()`` against a damaged database file, a PostgreSQL
server that is down, a database on a full disk, a database another program holds locked, and a
hall whose key file is missing. Each ends with one translated line on stderr naming the file or
server and what to do, exit status 1, and nothing raised; commands that need no database still
work. ``test_failures_in_processes.py`` repeats the worst cases in real processes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk_app.cli.main import HANDLERS, build_parser, main
from onewindow_base.db import engine as db_engine
from onewindow_base.failures import OperationalFailure
from onewindow_base.failures.base import FailureKind
from onewindow_base.wording import Language, console_language
from tests.dbs import Templates
from tests.diskfull import fill, small_filesystem

from .commands import NOT_RUN_HERE, invocations, leaf_commands, names

NO_DATABASE = frozenset(
    {
        "check id",
        "check credit-code",
        "check phone",
        "config check",
        "config init",
        "print sample",
        "device idcard",
        # the hall certificate and the key ring only (clerk_app.cli.signing_cmds)
        "signing status",
        "signing create-demo-certificate",
        "signing import",
        "signing seal-image",
    }
)
# Commands whose work is to report the database's condition: a failure is their report (stdout).
REPORTS = frozenset({"maintenance check"})
# Commands that work on backups say what stopped the backup or the restore in their own line
# (a PostgreSQL hall's are pg_dump's; a restore names the backup it could not use).
OWN_LINE = frozenset({"maintenance backup", "maintenance restore"})
DOWN_URL = "postgresql://postgres@127.0.0.1:1/hall"  # nothing listens on port 1
# Commands that read or write the hall key ring, whatever else they do.
KEY_COMMANDS = frozenset(
    {"demo", "keys status", "keys rotate", "keys reencrypt", "keys retire", "sync", "enroll"}
)


def english(kind: FailureKind, **fields: object) -> str:
    return f"clerk-app: {OperationalFailure.of(kind, **fields).message()}"


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)  # an exception escaping main() fails the test with its traceback
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("ONEWINDOW_DB", "ONEWINDOW_PASSWORD", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))


def test_every_command_is_run_under_each_failure() -> None:
    assert set(names()) | set(NOT_RUN_HERE) == leaf_commands(build_parser())


def _expect_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, prefix: list[str], line: str
) -> None:
    """Each command: exactly ``line`` and exit 1, or (needing no database) a normal run."""
    scratch = tmp_path / "scratch"
    scratch.mkdir(exist_ok=True)
    for name, argv in invocations(scratch).items():
        code, out, err = run(capsys, [*prefix, *argv])
        if name in NO_DATABASE:
            assert line not in err, name
            continue
        if name in REPORTS:
            assert (code, err) == (1, "") and "1 problem(s)" in out, (name, out)
            continue
        if name in OWN_LINE:
            assert code == 1 and err.count("\n") == 1 and err.startswith("clerk-app: "), name
            continue
        assert (code, err) == (1, line + "\n"), name


def test_a_damaged_database_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hall = tmp_path / "hall.sqlite3"
    hall.write_bytes(b"this is not a database, it was overwritten " * 200)
    before = hall.read_bytes()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    for name, argv in invocations(scratch).items():
        code, out, err = run(capsys, ["--db", f"sqlite:///{hall}", *argv])
        if name in NO_DATABASE:
            continue
        assert code == 1, name
        if name in REPORTS:
            assert out == f"{hall}: 1 problem(s)\n  not an SQLite database file\n", out
            continue
        assert err.count("\n") == 1 and err.startswith("clerk-app: "), (name, err)
        assert str(hall) in err or name == "maintenance restore", (name, err)
    assert hall.read_bytes() == before  # nothing written into it


def test_the_postgresql_server_is_down(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, ["--db", DOWN_URL, "queue", "status"])
    assert code == 1
    assert err.startswith(
        "clerk-app: cannot connect to the database server 127.0.0.1:1/hall (connection failed:"
    ), err
    assert err.endswith("or ONEWINDOW_DB) is right\n")
    _expect_line(capsys, tmp_path, ["--db", DOWN_URL], err.rstrip("\n"))


@pytest.fixture
def full_disk_hall(templates: Templates, tmp_path: Path) -> Iterator[Path]:
    """A demo hall on a filesystem with no room left."""
    where = tmp_path / "full"
    with small_filesystem(where) as mounted:
        if not mounted:
            pytest.skip("cannot mount a small tmpfs here (needs root or CAP_SYS_ADMIN)")
        url = templates.copy("sqlite", True, where)
        hall = Path(url.removeprefix("sqlite:///"))
        fill(where, leave_bytes=0)
        yield hall


def test_a_database_on_a_full_disk(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, full_disk_hall: Path
) -> None:
    line = english(FailureKind.DISK_FULL, target=full_disk_hall)
    _expect_line(capsys, tmp_path, ["--db", f"sqlite:///{full_disk_hall}"], line)


def test_the_line_is_chinese_on_a_chinese_system_or_config(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    full_disk_hall: Path,
) -> None:
    zh = OperationalFailure.of(FailureKind.DISK_FULL, target=full_disk_hall).message(Language.ZH_CN)
    assert zh.startswith("磁盘已满")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run(capsys, ["--db", f"sqlite:///{full_disk_hall}", "queue", "status"])[2] == (
        f"clerk-app: {zh}\n"
    )
    monkeypatch.setenv("LANG", "C.UTF-8")
    config = tmp_path / "zh.toml"
    config.write_text('[ui]\nlanguage = "zh_CN"\n', encoding="utf-8")
    argv = ["--config", str(config), "--db", f"sqlite:///{full_disk_hall}", "queue", "status"]
    assert run(capsys, argv)[2] == f"clerk-app: {zh}\n"


@pytest.fixture
def locked_hall(
    templates: Templates, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A demo hall whose write lock another program holds for the whole test (the busy
    timeout and the quick wait before it made short: waiting 15 s per command proves nothing
    more)."""
    monkeypatch.setattr(db_engine, "SQLITE_BUSY_TIMEOUT_MS", 20)
    monkeypatch.setattr(db_engine, "SQLITE_QUICK_WAIT_S", 0.0)
    monkeypatch.setattr(db_engine, "SQLITE_BUSY_RETRY_PAUSE_S", 0.0)
    hall = Path(templates.copy("sqlite", True, tmp_path).removeprefix("sqlite:///"))
    holder = sqlite3.connect(hall, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("DELETE FROM hall WHERE 0")  # takes the write lock
    try:
        yield hall
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.allow_log_warnings  # a refused queue or print action may warn
@pytest.mark.slow  # clerk-app processes against a database another process locks
def test_a_database_another_program_holds_locked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, locked_hall: Path
) -> None:
    line = english(FailureKind.DATABASE_BUSY, target=locked_hall)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    busy = set()
    for name, argv in invocations(scratch).items():
        code, _out, err = run(capsys, ["--db", f"sqlite:///{locked_hall}", *argv])
        if err == line + "\n":
            busy.add(name)
            assert code == 1
        elif code != 0 and name not in NO_DATABASE:  # refused for its own reason
            assert err.startswith("clerk-app: ") and "locked" not in err, (name, err)
    assert {"demo", "queue issue", "users create"} <= busy


@pytest.mark.allow_log_warnings  # refusals of the commands run without a key may warn
@pytest.mark.slow  # every clerk-app command as a process
def test_the_hall_key_file_is_missing(
    capsys: pytest.CaptureFixture[str],
    templates: Templates,
    tmp_path: Path,
) -> None:
    url = templates.copy("sqlite", True, tmp_path)
    absent = tmp_path / "gone" / "hall-key.json"
    config = tmp_path / "config.toml"
    config.write_text(f'[security]\nkey_file = "{absent.as_posix()}"\n', encoding="utf-8")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    # keys … say it in their own words (the key store's); the others through the catalogue
    said = {"keys status", "keys rotate", "keys reencrypt", "keys retire"}
    start = "clerk-app: the hall key ring cannot be used: no hall key "
    for name, argv in invocations(scratch).items():
        if name == "keys init":
            continue  # makes the key file
        code, _out, err = run(capsys, ["--config", str(config), "--db", url, *argv])
        if name in KEY_COMMANDS:
            assert code == 1 and err.count("\n") == 1, (name, err)
            assert err.startswith("clerk-app: " if name in said else start), (name, err)
            assert str(absent) in err, (name, err)
        elif code != 0 and name not in NO_DATABASE:  # refused for its own reasons
            assert err.splitlines()[-1].startswith("clerk-app: "), (name, err)
    assert not absent.exists()


def test_verbose_adds_the_traceback_to_the_log_only(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    code, _out, err = run(capsys, ["-v", "--db", DOWN_URL, "queue", "status"])
    assert code == 1 and err.count("\n") == 1
    [record] = [r for r in caplog.records if r.name == "onewindow_base.failures.report"]
    assert record.levelname == "INFO" and record.exc_info is not None


def test_a_bug_keeps_its_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*_args: object) -> int:
        raise ZeroDivisionError("a bug")

    monkeypatch.setitem(HANDLERS, "migrate", broken)
    with pytest.raises(ZeroDivisionError):
        main(["--db", f"sqlite:///{tmp_path / 'hall.sqlite3'}", "migrate"])


@pytest.mark.parametrize(
    ("configured", "env", "language"),
    [
        ("en", {"LANG": "zh_CN.UTF-8"}, Language.EN),
        ("zh_CN", {"LANG": "C.UTF-8"}, Language.ZH_CN),
        (None, {"LANG": "zh_CN.UTF-8"}, Language.ZH_CN),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, Language.EN),
        (None, {"LANG": "zh_TW.UTF-8"}, Language.ZH_CN),
        (None, {"LANG": "C"}, Language.EN),
    ],
)
def test_the_language_follows_the_config_then_the_system(
    configured: str | None, env: dict[str, str], language: Language
) -> None:
    assert console_language(configured, env) is language
