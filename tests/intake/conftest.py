"""A hall key ring made for the test: encryption at rest is real, the keys are throwaway."""

from __future__ import annotations

import pytest

from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring


@pytest.fixture
def protector(clock: FixedClock) -> PersonalDataCipher:
    return PersonalDataCipher(new_ring(Algorithm.SM4_GCM, clock.now_ms()))
