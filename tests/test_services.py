"""The composition root (clerk_app.services): one place builds the service graph, each part once
and only when asked for; the hall's time zone is its row's; and nothing that runs the app
(the screens, the command line, the tools) wires services by hand again."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from clerk_app.bootstrap import open_database
from clerk_app.db.models import Hall
from clerk_app.services import build_services
from clerk_app.settings import ENV_DATA, Settings, load_settings
from clerk_app.sync import state
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.keys import Algorithm, KeyStoreError, new_ring
from onewindow_base.db.engine import Database

ROOT = Path(__file__).resolve().parent.parent
# Where the app, the screens, the command line and the tools get their services.
CALLERS = ("ui", "clerk_app/cli", "tools", "clerk_app/samples.py", "clerk_app/demo.py")
CONSTRUCTED = re.compile(
    r"\b(QueueService|AuthService|AuditService|CatalogueService|CalendarService|FiguresService"
    r"|PostCheckService|RatingService|ResultsService|IntakeService|PrintService|SyncEngine"
    r"|CaseLookup|ResultPapers|IdCardService)\(|\b(hall_blob_store|hall_calendar)\("
)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "data"))  # no hall key file there
    return tmp_path / "data"


def test_each_part_is_built_once_when_first_asked_for(db: Database, data_dir: Path) -> None:
    services = build_services(Settings(), db)
    assert "queue" not in vars(services)  # nothing built yet
    assert services.queue is services.queue
    assert services.hall.code == "CC01"
    assert services.figures is services.figures
    assert "counter" not in vars(services) and "sync" not in vars(services)


def test_the_hall_row_is_the_time_zone_and_the_setting_only_a_default(
    db: Database, tmp_path: Path, data_dir: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[hall]\ntimezone = "Asia/Urumqi"\n', encoding="utf-8")
    settings = load_settings(config)
    db.run_write(lambda s: s.execute(update(Hall).values(timezone="Asia/Harbin")))
    assert build_services(settings, db).tz == ZoneInfo("Asia/Harbin")
    fresh = open_database(f"sqlite:///{tmp_path / 'no-hall.sqlite3'}")
    try:
        assert build_services(settings, fresh).tz == ZoneInfo("Asia/Urumqi")  # no hall yet
    finally:
        fresh.dispose()


def test_without_the_hall_key_a_pc_prints_tickets_but_keeps_no_personal_data(
    db: Database, data_dir: Path
) -> None:
    services = build_services(Settings(), db)
    assert not services.has_hall_key
    with pytest.raises(KeyStoreError):
        _ = services.counter
    assert services.kiosk_printer.blobs is services.paper_blobs  # a plain store
    with pytest.raises(KeyStoreError):
        services.paper_blobs.put_bytes(b"an ID number", personal=True)


def test_a_given_key_ring_clock_and_blob_folder_replace_the_settings(
    db: Database, tmp_path: Path, data_dir: Path
) -> None:
    start = dt.datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    clock = FixedClock(start)
    ring = new_ring(Algorithm.SM4_GCM, clock.now_ms())
    services = build_services(
        Settings(), db, clock=clock, key_ring=ring, blob_dir=tmp_path / "blobs"
    )
    assert services.has_hall_key and services.cipher.ring is ring
    assert services.blobs.root == tmp_path / "blobs"
    assert services.counter.intake.today() == start.date()
    assert services.counter.printer is services.printer
    later = replace(services, clock=FixedClock(start.replace(year=2030)))
    assert later.queue is not services.queue and later.queue.now_ms() > services.queue.now_ms()


def test_nothing_that_runs_the_app_wires_services_by_hand() -> None:
    listed = subprocess.run(
        ["git", "ls-files", *CALLERS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    wired = [
        f"{name}:{number}"
        for name in listed
        if name.endswith(".py")
        for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1)
        if CONSTRUCTED.search(line) and not line.lstrip().startswith("#")
    ]
    assert wired == []


def test_the_idcard_table_gives_the_counter_its_reader(db: Database, data_dir: Path) -> None:
    from clerk_app.audit.types import Actor, AuditAction  # noqa: PLC0415
    from clerk_app.settings_schema import IdCardSettings  # noqa: PLC0415
    from tests.devices.idcard_sim import RESIDENT, ModuleSimulator, Scenario  # noqa: PLC0415

    assert build_services(Settings(), db).idcard is None  # no port: no reader, no button
    assert build_services(Settings(), db).photo_checks is None
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        settings = Settings(idcard=IdCardSettings(port=sim.port, timeout_s=1.0))
        services = build_services(
            settings,
            db,
            clock=FixedClock(dt.datetime(2026, 12, 7, 9, tzinfo=ZoneInfo("Asia/Shanghai"))),
        )
        assert services.idcard is not None
        assert services.photo_checks is not None  # the default: the pictures are not kept
        assert not services.photo_checks.keeps_photos
        read = services.idcard.read(Actor(None, "test"), case_number="CC01-2026-000001")
    assert read.card.id_number == RESIDENT.id_number
    assert read.card.photo is None  # the photo is not handed on, so nothing can store it
    [entry] = [
        e for e in services.audit.entries(0, 2**62) if e.action == AuditAction.IDCARD_READ.value
    ]
    assert (entry.target_kind, entry.target) == ("case", "CC01-2026-000001")
    assert "110105********002X" in entry.detail and RESIDENT.id_number not in entry.detail


def test_text_messages_are_offered_only_with_the_hall_key_and_a_central_server(
    db: Database, data_dir: Path
) -> None:
    assert build_services(Settings(), db).notifications is None  # no hall key on this PC
    ring = new_ring(Algorithm.SM4_GCM, 0)
    assert build_services(Settings(), db, key_ring=ring).notifications is None  # not enrolled

    def enrolled(session: Session) -> None:
        row = state.load(session)
        row.server_url, row.refresh_enc = "https://central.example", "sealed"

    db.run_write(enrolled)
    services = build_services(Settings(), db, key_ring=ring)
    assert services.notifications is not None
    assert services.notifications.rules.threshold("BIZ") == 3
