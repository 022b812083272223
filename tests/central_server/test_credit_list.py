"""The joint-punishment list on the central server: ``central-server credit add/remove/list``,
the device lookup over HTTP (authenticated, identifier in the body), checksums refused, the
listing's period, and no identifier in clear in the database or the log."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from sqlalchemy import select

from central_server.cli import main
from central_server.models import CreditListing
from central_server.services import credit
from central_server.services.errors import Refused
from central_server.settings import ServerSettings
from onewindow_protocol.wire.credit import CreditListingIn
from tests.central_server.harness import PROTOCOL, Harness

ID_NUMBER = "11010519491231002X"
CREDIT_CODE = "91350100M000100Y43"
OTHER_ID = "440524188001010014"
LOOKUP = "/v1/credit/lookup"


def _entry(identifier: str, **kw: object) -> CreditListingIn:
    fields: dict[str, object] = {
        "identifier": identifier,
        "reason": "失信被执行人",
        "measure": "不适用容缺受理和告知承诺制",
        "source": "最高人民法院",
        "listed_since": dt.date(2026, 1, 1),
        "added_by": "approver1",
        **kw,
    }
    return CreditListingIn.model_validate(fields)


def test_lookup_over_http_clear_listed_and_the_period(
    server: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    device = server.enrol()
    ctx = server.services.ctx
    credit.add(ctx, _entry(ID_NUMBER))
    credit.add(ctx, _entry(CREDIT_CODE, reason="重大税收违法", until=dt.date(2026, 12, 31)))
    later = dt.date(2099, 1, 1)
    credit.add(ctx, _entry(OTHER_ID, listed_since=later))  # not in force yet

    listed = device.post(LOOKUP, json={"identifier": ID_NUMBER})
    assert listed.status_code == 200, listed.text
    body = listed.json()
    assert body["status"] == "listed"
    assert [x["reason"] for x in body["listings"]] == ["失信被执行人"]
    assert body["as_of"] and body["list_updated_at"]
    assert device.post(LOOKUP, json={"identifier": CREDIT_CODE}).json()["status"] == "listed"
    assert device.post(LOOKUP, json={"identifier": OTHER_ID}).json()["status"] == "clear"
    server.advance(minutes=60 * 24 * 400)  # past the code's last day
    assert device.refresh().status_code == 200  # a new access token after so long
    assert device.post(LOOKUP, json={"identifier": CREDIT_CODE}).json()["status"] == "clear"
    # The identifier is neither in the database in clear nor in any log line.
    with ctx.db.read() as session:
        rows = list(session.scalars(select(CreditListing)))
    stored = json.dumps([[r.subject_hash, r.subject_masked] for r in rows])
    assert ID_NUMBER not in stored and "110105********002X" in stored
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert ID_NUMBER not in logged and CREDIT_CODE not in logged


def test_lookup_needs_a_device_token_and_the_shape(server: Harness) -> None:
    anonymous = server.http().post(LOOKUP, json={"identifier": ID_NUMBER}, headers=PROTOCOL)
    assert anonymous.status_code == 401
    approver = server.approver().post(LOOKUP, json={"identifier": ID_NUMBER}, headers=PROTOCOL)
    assert approver.status_code == 403  # a back-office token is not a device
    device = server.enrol()
    for wrong in ("1101051949", "11010519491231002X1", "11010519491231002x", 42):
        reply = device.post(LOOKUP, json={"identifier": wrong})
        assert reply.status_code == 422, (wrong, reply.text)
        assert ID_NUMBER not in reply.text
    # A number whose check character fails (a supervisor may have let it through) is asked.
    assert (
        device.post(LOOKUP, json={"identifier": "110105194912310021"}).json()["status"] == "clear"
    )


def test_add_refuses_a_wrong_check_character_or_period(server: Harness) -> None:
    ctx = server.services.ctx
    with pytest.raises(Refused):
        credit.add(ctx, _entry("110105194912310021"))
    with pytest.raises(Refused):
        credit.add(ctx, _entry(ID_NUMBER, until=dt.date(2025, 1, 1)))
    assert credit.listings(ctx) == []


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_add_list_remove(
    capsys: pytest.CaptureFixture[str], central_settings: ServerSettings
) -> None:
    base = ("--db", central_settings.db_url, "--data-dir", str(central_settings.data_dir))
    code, out, _ = run(
        capsys, *base, "credit", "add", "110105 19491231 002x", "--reason", "失信被执行人"
    )
    assert code == 0 and "110105********002X" in out and ID_NUMBER not in out
    code, out, _ = run(
        capsys,
        *base,
        "credit",
        "add",
        CREDIT_CODE,
        "--reason",
        "重大税收违法",
        "--until",
        "2027-06-30",
        "--json",
    )
    assert code == 0 and json.loads(out)["until"] == "2027-06-30"
    code, out, _ = run(capsys, *base, "credit", "list", "--json")
    listed = json.loads(out)["listings"]
    assert [x["identifier_masked"] for x in listed] == ["110105********002X", "913501********0Y43"]
    assert listed[1]["kind"] == "credit_code"
    code, _, err = run(capsys, *base, "credit", "add", "110105194912310021", "--reason", "x")
    assert code == 1 and err.count("\n") == 1 and "check character" in err
    code, _, err = run(capsys, *base, "credit", "add", ID_NUMBER, "--reason", " ")
    assert code == 1 and err.startswith("central-server: ")
    code, out, _ = run(capsys, *base, "credit", "remove", ID_NUMBER)
    assert code == 0 and out.startswith("removed:")
    code, _, err = run(capsys, *base, "credit", "remove", ID_NUMBER)
    assert code == 1 and "not on the list" in err
    code, out, _ = run(capsys, *base, "credit", "list")
    assert code == 0 and "110105" not in out and "913501" in out
