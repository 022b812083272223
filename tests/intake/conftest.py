"""A hall key ring made for the test: encryption at rest is real, the keys are throwaway."""

from __future__ import annotations

import pytest

from clerk_app.clock import FixedClock
from clerk_app.crypto import Algorithm, PersonalDataCipher
from clerk_app.crypto.keys import new_ring


@pytest.fixture
def protector(clock: FixedClock) -> PersonalDataCipher:
    return PersonalDataCipher(new_ring(Algorithm.SM4_GCM, clock.now_ms()))
