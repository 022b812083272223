"""``clerk-app print …`` and the printer configuration in the config file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clerk_app.cli.main import main
from clerk_app.demo import DEMO_BRANDING
from clerk_app.settings import ConfigError, load_settings
from printing.config import PrinterKind
from printing.escpos import EscposMode, TextEncoding
from printing.render.ticket import Paper
from tests.printing.helpers import ALL_WELL, FakeTicketPrinter, decoded, parse_escpos, pdf_text


def test_receipt_sample_comes_from_a_real_case_on_the_date_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    args = ["print", "sample", "receipt", "-o", str(out), "--date", "2026-12-01", "--json"]
    assert main(args) == 0
    case = json.loads(capsys.readouterr().out)["case"]
    assert case == "CC01-W03-20261201-0001"  # the throwaway hall's first case that day
    pdf = out.read_bytes()
    assert case in pdf_text(pdf) and "2026年12月1日" in pdf_text(pdf)
    codes = decoded(pdf)
    assert codes["Code128"] == [case]
    assert codes["QRCode"] == [DEMO_BRANDING.status_url_for(case)]


def test_back_office_sample_goes_through_the_reference_server(tmp_path: Path) -> None:
    out = tmp_path / "c.pdf"
    assert main(["print", "sample", "certificate", "-o", str(out)]) == 0
    assert "证字" in pdf_text(out.read_bytes())  # the number the server assigned at approval


def test_ticket_sample_as_printer_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "t.bin"
    args = ["print", "sample", "ticket", "--format", "escpos", "--paper", "58", "-o", str(out)]
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["bytes"] == out.stat().st_size
    parsed = parse_escpos(out.read_bytes())
    assert "A004" in parsed.lines and parsed.cuts == 1  # three people queued before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["receipt", "--item", "99999999999999999999"], "not in the demo catalogue"),
        (["deferral", "--item", "22010001000400000004"], "no material that may be deferred"),
    ],
)
def test_a_sample_that_cannot_be_made_says_why(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["print", "sample", *args, "-o", str(out)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_escpos_format_is_for_tickets_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["print", "sample", "receipt", "--format", "escpos", "-o", str(tmp_path / "x")]) == 2
    )
    assert "tickets only" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_unknown_kind_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["print", "sample", "poster", "-o", str(tmp_path / "x")])
    assert caught.value.code == 2


def write_config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_test_page_and_job_log_through_the_database(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    out = tmp_path / "out"
    cfg = write_config(tmp_path, f'[printers.a4]\nkind = "file"\ndirectory = "{out}"\n')
    assert main(["--db", db_url, "--config", str(cfg), "keys", "init"]) == 0  # papers are sealed
    capsys.readouterr()
    base = ["--db", db_url, "--config", str(cfg), "print"]
    assert main([*base, "test-page", "--printer", "a4", "--json"]) == 0
    job = json.loads(capsys.readouterr().out)
    assert job["state"] == "printed" and job["kind"] == "test-page"
    [printed] = out.iterdir()
    assert "𠮷𡉃" in pdf_text(printed.read_bytes())
    assert main([*base, "reprint", str(job["job_id"])]) == 0
    assert "副本/COPY" in capsys.readouterr().out
    assert main([*base, "jobs", "--json"]) == 0
    assert [j["copy"] for j in json.loads(capsys.readouterr().out)["jobs"]] == [True, False]
    assert main([*base, "test-page", "--printer", "nope"]) == 1
    assert "printer 'nope' is not configured" in capsys.readouterr().err


def test_a_job_the_printer_did_not_confirm_exits_1_and_is_listed_unconfirmed(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    printer = FakeTicketPrinter(reset_after=16)
    try:
        cfg = write_config(
            tmp_path,
            f'[printers.ticket]\nkind = "escpos-network"\nhost = "127.0.0.1"\n'
            f"port = {printer.port}\nstatus_timeout_s = 2\n",
        )
        base = ["--db", db_url, "--config", str(cfg), "print"]
        assert main([*base, "test-page", "--printer", "ticket"]) == 1
        out, err = capsys.readouterr()
        assert "unconfirmed" in out and "lost the connection mid-job" in err
        assert "look at the paper" in err and "print confirm 1 --printed" in err
        assert main([*base, "jobs"]) == 0
        assert (
            "test-page test-ticket on ticket unconfirmed (interrupted:" in capsys.readouterr().out
        )
        printer.reset_after, printer.status = None, ALL_WELL | {4: 0x1E}  # paper nearly out
        assert main([*base, "test-page", "--printer", "ticket", "--json"]) == 0
        job = json.loads(capsys.readouterr().out)
        assert (job["state"], job["printer_status"]) == ("printed", "paper_near_end")
        assert main([*base, "confirm", "1", "--printed", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["state"] == "printed"
        assert main([*base, "confirm", "1", "--not-printed"]) == 1
        assert "job 1 is printed, not unconfirmed" in capsys.readouterr().err
        assert main([*base, "jobs", "--json"]) == 0
        listed = json.loads(capsys.readouterr().out)["jobs"]
        assert [(j["state"], j["printer_status"]) for j in listed] == [
            ("printed", "paper_near_end"),
            ("printed", None),
        ]
    finally:
        printer.stop()


def test_printers_routes_and_branding_are_read_from_the_config(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG fake")
    path = write_config(
        tmp_path,
        """
