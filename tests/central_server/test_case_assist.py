"""``case.assist`` (帮办代办) on the server: kept with its case, status untouched; refused when
its case is unknown, when 代办 comes without its authorisation, and a second send of the same
assistance under another operation id is a conflict."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from central_server.models import Case, CaseAssistance
from tests.central_server.harness import Device, Harness, intake


def _assist(case: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {
        "assist_id": str(uuid.uuid4()),
        "case_id": case["case_id"],
        "case_no": case["case_no"],
        "hall_code": case["hall_code"],
        "helper": "helper1",
        "helper_name": "帮办员王五",
        "kinds": ["form_filling"],
        "assisted_at": "2026-11-24T09:40:00+08:00",
    } | changes


def _accepted(server: Harness) -> tuple[Device, dict[str, Any]]:
    server.publish()
    device = server.enrol()
    case = intake(device)
    [accepted] = device.results(device.op("case.accept", case))
    assert accepted["status"] == "applied"
    return device, case


def test_an_assistance_is_kept_with_its_case_and_changes_no_status(server: Harness) -> None:
    device, case = _accepted(server)
    payload = _assist(
        case, kinds=["proxy", "materials"], minutes=30, authorisation={"reference": "M05"}
    )
    [result] = device.results(device.op("case.assist", payload))
    assert result["status"] == "applied"
    assert (result["case"]["status"], result["case"]["version"]) == ("received", 1)
    with server.services.ctx.db.read() as s:
        row = s.scalars(select(CaseAssistance)).one()
        assert (row.case_id, row.kinds, row.minutes) == (
            case["case_id"],
            ["proxy", "materials"],
            30,
        )
        assert row.authorisation == {"letter_seen": False, "reference": "M05"}
        assert s.scalars(select(Case.version)).one() == 1
    [again] = device.results(device.op("case.assist", payload))  # another op id, same record
    assert (again["status"], again["code"]) == ("conflict", "assist_exists")


def test_an_assistance_without_its_case_or_its_authorisation_is_rejected(server: Harness) -> None:
    device, case = _accepted(server)
    bad = [
        _assist(case, case_id=str(uuid.uuid4())),  # not the case of that number: unknown
        _assist(case, kinds=["proxy"]),  # 代办 needs the authorisation
        _assist(case, authorisation={"letter_seen": True}),  # and only 代办 carries one
        _assist(case, kinds=["proxy"], authorisation={"letter_seen": False}),
        _assist(case, kinds=[]),
        _assist(case, kinds=["form_filling", "form_filling"]),
    ]
    results = device.results(*(device.op("case.assist", p) for p in bad))
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "unknown_case"),
        *[("rejected", "invalid_payload")] * 5,
    ]
    with server.services.ctx.db.read() as s:
        assert s.scalars(select(CaseAssistance)).all() == []
