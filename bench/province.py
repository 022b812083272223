"""Load, measured (issue 20): a province's counters against one central server on PostgreSQL.

``python -m bench --only province`` (``--quick`` for a smoke run), or on its own::

    python -m bench.province --devices 2000 --minutes 10 --workers 2 [--db URL]

The server is a real ``central-server serve`` process (``--workers N`` uvicorn workers); the
generator (:mod:`bench.loadgen`) runs in one or two processes of its own beside it, on the same
machine, and measures every request client-side. The phases, on one database:

1. enrolment: every device enrols and downloads the catalogue once (not timed);
2. scaling: the same saturating load (closed loop, syncs back to back) against 1 and then 2
   workers; syncs per second side by side;
3. soak: every device syncs every 30 s (a case with two 300 KB scans every 10 minutes per
   device, the back office deciding, handovers coming back) for ``--minutes``; hello, push of
   one case (its scans included) and pull percentiles, 5xx count, and the server's memory (RSS
   of all its processes) sampled throughout: "flat" is the last minute within 10 % of the
   second minute;
4. kill: the same load while one worker is killed with SIGKILL; the devices' retries land.

After each of 3 and 4 the database is checked: every case a device believes accepted is on the
server exactly once, and no case is there that no device believes accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures as cf
import datetime as dt
import json
import math
import multiprocessing as mp
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import httpx
import psycopg
from sqlalchemy.engine import make_url

from bench import loadgen
from bench.common import (
    Row,
    Samples,
    budget_row,
    create_pg_database,
    drop_pg_database,
    note,
    pg_dsn,
    pg_unavailable,
)
from bench.loadgen import DeviceState, Mix, Phase, Stats, Target
from central_server.cli import build_parser
from central_server.composition import create_services
from central_server.services import auth, catalogue
from central_server.settings import ServerSettings
from clerk_app.catalogue.demo import demo_catalogue_path
from onewindow_protocol import paths
from onewindow_protocol.version import protocol_headers

WINDOWS_PER_HALL = 20
START_TIMEOUT_S = 60.0
FLAT_LIMIT = 0.10  # the last minute's RSS within 10 % of the second minute's
KILL_HOLD_MS = 50  # in the kill phase each push holds its transaction this long (--slow-ms)
# The line a worker logs holding a batch under --slow-ms (``central_server.services.ops``)
HOLDING = re.compile(r"\[(\d+)\] central_server\.services\.ops: holding the batch")


@dataclass(frozen=True)
class Scale:
    devices: int
    period_s: float  # each device syncs this often (soak, kill)
    soak_s: float
    scaling_s: float  # each of the 1- and 2-worker saturating runs
    scaling_concurrency: int
    kill_s: float
    kill_at_s: float  # the worker is killed this long into the kill phase
    procs: int  # generator processes
    mix: Mix = field(default_factory=Mix)
    sample_s: float = 5.0


FULL = Scale(
    devices=2000,
    period_s=30,
    soak_s=600,
    scaling_s=60,
    scaling_concurrency=64,
    kill_s=90,
    kill_at_s=30,
    procs=2,
)
QUICK = Scale(
    devices=100,
    period_s=5,
    soak_s=60,
    scaling_s=10,
    scaling_concurrency=16,
    kill_s=20,
    kill_at_s=8,
    procs=1,
    mix=Mix(case_every=10),
    sample_s=2.0,
)


# ---------------------------------------------------------------------------- the server
def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def workers_supported() -> bool:
    """``central-server serve --workers N`` is there (issue 20, part 1)."""
    _, unknown = build_parser().parse_known_args(["serve", "--workers", "2"])
    return not unknown


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
        except OSError:
            continue
        fields = stat.rpartition(")")[2].split()  # after the command name, which may hold ")"
        tree.setdefault(int(fields[1]), []).append(int(entry.name))
    return tree


def _cpu_s(pid: int) -> float:
    """User and system CPU seconds of a process so far."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return 0.0
    fields = stat.rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pg_cpu_s(db_url: str) -> float:
    """CPU seconds of the PostgreSQL backends serving ``db_url``'s database on this machine so
    far (their process titles name the database; 0 when it is served elsewhere)."""
    marker = f" {make_url(db_url).database} ".encode()
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if title.startswith(b"postgres: ") and marker in title:
            total += _cpu_s(int(entry.name))
    return total


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class ServerProcess:
    """``central-server serve`` in a process group of its own, on a loopback port."""

    def __init__(
        self, db_url: str, data_dir: Path, workers: int, log: Path, *, slow_ms: int = 0
    ) -> None:
        self.db_url, self.data_dir, self.workers, self.log = db_url, data_dir, workers, log
        self.slow_ms = slow_ms
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> ServerProcess:
        command = [
            sys.executable,
            "-m",
            "central_server.cli",
            "--db",
            self.db_url,
            "--data-dir",
            str(self.data_dir),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        if self.workers > 1:
            command += ["--workers", str(self.workers)]
        if self.slow_ms:
            command += ["--slow-ms", str(self.slow_ms)]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                command, stdout=out, stderr=out, stdin=subprocess.DEVNULL, start_new_session=True
            )
        self.wait_ready()
        return self

    def wait_ready(self) -> None:
        """Until the server answers and, with workers, all of them run."""
        assert self.proc is not None
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited ({self.proc.returncode}); see {self.log}")
            try:
                reply = httpx.get(self.base_url + paths.HELLO, headers=protocol_headers())
                if reply.status_code == 401 and len(self.worker_pids()) >= self.workers:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the server did not start in {START_TIMEOUT_S:.0f} s; see {self.log}")

    def pids(self) -> list[int]:
        """The server's process and every process under it."""
        if self.proc is None or self.proc.poll() is not None:
            return []
        tree, found, todo = _children(), [], [self.proc.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo += tree.get(pid, [])
        return found

    def worker_pids(self) -> list[int]:
        """The processes that serve requests: the uvicorn workers, or the one process."""
        if self.proc is None:
            return []
        if self.workers == 1:
            return [self.proc.pid] if self.proc.poll() is None else []
        tree = _children()
        workers = []
        for pid in tree.get(self.proc.pid, []):
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"resource_tracker" not in cmdline:
                workers.append(pid)
        return workers

    def cpu_s(self) -> float:
        """CPU seconds of the processes running now (a killed worker's are gone with it)."""
        return sum(_cpu_s(pid) for pid in self.pids())

    def rss_mib(self) -> float:
        return sum(_rss_kib(pid) for pid in self.pids()) / 1024

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(60)  # the workers finish what they hold (30 s at most)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.proc = None

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# ---------------------------------------------------------------------------- setting up
@dataclass
class Province:
    db_url: str
    data_dir: Path
    target: Target
    states: list[DeviceState]
    backoffice_token: str


def prepare(
    db_url: str, data_dir: Path, devices: int
) -> tuple[list[tuple[str, str, str]], str, tuple[str, int]]:
    """Migrate, publish the demo catalogue, one enrolment code per device (halls of 20
    windows), a back-office token; returns the codes, the token and an item to take cases of."""
    ctx = create_services(ServerSettings(db_url=db_url, data_dir=data_dir)).ctx
    try:
        catalogue.publish(ctx, json.loads(demo_catalogue_path().read_text(encoding="utf-8")))
        first = catalogue.release(ctx, None).items[0]

        def code(index: int) -> tuple[str, str, str]:
            hall = f"LD{index // WINDOWS_PER_HALL + 1:03d}"
            window = f"W{index % WINDOWS_PER_HALL + 1:02d}"
            return hall, window, auth.create_enrolment_code(ctx, hall).code

        firsts = range(0, devices, WINDOWS_PER_HALL)
        made = {index: code(index) for index in firsts}  # the hall rows, one at a time
        with cf.ThreadPoolExecutor(8) as pool:  # each code is a transaction of its own
            rest = [i for i in range(devices) if i not in made]
            made.update(zip(rest, pool.map(code, rest), strict=True))
        codes = [made[index] for index in range(devices)]
        token = auth.issue_backoffice_token(ctx, "load-approver").access_token
        return codes, token, (first.code, first.version)
    finally:
        ctx.db.dispose()


def enrol(server: ServerProcess, devices: int) -> Province:
    """Prepare the database of ``server`` (running) and enrol ``devices`` through it."""
    started = time.perf_counter()
    codes, token, (code, version) = prepare(server.db_url, server.data_dir, devices)
    day = dt.datetime.now(dt.UTC).strftime("%Y%m%d")
    target = Target(server.base_url, code, version, day)
    states, stats = asyncio.run(loadgen.enrol_all(target, codes))
    note(
        f"province: {len(states)} devices enrolled in {time.perf_counter() - started:.0f} s "
        f"(catalogue: {stats.catalogue_downloads} downloaded, {stats.catalogue_not_modified} "
        "answered 304 Not Modified)"
    )
    return Province(server.db_url, server.data_dir, target, states, token)


# ---------------------------------------------------------------------------- driving
@dataclass
class Outcome:
    """One phase's figures, merged over the generator processes."""

    took: float
    cycles: int
    failed_cycles: int
    latencies: dict[str, list[float]]
    statuses: dict[str, int]
    duplicates: int
    refused: list[str]
    errors: list[str]
    cases_made: int
    decisions: int
    bookings: int
    catalogue: tuple[int, int]  # downloads, 304 answers
    rss: list[tuple[float, float]] = field(default_factory=list)  # (seconds, MiB)
    cpu_s: tuple[float, float, float] = (0.0, 0.0, 0.0)  # server, generator, PostgreSQL
    slow: list[tuple[float, str, float]] = field(default_factory=list)  # seconds in, name, ms

    @property
    def throughput(self) -> float:
        return self.cycles / self.took if self.took > 0 else 0.0

    def samples(self, name: str) -> Samples:
        return Samples.of(self.latencies.get(name, []))


def drive(
    province: Province,
    server: ServerProcess,
    phase: Phase,
    procs: int,
    *,
    sample_s: float = 5.0,
    at: tuple[float, Callable[[], None]] | None = None,
) -> Outcome:
    """Run ``phase`` in ``procs`` generator processes against ``server``; sample the server's
    RSS every ``sample_s``; ``at`` = (seconds, action) does something once mid-phase."""
    target = replace(province.target, base_url=server.base_url)
    slices = [province.states[i::procs] for i in range(procs)]
    office = replace(phase, halls=tuple(sorted({s.hall_code for s in province.states})))
    rss: list[tuple[float, float]] = []
    server_cpu, pg_cpu = server.cpu_s(), _pg_cpu_s(province.db_url)
    started, wall = time.monotonic(), time.time()
    with cf.ProcessPoolExecutor(procs, mp_context=mp.get_context("spawn")) as pool:
        futures = [
            pool.submit(
                loadgen.run_slice,
                target,
                part,
                office if i == 0 else replace(phase, backoffice_token=None),
            )
            for i, part in enumerate(slices)
        ]
        pending = set(futures)
        while pending:
            _, pending = cf.wait(pending, timeout=sample_s)
            now = time.monotonic() - started
            if server.alive():
                rss.append((now, server.rss_mib()))
            if at is not None and now >= at[0]:
                at[1]()
                at = None
        results = [f.result() for f in futures]
    server_cpu = server.cpu_s() - server_cpu
    pg_cpu = _pg_cpu_s(province.db_url) - pg_cpu  # backends that ended meanwhile are missed
    states = {s["index"]: DeviceState(**s) for r in results for s in r["states"]}
    province.states = [states[s.index] for s in province.states]
    merged = [Stats(**r["stats"]) for r in results]
    latencies: dict[str, list[float]] = {}
    statuses: Counter[str] = Counter()
    for stats in merged:
        for name, values in stats.latencies.items():
            latencies.setdefault(name, []).extend(values)
        statuses.update(stats.statuses)
    return Outcome(
        took=max(r["took"] for r in results),
        cycles=sum(s.cycles for s in merged),
        failed_cycles=sum(s.failed_cycles for s in merged),
        latencies=latencies,
        statuses=dict(statuses),
        duplicates=sum(s.duplicates for s in merged),
        refused=[x for s in merged for x in s.refused],
        errors=[x for s in merged for x in s.errors],
        cases_made=sum(s.cases_made for s in merged),
        decisions=sum(s.decisions_made for s in merged),
        bookings=sum(s.bookings_made for s in merged),
        catalogue=(
            sum(s.catalogue_downloads for s in merged),
            sum(s.catalogue_not_modified for s in merged),
        ),
        rss=rss,
        cpu_s=(server_cpu, sum(r["cpu_s"] for r in results), pg_cpu),
        slow=sorted((t - wall, name, ms) for s in merged for t, name, ms in s.slow),
    )


def summary(label: str, outcome: Outcome) -> None:
    parts = [f"{outcome.cycles} syncs in {outcome.took:.0f} s ({outcome.throughput:.1f}/s)"]
    for name in (
        "hello",
        "push",
        "upload",
        "chunk",
        "push_case",
        "pull",
        "push_ops",
        "token",
        "catalogue",
        "appointments",
        "bo_approve",
        "bo_book",
    ):
        samples = outcome.samples(name)
        if samples.n:
            parts.append(
                f"{name} n={samples.n} p50 {samples.p(0.5):.0f} p99 {samples.p(0.99):.0f} ms"
            )
    note(f"{label}: " + "; ".join(parts))
    per_sync = [cpu * 1000 / max(1, outcome.cycles) for cpu in outcome.cpu_s]
    note(
        f"{label}: CPU per sync (drain included): server {per_sync[0]:.1f} ms, PostgreSQL "
        f"{per_sync[2]:.1f} ms, generator {per_sync[1]:.1f} ms; load average "
        f"{os.getloadavg()[0]:.2f}"
    )
    note(
        f"{label}: {outcome.cases_made} cases made, {outcome.decisions} decided by the back "
        f"office, {outcome.bookings} booked online, catalogue downloads/304 "
        f"{outcome.catalogue[0]}/{outcome.catalogue[1]}, "
        f"failed syncs {outcome.failed_cycles}, duplicates answered "
        f"{outcome.duplicates}, statuses {outcome.statuses or '{}'}"
    )
    for error in outcome.errors[:5]:
        note(f"{label}: error: {error}")
    if outcome.slow:
        minutes: dict[int, Counter[str]] = {}
        for t, name, _ in outcome.slow:
            minutes.setdefault(int(t // 60), Counter())[name] += 1
        note(
            f"{label}: requests over {loadgen.SLOW_MS:.0f} ms per minute: "
            + "; ".join(
                f"{minute}: " + ", ".join(f"{n} {name}" for name, n in counts.most_common())
                for minute, counts in sorted(minutes.items())
            )
        )


# ---------------------------------------------------------------------------- checking
@dataclass(frozen=True)
class Check:
    believed: int
    on_server: int
    lost: int  # believed accepted, not on the server (or another case under its number)
    duplicated: int  # on the server more than once, or accepted by more than one operation
    ghosts: int  # on the server, believed by no device
    unsent: int  # cases still in an outbox after the drain
    handovers: int
    delivered: int

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.duplicated == 0 and self.ghosts == 0 and self.unsent == 0

    def text(self) -> str:
        return (
            f"{self.lost} lost, {self.duplicated} dup of {self.believed}"
            + (f", {self.ghosts} ghost" if self.ghosts else "")
            + (f", {self.unsent} unsent" if self.unsent else "")
        )


def check(province: Province) -> Check:
    believed = {no: cid for s in province.states for no, cid in s.accepted.items()}
    with psycopg.connect(pg_dsn(province.db_url)) as conn:
        cases = conn.execute("SELECT case_no, id FROM central_case").fetchall()
        accepts = conn.execute(
            "SELECT count(*) FROM operation WHERE kind = 'case.accept'"
        ).fetchone()
        delivered = conn.execute(
            "SELECT count(*) FROM central_case WHERE status = 'delivered'"
        ).fetchone()
    counts = Counter(no for no, _ in cases)
    ids: dict[str, str] = dict(cases)
    lost = sum(1 for no, cid in believed.items() if ids.get(no) != cid)
    duplicated = sum(n - 1 for n in counts.values() if n > 1) + max(
        0, (accepts[0] if accepts else 0) - len(counts)
    )
    ghosts = sum(1 for no in counts if no not in believed)
    unsent = sum(1 for s in province.states for e in s.outbox if "case_no" in e)
    return Check(
        believed=len(believed),
        on_server=len(counts),
        lost=lost,
        duplicated=duplicated,
        ghosts=ghosts,
        unsent=unsent,
        handovers=sum(len(s.handed) for s in province.states),
        delivered=delivered[0] if delivered else 0,
    )


def flatness(rss: list[tuple[float, float]], seconds: float) -> tuple[float, float, float]:
    """(second minute's mean, last minute's mean, growth): minutes are sixths of a short soak."""
    minute = min(60.0, seconds / 6)
    second = [m for t, m in rss if minute <= t < 2 * minute]
    last = [m for t, m in rss if t >= seconds - minute]
    if not second or not last:
        return math.nan, math.nan, math.inf
    a, b = sum(second) / len(second), sum(last) / len(last)
    return a, b, (b - a) / a


# ---------------------------------------------------------------------------- the run
def _row(budget: str, what: str, figure: str, limit: str, *, ok: bool) -> Row:
    return Row(budget, what, "pg", None, None, figure, limit, ok)


def _scaling(province: Province, scale: Scale, log: Path) -> list[Row]:
    phase = Phase(
        seconds=scale.scaling_s,
        period_s=0,
        concurrency=scale.scaling_concurrency,
        backoffice_token=province.backoffice_token,
        mix=scale.mix,
    )
    figures: dict[int, float] = {}
    for workers in (1, 2):
        with ServerProcess(province.db_url, province.data_dir, workers, log) as server:
            outcome = drive(province, server, phase, scale.procs, sample_s=scale.sample_s)
        summary(f"scaling, {workers} worker(s)", outcome)
        figures[workers] = outcome.throughput
    ratio = figures[2] / figures[1] if figures[1] else math.nan
    return [
        _row(
            "L6",
            "syncs/s, 1 vs 2 workers",
            f"{figures[1]:.1f}/s vs {figures[2]:.1f}/s (x{ratio:.2f})",
            "printed (scaling ratio)",
            ok=True,
        )
    ]


def _soak(province: Province, scale: Scale, workers: int, log: Path) -> list[Row]:
    phase = Phase(
        seconds=scale.soak_s,
        period_s=scale.period_s,
        backoffice_token=province.backoffice_token,
        mix=scale.mix,
    )
    with ServerProcess(province.db_url, province.data_dir, workers, log) as server:
        outcome = drive(province, server, phase, scale.procs, sample_s=scale.sample_s)
    summary(f"soak, {workers} worker(s)", outcome)
    note("soak: server RSS (s, MiB): " + ", ".join(f"{t:.0f}:{m:.0f}" for t, m in outcome.rss))
    verified = check(province)
    note(f"soak: {verified}")
    fives = outcome.statuses.get("5xx", 0)
    first, last, growth = flatness(outcome.rss, scale.soak_s)
    db = f"pg/{workers}w"
    return [
        budget_row("L1", "hello", db, outcome.samples("hello"), None, q=0.99, limit_ms=100),
        budget_row(
            "L2", "push of one case (2 scans)", db, outcome.samples("push"), None,
            q=0.99, limit_ms=500,
        ),
        budget_row("L3", "pull", db, outcome.samples("pull"), None, q=0.99, limit_ms=200),
        Row("L4", "cases lost or duplicated", db, None, None, verified.text(), "0 and 0",
            verified.ok and not outcome.refused),
        Row("L5", "5xx answers", db, None, None,
            f"{fives} of {sum(len(v) for v in outcome.latencies.values())} requests", "0",
            fives == 0 and not outcome.errors),
        Row("L7", "server memory over the soak", db, None, None,
            f"{first:.0f} -> {last:.0f} MiB ({growth * 100:+.1f} %)",
            f"last minute within {FLAT_LIMIT * 100:.0f} % of 2nd", abs(growth) <= FLAT_LIMIT),
    ]  # fmt: skip


def _holding_a_push(log: Path, workers: list[int]) -> int:
    """The worker that logs holding an operations batch next (``--slow-ms``): killed then, a
    push is certainly in flight on it. Any worker if none does within a minute."""
    with log.open("rb") as lines:
        lines.seek(0, os.SEEK_END)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = lines.readline()
            if not line:
                time.sleep(0.005)  # a file has no "readable" to wait on; the push holds 50 ms
                continue
            found = HOLDING.search(line.decode("utf-8", "replace"))
            if found and int(found.group(1)) in workers:
                return int(found.group(1))
    return workers[0]


def _kill(province: Province, scale: Scale, workers: int, log: Path) -> list[Row]:
    phase = Phase(
        seconds=scale.kill_s,
        period_s=scale.period_s,
        backoffice_token=province.backoffice_token,
        mix=scale.mix,
    )
    killed: list[int] = []
    with ServerProcess(
        province.db_url, province.data_dir, workers, log, slow_ms=KILL_HOLD_MS
    ) as server:

        def kill() -> None:
            pid = _holding_a_push(log, server.worker_pids())
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
            note(f"kill: SIGKILL to worker {pid} while it held a push")
            if workers == 1:  # nothing supervises a single process: restart it, as systemd would
                assert server.proc is not None
                server.proc.wait(10)
                server.start()

        outcome = drive(
            province, server, phase, scale.procs, sample_s=scale.sample_s,
            at=(scale.kill_at_s, kill),
        )  # fmt: skip
        survivors = server.worker_pids()
    summary(f"kill, {workers} worker(s)", outcome)
    verified = check(province)
    note(f"kill: {verified}; workers after: {survivors}")
    retried = outcome.statuses.get("network", 0) + outcome.statuses.get("5xx", 0)
    return [
        Row(
            "K",
            "worker SIGKILLed under load",
            f"pg/{workers}w",
            None,
            None,
            f"{verified.text()}; {retried} retried",
            "0 lost, 0 duplicated; a request cut and retried",
            bool(killed) and retried > 0 and verified.ok and not outcome.refused,
        )
    ]


def run(
    *,
    quick: bool = False,
    scale: Scale | None = None,
    db_url: str | None = None,
    workers: int = 2,
    parts: tuple[str, ...] = ("scaling", "soak", "kill"),
) -> list[Row]:
    scale = scale or (QUICK if quick else FULL)
    if db_url is None:
        reason = pg_unavailable()
        if reason is not None:
            return [_row("L", "province load", "PostgreSQL unreachable", "runs", ok=False)]
    if workers > 1 and not workers_supported():
        note("province: central-server serve has no --workers yet: one worker")
        workers = 1
    load = os.getloadavg()
    note(f"province: load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} before the run")
    url = db_url or create_pg_database()
    tmp = Path(tempfile.mkdtemp(prefix="ow-bench-province-"))
    log = tmp / "server.log"
    rows: list[Row] = []
    try:
        with ServerProcess(url, tmp / "data", 1, log) as server:
            province = enrol(server, scale.devices)
        if "scaling" in parts:
            if workers_supported():
                rows += _scaling(province, scale, log)
            else:
                rows.append(_row("L6", "syncs/s, 1 vs 2 workers", "no --workers", "runs", ok=False))
        if "soak" in parts:
            rows += _soak(province, scale, workers, log)
        if "kill" in parts:
            rows += _kill(province, scale, workers, log)
    finally:
        load = os.getloadavg()
        note(f"province: load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} after the run")
        if db_url is None:
            drop_pg_database(url)
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    from bench.common import print_table  # noqa: PLC0415

    parser = argparse.ArgumentParser(prog="python -m bench.province", description=__doc__)
    parser.add_argument("--devices", type=int, default=FULL.devices)
    parser.add_argument("--minutes", type=float, default=FULL.soak_s / 60, help="the soak")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--period", type=float, default=FULL.period_s, help="seconds per sync")
    parser.add_argument("--procs", type=int, default=FULL.procs, help="generator processes")
    parser.add_argument(
        "--db", metavar="URL", help="an empty PostgreSQL database (default: a new one)"
    )
    parser.add_argument(
        "--only", choices=("scaling", "soak", "kill"), action="append", help="some phases only"
    )
    args = parser.parse_args(argv)
    scale = replace(
        FULL,
        devices=args.devices,
        soak_s=args.minutes * 60,
        period_s=args.period,
        procs=args.procs,
    )
    rows = run(
        scale=scale,
        db_url=args.db,
        workers=args.workers,
        parts=tuple(args.only or ("scaling", "soak", "kill")),
    )
    print_table(rows)
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
