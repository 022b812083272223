"""A card on the reader fills the real intake form, through the core service, audited.

The reader is the pty simulator of ``tests/devices/idcard_sim.py``; the read runs on a real
background thread, so the form is waited on, never slept on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk_app.audit.service import AuditService
from clerk_app.audit.types import AuditAction, AuditEntry
from clerk_app.devices.idcard.card import encode_text_block
from clerk_app.devices.idcard.reader import IdCardReader
from clerk_app.devices.idcard.service import IdCardService
from onewindow_base.clock import FixedClock, to_datetime
from onewindow_base.db.engine import Database
from tests.conftest import SHANGHAI
from tests.devices.idcard_sim import RESIDENT, ModuleSimulator, Scenario
from ui.intake.panel import IntakeDeps, IntakePanel
from ui.login import ClerkSession
from ui.tasks import TaskRunner

from .helpers import show_active
from .intake_fixtures import MASKED_ID

TIMEOUT_S = 0.3  # the simulator answers at once; a silent one is given up on soon


@pytest.fixture
def card_runner(qapp: QApplication) -> Iterator[TaskRunner]:
    background = TaskRunner()
    yield background
    background.shutdown()


@pytest.fixture
def open_panel(
    qtbot: QtBot,
    deps: IntakeDeps,
    db: Database,
    clock: FixedClock,
    runner: TaskRunner,
    card_runner: TaskRunner,
    clerk_session: ClerkSession,
) -> Callable[[str], IntakePanel]:
    """The intake panel, shown, with a reader on ``port`` (a simulated module's pty)."""

    def today() -> dt.date:
        return to_datetime(clock.now_ms(), SHANGHAI).date()

    def open_on(port: str) -> IntakePanel:
        reader = IdCardReader(port, timeout_s=TIMEOUT_S, today=today)
        service = IdCardService(reader, AuditService(db, clock), today)
        with_reader = IntakeDeps(
            papers=deps.papers, catalogue=deps.catalogue, pages=deps.pages, idcard=service
        )
        panel = IntakePanel(with_reader, runner, clerk_session, card_runner=card_runner)
        qtbot.addWidget(panel)
        show_active(qtbot, panel)
        return panel

    return open_on


def _reads(db: Database) -> list[AuditEntry]:
    entries = AuditService(db).entries(0, 2**62)
    return [e for e in entries if e.action == AuditAction.IDCARD_READ.value]


def _read(qtbot: QtBot, panel: IntakePanel) -> None:
    form = panel.applicant
    assert form.read_card_button.isVisible()
    with qtbot.waitSignal(form.card_done, timeout=10_000):
        qtbot.keyClick(panel, Qt.Key.Key_F12)  # the button's shortcut clicks a moment later
    assert form.read_card_button.isEnabled()


def test_a_card_fills_the_applicant_checked_and_audited(
    qtbot: QtBot,
    db: Database,
    clerk_session: ClerkSession,
    open_panel: Callable[[str], IntakePanel],
) -> None:
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        panel = open_panel(sim.port)
        form = panel.applicant
        with qtbot.waitSignal(form.card_done, timeout=10_000):
            form.read_card_button.click()
            assert "Place the card on the reader" in form.card_status.text()
            assert not form.read_card_button.isEnabled()  # one read at a time
        assert form.card_status.text() == "Card read."
        assert form.id_number.text() == RESIDENT.id_number
        assert form.name.text() == RESIDENT.name
        assert form.address.text() == RESIDENT.address
        assert not any(label.isVisibleTo(form) for label in form.errors.values())
        applicant = form.applicant_input()
        assert (applicant.name, applicant.id_value) == (RESIDENT.name, RESIDENT.id_number)
        form.id_number.clear()  # the clerk can still type over it, or read again with F12
        form.id_number.setFocus()
        qtbot.keyClicks(form.id_number, "1")
        qtbot.keyClick(form.id_number, Qt.Key.Key_Tab)
        assert form.errors["id_value"].isVisibleTo(form)  # typed, checked, wrong
        _read(qtbot, panel)
    assert form.id_number.text() == RESIDENT.id_number
    assert not form.errors["id_value"].isVisibleTo(form)  # the read number passed the check
    entry, _again = _reads(db)
    assert (entry.actor_id, entry.outcome, entry.target) == (
        clerk_session.user.user_id,
        "ok",
        None,
    )
    assert MASKED_ID in entry.detail and '"resident"' in entry.detail
    assert RESIDENT.id_number not in entry.detail and RESIDENT.name not in entry.detail


def test_an_agent_card_fills_the_agent(
    qtbot: QtBot,
    open_panel: Callable[[str], IntakePanel],
) -> None:
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        panel = open_panel(sim.port)
        form = panel.applicant
        form.agent.setChecked(True)
        form.name.setText("李四")
        _read(qtbot, panel)
    assert (form.agent_name.text(), form.agent_id.text()) == (RESIDENT.name, RESIDENT.id_number)
    assert form.name.text() == "李四"
    assert form.id_number.text() == ""
    agent = form.agent_input()
    assert agent is not None


@pytest.mark.parametrize("scenario", [Scenario.NO_CARD, Scenario.VANISHES, Scenario.SILENT])
def test_a_failed_read_says_why_and_leaves_the_form_to_type_in(
    qtbot: QtBot,
    db: Database,
    scenario: Scenario,
    open_panel: Callable[[str], IntakePanel],
) -> None:
    with ModuleSimulator(scenario) as sim:
        panel = open_panel(sim.port)
        form = panel.applicant
        form.name.setText("王五")
        _read(qtbot, panel)
    expected = {
        Scenario.NO_CARD: "no card on the ID-card reader",
        Scenario.VANISHES: "cannot use the ID-card reader's port",
        Scenario.SILENT: "did not answer within 0.3 s",
    }[scenario]
    assert expected in form.card_status.text()
    assert form.card_status.isVisibleTo(form)
    assert (form.name.text(), form.id_number.text()) == ("王五", "")
    form.id_number.setFocus()
    qtbot.keyClicks(form.id_number, "11010519491231002X")
    assert form.id_number.text() == "11010519491231002X"
    [entry] = _reads(db)
    assert entry.outcome == "failed"


def test_an_expired_card_fills_with_a_warning(
    qtbot: QtBot,
    db: Database,
    open_panel: Callable[[str], IntakePanel],
) -> None:
    expired = RESIDENT.model_copy(
        update={"valid_from": dt.date(2006, 3, 1), "valid_to": dt.date(2026, 3, 1)}
    )
    with ModuleSimulator(Scenario.CARD_PRESENT, encode_text_block(expired)) as sim:
        panel = open_panel(sim.port)
        _read(qtbot, panel)
    form = panel.applicant
    assert "expired on 2026-03-01" in form.card_status.text()
    assert form.id_number.text() == RESIDENT.id_number
    [entry] = _reads(db)
    assert '"expired":true' in entry.detail.replace(" ", "")


@pytest.mark.usefixtures("chinese")
def test_the_clerk_reads_chinese(
    qtbot: QtBot,
    open_panel: Callable[[str], IntakePanel],
) -> None:
    with ModuleSimulator(Scenario.NO_CARD) as sim:
        panel = open_panel(sim.port)
        form = panel.applicant
        assert form.read_card_button.text() == "读卡 (F12)"
        with qtbot.waitSignal(form.card_done, timeout=10_000):
            form.read_card_button.click()
            assert form.card_status.text() == "请放卡……正在读卡"
    assert form.card_status.text().startswith("身份证阅读器")
    assert "上没有证件" in form.card_status.text()


def test_without_a_reader_there_is_no_button(
    qtbot: QtBot, deps: IntakeDeps, runner: TaskRunner, clerk_session: ClerkSession
) -> None:
    panel = IntakePanel(deps, runner, clerk_session)
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    assert not panel.applicant.read_card_button.isVisible()
    qtbot.keyClick(panel, Qt.Key.Key_F12)
    assert not panel.applicant.card_status.isVisible()


def test_a_company_applicant_is_not_overwritten_by_a_card(
    qtbot: QtBot,
    db: Database,
    open_panel: Callable[[str], IntakePanel],
) -> None:
    with ModuleSimulator(Scenario.CARD_PRESENT) as sim:
        panel = open_panel(sim.port)
        form = panel.applicant
        form.kind.setCurrentIndex(1)  # company or organisation
        form.name.setText("长春市某某商贸有限公司")
        form.read_card_button.click()
        assert "A company applies with its credit code" in form.card_status.text()
        assert form.name.text() == "长春市某某商贸有限公司"
        form.agent.setChecked(True)  # the agent's card, then
        _read(qtbot, panel)
    assert form.agent_id.text() == RESIDENT.id_number
    assert form.name.text() == "长春市某某商贸有限公司"
    assert len(_reads(db)) == 1  # the refused try read nothing
