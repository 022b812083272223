"""``make screenshots``: the hall's screens with demo data, as PNGs in docs/screenshots/ for the
guides: kiosk, display and live dashboard at 1920x1080; sign-in; window 3's queue, intake and
pickup tabs, a handover and the sync indicator and panel (the central server unreachable); the
applicant's screen beside that intake (the materials, then the paper to sign with some ink on
the pad) and the signing dialog on the clerk's screen; the supervisor's figures; last, with the
demo central server running again, 查证照 finding the demo applicant's resident ID card, and a
mistyped licence number the registry did not confirm, in the clerk's sync panel and on the
supervisor's dashboard; the intake's 信用核查 of the demo's listed applicant, and a ticket
opted in to 短信提醒 at the kiosk keypad whose message the server sent, called at window 3.
Cases,
decisions and ratings come from tools/screenshot_cases.py; the clock is fixed (Tuesday 24
November 2026, Beijing time). ``--lang en`` writes the clerk's and supervisor's screens in
English as ``*-en.png``. Run under Xvfb (``xvfb-run``); Chinese text needs a CJK font
(Debian's fonts-wqy-microhei, see tools/system-deps.sh).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py [--lang en]

``--only NAME …`` writes just those shots (the others are still laid out, unwritten).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView, QWidget  # noqa: E402

from bench.silent import SilentVoice  # noqa: E402
from clerk_app.accounts.roles import UserInfo  # noqa: E402
from clerk_app.bootstrap import open_database  # noqa: E402
from clerk_app.credit.types import CreditState  # noqa: E402
from clerk_app.demo import seed_demo  # noqa: E402
from clerk_app.demo_cases import DEMO_ITEM, synthetic_scan  # noqa: E402
from clerk_app.intake.checklist import MaterialRecord  # noqa: E402
from clerk_app.intake.fees import PaymentMethod  # noqa: E402
from clerk_app.intake.rules import Decision  # noqa: E402
from clerk_app.intake.types import (  # noqa: E402
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    IdType,
    PageRef,
)
from clerk_app.licences.demo import DEMO_PERSON  # noqa: E402
from clerk_app.queue.alerts import AlertThresholds  # noqa: E402
from clerk_app.queue.appointments import AppointmentDesk, lookup_hasher  # noqa: E402
from clerk_app.queue.oversight import Oversight  # noqa: E402
from clerk_app.queue.service import QueueService  # noqa: E402
from clerk_app.queue.supervision import Supervisor, SupervisorDesk  # noqa: E402
from clerk_app.ratings.types import Indicator, Level  # noqa: E402
from clerk_app.services import Services  # noqa: E402
from clerk_app.sync import state  # noqa: E402
from clerk_app.sync.demo_server import DEMO_LISTED, start_demo_server  # noqa: E402
from clerk_app.sync.status import SyncMonitor  # noqa: E402
from onewindow_base.clock import FixedClock  # noqa: E402
from onewindow_base.db.engine import Database  # noqa: E402
from onewindow_protocol.wire.ops import BadReason  # noqa: E402
from printing.documents import QueueTicketDoc  # noqa: E402
from tools.screenshot_cases import (  # noqa: E402
    GOT,
    CaseMaker,
    CaseWorld,
    build_world,
    history,
    mailed_case,
)
from ui.applicant.rating import RatingScreen  # noqa: E402
from ui.applicant.screen import ApplicantScreen  # noqa: E402
from ui.applicant.signing import ApplicantSigning  # noqa: E402
from ui.clerk.main_window import ClerkWindow  # noqa: E402
from ui.display.display import HallDisplay  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.intake.checklist_edits import ORIGINAL, RECEIVED  # noqa: E402
from ui.intake.checklist_model import MATERIAL  # noqa: E402
from ui.kiosk.kiosk import KioskScreen  # noqa: E402
from ui.login import ClerkSession, LoginDialog  # noqa: E402
from ui.signature.dialog import SigningDialog  # noqa: E402
from ui.signature.pad import SignaturePad  # noqa: E402
from ui.signature.panel import SigningPanel  # noqa: E402
from ui.supervisor.dashboard import SupervisorDashboard  # noqa: E402
from ui.supervisor.figures_panel import FiguresPanel  # noqa: E402
from ui.supervisor.main_window import SupervisorWindow  # noqa: E402
from ui.sync.controller import SyncController  # noqa: E402
from ui.sync.status_bar import SyncStatusBar  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402
from ui.voice.announcer import Announcer  # noqa: E402
from ui.watcher import HallWatcher  # noqa: E402

PEN = QPointingDevice(
    "screenshot pen",
    4711,
    QInputDevice.DeviceType.Stylus,
    QPointingDevice.PointerType.Pen,
    QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
    1,
    3,
)
SIZE = (1920, 1080)
DEMO_CARD = "11010519491231002X"  # the ID card standard's example number
KIOSK_PHONE = "13904310025"  # made up
TEXTED_PHONE = "13904310036"
CLERK_SIZE = (1600, 960)
SUPERVISOR_SIZE = (1600, 1000)
TZ = ZoneInfo("Asia/Shanghai")
MORNING = dt.datetime(2026, 11, 24, 8, 40, tzinfo=TZ)  # a Tuesday


class PaperPrinter:
    def print_ticket(self, ticket: QueueTicketDoc, ticket_id: int) -> None:
        del ticket, ticket_id  # the screenshot shows the screen, not the paper


def _day(queue: QueueService, clock: FixedClock, users: dict[str, int], tickets: int) -> None:
    """A morning of traffic: arrivals every ~2 minutes, windows serving as they go."""
    services = ("SOCIAL", "PICKUP", "BIZ", "CIVIL", "SOCIAL", "PERMIT", "PICKUP", "BUILD")
    for number in range(1, 9):
        queue.open_window(number, users.get(f"clerk{number}"))
    for i in range(tickets):
        queue.issue(services[i % len(services)])
        clock.advance(minutes=2 + i % 3)
        window = i % 8 + 1
        for step in (queue.finish, queue.start):
            try:
                step(window)
            except Exception:  # noqa: BLE001, S112 - whatever state the window is in
                continue
        if i % 3 == 0:
            queue.call_next(window, users.get(f"clerk{window}"))


def demo_data(services: Services) -> QueueService:
    users = {u.username: u.user_id for u in services.auth.list_users()}
    last_week = FixedClock(MORNING - dt.timedelta(days=7))
    _day(replace(services, clock=last_week).queue, last_week, users, 90)
    queue, clock = services.queue, services.clock
    assert isinstance(clock, FixedClock)
    _day(queue, clock, users, 60)
    for _ in range(14):
        queue.issue("SOCIAL")
    if _idle(queue, 6):
        queue.pause_window(6, "meeting")
    AppointmentDesk(queue).book("YY-20261124-0031", "PERMIT", clock_day(queue))
    return queue


def _idle(queue: QueueService, number: int) -> bool:
    window = next(w for w in queue.status().windows if w.number == number)
    return window.current is None


def clock_day(queue: QueueService) -> dt.date:
    return queue.rules.day(queue.now_ms())


def shoot(widget: QWidget, name: str, out: Path, size: tuple[int, int] = SIZE) -> None:
    widget.resize(*size)
    widget.show()
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")


def settle() -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()


def fitted(widget: QWidget) -> tuple[int, int]:
    size = widget.sizeHint().expandedTo(widget.minimumSizeHint())
    return size.width(), size.height()


@dataclass
class Hall:
    """The demo hall's database and services on the fixed clock, and where the PNGs go."""

    db: Database
    clock: FixedClock
    queue: QueueService
    world: CaseWorld
    runner: TaskRunner
    watcher: HallWatcher
    users: dict[str, UserInfo]
    out: Path
    suffix: str  # "" for Chinese, "-en" for English
    tmp: Path
    only: frozenset[str] = frozenset()  # the shots to write (their names without -en); all

    def shoot(self, widget: QWidget, name: str, size: tuple[int, int] = SIZE) -> None:
        if self.only and name not in self.only:  # laid out and shown all the same
            widget.resize(*size)
            widget.show()
            settle()
            return
        shoot(widget, name + self.suffix, self.out, size)


