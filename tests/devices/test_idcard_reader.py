"""The pyserial driver against the simulated module on a pseudo-terminal, scenario by scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.devices.idcard.errors import (
    CardRemoved,
    ChecksumError,
    DeviceSilent,
    IdCardError,
    NoCard,
    PortGone,
    ProtocolError,
    SdkUnavailable,
)
from clerk_app.devices.idcard.protocol import Command
from clerk_app.devices.idcard.reader import CardReader, IdCardReader
from onewindow_base.wording import Language
from tests.devices.conftest import FakeSdk
from tests.devices.idcard_sim import RESIDENT, TODAY, ModuleSimulator, Scenario

ALL_STEPS = [Command.FIND_CARD, Command.SELECT_CARD, Command.READ_BASE]


def reader(port: str, timeout_s: float = 5.0) -> CardReader:
    return IdCardReader(port, timeout_s=timeout_s, today=lambda: TODAY)


@pytest.mark.parametrize("scenario", [Scenario.CARD_PRESENT, Scenario.PARTIAL_FRAMES])
def test_a_card_is_found_selected_and_read(scenario: Scenario) -> None:
    with ModuleSimulator(scenario) as sim:
        card = reader(sim.port).read_card()
        assert sim.requests == ALL_STEPS
    assert card == RESIDENT
    assert card.photo is not None and len(card.photo) == 1024


@pytest.mark.parametrize(
    ("scenario", "error", "steps"),
    [
        (Scenario.NO_CARD, NoCard, 1),
        (Scenario.REMOVED_AT_SELECT, CardRemoved, 2),
        (Scenario.REMOVED_AT_READ, CardRemoved, 3),
        (Scenario.BAD_CHECKSUM, ChecksumError, 3),
        (Scenario.UNKNOWN_STATUS, ProtocolError, 3),
    ],
)
def test_each_failure_of_the_module_is_its_own_error(
    scenario: Scenario, error: type[IdCardError], steps: int
) -> None:
    with ModuleSimulator(scenario) as sim:
        with pytest.raises(error) as raised:
            reader(sim.port).read_card()
        assert sim.requests == ALL_STEPS[:steps]
    line = raised.value.message()
    assert sim.port in line and "\n" not in line


def test_an_unknown_status_names_its_bytes() -> None:
    with ModuleSimulator(Scenario.UNKNOWN_STATUS) as sim, pytest.raises(ProtocolError) as raised:
        reader(sim.port).read_card()
    assert "00 00 66" in str(raised.value)


def test_a_silent_module_is_reported_after_the_timeout() -> None:
    with ModuleSimulator(Scenario.SILENT) as sim, pytest.raises(DeviceSilent) as raised:
        reader(sim.port, timeout_s=0.2).read_card()
    assert "0.2 s" in str(raised.value)


def test_a_reader_unplugged_mid_read_is_port_gone() -> None:
    with ModuleSimulator(Scenario.VANISHES) as sim:
        with pytest.raises(PortGone):
            reader(sim.port).read_card()
        assert sim.vanished.is_set()
        assert sim.requests == ALL_STEPS


def test_a_port_that_is_not_there_is_port_gone(tmp_path: object) -> None:
    with pytest.raises(PortGone, match="ttyUSB-none"):
        reader(f"{tmp_path}/ttyUSB-none").read_card()


def test_the_chinese_line_is_there_too() -> None:
    with ModuleSimulator(Scenario.NO_CARD) as sim, pytest.raises(NoCard) as raised:
        reader(sim.port).read_card()
    assert "没有证件" in raised.value.message(Language.ZH_CN)


def test_the_vendor_decoder_gives_the_serial_backend_its_photo(fake_sdk: FakeSdk) -> None:
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        card = IdCardReader(
            sim.port, timeout_s=5.0, today=lambda: TODAY, photo_decoder=fake_sdk.decoder
        ).read_card()
        sim.photo = b"BAD" + bytes(20)  # the decoder refuses it: photo not available
        refused = IdCardReader(
            sim.port, timeout_s=5.0, today=lambda: TODAY, photo_decoder=fake_sdk.decoder
        ).read_card()
    assert card.photo_bmp == b"BM" + (RESIDENT.photo or b"")
    assert refused.photo_bmp is None and refused.id_number == RESIDENT.id_number


def test_a_decoder_that_does_not_load_is_one_line_on_the_read(tmp_path: Path) -> None:
    missing = str(tmp_path / "WltRS.dll")
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim, pytest.raises(SdkUnavailable) as caught:
        IdCardReader(
            sim.port, timeout_s=5.0, today=lambda: TODAY, photo_decoder=missing
        ).read_card()
    assert missing in caught.value.message(Language.EN)
