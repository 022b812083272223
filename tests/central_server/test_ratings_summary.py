"""好差评 upward on the central server (both databases): ratings pushed as ``rating.submit``
version 1 and 2 over HTTP, summed per hall, department and item over a period in the halls' time
zone and checked against a hand count; the overdue follow-ups with a fixed clock; the back-office
endpoints' auth and shape; ``central-server ratings summary/overdue``."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest

from central_server.cli import main
from central_server.services import ratings
from central_server.settings import ServerSettings
from onewindow_protocol.wire.ratings import GroupBy
from tests.central_server.harness import Device, Harness

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
DEPT_A, DEPT_B = "市场监督管理局", "公安局"
ITEM_A, ITEM_B = "22010001001700000017", "11220100MB0001"
SUMMARY = "/v1/backoffice/ratings/summary"
OVERDUE = "/v1/backoffice/ratings/overdue"


def _rating(
    device: Device,
    rated_at: str,
    level: int,
    worst: int | None = None,
    *,
    version: int = 2,
    **extra: Any,
) -> str:
    rating_id = str(uuid.uuid4())
    payload: dict[str, Any] = {
        "rating_id": rating_id,
        "hall_code": device.hall_code,
        "window_code": device.window_code,
        "clerk": "clerk1",
        "channel": "window_pad",
        "level": level,
        "indicators": {"overall": level, "attitude": worst or level},
        "rated_at": rated_at,
        **extra,
    }
    [result] = device.results(device.op("rating.submit", payload, schema_version=version))
    assert result["status"] == "applied", result
    return rating_id


def _data(server: Harness) -> dict[str, str]:
    """Two halls, 24–25 November 2026 (Shanghai); the names are the ratings' ids."""
    cc01, cc02 = server.enrol("CC01", "W03"), server.enrol("CC02", "W01")
    a: dict[str, Any] = {"department": DEPT_A, "item_code": ITEM_A}
    b: dict[str, Any] = {"department": DEPT_B, "item_code": ITEM_B}
    day = "2026-11-24T10:00:00+08:00"
    return {
        "r1": _rating(cc01, day, 5, **a),
        "r2": _rating(
            cc01, day, 4, 2, reasons=["attitude", "long_wait"], follow_up_due="2026-12-01", **a
        ),
        "r3": _rating(
            cc01,
            day,
            1,
            reasons=["other", "long_wait"],
            reason_text="取号机坏了",
            follow_up_due="2026-11-30",
            **b,
        ),
        "r4": _rating(cc01, day, 3, **b),
        "r5": _rating(cc01, day, 5, version=1),  # an older counter: no item, no department
        "r6": _rating(cc02, day, 2, reasons=["long_wait"], follow_up_due="2026-12-01", **a),
        # The last minute of the 25th in Shanghai is in the period; 00:10 on the 26th is not,
        # though it is still the 25th in UTC; the 23rd is before it.
        "r8": _rating(cc02, "2026-11-25T23:59:00+08:00", 4, **a),
        "r9": _rating(cc02, "2026-11-26T00:10:00+08:00", 1, reasons=["attitude"], **a),
        "r7": _rating(cc02, "2026-11-23T23:30:00+08:00", 5, **a),
        # Bad, no follow-up, no deadline: the counter's calendar could not date it.
        "r10": _rating(cc01, "2026-11-20T10:00:00+08:00", 2, reasons=["system_fault"]),
    }


def _levels(five: int, four: int, three: int, two: int, one: int) -> dict[str, int]:
    return {
        "very_satisfied": five,
        "satisfied": four,
        "basically_satisfied": three,
        "dissatisfied": two,
        "very_dissatisfied": one,
    }


def _reasons(*pairs: tuple[str, int]) -> list[dict[str, Any]]:
    return [{"reason": r, "count": c} for r, c in pairs]


