"""``central-server serve`` as a real process: its log read as it comes (a thread drains the
pipe, so the server never blocks on it), waited on by condition, never by timer; stopped by
SIGTERM, and by its lifeline (its standard input) if the test process dies first."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

import httpx

ROOT = Path(__file__).resolve().parents[2]
START_S = 120.0  # N fresh interpreters importing the app on a loaded 2-core machine
STOP_S = 60.0
STARTED = "Application startup complete."
ACCESS_LINE = '"GET /v1/health HTTP/1.1" 200'  # uvicorn's access log line of a health check


def central_server_command() -> list[str]:
    """``central-server`` run from this checkout (the venv's entry point may point elsewhere)."""
    return [sys.executable, "-m", "central_server.cli"]


def free_port() -> int:
    import socket  # noqa: PLC0415

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServedProcess:
    def __init__(self, args: Sequence[str], env: Mapping[str, str], port: int) -> None:
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self._lines: list[str] = []
        self._changed = threading.Condition()
        self._ended = False
        self.process = subprocess.Popen(
            [*central_server_command(), *args],
            env={**env, "PYTHONPATH": str(ROOT)},
            cwd=ROOT,
            stdin=subprocess.PIPE,  # the lifeline: closed when this test process ends
            stdout=subprocess.PIPE,  # uvicorn's access log goes to standard output
            stderr=subprocess.STDOUT,
        )
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            with self._changed:
                self._lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    @property
    def log(self) -> list[str]:
        with self._changed:
            return list(self._lines)

    def wait_for(self, what: str, found: Callable[[list[str]], object], seconds: float) -> object:
        """The first truthy ``found(log lines)``, waiting for each new line."""
        deadline = time.monotonic() + seconds
        with self._changed:
            result = found(self._lines)
            while not result:
                if self._ended:
                    raise AssertionError(f"the server ended before {what}: {self._tail()}")
                left = deadline - time.monotonic()
                if left <= 0 or not self._changed.wait(left):
                    raise AssertionError(f"no {what} within {seconds:.0f} s: {self._tail()}")
                result = found(self._lines)
            return result

    def _tail(self) -> str:
        return "\n".join(self._lines[-40:])

    def wait_started(self, workers: int) -> None:
        self.wait_for(
            f"{workers} workers started",
            lambda lines: sum(STARTED in line for line in lines) >= workers,
            START_S,
        )

    def worker_pids(self) -> list[int]:
        """Worker processes alive now (from /proc: the supervisor's children)."""
        found: list[int] = []
        for task in Path(f"/proc/{self.process.pid}/task").glob("*/children"):
            try:
                found += [int(p) for p in task.read_text().split()]
            except OSError:
                continue
        return [pid for pid in found if _serves(pid)]

    def health_pids(self, wanted: int, attempts: int = 200) -> set[int]:
        """The worker pids /v1/health reports, one fresh connection each, until ``wanted``
        distinct ones answered (the kernel hands each connection to one worker)."""
        seen: set[int] = set()
        for _ in range(attempts):
            reply = httpx.get(f"{self.base_url}/v1/health", timeout=10)
            assert reply.status_code == 200, reply.text
            seen.add(int(reply.json()["worker"]))
            if len(seen) >= wanted:
                break
        return seen

    def end_parent(self) -> int:
        """Close the lifeline, as the end of the process that started the server would; the
        exit status."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        return self.process.wait(STOP_S)

    def stop(self) -> int:
        """SIGTERM, the way systemd stops it; the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(STOP_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait(STOP_S)
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        self._reader.join(STOP_S)
        if self.process.stdout is not None:
            self.process.stdout.close()
        return code

    def __enter__(self) -> ServedProcess:
        return self

    def __exit__(
        self,
        _exc_type: type[BaseException] | None,
        _exc: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.stop()


def _serves(pid: int) -> bool:
    """A live worker: uvicorn spawns it through multiprocessing (``spawn_main``), like the
    resource tracker beside it, which runs ``resource_tracker`` instead."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    alive = stat.rsplit(")", 1)[1].split()[0] != "Z"
    return alive and b"spawn_main" in cmdline and b"resource_tracker" not in cmdline


def serve(
    db_url: str, data_dir: Path, *extra: str, workers: int = 2, env: Mapping[str, str] | None = None
) -> ServedProcess:
    port = free_port()
    args = [
        "--db",
        db_url,
        "--data-dir",
        str(data_dir),
        "serve",
        "--workers",
        str(workers),
        "--port",
        str(port),
        "--lifeline",
        *extra,
    ]
    return ServedProcess(args, os.environ if env is None else env, port)
