"""Core additions for the hall screens: appointments, the supervisor's actions and tables,
alerts, hourly figures and the statistics export — on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select, update

from clerk_app.accounts.auth import AuthService
from clerk_app.db.models import Service, Ticket
from clerk_app.db.screens_models import Appointment
from clerk_app.queue import (
    PriorityClass,
    QueueRefused,
    QueueService,
    RefusalCode,
    TicketState,
    WindowState,
)
from clerk_app.queue.alerts import Alert, AlertKind, AlertThresholds, find_alerts
from clerk_app.queue.appointments import AppointmentDesk, normalise_code
from clerk_app.queue.export import write_csv, write_xlsx
from clerk_app.queue.oversight import Oversight
from clerk_app.queue.supervision import Supervisor, SupervisorDesk
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database


@pytest.fixture
def boss(db: Database) -> Supervisor:
    user = next(u for u in AuthService(db).list_users() if u.username == "supervisor")
    return Supervisor(user.user_id, user.display_name)


@pytest.fixture
def desk(queue: QueueService, boss: Supervisor) -> SupervisorDesk:
    return SupervisorDesk(queue, boss)


@pytest.fixture
def appointments(queue: QueueService) -> AppointmentDesk:
    return AppointmentDesk(queue)


def count_tickets(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Ticket)) or 0)


# ---------------------------------------------------------------- appointments
def test_an_appointment_checks_in_once_as_an_appointment_ticket(
    appointments: AppointmentDesk, queue: QueueService
) -> None:
    appointments.book("YY-2026-0001", "SOCIAL", queue.rules.day(queue.now_ms()))
    issued = appointments.check_in(" yy-２０２６-0001 ")  # typed with full-width digits
    assert issued.ticket.number == "C001"
    assert issued.ticket.priority_class is PriorityClass.APPOINTMENT
    with pytest.raises(QueueRefused) as again:
        appointments.check_in("YY-2026-0001")
    assert again.value.code is RefusalCode.ALREADY_CHECKED_IN


def test_unknown_and_other_day_appointments_are_refused_without_a_ticket(
    appointments: AppointmentDesk, queue: QueueService, db: Database
) -> None:
    today = queue.rules.day(queue.now_ms())
    appointments.book("TOMORROW1", "BIZ", today + dt.timedelta(days=1))
    for code, expected in (
        ("NOPE1234", RefusalCode.UNKNOWN_APPOINTMENT),
        ("!!", RefusalCode.UNKNOWN_APPOINTMENT),
        ("TOMORROW1", RefusalCode.APPOINTMENT_NOT_TODAY),
    ):
        with pytest.raises(QueueRefused) as refused:
            appointments.check_in(code)
        assert refused.value.code is expected
    assert count_tickets(db) == 0


def test_a_refused_issue_releases_the_claim(
    appointments: AppointmentDesk, queue: QueueService, db: Database, clock: FixedClock
) -> None:
    today = queue.rules.day(queue.now_ms())
    appointments.book("LATE0001", "BIZ", today)
    with db.write() as s:
        s.execute(update(Service).where(Service.code == "BIZ").values(cutoff_min=1))
    with pytest.raises(QueueRefused) as refused:
        AppointmentDesk(QueueService(db, clock=clock)).check_in("LATE0001")
    assert refused.value.code is RefusalCode.PAST_CUTOFF
    with db.read() as s:
        row = s.execute(select(Appointment.checked_in_ms, Appointment.ticket_id)).one()
    assert tuple(row) == (None, None)
    assert count_tickets(db) == 0


def test_codes_are_normalised() -> None:
    assert normalise_code(" ab-12 34\n") == "AB-1234"


# ---------------------------------------------------------------- supervisor actions
def test_supervisor_actions_are_recorded_with_the_supervisors_name(
    desk: SupervisorDesk, queue: QueueService, boss: Supervisor
) -> None:
    queue.issue("BIZ")
    queue.issue("BIZ")
    desk.open_window(3)
    desk.set_window_services(3, ["SOCIAL", "BIZ"])
    desk.prioritise("A002")
    desk.transfer_ticket("A001", to_service="SOCIAL")
    desk.cancel_ticket("A002")
    desk.close_window(3)
    log = Oversight(queue).supervisor_actions(queue.rules.day(queue.now_ms()))
    assert [(a.kind, a.ticket_number, a.window_number) for a in log] == [
        ("window_open", None, 3),
        ("window_services", None, 3),
        ("prioritise", "A002", None),
        ("transfer", "A001", None),
        ("cancel", "A002", None),
        ("window_closed", None, 3),
    ]
    assert {a.supervisor for a in log} == {boss.name}
    assert "supervisor 大厅值班长" in (log[1].detail or "")


def test_window_services_change_what_the_window_calls(
    desk: SupervisorDesk, queue: QueueService
) -> None:
    desk.set_window_services(8, ["SOCIAL"])
    status = next(w for w in queue.status().windows if w.number == 8)
    assert status.service_codes == ("SOCIAL",)
    desk.open_window(8)
    queue.issue("PICKUP")
    social = queue.issue("SOCIAL").ticket
    called = queue.call_next(8)  # this client never read window 8's services before
    assert called is not None
    assert called.number == social.number


def test_prioritised_ticket_is_called_before_earlier_normal_ones(
    desk: SupervisorDesk, queue: QueueService
) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.issue("BIZ")
    assert desk.prioritise("A002").priority_class is PriorityClass.PRIORITY
    called = queue.call_next(1)
    assert called is not None
    assert called.number == "A002"


def test_transfer_to_a_window_sends_the_ticket_there(
    desk: SupervisorDesk, queue: QueueService
) -> None:
    queue.open_window(1)
    queue.open_window(2)
    queue.issue("BIZ")
    queue.issue("BIZ")
    moved = desk.transfer_ticket("A002", to_window=2)
    assert moved.state is TicketState.WAITING
    called = queue.call_next(2)
    assert called is not None
    assert called.number == "A002"


@pytest.mark.parametrize(
    ("action", "code"),
    [
        (lambda d: d.close_window(99), RefusalCode.UNKNOWN_WINDOW),
        (lambda d: d.set_window_services(1, []), RefusalCode.INVALID_ARGUMENT),
        (lambda d: d.set_window_services(1, ["BIZ", "NOPE"]), RefusalCode.UNKNOWN_SERVICE),
        (lambda d: d.transfer_ticket("A001"), RefusalCode.INVALID_ARGUMENT),
        (lambda d: d.transfer_ticket("Z999", to_service="BIZ"), RefusalCode.UNKNOWN_TICKET),
        (lambda d: d.prioritise("Z999"), RefusalCode.UNKNOWN_TICKET),
    ],
)
def test_bad_supervisor_requests_change_nothing(
    desk: SupervisorDesk, queue: QueueService, action: object, code: RefusalCode
) -> None:
    before = queue.status()
    with pytest.raises(QueueRefused) as refused:
        action(desk)  # type: ignore[operator]
    assert refused.value.code is code
    assert queue.status() == before


def test_a_window_at_work_cannot_be_closed(desk: SupervisorDesk, queue: QueueService) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.call_next(1)
    with pytest.raises(QueueRefused) as refused:
        desk.close_window(1)
    assert refused.value.code is RefusalCode.WINDOW_BUSY
    with pytest.raises(QueueRefused):
        desk.transfer_ticket("A001", to_service="SOCIAL")  # called: the window's clerk moves it


# ---------------------------------------------------------------- dashboard and alerts
def test_dashboard_shows_windows_and_services(queue: QueueService, clock: FixedClock) -> None:
    queue.open_window(1, user_id=1)
    queue.issue("BIZ")
    queue.issue("BIZ")
    clock.advance(minutes=6)
    queue.call_next(1, user_id=1)
    queue.start(1)
    clock.advance(minutes=4)
    queue.finish(1)
    board = Oversight(queue).dashboard()
    w1 = board.windows[0]
    assert (w1.number, w1.state, w1.served_today, w1.average_service_s) == (
        1,
        WindowState.OPEN,
        1,
        240.0,
    )
    assert w1.clerk == "窗口1办事员"
    biz = next(s for s in board.services if s.code == "BIZ")
    assert (biz.waiting, biz.longest_wait_s, biz.average_wait_s) == (1, 600, 360.0)
    assert biz.open_windows == 1
    assert biz.estimated_wait_min == 15  # 1 waiting x 15 min default, one open window
    pickup = next(s for s in board.services if s.code == "PICKUP")
    assert (pickup.open_windows, pickup.estimated_wait_min) == (1, 0)  # window 1 serves all
    queue.close_window(1)
    closed = Oversight(queue).dashboard()
    assert {(s.open_windows, s.estimated_wait_min) for s in closed.services} == {(0, None)}


def test_alerts_raise_and_clear_with_their_cause(
    queue: QueueService, desk: SupervisorDesk, clock: FixedClock
) -> None:
    oversight = Oversight(queue)
    limits = AlertThresholds(pause_min=10, crowd=2)
    assert find_alerts(oversight.dashboard(), limits) == ()
    for _ in range(3):
        queue.issue("PICKUP")
    alerts = find_alerts(oversight.dashboard(), limits)
    assert Alert(AlertKind.UNSERVED, "PICKUP", 3, 0) in alerts
    assert Alert(AlertKind.CROWDED, "PICKUP", 3, 2) in alerts
    queue.open_window(2)
    queue.pause_window(2, "break")
    clock.advance(minutes=31)
    kinds = {(a.kind, a.subject) for a in find_alerts(oversight.dashboard(), limits)}
    assert (AlertKind.LONG_WAIT, "PICKUP") in kinds  # default threshold 30 min
    assert (AlertKind.LONG_PAUSE, "2") in kinds
    desk.open_window(8)
    desk.open_window(2)
    for _ in range(3):
        assert queue.call_next(8) is not None
        queue.start(8)
        queue.finish(8)
    assert find_alerts(oversight.dashboard(), limits) == ()


# ---------------------------------------------------------------- display, charts, export
def test_recent_calls_newest_first_with_recalls(queue: QueueService, clock: FixedClock) -> None:
    queue.open_window(1)
    queue.open_window(2)
    queue.issue("BIZ")
    queue.issue("BIZ")
    queue.call_next(1)
    clock.advance(seconds=5)
    queue.call_next(2)
    clock.advance(seconds=5)
    queue.recall(1)
    calls = Oversight(queue).display(calls=5).calls
    assert [(c.number, c.window_number, c.recall_count) for c in calls] == [
        ("A001", 1, 1),
        ("A002", 2, 0),
    ]


def test_hourly_profile_counts_arrivals_and_waits(queue: QueueService, clock: FixedClock) -> None:
    queue.open_window(1)
    queue.issue("BIZ")  # 09:30
    clock.advance(minutes=40)  # 10:10
    queue.issue("BIZ")
    queue.call_next(1)
    profile = Oversight(queue).hourly(queue.rules.day(queue.now_ms()))
    assert profile.hours[9].arrivals == 1
    assert profile.hours[9].average_wait_s == 40 * 60
    assert (profile.hours[10].arrivals, profile.hours[10].average_wait_s) == (1, None)
    assert sum(h.arrivals for h in profile.hours) == 2


def test_stats_export_to_csv_and_xlsx(queue: QueueService, tmp_path: Path) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.call_next(1)
    queue.start(1)
    queue.finish(1)
    day = queue.rules.day(queue.now_ms())
    stats = queue.stats(day, day)
    write_csv(stats, tmp_path / "s.csv")
    write_xlsx(stats, tmp_path / "s.xlsx")
    with (tmp_path / "s.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][0] == "分组 group"
    assert ["service", "BIZ", "1", "1", "0", "0", "0.0", "0.0", "0.0", "0.0"] in rows
    assert rows[-1][:3] == ["total", "total", "1"]
    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[2][:4] == ["service", "BIZ", 1, 1]
    assert values[-1][:3] == ["total", "total", 1]
    assert not list(tmp_path.glob("*.part"))


def test_a_clerk_cannot_make_supervisor_changes_through_the_desk(
    db: Database, queue: QueueService
) -> None:
    from clerk_app.audit.service import AuditService  # noqa: PLC0415
    from clerk_app.queue.types import QueueRefused, RefusalCode  # noqa: PLC0415
    from tests.snapshot import snapshot  # noqa: PLC0415

    clerk = next(u for u in AuthService(db).list_users() if u.username == "clerk2")
    desk = SupervisorDesk(queue, Supervisor(clerk.user_id, clerk.display_name))
    queue.issue("BIZ")
    before = snapshot(db)
    with pytest.raises(QueueRefused) as caught:
        desk.open_window(5)
    assert caught.value.code is RefusalCode.NOT_PERMITTED
    denied = [e for e in AuditService(db).entries(0, 2**62) if e.action == "auth.access_denied"]
    assert [(d.actor, d.outcome) for d in denied] == [(clerk.display_name, "denied")]
    after = snapshot(db)
    assert {k: v for k, v in after.items() if k not in ("audit_record", "audit_head")} == {
        k: v for k, v in before.items() if k not in ("audit_record", "audit_head")
    }
