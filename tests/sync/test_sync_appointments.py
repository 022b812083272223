"""Appointments between the real reference server (over HTTP, through the fault proxy) and a
counter on the same kind of database (SQLite, then PostgreSQL): bookings made online are
pulled for the hall's days and check in by code, QR link or ID card (at the kiosk screen too,
the card on the simulated reader); a check-in,
a no-show and a hall cancellation reach the server exactly once; a cancellation online stops
a check-in; with the server down, slow or answering garbage the counter checks in the
bookings it holds and loses nothing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from central_server.cli import main as server_main
from central_server.models import Booking, Operation
from central_server.services import appointments as online
from central_server.services.epoch import new_epoch
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor
from clerk_app.cli.main import main as clerk_main
from clerk_app.db.screens_models import Appointment
from clerk_app.devices.idcard.reader import IdCardReader
from clerk_app.devices.idcard.service import IdCardService
from clerk_app.queue.appointments import AppointmentDesk, lookup_hasher
from clerk_app.queue.daily_report import daily_report
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import PriorityClass, QueueRefused, RefusalCode
from clerk_app.sync import state
from clerk_app.sync.client import Credentials, Transport
from clerk_app.sync.payload import HALL_TZ
from onewindow_base.crashpoint import EXIT_CODE
from onewindow_protocol.wire.appointments import (
    BookingCancel,
    BookingRequest,
    CancelledBy,
)
from tests.devices.idcard_sim import RESIDENT, ModuleSimulator, Scenario
from tests.sync.conftest import World
from tests.sync.proxy import Rule
from tests.ui.fakes import FakePrinter
from ui.kiosk.kiosk import TICKET, KioskScreen
from ui.tasks import TaskRunner

TODAY = "2026-11-24"  # the harness clocks: Tuesday 09:30 in the hall
ID_A, ID_B = "22010219900307123X", "220102198501011234"


def _book(
    w: World, slot: str, id_number: str = ID_A, day: str = TODAY, service: str = "BIZ"
) -> str:
    request = BookingRequest(
        hall_code="CC01",
        service_code=service,
        date=dt.date.fromisoformat(day),
        slot=slot,
        id_number=id_number,
        phone="13800000000",
    )
    return online.book(w.server.services.ctx, request).code


def _cli(
    capsys: pytest.CaptureFixture[str], main: Callable[[Sequence[str]], int], *argv: str
) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _server_status(w: World, code: str) -> tuple[str, str | None]:
    with w.server.services.ctx.db.read() as s:
        row = s.scalars(select(Booking).where(Booking.code == code)).one()
        return row.status, row.cancelled_by


def _server_ops(w: World, kind: str) -> int:
    with w.server.services.ctx.db.read() as s:
        count = s.scalar(select(func.count()).select_from(Operation).where(Operation.kind == kind))
        return int(count or 0)


def _desk(w: World) -> AppointmentDesk:
    return AppointmentDesk(
        QueueService(w.db, clock=w.clock), id_hash=lookup_hasher(w.cipher.lookup_hash)
    )


def _local(w: World, code: str) -> tuple[str, str | None]:
    row = w.db.run_read(
        lambda s: s.execute(
            select(Appointment.status, Appointment.reported).where(Appointment.code == code)
        ).one()
    )
    return row.status, row.reported


def test_pulled_bookings_check_in_and_each_change_reaches_the_server_once(
    any_world: World,
) -> None:
    w = any_world
    by_code = _book(w, "10:00")
    by_link = _book(w, "10:00", ID_B)
    by_card = _book(w, "10:30", ID_B, service="PERMIT")
    cancelled_online = _book(w, "11:00")
    cancelled_here = _book(w, "11:00", ID_B)
    tomorrow = _book(w, "09:00", day="2026-11-25")
    report = w.sync()
    assert report.ok, report.error
    assert report.bookings == 6
    assert w.sync().bookings == 0  # the ETag held: unchanged, nothing written

    # Stored without the ID number: a keyed hash matches the card, the phone is sealed.
    with w.db.read() as s:
        row = s.scalars(select(Appointment).where(Appointment.code == by_card)).one()
        assert row.id_hash is not None and ID_B not in row.id_hash
        assert row.phone_enc is not None and "13800000000" not in row.phone_enc

    desk = _desk(w)
    issued = desk.check_in(by_code)
    assert issued.ticket.priority_class is PriorityClass.APPOINTMENT
    desk.check_in(f"https://zwfw.example.gov.cn/yy/check-in?code={by_link.lower()}")
    # The card holder has two open bookings today (the third is checked in): the kiosk asks.
    choices = desk.bookings_for_card(ID_B.lower())
    assert [(c.code, c.service_code, c.slot_min) for c in choices] == [
        (by_card, "PERMIT", 630),
        (cancelled_here, "BIZ", 660),
    ]
    desk.check_in(choices[0].code)
    with pytest.raises(QueueRefused) as again:
        desk.check_in(by_code)
    assert again.value.code is RefusalCode.ALREADY_CHECKED_IN
    with pytest.raises(QueueRefused) as early:
        desk.check_in(tomorrow)
    assert early.value.code is RefusalCode.APPOINTMENT_NOT_TODAY

    online.cancel(
        w.server.services.ctx,
        "CC01",
        cancelled_online,
        BookingCancel(by=CancelledBy.APPLICANT, id_number=ID_A),
    )
    desk.cancel(cancelled_here)
    report = w.sync()
    assert report.ok and report.pushed == 4  # three check-ins, one hall cancellation
    assert report.bookings_cancelled == 1
    with pytest.raises(QueueRefused) as gone:
        desk.check_in(cancelled_online)
    assert gone.value.code is RefusalCode.APPOINTMENT_CANCELLED
    assert [_server_status(w, c)[0] for c in (by_code, by_link, by_card)] == ["checked_in"] * 3
    assert _server_status(w, cancelled_here) == ("cancelled", "hall")
    assert _local(w, cancelled_online) == ("cancelled", "cancelled")

    assert w.sync().pushed == 0  # reported once
    assert _server_ops(w, "appointment.check_in") == 3
    assert _server_ops(w, "appointment.cancel") == 1


def _bookings_requests(w: World) -> int:
    return len(w.proxy.requests("GET", "/v1/appointments"))


@pytest.mark.allow_log_warnings  # the engine warns of the operator's new epoch
def test_bookings_are_pulled_only_when_hellos_revision_or_the_hall_day_moved(
    any_world: World,
) -> None:
    w = any_world
    _book(w, "10:00")
    assert w.sync().bookings == 1
    assert _bookings_requests(w) == 1
    for _ in range(3):  # idle cycles: hello's revision is the one pulled, no bookings request
        assert w.sync().ok
    assert _bookings_requests(w) == 1

    made = _book(w, "10:30")  # made online: the revision moves, the hall pulls once
    assert w.sync().bookings == 2 and w.sync().ok
    assert _bookings_requests(w) == 2
    online.cancel(
        w.server.services.ctx, "CC01", made, BookingCancel(by=CancelledBy.APPLICANT, id_number=ID_A)
    )
    report = w.sync()
    assert (report.bookings, report.bookings_cancelled) == (2, 1)
    assert _bookings_requests(w) == 3

    # Beyond the pulled days: the revision moved, the reply did not (304, the mark recorded).
    _book(w, "09:00", day="2026-12-08")
    assert w.sync().bookings == 0 and w.sync().ok
    assert _bookings_requests(w) == 4
    assert "if-none-match" in w.proxy.requests("GET", "/v1/appointments")[-1].headers

    # The hall's next day: other days, pulled; the 10:00 booking missed yesterday is reported,
    # which moves the revision, so the next cycle pulls once more; then quiet again.
    w.clock.advance(minutes=24 * 60)
    assert w.sync().pushed == 1
    assert w.sync().ok and w.sync().ok
    assert _bookings_requests(w) == 6

    # An operator's new epoch (a restored server may count its revisions again): pulled again.
    new_epoch(w.server.services.ctx, w.server.services.guard)
    assert w.sync().new_epoch
    assert _bookings_requests(w) == 7


def test_a_missed_slot_is_a_no_show_counted_and_reported(any_world: World) -> None:
    w = any_world
    missed = _book(w, "10:00")
    kept = _book(w, "10:00", ID_B)
    assert w.sync().ok
    _desk(w).check_in(kept)
    w.clock.advance(minutes=75)  # 10:45: the slot's end and the grace time have just passed
    assert w.sync().pushed == 1  # the check-in; the booking is not missed yet
    assert _local(w, missed) == ("booked", "booked")
    w.clock.advance(minutes=1)
    with pytest.raises(QueueRefused) as late:
        _desk(w).check_in(missed)
    assert late.value.code is RefusalCode.APPOINTMENT_TOO_LATE
    report = w.sync()
    assert report.pushed == 1
    assert _local(w, missed) == ("no_show", "no_show")
    assert _server_status(w, missed) == ("no_show", None)
    assert online.no_show_count(w.server.services.ctx, ID_A) == 1
    queue = QueueService(w.db, clock=w.clock)
    figures = daily_report(queue, dt.date(2026, 11, 24)).appointments
    assert (figures.booked, figures.checked_in, figures.no_show, figures.cancelled) == (2, 1, 1, 0)


@pytest.mark.allow_log_warnings  # the killed child's outbox is resent
def test_a_sync_killed_after_the_server_applied_a_check_in_sends_it_once(world: World) -> None:
    w = world
    code = _book(w, "10:00")
    assert w.sync().ok
    _desk(w).check_in(code)
    assert w.child("push.after_ack") == EXIT_CODE  # applied on the server, never recorded here
    assert _server_status(w, code) == ("checked_in", None)
    report = w.sync()
    assert report.ok and report.pushed == 1 and w.outbox() == {"acked": 1}
    assert _server_ops(w, "appointment.check_in") == 1  # the resend was a duplicate


def test_server_down_slow_or_garbage_the_counter_checks_in_what_it_holds(world: World) -> None:
    w = world
    first, second, third = (_book(w, "10:00"), _book(w, "10:30"), _book(w, "11:00"))
    assert w.sync().ok
    held_etag = w.db.run_read(lambda s: state.load(s).appointments_etag)
    desk = _desk(w)

    w.proxy.add(Rule("html", "GET", "/v1/appointments"))  # a captive portal's page
    _book(w, "11:30")
    garbage = w.sync()
    assert garbage.error_kind == "retryable"
    assert w.db.run_read(lambda s: state.load(s).appointments_etag) == held_etag
    desk.check_in(first)

    w.proxy.add(Rule("status", "GET", "/v1/hello", status=503))
    down = w.sync()
    assert down.error_kind == "retryable" and down.pending == 1  # the check-in kept
    desk.check_in(second)
    assert desk.pulled_ms() is not None  # the kiosk says how old its bookings are

    w.proxy.add(Rule("hold", "GET", "/v1/appointments"))

    def impatient(url: str, credentials: Credentials) -> Transport:
        return Transport(url, credentials, timeout=0.5)

    slow = w.engine(transport=impatient).run_cycle(force=True)
    w.proxy.release()
    assert slow.error_kind == "retryable" and slow.pushed == 2  # sent before the slow pull
    assert w.db.run_read(lambda s: state.load(s).appointments_etag) == held_etag

    w.proxy.add(Rule("truncate_json", "GET", "/v1/appointments"))
    cut = w.sync()
    assert cut.error_kind == "retryable" and cut.pending == 0

    report = w.sync()
    assert report.ok and report.pushed == 0 and report.bookings == 4
    with pytest.raises(QueueRefused) as early:
        desk.check_in(third)  # 11:00 checks in from 10:00 (an hour early, the hall's rule)
    assert early.value.code is RefusalCode.APPOINTMENT_TOO_EARLY
    w.clock.advance(minutes=30)
    desk.check_in(third)
    assert w.sync().pushed == 1
    assert _server_ops(w, "appointment.check_in") == 3


def test_booked_on_the_server_then_checked_in_from_the_command_line(
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``central-server appointments book`` → ``clerk-app sync --once`` → ``clerk-app queue
    issue SERVICE --appointment CODE``. The command lines run on the real clock: the booking is
    for the hall's present minute."""
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "cli-data"))
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(tmp_path / "none.toml"))
    now = dt.datetime.now(HALL_TZ)
    # The server's own data directory: its key ring encrypts the booking's ID number and phone.
    ctx = world.server.services.ctx
    central = ("--db", ctx.db.url, "--data-dir", str(ctx.settings.data_dir))
    code, out, _ = _cli(
        capsys,
        server_main,
        *central,
        "appointments",
        "book",
        "--hall",
        "CC01",
        "--service",
        "PERMIT",
        "--date",
        (now.date() + dt.timedelta(days=1)).isoformat(),
        "--slot",
        f"{now:%H:%M}",
        "--id",
        ID_A,
        "--phone",
        "13800000000",
        "--json",
    )
    assert code == 0, out
    tomorrow = json.loads(out)["code"]
    today = _book(w=world, slot=f"{now:%H:%M}", day=now.date().isoformat(), service="PERMIT")
    db = ("--db", world.db.url)
    # The counter enrolled with the fixture's key ring: the command line uses the same one.
    (tmp_path / "cli-data").mkdir()
    key_file = tmp_path / "cli-data" / "hall-key.json"
    key_file.write_text((tmp_path / "ring.json").read_text())
    key_file.chmod(0o600)
    code, out, err = _cli(capsys, clerk_main, *db, "sync", "--once", "--json")
    assert code == 0, err
    code, out, err = _cli(capsys, clerk_main, *db, "queue", "issue", "BIZ", "--appointment", today)
    assert code == 1 and "the appointment is for another service" in err
    code, out, err = _cli(
        capsys, clerk_main, *db, "queue", "issue", "PERMIT", "--appointment", today, "--json"
    )
    assert code == 0, err
    assert json.loads(out)["service"] == "PERMIT"
    code, out, err = _cli(
        capsys, clerk_main, *db, "queue", "issue", "PERMIT", "--appointment", tomorrow
    )
    assert code == 1 and "another day" in err
    code, out, err = _cli(
        capsys, clerk_main, *db, "queue", "cancel-appointment", tomorrow.lower(), "--json"
    )
    assert (code, json.loads(out)) == (0, {"cancelled": tomorrow.lower()}), err
    code, out, err = _cli(capsys, clerk_main, *db, "sync", "--once", "--json")
    assert code == 0 and json.loads(out)["pushed"] == 2, err  # the check-in, the cancellation
    assert _server_status(world, tomorrow) == ("cancelled", "hall")
    assert _server_status(world, today) == ("checked_in", None)


