"""A small province to count by hand: two halls, three items, a dozen cases across October and
November 2026 (Shanghai time), pushed as the counters push them and decided by the back office
at set instants; the catalogue published twice. The expected figures are worked out in
``test_province_figures.py``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from onewindow_protocol.wire.backoffice import ApproveRequest, RejectRequest
from tests.catalogue.helpers import item, raw_document
from tests.central_server.harness import Device, Harness, intake

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
A, B, C = "220100000000000001", "220100000000000002", "220100000000000003"
MARKET, CIVIL = "市场监督管理局", "民政局"
FIRST, LAST = dt.date(2026, 10, 1), dt.date(2026, 11, 30)
REPORT_AT = dt.datetime(2026, 12, 7, 9, 0, tzinfo=SHANGHAI)


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def _catalogue(second: bool) -> dict[str, Any]:
    """A: promised, 1 visit, online. B: on the spot, 0 visits, online. C: on the spot, 2 visits,
    window only; its version 2 (the second release) needs 1 visit and is online too."""
    spot = {"handling": "on_the_spot", "promised_limit_days": 0}
    c = {**spot, "visits": 2, "channels": ["window"]}
    if second:
        c = {**spot, "version": 2, "visits": 1, "channels": ["window", "online"]}
    return raw_document(
        "2026.11" if second else "2026.09",
        [
            item(A, "食品经营许可", MARKET, channels=["window", "online"]),
            item(B, "个体工商户登记", MARKET, visits=0, channels=["window", "online"], **spot),
            item(C, "结婚登记", CIVIL, type="confirmation", **c),
        ],
    )


class Province:
    def __init__(self, server: Harness) -> None:
        self.server = server
        self.office = server.services.backoffice
        self.payloads: dict[str, dict[str, Any]] = {}
        self._fresh: dict[str, int] = {}  # device id -> when its access token was taken

    def _token(self, device: Device) -> None:
        """A new access token once the clock has moved past the last one's lifetime."""
        now = self.server.clock.now_ms()
        taken = self._fresh.get(device.device_id)
        if taken is None or not 0 <= now - taken < 10 * 60_000:
            assert device.refresh().status_code == 200
            self._fresh[device.device_id] = now

    def at(self, text: str) -> None:
        self.server.clock.set(_at(text))

    def decide(
        self, device: Device, name: str, kind: str, when: str, item_ref: tuple[str, int]
    ) -> None:
        payload = self.payloads.get(name) or intake(device, item=item_ref)
        payload = {k: v for k, v in payload.items() if k not in ("lines", "deferred")}
        payload["decided_at"] = _at(when).isoformat()
        extra: dict[str, Any] = {}
        if kind == "case.notice":
            extra = {"lines": [{"material": "营业执照", "requirement": "需原件"}]}
        elif kind == "case.defer":
            extra = {
                "deferred": [{"material": "场所使用证明", "due_date": "2026-12-31"}],
                "commitment_signed": True,
            }
        elif kind == "case.refuse":
            extra = {"reason": "不属于本机关职权范围"}
        self.payloads[name] = payload
        self._token(device)
        [result] = device.results(device.op(kind, {**payload, **extra}))
        assert result["status"] == "applied", (name, result)

    def approve(self, name: str, when: str) -> None:
        self.at(when)
        self.office.approve(self.payloads[name]["case_no"], ApproveRequest(approver="审批员"))

    def reject(self, name: str, when: str) -> None:
        self.at(when)
        self.office.reject(
            self.payloads[name]["case_no"], RejectRequest(approver="审批员", reason="不符合条件")
        )

    def hand_over(self, device: Device, name: str, method: str) -> None:
        p = self.payloads[name]
        self._token(device)
        handover = {"case_id": p["case_id"], "case_no": p["case_no"], "method": method,
                    "recipient_name": "张三", "clerk": "clerk1",
                    "handed_at": self.server.now().isoformat()}  # fmt: skip
        [result] = device.results(device.op("handover.record", handover))
        assert result["status"] == "applied", (name, result)

    def rate(
        self, device: Device, when: str, level: int, code: str | None, department: str | None
    ) -> None:
        """A rating; without an item and department, as an older counter sends it (version 1)."""
        bad = {"reasons": ["long_wait"], "follow_up_due": "2026-12-31"} if level <= 2 else {}
        about = {"item_code": code, "department": department, **bad} if code else {}
        self._token(device)
        payload = {"rating_id": f"{len(self.payloads) + 1:08d}-0000-4000-8000-{level:012d}",
                   "hall_code": device.hall_code, "window_code": device.window_code,
                   "clerk": "clerk1", "channel": "window_pad", "level": level,
                   "indicators": {"overall": level}, "rated_at": _at(when).isoformat(),
                   **about}  # fmt: skip
        self.payloads[f"rating {when}"] = payload
        version = 2 if code else 1
        [result] = device.results(device.op("rating.submit", payload, schema_version=version))
        assert result["status"] == "applied", result