[printing]
role = "kiosk"
archive_dir = "/srv/onewindow/blobs"
[printing.routes]
"kiosk.ticket" = "ticket"
"window.*" = "a4"
[printing.branding]
agency_name = "示例县政务服务中心"
agency_short = "示县政"
logo = "logo.png"
[printers.ticket]
kind = "escpos-network"
host = "10.1.2.3"
paper = 58
mode = "image"
encoding = "gbk"
[printers.a4]
kind = "system"
queue = "HP_M404"
""",
    )
    p = load_settings(path).printing
    assert p.role == "kiosk" and p.archive_dir == "/srv/onewindow/blobs"
    ticket = p.printer("ticket")
    assert ticket is not None and ticket.kind is PrinterKind.ESCPOS_NETWORK
    assert (ticket.host, ticket.port, ticket.escpos.paper) == ("10.1.2.3", 9100, Paper.MM58)
    assert (ticket.escpos.mode, ticket.escpos.encoding) == (EscposMode.IMAGE, TextEncoding.GBK)
    assert p.routes.printer_for("kiosk", "ticket") == "ticket"
    assert p.routes.printer_for("window", "receipt") == "a4"
    assert p.routes.printer_for("kiosk", "receipt") is None
    assert p.branding.agency_short == "示县政" and p.branding.logo_png == b"\x89PNG fake"
    assert p.printer("default") is not None  # always there: the system default printer


NETWORK = '[printers.t]\nkind = "escpos-network"\nhost = "10.1.2.3"\n'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[printers.t]\nkind = "laser"\n', "printers.t.kind must be one of"),
        ('[printers.t]\nkind = "escpos-network"\n', "printers.t.host must be set"),
        ('[printers.t]\nkind = "escpos-network"\nhost = "h"\nport = "9100"\n', "printers.t.port"),
        ("[printers.t]\ncolour = true\n", "printers.t.colour is not a OneWindow setting"),
        (f"{NETWORK}status = 1\n", "printers.t.status must be true or false, not 1"),
        (f"{NETWORK}status_timeout_s = 0\n", "printers.t.status_timeout_s must be more than 0"),
        (f"{NETWORK}port = 0\n", "printers.t.port must be at least 1, not 0"),
        # Each kind knows only its own keys: a system printer answers no ESC/POS status.
        ("[printers.t]\nstatus = true\n", "printers.t.status is not a OneWindow setting"),
        ('[printers.t]\nkind = "file"\nhost = "h"\n', "printers.t.host is not a OneWindow"),
        ('[printing.routes]\n"window.*" = "missing"\n', "not a \\[printers"),
        ('[printing]\nrole = "display"\n', "printing.role"),
        ('[printing.branding]\nstatus_url = "https://x/"\n', "case_number"),
        ('[printing.branding]\nlogo = "none.png"\n', "cannot read"),
    ],
)
def test_bad_printer_config_is_a_clear_error(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(write_config(tmp_path, body))
