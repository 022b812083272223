"""Sync budgets (issue 6, section 5), counter and central server both on SQLite over loopback:

- push 1,000 pending cases without scans ≤ 15 s;
- upload 200 scans of 2 MB (50 cases × 4) ≤ 20 s;
- a sync cycle with nothing to do ≤ 50 ms (p95 of 30);
- client memory flat across 10 cycles (tracemalloc: growth from cycle 3 to 10 ≤ 256 KiB).
"""

from __future__ import annotations

import json
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.common import Row, Samples, budget_row, note
from central_server.app import build_app
from central_server.composition import create_services
from central_server.runner import ServerThread
from central_server.services import auth, catalogue
from central_server.settings import ServerSettings
from clerk_app.bootstrap import open_database
from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.demo import seed_demo
from clerk_app.demo_cases import create_demo_cases
from clerk_app.sync.engine import SyncEngine
from clerk_app.sync.enrolment import enrol
from onewindow_base.blobs import BlobStore
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring


def _row(budget: str, what: str, seconds: float, limit_s: float, detail: str) -> Row:
    return Row(
        budget,
        what,
        "sqlite",
        Samples.of([seconds * 1000]),
        None,
        f"{seconds:.1f} s ({detail})",
        f"<= {limit_s:g} s",
        seconds <= limit_s,
    )


def _counter(root: Path, server_url: str, code: str) -> tuple[SyncEngine, BlobStore]:
    db = open_database(f"sqlite:///{root / 'hall.sqlite3'}")
    seed_demo(db)
    cipher = PersonalDataCipher(new_ring(Algorithm.SM4_GCM, int(time.time() * 1000)))
    store = BlobStore(root / "blobs", cipher.ring)
    enrol(db, cipher, server_url, code, device_name="bench", window_code="W03")
    return SyncEngine(db, cipher, store), store


def run(*, quick: bool = False) -> list[Row]:
    cases, scan_cases = (100, 10) if quick else (1000, 50)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="ow-bench-sync-") as tmp:
        root = Path(tmp)
        settings = ServerSettings(
            db_url=f"sqlite:///{root / 'central.sqlite3'}", data_dir=root / "central"
        )
        services = create_services(settings)
        catalogue.publish(
            services.ctx, json.loads(demo_catalogue_path().read_text(encoding="utf-8"))
        )
        with ServerThread(build_app(services)) as server:
            # 1. cases without scans
            a = root / "a"
            engine, store = _counter(
                a, server.base_url, auth.create_enrolment_code(services.ctx, "CC01").code
            )
            started = time.perf_counter()
            create_demo_cases(engine.db, engine.protector, store, cases, scans_per_case=0)
            note(f"sync: {cases} cases made in {time.perf_counter() - started:.1f} s")
            started = time.perf_counter()
            report = engine.run_cycle(force=True)
            took = time.perf_counter() - started
            if not report.ok or report.pushed != cases:
                raise RuntimeError(f"push failed: {report}")
            rows.append(_row("S1", f"push {cases} cases", took, 15, f"{cases / took:.0f}/s"))

            # 3. nothing to do, and 4. memory across cycles
            idle = []
            for _ in range(30):
                started = time.perf_counter()
                if not engine.run_cycle(force=True).ok:
                    raise RuntimeError("an idle cycle failed")
                idle.append((time.perf_counter() - started) * 1000)
            rows.append(
                budget_row(
                    "S3", "idle sync cycle", "sqlite", Samples.of(idle), None, q=0.95, limit_ms=50
                )
            )
            tracemalloc.start()
            sizes = []
            for _ in range(10):
                engine.run_cycle(force=True)
                sizes.append(tracemalloc.get_traced_memory()[0])
            tracemalloc.stop()
            growth = sizes[-1] - sizes[2]
            rows.append(
                Row(
                    "S4",
                    "client memory over 10 cycles",
                    "sqlite",
                    None,
                    None,
                    f"+{growth / 1024:.0f} KiB (cycles 3-10)",
                    "<= 256 KiB",
                    growth <= 256 * 1024,
                )
            )
            engine.db.dispose()

            # 2. scans of 2 MB
            b = root / "b"
            engine, store = _counter(
                b, server.base_url, auth.create_enrolment_code(services.ctx, "CC01").code
            )
            made = create_demo_cases(
                engine.db,
                engine.protector,
                store,
                scan_cases,
                scans_per_case=4,
                scan_bytes=2 << 20,
                window=4,
            )
            started = time.perf_counter()
            report = engine.run_cycle(force=True)
            took = time.perf_counter() - started
            if not report.ok or report.pushed != scan_cases:
                raise RuntimeError(f"upload failed: {report}")
            mb = made.scan_bytes / 1e6
            rows.append(_row("S2", f"upload {made.scans} scans", took, 20, f"{mb / took:.0f} MB/s"))
            engine.db.dispose()
        services.ctx.db.dispose()
    return rows
