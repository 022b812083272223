"""Translations: the language choice, complete catalogues, and Chinese text on real widgets."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService, LoginFailure
from clerk_app.accounts.password_policy import PasswordPolicy, PasswordProblem
from clerk_app.queue import TicketState, WindowState
from clerk_app.queue.service import QueueService
from clerk_app.queue.types import PauseReason, RefusalCode
from clerk_app.validation import IdError, Invalid, validate_resident_id
from ui.clerk.caller_panel import CallerPanel
from ui.clerk.state import Action
from ui.clerk.ticket_model import COL_STATE, TicketTableModel
from ui.i18n import (
    choose_language,
    login_failure_message,
    password_problem_message,
    pause_reason_name,
    refusal_message,
    ticket_state_name,
    translations_dir,
    window_state_name,
)
from ui.intake.messages import problem_text
from ui.login import LoginDialog
from ui.tasks import TaskRunner

from .helpers import qt_tool

ZH_TS = translations_dir() / "onewindow_zh_CN.ts"
EN_TS = translations_dir() / "onewindow_en.ts"
UI_DIR = translations_dir().parent.parent / "ui"


def unfinished(ts: Path) -> list[str]:
    """Messages without a usable translation: unfinished, vanished, obsolete or empty."""
    problems = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") is not None or not all(f.strip() for f in forms):
            problems.append(source)
    return problems


@pytest.mark.parametrize(
    ("cli", "configured", "system", "expected"),
    [
        ("en", "zh_CN", "zh_CN", "en"),
        (None, "en", "zh_CN", "en"),
        (None, None, "zh_CN", "zh_CN"),
        (None, None, "zh_TW", "zh_CN"),
        (None, None, "de_DE", "en"),
    ],
)
def test_language_comes_from_the_command_line_then_the_config_then_the_system(
    cli: str | None, configured: str | None, system: str, expected: str
) -> None:
    assert choose_language(cli, configured, QLocale(system)) == expected


@pytest.mark.parametrize("ts", [ZH_TS, EN_TS], ids=["zh_CN", "en"])
def test_every_catalogue_message_is_translated(ts: Path) -> None:
    assert len(list(ET.parse(ts).getroot().iter("message"))) > 50
    assert unfinished(ts) == []


def test_the_catalogues_hold_every_string_of_the_sources(tmp_path: Path) -> None:
    """`make lupdate` on the current sources would add no new, untranslated message."""
    copies = [Path(shutil.copy(ts, tmp_path / ts.name)) for ts in (ZH_TS, EN_TS)]
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    lupdate = qt_tool("pyside6-lupdate")
    subprocess.run(
        [lupdate, "-silent", "-no-obsolete", *sources, "-ts", *map(str, copies)], check=True
    )
    for copy in copies:
        assert unfinished(copy) == [], f"{copy.name} misses translations: run `make lupdate`"


@pytest.mark.usefixtures("chinese")
def test_every_core_code_has_chinese_words() -> None:
    texts = [
        *(refusal_message(code) for code in RefusalCode),
        *(login_failure_message(reason) for reason in LoginFailure),
        *(ticket_state_name(state) for state in TicketState),
        *(window_state_name(state) for state in WindowState),
        *(pause_reason_name(reason) for reason in PauseReason),
        *(password_problem_message(p, PasswordPolicy.mlps()) for p in PasswordProblem),
    ]
    not_chinese = [t for t in texts if not any("\u4e00" <= ch <= "\u9fff" for ch in t)]
    assert not_chinese == []


@pytest.mark.usefixtures("chinese")
def test_the_caller_panel_speaks_chinese(panel: CallerPanel, queue: QueueService) -> None:
    assert panel.buttons[Action.CALL_NEXT].text() == "叫号 (F2)"
    assert panel.buttons[Action.SKIP].text() == "过号 (F4)"
    assert panel.waiting.text() == "等候 0 人"
    queue.issue("BIZ")
    panel.call_next()
    assert panel.status_line.text() == "已呼叫 A001 号。"
    assert panel.current.service.text() == "企业开办"
    assert panel.current.state.text() == "已叫号"
    assert "1号综合窗口" in panel.header.text()


@pytest.mark.usefixtures("chinese")
def test_a_failed_sign_in_is_explained_in_chinese(
    qtbot: QtBot, auth: AuthService, queue: QueueService, runner: TaskRunner
) -> None:
    dialog = LoginDialog(auth, queue, runner, 1)
    qtbot.addWidget(dialog)
    dialog.username.setText("clerk1")
    dialog.password.setText("wrong")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "登录(&S)"
    ok.click()
    assert dialog.message.text() == "用户名或密码错误。"


@pytest.mark.usefixtures("chinese")
def test_qts_own_texts_are_chinese_too() -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_english_numbers_agree_with_their_nouns(panel: CallerPanel, queue: QueueService) -> None:
    queue.issue("BIZ")
    panel.refresh()
    assert panel.waiting.text() == "1 person waiting"
    queue.issue("BIZ")
    panel.refresh()
    assert panel.waiting.text() == "2 people waiting"


@pytest.mark.usefixtures("chinese")
def test_the_ticket_list_headers_and_states_are_chinese(queue: QueueService) -> None:
    issued = queue.issue("BIZ").ticket
    model = TicketTableModel(queue.rules.tz)
    model.set_tickets((issued,))
    assert model.headerData(COL_STATE, Qt.Orientation.Horizontal) == "状态"
    assert model.index(0, COL_STATE).data() == "等候中"


@pytest.mark.usefixtures("chinese")
def test_a_ticket_sent_to_another_queue_is_listed_as_transferred(queue: QueueService) -> None:
    queue.open_window(1)
    queue.issue("BIZ")
    queue.call_next(1)
    queue.transfer(1, to_service="PICKUP")
    model = TicketTableModel(queue.rules.tz)
    model.set_tickets(tuple(queue.window_tickets(1)))
    assert model.index(0, COL_STATE).data() == "已转移"


@pytest.mark.usefixtures("chinese")
def test_id_number_faults_are_explained_in_chinese() -> None:
    today = dt.date(2026, 11, 28)
    foreign = validate_resident_id("999999199001010016", today=today)
    early = validate_resident_id("110105184910010024", today=today)
    assert isinstance(foreign, Invalid) and isinstance(early, Invalid)
    assert problem_text(foreign) == (
        "永久居留身份证号码第2至3位为签发地省级行政区划代码，99 不是有效的省级代码"
    )
    assert problem_text(early) == (
        "出生日期 18491001 早于 1880 年，不可能是证件持有人的出生日期，请核对年份"
    )
    texts = [problem_text(Invalid(code, 1, "1", "2")) for code in IdError]
    assert [t for t in texts if not any("\u4e00" <= ch <= "\u9fff" for ch in t)] == []
