"""docs/deployment-province.en.md followed step by step: its blocks marked ``sh step`` run in
order, as written (the port aside), on a fresh PostgreSQL database and data directory; the
serve step starts two real workers and the later steps talk to them. The Chinese guide holds
the same steps; the systemd unit's command line and the nginx configuration are checked too."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from central_server.cli import build_parser
from clerk_app.catalogue.demo import demo_catalogue_path
from onewindow_protocol.version import CURRENT_PROTOCOL, PROTOCOL_HEADER
from tests.central_server.served import ACCESS_LINE, ROOT, ServedProcess, free_port
from tests.dbs import drop_pg, new_pg_database

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir(), reason="reads the process tree from Linux's /proc"
)

GUIDE = ROOT / "docs" / "deployment-province.en.md"
GUIDE_ZH = ROOT / "docs" / "deployment-province.zh_CN.md"
STEP = re.compile(r"^```sh step\n(.*?)^```$", re.MULTILINE | re.DOTALL)
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
GUIDE_PORT = "8700"
CODE = re.compile(r"^([A-Z0-9]{4}(?:-[A-Z0-9]{4})+)\s", re.MULTILINE)


def steps(guide: Path) -> list[str]:
    return [block.strip() for block in STEP.findall(guide.read_text(encoding="utf-8"))]


def blocks(guide: Path, language: str) -> list[str]:
    text = guide.read_text(encoding="utf-8")
    return [body for lang, body in BLOCK.findall(text) if lang == language]


def test_both_guides_give_the_same_steps() -> None:
    assert steps(GUIDE) == steps(GUIDE_ZH)
    assert blocks(GUIDE, "ini") == blocks(GUIDE_ZH, "ini")
    assert blocks(GUIDE, "nginx") == blocks(GUIDE_ZH, "nginx")


def test_the_systemd_unit_and_nginx_fit_the_server() -> None:
    [unit] = blocks(GUIDE, "ini")
    [exec_start] = [line for line in unit.splitlines() if line.startswith("ExecStart=")]
    argv = shlex.split(exec_start.removeprefix("ExecStart="))
    assert Path(argv[0]).name == "central-server"
    args = build_parser().parse_args(argv[1:])
    assert (args.command, args.workers, args.port) == ("serve", 4, int(GUIDE_PORT))
    [nginx] = blocks(GUIDE, "nginx")
    assert f":{GUIDE_PORT} " in nginx and "ssl_certificate " in nginx
    assert "proxy_pass http://onewindow_central/;" in nginx


@pytest.fixture
def central_url() -> Iterator[str]:
    url = new_pg_database()
    try:
        yield url
    finally:
        drop_pg(url)


def _environment(url: str, data: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)  # where the package put central-server
    return {
        **os.environ,
        "CENTRAL_SERVER_DB": url,
        "CENTRAL_SERVER_DATA": str(data),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(ROOT),  # this checkout, wherever the venv's package points
    }


def _run(step: str, env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", step],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, f"{step}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _enrols(base_url: str, code: str) -> None:
    reply = httpx.post(
        f"{base_url}/v1/enrol",
        headers={PROTOCOL_HEADER: str(CURRENT_PROTOCOL)},
        json={"code": code, "device_id": str(uuid.uuid4()), "device_name": "window 1"},
        timeout=30,
    )
    assert reply.status_code == 201, reply.text


@pytest.mark.slow
def test_the_guide_step_by_step_starts_two_workers(central_url: str, tmp_path: Path) -> None:
    (tmp_path / "catalogue.json").write_bytes(demo_catalogue_path().read_bytes())
    env = _environment(central_url, tmp_path / "data")
    port = free_port()
    server: ServedProcess | None = None
    outputs: list[str] = []
    try:
        for written in steps(GUIDE):
            step = written.replace(GUIDE_PORT, str(port))
            if step.startswith("central-server serve"):
                args = [*shlex.split(step)[1:], "--lifeline"]
                server = ServedProcess(args, env, port)
                server.wait_started(2)
                outputs.append("")
            else:
                outputs.append(_run(step, env, tmp_path))
        assert server is not None, "the guide has no serve step"
        [code] = [m.group(1) for out in outputs for m in [CODE.search(out)] if m]
        _enrols(server.base_url, code)  # the code from step 3 enrols a counter
        health = json.loads(next(out for out in outputs if '"worker"' in out))
        assert health["status"] == "ok"
        workers = set(server.worker_pids())
        assert len(workers) == 2 and health["worker"] in workers
        assert server.health_pids(2) == workers
        assert any(out.startswith("new epoch ") for out in outputs)
        assert server.end_parent() == 0  # the lifeline stops the supervisor and its workers
        assert server.worker_pids() == []
        server.stop()  # the whole log read
        assert not any(ACCESS_LINE in line for line in server.log)  # nginx keeps that log
    finally:
        if server is not None:
            server.stop()
