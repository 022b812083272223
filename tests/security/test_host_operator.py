"""A command run without ``--user`` acts as the host's operator (whoever holds this PC's
database credentials and key file could change the tables directly anyway); its audit records
name the OS user and the host, so such a change stays attributable. Both databases."""

from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path

import pytest

from clerk_app.accounts.authz import HostOperator
from clerk_app.audit.service import AuditService
from clerk_app.cli.main import main
from tests.security.halls import Hall


def _audit_actors(hall: Hall, action: str) -> list[tuple[int | None, str, str | None]]:
    return [
        (e.actor_id, e.actor, e.target)
        for e in AuditService(hall.db).entries(0, 2**62)
        if e.action == action
    ]


def test_a_command_without_user_is_audited_with_the_os_user_and_the_host(
    hall: Hall,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ONEWINDOW_PASSWORD", raising=False)
    monkeypatch.setenv("ONEWINDOW_NEW_PASSWORD", "Quiet-harbour-2026!")
    args = ["--db", hall.db.url, "users", "create", "clerk9", "--name", "九号窗口"]
    assert main(args) == 0, capsys.readouterr().err
    expected = f"cli:{getpass.getuser()}@{socket.gethostname()}"[:100]
    assert _audit_actors(hall, "user.create") == [(None, expected, "clerk9")]
    assert AuditService(hall.db).verify().intact


def test_the_host_operator_names_a_user_even_when_the_os_has_no_name_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A service account or container user without a passwd entry: ``getpass`` fails, the
    numeric user id stands in."""

    def no_name() -> str:
        raise OSError("no user name")

    monkeypatch.setattr(getpass, "getuser", no_name)
    operator = HostOperator.here()
    assert operator.os_user == f"uid{os.getuid()}"
    assert operator.actor.name == f"cli:uid{os.getuid()}@{socket.gethostname()}"[:100]
