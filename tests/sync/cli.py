"""``clerk-app`` run in the test's process against a world's counter database, enrolled with the
world's server through the fault proxy (the credit and e-licence command-line tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.cli.main import main
from tests.sync.conftest import World


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The exit code, standard output and standard error of ``clerk-app ARGV``."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def enrolled(
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[str, str]:
    """The counter with a hall key and enrolled for CC01 (no config file, its own data folder);
    the ``--db`` arguments that name its database."""
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "cli-data"))
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(tmp_path / "none.toml"))
    db = ("--db", world.db.url)
    assert run(capsys, *db, "keys", "init", "--json")[0] == 0
    otp = world.server.enrolment_code("CC01")
    assert run(capsys, *db, "enroll", "--server", world.proxy.url, "--code", otp)[0] == 0
    return db
