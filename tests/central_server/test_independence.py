"""The central server depends on nothing of the counter: it starts where the counter's packages
cannot be imported at all (what both share is onewindow_protocol and onewindow_base)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
for name in ("clerk_app", "ui", "printing", "PySide6"):
    sys.modules[name] = None  # any import of them now raises ImportError
from pathlib import Path
from fastapi.testclient import TestClient
from central_server.app import create_app
from central_server.settings import ServerSettings
root = Path(sys.argv[1])
app = create_app(ServerSettings(db_url=f"sqlite:///{root / 'central.sqlite3'}", data_dir=root))
with TestClient(app) as client:
    print(client.get("/openapi.json").status_code)
loaded = sorted(
    m for m, module in sys.modules.items()
    if module is not None and m.split(".")[0] in ("clerk_app", "ui", "printing")
)
print(loaded)
"""


def test_the_server_runs_without_the_counter(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["200", "[]"], result.stdout


def test_the_operators_commands_load_no_web_framework(tmp_path: Path) -> None:
    """``central-server credit list`` and the other commands besides ``serve`` and ``openapi``
    run without importing FastAPI or the app: each is a process of its own (the demo server's
    set-up runs nine), and the web framework is a third of its start."""
    script = (
        "import sys\n"
        "from central_server.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('fastapi', 'starlette')"
        " or m == 'central_server.app'))\n"
    )
    db = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    result = subprocess.run(
        [sys.executable, "-c", script, "--db", db, "--data-dir", str(tmp_path), "credit", "list"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "0 []", result.stdout