def test_the_summary_matches_a_hand_count_per_hall_department_and_item(server: Harness) -> None:
    _data(server)
    office = server.approver()
    reply = office.get(SUMMARY, params={"from": "2026-11-24", "to": "2026-11-25"})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert (body["by"], body["timezone"]) == ("hall", "Asia/Shanghai")
    by_hall = {g["key"]: g for g in body["groups"]}
    assert list(by_hall) == ["CC01", "CC02"]  # most ratings first
    cc01, cc02 = by_hall["CC01"], by_hall["CC02"]
    # CC01: r1 5, r2 4 (attitude 2), r3 1, r4 3, r5 5 → 5 ratings, 2 bad, 3/5 satisfied.
    assert (cc01["ratings"], cc01["bad"], cc01["satisfaction"]) == (5, 2, 0.6)
    assert cc01["levels"] == _levels(2, 1, 1, 0, 1)
    assert cc01["top_reasons"] == _reasons(("long_wait", 2), ("attitude", 1), ("other", 1))
    # CC02: r6 2, r8 4 (r7 and r9 outside the period).
    assert (cc02["ratings"], cc02["bad"], cc02["satisfaction"]) == (2, 1, 0.5)
    assert cc02["levels"] == _levels(0, 1, 0, 1, 0)
    assert cc02["top_reasons"] == _reasons(("long_wait", 1))
    total = body["total"]
    assert (total["key"], total["ratings"], total["bad"]) == (None, 7, 3)
    assert total["satisfaction"] == round(4 / 7, 4)
    assert total["levels"] == _levels(2, 2, 1, 1, 1)
    assert total["top_reasons"] == _reasons(("long_wait", 3), ("attitude", 1), ("other", 1))

    by_department = ratings.summary(
        server.services.ctx, dt.date(2026, 11, 24), dt.date(2026, 11, 25), GroupBy.DEPARTMENT
    )
    counted = [(g.key, g.ratings, g.bad, g.satisfaction) for g in by_department.groups]
    # A: r1 r2 r6 r8; B: r3 r4; not known: r5 (version 1), last.
    assert counted == [(DEPT_A, 4, 2, 0.5), (DEPT_B, 2, 1, 0.5), (None, 1, 0, 1.0)]
    [dept_a, dept_b, _] = by_department.groups
    assert [(r.reason.value, r.count) for r in dept_a.top_reasons] == [
        ("long_wait", 2),
        ("attitude", 1),
    ]
    assert [(r.reason.value, r.count) for r in dept_b.top_reasons] == [
        ("long_wait", 1),
        ("other", 1),
    ]
    by_item = office.get(
        SUMMARY, params={"from": "2026-11-24", "to": "2026-11-25", "by": "item", "hall": "CC01"}
    ).json()
    assert [(g["key"], g["ratings"], g["bad"]) for g in by_item["groups"]] == [
        (ITEM_B, 2, 1),  # a tie: by code
        (ITEM_A, 2, 1),
        (None, 1, 0),
    ]
    empty = office.get(SUMMARY, params={"from": "2027-01-01", "to": "2027-01-31"}).json()
    assert (empty["groups"], empty["total"]["ratings"], empty["total"]["satisfaction"]) == (
        [],
        0,
        None,
    )


def test_the_overdue_list_per_hall_with_a_fixed_clock(server: Harness) -> None:
    ids = _data(server)
    office = server.approver()
    # 1 December, 18:00 in Shanghai: only r3 (due 30 November) is late.
    server.clock.set(dt.datetime(2026, 12, 1, 18, 0, tzinfo=SHANGHAI))
    first = office.get(OVERDUE).json()
    assert first["as_of"] == "2026-12-01" and first["undated"] == 2  # r9, r10: no deadline
    assert [(h["hall_code"], [r["rating_id"] for r in h["overdue"]]) for h in first["halls"]] == [
        ("CC01", [ids["r3"]])
    ]
    [late] = first["halls"][0]["overdue"]
    assert (late["worst_level"], late["days_overdue"], late["department"]) == (1, 1, DEPT_B)
    assert (late["reasons"], late["reason_text"]) == (["long_wait", "other"], "取号机坏了")
    # 16:30 UTC on 1 December is already the 2nd in Shanghai: r2 and r6 are late too.
    server.clock.set(dt.datetime(2026, 12, 1, 16, 30, tzinfo=dt.UTC))
    second = ratings.overdue(server.services.ctx)
    assert second.as_of == dt.date(2026, 12, 2)
    assert [(h.hall_code, [str(r.rating_id) for r in h.overdue]) for h in second.halls] == [
        ("CC01", [ids["r3"], ids["r2"]]),
        ("CC02", [ids["r6"]]),
    ]
    # A follow-up recorded takes the rating off the list.
    device = server.enrol("CC01", "W03")
    follow_up = {
        "rating_id": ids["r2"],
        "hall_code": "CC01",
        "action": "revisit",
        "note": "已电话回访致歉",
        "closed_by": "supervisor",
        "closed_at": "2026-12-02T09:00:00+08:00",
    }
    [applied] = device.results(device.op("rating.follow_up", follow_up))
    assert applied["status"] == "applied"
    third = office.get(OVERDUE, params={"hall": "CC01"}).json()
    assert [[r["rating_id"] for r in h["overdue"]] for h in third["halls"]] == [[ids["r3"]]]


