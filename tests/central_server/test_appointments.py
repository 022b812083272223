"""Appointments on the reference server over HTTP: booking with codes and places per slot,
the last place raced for, cancellation by the applicant and by the hall, the hall's pull with
its ETag, and check-ins and no-shows reported by the counter (the no-show limit)."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import uuid
from typing import Any

import pytest

from central_server.context import ServerContext
from central_server.services import appointments
from central_server.services.errors import Refusal, Refused
from central_server.settings import ServerSettings
from onewindow_protocol.wire.appointments import BookingRequest
from tests.central_server.harness import Device, Harness
from tests.central_server.test_backoffice_cli import cli_args, run  # noqa: F401 - fixture

DAY = "2026-11-25"  # the day after the harness clock's Tuesday
ID_A, ID_B = "11010519491231002X", "220102199003071234"
CODE_RE = re.compile(r"^YY-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$")


def booking(slot: str = "09:00", id_number: str = ID_A, **extra: str) -> dict[str, Any]:
    return {
        "hall_code": "CC01",
        "service_code": "A",
        "date": DAY,
        "slot": slot,
        "id_number": id_number,
        "phone": "13800000000",
        **extra,
    }


def _pulled(device: Device, **headers: str) -> Any:
    return device.get("/v1/appointments", params={"from": DAY, "days": 2}, headers=headers)


def _no_decrypting(*_args: object) -> None:
    raise AssertionError("a booking was decrypted for a 304 Not Modified")


def test_booking_codes_places_and_the_halls_pull(server: Harness) -> None:
    device = server.enrol()
    portal = server.approver()
    appointments.set_capacity(server.services.ctx, "CC01", "A", 2)
    first = portal.post("/v1/backoffice/appointments", json=booking())
    second = portal.post("/v1/backoffice/appointments", json=booking(id_number=ID_B))
    assert (first.status_code, second.status_code) == (201, 201)
    assert CODE_RE.match(first.json()["code"]) and first.json()["status"] == "booked"
    full = portal.post("/v1/backoffice/appointments", json=booking())
    assert (full.status_code, full.json()["code"]) == (409, "slot_full")
    other_slot = portal.post("/v1/backoffice/appointments", json=booking("09:30"))
    assert other_slot.status_code == 201

    pulled = _pulled(device)
    assert pulled.status_code == 200
    body = pulled.json()
    assert [b["code"] for b in body["bookings"]] == [
        *sorted([first.json()["code"], second.json()["code"]]),
        other_slot.json()["code"],
    ]
    assert {b["id_number"] for b in body["bookings"]} == {ID_A, ID_B}
    with pytest.MonkeyPatch.context() as patch:  # a 304 decrypts no booking
        patch.setattr(appointments, "_device_reply", _no_decrypting)
        held = _pulled(device, **{"If-None-Match": pulled.headers["ETag"]})
    assert (held.status_code, held.headers["ETag"]) == (304, pulled.headers["ETag"])

    code = first.json()["code"]
    wrong = portal.post(
        f"/v1/backoffice/appointments/CC01/{code}/cancel",
        json={"by": "applicant", "id_number": ID_B},
    )
    assert (wrong.status_code, wrong.json()["code"]) == (404, "booking_not_found")
    mine = portal.post(
        f"/v1/backoffice/appointments/CC01/{code}/cancel",
        json={"by": "applicant", "id_number": ID_A},
    )
    assert (mine.json()["status"], mine.json()["cancelled_by"]) == ("cancelled", "applicant")
    assert portal.post("/v1/backoffice/appointments", json=booking()).status_code == 201  # freed
    changed = _pulled(device, **{"If-None-Match": pulled.headers["ETag"]})
    assert changed.status_code == 200
    statuses = {b["code"]: b["status"] for b in changed.json()["bookings"]}
    assert statuses[code] == "cancelled"


def test_closed_days_and_unknown_halls_are_refused(server: Harness) -> None:
    server.enrol()
    portal = server.approver()
    past = portal.post("/v1/backoffice/appointments", json=booking(date="2026-11-23"))
    earlier_today = portal.post(
        "/v1/backoffice/appointments", json=booking("09:00", date="2026-11-24")
    )
    far = portal.post("/v1/backoffice/appointments", json=booking(date="2027-03-01"))
    assert {r.json()["code"] for r in (past, earlier_today, far)} == {"booking_closed"}
    nowhere = portal.post("/v1/backoffice/appointments", json=booking(hall_code="ZZ99"))
    assert (nowhere.status_code, nowhere.json()["code"]) == (404, "hall_not_found")


def _report(device: Device, kind: str, b: dict[str, Any], **extra: Any) -> dict[str, Any]:
    payload = {"booking_id": b["id"], "code": b["code"], "hall_code": "CC01", **extra}
    [result] = device.results(device.op(kind, payload))
    return result


def test_check_ins_and_no_shows_reported_by_the_counter(server: Harness) -> None:
    device = server.enrol()
    portal = server.approver()
    made = [
        portal.post("/v1/backoffice/appointments", json=booking(f"1{i}:00")).json()
        for i in range(5)
    ]
    at = "2026-11-25T10:05:00+08:00"
    checked = _report(
        device, "appointment.check_in", made[0], ticket_number="Y001", checked_in_at=at
    )
    assert checked["status"] == "applied"
    late = _report(device, "appointment.no_show", made[0], marked_at=at)
    assert (late["status"], late["code"]) == ("conflict", "already_checked_in")
    for b in made[1:4]:
        assert _report(device, "appointment.no_show", b, marked_at=at)["status"] == "applied"
    cancelled = _report(device, "appointment.cancel", made[4], cancelled_at=at)
    assert cancelled["status"] == "applied"
    assert appointments.no_show_count(server.services.ctx, ID_A) == 3
    refused = portal.post("/v1/backoffice/appointments", json=booking("15:00"))
    assert (refused.status_code, refused.json()["code"]) == (409, "no_show_limit")
    stranger = {"id": str(uuid.uuid4()), "code": "YY-ABCDEF"}
    unknown = _report(device, "appointment.no_show", stranger, marked_at=at)
    assert (unknown["status"], unknown["code"]) == ("rejected", "unknown_booking")
    listed = portal.get("/v1/backoffice/appointments", params={"hall": "CC01", "date": DAY})
    assert [b["status"] for b in listed.json()["bookings"]] == [
        "checked_in",
        "no_show",
        "no_show",
        "no_show",
        "cancelled",
    ]


def test_each_change_of_a_booking_moves_its_halls_revision_in_hello(server: Harness) -> None:
    """Made, cancelled (by the applicant, by the hall), checked in, missed: each moves the hall's
    bookings revision by one; what changes nothing (a refused booking, a second cancellation,
    a missed booking that was cancelled) leaves it, and another hall's stays."""
    device, other = server.enrol(), server.enrol("CC02")
    portal = server.approver()
    appointments.set_capacity(server.services.ctx, "CC01", "A", 1)

    def revisions() -> tuple[int | None, int | None]:
        mine, theirs = (d.get("/v1/hello").json()["bookings_revision"] for d in (device, other))
        return mine, theirs

    assert revisions() == (0, 0)
    made = [portal.post("/v1/backoffice/appointments", json=booking(f"1{i}:00")) for i in range(4)]
    assert revisions() == (4, 0)
    full = portal.post("/v1/backoffice/appointments", json=booking("10:00", ID_B))
    assert (full.status_code, revisions()) == (409, (4, 0))
    a, b, c, d = (m.json() for m in made)
    url = f"/v1/backoffice/appointments/CC01/{a['code']}/cancel"
    mine = {"by": "applicant", "id_number": ID_A}
    assert portal.post(url, json=mine).status_code == 200
    assert revisions() == (5, 0)
    assert portal.post(url, json=mine).status_code == 200  # cancelling twice is one
    at = "2026-11-25T10:05:00+08:00"
    assert _report(device, "appointment.no_show", a, marked_at=at)["status"] == "applied"
    assert revisions() == (5, 0)  # cancelled before it was missed: unchanged
    checked = _report(device, "appointment.check_in", b, ticket_number="Y001", checked_in_at=at)
    missed = _report(device, "appointment.no_show", c, marked_at=at)
    by_hall = _report(device, "appointment.cancel", d, cancelled_at=at)
    assert [r["status"] for r in (checked, missed, by_hall)] == ["applied"] * 3
    assert revisions() == (8, 0)
    again = _report(device, "appointment.cancel", d, cancelled_at=at)
    assert (again["status"], revisions()) == ("applied", (8, 0))
    # The hall's pull answers the same while the revision stays.
    pulled = _pulled(device)
    assert _pulled(device, **{"If-None-Match": pulled.headers["ETag"]}).status_code == 304


