"""``clerk-app``: JSON output, exit codes 0 / 1 / 2, and nothing changed by a refusal."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.cli.main import main
from onewindow_base.db.engine import Database
from tests.snapshot import snapshot


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_issue_call_and_status_as_json(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", db_url, "queue", "open", "--window", "3")[0] == 0
    code, out, _ = run(capsys, "--db", db_url, "queue", "issue", "BIZ", "--json")
    assert code == 0
    issued = json.loads(out)
    assert issued["number"] == "A001" and issued["service"] == "BIZ"
    assert {"ticket_id", "ahead", "eta_minutes"} <= issued.keys()
    code, out, _ = run(capsys, "--db", db_url, "queue", "call", "--window", "3", "--json")
    assert json.loads(out)["ticket"]["number"] == "A001"
    code, out, _ = run(capsys, "--db", db_url, "queue", "status", "--json")
    status = json.loads(out)
    window = next(w for w in status["windows"] if w["number"] == 3)
    assert window["state"] == "calling" and window["current"]["number"] == "A001"
    assert {"code", "name", "prefix", "waiting", "longest_wait_s"} <= status["services"][0].keys()


def test_call_with_nothing_waiting_prints_null(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--db", db_url, "queue", "open", "--window", "1")
    code, out, _ = run(capsys, "--db", db_url, "queue", "call", "--window", "1", "--json")
    assert code == 0
    assert json.loads(out) == {"ticket": None}


@pytest.mark.parametrize(
    "args",
    [
        ("queue", "issue", "NOPE"),
        ("queue", "call", "--window", "1"),  # closed
        ("queue", "finish", "--window", "2"),
        ("queue", "transfer", "--window", "2", "--to-service", "BIZ"),
        ("queue", "pause", "--window", "42", "--reason", "break"),
    ],
)
def test_refused_operation_exits_1_with_one_line_and_changes_nothing(
    db_url: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    run(capsys, "--db", db_url, "queue", "issue", "BIZ")
    db = Database(db_url)
    before = snapshot(db)
    code, out, err = run(capsys, "--db", db_url, *args)
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("clerk-app: ")
    assert snapshot(db) == before
    db.dispose()


@pytest.mark.parametrize(
    "args",
    [
        ("queue", "issue"),
        ("queue", "call"),
        ("queue", "park", "--window", "1", "--minutes", "x"),
        ("queue", "stats", "--from", "yesterday", "--to", "2026-01-01"),
        ("queue", "transfer", "--window", "1"),
        ("frobnicate",),
    ],
)
def test_usage_errors_exit_2(
    db_url: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    assert run(capsys, "--db", db_url, *args)[0] == 2


def test_stats_json(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", db_url, "queue", "issue", "BIZ")
    code, out, _ = run(
        capsys,
        "--db",
        db_url,
        "queue",
        "stats",
        "--from",
        "2020-01-01",
        "--to",
        "2099-12-31",
        "--json",
    )
    assert code == 0
    stats = json.loads(out)
    assert stats["total"]["issued"] == 1
    assert stats["services"][0]["key"] == "BIZ"


def test_demo_twice_changes_nothing(empty_db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", empty_db_url, "demo", "--json")
    first = json.loads(out)
    assert code == 0 and first["created"] is True and first["hall_code"] == "CC01"
    usernames = {a["username"] for a in first["accounts"]}
    assert usernames == {f"clerk{n}" for n in range(1, 9)} | {"supervisor", "admin", "helper1"}
    db = Database(empty_db_url)
    before = snapshot(db)
    code, out, _ = run(capsys, "--db", empty_db_url, "demo", "--json")
    assert json.loads(out)["created"] is False
    assert snapshot(db) == before
    db.dispose()


@pytest.mark.slow  # the console script as a process
def test_console_script_reads_database_from_environment(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("clerk-app")
    env = {
        **os.environ,
        "ONEWINDOW_DB": f"sqlite:///{tmp_path / 'env.sqlite3'}",
        "ONEWINDOW_CONFIG": str(tmp_path / "none.toml"),
    }
    demo = subprocess.run(
        [script, "demo", "--json"], env=env, capture_output=True, text=True, check=False
    )
    assert demo.returncode == 0, demo.stderr
    issue = subprocess.run(
        [script, "queue", "issue", "PICKUP", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert issue.returncode == 0 and json.loads(issue.stdout)["number"] == "F001"
    refused = subprocess.run(
        [script, "queue", "call", "--window", "8"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 1 and "closed" in refused.stderr


def test_mode_alone_starts_the_app_in_that_mode(tmp_path: Path) -> None:
    seen: list[tuple[str, str | None, int | None]] = []

    def gui(url: str, _settings: object, args: argparse.Namespace) -> int:
        seen.append((url, args.mode, args.window))
        return 0

    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    assert main(["--db", url, "--mode", "kiosk"], gui=gui) == 0
    assert main(["--db", url, "--mode", "clerk", "--window", "3"], gui=gui) == 0
    assert seen == [(url, "kiosk", None), (url, "clerk", 3)]
