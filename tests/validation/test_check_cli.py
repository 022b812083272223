"""``clerk-app check``: verdicts, exit status 1 when invalid, masked text, no database needed."""

from __future__ import annotations

import json

import pytest

from clerk_app.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _no_config(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    # A broken config file proves that check needs neither settings nor a database.
    bad = tmp_path_factory.mktemp("cfg") / "config.toml"
    bad.write_text("[database\n", encoding="utf-8")
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(bad))
    monkeypatch.setenv("ONEWINDOW_DB", "postgresql://nobody@127.0.0.1:1/none")


def test_valid_id_prints_masked_facts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "id", "11010519491231002x", "--today", "2026-11-28")
    assert code == 0
    assert out == "valid ID number: 110105********002X (resident, born 1949-12-31, female)\n"
    assert err == ""


def test_invalid_id_exits_1_with_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "id", "110105194912310021")
    assert code == 1
    assert out == ""
    assert err == (
        "clerk-app: invalid ID number: the check character (18th) is 1 but the other digits "
        "give X: a digit is probably mistyped\n"
    )


def test_future_birth_date_depends_on_today(capsys: pytest.CaptureFixture[str]) -> None:
    number = "110105202612010014"  # born 1 December 2026
    assert run(capsys, "check", "id", number, "--today", "2026-11-28")[0] == 1
    assert run(capsys, "check", "id", number, "--today", "2026-12-01")[0] == 0


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "check", "credit-code", "９１３５０１００Ｍ０００１００Ｙ４３", "--json"
    )
    assert code == 0
    assert json.loads(out) == {
        "valid": True,
        "value": "91350100M000100Y43",
        "registering_authority": "market_regulation",
        "category": "1",
        "region_code": "350100",
        "org_code_check_ok": True,
    }
    code, out, _ = run(capsys, "check", "credit-code", "91350100M000100Y44", "--json")
    assert code == 1
    payload = json.loads(out)
    assert payload["code"] == "credit_bad_check_character"
    assert (payload["position"], payload["found"], payload["expected"]) == (18, "4", "3")
    assert payload["overridable"] is True


def test_phone(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "phone", "+86 138 1234 5678") == (
        0,
        "valid phone number: 138****5678 (mobile)\n",
        "",
    )
    code, _, err = run(capsys, "check", "phone", "12812345678")
    assert code == 1
    assert "mobile numbers start 13 to 19" in err


def test_missing_value_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "id")[0] == 2
