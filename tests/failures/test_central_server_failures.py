"""``central-server``: every command on a damaged database file and with its PostgreSQL server
down ends with one line on stderr and exit 1, never a traceback (issue 16, point 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from central_server.cli import build_parser, main

from .commands import leaf_commands

SERVER_INVOCATIONS: dict[str, list[str]] = {
    "serve": ["serve", "--port", "0"],
    "enroll-code": ["enroll-code", "--hall", "CC01"],
    "backoffice-token": ["backoffice-token", "--approver", "审批员"],
    "revoke-device": ["revoke-device", "device-1"],
    "cases": ["cases"],
    "case": ["case", "CC01-W03-20261124-0001"],
    "review": ["review", "CC01-W03-20261124-0001"],
    "approve": ["approve", "CC01-W03-20261124-0001"],
    "reject": ["reject", "CC01-W03-20261124-0001", "--reason", "材料不符"],
    "supplement": ["supplement", "CC01-W03-20261124-0001", "--material", "营业执照"],
    "catalog publish": ["catalog", "publish", "{tmp}/catalogue.json"],
    "calendar import": ["calendar", "import", "{tmp}/calendar.toml"],
    "credit add": ["credit", "add", "11010519491231002X", "--reason", "失信被执行人"],
    "credit remove": ["credit", "remove", "11010519491231002X"],
    "credit list": ["credit", "list"],
    "licences import": ["licences", "import", "{tmp}/licences.json"],
    "licences list": ["licences", "list"],
    "messages": ["messages", "--json"],
    "dispatch-messages": ["dispatch-messages", "--json"],
    "appointments book": [
        "appointments",
        "book",
        "--hall",
        "CC01",
        "--service",
        "BIZ",
        "--date",
        "2099-01-05",
        "--slot",
        "10:00",
        "--id",
        "22010219900307123X",
        "--phone",
        "13800000000",
    ],
    "appointments cancel": ["appointments", "cancel", "YY-ABCDEF", "--hall", "CC01"],
    "appointments list": ["appointments", "list", "--hall", "CC01"],
    "appointments capacity": [
        "appointments",
        "capacity",
        "--hall",
        "CC01",
        "--service",
        "BIZ",
        "--per-slot",
        "6",
    ],
    "ratings summary": ["ratings", "summary", "--from", "2026-11-01", "--to", "2026-11-30"],
    "ratings overdue": ["ratings", "overdue", "--json"],
    "figures": ["figures", "--from", "2026-11-01", "--to", "2026-11-30", "--json"],
    "new-epoch": ["new-epoch"],
    "migrate": ["migrate"],
    "seal-blobs": ["seal-blobs"],
    "openapi": ["openapi", "-o", "{tmp}/openapi.json"],
}
NO_DATABASE = frozenset({"openapi"})


def test_every_command_has_an_invocation() -> None:
    assert set(SERVER_INVOCATIONS) == leaf_commands(build_parser())


@pytest.mark.parametrize("database", ["damaged", "down"])
def test_every_command_says_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    database: str,
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    if database == "damaged":
        hall = tmp_path / "central.sqlite3"
        hall.write_bytes(b"not a database " * 1000)
        url, named = f"sqlite:///{hall}", str(hall)
    else:
        url, named = "postgresql://postgres@127.0.0.1:1/central", "127.0.0.1:1/central"
    for name, argv in SERVER_INVOCATIONS.items():
        args = [part.replace("{tmp}", str(tmp_path)) for part in argv]
        code = main(["--db", url, "--data-dir", str(tmp_path / "data"), *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        if name in NO_DATABASE:
            assert code == 0, name
            continue
        assert code == 1 and err.count("\n") == 1, (name, err)
        assert err.startswith("central-server: ") and named in err, (name, err)
