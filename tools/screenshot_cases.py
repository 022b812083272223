"""Cases, decisions and ratings for ``make screenshots`` (tools/screenshots.py), all through the
real services on the demo hall's database: two weeks of intake at window 3, the back office's
decisions applied as sync applies them (``apply_server_status``), one handover, and ratings of
finished tickets. Names and ID numbers are made up (valid check digits, see clerk_app.demo_cases).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from clerk_app.accounts.roles import Role, UserInfo
from clerk_app.accounts.users import UserAdmin
from clerk_app.db.intake_models import IntakeCase
from clerk_app.demo import DEMO_BRANDING, DEMO_PAPERS
from clerk_app.demo_cases import DEMO_ITEM, GIVEN, SURNAMES, resident_id, synthetic_scan
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.mailing import MailingInput
from clerk_app.intake.rules import Decision
from clerk_app.intake.types import (
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    DecisionResult,
    IdType,
    PageRef,
)
from clerk_app.ratings.types import BadReason, Indicator, RatingInput
from clerk_app.results.status import apply_server_status
from clerk_app.results.types import HandoverMethod, HandoverRequest, Recipient, ServerStatus
from clerk_app.services import Services, build_services
from clerk_app.settings import PrintingSettings, Settings
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from printing.config import FilePrinterConfig, PrintRoutes
from ui.intake.panel import IntakeDeps
from ui.intake.wiring import build_figures, build_intake
from ui.supervisor.figures_panel import FiguresDeps

HALL = "CC01"
WINDOW = 3
GOT = MaterialRecord(received=True, original_checked=True, copies=1)
MATERIALS = ("M01", "M02", "M03", "M04")
TZ = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class CaseWorld:
    """The services the clerk's and the supervisor's tabs are built on."""

    services: Services
    intake: IntakeDeps
    figures: FiguresDeps
    cipher: PersonalDataCipher
    blobs: BlobStore


def build_world(db: Database, clock: FixedClock, tmp: Path) -> CaseWorld:
    """The app's own parts (``ui.intake.wiring``), on a throwaway key, the clock and a file
    printer."""
    services = build_services(
        Settings(),
        db,
        hall_code=HALL,
        clock=clock,
        key_ring=new_ring(Algorithm.SM4_GCM, clock.now_ms()),
        printing=PrintingSettings(
            printers=(FilePrinterConfig(name="a4", directory=str(tmp / "printed")),),
            routes=PrintRoutes((("window.*", "a4"),)),
            branding=DEMO_BRANDING,
        ),
        papers=DEMO_PAPERS,
        blob_dir=tmp / "blobs",
    )
    intake = build_intake(services, demo=True)
    assert intake is not None  # the key ring is given
    return CaseWorld(
        services, intake, build_figures(services, intake), services.cipher, services.blobs
    )


class CaseMaker:
    """Applicants and scans for the cases of the demo item (个体工商户注册登记)."""

    def __init__(self, world: CaseWorld, clerk: UserInfo) -> None:
        self._world = world
        self._clerk = clerk
        self._rng = random.Random(2026)  # noqa: S311 - demo data
        self._seq = 0

    def applicant(self) -> ApplicantInput:
        rng = self._rng
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))
        phone = f"13{rng.randint(100000000, 999999999)}"
        return ApplicantInput(
            ApplicantKind.PERSON, name, IdType.RESIDENT_ID, resident_id(rng), phone, "长春市南关区"
        )

    def _pages(self, materials: tuple[str, ...]) -> tuple[PageRef, ...]:
        pages = []
        for material in materials:
            self._seq += 1
            data = synthetic_scan(self._rng, f"{self._seq}-{material}")
            sha = self._world.blobs.put_bytes(data)
            pages.append(PageRef(sha, "image/png", 620, 877, len(data), 150, None, material))
        return tuple(pages)

    def decide(
        self,
        applicant: ApplicantInput,
        decision: Decision,
        ticket_id: int,
        *,
        deferred: str | None = None,
    ) -> DecisionResult:
        """A case decided at window 3: every material received, ``deferred`` one promised later."""
        records = dict.fromkeys(MATERIALS, GOT)
        scanned: tuple[str, ...] = MATERIALS
        intake = self._world.intake.papers.intake
        if deferred is not None:
            supply_by = intake.today() + dt.timedelta(days=1)
            records[deferred] = MaterialRecord(deferred=True, supply_by=supply_by)
            scanned = tuple(m for m in MATERIALS if m != deferred)
        pages = self._pages(scanned)
        draft = CaseDraft(applicant, DEMO_ITEM, "01", records, pages, ticket_id=ticket_id)
        if decision is Decision.ONE_TIME_NOTICE:
            draft = replace(draft, records={}, pages=())
        return intake.decide(draft, decision, self._clerk, window=WINDOW)


class Counter:
    """Window 3 serving each applicant as a ticket, rated on the window's pad afterwards."""

    def __init__(self, db: Database, world: CaseWorld, clock: FixedClock) -> None:
        auth = world.services.auth
        self.clerk = auth.authenticate("clerk3", "clerk3-demo")
        admin = auth.authenticate("admin", "admin-demo")
        self._pad = UserAdmin(db, auth, clock=clock).create_user(
            "pad03", "3号窗口评价器", Role.CLERK, "Pad-03-demo-Password!", by=admin
        )
        self._queue = world.services.queue
        self._ratings = world.figures.ratings

    def serve(self) -> int:
        queue, user = self._queue, self.clerk.user_id
        queue.open_window(WINDOW, user)
        queue.issue("BIZ")
        queue.call_next(WINDOW, user)
        return queue.start(WINDOW, user_id=user).ticket_id

    def finish(self, level: int) -> None:
        queue, user = self._queue, self.clerk.user_id
        ticket = queue.finish(WINDOW, user_id=user).ticket_id
        queue.close_window(WINDOW, user)
        assert self._ratings is not None
        rating = RatingInput(
            ticket,
            dict.fromkeys(Indicator, level),
            comment=COMMENT.get(level, ""),
            reasons=REASONS if level <= 2 else frozenset(),
        )
        self._ratings.submit(rating, self._pad)


