"""The hall's config file: the template is valid, every bad value is named with a clear
message, `config init` writes a file the app reads and never overwrites or half-writes one."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from clerk_app.cli.main import main
from clerk_app.config_check import Severity, check_config
from clerk_app.crypto.keys import key_store_for
from clerk_app.settings import OFFICE_KEYS, ConfigError, ScannerSettings, config_path, load_settings
from onewindow_base.crypto.keys import Algorithm, new_ring

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "installer" / "config" / "onewindow.example.toml"


PAPERS = """
[papers]
licensing_body = "长春市政务服务和数字化建设管理局"
counter_seal = "长春市政务服务中心受理专用章"
decision_seal = "长春市政务服务和数字化建设管理局行政审批专用章"
reconsideration_body = "长春市人民政府"
court = "长春铁路运输法院"
consultation_phone = "0431-12345"
deferral_measure = "《长春市政务服务事项容缺受理办法》"
pickup_wording = "统一出件窗口领取"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_template_round_trips() -> None:
    assert check_config(TEMPLATE) == []
    settings = load_settings(TEMPLATE)
    assert settings.db_url == "postgresql://onewindow@hall-db.local:5432/onewindow"
    assert (settings.hall_code, settings.window, settings.language) == ("CC01", 3, "zh_CN")
    assert settings.sync_server_url is None
    assert settings.scanner == ScannerSettings()
    assert {p.name for p in settings.printing.printers} == {"a4", "thermal", "default"}
    assert settings.printing.routes.printer_for("kiosk", "ticket") == "thermal"
    assert settings.printing.routes.printer_for("window", "receipt") == "a4"


def test_the_template_documents_every_table_in_both_languages() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    for table in ("database", "hall", "sync", "ui", "device", "screens", "scanner", "printing",
                  "printers.a4", "printers.thermal"):  # fmt: skip
        assert f"[{table}]" in text
    for key in ("server_url", "window", "voice", "kind", "folder", "device"):
        assert f"{key} =" in text
    assert "数据库" in text and "database" in text.lower()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[hall]\nwindow = 0\n", "hall.window must be at least 1, not 0"),
        ("[hall]\nwindow = '3'\n", "hall.window must be a whole number, not '3'"),
        ("[hall]\nwindow = true\n", "hall.window must be a whole number, not True"),
        ("[hall]\ncode = 'CC01'\nwindow = 3\ncode2 = 1\n", "hall.code2 is not a OneWindow setting"),
        ("[sync]\nserver_url = 'ftp://x'\n", "sync.server_url must be an https:// address"),
        (
            "[scanner]\nkind = 'twain'\n",
            "scanner.kind must be 'none', 'sane', 'folder' or 'camera', not 'twain'",
        ),
        ("[scanner]\nkind = 'folder'\n", 'scanner: kind = "folder" needs folder'),
        ("[idcard]\nbackend = 'sdk'\n", 'idcard: backend = "sdk" needs sdk_library'),
        (
            "[idcard]\nbackend = 'sdk'\nsdk_library = 'C:/x/sdtapi.dll'\nport = 'COM3'\n",
            "idcard: backend = \"sdk\" needs port to be the SDK's port number (1001 …), not 'COM3'",
        ),
        ("[idcard]\nbackend = 'pcsc'\n", "idcard.backend must be 'serial' or 'sdk', not 'pcsc'"),
        (
            "[database]\nurl = 'mysql://a@b/c'\n",
            "database.url must be sqlite:///FILE or postgresql",
        ),
        ("[device]\nuser = 'kiosk1'\n", "[device] needs both user and password"),
        (
            "[printers.t]\nkind = 'escpos-network'\n",
            "printers.t.host must be set",
        ),
        ("[printing.routes]\n'*' = 'nowhere'\n", "printing.routes.* names 'nowhere'"),
        ("[screens]\nvoice = 'loud'\n", "screens.voice must be 'auto', 'tts', 'clips' or 'chime'"),
        ("[hall\n", "cannot read"),
    ],
)
def test_a_bad_value_gets_a_clear_message(tmp_path: Path, body: str, message: str) -> None:
    problems = check_config(_write(tmp_path, body))
    assert any(message in p.message for p in problems), [p.line() for p in problems]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "[hall]\nwindow = 1000\ntimezone = 5\n[screens]\nvoice = 'x'\nkiosk_idle_s = 'y'\n"
        "[sync]\nserver_url = 'http://central.example.gov.cn'\n[hal]\ncode = 'x'\n",
    )
    problems = check_config(path)
    errors = [p.message for p in problems if p.severity is Severity.ERROR]
    warnings = [p.message for p in problems if p.severity is Severity.WARNING]
    assert len(errors) == 5, errors
    assert any("unencrypted" in w for w in warnings)
    # An unknown table or key is an error: the app would otherwise run without what was meant.
    assert any(e.startswith("[hal] is not a OneWindow table") for e in errors)
    assert problems[0].severity is Severity.ERROR  # errors first