def build(server: Harness) -> None:
    p = Province(server)
    p.at("2026-09-30T09:00:00")
    cc01, cc02 = server.enrol("CC01", "W01"), server.enrol("CC02", "W01")
    p.at("2026-09-30T10:00:00")
    server.publish(_catalogue(second=False))
    a, b, c1 = (A, 1), (B, 1), (C, 1)
    p.decide(cc02, "c12", "case.accept", "2026-09-30T23:00:00", a)
    p.decide(cc01, "c1", "case.accept", "2026-10-09T10:00:00", a)
    p.decide(cc01, "c2", "case.accept", "2026-10-09T11:00:00", b)
    p.decide(cc01, "c3", "case.notice", "2026-10-20T09:00:00", a)
    p.decide(cc01, "c3", "case.accept", "2026-10-22T09:00:00", a)
    p.decide(cc01, "c4", "case.defer", "2026-10-31T23:30:00", c1)
    p.decide(cc02, "c7", "case.accept", "2026-10-15T10:00:00", a)
    p.decide(cc01, "c5", "case.refuse", "2026-11-03T10:00:00", b)
    p.decide(cc02, "c8", "case.defer", "2026-11-05T10:00:00", b)
    p.decide(cc02, "c9", "case.accept", "2026-11-30T23:50:00", b)
    p.decide(cc02, "c10", "case.notice", "2026-11-18T10:00:00", c1)
    p.decide(cc02, "c11", "case.accept", "2026-12-01T00:10:00", a)
    p.approve("c12", "2026-10-03T23:00:00")
    p.approve("c2", "2026-10-09T15:00:00")
    p.hand_over(cc01, "c2", "mail")
    p.approve("c1", "2026-10-14T10:00:00")
    p.hand_over(cc01, "c1", "pickup")
    p.approve("c7", "2026-10-25T10:00:00")
    p.hand_over(cc02, "c7", "pickup")
    p.approve("c3", "2026-11-02T09:00:00")
    p.hand_over(cc01, "c3", "pickup")
    p.at("2026-11-10T10:00:00")
    server.publish(_catalogue(second=True))
    p.decide(cc01, "c6", "case.accept", "2026-11-12T10:00:00", (C, 2))
    p.reject("c6", "2026-11-13T10:00:00")
    p.approve("c8", "2026-11-20T10:00:00")
    p.hand_over(cc02, "c8", "mail")
    p.rate(cc01, "2026-10-09T10:30:00", 5, A, MARKET)
    p.rate(cc01, "2026-10-22T09:30:00", 3, A, MARKET)
    p.rate(cc01, "2026-11-12T10:30:00", 4, C, CIVIL)
    p.rate(cc02, "2026-11-05T10:30:00", 2, B, MARKET)
    p.rate(cc02, "2026-11-06T10:30:00", 4, None, None)
    p.rate(cc02, "2026-12-01T00:30:00", 5, A, MARKET)
    server.clock.set(REPORT_AT)
