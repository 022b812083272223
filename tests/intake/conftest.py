"""A hall key ring made for the test: encryption at rest is real, the keys are throwaway; the
intake service of the demo hall (CC01) on it, and the clerk at window 3 who takes the cases."""

from __future__ import annotations

import pytest

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.intake.service import IntakeService
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database


@pytest.fixture
def protector(clock: FixedClock) -> PersonalDataCipher:
    return PersonalDataCipher(new_ring(Algorithm.SM4_GCM, clock.now_ms()))


@pytest.fixture
def intake(db: Database, clock: FixedClock, protector: PersonalDataCipher) -> IntakeService:
    return IntakeService(
        db,
        CatalogueService(db),
        protector,
        hall_code="CC01",
        calendar=shipped_calendar(),
        clock=clock,
    )


@pytest.fixture
def clerk(db: Database) -> UserInfo:
    return AuthService(db).authenticate("clerk3", "clerk3-demo")