def test_config_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _write(tmp_path, "[hall]\ncode = 'CC01'\nwindow = 2\n" + PAPERS)
    assert main(["config", "check", str(good)]) == 0
    assert "no problems" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text("[hall]\nwindow = -1\n[ui]\nlanguage = 'fr'\n", encoding="utf-8")
    assert main(["config", "check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "2 error(s)" in out and "ui.language must be 'zh_CN' or 'en'" in out
    assert main(["config", "check", str(tmp_path / "none.toml")]) == 1
    assert "does not exist" in capsys.readouterr().out


def test_config_init_writes_a_file_the_app_reads(tmp_path: Path) -> None:
    path = tmp_path / "etc" / "config.toml"
    args = ["config", "init", str(path), "--db", "postgresql://onewindow@db/ow",
            "--server", "https://central.example.gov.cn/ow", "--hall-code", "长春01",
            "--window", "7", "--lang", "en"]  # fmt: skip
    assert main(args) == 0
    settings = load_settings(path)
    assert settings.db_url == "postgresql://onewindow@db/ow"
    assert settings.sync_server_url == "https://central.example.gov.cn/ow"
    assert (settings.hall_code, settings.window, settings.language) == ("长春01", 7, "en")
    # Only what the hall still has to set for its papers ([papers], not known at init).
    assert [p for p in check_config(path) if not p.message.startswith("papers.")] == []


def test_config_init_lists_every_setting_with_its_meaning(tmp_path: Path) -> None:
    """The file `config init` writes comes from the settings' own declarations: every key
    of every table, described in both languages, at its default unless given."""
    path = tmp_path / "config.toml"
    assert main(["config", "init", str(path), "--window", "7"]) == 0
    text = path.read_text(encoding="utf-8")
    assert "\nwindow = 7\n" in text
    assert "# rating_follow_up_days = 5\n" in text
    assert "# 差评须在多少个工作日内回访整改。\n" in text
    for table in ("database", "hall", "screens", "security", "printing.branding", "papers"):
        assert f"\n[{table}]\n" in text
    # Uncommenting a default changes nothing: the file still reads as written.
    uncommented = text.replace("# rating_follow_up_days = 5", "rating_follow_up_days = 5")
    assert load_settings(_write(tmp_path, uncommented)) == load_settings(path)


def test_config_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "[hall]\nwindow = 4\n")
    assert main(["config", "init", str(path), "--window", "9"]) == 1
    assert "exists and is kept" in capsys.readouterr().err
    assert load_settings(path).window == 4


def test_config_init_writes_nothing_for_a_bad_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "config.toml"
    assert main(["config", "init", str(path), "--window", "0", "--server", "ftp://x"]) == 1
    out = capsys.readouterr().out
    assert "hall.window must be at least 1" in out and "sync.server_url" in out
    assert list(tmp_path.iterdir()) == []  # neither the file nor a partial one


def test_a_bad_config_stops_the_app_with_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "[hall]\nwindow = 0\n[screens]\nvoice = 'x'\n")
    shown: list[tuple[Path, list[str]]] = []

    def gui(url: str, settings: object, args: argparse.Namespace) -> int:
        raise AssertionError("the app must not start")

    status = main(
        ["--config", str(path), "run"],
        gui=gui,
        gui_message=lambda p, lines: shown.append((p, lines)),
    )
    assert status == 2
    assert "hall.window" in capsys.readouterr().err
    assert shown and shown[0][0] == path
    assert len([line for line in shown[0][1] if line.startswith("error:")]) == 2


def test_the_machine_config_is_read_when_the_user_has_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user"))
    machine = _write(tmp_path, "[hall]\nwindow = 5\n")
    user = tmp_path / "user" / "onewindow" / "config.toml"
    assert config_path({}, site=machine) == machine
    assert config_path({"ONEWINDOW_CONFIG": "/x/y.toml"}, site=machine) == Path("/x/y.toml")
    assert config_path({}, site=tmp_path / "absent.toml") == user
    user.parent.mkdir(parents=True)
    user.write_text("", encoding="utf-8")
    assert config_path({}, site=machine) == user  # the user's own file wins


