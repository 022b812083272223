"""The changes feed (cursor, has_more, hall filter, 410) and the catalogue (ETag, 304)."""

from __future__ import annotations

import copy

import pytest

from central_server.services.catalogue import publish
from central_server.services.errors import Refused
from tests.central_server.harness import CATALOGUE, ITEM_CODE, Harness, intake


def test_the_feed_pages_by_cursor_and_shows_only_the_devices_hall(server: Harness) -> None:
    server.publish()
    cc01, cc02 = server.enrol("CC01"), server.enrol("CC02")
    ops = [cc01.op("case.accept", intake(cc01)) for _ in range(5)]
    cc01.results(*ops)
    cc02.results(cc02.op("case.accept", intake(cc02)))
    page = cc01.get("/v1/changes", params={"limit": 4}).json()
    kinds = [c["kind"] for c in page["changes"]]
    assert kinds == ["catalogue.published", "case.status", "case.status", "case.status"]
    assert page["has_more"] is True
    rest = cc01.get("/v1/changes", params={"cursor": page["next_cursor"], "limit": 4}).json()
    assert len(rest["changes"]) == 2 and rest["has_more"] is False
    seqs = [c["seq"] for c in page["changes"] + rest["changes"]]
    assert seqs == sorted(seqs)
    numbers = {c["case"]["case_no"] for c in page["changes"][1:] + rest["changes"]}
    assert all(n.startswith("CC01-") for n in numbers) and len(numbers) == 5
    # Nothing new: the same cursor comes back.
    empty = cc01.get("/v1/changes", params={"cursor": rest["next_cursor"]}).json()
    assert empty["changes"] == [] and empty["next_cursor"] == rest["next_cursor"]
    assert len(cc02.get("/v1/changes").json()["changes"]) == 2


def test_approvals_arrive_with_their_certificate(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    payload = intake(device)
    device.results(device.op("case.accept", payload))
    cursor = device.get("/v1/changes").json()["next_cursor"]
    approver = server.approver()
    approver.post(f"/v1/backoffice/cases/{payload['case_no']}/review", json={"reviewer": "r1"})
    approver.post(f"/v1/backoffice/cases/{payload['case_no']}/approve", json={"approver": "a1"})
    page = device.get("/v1/changes", params={"cursor": cursor}).json()
    statuses = [c["case"]["status"] for c in page["changes"]]
    assert statuses == ["under_review", "approved"]
    versions = [c["case"]["version"] for c in page["changes"]]
    assert versions == [2, 3]
    certificate = page["changes"][1]["case"]["certificate"]
    assert certificate["number"] == "证字〔2026〕第000001号"
    assert certificate["number_ascii"] == "CERT-2026-000001"
    assert certificate["result_name"] == "食品经营许可证"
    assert certificate["holder"] == "张𠀋明"
    assert certificate["issuing_authority"] == "长春市市场监督管理局"


def test_a_cursor_of_another_epoch_or_garbage_is_410(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    page = device.get("/v1/changes").json()
    for cursor in ("not-a-cursor", "00000000-0000-0000-0000-000000000000.1", f"{page['epoch']}.99"):
        reply = device.get("/v1/changes", params={"cursor": cursor})
        assert reply.status_code == 410, cursor
        assert reply.json()["code"] == "cursor_invalid"
        assert reply.json()["detail"]["epoch"] == page["epoch"]


def test_catalogue_etag_and_conditional_get(server: Harness) -> None:
    device = server.enrol()
    assert device.get("/v1/catalogue").json()["code"] == "no_catalogue"
    server.publish()
    reply = device.get("/v1/catalogue")
    assert reply.status_code == 200
    etag = reply.headers["ETag"]
    body = reply.json()
    assert body["release"] == 1 and body["label"] == "2026.11" and body["etag"] == etag
    assert body["document"]["format"] == "onewindow-catalogue"
    assert [i["code"] for i in body["document"]["items"]] == [ITEM_CODE, "11220100MB0002"]
    cached = device.get("/v1/catalogue", headers={"If-None-Match": etag})
    assert cached.status_code == 304 and cached.content == b""
    assert cached.headers["ETag"] == etag
    item = device.get(f"/v1/catalogue/items/{ITEM_CODE}/1")
    assert item.json()["item"]["name_zh"] == "食品经营许可"
    again = device.get(
        f"/v1/catalogue/items/{ITEM_CODE}/1", headers={"If-None-Match": item.headers["ETag"]}
    )
    assert again.status_code == 304
    assert device.get(f"/v1/catalogue/items/{ITEM_CODE}/9").status_code == 404


def test_item_versions_are_immutable_and_republishing_is_a_no_op(server: Harness) -> None:
    server.publish()
    ctx = server.services.ctx
    same = publish(ctx, copy.deepcopy(CATALOGUE))
    assert same.created is False and same.release == 1
    changed = copy.deepcopy(CATALOGUE)
    changed["items"][0]["name_zh"] = "食品经营许可（变更）"
    with pytest.raises(Refused) as refused:
        publish(ctx, changed)
    assert refused.value.code == "catalogue_immutable"
    assert refused.value.detail == {"items": [f"{ITEM_CODE} v1"]}
    changed["items"][0]["version"] = 2
    changed["version"] = "2026.12"
    outcome = publish(ctx, changed)
    assert (outcome.release, outcome.items_new, outcome.items_unchanged) == (2, 1, 1)
    device = server.enrol()
    assert device.get("/v1/hello").json()["catalogue_release"] == 2
    # A case taken under version 1 is still accepted: it keeps its pinned version.
    [result] = device.results(device.op("case.accept", intake(device, item=(ITEM_CODE, 1))))
    assert result["status"] == "applied"
    old = device.get("/v1/catalogue/releases/1").json()
    assert old["document"]["items"][0]["name_zh"] == "食品经营许可"
