"""Small helpers shared by the widget tests."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show ``widget`` as the active window: window shortcuts (F-keys) only reach that one."""
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


def qt_tool(name: str) -> str:
    """A PySide6 tool from the running interpreter's environment, else from PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found next to {sys.executable} or on PATH")
    return found
