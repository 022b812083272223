"""The fake vendor libraries (tests/devices/fake_sdk.c), compiled once per session with gcc."""

from __future__ import annotations

import ctypes
import enum
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

SOURCE = Path(__file__).with_name("fake_sdk.c")


class SdkScenario(enum.IntEnum):
    """The fake's behaviours (its enum in fake_sdk.c)."""

    CARD_PRESENT = 0
    NO_CARD = 1
    REMOVED_AT_SELECT = 2
    REMOVED_AT_READ = 3
    PORT_FAILS = 4
    ODD_STATUS = 5


@dataclass(frozen=True)
class FakeSdk:
    sdk: str  # sdtapi-like: the SDT_ functions (and a GetBmp)
    decoder: str  # WltRS-like: GetBmp alone

    def control(self) -> ctypes.CDLL:
        """The loaded fake SDK (the same handle the reader gets: dlopen shares it)."""
        return ctypes.CDLL(self.sdk)

    def set_card(self, scenario: SdkScenario, text: bytes = b"", photo: bytes = b"") -> None:
        fake = self.control()
        fake.fake_set_scenario(int(scenario))
        fake.fake_set_card(text, len(text), photo, len(photo))

    def port_open(self) -> int:
        return int(self.control().fake_port_open())


def _compile(out: Path, *defines: str) -> None:
    gcc = shutil.which("gcc")
    assert gcc is not None
    subprocess.run(
        [gcc, "-shared", "-fPIC", "-O1", *defines, "-o", str(out), str(SOURCE)],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="session")
def fake_sdk(tmp_path_factory: pytest.TempPathFactory) -> FakeSdk:
    if shutil.which("gcc") is None:
        pytest.skip("gcc is not installed: the fake vendor SDK cannot be compiled")
    folder = tmp_path_factory.mktemp("fake_sdk")
    sdk, decoder = folder / "libfakesdtapi.so", folder / "libfakewltrs.so"
    _compile(sdk)
    _compile(decoder, "-DDECODER_ONLY")
    return FakeSdk(str(sdk), str(decoder))
