"""``clerk-app licence lookup --holder ID_OR_CODE [--type TYPE] [--json]`` against the real
server: exit 0 found, 1 none, 3 unknown (server unreachable), 2 not an identifier; the holder
masked unless --show-id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.sync.cli import enrolled, run
from tests.sync.conftest import World
from tests.sync.proxy import Rule
from tests.sync.test_licences import HOLDER, OTHER, _id_card, _import


def test_licence_lookup_exit_codes_and_output(
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = enrolled(world, tmp_path, monkeypatch, capsys)
    _import(world, tmp_path, _id_card())

    lookup = (*db, "licence", "lookup", "--holder")
    code, out, _ = run(capsys, *lookup, HOLDER, "--type", "CN.RESIDENT_ID", "--json")
    body = json.loads(out)
    assert code == 0 and body["status"] == "found" and body["holder"] == "440524********0014"
    assert [(x["type"], x["status"], x["has_copy"]) for x in body["licences"]] == [
        ("CN.RESIDENT_ID", "valid", True)
    ]
    code, out, _ = run(capsys, *lookup, HOLDER)
    assert code == 0 and out.startswith("440524********0014: 1 licence(s)\n  居民身份证")
    code, out, _ = run(capsys, *lookup, HOLDER, "--type", "CN.BUSINESS_LICENCE", "--show-id")
    assert code == 1 and out == f"{HOLDER}: 0 licence(s)\n"
    code, out, _ = run(capsys, *lookup, OTHER, "--json")
    assert code == 1 and json.loads(out)["licences"] == []

    world.proxy.add(Rule("html", "POST", "/v1/licences/lookup"))
    code, out, _ = run(capsys, *lookup, HOLDER, "--json")
    assert code == 3 and json.loads(out)["reason"] == "invalid_reply"
    world.proxy.stop()  # the server unreachable
    code, out, _ = run(capsys, *lookup, HOLDER)
    assert code == 3 and out == "440524********0014: unknown (offline)\n"

    code, _, err = run(capsys, *lookup, "440524188001010015")
    assert code == 2 and "not a resident ID number" in err
    code, _, err = run(capsys, *lookup, HOLDER, "--type", "居民身份证")
    assert code == 2 and "type code" in err
