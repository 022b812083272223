"""信用核查 on the intake screen, both databases: the status line once the ID number is complete,
a listed applicant's deferral refused, and offline the deferral opened only by a supervisor's
override, which is saved with the case. The server is an in-process stand-in (httpx's mock
transport) behind the real CreditService; tests/sync/test_credit.py asks the real server."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk_app.audit.service import AuditService
from clerk_app.credit.service import CreditService
from clerk_app.credit.types import CreditState, UnknownReason
from clerk_app.db.intake_models import CaseDecision
from clerk_app.db.sync_models import REFRESH_CREDENTIAL
from clerk_app.intake.rules import Decision
from clerk_app.sync import state
from clerk_app.sync.client import Credentials, Transport
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from ui.intake import checklist_edits as ce
from ui.intake.override_dialog import OverrideDialog
from ui.intake.panel import IntakeDeps, IntakePanel
from ui.login import ClerkSession
from ui.tasks import TaskRunner

from .intake_fixtures import ID_NUMBER
from .test_intake_flow import attach_scans, fill_applicant, make_panel, pick_item, receive

pytestmark = pytest.mark.allow_log_warnings  # a clerk's own override is refused (audited)
SERVER = "http://central.test"
PERMANENT_RESIDENT = "931156199001010049"  # 2023 外国人永久居留身份证, issued in Beijing (11)
Handler = Callable[[httpx.Request], httpx.Response]


class StandIn:
    """The central server's two answers the check needs; ``down`` refuses the connection."""

    def __init__(self) -> None:
        self.listed: set[str] = set()
        self.down = False
        self.asked = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        if request.url.path == "/v1/token":
            return httpx.Response(
                200,
                json={
                    "access_token": "t",
                    "expires_in": 900,
                    "expires_at": "2026-11-24T10:00:00Z",
                },
            )
        self.asked += 1
        identifier = json.loads(request.content)["identifier"]
        listings = [
            {
                "reason": "失信被执行人",
                "measure": "不适用容缺受理和告知承诺制",
                "source": "最高人民法院",
                "listed_since": "2026-01-01",
                "until": None,
            }
        ]
        listed = identifier in self.listed
        return httpx.Response(
            200,
            json={
                "status": "listed" if listed else "clear",
                "listings": listings if listed else [],
                "as_of": "2026-11-24T09:00:00Z",
                "list_updated_at": None,
            },
        )


@pytest.fixture
def stand_in() -> StandIn:
    return StandIn()


@pytest.fixture
def credit_deps(
    db: Database,
    clock: FixedClock,
    protector: PersonalDataCipher,
    deps: IntakeDeps,
    stand_in: StandIn,
) -> IntakeDeps:
    def enrolled(session: object) -> None:
        row = state.load(session, for_update=True)  # type: ignore[arg-type]
        row.server_url = SERVER
        row.refresh_enc = protector.encrypt("refresh", context=REFRESH_CREDENTIAL)

    db.run_write(enrolled)

    def transport(url: str, credentials: Credentials, _timeout: float) -> Transport:
        http = httpx.Client(base_url=url, transport=httpx.MockTransport(stand_in))
        return Transport(url, credentials, http=http)

    credit = CreditService(
        db, protector, AuditService(db, clock), clock=clock, timeout_s=1, transport=transport
    )
    from clerk_app.accounts.auth import AuthService  # noqa: PLC0415

    return dataclasses.replace(deps, credit=credit, auth=AuthService(db, clock=clock))


