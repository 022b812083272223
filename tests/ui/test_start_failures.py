"""The desktop app meets a database it cannot open: a message box with the one line the command
line prints (what failed, which file or server, what to do), the same line once in the log, no
traceback on the console (issue 16, point 3)."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from clerk_app.settings import DeviceSettings, Settings
from onewindow_base.failures import OperationalFailure
from onewindow_base.failures.base import FailureKind
from onewindow_base.failures.database import DatabaseRefused, DbProblem
from onewindow_base.wording import Language
from ui.flow import ClerkFlow
from ui.i18n import ui_language
from ui.login import LoginDialog
from ui.screens import ScreenFlow
from ui.tasks import TaskRunner

from .test_main_window import top_level

pytestmark = pytest.mark.allow_log_warnings  # the failure is logged at ERROR, once

DOWN = "postgresql://postgres@127.0.0.1:1/hall"


@pytest.fixture
def damaged(tmp_path: Path) -> str:
    hall = tmp_path / "hall.sqlite3"
    hall.write_bytes(b"not a database " * 1000)
    return f"sqlite:///{hall}"


@pytest.fixture
def boxes(qapp: QApplication) -> Iterator[None]:
    before = set(QApplication.topLevelWidgets())
    yield
    for widget in set(QApplication.topLevelWidgets()) - before:
        if isinstance(widget, QMessageBox):
            widget.finished.disconnect()  # would end the (shared) application
            widget.hide()
            widget.deleteLater()


def _args(mode: str = "clerk") -> argparse.Namespace:
    return argparse.Namespace(mode=mode, seed_demo=False, hall=None, window=None, lang=None)


def _line(kind: FailureKind, language: Language, **fields: object) -> str:
    return OperationalFailure.of(kind, **fields).message(language)


def _no_traceback(caplog: pytest.LogCaptureFixture, line: str) -> None:
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage() for r in errors] == [line]
    assert all(r.exc_info is None for r in errors)


@pytest.mark.usefixtures("boxes")
def test_a_damaged_hall_file_is_explained_in_a_message_box(
    qapp: QApplication, runner: TaskRunner, damaged: str, caplog: pytest.LogCaptureFixture
) -> None:
    flow = ClerkFlow(qapp, runner, damaged, Settings(), _args())
    flow.start()
    [box] = top_level(QMessageBox)
    assert isinstance(box, QMessageBox)
    refused = DatabaseRefused(DbProblem.DAMAGED, path=damaged.removeprefix("sqlite:///"))
    assert box.text() == refused.message(ui_language())
    assert box.detailedText() == ""  # no SQL, no traceback
    assert not top_level(LoginDialog)
    _no_traceback(caplog, refused.message(Language.EN))
    flow.shutdown()


@pytest.mark.usefixtures("boxes")
def test_an_unreachable_database_server_is_explained(
    qapp: QApplication, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    flow = ClerkFlow(qapp, runner, DOWN, Settings(), _args())
    flow.start()
    [box] = top_level(QMessageBox)
    assert isinstance(box, QMessageBox)
    start = _line(
        FailureKind.DATABASE_UNREACHABLE, ui_language(), target="127.0.0.1:1/hall", detail=""
    ).split("（" if ui_language() is Language.ZH_CN else " (")[0]
    assert box.text().startswith(start)
    [record] = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert record.exc_info is None and "127.0.0.1:1/hall" in record.getMessage()
    flow.shutdown()


def test_an_unattended_screen_says_the_same(
    qapp: QApplication,
    runner: TaskRunner,
    damaged: str,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    settings = Settings(device=DeviceSettings(user="display1", password="display1-demo"))
    flow = ScreenFlow(qapp, runner, damaged, settings, _args("display"))
    flow.start()
    box = flow._message
    assert box is not None
    refused = DatabaseRefused(DbProblem.DAMAGED, path=damaged.removeprefix("sqlite:///"))
    assert refused.message(ui_language()) in box.text()
    assert all(r.exc_info is None for r in caplog.records if r.levelno >= logging.WARNING)
    box.finished.disconnect()
    box.close()
    box.deleteLater()
    flow.shutdown()