def test_pulled_bookings_check_in_at_the_kiosk_by_qr_code_and_by_id_card(
    any_world: World, qtbot: QtBot
) -> None:
    """The whole way: booked on the server, pulled by sync, checked in on the kiosk screen by
    a scanned QR code's link and by an ID card on the simulated reader, reported back."""
    w = any_world
    by_qr = _book(w, "10:00", ID_B)
    by_card = _book(w, "10:00", RESIDENT.id_number, service="PERMIT")
    assert w.sync().bookings == 2
    queue = QueueService(w.db, clock=w.clock)
    runner = TaskRunner(inline=True)
    try:
        with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
            reader = IdCardReader(sim.port, timeout_s=0.3, today=lambda: dt.date(2026, 11, 24))
            cards = IdCardService(reader, AuditService(w.db, w.clock), reader.today)
            kiosk = KioskScreen(
                queue,
                _desk(w),
                FakePrinter(),
                runner,
                card_reader=lambda: cards.read(Actor(None, "kiosk")).card.id_number,
            )
            qtbot.addWidget(kiosk)
            kiosk.show_appointment()
            assert kiosk.freshness.text() == "Bookings as of 09:30"
            kiosk.code.setText(f"https://zwfw.example.gov.cn/yy?code={by_qr}")
            kiosk.code_ok.click()
            assert kiosk.current_page() == TICKET and kiosk.number.text() == "A001"
            kiosk.done.click()
            kiosk.show_appointment()
            kiosk.by_card.click()
            assert kiosk.current_page() == TICKET and kiosk.number.text() == "B001"
    finally:
        runner.shutdown()
    assert w.sync().pushed == 2
    assert [_server_status(w, c)[0] for c in (by_qr, by_card)] == ["checked_in", "checked_in"]
