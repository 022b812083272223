"""A damaged or empty SQLite hall file: every command says one translated line naming the file
and what to do, exits 1, prints no traceback and leaves the file exactly as it was."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.bootstrap import open_database
from clerk_app.cli.main import main
from clerk_app.db.migrate import current_revision, head_revision
from onewindow_base.failures.database import DatabaseRefused, DbProblem
from tests.app_env import isolated_env
from tests.dbs import Templates

PAGE = 4096
COMMANDS = [
    ("queue", "status"),
    ("queue", "issue", "BIZ"),
    ("migrate",),
    ("demo",),
    ("audit", "verify"),
    ("stats", "--from", "2026-11-01", "--to", "2026-11-30"),
    ("catalog", "versions"),
    ("users", "list"),
    ("keys", "status"),
    ("sync", "--once"),
    ("maintenance", "sweep-blobs"),
]


def _hall(templates: Templates, tmp_path: Path) -> Path:
    return Path(templates.copy("sqlite", True, tmp_path).removeprefix("sqlite:///"))


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(5 * PAGE))


def _pages_garbled(path: Path) -> None:
    """Page 1 (the header and the start of the schema) intact, every later page garbage
    (0xFF is no page type, so SQLite finds every one of them malformed)."""
    with path.open("r+b") as file:
        file.seek(PAGE)
        file.write(b"\xff" * (path.stat().st_size - PAGE))


def _state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("damage", [_garbage, _pages_garbled], ids=["garbage", "pages"])
def test_every_command_names_a_damaged_file_and_the_restore(
    command: tuple[str, ...],
    damage: object,
    templates: Templates,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _hall(templates, tmp_path)
    assert callable(damage)
    damage(path)
    before = _state(tmp_path)
    code = main(["--db", f"sqlite:///{path}", *command])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == (
        f"clerk-app: The database file {path} is damaged and cannot be opened. Close OneWindow "
        "on this PC, then run `clerk-app maintenance restore` to restore the newest backup.\n"
    )
    after = _state(tmp_path)
    after.pop(f"{path.name}.writelock", None)  # the file lock's file (creating, restoring), empty
    assert after == before  # nothing moved aside, rebuilt or copied


def test_a_command_in_a_chinese_locale_says_it_in_chinese(
    templates: Templates, tmp_path: Path
) -> None:
    path = _hall(templates, tmp_path)
    _garbage(path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "clerk_app.cli.main",
            "--db",
            f"sqlite:///{path}",
            "queue",
            "status",
        ],
        capture_output=True,
        text=True,
        check=False,
        env=isolated_env(tmp_path, LANG="zh_CN.UTF-8", LC_ALL=""),
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"clerk-app: 数据库文件 {path} 已损坏，无法打开。请关闭本机所有一窗通程序，然后运行"
        "“clerk-app maintenance restore”从最近的备份恢复。\n"
    )


def test_an_empty_file_is_reported_not_started_as_a_new_hall(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "onewindow.sqlite3"
    path.touch()
    code = main(["--db", f"sqlite:///{path}", "queue", "status"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"The database file {path} is empty (0 bytes)" in err
    assert "clerk-app maintenance restore" in err and err.count("\n") == 1
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name, f"{path.name}.writelock"]
    with pytest.raises(DatabaseRefused) as refused:
        open_database(f"sqlite:///{path}")
    assert refused.value.problem is DbProblem.EMPTY


def test_a_path_that_does_not_exist_yet_is_still_a_new_hall(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "onewindow.sqlite3"
    db = open_database(f"sqlite:///{path}")
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.dispose()


def test_the_desktop_app_and_the_commands_share_the_refusal(
    templates: Templates, tmp_path: Path
) -> None:
    path = _hall(templates, tmp_path)
    _pages_garbled(path)
    with pytest.raises(DatabaseRefused) as refused:
        open_database(f"sqlite:///{path}")
    assert refused.value.problem is DbProblem.DAMAGED
    assert refused.value.fields["path"] == str(path)
