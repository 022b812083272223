"""The e-licence registry on the central server: ``central-server licences import/list`` (JSON
and CSV, line errors, idempotent by type and number), the device lookup, verification and PDF
copy over HTTP (authenticated, holder in the body), certificates of approved cases registered as
issued licences, and no holder identifier in clear in the database or the log."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from pathlib import Path

import pytest
from sqlalchemy import select

from central_server.cli import main
from central_server.models import Case, Licence
from central_server.services import credit, licences
from central_server.services.licence_import import import_file
from central_server.settings import ServerSettings
from tests.central_server.harness import PROTOCOL, Harness, intake

PERSON = "11010519491231002X"
COMPANY = "91350100M000100Y43"
OTHER = "440524188001010014"
LOOKUP, VERIFY = "/v1/licences/lookup", "/v1/licences/verify"
PDF = b"%PDF-1.4\n% a licence copy\n%%EOF\n"


def _entry(number: str, holder: str = COMPANY, **kw: object) -> dict[str, object]:
    return {
        "type": "CN.BUSINESS_LICENCE",
        "type_name": "营业执照",
        "number": number,
        "holder": holder,
        "holder_name": "福州示例餐饮有限公司",
        "issuer": "福州市市场监督管理局",
        "valid_from": "2020-03-01",
        **kw,
    }


def _write(tmp_path: Path, *entries: object) -> Path:
    (tmp_path / "bl.pdf").write_bytes(PDF)
    path = tmp_path / "licences.json"
    path.write_text(json.dumps({"licences": list(entries)}, ensure_ascii=False), "utf-8")
    return path


def test_import_is_idempotent_and_reports_line_errors(server: Harness, tmp_path: Path) -> None:
    ctx = server.services.ctx
    path = _write(
        tmp_path,
        _entry("BL-0001", copy_file="bl.pdf"),
        _entry("BL-0002", valid_until="2021-01-01"),
        _entry("BL-0003", holder="91350100M000100Y44"),  # wrong check character
        _entry("BL-0004", valid_from="someday"),
        _entry("BL-0005", copy_file="missing.pdf"),
        _entry("BL-0006", valid_until="2019-01-01"),  # ends before it starts
        "not an object",
    )
    first = import_file(ctx, path)
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    assert [n for n, _ in first.errors] == [3, 4, 5, 6, 7]
    assert "check character" in first.errors[0][1] and "valid_from" in first.errors[1][1]
    again = import_file(ctx, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    revoked = _write(tmp_path, _entry("BL-0002", valid_until="2021-01-01", revoked=True))
    assert import_file(ctx, revoked).updated == 1
    rows = licences.listing(ctx)
    assert [(r.number, r.status.value, r.copy_size) for r in rows] == [
        ("BL-0001", "valid", len(PDF)),
        ("BL-0002", "revoked", None),
    ]


def test_csv_import_and_cli(
    capsys: pytest.CaptureFixture[str], central_settings: ServerSettings, tmp_path: Path
) -> None:
    base = ("--db", central_settings.db_url, "--data-dir", str(central_settings.data_dir))
    csv_file = tmp_path / "licences.csv"
    csv_file.write_text(
        "type,type_name,number,holder,holder_name,issuer,valid_from,valid_until,revoked\n"
        f"CN.RESIDENT_ID,居民身份证,{PERSON},{PERSON.lower()},张三,北京市公安局西城分局,"
        "2016-05-01,2036-05-01,\n"
        "CN.RESIDENT_ID,居民身份证,X1,110105194912310021,李四,某公安局,2016-05-01,,\n",
        encoding="utf-8",
    )
    assert main([*base, "licences", "import", str(csv_file), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["added"] == 1 and [e["line"] for e in report["errors"]] == [3]
    assert main([*base, "licences", "list"]) == 0
    out = capsys.readouterr().out
    assert "110105********002X" in out and PERSON not in out.replace(PERSON, "", 1)
    assert main([*base, "licences", "import", str(tmp_path / "nothing.json")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_lookup_verify_and_copy_over_http(
    server: Harness, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    ctx = server.services.ctx
    import_file(
        ctx,
        _write(
            tmp_path,
            _entry("BL-0001", copy_file="bl.pdf"),
            _entry("BL-OLD", valid_until="2021-02-28"),
            _entry("ID-1", holder=PERSON, type="CN.RESIDENT_ID", type_name="居民身份证"),
        ),
    )
    device = server.enrol()
    found = device.post(LOOKUP, json={"holder": COMPANY, "type": "CN.BUSINESS_LICENCE"})
    assert found.status_code == 200, found.text
    body = found.json()["licences"]
    assert [(x["number"], x["status"]) for x in body] == [
        ("BL-0001", "valid"),
        ("BL-OLD", "expired"),
    ]
    assert all(x["holder_masked"] == "913501********0Y43" for x in body)
    valid = next(x for x in body if x["number"] == "BL-0001")
    assert device.post(LOOKUP, json={"holder": OTHER}).json()["licences"] == []
    assert len(device.post(LOOKUP, json={"holder": PERSON}).json()["licences"]) == 1
    pdf = device.get(f"/v1/licences/{valid['id']}/copy")
    assert pdf.status_code == 200 and pdf.content == PDF
    assert pdf.headers["content-type"] == "application/pdf"
    no_copy = next(x for x in body if x["number"] == "BL-OLD")
    assert device.get(f"/v1/licences/{no_copy['id']}/copy").status_code == 404

    def verify(number: str, holder: str = COMPANY) -> str:
        reply = device.post(
            VERIFY, json={"type": "CN.BUSINESS_LICENCE", "number": number, "holder": holder}
        )
        assert reply.status_code == 200, reply.text
        return str(reply.json()["outcome"])

    assert verify("BL-0001") == "valid"
    assert verify("BL-OLD") == "expired"
    assert verify("BL-9999") == "not_found"
    assert verify("BL-0001", OTHER) == "holder_mismatch"
    mismatch = device.post(
        VERIFY, json={"type": "CN.BUSINESS_LICENCE", "number": "BL-0001", "holder": OTHER}
    )
    assert mismatch.json()["licence"] is None  # nothing of another holder's licence
    with ctx.db.read() as session:
        stored = json.dumps(
            [[r.holder_hash, r.holder_masked] for r in session.scalars(select(Licence))]
        )
    assert COMPANY not in stored and PERSON not in stored
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert COMPANY not in logged and PERSON not in logged


def test_the_lookup_hashes_stored_by_earlier_releases_still_match(server: Harness) -> None:
    """Holders and credit subjects are hashed with the counter's PersonalDataCipher.lookup_hash
    now; the bytes are the ones the server's own HMAC took before (context, NUL, the value),
    so the rows already stored are found."""
    ctx = server.services.ctx
    key = ctx.blobs.ring.lookup_key

    def earlier(context: bytes, value: str) -> str:
        return hmac.new(key, context + b"\x00" + value.encode(), hashlib.sha256).hexdigest()

    assert licences.holder_hash(ctx, " 91350100m000100y43") == earlier(
        b"onewindow:licence-holder", COMPANY
    )
    assert credit.subject_hash(ctx, PERSON) == earlier(b"onewindow:credit-subject", PERSON)


def test_the_endpoints_need_a_device_token_and_the_shape(server: Harness) -> None:
    body = {"holder": PERSON}
    assert server.http().post(LOOKUP, json=body, headers=PROTOCOL).status_code == 401
    assert server.approver().post(LOOKUP, json=body, headers=PROTOCOL).status_code == 403
    device = server.enrol()
    for wrong in ({"holder": "1101"}, {"holder": PERSON, "type": "营业执照"}, {"holder": 42}):
        assert device.post(LOOKUP, json=wrong).status_code == 422, wrong
    bad = {"type": "CN.RESIDENT_ID", "number": "", "holder": PERSON}
    assert device.post(VERIFY, json=bad).status_code == 422
    assert device.get("/v1/licences/not-a-uuid/copy").status_code == 422


def test_an_approved_case_is_an_issued_licence(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    payload = intake(device, id_number=PERSON)
    device.results(device.op("case.accept", payload))
    approved = server.approver().post(
        f"/v1/backoffice/cases/{payload['case_no']}/approve", json={"approver": "a1"}
    )
    assert approved.status_code == 200, approved.text
    certificate = approved.json()["certificate"]
    found = device.post(LOOKUP, json={"holder": PERSON}).json()["licences"]
    assert len(found) == 1
    issued = found[0]
    assert (issued["number"], issued["source"], issued["status"]) == (
        certificate["number"],
        "issued",
        "valid",
    )
    assert issued["type"].startswith("CERT.") and issued["holder_name"] == certificate["holder"]
    pdf = device.get(f"/v1/licences/{issued['id']}/copy")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    verified = device.post(
        VERIFY, json={"type": issued["type"], "number": issued["number"], "holder": PERSON}
    )
    assert verified.json()["outcome"] == "valid"


def test_a_verification_naming_a_case_is_recorded_on_its_hall_s_case_only(
    server: Harness, tmp_path: Path
) -> None:
    """A counter verifying a typed number (待核验) names the case and the material: the
    outcome is recorded on the server's copy of the case, for the asking device's hall only."""
    server.publish()
    import_file(server.services.ctx, _write(tmp_path, _entry("BL-0001")))
    device = server.enrol()
    payload = intake(device)
    code = "M02"
    payload["materials"][0] |= {"code": code, "status": "e_licence"}
    device.results(device.op("case.accept", payload))
    body = {
        "type": "CN.BUSINESS_LICENCE",
        "number": "BL-0001",
        "holder": COMPANY,
        "case_no": payload["case_no"],
        "material": code,
    }

    def recorded() -> object:
        with server.services.ctx.db.read() as session:
            case = session.scalars(select(Case).where(Case.case_no == payload["case_no"])).one()
        return next(m for m in case.materials if m.get("code") == code).get("e_licence")

    other_hall = server.enrol(hall="CC02")
    assert other_hall.post(VERIFY, json=body).json()["outcome"] == "valid"
    assert recorded() is None  # another hall's case: answered, nothing recorded
    unknown = device.post(VERIFY, json={**body, "case_no": "CC01-W03-20261124-9999"})
    assert unknown.json()["outcome"] == "valid"  # a case not (yet) here: answered all the same
    for _ in range(2):  # asked again (a cut sync): recorded the same
        assert device.post(VERIFY, json=body).json()["outcome"] == "valid"
    found = recorded()
    assert isinstance(found, dict)
    assert (found["number"], found["check"], found["outcome"]) == ("BL-0001", "verified", "valid")
    missing = device.post(VERIFY, json={**body, "number": "BL-9999"})
    assert missing.json()["outcome"] == "not_found"
    found = recorded()
    assert isinstance(found, dict) and (found["check"], found["outcome"]) == ("failed", "not_found")
