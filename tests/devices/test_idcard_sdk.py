"""The vendor-SDK backend against a compiled fake sdtapi library, scenario by scenario."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from clerk_app.audit.types import Actor
from clerk_app.cli.main import main
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
from clerk_app.services import build_services
from clerk_app.settings import ENV_DATA, Settings
from clerk_app.settings_schema import IdCardSettings
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
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


def test_build_services_reads_through_the_sdk_and_hands_on_no_photo(
    fake_sdk: FakeSdk, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "data"))  # no hall key file there
    present(fake_sdk)
    idcard = IdCardSettings(backend="sdk", sdk_library=fake_sdk.sdk, photo_decoder=fake_sdk.decoder)
    services = build_services(
        Settings(idcard=idcard),
        db,
        clock=FixedClock(dt.datetime(2026, 12, 7, 9, tzinfo=ZoneInfo("Asia/Shanghai"))),
    )
    assert services.idcard is not None  # the sdk backend needs no port: 1001, the first USB
    read = services.idcard.read(Actor(None, "test"))
    assert read.card.id_number == RESIDENT.id_number
    assert (read.card.photo, read.card.photo_bmp) == (None, None)  # nothing to store


def test_the_settings_name_the_sdk_port() -> None:
    library = "C:/Program Files/reader/sdtapi.dll"
    assert IdCardSettings(backend="sdk", sdk_library=library).sdk_port == USB_PORT
    assert IdCardSettings(backend="sdk", sdk_library=library, port="2").sdk_port == 2
    assert not IdCardSettings().configured  # serial, no port: no reader


@pytest.fixture
def _cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("ONEWINDOW_DB", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))


@pytest.mark.usefixtures("_cli")
def test_the_cli_reads_through_the_sdk(
    fake_sdk: FakeSdk, capsys: pytest.CaptureFixture[str]
) -> None:
    present(fake_sdk)
    code = main(["device", "idcard", "--sdk", fake_sdk.sdk, "--json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    card = json.loads(out)
    assert (card["id_number"], card["photo_bytes"]) == ("110105********002X", 1024)
    assert card["photo"] == "photo not available"

    code = main(["device", "idcard", "--sdk", fake_sdk.sdk, "--photo-decoder", fake_sdk.decoder])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "photo: BMP, 1026 bytes" in out


@pytest.mark.usefixtures("_cli")
def test_the_cli_reports_a_missing_sdk_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["device", "idcard", "--sdk", str(tmp_path / "sdtapi.dll")])
    _, err = capsys.readouterr()
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "sdtapi.dll" in err


@pytest.mark.usefixtures("_cli")
def test_the_cli_refuses_a_serial_port_name_for_the_sdk(
    fake_sdk: FakeSdk, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["device", "idcard", "--sdk", fake_sdk.sdk, "--port", "COM3"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "SDK's port number" in err
