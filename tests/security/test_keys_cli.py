"""``clerk-app keys``: init, status, rotate (with re-encryption), retire; clear refusals."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from clerk_app.cli.main import main
from clerk_app.settings import Settings
from clerk_app.signing import demo_pkcs12, hall_signing, sealed_with, with_demo_signing
from onewindow_base.crypto.keys import FileKeyStore


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


def test_rotation_reseals_the_signing_files_and_retire_waits_for_them(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path))
    key_file = str(tmp_path / "hall-key.json")
    code, out, _ = _run(capsys, db_url, "init", "--file", key_file, "--json")
    first = json.loads(out)["key_id"]
    assert code == 0 and main(["signing", "create-demo-certificate"]) == 0
    p12 = tmp_path / "hall-signing.p12"
    issued = tmp_path / "new.p12"
    issued.write_bytes(demo_pkcs12("新证书", b"ca-issued", dt.datetime.now(dt.UTC)))
    monkeypatch.setenv("ONEWINDOW_SIGNING_PASSPHRASE", "ca-issued")
    assert main(["signing", "import", "--force", str(issued)]) == 0  # a retired certificate
    capsys.readouterr()
    assert set(sealed_with(p12).values()) == {first}

    code, out, err = _run(capsys, db_url, "rotate", "--file", key_file, "--no-reencrypt", "--json")
    second = json.loads(out)["key_id"]
    code, _, err = _run(capsys, db_url, "retire", first, "--file", key_file)
    assert code == 1 and "hall-signing.p12.passphrase" in err and "keys reencrypt" in err
    code, _, err = _run(capsys, db_url, "reencrypt", "--file", key_file)
    assert code == 0 and "2 signing file(s) re-sealed" in err
    assert set(sealed_with(p12).values()) == {second}
    assert _run(capsys, db_url, "retire", first, "--file", key_file)[0] == 0
    signing = hall_signing(with_demo_signing(Settings()), FileKeyStore(Path(key_file)).load())
    assert signing is not None and len(signing.trust_roots) == 2
