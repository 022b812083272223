"""``clerk-app device idcard`` end to end: the real parser, driver and the simulated reader."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from clerk_app.cli.main import main
from clerk_app.devices.idcard.card import CardData, CardKind, encode_text_block
from tests.devices.idcard_sim import ModuleSimulator, Scenario


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("ONEWINDOW_DB", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))


def test_json_shows_the_card_with_the_id_number_masked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        code = main(["device", "idcard", "--port", sim.port, "--json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    card = json.loads(out)
    assert card["id_number"] == "110105********002X"
    assert card["name"] == "张三丰"
    assert (card["sex"], card["ethnicity"], card["valid_to"]) == ("男", "汉", None)
    assert card["photo_bytes"] == 1024
    assert card["expired"] is False


def test_show_id_prints_the_whole_number(capsys: pytest.CaptureFixture[str]) -> None:
    with ModuleSimulator(Scenario.PARTIAL_FRAMES) as sim:
        code = main(["device", "idcard", "--port", sim.port, "--show-id"])
    out, _err = capsys.readouterr()
    assert code == 0
    assert "id_number: 11010519491231002X" in out.splitlines()


@pytest.mark.parametrize(
    ("scenario", "words"),
    [(Scenario.NO_CARD, "no card"), (Scenario.REMOVED_AT_READ, "the card left the ID-card reader")],
)
def test_a_failure_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], scenario: Scenario, words: str
) -> None:
    with ModuleSimulator(scenario) as sim:
        code = main(["device", "idcard", "--port", sim.port, "--json"])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.startswith(f"clerk-app: {words}") and err.count("\n") == 1, err
    assert "Traceback" not in err


def test_a_missing_port_in_chinese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code = main(["device", "idcard", "--port", str(tmp_path / "ttyUSB9")])
    _out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("clerk-app: 无法使用身份证阅读器的端口") and "ttyUSB9" in err, err


def test_an_expired_permit_is_read_with_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    permit = CardData(
        kind=CardKind.HMT_RESIDENCE_PERMIT,
        name="陈大文",
        sex="2",
        birth_date=dt.date(1994, 8, 23),
        address="广东省深圳市福田区福华路1号",
        id_number="810000199408230021",
        authority="深圳市公安局",
        valid_from=dt.date(2019, 1, 1),
        valid_to=dt.date(2024, 1, 1),
        pass_number="H12345678",
        issue_count=1,
    )
    with ModuleSimulator(Scenario.CARD_PRESENT, encode_text_block(permit)) as sim:
        code = main(["device", "idcard", "--port", sim.port, "--baud", "9600"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "kind: hmt_residence_permit" in lines
    assert "id_number: 810000********0021" in lines
    assert "issue_count: 1" in lines
    assert lines[-1] == "warning: this card has expired"


def test_the_settings_name_the_reader_when_port_is_not_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ModuleSimulator(Scenario.SILENT) as sim:
        config = tmp_path / "onewindow.toml"
        config.write_text(f'[idcard]\nport = "{sim.port}"\ntimeout_s = 0.2\n', encoding="utf-8")
        monkeypatch.setenv("ONEWINDOW_CONFIG", str(config))
        code = main(["device", "idcard"])
        assert code == 1
        assert f"the ID-card reader {sim.port} did not answer within 0.2 s" in (
            capsys.readouterr().err
        )
        with ModuleSimulator(Scenario.CARD_PRESENT) as other:  # --port still wins
            code = main(["device", "idcard", "--port", other.port, "--timeout", "1"])
        assert code == 0
        assert "id_number: 110105********002X" in capsys.readouterr().out.splitlines()


def test_no_port_anywhere_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["device", "idcard"])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.startswith("clerk-app: no ID-card reader is configured") and err.count("\n") == 1
