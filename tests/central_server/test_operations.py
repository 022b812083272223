"""Batched idempotent operations: applied, duplicate, conflict, missing_blob, rejected."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from typing import Any

from sqlalchemy import func, select

from central_server.models import Case, Operation, RatingFollowUp
from central_server.services.figures import province_figures
from tests.central_server.harness import Device, Harness, intake


def _cases(server: Harness) -> int:
    with server.services.ctx.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Case)) or 0)


def test_accept_is_applied_and_its_replay_is_a_duplicate_with_the_original_result(
    server: Harness,
) -> None:
    server.publish()
    device = server.enrol()
    op = device.op("case.accept", intake(device))
    [first] = device.results(op)
    assert first["status"] == "applied"
    assert first["case"]["status"] == "received" and first["case"]["version"] == 1
    [again] = device.results(op)  # the reply was lost; the client sends the same op again
    assert again["status"] == "duplicate" and again["original_status"] == "applied"
    assert again["case"] == first["case"] and again["applied_at"] == first["applied_at"]
    assert _cases(server) == 1
    hello = device.get("/v1/hello").json()
    assert hello["last_device_seq"] == op["device_seq"]


def test_same_id_with_another_payload_is_a_conflict_and_overwrites_nothing(
    server: Harness,
) -> None:
    server.publish()
    device = server.enrol()
    payload = intake(device)
    op = device.op("case.accept", payload)
    device.results(op)
    changed = {**op, "payload": {**payload, "situation": "变更"}}
    [result] = device.results(changed)
    assert (result["status"], result["code"]) == ("conflict", "payload_mismatch")
    with server.services.ctx.db.read() as session:
        case = session.scalars(select(Case)).one()
        assert case.situation == "新办"


def test_a_case_number_clash_is_a_conflict(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    payload = intake(device)
    device.results(device.op("case.accept", payload))
    other = intake(device, case_no=payload["case_no"])  # another case, the same number
    [result] = device.results(device.op("case.accept", other))
    assert (result["status"], result["code"]) == ("conflict", "case_number_taken")
    assert _cases(server) == 1


def test_missing_blob_until_uploaded_then_applied(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    scan = b"PNG"
    import hashlib  # noqa: PLC0415

    sha = hashlib.sha256(scan).hexdigest()
    op = device.op("case.accept", intake(device, blobs=(sha,)))
    [first] = device.results(op)
    assert first["status"] == "missing_blob" and first["missing_blobs"] == [sha]
    assert _cases(server) == 0
    device.upload(scan)
    [second] = device.results(op)  # not recorded before: evaluated afresh
    assert second["status"] == "applied"


def test_an_invalid_payload_is_rejected_and_blocks_only_itself(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    unknown_item = device.op("case.accept", intake(device, item=("NOSUCHITEM", 1)))
    bad_shape = device.op("case.accept", {**intake(device), "applicant": {"name": "x"}})
    old_version = device.op("case.accept", intake(device), schema_version=9)
    good = device.op("case.accept", intake(device))
    results = device.results(unknown_item, bad_shape, old_version, good)
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "unknown_item"),
        ("rejected", "invalid_payload"),
        ("rejected", "unsupported_schema_version"),
        ("applied", None),
    ]
    # The message names the fields, never the values (ID numbers are personal data).
    assert "applicant" in results[1]["message"] and "11010519491231002X" not in str(results)


def test_wrong_hall_is_rejected(server: Harness) -> None:
    server.publish()
    device = server.enrol(hall="CC01")
    payload = {**intake(device), "hall_code": "CC02"}
    [result] = device.results(device.op("case.accept", payload))
    assert (result["status"], result["code"]) == ("rejected", "wrong_hall")


def test_more_than_fifty_operations_is_413_and_nothing_applied(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    ops = [device.op("case.accept", intake(device)) for _ in range(51)]
    reply = device.push(*ops)
    assert reply.status_code == 413
    assert reply.json()["code"] == "batch_too_large"
    assert reply.json()["detail"]["max_batch"] == 50
    assert _cases(server) == 0
    assert all(r["status"] == "applied" for r in device.results(*ops[:50]))


def test_an_old_protocol_is_426_and_nothing_applied(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    op = device.op("case.accept", intake(device))
    reply = device.post(
        "/v1/operations", json={"operations": [op]}, headers={"OneWindow-Protocol": "0"}
    )
    assert reply.status_code == 426
    assert _cases(server) == 0


def test_a_reused_device_sequence_is_a_conflict(server: Harness) -> None:
    """A copied device database makes new operations with sequence numbers already used."""
    server.publish()
    device = server.enrol()
    first = device.op("case.accept", intake(device))
    device.results(first)
    copy = device.op("case.accept", intake(device), device_seq=first["device_seq"])
    [result] = device.results(copy)
    assert (result["status"], result["code"]) == ("conflict", "device_sequence_reused")


def test_the_same_op_id_from_another_device_is_a_conflict(server: Harness) -> None:
    server.publish()
    one, two = server.enrol(), server.enrol(window="W04")
    op = one.op("case.accept", intake(one))
    one.results(op)
    [result] = two.results(op)
    assert (result["status"], result["code"]) == ("conflict", "operation_id_reused")


def test_parallel_retries_of_one_operation_make_one_case(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    op = device.op("case.accept", intake(device))
    start = threading.Barrier(4)
    statuses: list[str] = []

    def send() -> None:
        client = server.http()
        start.wait()
        reply = client.post("/v1/operations", json={"operations": [op]}, headers=device.headers())
        statuses.append(reply.json()["results"][0]["status"])

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == ["applied", "duplicate", "duplicate", "duplicate"]
    assert _cases(server) == 1
    with server.services.ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Operation)) == 1


def _decide(device: Device, kind: str, **extra: Any) -> dict[str, Any]:
    payload = {**intake(device), **extra}
    [result] = device.results(device.op(kind, payload))
    return {"payload": payload, **result}


def test_counter_decisions_notice_defer_refuse(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    notice = _decide(
        device, "case.notice", lines=[{"material": "营业执照", "requirement": "需原件"}]
    )
    assert notice["case"]["status"] == "notice_issued"
    defer = _decide(
        device,
        "case.defer",
        deferred=[{"material": "健康证明", "due_date": "2026-12-08"}],
        commitment_signed=True,
    )
    assert defer["case"]["status"] == "received"
    refuse = _decide(
        device, "case.refuse", reason="不属于本机关职权范围", competent_agency="税务局"
    )
    assert refuse["case"]["status"] == "refused"
    # The applicant comes back with everything: the noticed case is accepted, same id and number.
    came_back = {k: v for k, v in notice["payload"].items() if k != "lines"}
    [accepted] = device.results(device.op("case.accept", came_back))
    assert accepted["status"] == "applied"
    assert accepted["case"]["status"] == "received" and accepted["case"]["version"] == 2
    # A refused case cannot be accepted again under another operation.
    refused = {
        k: v for k, v in refuse["payload"].items() if k not in ("reason", "competent_agency")
    }
    [again] = device.results(device.op("case.accept", refused))
    assert (again["status"], again["code"]) == ("conflict", "case_exists")


def test_a_noticed_applicant_still_short_gets_a_second_notice_and_each_visit_counts(
    server: Harness,
) -> None:
    server.publish()
    device = server.enrol()
    first = _decide(
        device, "case.notice", lines=[{"material": "营业执照", "requirement": "需原件"}]
    )
    # Back with the licence but not the lease: a second notice on the same case.
    second_payload = {
        **first["payload"],
        "lines": [{"material": "租赁合同", "requirement": "需原件"}],
    }
    [second] = device.results(device.op("case.notice", second_payload))
    assert second["status"] == "applied"
    assert (second["case"]["status"], second["case"]["version"]) == ("notice_issued", 2)
    came_back = {k: v for k, v in first["payload"].items() if k != "lines"}
    [accepted] = device.results(device.op("case.accept", came_back))
    assert (accepted["case"]["status"], accepted["case"]["version"]) == ("received", 3)
    with server.services.ctx.db.read() as session:
        case = session.scalars(select(Case)).one()
        assert case.counter_visits == 3
        earlier = case.decision_detail["earlier"]
        assert earlier["decision"] == "notice"
        assert earlier["detail"]["lines"][0]["material"] == "租赁合同"
        assert earlier["detail"]["earlier"]["detail"]["lines"][0]["material"] == "营业执照"
    figures = province_figures(server.services.ctx, dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert (figures.total.visits, figures.total.visit_cases) == (3, 1)
    # Accepted now: a notice after it is a second decision of a decided case.
    [late] = device.results(device.op("case.notice", second_payload))
    assert (late["status"], late["code"]) == ("conflict", "case_exists")


def test_supplement_received_and_handover_follow_the_back_office(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    accept = _decide(device, "case.accept")
    payload = accept["payload"]
    ref = {"case_id": payload["case_id"], "case_no": payload["case_no"]}
    supplement = {
        **ref,
        "materials": [{"name": "健康证明", "status": "received"}],
        "clerk": "clerk2",
        "received_at": "2026-11-26T10:00:00+08:00",
    }
    [early] = device.results(device.op("case.supplement_received", supplement))
    assert (early["status"], early["code"]) == ("rejected", "invalid_transition")
    approver = server.approver()
    reply = approver.post(
        f"/v1/backoffice/cases/{payload['case_no']}/supplement",
        json={"approver": "approver1", "lines": [{"material": "健康证明"}]},
    )
    assert reply.json()["status"] == "supplement_requested"
    [done] = device.results(device.op("case.supplement_received", supplement))
    assert done["status"] == "applied" and done["case"]["status"] == "received"
    approver.post(f"/v1/backoffice/cases/{payload['case_no']}/approve", json={"approver": "a1"})
    handover = {
        **ref,
        "method": "pickup",
        "recipient_name": "张三",
        "recipient_id_number": "11010519491231002X",
        "clerk": "clerk8",
        "handed_at": "2026-12-01T10:00:00+08:00",
    }
    [handed] = device.results(device.op("handover.record", handover))
    assert handed["case"]["status"] == "delivered"
    unknown = {**handover, "case_id": str(uuid.uuid4())}
    [missing] = device.results(device.op("handover.record", unknown))
    assert (missing["status"], missing["code"]) == ("rejected", "unknown_case")


def test_ratings_are_recorded_once(server: Harness) -> None:
    device = server.enrol()
    rating = {
        "rating_id": str(uuid.uuid4()),
        "hall_code": "CC01",
        "window_code": "W03",
        "clerk": "clerk1",
        "channel": "window_pad",
        "level": 5,
        "indicators": {"overall": 5, "attitude": 5},
        "rated_at": "2026-11-24T10:00:00+08:00",
    }
    [first] = device.results(device.op("rating.submit", rating))
    assert first["status"] == "applied" and first["case"] is None
    [second] = device.results(device.op("rating.submit", rating))
    assert (second["status"], second["code"]) == ("conflict", "rating_exists")


def test_a_bad_ratings_follow_up_is_stored_once_and_only_for_a_known_bad_rating(
    server: Harness,
) -> None:
    device = server.enrol()
    bad, good = str(uuid.uuid4()), str(uuid.uuid4())
    rating = {
        "hall_code": "CC01",
        "window_code": "W03",
        "clerk": "clerk1",
        "channel": "window_pad",
        "indicators": {"overall": 4, "attitude": 1},
        "rated_at": "2026-11-24T10:00:00+08:00",
    }
    device.results(
        device.op("rating.submit", {**rating, "rating_id": bad, "level": 4}),
        device.op(
            "rating.submit",
            {**rating, "rating_id": good, "level": 5, "indicators": {"overall": 5}},
        ),
    )
    follow_up = {
        "rating_id": bad,
        "hall_code": "CC01",
        "action": "revisit",
        "note": "已电话回访",
        "closed_by": "supervisor",
        "closed_at": "2026-11-25T10:00:00+08:00",
    }
    [applied] = device.results(device.op("rating.follow_up", follow_up))
    assert applied["status"] == "applied" and applied["case"] is None
    [again] = device.results(device.op("rating.follow_up", follow_up))
    assert (again["status"], again["code"]) == ("conflict", "follow_up_exists")
    [unknown] = device.results(
        device.op("rating.follow_up", {**follow_up, "rating_id": str(uuid.uuid4())})
    )
    assert (unknown["status"], unknown["code"]) == ("rejected", "unknown_rating")
    [satisfied] = device.results(device.op("rating.follow_up", {**follow_up, "rating_id": good}))
    assert (satisfied["status"], satisfied["code"]) == ("rejected", "invalid_transition")
    [wrong] = device.results(device.op("rating.follow_up", {**follow_up, "action": "ignore"}))
    assert (wrong["status"], wrong["code"]) == ("rejected", "invalid_payload")
    with server.services.ctx.db.read() as s:
        stored = s.scalars(select(RatingFollowUp)).all()
        assert [(f.rating_id, f.action, f.note, f.closed_by) for f in stored] == [
            (bad, "revisit", "已电话回访", "supervisor")
        ]


def test_text_a_database_cannot_store_is_rejected_per_operation(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    nul = device.op("case.accept", {**intake(device), "situation": "新\x00办"})
    good = device.op("case.accept", intake(device))
    results = device.results(nul, good)
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "invalid_payload"),
        ("applied", None),
    ]
