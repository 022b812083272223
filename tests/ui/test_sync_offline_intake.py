"""The whole intake-to-receipt flow with the central server down: the case is accepted, its
receipt printed, and it waits in the outbox; the indicator says offline with one to send."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.accounts.auth import AuthService
from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.sync_models import REFRESH_CREDENTIAL, OutboxOperation
from clerk_app.intake.rules import Decision
from clerk_app.intake.types import CaseState
from clerk_app.queue.service import QueueService
from clerk_app.sync import state
from clerk_app.sync.engine import CycleReport, SyncEngine
from clerk_app.sync.status import Link, SyncMonitor
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from tests.blob_ring import TEST_RING
from tests.sync.test_sync_status import closed_port_url
from ui.intake.panel import IntakeDeps
from ui.login import ClerkSession, LoginDialog
from ui.sync.controller import SyncController
from ui.sync.indicator import SyncIndicator
from ui.tasks import TaskRunner

from .intake_fixtures import MASKED_ID, pdf_texts, squeeze
from .test_intake_flow import attach_scans, fill_applicant, make_panel, pick_item, receive


def enrolled_with_a_server_that_is_down(db: Database, protector: PersonalDataCipher) -> str:
    """The state an enrolled counter has; its server's port is closed."""
    url = closed_port_url()

    def work(session: Session) -> None:
        row = state.load(session, for_update=True)
        row.server_url = url
        row.hall_code = "CC01"
        row.refresh_enc = protector.encrypt("a-refresh-credential", context=REFRESH_CREDENTIAL)

    db.run_write(work)
    return url


def test_a_case_is_accepted_and_its_receipt_printed_while_the_server_is_down(
    qtbot: QtBot,
    db: Database,
    clock: FixedClock,
    protector: PersonalDataCipher,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
    out_dir: Path,
) -> None:
    url = enrolled_with_a_server_that_is_down(db, protector)
    engine = SyncEngine(db, protector, BlobStore(tmp_path / "blobs", TEST_RING), clock=clock)
    controller = SyncController(engine, SyncMonitor(db), runner)
    indicator = SyncIndicator()
    qtbot.addWidget(indicator)
    controller.snapshot_changed.connect(indicator.show_snapshot)
    reports: list[CycleReport] = []
    controller.cycle_finished.connect(reports.append)
    controller.start()
    assert reports[-1].error_kind == "retryable"  # the server cannot be reached
    panel = make_panel(qtbot, deps, runner, clerk_session)
    panel.decided.connect(controller.local_change)  # as the app wires it
    fill_applicant(qtbot, panel)
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01", "M02", "M03", "M04")
    attach_scans(panel, tmp_path, ["M01", "M02", "M03", "M04"])
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        panel.decision_bar.buttons[Decision.ACCEPT].click()
    result = panel.last_result
    assert result.state is CaseState.ACCEPTED
    [receipt] = pdf_texts(out_dir)
    assert result.case_number in squeeze(receipt) and MASKED_ID in squeeze(receipt)
    assert reports[-1].waiting  # the save asked for a cycle; the backoff holds it back
    snapshot = controller.snapshot
    assert snapshot is not None
    assert (snapshot.link, snapshot.pending, snapshot.server_url) == (Link.OFFLINE, 1, url)
    assert "Offline" in indicator.text() and "1 to send" in indicator.text()
    with db.read() as s:
        assert s.scalars(select(IntakeCase.case_number)).all() == [result.case_number]
        assert s.scalars(select(OutboxOperation.state)).all() == ["pending"]
    controller.shutdown()
    engine.close()


def test_a_clerk_signs_in_while_the_server_is_down(
    qtbot: QtBot,
    db: Database,
    protector: PersonalDataCipher,
    queue: QueueService,
    auth: AuthService,
    runner: TaskRunner,
) -> None:
    """Sign-in checks the hall database's own accounts: the central server is never asked."""
    enrolled_with_a_server_that_is_down(db, protector)
    dialog = LoginDialog(auth, queue, runner, 1)
    qtbot.addWidget(dialog)
    sessions: list[ClerkSession] = []
    dialog.signed_in.connect(sessions.append)
    dialog.username.setText("clerk1")
    dialog.password.setText("clerk1-demo")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert [s.user.username for s in sessions] == ["clerk1"]