def _pull(
    db: Database, clock: FixedClock, case_id: int, status: str, detail: dict[str, Any]
) -> None:
    """What sync does with a ``case.status`` change it pulls from the central server."""
    version = 1 + db.run_read(lambda s: _server_version(s, case_id))
    event = ServerStatus(version * 1000 + case_id, version, status, clock.now_ms(), None, detail)
    db.run_write(lambda s: apply_server_status(s, case_id, event, clock.now_ms()))


def _server_version(session: Session, case_id: int) -> int:
    return int(session.get_one(IntakeCase, case_id).server_version)


def _certificate(number: str, holder: str, day: dt.date) -> dict[str, str]:
    return {
        "number": number,
        "result_name": "个体工商户营业执照",
        "holder": holder,
        "scope": "餐饮服务",
        "valid_from": day.isoformat(),
        "issuing_authority": "示范市市场监督管理局",
        "issued_at": f"{day.isoformat()}T10:00:00+08:00",
        "verification_code": f"V{number[-4:]}",
    }


def _at(clock: FixedClock, day: dt.date, hour: int, minute: int = 0) -> None:
    clock.set(dt.datetime.combine(day, dt.time(hour, minute), TZ))


@dataclass(frozen=True)
class Intake:
    """One case at window 3 and what became of it."""

    day: int  # days before ``today``
    decision: Decision
    outcome: str = ""  # the server's status, pulled ``after`` days later
    after: int = 0
    deferred: str | None = None  # a material promised later
    collected: bool = False  # the applicant collected the certificate the day it came


