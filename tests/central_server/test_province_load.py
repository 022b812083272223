"""The province load generator (``bench/loadgen.py``, issue 20) speaks the real protocol to a
real ``central-server serve`` process on PostgreSQL (two workers when the server offers
``--workers``): a few devices enrol, sync for a few cycles with cases and scans while the back
office decides, and afterwards every case a device believes accepted is on the server exactly
once, with no 5xx on the way; bookings made online reach the counters' pulls. This proves the
generator's protocol path, not its speed (``python -m bench --only province`` measures).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bench import loadgen, province
from bench.loadgen import Mix, Phase
from tests.central_server.conftest import CentralTemplates
from tests.dbs import require_pg


@pytest.mark.slow  # a two-worker server and twenty counters
def test_devices_sync_through_the_protocol_and_nothing_is_lost_or_doubled(
    central_templates: CentralTemplates, tmp_path: Path
) -> None:
    require_pg()
    url = central_templates.fresh("postgresql", tmp_path)
    workers = 2 if province.workers_supported() else 1
    server = province.ServerProcess(url, tmp_path / "data", workers, tmp_path / "server.log")
    with server:
        setup = province.enrol(server, 20)
        assert len(setup.states) == 20
        assert all(s.catalogue_etag for s in setup.states)  # each downloaded the catalogue once
        phase = Phase(
            seconds=2,
            period_s=0.4,
            backoffice_token=setup.backoffice_token,
            backoffice_period_s=0.3,
            halls=tuple(sorted({s.hall_code for s in setup.states})),
            mix=Mix(case_every=2, scan_bytes=20_000, booking_every_s=1.0),
        )
        stats, _ = asyncio.run(loadgen.run_phase(setup.target, setup.states, phase))

    assert stats.errors == []
    assert stats.refused == []
    assert stats.statuses.get("5xx", 0) == 0
    assert stats.cases_made > 0
    assert stats.latencies["hello"]
    assert stats.latencies["push"]
    assert stats.latencies["pull"]
    # The hall's bookings: pulled in a device's first cycle and after each booking online
    # moved hello's revision, not every cycle.
    assert stats.bookings_made > 0
    assert all(s.appointments_mark for s in setup.states)
    pulls = len(stats.latencies["appointments"])
    assert len(setup.states) <= pulls <= len(setup.states) * (1 + stats.bookings_made)
    check = province.check(setup)
    assert check.believed == stats.cases_made
    assert check.on_server == stats.cases_made
    assert (check.lost, check.duplicated, check.ghosts, check.unsent) == (0, 0, 0, 0)
    assert check.delivered == check.handovers  # each pulled decision handed over once