def _deferral_ready(qtbot: QtBot, panel: IntakePanel, tmp_path: Path) -> None:
    """Everything handed in and scanned but M03, deferred to tomorrow."""
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01", "M02", "M04")
    attach_scans(panel, tmp_path, ["M01", "M02", "M04"])
    model = panel.checklist
    row = model.row_of("M03")
    model.setData(
        model.index(row, ce.DEFERRED), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    tomorrow = (panel._intake.today() + dt.timedelta(days=1)).isoformat()
    model.setData(model.index(row, ce.SUPPLY_BY), tomorrow, Qt.ItemDataRole.EditRole)
    assert model.record("M03").deferred


def test_a_listed_applicant_is_shown_and_refused_deferral(
    qtbot: QtBot,
    credit_deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    stand_in: StandIn,
    tmp_path: Path,
) -> None:
    stand_in.listed.add(ID_NUMBER)
    panel = make_panel(qtbot, credit_deps, runner, clerk_session)
    box = panel.credit
    assert box is not None and box.status.text() == "Credit status: —"
    fill_applicant(qtbot, panel)
    assert box.check is not None and box.check.state is CreditState.LISTED
    assert box.status.text() == "Credit status: 失信被执行人 (on the joint-punishment list)"
    assert not box.override_button.isVisibleTo(panel)
    _deferral_ready(qtbot, panel, tmp_path)
    deferral = panel.decision_bar.buttons[Decision.DEFERRAL]
    assert not deferral.isEnabled()
    assert "bad-credit flag, which excludes deferral" in deferral.toolTip()
    assert stand_in.asked == 1  # typing the other fields asks nothing more


def test_offline_the_deferral_needs_a_supervisors_override_saved_with_the_case(
    qtbot: QtBot,
    db: Database,
    credit_deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    stand_in: StandIn,
    tmp_path: Path,
) -> None:
    stand_in.down = True
    panel = make_panel(qtbot, credit_deps, runner, clerk_session)
    box = panel.credit
    assert box is not None
    fill_applicant(qtbot, panel)
    assert box.check is not None and box.check.unknown_reason is UnknownReason.OFFLINE
    assert box.status.text() == (
        "Credit status: could not be checked (the central server cannot be reached)"
    )
    assert box.recheck_button.isVisibleTo(panel) and box.override_button.isVisibleTo(panel)
    _deferral_ready(qtbot, panel, tmp_path)
    deferral = panel.decision_bar.buttons[Decision.DEFERRAL]
    assert not deferral.isEnabled()
    assert "could not be checked (offline): deferral needs a supervisor" in deferral.toolTip()
    assert panel.decision_bar.buttons[Decision.ONE_TIME_NOTICE].isEnabled()  # work goes on

    box.override_button.click()
    [dialog] = box.findChildren(OverrideDialog)
    dialog.username.setText("clerk2")  # a clerk cannot vouch
    dialog.password.setText("clerk2-demo")
    dialog.reason.setText("专网中断")
    dialog.submit()
    assert dialog.message.text() == "Only a supervisor or administrator may do this."
    assert not deferral.isEnabled()
    dialog.username.setText("supervisor")
    dialog.password.setText("supervisor-demo")
    dialog.submit()
    assert box.override is not None and "大厅值班长" in box.status.text()
    assert not box.override_button.isVisibleTo(panel)
    assert deferral.isEnabled()

    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        deferral.click()
    with db.read() as session:
        detail = json.loads(session.scalars(select(CaseDecision.detail)).one())
    assert detail["credit"]["status"] == "unknown"
    assert detail["credit"]["unknown_reason"] == "offline"
    assert detail["credit"]["override"]["supervisor"] == "大厅值班长"
    assert detail["credit"]["override"]["reason"] == "专网中断"
    actions = [e.action for e in AuditService(db).entries(0, 2**62)]
    assert "credit.check" in actions and "case.override" in actions


def test_check_again_once_the_server_is_back(
    qtbot: QtBot,
    credit_deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    stand_in: StandIn,
) -> None:
    stand_in.down = True
    panel = make_panel(qtbot, credit_deps, runner, clerk_session)
    box = panel.credit
    assert box is not None
    fill_applicant(qtbot, panel)
    assert box.check is not None and box.check.state is CreditState.UNKNOWN
    stand_in.down = False
    box.recheck_button.click()
    rechecked = box.check  # read again: the click changes it
    assert rechecked is not None and rechecked.state is CreditState.CLEAR
    assert box.status.text() == "Credit status: clear"
    assert not box.recheck_button.isVisibleTo(panel)
    panel.applicant.id_number.clear()  # the number goes, and its answer with it
    panel.applicant.id_number.textEdited.emit("")
    assert box.check is None and box.status.text() == "Credit status: —"


def test_a_2023_permanent_residence_number_is_checked(
    qtbot: QtBot,
    credit_deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    stand_in: StandIn,
) -> None:
    """外国人永久居留身份证 (2023, first digit 9): a resident ID number to the form and check."""
    stand_in.listed.add(PERMANENT_RESIDENT)
    panel = make_panel(qtbot, credit_deps, runner, clerk_session)
    form, box = panel.applicant, panel.credit
    assert box is not None
    form.id_number.setFocus()
    qtbot.keyClicks(form.id_number, PERMANENT_RESIDENT)
    qtbot.keyClick(form.id_number, Qt.Key.Key_Tab)
    assert box.check is not None and box.check.state is CreditState.LISTED
    assert box.check.identifier_masked == "931156********0049"
    assert box.status.text() == "Credit status: 失信被执行人 (on the joint-punishment list)"
