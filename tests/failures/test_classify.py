"""Which exceptions are operational failures (one line, no traceback) and which are bugs.

Real errors where the library can be made to raise them here (SQLite on a damaged, read-only or
locked file; psycopg and httpx against a closed port), the rest built as the library builds
them (PostgreSQL SQLSTATEs, errno values)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import httpx
import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from onewindow_base.crypto.keys import FileKeyStore, KeyStoreError
from onewindow_base.failures import OperationalFailure, Surroundings, explain
from onewindow_base.failures.base import FAILURE_TEXT, FailureKind
from onewindow_base.failures.database import DatabaseRefused, DbProblem
from onewindow_base.wording import Language, Wording

PG_DOWN = "postgresql+psycopg://postgres@127.0.0.1:1/hall"


def kind_of(exc: BaseException, where: Surroundings | None = None) -> FailureKind | None:
    failure = explain(exc, where)
    return None if failure is None else failure.kind


def sqlalchemy_error(url: str, statement: str) -> DBAPIError:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text(statement))
    except DBAPIError as exc:
        return exc
    finally:
        engine.dispose()
    raise AssertionError("no error")


def test_every_kind_has_its_text_in_both_languages() -> None:
    assert set(FAILURE_TEXT) == set(FailureKind)
    for kind, wording in FAILURE_TEXT.items():
        assert isinstance(wording, Wording), kind  # checks both languages and placeholders


def test_a_damaged_sqlite_file(tmp_path: Path) -> None:
    hall = tmp_path / "hall.sqlite3"
    hall.write_bytes(b"garbage" * 1000)
    exc = sqlalchemy_error(f"sqlite:///{hall}", "SELECT * FROM sqlite_master")
    failure = explain(exc, Surroundings(database=f"sqlite:///{hall}"))
    assert isinstance(failure, DatabaseRefused) and failure.problem is DbProblem.DAMAGED
    assert failure.message() == (
        f"The database file {hall} is damaged and cannot be opened. Close OneWindow on this PC, "
        "then run `clerk-app maintenance restore` to restore the newest backup."
    )
    assert failure.message(Language.ZH_CN).startswith(f"数据库文件 {hall} 已损坏")


def test_a_locked_sqlite_database(tmp_path: Path) -> None:
    hall = tmp_path / "hall.sqlite3"
    holder = sqlite3.connect(hall, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        exc = sqlalchemy_error(f"sqlite:///{hall}?timeout=0.01", "INSERT INTO t VALUES (1)")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert kind_of(exc) is FailureKind.DATABASE_BUSY


def test_a_read_only_sqlite_database(tmp_path: Path) -> None:
    hall = tmp_path / "hall.sqlite3"
    sqlite3.connect(hall).execute("CREATE TABLE t (x)").connection.close()
    exc = sqlalchemy_error(f"sqlite:///file:{hall}?mode=ro&uri=true", "INSERT INTO t VALUES (1)")
    assert kind_of(exc) is FailureKind.DATABASE_READ_ONLY


def test_a_postgresql_server_that_is_down() -> None:
    exc = sqlalchemy_error(PG_DOWN, "SELECT 1")
    failure = explain(exc, Surroundings(database=PG_DOWN))
    assert failure is not None and failure.kind is FailureKind.DATABASE_UNREACHABLE
    assert failure.fields["target"] == "127.0.0.1:1/hall"  # no user, no password


@pytest.mark.parametrize(
    ("sqlstate", "kind"),
    [
        ("53100", FailureKind.DATABASE_SERVER_DISK_FULL),
        ("55P03", FailureKind.DATABASE_BUSY),
        ("57P01", FailureKind.DATABASE_UNREACHABLE),
        ("08006", FailureKind.DATABASE_UNREACHABLE),
        ("28P01", FailureKind.DATABASE_REFUSED),
        ("3D000", FailureKind.DATABASE_REFUSED),
        ("53300", FailureKind.DATABASE_REFUSED),
        ("XX001", FailureKind.DATABASE_DAMAGED),
        ("23505", None),  # a unique violation is a bug, not the surroundings
        ("42P01", None),  # an undefined table too
    ],
)
def test_postgresql_sqlstates(sqlstate: str, kind: FailureKind | None) -> None:
    orig = psycopg.errors.lookup(sqlstate)("the server's words\nDETAIL: Key (id)=(secret)")
    exc = DBAPIError("SELECT 1", None, orig)
    failure = explain(exc, Surroundings(database=PG_DOWN))
    assert (failure.kind if failure else None) is kind
    if failure is not None:
        assert "secret" not in failure.message()  # the first line only


def test_an_unreachable_central_server() -> None:
    with pytest.raises(httpx.TransportError) as caught:
        httpx.get("http://127.0.0.1:9/v1/hello", timeout=2)
    failure = explain(caught.value)
    assert failure is not None and failure.kind is FailureKind.SERVER_UNREACHABLE
    assert failure.fields["target"] == "http://127.0.0.1:9"


def test_a_missing_key_file(tmp_path: Path) -> None:
    with pytest.raises(KeyStoreError) as caught:
        FileKeyStore(tmp_path / "hall-key.json").load()
    failure = explain(caught.value)
    assert failure is not None and failure.kind is FailureKind.KEY_RING
    assert str(tmp_path / "hall-key.json") in failure.message()


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (errno.ENOSPC, FailureKind.DISK_FULL),
        (errno.EDQUOT, FailureKind.DISK_FULL),
        (errno.EACCES, FailureKind.PERMISSION_DENIED),
        (errno.EPERM, FailureKind.PERMISSION_DENIED),
        (errno.EROFS, FailureKind.READ_ONLY_DISK),
        (errno.ENOENT, FailureKind.FILE_MISSING),
        (errno.EIO, FailureKind.FILE_ERROR),
    ],
)
def test_os_errors_naming_a_file(code: int, kind: FailureKind) -> None:
    exc = OSError(code, "the system's words", "/srv/onewindow/blobs/ab/cd")
    failure = explain(exc)
    assert failure is not None and failure.kind is kind
    assert "/srv/onewindow/blobs/ab/cd" in failure.message()


def test_a_full_disk_without_a_file_names_the_data_folder(tmp_path: Path) -> None:
    failure = explain(
        OSError(errno.ENOSPC, "No space left on device"), Surroundings(None, tmp_path)
    )
    assert failure is not None and str(tmp_path) in failure.message()


def test_causes_are_followed_but_not_mere_contexts() -> None:
    disk = OSError(errno.ENOSPC, "No space left on device", "/data/x")
    wrapped = RuntimeError("saving failed")
    wrapped.__cause__ = disk
    assert kind_of(wrapped) is FailureKind.DISK_FULL
    bug = ValueError("a bug while handling it")
    bug.__context__ = disk  # raised inside an except block: still a bug
    assert kind_of(bug) is None


@pytest.mark.parametrize(
    "exc",
    [
        ValueError("bad"),
        KeyError("k"),
        AssertionError(),
        OSError(errno.EIO, "I/O error"),  # names no file: nothing to act on
        TypeError("x"),
    ],
)
def test_programming_errors_are_left_alone(exc: BaseException) -> None:
    assert explain(exc) is None


class HallFileEmpty(OperationalFailure):
    """What another module raising its own failure looks like."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            Wording("大厅数据库 {path} 是空文件。", "the hall database {path} is an empty file"),
            path=path,
        )


def test_a_modules_own_failure_is_shown_as_it_is(tmp_path: Path) -> None:
    failure = explain(HallFileEmpty(tmp_path / "hall.sqlite3"))
    assert failure is not None
    assert failure.message() == f"the hall database {tmp_path / 'hall.sqlite3'} is an empty file"
    assert failure.message(Language.ZH_CN) == f"大厅数据库 {tmp_path / 'hall.sqlite3'} 是空文件。"