def _race(ctx: ServerContext, slot: str) -> list[str]:
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt(id_number: str) -> None:
        request = BookingRequest.model_validate(booking(slot, id_number))
        barrier.wait()
        try:
            appointments.book(ctx, request)
            outcomes.append("won")
        except Refused as exc:
            outcomes.append(exc.code.value)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in (ID_A, ID_B)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def test_two_bookings_racing_for_the_last_place_one_wins(server: Harness) -> None:
    """On the server's own database (SQLite or PostgreSQL): per round, two threads book the
    last place of a slot at once; exactly one gets it, the other is told the slot is full."""
    server.enrol()
    ctx = server.services.ctx
    appointments.set_capacity(ctx, "CC01", "A", 1)
    for round_no in range(12):
        slot = f"{8 + round_no // 4:02d}:{(round_no % 4) * 15:02d}"
        assert sorted(_race(ctx, slot)) == ["slot_full", "won"], round_no
    assert len(appointments.list_bookings(ctx, "CC01", dt.date(2026, 11, 25))) == 12


def test_cli_books_lists_and_cancels(
    server: Harness,
    cli_args: tuple[str, ...],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    central_settings: ServerSettings,
) -> None:
    server.enrol()
    day = (dt.date.today() + dt.timedelta(days=1)).isoformat()  # the CLI runs on the real clock
    code, out, _ = run(
        capsys,
        *cli_args,
        "appointments",
        "book",
        "--hall",
        "CC01",
        "--service",
        "A",
        "--date",
        day,
        "--slot",
        "10:00",
        "--id",
        ID_A,
        "--phone",
        "13800000000",
        "--json",
    )
    assert code == 0, out
    booked = json.loads(out)
    assert CODE_RE.match(booked["code"]) and booked["status"] == "booked"
    code, out, _ = run(capsys, *cli_args, "appointments", "list", "--hall", "CC01", "--json")
    listed = json.loads(out)["bookings"]
    assert [b["code"] for b in listed] == [booked["code"]]
    assert ID_A not in out  # the list names no ID number
    code, out, _ = run(capsys, *cli_args, "appointments", "cancel", booked["code"], "--json")
    assert (code, json.loads(out)["status"]) == (0, "cancelled")
    code, out, err = run(capsys, *cli_args, "appointments", "cancel", "YY-ZZZZZZ")
    assert code == 1 and "no booking YY-ZZZZZZ" in err
    code, out, _ = run(
        capsys,
        *cli_args,
        "appointments",
        "capacity",
        "--hall",
        "CC01",
        "--service",
        "A",
        "--per-slot",
        "6",
    )
    assert (code, out) == (0, "CC01 A: 6 place(s) per slot\n")
    with pytest.raises(Refused) as refused:
        appointments.hall_of_code(server.services.ctx, "YY-ZZZZZZ")
    assert refused.value.code is Refusal.BOOKING_NOT_FOUND
