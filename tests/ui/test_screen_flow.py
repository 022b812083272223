"""Unattended screens start from the config file alone: the device signs in, the screen opens."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from clerk_app.crypto.keys import key_store_for
from clerk_app.settings import DeviceSettings, Settings
from clerk_app.settings_schema import IdCardSettings
from onewindow_base.crypto.keys import Algorithm, new_ring
from tests.printing.helpers import FakeTicketPrinter, parse_escpos
from tests.printing.test_jobs import printing_settings
from ui.kiosk.kiosk import KioskScreen
from ui.screens import ScreenFlow
from ui.tasks import TaskRunner


def _args(mode: str) -> argparse.Namespace:
    return argparse.Namespace(mode=mode, seed_demo=False, hall=None, window=None)


@pytest.fixture
def settings(
    tmp_path: Path, fake_printer: FakeTicketPrinter, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    """A kiosk PC's: its device login, its ticket printer, a data folder of its own."""
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    return Settings(
        device=DeviceSettings(user="clerk8", password="clerk8-demo"),
        printing=printing_settings(tmp_path / "out", fake_printer.port).model_copy(
            update={"role": "kiosk"}
        ),
    )


def test_the_kiosk_signs_in_as_its_device_and_prints_to_its_routed_printer(
    qapp: QApplication,
    runner: TaskRunner,
    db_url: str,
    tmp_path: Path,
    fake_printer: FakeTicketPrinter,
    settings: Settings,
) -> None:
    key_store_for(settings).save(new_ring(Algorithm.SM4_GCM, 0))  # tickets are archived sealed
    flow = ScreenFlow(qapp, runner, db_url, settings, _args("kiosk"))
    flow.start()
    screen = flow._screen
    assert isinstance(screen, KioskScreen)
    screen.service_buttons["BIZ"].click()
    assert any("A001" in line for line in parse_escpos(fake_printer.wait_for_jobs(1)[0]).lines)
    flow.shutdown()
    screen.close()


def test_a_kiosk_without_a_device_login_says_what_to_configure(
    qapp: QApplication, runner: TaskRunner, db_url: str
) -> None:
    flow = ScreenFlow(qapp, runner, db_url, Settings(), _args("kiosk"))
    flow.start()
    box = flow._message
    assert box is not None
    assert "[device]" in box.text()
    # Closing it would end the app (its purpose on a kiosk), and this QApplication is shared.
    box.finished.disconnect()
    box.close()
    box.deleteLater()


def test_a_kiosk_without_the_hall_key_prints_and_keeps_its_tickets_plain(
    qapp: QApplication,
    runner: TaskRunner,
    db_url: str,
    tmp_path: Path,
    fake_printer: FakeTicketPrinter,
    settings: Settings,
) -> None:
    """A public kiosk need not hold the key that opens every scan: a ticket names nobody."""
    flow = ScreenFlow(qapp, runner, db_url, settings, _args("kiosk"))
    flow.start()
    screen = flow._screen
    assert isinstance(screen, KioskScreen) and flow._message is None
    screen.service_buttons["BIZ"].click()
    [sent] = fake_printer.wait_for_jobs(1)
    assert any("A001" in line for line in parse_escpos(sent).lines)
    [kept] = [p for p in (tmp_path / "data" / "blobs").rglob("*") if p.is_file()]
    assert kept.name == hashlib.sha256(kept.read_bytes()).hexdigest()  # plain, by its digest
    assert parse_escpos(kept.read_bytes()).lines == parse_escpos(sent).lines
    flow.shutdown()
    screen.close()


@pytest.mark.allow_log_warnings  # the kiosk's word to the admin is a warning in its log
def test_a_kiosk_with_a_reader_and_no_hall_key_says_it_checks_in_by_code_only(
    qapp: QApplication,
    runner: TaskRunner,
    db_url: str,
    settings: Settings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with_reader = settings.model_copy(update={"idcard": IdCardSettings(port="/dev/ttyUSB9")})
    flow = ScreenFlow(qapp, runner, db_url, with_reader, _args("kiosk"))
    flow.start()
    screen = flow._screen
    assert isinstance(screen, KioskScreen) and screen._card_reader is None
    said = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("kiosk setup: idcard: a reader is configured" in m for m in said), said
    flow.shutdown()
    screen.close()
