"""``clerk-app credit check ID_OR_CODE [--json]`` against the real server: exit 0 clear, 1
listed, 3 unknown (server unreachable), 2 not an identifier; the plain text and the JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sync.cli import enrolled, run
from tests.sync.conftest import World
from tests.sync.proxy import Rule
from tests.sync.test_credit import LISTED_ID, PERMANENT_RESIDENT, _list


def test_credit_check_exit_codes_and_output(
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = enrolled(world, tmp_path, monkeypatch, capsys)
    _list(world, LISTED_ID)

    code, out, _ = run(capsys, *db, "credit", "check", LISTED_ID, "--json")
    body = json.loads(out)
    assert code == 1 and body["status"] == "listed" and body["reason"] is None
    assert body["listings"][0]["reason"] == "失信被执行人"
    assert body["identifier"] == "110105********002X" and LISTED_ID not in out

    # 外国人永久居留身份证 (2023, first digit 9): listed on the server, asked like an ID number.
    _list(world, PERMANENT_RESIDENT)
    code, out, _ = run(capsys, *db, "credit", "check", PERMANENT_RESIDENT)
    assert code == 1 and out.startswith("931156********0049: listed\n")

    code, out, _ = run(capsys, *db, "credit", "check", "440524188001010014", "--json")
    assert code == 0 and json.loads(out)["status"] == "clear"
    code, out, _ = run(capsys, *db, "credit", "check", "440524188001010014")
    assert code == 0 and out == "440524********0014: clear\n"
    code, out, _ = run(capsys, *db, "credit", "check", LISTED_ID)
    assert code == 1 and out.startswith("110105********002X: listed\n  失信被执行人")

    world.proxy.add(Rule("status", "POST", "/v1/credit/lookup", status=503))
    code, out, _ = run(capsys, *db, "credit", "check", LISTED_ID, "--json")
    assert code == 3 and json.loads(out) | {"checked_at": None} == {
        "status": "unknown",
        "identifier": "110105********002X",
        "reason": "offline",
        "checked_at": None,
        "server_as_of": None,
        "listings": [],
    }
    world.proxy.stop()  # the server unreachable
    code, out, _ = run(capsys, *db, "credit", "check", LISTED_ID)
    assert code == 3 and out == "110105********002X: unknown (offline)\n"

    code, _, err = run(capsys, *db, "credit", "check", "110105194912310021")
    assert code == 2 and "not a resident ID number" in err