HISTORY = (  # today is Tuesday 24 November; every day below is a working day
    Intake(14, Decision.ACCEPT, "approved", 2),  # waiting 12 days: shown yellow at pickup
    Intake(13, Decision.ACCEPT, "approved", 2, collected=True),
    Intake(13, Decision.DEFERRAL, "approved", 5, deferred="M03"),  # M03 still missing
    Intake(12, Decision.ACCEPT, "supplement_requested", 4),
    Intake(8, Decision.ACCEPT, "rejected", 2),
    Intake(8, Decision.ONE_TIME_NOTICE),
    Intake(7, Decision.ACCEPT, "approved", 1, collected=True),
    Intake(6, Decision.ACCEPT, "approved", 2),
    Intake(5, Decision.ACCEPT, "supplement_requested", 1),
    Intake(4, Decision.ACCEPT, "approved", 3),
    Intake(1, Decision.ACCEPT),
    Intake(1, Decision.DEFERRAL, deferred="M03"),
)
RATED = {3: 4, 7: 2}  # the applicant's marks after these cases; 5 after the others
COMMENT = {2: "等候时间太长，窗口人员态度不耐烦"}
REASONS = frozenset({BadReason.LONG_WAIT, BadReason.ATTITUDE})
DETAIL = {
    "rejected": {"reason": "经营场所不符合要求"},
    "supplement_requested": {"reason": "请补正经营场所使用证明"},
}


@dataclass(frozen=True)
class Decided:
    day: dt.date
    case_id: int
    status: str
    applicant: ApplicantInput
    collected: bool


def history(db: Database, world: CaseWorld, clock: FixedClock, today: dt.date) -> None:
    """Two weeks of cases at window 3 (clerk3), decided by the back office, some collected."""
    counter = Counter(db, world, clock)
    clerk = counter.clerk
    maker = CaseMaker(world, clerk)
    decided: list[Decided] = []
    for n, step in enumerate(HISTORY):
        day = today - dt.timedelta(days=step.day)
        _at(clock, day, 9 + n % 6, 10 * (n % 5))
        applicant = maker.applicant()
        ticket = counter.serve()
        result = maker.decide(applicant, step.decision, ticket, deferred=step.deferred)
        counter.finish(RATED.get(n, 5))
        if step.outcome:
            when = day + dt.timedelta(days=step.after)
            decided.append(Decided(when, result.case_id, step.outcome, applicant, step.collected))
    for number, case in enumerate(sorted(decided, key=lambda d: (d.day, d.case_id)), start=101):
        _at(clock, case.day, 15)
        detail: dict[str, Any] = dict(DETAIL.get(case.status, {}))
        if case.status == "approved":
            certificate = f"证字〔2026〕第000{number}号"
            detail["certificate"] = _certificate(certificate, case.applicant.name, case.day)
        _pull(db, clock, case.case_id, case.status, detail)
        if case.collected:
            clock.advance(minutes=40)
            _collect(world, case, clerk)


def _collect(world: CaseWorld, case: Decided, clerk: UserInfo) -> None:
    results = world.intake.results
    assert results is not None
    who = Recipient(case.applicant.name, case.applicant.id_value)
    results.results.hand_over(HandoverRequest(case.case_id, HandoverMethod.PICKUP, who), clerk)


def mailed_case(world: CaseWorld, clerk: UserInfo, db: Database, clock: FixedClock) -> str:
    """An approved case whose applicant chose mailing at intake (the mailed handover's shot)."""
    maker = CaseMaker(world, clerk)
    applicant = maker.applicant()
    mailing = MailingInput(
        applicant.name, "13912345678", "吉林省", "长春市", "南关区", "人民大街88号3单元", "130022"
    )
    draft = CaseDraft(
        applicant,
        DEMO_ITEM,
        "01",
        dict.fromkeys(MATERIALS, GOT),
        maker._pages(MATERIALS),
        mailing=mailing,
    )
    case = world.intake.papers.intake.decide(draft, Decision.ACCEPT, clerk, window=WINDOW)
    day = dt.datetime.fromtimestamp(clock.now_ms() / 1000, TZ).date()
    detail = {"certificate": _certificate("证字〔2026〕第000199号", applicant.name, day)}
    _pull(db, clock, case.case_id, "approved", detail)
    return case.case_number
