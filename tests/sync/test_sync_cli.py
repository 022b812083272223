"""``clerk-app enroll``, ``demo --cases``, ``sync [--once] [--json]`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from clerk_app.cli.main import main
from clerk_app.db.sync_models import OutboxOperation
from clerk_app.settings import Settings
from clerk_app.storage.blobs import hall_blob_store
from tests.sync.conftest import World
from tests.sync.proxy import Rule


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.mark.allow_log_warnings  # "1 operations wait for scans missing on this PC"
def test_enroll_demo_cases_and_sync_from_the_command_line(
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "cli-data"))
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(tmp_path / "none.toml"))
    db = ("--db", world.db.url)
    assert _run(capsys, *db, "keys", "init", "--json")[0] == 0
    code = main([*db, "enroll", "--server", "http://127.0.0.1:9", "--code", "X"])
    assert code == 1 and "enrolment failed" in capsys.readouterr().err  # nothing listens there
    otp = world.server.enrolment_code("CC01")
    enrolled = _run(capsys, *db, "enroll", "--server", world.proxy.url, "--code", otp, "--json")
    assert enrolled[0] == 0, enrolled[1]
    assert json.loads(enrolled[1])["hall_code"] == "CC01"
    code, out = _run(capsys, *db, "demo", "--cases", "2", "--json")
    assert code == 0 and json.loads(out)["cases"] == 2 and json.loads(out)["scans"] == 8
    world.proxy.add(Rule("html", "GET", "/v1/hello"))
    code, out = _run(capsys, *db, "sync", "--once", "--json")
    report = json.loads(out)
    assert code == 3 and report["pending"] == 2 and report["error_kind"] == "retryable"
    code, out = _run(capsys, *db, "sync", "--json")
    report = json.loads(out)
    assert code == 0 and (report["pushed"], report["pending"], report["failed"]) == (2, 0, 0)
    assert len(world.server_cases()) == 2 and len(world.server_blobs()) == 8
    code, out = _run(capsys, *db, "sync")
    assert code == 0 and out.startswith("pushed 0, pulled 0, pending 0, needs attention 0")
    # A case whose scan is gone from this PC cannot be sent: the cycle itself went fine ("ok"),
    # but a person must act, which a script sees in its own exit status.
    assert _run(capsys, *db, "demo", "--cases", "1", "--json")[0] == 0
    with world.db.read() as s:
        blobs = s.scalars(
            select(OutboxOperation.blobs).order_by(OutboxOperation.seq.desc())
        ).first()
    assert blobs is not None
    hall_blob_store(Settings()).path_of(json.loads(blobs)[0]).unlink()
    code, out = _run(capsys, *db, "sync", "--once", "--json")
    report = json.loads(out)
    assert code == 4 and report["ok"] and report["needs_attention"] and report["failed"] == 1
