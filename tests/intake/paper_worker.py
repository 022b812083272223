"""Worker processes for the document number races (importable by multiprocessing's spawn).

Each worker is a counter PC: its own connection, key ring and window, deciding real cases
through ``IntakeService`` at the same moment as the others.
"""

from __future__ import annotations

import datetime as dt
from multiprocessing.synchronize import Barrier
from zoneinfo import ZoneInfo

from clerk_app.accounts.auth import AuthService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import ApplicantInput, ApplicantKind, CaseDraft, IdType, PageRef
from clerk_app.validation import id_check_character
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from tests.passwords import use_fast_hashing
from tests.printing import literals as samples

ITEM = "22010001001700000017"  # the demo catalogue's 个体工商户设立登记
MATERIALS = ("M01", "M02", "M03", "M04")
GOT = MaterialRecord(received=True, original_checked=True, copies=1)
MORNING = dt.datetime(2026, 11, 24, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
use_fast_hashing()  # a test process too: no sign-in here rehashes the templates' accounts
# This process's hall key ring: each PC (process) has its own.
CIPHER = PersonalDataCipher(new_ring(Algorithm.SM4_GCM, int(MORNING.timestamp() * 1000)))


def person(serial: int) -> str:
    """A valid ID number of its own per serial (0..9999): windows racing on one new applicant
    would test the applicant table, not the number book."""
    body = f"110105199001{1 + serial // 1000:02d}{serial % 1000:03d}"
    return body + id_check_character(body)


def complete_draft(serial: int = 0) -> CaseDraft:
    """A draft with every material received and scanned: it may be accepted."""
    applicant = ApplicantInput(
        ApplicantKind.PERSON, "张伟", IdType.RESIDENT_ID, person(serial), None
    )
    pages = tuple(
        PageRef(f"{n:064x}", "image/png", 2480, 3508, 1000, 300, None, key)
        for n, key in enumerate(MATERIALS, start=1)
    )
    return CaseDraft(applicant, ITEM, "01", dict.fromkeys(MATERIALS, GOT), pages)


def counter_pc(url: str) -> tuple[Database, IntakeService]:
    db = Database(url)
    intake = IntakeService(
        db,
        CatalogueService(db),
        CIPHER,
        hall_code="CC01",
        calendar=shipped_calendar(),
        clock=FixedClock(MORNING),
        branding=samples.BRANDING,
    )
    return db, intake


def accept_many(url: str, window: int, count: int, barrier: Barrier) -> list[str]:
    """Accept ``count`` cases at ``window`` once every worker is ready; their paper numbers."""
    db, intake = counter_pc(url)
    clerk = AuthService(db).authenticate("clerk3", "clerk3-demo")
    barrier.wait()
    try:
        return [
            intake.decide(
                complete_draft(window * 100 + n), Decision.ACCEPT, clerk, window
            ).paper_number
            for n in range(count)
        ]
    finally:
        db.dispose()
