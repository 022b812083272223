"""``clerk-app run --with-server`` ended from outside: the reference central server it started
never outlives it. SIGTERM (a session logging out, ``kill``) ends the app through its normal
shutdown, which stops the server; SIGKILL gives the app no chance, and the server's lifeline
(its standard input, a pipe only the app holds) stops it all the same. Real processes."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

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


def _read_until(stream: IO[bytes], marker: bytes, seconds: float) -> bytes:
    """The app's console (``-v``: its INFO log) up to the line holding ``marker``; waits on the
    pipe with select, so the test wakes when the app writes, not on a timer."""
    seen = b""
    deadline = time.monotonic() + seconds
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        while marker not in seen:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                pytest.fail(
                    f"the app did not log {marker!r} within {seconds:.0f} s: {seen[-2000:]!r}"
                )
            chunk = os.read(stream.fileno(), 65536)
            if not chunk:
                pytest.fail(f"the app ended before logging {marker!r}: {seen[-2000:]!r}")
            seen += chunk
    return seen


def _await_end(pid: int, seconds: float) -> None:
    """Wait for process ``pid`` (not our child) to end: its pidfd becomes readable then."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return  # gone already
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            if not selector.select(seconds):
                pytest.fail(f"process {pid} did not end within {seconds:.0f} s")
    finally:
        os.close(fd)


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
    """The app with its demo server; a new hall is given its keys first, and the start then
    enrols it (a hall that has them was enrolled: the start only brings the server up)."""
    env = _env(tmp_path)
    if not (tmp_path / "hall").exists():
        subprocess.run([str(CLERK_APP), "keys", "init"], env=env, check=True, capture_output=True)
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    app = subprocess.Popen(
        [str(CLERK_APP), "-v", "--db", url, "run", "--seed-demo", "--with-server"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert app.stderr is not None
    try:
        _read_until(app.stderr, b" the demo server\n", START_S)  # "enrolled with", "uses"
        server = _server_pid(app.pid)
        assert server is not None and _alive(server)
        assert (tmp_path / "hall" / DEMO_SERVER_DIR / DEVICE_FILE).exists()
    except BaseException:
        _end(app, None)
        raise
    return app, server


def _end(app: subprocess.Popen[bytes], server: int | None) -> None:
    if app.poll() is None:
        app.kill()
        app.wait()
    if app.stderr is not None:
        app.stderr.close()
    if server is not None and _alive(server):
        os.kill(server, signal.SIGKILL)


def _sigterm_ends_the_app_through_its_shutdown_and_the_server_with_it(tmp_path: Path) -> None:
    app, server = _start_app(tmp_path)
    try:
        app.send_signal(signal.SIGTERM)
        app.communicate(timeout=STOP_S)  # reads on: the app logs while it shuts down
        assert app.returncode == EXIT_SIGNALLED + signal.SIGTERM
        # The app stopped the server itself before it exited (flow.shutdown, not the lifeline).
        assert not _alive(server)
        log = (tmp_path / "hall" / DEMO_SERVER_DIR / "server.log").read_text(errors="replace")
        assert "the parent process has ended" not in log
    finally:
        _end(app, server)


def _sigkill_of_the_app_stops_the_server_through_its_lifeline(tmp_path: Path) -> None:
    app, server = _start_app(tmp_path)
    try:
        app.kill()
        app.wait()
        _await_end(server, STOP_S)
        log = (tmp_path / "hall" / DEMO_SERVER_DIR / "server.log").read_text(errors="replace")
        assert "the parent process has ended: stopping" in log
    finally:
        _end(app, server)


@pytest.mark.slow  # the app and its demo server as processes
def test_the_demo_server_ends_with_the_app_on_sigterm_and_on_sigkill(tmp_path: Path) -> None:
    """One hall started twice, one start after the other (each prefers port 8700): the first
    enrols it and ends with SIGTERM, the second (a restart: nothing to set up on the server
    again) with SIGKILL."""
    _sigterm_ends_the_app_through_its_shutdown_and_the_server_with_it(tmp_path)
    _sigkill_of_the_app_stops_the_server_through_its_lifeline(tmp_path)
