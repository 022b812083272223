"""Refuse to start on a PySide6 build that corrupts Python's reference counts.

PySide6 6.12.0 on CPython 3.11 (the abi3 wheel) returns ``None`` from every void method, and
``True`` from ``Signal.emit``, without taking a reference. Each call takes one reference away;
after a few thousand calls the interpreter aborts ("Fatal Python error: none_dealloc"), so a
counter PC would crash minutes or hours into the day. From CPython 3.12 on, ``None`` and
``True`` are immortal and the same build is harmless; PySide6 6.11 is not affected.
No upstream report was found when this was written; the check measures the behaviour instead
of matching version numbers, so a fixed build passes without a change here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import PySide6
from PySide6.QtCore import QObject

PROBE_CALLS = 64


def drops_references(call: Callable[[], object] | None = None) -> bool:
    """True when calling a void binding (``call``) loses references to ``None``."""
    if call is None:
        probe = QObject()
        call = lambda: probe.setObjectName("probe")  # noqa: E731 - a void Qt method
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        call()
    lost = before - sys.getrefcount(None)
    return lost >= PROBE_CALLS // 2


def broken_binding_message() -> str:
    """For the console and the log, before any window exists (so not translated)."""
    python = ".".join(map(str, sys.version_info[:3]))
    return (
        f"PySide6 {PySide6.__version__} on Python {python} corrupts reference counts and "
        "would crash the app. Install PySide6-Essentials < 6.12 (6.11.3 works), or run on "
        "Python 3.12 or newer."
    )
