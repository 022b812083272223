"""The vendor-SDK backend against a compiled fake sdtapi library, scenario by scenario."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from clerk_app.devices.idcard.card import encode_text_block
from clerk_app.devices.idcard.errors import (
    CardRemoved,
    IdCardError,
    NoCard,
    PortGone,
    ProtocolError,
    SdkUnavailable,
)
from clerk_app.devices.idcard.reader import CardReader
from clerk_app.devices.idcard.sdk import SdkCardReader
from onewindow_base.wording import Language
from tests.devices.conftest import FakeSdk, SdkScenario
from tests.devices.idcard_sim import RESIDENT, TODAY

USB_PORT = 1001


def reader(library: str, *, decoder: str | None = None) -> CardReader:
    return SdkCardReader(library, USB_PORT, today=lambda: TODAY, photo_decoder=decoder)


def present(fake_sdk: FakeSdk, photo: bytes | None = None) -> None:
    assert RESIDENT.photo is not None
    fake_sdk.set_card(
        SdkScenario.CARD_PRESENT,
        encode_text_block(RESIDENT),
        RESIDENT.photo if photo is None else photo,
    )


def test_a_card_is_read_through_the_sdk(fake_sdk: FakeSdk) -> None:
    present(fake_sdk)
    card = reader(fake_sdk.sdk).read_card()
    assert card == RESIDENT
    assert card.photo_bmp is None  # no decoder configured: photo not available
    assert fake_sdk.port_open() == 0  # closed again after the read


@pytest.mark.parametrize(
    ("scenario", "error"),
    [
        (SdkScenario.NO_CARD, NoCard),
        (SdkScenario.REMOVED_AT_SELECT, CardRemoved),
        (SdkScenario.REMOVED_AT_READ, CardRemoved),
        (SdkScenario.PORT_FAILS, PortGone),
        (SdkScenario.ODD_STATUS, ProtocolError),
    ],
)
def test_each_failure_of_the_sdk_is_its_own_error(
    fake_sdk: FakeSdk, scenario: SdkScenario, error: type[IdCardError]
) -> None:
    fake_sdk.set_card(scenario, encode_text_block(RESIDENT))
    with pytest.raises(error) as raised:
        reader(fake_sdk.sdk).read_card()
    assert "USB1" in raised.value.message(Language.EN)
    assert fake_sdk.port_open() == 0  # a failed read closes the port too


def test_an_odd_status_names_the_function_and_its_code(fake_sdk: FakeSdk) -> None:
    fake_sdk.set_card(SdkScenario.ODD_STATUS)
    with pytest.raises(ProtocolError) as raised:
        reader(fake_sdk.sdk).read_card()
    assert "SDT_StartFindIDCard returned 0x24" in raised.value.message(Language.EN)


def test_the_decoder_turns_the_photo_into_a_bmp_and_leaves_no_file(
    fake_sdk: FakeSdk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    present(fake_sdk)
    card = reader(fake_sdk.sdk, decoder=fake_sdk.decoder).read_card()
    assert card.photo_bmp == b"BM" + (RESIDENT.photo or b"")
    assert list(scratch.iterdir()) == []  # the WLT and the BMP are gone


def test_a_photo_the_decoder_refuses_is_not_available_and_leaves_no_file(
    fake_sdk: FakeSdk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    present(fake_sdk, photo=b"BAD" + bytes(1021))
    card = reader(fake_sdk.sdk, decoder=fake_sdk.decoder).read_card()
    assert card.name == RESIDENT.name
    assert card.photo_bmp is None
    assert list(scratch.iterdir()) == []


def test_a_missing_library_is_sdk_unavailable(tmp_path: Path) -> None:
    missing = str(tmp_path / "sdtapi.dll")
    with pytest.raises(SdkUnavailable) as raised:
        reader(missing).read_card()
    assert missing in raised.value.message(Language.EN)
    assert "厂商的动态库" in raised.value.message(Language.ZH_CN)


def test_a_library_without_the_sdk_functions_is_sdk_unavailable(fake_sdk: FakeSdk) -> None:
    with pytest.raises(SdkUnavailable) as raised:
        reader(fake_sdk.decoder).read_card()
    assert "has no function SDT_" in raised.value.message(Language.EN)


def test_a_decoder_without_getbmp_is_sdk_unavailable(fake_sdk: FakeSdk, tmp_path: Path) -> None:
    present(fake_sdk)
    not_a_decoder = tmp_path / "empty.so"
    with pytest.raises(SdkUnavailable):
        reader(fake_sdk.sdk, decoder=str(not_a_decoder)).read_card()


def test_a_text_block_the_card_module_refuses_is_reported_as_such(fake_sdk: FakeSdk) -> None:
    fake_sdk.set_card(SdkScenario.CARD_PRESENT, b"\x00" * 100)
    with pytest.raises(IdCardError, match="100 bytes"):
        reader(fake_sdk.sdk).read_card()
