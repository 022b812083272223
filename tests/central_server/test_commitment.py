"""告知承诺 on the wire: a material in status ``commitment`` travels with the signed
commitment and its post-check date, and only where the published item version offers it."""

from __future__ import annotations

import copy
import json
from typing import Any

from sqlalchemy import select

from central_server.models import Case
from clerk_app.catalogue.demo import demo_catalogue_path

from .harness import Harness, intake

FOOD = "22010001000600000006"  # the demo's 食品经营许可证（销售类）登记, version 2


def _committing(device: Any, materials: list[dict[str, Any]], **commitment: Any) -> dict[str, Any]:
    payload = {**intake(device, item=(FOOD, 2)), "materials": materials}
    payload["commitment"] = {"signed": True, "post_check_days": 20, **commitment}
    return payload


def test_the_published_demo_catalogue_carries_the_flags_and_the_server_checks_them(
    server: Harness,
) -> None:
    document = json.loads(demo_catalogue_path().read_text(encoding="utf-8"))
    server.publish(document)
    device = server.enrol()
    released = device.get("/v1/catalogue").json()["document"]
    food = next(i for i in released["items"] if i["code"] == FOOD)
    assert food["notify_commit"] is True and food["post_check_days"] == 20
    assert [m["code"] for m in food["materials"] if m.get("commitment")] == ["M03", "M05", "M06"]

    allowed = [
        {"code": "M01", "name": "申请书", "status": "received"},
        {"code": "M03", "name": "经营场所的使用证明", "status": "commitment"},
    ]
    payload = _committing(device, allowed, post_check_date="2026-12-22")
    [applied] = device.results(device.op("case.accept", payload))
    assert applied["status"] == "applied", applied
    with server.services.ctx.db.read() as session:
        case = session.scalars(select(Case).where(Case.case_no == payload["case_no"])).one()
        assert case.decision_detail["commitment"] == {
            "signed": True,
            "post_check_days": 20,
            "post_check_date": "2026-12-22",
        }
        assert [m["status"] for m in case.materials] == ["received", "commitment"]

    not_flagged = copy.deepcopy(allowed)
    not_flagged[0]["status"] = "commitment"  # M01, the application form: no commitment
    [refused] = device.results(device.op("case.accept", _committing(device, not_flagged)))
    assert (refused["status"], refused["code"]) == ("rejected", "commitment_not_allowed")
    assert "M01" in refused["message"]


def test_a_commitment_and_its_materials_go_together(server: Harness) -> None:
    server.publish(json.loads(demo_catalogue_path().read_text(encoding="utf-8")))
    device = server.enrol()
    committed = [{"code": "M03", "name": "经营场所的使用证明", "status": "commitment"}]
    unsigned = {**intake(device, item=(FOOD, 2)), "materials": committed}
    [missing] = device.results(device.op("case.accept", unsigned))
    assert (missing["status"], missing["code"]) == ("rejected", "invalid_payload")
    assert "signed commitment" in missing["message"]
    received = [{"code": "M03", "name": "经营场所的使用证明", "status": "received"}]
    [stray] = device.results(device.op("case.accept", _committing(device, received)))
    assert (stray["status"], stray["code"]) == ("rejected", "invalid_payload")