def hall_screens(hall: Hall) -> list[QWidget]:
    """The kiosk, the hall display and the supervisor's live dashboard."""
    queue, clock, runner, users = hall.queue, hall.clock, hall.runner, hall.users
    notifications = hall.world.services.notifications  # the hall is enrolled: 短信提醒
    kiosk = KioskScreen(
        queue, AppointmentDesk(queue), PaperPrinter(), runner, notifications=notifications
    )
    hall.shoot(kiosk, "kiosk-start")
    kiosk.service_buttons["BIZ"].click()
    hall.shoot(kiosk, "kiosk-ticket")
    kiosk.sms_offer.click()  # 短信提醒: the keypad, the consent, a number being typed
    for digit in KIOSK_PHONE:
        kiosk.sms_keys[digit].click()
    hall.shoot(kiosk, "kiosk-sms")
    kiosk.sms_ok.click()
    kiosk.close()
    kiosk = _check_in_kiosk(hall)

    display = HallDisplay(Oversight(queue), runner, hall.watcher, Announcer(SilentVoice()))
    clock.advance(minutes=1)
    if _serving(queue, 3):
        queue.finish(3)
    if _idle(queue, 3):
        queue.call_next(3, users["clerk3"].user_id)
    display.refresh()
    hall.shoot(display, "display")

    dashboard = _dashboard(hall)
    clock.advance(minutes=25)
    dashboard.refresh()
    hall.shoot(dashboard, "dashboard")
    dashboard.tabs.setCurrentIndex(1)
    hall.shoot(dashboard, "dashboard-charts")
    return [kiosk, display, dashboard]


