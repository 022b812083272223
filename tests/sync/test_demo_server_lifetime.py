"""``clerk-app run --with-server`` ended from outside: the reference central server it started
never outlives it. SIGTERM (a session logging out, ``kill``) ends the app through its normal
shutdown, which stops the server; SIGKILL gives the app no chance, and the server's lifeline
(its standard input, a pipe only the app holds) stops it all the same. Real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from clerk_app.sync.demo_server import DEVICE_FILE
from tests.app_env import isolated_env
from ui.signals import EXIT_SIGNALLED
from ui.sync.wiring import DEMO_SERVER_DIR

CLERK_APP = Path(sys.executable).with_name("clerk-app")
START_S = 180.0  # migrate, seed, start and enrol the server on a loaded 2-core machine
STOP_S = 60.0

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir(), reason="reads the process tree from Linux's /proc"
)


def _env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path, ONEWINDOW_DATA_DIR=str(tmp_path / "hall"))


def _await(condition: Callable[[], bool], seconds: float, what: str) -> None:
    """Poll a condition another process brings about (there is no signal to wait on)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {seconds:.0f} s")
        time.sleep(0.1)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(p) for p in task.read_text().split()]
        except OSError:
            continue  # the thread ended meanwhile
    return found


def _alive(pid: int) -> bool:
    """Running: a zombie waiting for a parent to reap it has ended."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _server_pid(app_pid: int) -> int | None:
    for child in _children(app_pid):
        try:
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"central_server.cli" in cmdline and b"serve" in cmdline:
            return child
    return None


def _start_app(tmp_path: Path) -> tuple[subprocess.Popen[bytes], int]:
    env = _env(tmp_path)
    subprocess.run([str(CLERK_APP), "keys", "init"], env=env, check=True, capture_output=True)
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    with (tmp_path / "app.err").open("wb") as errors:
        app = subprocess.Popen(
            [str(CLERK_APP), "--db", url, "run", "--seed-demo", "--with-server"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    enrolled = tmp_path / "hall" / DEMO_SERVER_DIR / DEVICE_FILE
    try:
        _await(lambda: enrolled.exists() or app.poll() is not None, START_S, "the enrolment")
        assert app.poll() is None, (tmp_path / "app.err").read_text(errors="replace")
        server = _server_pid(app.pid)
        assert server is not None and _alive(server)
    except BaseException:
        app.kill()
        app.wait()
        raise
    return app, server


def _end(app: subprocess.Popen[bytes], server: int) -> None:
    if app.poll() is None:
        app.kill()
        app.wait()
    if _alive(server):
        os.kill(server, signal.SIGKILL)


def test_sigterm_ends_the_app_through_its_shutdown_and_the_server_with_it(
    tmp_path: Path,
) -> None:
    app, server = _start_app(tmp_path)
    try:
        app.send_signal(signal.SIGTERM)
        assert app.wait(STOP_S) == EXIT_SIGNALLED + signal.SIGTERM
        # The app stopped the server itself before it exited (flow.shutdown, not the lifeline).
        assert not _alive(server)
        log = (tmp_path / "hall" / DEMO_SERVER_DIR / "server.log").read_text(errors="replace")
        assert "the parent process has ended" not in log
    finally:
        _end(app, server)


def test_sigkill_of_the_app_stops_the_server_through_its_lifeline(tmp_path: Path) -> None:
    app, server = _start_app(tmp_path)
    try:
        app.kill()
        app.wait()
        _await(lambda: not _alive(server), STOP_S, "the server's end")
        log = (tmp_path / "hall" / DEMO_SERVER_DIR / "server.log").read_text(errors="replace")
        assert "the parent process has ended: stopping" in log
    finally:
        _end(app, server)
