"""Real accepted cases and a stand-in for sync's pull: what the results, ratings and figures
tests build on (both databases, encryption at rest real, keys throwaway)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import Role, UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.db.intake_models import CaseStatusEvent
from clerk_app.db.models import User
from clerk_app.demo import DEMO_BRANDING
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import (
    AgentInput,
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    DecisionResult,
    IdType,
    PageRef,
)
from clerk_app.printjobs.service import PrintService
from clerk_app.results.status import apply_server_status
from clerk_app.results.types import ServerStatus
from clerk_app.settings import PrintingSettings
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from printing.config import FilePrinterConfig, PrintRoutes
from tests.blob_ring import TEST_RING

ITEM = "22010001001700000017"  # 个体工商户注册登记: M01 M02 M04 required, M03 deferrable
ID_NUMBER = "11010519491231002X"
AGENT_ID = "440524188001010014"
GOT = MaterialRecord(received=True, original_checked=True, copies=1)
CERT_NUMBER = "证字〔2026〕第000123号"


@pytest.fixture
def protector(clock: FixedClock) -> PersonalDataCipher:
    return PersonalDataCipher(new_ring(Algorithm.SM4_GCM, clock.now_ms()))


@pytest.fixture
def clerk(db: Database) -> UserInfo:
    return AuthService(db).authenticate("clerk3", "clerk3-demo")


@pytest.fixture
def supervisor(db: Database) -> UserInfo:
    return AuthService(db).authenticate("supervisor", "supervisor-demo")


@pytest.fixture
def pad(db: Database) -> UserInfo:
    """The rating device's own account (no password login: a device credential in the field)."""

    def add(session: Any) -> int:
        hall_id = session.scalar(select(User.hall_id).limit(1))
        user = User(
            hall_id=hall_id,
            username="pad03",
            display_name="3号窗口评价器",
            role="clerk",
            password_hash="!",
        )
        session.add(user)
        session.flush()
        return int(user.id)

    return UserInfo(db.run_write(add), "pad03", "3号窗口评价器", Role.CLERK)


@pytest.fixture
def audit(db: Database, clock: FixedClock) -> AuditService:
    return AuditService(db, clock)


@pytest.fixture
def intake(
    db: Database, clock: FixedClock, protector: PersonalDataCipher, audit: AuditService
) -> IntakeService:
    return IntakeService(
        db,
        CatalogueService(db),
        protector,
        hall_code="CC01",
        calendar=shipped_calendar(),
        audit=audit,
        clock=clock,
    )


@pytest.fixture
def printer(db: Database, tmp_path: Path, clock: FixedClock) -> PrintService:
    settings = PrintingSettings(
        printers=(FilePrinterConfig(name="a4", directory=str(tmp_path / "out")),),
        routes=PrintRoutes((("window.*", "a4"),)),
        branding=DEMO_BRANDING,
    )
    return PrintService(db, settings, BlobStore(tmp_path / "blobs", TEST_RING), clock=clock)


def page(n: int, material: str) -> PageRef:
    return PageRef(f"{n:064x}", "image/png", 2480, 3508, 180_000, 300, None, material)


def draft(
    *, deferred: bool = False, agent: bool = False, ticket_id: int | None = None
) -> CaseDraft:
    applicant = ApplicantInput(
        ApplicantKind.PERSON, "张𠮷", IdType.RESIDENT_ID, ID_NUMBER, "13812345678", "长春市"
    )
    records = dict.fromkeys(("M01", "M02", "M03", "M04"), GOT)
    if deferred:
        records["M03"] = MaterialRecord(deferred=True, supply_by=dt.date(2026, 11, 26))
    scanned = ("M01", "M02", "M04") if deferred else ("M01", "M02", "M03", "M04")
    pages = tuple(page(i, m) for i, m in enumerate(scanned, start=1))
    return CaseDraft(
        applicant,
        ITEM,
        "01",
        records,
        pages,
        agent=AgentInput("李四", AGENT_ID, "委托书 2026-001") if agent else None,
        ticket_id=ticket_id,
    )


def accept(
    intake: IntakeService, clerk: UserInfo, *, deferred: bool = False, agent: bool = False
) -> DecisionResult:
    decision = Decision.DEFERRAL if deferred else Decision.ACCEPT
    return intake.decide(draft(deferred=deferred, agent=agent), decision, clerk, window=3)


class FakeSync:
    """What the sync engine does with a ``case.status`` change it pulls (one transaction)."""

    def __init__(self, db: Database, clock: FixedClock) -> None:
        self.db, self.clock, self.seq = db, clock, 0

    def pull(
        self,
        case_id: int,
        status: str,
        *,
        certificate_number: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> bool:
        self.seq += 1
        version = self.db.run_read(
            lambda s: int(
                s.scalar(
                    select(CaseStatusEvent.version)
                    .where(CaseStatusEvent.case_id == case_id)
                    .order_by(CaseStatusEvent.version.desc())
                    .limit(1)
                )
                or 0
            )
        )
        event = ServerStatus(
            self.seq, version + 1, status, self.clock.now_ms(), certificate_number, detail or {}
        )
        return self.db.run_write(
            lambda s: apply_server_status(s, case_id, event, self.clock.now_ms())
        )

    def approve(self, case_id: int) -> bool:
        certificate = {
            "number": CERT_NUMBER,
            "result_name": "个体工商户营业执照",
            "holder": "张𠮷",
            "scope": "餐饮服务",
            "valid_from": "2026-11-25",
            "issuing_authority": "示范市市场监督管理局",
            "issued_at": "2026-11-25T10:00:00+08:00",
            "verification_code": "V123",
        }
        return self.pull(case_id, "approved", detail={"certificate": certificate})


@pytest.fixture
def sync(db: Database, clock: FixedClock) -> FakeSync:
    return FakeSync(db, clock)
