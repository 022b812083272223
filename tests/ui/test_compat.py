"""The guard against a Qt binding that corrupts reference counts (see ui/compat.py)."""

from __future__ import annotations

import ctypes
import sys

import pytest

from ui.compat import PROBE_CALLS, broken_binding_message, drops_references


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_a_call_that_loses_references_to_none_is_detected() -> None:
    decref = ctypes.pythonapi.Py_DecRef
    decref.argtypes = [ctypes.py_object]
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    try:
        assert drops_references(lambda: decref(None))
    finally:
        for _ in range(PROBE_CALLS):
            incref(None)


def test_a_call_that_keeps_its_references_passes() -> None:
    assert not drops_references(lambda: None)


def test_the_installed_qt_binding_keeps_reference_counts() -> None:
    """Fails on PySide6 6.12.0 with Python 3.11: that build aborts the app (and pytest)."""
    assert not drops_references(), broken_binding_message()