def test_the_papers_settings_are_checked_by_name(tmp_path: Path) -> None:
    """A misspelt key (hall or department) is named; a missing required one is reported; a
    department overrides the hall."""
    text = PAPERS.replace("court =", "cuort =") + (
        '[papers.departments."市场监督管理局"]\n'
        'licensing_body = "长春市市场监督管理局"\n'
        'decison_seal = "长春市市场监督管理局行政许可专用章"\n'
    )
    messages = [p.message for p in check_config(_write(tmp_path, text))]
    assert any(m.startswith("papers.cuort is not a OneWindow setting") for m in messages)
    assert any(
        m.startswith('papers.departments."市场监督管理局".decison_seal is not a OneWindow setting')
        for m in messages
    )
    assert any(m.startswith("papers.court (管辖法院) is not set") for m in messages)
    with pytest.raises(ConfigError, match=r"papers\.cuort is not a OneWindow setting"):
        load_settings(tmp_path / "config.toml")  # the app reads what the check reads
    papers = load_settings(
        _write(tmp_path, text.replace("cuort", "court").replace("decison", "decision"))
    ).papers
    office = papers.office("市场监督管理局")
    assert office.licensing_body == "长春市市场监督管理局"
    assert office.reconsideration_body == "长春市人民政府"  # the hall's
    assert papers.office("水利局").licensing_body == "长春市政务服务和数字化建设管理局"


def test_a_hall_without_papers_settings_hears_of_each(tmp_path: Path) -> None:
    messages = [p.message for p in check_config(_write(tmp_path, "[hall]\ncode = 'CC01'\n"))]
    for key in OFFICE_KEYS:
        assert any(m.startswith(f"papers.{key} (") for m in messages), key
    assert main(["config", "check", str(tmp_path / "config.toml")]) == 0  # warnings only


def test_every_setting_the_app_reads_is_known_to_the_check(tmp_path: Path) -> None:
    """A key the app reads is never called unknown by `config check` (both use one schema)."""
    path = _write(tmp_path, "[screens]\nrating_follow_up_days = 3\n" + PAPERS)
    assert load_settings(path).rating_follow_up_days == 3
    assert check_config(path) == []


def test_the_app_and_the_check_report_the_same_problems_by_path(tmp_path: Path) -> None:
    """One validation: every problem of the file, each with its path, in the app's refusal
    and in `config check` alike; a printer knows the keys of its own kind only."""
    path = _write(
        tmp_path,
        '[printers.ticket]\nkind = "escpos-network"\nhost = "10.1.2.3"\nport = 0\n'
        'paper = 57\n[printers.a4]\nkind = "file"\ndirectory = "/tmp"\nhost = "x"\n'
        "[screens]\nalert_sound = 'yes'\n",
    )
    with pytest.raises(ConfigError) as refused:
        load_settings(path)
    assert sorted(refused.value.problems) == [
        "printers.a4.host is not a OneWindow setting",
        "printers.ticket.paper must be 80 or 58, not 57",
        "printers.ticket.port must be at least 1, not 0",
        "screens.alert_sound must be true or false, not 'yes'",
    ]
    errors = [p.message for p in check_config(path) if p.severity is Severity.ERROR]
    assert sorted(errors) == sorted(refused.value.problems)


def test_a_reader_without_the_hall_key_is_said_plainly(tmp_path: Path) -> None:
    """ID-card check-in at the kiosk matches a keyed hash: without the key, code and QR only."""
    key = tmp_path / "hall-key.json"
    body = f"[idcard]\nport = '/dev/ttyUSB0'\n[security]\nkey_file = '{key.as_posix()}'\n"
    found = [p for p in check_config(_write(tmp_path, body)) if p.message.startswith("idcard:")]
    assert [p.severity for p in found] == [Severity.WARNING]
    assert "ID-card check-in at the kiosk is off" in found[0].message
    assert "Kiosk ID-card check-in" in found[0].message
    key_store_for(load_settings(tmp_path / "config.toml")).save(new_ring(Algorithm.SM4_GCM, 0))
    assert not [p for p in check_config(tmp_path / "config.toml") if "idcard:" in p.message]
    assert not [p for p in check_config(_write(tmp_path, "")) if "idcard:" in p.message]