def test_reasons_go_only_with_a_bad_rating_and_once_each(server: Harness) -> None:
    device = server.enrol()
    base = {
        "hall_code": "CC01",
        "window_code": "W03",
        "clerk": "clerk1",
        "channel": "window_pad",
        "rated_at": "2026-11-24T10:00:00+08:00",
    }
    wrong = [
        {"level": 4, "reasons": ["attitude"]},  # a good rating with a reason
        {"level": 5, "follow_up_due": "2026-12-01"},
        {"level": 2, "reasons": ["attitude", "attitude"]},
        {"level": 2, "reasons": ["rude"]},
        {"level": 1, "reason_text": "x" * 401},
    ]
    for extra in wrong:
        payload = {"rating_id": str(uuid.uuid4()), **base, **extra}
        [result] = device.results(device.op("rating.submit", payload, schema_version=2))
        assert (result["status"], result["code"]) == ("rejected", "invalid_payload"), extra
    # Without indicators the overall level alone says whether it is bad (both versions).
    for version in (1, 2):
        bare = {"rating_id": str(uuid.uuid4()), **base, "level": 2}
        [applied] = device.results(device.op("rating.submit", bare, schema_version=version))
        assert applied["status"] == "applied"
    assert ratings.overdue(server.services.ctx).undated == 2
    # Version 1 knows no reasons: refused as an unknown field, as before.
    v1 = {"rating_id": str(uuid.uuid4()), **base, "level": 2, "reasons": ["attitude"]}
    [old] = device.results(device.op("rating.submit", v1))
    assert (old["status"], old["code"]) == ("rejected", "invalid_payload")


def test_the_endpoints_are_for_the_back_office(server: Harness) -> None:
    params = {"from": "2026-11-24", "to": "2026-11-25"}
    assert server.http().get(SUMMARY, params=params).status_code == 401
    device = server.enrol()
    assert device.get(SUMMARY, params=params).status_code == 403
    assert device.get(OVERDUE).status_code == 403
    office = server.approver()
    backwards = office.get(SUMMARY, params={"from": "2026-11-25", "to": "2026-11-24"})
    assert backwards.status_code == 422 and backwards.json()["code"] == "invalid_request"
    assert office.get(SUMMARY, params={**params, "by": "clerk"}).status_code == 422
    assert office.get(SUMMARY, params={"from": "2026-11-24"}).status_code == 422
    widest = office.get(SUMMARY, params={"from": "0001-01-01", "to": "9999-12-31"})
    assert widest.status_code == 200 and widest.json()["total"]["ratings"] == 0


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_summary_and_overdue(
    capsys: pytest.CaptureFixture[str], server: Harness, central_settings: ServerSettings
) -> None:
    ids = _data(server)
    base = ("--db", central_settings.db_url, "--data-dir", str(central_settings.data_dir))
    period = ("--from", "2026-11-24", "--to", "2026-11-25")
    code, out, _ = run(capsys, *base, "ratings", "summary", *period, "--by", "department")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "ratings 2026-11-24 .. 2026-11-25 (Asia/Shanghai) by department"
    assert lines[1].startswith(DEPT_A) and "satisfied 50.0%  bad 2" in lines[1]
    assert "reasons: long_wait 2, attitude 1" in lines[1]
    assert lines[3].startswith("(not known)")
    assert lines[-1].startswith("total") and " 7  5:2 4:2 3:1 2:1 1:1" in lines[-1]
    code, out, _ = run(capsys, *base, "ratings", "summary", *period, "--json")
    assert code == 0 and json.loads(out)["total"]["bad"] == 3
    # The real clock: every deadline of the data set (November, 1 December 2026) has passed.
    code, out, _ = run(capsys, *base, "ratings", "overdue", "--json")
    listed = json.loads(out)
    assert code == 0 and listed["undated"] == 2
    assert {str(r["rating_id"]) for h in listed["halls"] for r in h["overdue"]} == {
        ids["r2"],
        ids["r3"],
        ids["r6"],
    }
    code, out, _ = run(capsys, *base, "ratings", "overdue", "--hall", "CC02")
    lines = out.splitlines()
    assert code == 0 and lines[1:2] == ["CC02: 1"] and len(lines) == 4
    assert lines[3] == "1 bad rating(s) without a known deadline: not checked"  # r9
    assert "due 2026-12-01" in lines[2] and "level 2" in lines[2] and "long_wait" in lines[2]
    code, _, err = run(
        capsys, *base, "ratings", "summary", "--from", "2026-11-25", "--to", "2026-11-24"
    )
    assert code == 1 and "the period ends before it starts" in err
