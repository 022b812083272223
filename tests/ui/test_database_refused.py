"""The desktop app on a damaged or empty hall file: the same one message as the command line,
in the app's language; and the online backups it writes while it runs."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from clerk_app.db.backup import BackupReport, Backups
from clerk_app.db.sqlite_file import file_problems
from clerk_app.settings import DeviceSettings, Settings
from onewindow_base.clock import FixedClock
from tests.dbs import Templates
from ui.backup_timer import BackupTimer
from ui.flow import ClerkFlow
from ui.login import LoginDialog
from ui.screens import ScreenFlow
from ui.tasks import TaskRunner

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _args() -> argparse.Namespace:
    return argparse.Namespace(seed_demo=False, hall=None, window=1, lang=None, mode="display")


def _visible(kind: type) -> list[object]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


@pytest.fixture
def flows() -> Iterator[list[ClerkFlow | ScreenFlow]]:
    started: list[ClerkFlow | ScreenFlow] = []
    yield started
    for flow in started:
        flow.shutdown()
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "hall.sqlite3"
    path.write_bytes(os.urandom(3 * 4096))
    return path


def _message(flow: ClerkFlow | ScreenFlow) -> QMessageBox:
    box = flow._message
    assert isinstance(box, QMessageBox)
    box.finished.disconnect()  # closing it ends the app, and this QApplication is shared
    return box


@pytest.mark.allow_log_warnings  # the refusal is logged as an error
def test_the_clerk_app_names_the_damaged_file_and_the_restore(
    qapp: QApplication, runner: TaskRunner, damaged: Path, flows: list[ClerkFlow | ScreenFlow]
) -> None:
    before = damaged.read_bytes()
    flow = ClerkFlow(qapp, runner, f"sqlite:///{damaged}", Settings(), _args())
    flows.append(flow)
    flow.start()
    box = _message(flow)
    assert box.text() == (
        f"The database file {damaged} is damaged and cannot be opened. Close OneWindow on this "
        "PC, then run `clerk-app maintenance restore` to restore the newest backup."
    )
    assert not _visible(LoginDialog)
    assert damaged.read_bytes() == before


@pytest.mark.allow_log_warnings
def test_in_chinese_the_display_says_it_in_chinese(
    qapp: QApplication,
    runner: TaskRunner,
    tmp_path: Path,
    chinese: None,
    flows: list[ClerkFlow | ScreenFlow],
) -> None:
    empty = tmp_path / "hall.sqlite3"
    empty.touch()
    settings = Settings(device=DeviceSettings(user="display1", password="display1-password"))
    flow = ScreenFlow(qapp, runner, f"sqlite:///{empty}", settings, _args())
    flows.append(flow)
    flow.start()
    text = _message(flow).text()
    assert text.startswith(f"屏幕无法启动：数据库文件 {empty} 是空文件（0 字节）")
    assert empty.stat().st_size == 0


def test_the_app_copies_the_hall_when_a_copy_is_due(
    runner: TaskRunner, templates: Templates, tmp_path: Path
) -> None:
    path = Path(templates.copy("sqlite", True, tmp_path).removeprefix("sqlite:///"))
    clock = FixedClock(dt.datetime(2026, 11, 24, 8, 0, tzinfo=SHANGHAI))
    backups = Backups(path, path.parent / "backups", keep_days=2, tz=SHANGHAI, clock=clock)
    timer = BackupTimer(runner, backups, dt.timedelta(hours=4))
    written: list[BackupReport] = []
    timer.written.connect(written.append)
    timer.start()  # no copy yet: one now
    clock.advance(minutes=3 * 60)
    timer.tick()  # the newest is 3 hours old: not due
    clock.advance(minutes=60)
    timer.tick()  # 4 hours: due
    clock.advance(minutes=3 * 24 * 60)
    timer.tick()  # three days later: the two older copies are past keep_days
    timer.stop()
    assert [r.written.name for r in written] == [
        "hall-backup-20261124-080000.sqlite3",
        "hall-backup-20261124-120000.sqlite3",
        "hall-backup-20261127-120000.sqlite3",
    ]
    assert written[2].pruned == (written[1].written, written[0].written)
    assert all(file_problems(b.path) == [] for b in backups.listing())


@pytest.mark.allow_log_warnings  # the failure is logged as an error
def test_a_failed_copy_is_reported_and_keeps_the_older_ones(
    runner: TaskRunner, tmp_path: Path
) -> None:
    path = tmp_path / "hall.sqlite3"
    path.write_bytes(b"garbage")
    clock = FixedClock(dt.datetime(2026, 11, 24, 8, 0, tzinfo=SHANGHAI))
    backups = Backups(path, tmp_path / "backups", keep_days=1, tz=SHANGHAI, clock=clock)
    timer = BackupTimer(runner, backups, dt.timedelta(hours=4))
    failures: list[str] = []
    timer.failed.connect(failures.append)
    timer.tick()
    assert len(failures) == 1 and f"The backup of {path} failed" in failures[0]
    assert backups.listing() == []


def test_the_clerk_app_backs_an_sqlite_hall_up_once_it_is_open(
    qapp: QApplication,
    runner: TaskRunner,
    templates: Templates,
    tmp_path: Path,
    flows: list[ClerkFlow | ScreenFlow],
) -> None:
    url = templates.copy("sqlite", True, tmp_path)
    flow = ClerkFlow(qapp, runner, url, Settings(), _args())
    flows.append(flow)
    flow.start()
    assert _visible(LoginDialog)
    [copy] = (tmp_path / "backups").iterdir()
    assert copy.name.startswith("hall-backup-") and file_problems(copy) == []