def _check_in_kiosk(hall: Hall) -> KioskScreen:
    """Check-in: the code page (bookings synced 40 minutes ago: said plainly), and an ID card
    whose holder has two bookings today (the choice)."""
    queue, clock = hall.queue, hall.clock
    desk = AppointmentDesk(queue, id_hash=lookup_hasher(hall.world.cipher.lookup_hash))
    soon = (queue.rules.minute_of_day(clock.now_ms()) // 30 + 1) * 30  # the next half hour
    for code, service, slot in (("YY-8K2Q7Z", "PERMIT", soon), ("YY-M4TW9C", "SOCIAL", soon + 30)):
        desk.book(code, service, clock_day(queue), slot, id_number=DEMO_CARD)
    with hall.db.write() as session:
        row = state.load(session, for_update=True)
        row.appointments_etag, row.last_success_ms = '"demo"', clock.now_ms() - 40 * 60_000
    kiosk = KioskScreen(queue, desk, PaperPrinter(), hall.runner, card_reader=lambda: DEMO_CARD)
    kiosk.show_appointment()
    hall.shoot(kiosk, "kiosk-check-in")
    kiosk.by_card.click()
    hall.shoot(kiosk, "kiosk-check-in-choose")
    return kiosk


def _dashboard(hall: Hall, *, licences: bool = False) -> SupervisorDashboard:
    boss = hall.users["supervisor"]
    failures = hall.world.services.licence_failures
    return SupervisorDashboard(
        Oversight(hall.queue),
        SupervisorDesk(hall.queue, Supervisor(boss.user_id, boss.display_name)),
        hall.queue,
        hall.runner,
        hall.watcher,
        AlertThresholds(pause_min=20, crowd=10),
        licences=(failures, boss) if licences else None,
    )


def login_screen(hall: Hall) -> LoginDialog:
    login = LoginDialog(hall.world.services.auth, hall.queue, hall.runner, 3)
    login.username.setText("clerk3")
    login.password.setText("clerk3-demo")
    hall.shoot(login, "login", fitted(login))
    return login


def clerk_window(hall: Hall, user: str, number: int) -> ClerkWindow:
    return ClerkWindow(
        hall.queue,
        hall.runner,
        ClerkSession(hall.users[user], number),
        hall.watcher,
        auth=hall.world.services.auth,
        idle_lock_minutes=10,  # the default; the shots take seconds
        intake=hall.world.intake,
    )


def clerk_screens(hall: Hall, sync: SyncController) -> list[QWidget]:
    """Window 3: the queue, an application being taken in, the pickup list and a handover,
    the sync indicator and panel (the central server is unreachable: cases wait to be sent)."""
    window = clerk_window(hall, "clerk3", 3)
    bar = SyncStatusBar(window, sync, hall.users["clerk3"])
    sync.sync_now()
    hall.shoot(window, "window-caller", CLERK_SIZE)
    assert window.intake is not None
    window.tabs.setCurrentWidget(window.intake)
    fill_intake(window, hall)
    hall.shoot(window, "window-intake", CLERK_SIZE)
    pickup_screens(window, hall)
    fees_and_mail_screens(window, hall)
    window.tabs.setCurrentWidget(window.panel)
    sync_screens(window, bar, hall)
    return [window, applicant_screens(window, hall)]


def applicant_screens(window: ClerkWindow, hall: Hall) -> QWidget:
    """The applicant's screen beside window 3's intake: the materials as ticked, then the
    one-time notice the clerk decides, to be signed there (请申请人签名) with a pen; and, the
    counter without that screen, the signing dialog on the clerk's."""
    panel = window.intake
    assert panel is not None
    assert panel.paper.signing is not None
    window.tabs.setCurrentWidget(panel)
    fill_intake(window, hall)  # the fees shot after window-intake left a new, empty case
    rules = hall.queue.rules
    screen = ApplicantScreen((rules.name_zh, rules.name_en), 3, hall.runner)
    screen.resize(*SIZE)
    screen.follow(panel)
    hall.shoot(screen, "applicant-materials")
    surface = ApplicantSigning(screen, hall.world.intake.papers.printer)
    window.sign_on(surface)
    panel.paper.sign.setChecked(True)
    panel.decide(Decision.ONE_TIME_NOTICE)
    settle()
    pad = screen.signing_page.signing_widget
    assert isinstance(pad, SigningPanel)
    write_signature(pad.pad)
    hall.shoot(screen, "applicant-signing")
    surface.cancel()  # the clerk's 取消; then the same paper without the applicant's screen
    window.sign_on(None)
    panel.paper.reprint()
    asked = panel.paper.signing.panel
    assert asked is not None
    dialog = asked.window()
    assert isinstance(dialog, SigningDialog)
    dialog.resize(760, 460)
    settle()
    write_signature(dialog.pad)
    hall.shoot(dialog, "signing-dialog", (760, 460))
    dialog.reject()
    panel.paper.sign.setChecked(False)
    return screen


def write_signature(pad: SignaturePad) -> None:
    """Three strokes of a hand's signature, as a pen tablet sends them (with pressure)."""
    width, height = pad.width(), pad.height()
    for n, (left, right) in enumerate(((0.12, 0.38), (0.40, 0.62), (0.64, 0.88))):
        steps = 40
        points = []
        for i in range(steps + 1):
            t = i / steps
            x = width * (left + (right - left) * t)
            y = height * (0.5 + 0.18 * math.sin(t * math.tau * (1.5 + n * 0.5)) - 0.1 * t)
            pressure = 0.35 + 0.5 * math.sin(math.pi * t)
            points.append((x, y, pressure))
        _pen(pad, QEvent.Type.TabletPress, *points[0])
        for point in points[1:]:
            _pen(pad, QEvent.Type.TabletMove, *point)
        _pen(pad, QEvent.Type.TabletRelease, points[-1][0], points[-1][1], 0.0)
    settle()


def _pen(pad: SignaturePad, kind: QEvent.Type, x: float, y: float, pressure: float) -> None:
    release = kind == QEvent.Type.TabletRelease
    event = QTabletEvent(
        kind,
        PEN,
        QPointF(x, y),
        QPointF(pad.mapToGlobal(QPoint(int(x), int(y)))),
        pressure,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        Qt.KeyboardModifier.NoModifier,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.NoButton if release else Qt.MouseButton.LeftButton,
    )
    QApplication.sendEvent(pad, event)


def pickup_screens(window: ClerkWindow, hall: Hall) -> None:
    pickup = window.pickup
    assert pickup is not None
    window.tabs.setCurrentWidget(pickup)
    pickup.table.selectRow(4)  # approved; the first row is yellow: 12 days waiting
    fit_columns(pickup.table)
    hall.shoot(window, "window-pickup", CLERK_SIZE)
    pickup.hand_over_selected()
    dialog = pickup.handover_dialog
    assert dialog is not None
    width, height = fitted(dialog)
    hall.shoot(dialog, "handover", (max(width, 460), height))
    dialog.close()


def fees_and_mail_screens(window: ClerkWindow, hall: Hall) -> None:
    """A fee item at intake (离婚登记: the fee, its basis, paid with a 非税缴款码; the result to
    be mailed), then the handover of a result the applicant chose to have mailed."""
    panel = window.intake
    assert panel is not None
    window.tabs.setCurrentWidget(panel)
    panel.new_case()
    QTest.keyClicks(panel.picker.search, "ndjmlhdj")
    settle()
    panel.picker.hits.setCurrentRow(0)
    QTest.keyClick(panel.picker.hits, Qt.Key.Key_Return)
    settle()
    maker = CaseMaker(hall.world, hall.users["clerk3"])
    applicant = maker.applicant()
    panel.applicant.id_number.setText(applicant.id_value)
    panel.applicant.name.setText(applicant.name)
    panel.applicant.phone.setText(applicant.phone or "")
    fees = panel.fees
    fees.method.setCurrentIndex(fees.method.findData(PaymentMethod.NONTAX))
    fees.reference.setText("2201 0026 1200 0001 2345")
    panel.delivery.mail.click()
    for field, text in (
        (panel.delivery.province, "吉林省"),
        (panel.delivery.city, "长春市"),
        (panel.delivery.district, "南关区"),
        (panel.delivery.address, "人民大街88号3单元"),
        (panel.delivery.postal_code, "130022"),
    ):
        field.setText(text)
    settle()
    hall.shoot(window, "window-intake-fees", CLERK_SIZE)
    number = mailed_case(hall.world, hall.users["clerk3"], hall.db, hall.clock)
    pickup = window.pickup
    assert pickup is not None
    window.tabs.setCurrentWidget(pickup)
    pickup.refresh()
    settle()
    rows = [pickup.model.entry(r).case_number for r in range(pickup.model.rowCount())]
    pickup.table.selectRow(rows.index(number))
    pickup.hand_over_selected()
    dialog = pickup.handover_dialog
    assert dialog is not None
    dialog.tracking_no.setText("EA123456785CN")
    width, height = fitted(dialog)
    hall.shoot(dialog, "handover-mail", (max(width, 460), height))
    dialog.close()
    panel.new_case()


def sync_screens(window: ClerkWindow, bar: SyncStatusBar, hall: Hall) -> None:
    panel = bar.open_panel()
    fit_columns(*panel.findChildren(QTableView))
    hall.shoot(panel, "sync-panel", (1000, 560))
    panel.close()
    status = window.statusBar()
    hall.shoot(status, "sync-indicator", (760, status.sizeHint().height()))


def fill_intake(window: ClerkWindow, hall: Hall) -> None:
    """A new applicant for 个体工商户注册登记: two materials received and scanned, two to go."""
    panel = window.intake
    assert panel is not None
    maker = CaseMaker(hall.world, hall.users["clerk3"])
    applicant = maker.applicant()
    form = panel.applicant
    form.id_number.setText(applicant.id_value)
    form.name.setText(applicant.name)
    form.phone.setText(applicant.phone or "")
    form.address.setText("长春市南关区人民大街88号")
    QTest.keyClicks(panel.picker.search, "gtgshzcdj")
    settle()
    panel.picker.hits.setCurrentRow(0)
    QTest.keyClick(panel.picker.hits, Qt.Key.Key_Return)
    settle()
    for key in ("M01", "M02"):
        for column in (RECEIVED, ORIGINAL):
            index = panel.checklist.index(panel.checklist.row_of(key), column)
            panel.checklist.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    panel.scans.import_files([scanned_page(hall.tmp, key) for key in ("M01", "M02")])
    for row, key in enumerate(("M01", "M02")):
        panel.scans.select_row(row)
        panel.scans.material.setCurrentIndex(panel.scans.material.findData(key))
        panel.scans.assign_button.click()
    panel.table.setColumnWidth(0, 300)
    settle()


def scanned_page(folder: Path, label: str) -> Path:
    """An A4 page at 150 dpi, as the flatbed scanner saves it: a form with lines on it."""
    image = Image.new("L", (1240, 1754), 250)
    draw = ImageDraw.Draw(image)
    draw.rectangle((80, 80, 1160, 1674), outline=30, width=6)
    draw.text((140, 140), f"OneWindow demo scan {label}", fill=10)
    for line in range(20):
        y = 260 + line * 64
        draw.line((140, y, 300 + (line * 173) % 800, y), fill=90, width=4)
    path = folder / f"scan-{label}.png"
    image.save(path, "PNG", dpi=(150, 150))
    return path


def fit_columns(*views: QTableView) -> None:
    """Columns as wide as their text (what a clerk does by double-clicking the header edge)."""
    for view in views:
        view.resizeColumnsToContents()
        view.horizontalHeader().setStretchLastSection(True)


def figures_screen(hall: Hall) -> list[QWidget]:
    """The supervisor's figures and ratings, this month per day, with the deadline alerts."""
    boss = hall.users["supervisor"]
    figures = FiguresPanel(hall.world.figures, hall.runner, boss)
    window = SupervisorWindow(_dashboard(hall), boss.display_name, figures=figures)
    window.tabs.setCurrentWidget(figures)
    fit_columns(*figures.findChildren(QTableView))
    hall.shoot(window, "supervisor-figures", SUPERVISOR_SIZE)
    return [window]


def helper_screen(hall: Hall) -> QWidget:
    """The helper's desk (帮办代办): the hall queue, a sitting being recorded, one done."""
    from clerk_app.assistance.service import AssistanceInput  # noqa: PLC0415
    from clerk_app.intake.types import AssistanceKind  # noqa: PLC0415
    from ui.helper.window import HelperPanel, HelperWindow  # noqa: PLC0415

    helper = hall.users["helper1"]
    assistance = hall.world.services.assistance
    waiting = assistance.waiting_tickets()
    started = hall.clock.now_ms()
    hall.clock.advance(minutes=12)
    if waiting:
        done = AssistanceInput(
            (AssistanceKind.SELF_SERVICE,), started, ticket_number=waiting[-1].number
        )
        assistance.record(helper, done)
    panel = HelperPanel(assistance, hall.runner, helper)
    window = HelperWindow(panel, helper.display_name, hall.queue.rules.name_zh)
    panel.refresh()
    panel.start()
    for kind in (AssistanceKind.FORM_FILLING, AssistanceKind.MATERIALS):
        panel.kinds[kind].setChecked(True)
    panel.note.setText("申请人年事已高，协助填写申请表")
    fit_columns(panel.queue)
    hall.shoot(window, "helper-desk", CLERK_SIZE)
    return window


def rating_screen(hall: Hall) -> QWidget:
    """Window 3's rating pad after a service rated 不满意 on efficiency: the reasons page."""
    queue, clerk = hall.queue, hall.users["clerk3"].user_id
    hall.clock.advance(minutes=5)
    if _idle(queue, 3):
        queue.issue("BIZ")
        queue.call_next(3, clerk)
    if not _serving(queue, 3):
        queue.start(3, user_id=clerk)
    queue.finish(3, user_id=clerk)
    ratings = hall.world.figures.ratings
    assert ratings is not None
    pad = RatingScreen(ratings, hall.users["pad03"], 3, hall.runner)
    pad.refresh()
    for indicator in Indicator:
        pad.buttons[(indicator, Level.SATISFIED)].click()
    pad.buttons[(Indicator.EFFICIENCY, Level.DISSATISFIED)].click()
    pad.submit_button.click()
    pad.reason_boxes[BadReason.LONG_WAIT].setChecked(True)
    pad.reason_boxes[BadReason.NOT_TOLD_ONCE].setChecked(True)
    hall.shoot(pad, "rating-reasons")
    return pad


DEMO_ITEM_SEARCH = "gtgshzcdj"  # 个体工商户注册登记: M02 经营者身份证明 takes a resident ID card


def licence_screens(hall: Hall) -> list[QWidget]:
    """The demo central server running again (as ``make run`` has it): 查证照 for the demo
    applicant's 经营者身份证明; then a case whose mistyped number the next sync does not
    confirm, in the sync panel and on the supervisor's dashboard."""
    world = hall.world
    server = start_demo_server(hall.db, world.cipher, "CC01", hall.tmp / "central")
    try:
        window = clerk_window(hall, "clerk3", 3)
        panel = window.intake
        assert panel is not None
        assert panel.licences is not None
        window.tabs.setCurrentWidget(panel)
        panel.new_case()
        panel.applicant.id_number.setText(DEMO_PERSON[1])
        panel.applicant.name.setText(DEMO_PERSON[0])
        QTest.keyClicks(panel.picker.search, DEMO_ITEM_SEARCH)
        settle()
        panel.picker.hits.setCurrentRow(0)
        QTest.keyClick(panel.picker.hits, Qt.Key.Key_Return)
        settle()
        m02 = panel.checklist.index(panel.checklist.row_of("M02"), MATERIAL)
        panel.table.setCurrentIndex(m02)
        panel.table.setColumnWidth(MATERIAL, 300)
        panel.licences.button.click()
        settle()
        panel.licences.list.setCurrentRow(0)
        window.resize(*CLERK_SIZE)
        settle()
        panel.table.scrollTo(m02)
        hall.shoot(window, "licence-lookup", CLERK_SIZE)
        server_screens(window, hall)
        case = _typed_licence_case(hall)
        report = world.services.sync.run_cycle(force=True)
        assert report.licences_failed == 1, report
        print(f"{case}: the typed licence number was not confirmed")
    finally:
        server.stop()
    controller = SyncController(
        world.services.sync, SyncMonitor(hall.db, hall_id=hall.queue.rules.hall_id), hall.runner
    )
    bar = SyncStatusBar(window, controller, hall.users["clerk3"])
    controller.refresh()
    sync_panel = bar.open_panel()
    sync_panel.tabs.setCurrentIndex(3)
    sync_panel.resize(1000, 560)
    sync_panel.show()
    fit_columns(*sync_panel.findChildren(QTableView))
    tabs = sync_panel.tabs  # its figures above are the fixed clock's and the history's
    hall.shoot(tabs, "sync-licence-failures", (tabs.width(), tabs.height()))
    sync_panel.close()
    dashboard = _dashboard(hall, licences=True)
    dashboard.refresh()
    fit_columns(dashboard.licence_view)
    hall.shoot(dashboard, "dashboard-licence-alert")
    return [window, dashboard]


def server_screens(window: ClerkWindow, hall: Hall) -> None:
    credit_listed(window, hall)
    texted_ticket(window, hall)


def credit_listed(window: ClerkWindow, hall: Hall) -> None:
    """信用核查 of the demo server's listed applicant (``DEMO_LISTED``) at intake."""
    panel = window.intake
    assert panel is not None
    window.tabs.setCurrentWidget(panel)
    panel.new_case()
    QTest.keyClicks(panel.picker.search, DEMO_ITEM_SEARCH)
    settle()
    panel.picker.hits.setCurrentRow(0)
    QTest.keyClick(panel.picker.hits, Qt.Key.Key_Return)
    settle()
    panel.applicant.name.setText(DEMO_LISTED[0])
    panel.applicant.id_number.setText(DEMO_LISTED[1])
    panel.applicant.phone.setText("13904310047")
    settle()
    assert panel.credit is not None  # the counter is enrolled
    found = panel.credit.check
    assert found is not None
    assert found.state is CreditState.LISTED, found
    hall.shoot(window, "intake-credit-listed", CLERK_SIZE)
    panel.new_case()


def texted_ticket(window: ClerkWindow, hall: Hall) -> None:
    """A ticket opted in to 短信提醒 whose "your turn is near" the demo server sent (the sync
    cycle queues it, pushes it and reads its status back), then called at window 3."""
    queue, clerk = hall.queue, hall.users["clerk3"].user_id
    notifications = hall.world.services.notifications
    assert notifications is not None
    quiet = min(queue.status().services, key=lambda x: x.waiting)
    issued = queue.issue(quiet.code)
    ticket = issued.ticket
    notifications.opt_in_ticket(ticket.ticket_id, TEXTED_PHONE)
    # The demo morning is busy (dozens ahead of any new ticket): this hall texts that service
    # at as many ahead, as ``[notifications] per_service`` would have it.
    engine = hall.world.services.sync
    rules = replace(engine.notifications.rules, per_service={quiet.code: issued.ahead})
    engine.notifications.rules = rules
    report = engine.run_cycle(force=True)
    assert report.ok, report.error
    texted = notifications.ticket_state(ticket.ticket_id)
    assert texted is not None
    assert texted.status == "sent", texted
    if _serving(queue, 3):
        queue.finish(3, user_id=clerk)
    elif not _idle(queue, 3):
        queue.start(3, user_id=clerk)
        queue.finish(3, user_id=clerk)
    queue.call_ticket(3, ticket.number, clerk)
    window.tabs.setCurrentWidget(window.panel)
    window.panel.refresh()
    settle()
    hall.shoot(window, "window-caller-sms", CLERK_SIZE)


def _typed_licence_case(hall: Hall) -> str:
    """Accepted at window 3 with the card's number typed with two digits swapped (待核验)."""
    intake = hall.world.intake.papers.intake
    applicant = ApplicantInput(
        ApplicantKind.PERSON, DEMO_PERSON[0], IdType.RESIDENT_ID, DEMO_PERSON[1], "13904310088"
    )
    number = DEMO_PERSON[1]
    typed = MaterialRecord(elicence_number=number[:12] + number[13] + number[12] + number[14:])
    records = {"M01": GOT, "M02": typed, "M03": GOT, "M04": GOT}
    rng = random.Random(19)  # noqa: S311 - demo scans
    pages = []
    for material in ("M01", "M03", "M04"):
        data = synthetic_scan(rng, f"licence-{material}")
        sha = hall.world.blobs.put_bytes(data)
        pages.append(PageRef(sha, "image/png", 620, 877, len(data), 150, None, material))
    draft = CaseDraft(applicant, DEMO_ITEM, "01", records, tuple(pages))
    return intake.decide(draft, Decision.ACCEPT, hall.users["clerk3"], window=3).case_number


def offline_sync(hall: Hall) -> SyncController:
    """Enrolled with the demo central server as ``make run`` does, which is then stopped."""
    world = hall.world
    server = start_demo_server(hall.db, world.cipher, "CC01", hall.tmp / "central")
    server.stop()
    return SyncController(world.services.sync, SyncMonitor(hall.db), hall.runner)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument(
        "--only",
        nargs="+",
        default=[],
        metavar="NAME",
        help="write only these shots (names without -en, e.g. applicant-signing)",
    )
    args = parser.parse_args()
    os.environ["TZ"] = "Asia/Shanghai"  # times on screen are the hall's, whatever this PC's zone
    time.tzset()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_translators(app, args.lang)
    with tempfile.TemporaryDirectory(prefix="ow-shots-") as tmp_name:
        tmp = Path(tmp_name)
        db = open_database(f"sqlite:///{tmp / 'demo.sqlite3'}")
        seed_demo(db)
        clock = FixedClock(MORNING)
        world = build_world(db, clock, tmp)
        history(db, world, clock, MORNING.date())
        clock.set(MORNING)
        queue = demo_data(world.services)
        runner = TaskRunner(inline=True)
        hall = Hall(
            db,
            clock,
            queue,
            world,
            runner,
            HallWatcher(db, queue.rules.hall_id),  # not started: each screen is read once
            {u.username: u for u in world.services.auth.list_users()},
            out,
            "" if args.lang == "zh_CN" else "-en",
            tmp,
            frozenset(args.only),
        )
        sync = offline_sync(hall)
        # Wired before the enrolment: the intake and window 3 offer 短信 from now on.
        hall.world = replace(
            world, intake=replace(world.intake, notifications=world.services.notifications)
        )
        widgets: list[QWidget] = []
        if args.lang == "zh_CN":  # the English guides show these in Chinese
            widgets += hall_screens(hall)
        widgets += [login_screen(hall), *clerk_screens(hall, sync), *figures_screen(hall)]
        widgets.append(helper_screen(hall))
        widgets.append(rating_screen(hall))
        widgets += licence_screens(hall)
        for widget in widgets:
            widget.close()
        sync.shutdown()
        runner.shutdown()
        db.dispose()
    return 0


def _serving(queue: QueueService, number: int) -> bool:
    window = next(w for w in queue.status().windows if w.number == number)
    return window.current is not None and window.current.state.value == "serving"


if __name__ == "__main__":
    raise SystemExit(main())
