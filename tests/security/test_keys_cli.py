"""``clerk-app keys``: init, status, rotate (with re-encryption), retire; clear refusals."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from clerk_app.cli.main import main


def _run(capsys: pytest.CaptureFixture[str], db_url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", db_url, "keys", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_keys_commands(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key_file = str(tmp_path / "hall-key.json")
    code, _, err = _run(capsys, db_url, "status", "--file", key_file)
    assert (code, "no hall key file" in err) == (1, True)

    code, out, _ = _run(capsys, db_url, "init", "--file", key_file, "--json")
    assert code == 0
    first = json.loads(out)["key_id"]
    if os.name == "posix":
        assert Path(key_file).stat().st_mode & 0o077 == 0
    code, _, err = _run(capsys, db_url, "init", "--file", key_file)
    assert (code, "already exists" in err) == (1, True)

    code, out, _ = _run(
        capsys, db_url, "rotate", "--file", key_file, "--algorithm", "aes-256-gcm", "--json"
    )
    assert code == 0
    second = json.loads(out)["to_key"]
    code, out, _ = _run(capsys, db_url, "status", "--file", key_file, "--json")
    states = {
        k["key_id"]: (k["algorithm"], k["state"], k["values"]) for k in json.loads(out)["keys"]
    }
    assert states == {first: ("sm4-gcm", "old", 0), second: ("aes-256-gcm", "active", 0)}

    code, _, err = _run(capsys, db_url, "retire", second, "--file", key_file)
    assert (code, "active key" in err) == (1, True)
    code, out, _ = _run(capsys, db_url, "retire", first, "--file", key_file)
    assert code == 0
    code, out, _ = _run(capsys, db_url, "status", "--file", key_file)
    assert "retired" in out

    if os.name == "posix":
        Path(key_file).chmod(0o640)
        code, _, err = _run(capsys, db_url, "status", "--file", key_file)
        assert (code, "readable by other users" in err) == (1, True)
