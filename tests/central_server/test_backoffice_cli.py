"""Back-office decisions via the API and the ``central-server`` CLI."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from central_server.cli import main
from central_server.settings import ServerSettings
from tests.central_server.harness import CATALOGUE, PROTOCOL, Harness, intake


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors and --version
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _accepted(server: Harness, count: int) -> list[str]:
    server.publish()
    device = server.enrol()
    payloads = [intake(device) for _ in range(count)]
    device.results(*(device.op("case.accept", p) for p in payloads))
    return [p["case_no"] for p in payloads]


def test_each_kind_of_identifier_is_listed_masked_as_papers_print_it(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    kinds = {
        "resident_id": "11010519491231002X",
        "residence_permit": "81000019900101001X",
        "uscc": "91350100M000100Y43",
        "passport": "E12345678",
    }
    for id_type, number in kinds.items():
        payload = intake(device, id_number=number)
        payload["applicant"]["id_type"] = id_type
        if id_type == "uscc":
            payload["applicant"]["kind"] = "legal_person"
        [result] = device.results(device.op("case.accept", payload))
        assert result["status"] == "applied", result
    cases = server.approver().get("/v1/backoffice/cases").json()["cases"]
    assert [c["applicant_id_masked"] for c in cases] == [
        "110105********002X",
        "810000********001X",
        "91350100M000100Y43",  # an organisation's code is public: printed whole
        "E1*****78",
    ]


def test_api_lists_cases_masked_and_decides_them(server: Harness) -> None:
    first, second, third = _accepted(server, 3)
    approver = server.approver()
    cases = approver.get("/v1/backoffice/cases", params={"status": "received"}).json()["cases"]
    assert [c["case_no"] for c in cases] == [first, second, third]
    assert cases[0]["applicant_id_masked"] == "110105********002X"
    detail = approver.get(f"/v1/backoffice/cases/{first}").json()
    assert detail["applicant"]["id_number"] == "11010519491231002X"
    numbers = []
    for case_no in (first, second):
        reply = approver.post(f"/v1/backoffice/cases/{case_no}/approve", json={"approver": "a1"})
        assert reply.status_code == 200
        numbers.append(reply.json()["certificate"]["number_ascii"])
    assert numbers == ["CERT-2026-000001", "CERT-2026-000002"]
    rejected = approver.post(
        f"/v1/backoffice/cases/{third}/reject", json={"approver": "a1", "reason": "材料不实"}
    ).json()
    assert rejected["status"] == "rejected" and rejected["reject_reason"] == "材料不实"
    again = approver.post(f"/v1/backoffice/cases/{third}/approve", json={"approver": "a1"})
    assert (again.status_code, again.json()["code"]) == (409, "invalid_transition")
    missing = approver.post(
        "/v1/backoffice/cases/XX-1-20260101-0001/reject", json={"approver": "a1", "reason": "x"}
    )
    assert (missing.status_code, missing.json()["code"]) == (404, "case_not_found")


def test_api_enrolment_codes_and_publication(server: Harness) -> None:
    approver = server.approver()
    reply = approver.post("/v1/backoffice/enrolment-codes", json={"hall_code": "CC07"})
    assert reply.status_code == 201
    enrol = server.http().post(
        "/v1/enrol",
        json={"code": reply.json()["code"], "device_id": str(uuid.uuid4()), "device_name": "pad"},
        headers=PROTOCOL,
    )
    assert enrol.json()["hall_code"] == "CC07"
    published = approver.post("/v1/backoffice/catalogue", json=CATALOGUE).json()
    assert published["release"] == 1 and published["created"] is True
    bad = approver.post("/v1/backoffice/catalogue", json={"items": [{"code": "lower"}]})
    assert (bad.status_code, bad.json()["code"]) == (400, "catalogue_invalid")
    assert bad.json()["detail"]["problems"] == [  # the counter's own reading of the file
        "format: must be 'onewindow-catalogue'",
        "format_version: must be one of 1, 2, not None",
    ]


@pytest.fixture
def cli_args(central_settings: ServerSettings) -> tuple[str, ...]:
    return ("--db", central_settings.db_url, "--data-dir", str(central_settings.data_dir))


def test_cli_closes_the_loop(
    server: Harness, cli_args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, third = _accepted(server, 3)
    code, out, _ = run(capsys, *cli_args, "cases", "--json")
    assert code == 0
    listed = json.loads(out)["cases"]
    assert [c["case_no"] for c in listed] == [first, second, third]
    assert "11010519491231002X" not in out
    code, out, _ = run(capsys, *cli_args, "approve", first, "--valid-until", "2031-11-23", "--json")
    assert code == 0
    approved = json.loads(out)
    assert approved["status"] == "approved"
    assert approved["certificate"]["number"] == "证字〔2026〕第000001号"
    assert approved["certificate"]["valid_until"] == "2031-11-23"
    code, out, _ = run(capsys, *cli_args, "reject", second, "--reason", "不符合条件")
    assert code == 0 and "rejected" in out
    code, out, _ = run(
        capsys, *cli_args, "supplement", third, "--material", "健康证明=原件", "--note", "一次补齐"
    )
    assert code == 0 and "supplement_requested" in out
    # The counter sees all three through the feed.
    device = server.enrol()
    statuses = {
        c["case"]["case_no"]: c["case"]["status"]
        for c in device.get("/v1/changes").json()["changes"]
        if c["case"]
    }
    assert statuses == {first: "approved", second: "rejected", third: "supplement_requested"}


def test_cli_refusals_exit_1_with_one_line(
    server: Harness, cli_args: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    [case_no] = _accepted(server, 1)
    run(capsys, *cli_args, "reject", case_no, "--reason", "x")
    for args in (("approve", case_no), ("approve", "NO-SUCH-20260101-0001")):
        code, out, err = run(capsys, *cli_args, *args)
        assert code == 1 and out == ""
        assert len(err.strip().splitlines()) == 1 and err.startswith("central-server: ")
    code, _, err = run(capsys, *cli_args, "supplement", case_no)
    assert code == 2 and "--material" in err


def test_cli_codes_tokens_publication_epoch_and_openapi(
    server: Harness, cli_args: tuple[str, ...], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, *cli_args, "enroll-code", "--hall", "CC09", "--json")
    assert code == 0 and json.loads(out)["hall_code"] == "CC09"
    code, out, _ = run(capsys, *cli_args, "backoffice-token", "--approver", "a9")
    assert code == 0 and out.startswith("owb_")
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(CATALOGUE, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, *cli_args, "catalog", "publish", str(path), "--json")
    assert code == 0 and json.loads(out)["release"] == 1
    path.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, *cli_args, "catalog", "publish", str(path))
    assert code == 1 and "not JSON" in err
    before = server.enrol().get("/v1/hello").json()["epoch"]
    code, out, _ = run(capsys, *cli_args, "new-epoch", "--json")
    assert code == 0 and json.loads(out)["previous"] == before
    spec = tmp_path / "openapi.json"
    assert run(capsys, "openapi", "-o", str(spec))[0] == 0
    assert "/v1/operations" in json.loads(spec.read_text(encoding="utf-8"))["paths"]
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("central-server ")
