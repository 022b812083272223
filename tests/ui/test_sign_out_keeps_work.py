"""Signing out and another clerk signing in never touches the first clerk's unsynced work.

The real app flow (``ClerkFlow``: sign-in dialog, window, sign out, sign-in dialog again) on
both databases, with two saved decisions of the first clerk waiting in the outbox: an accepted
case and a one-time notice (a case left open for the applicant's return). After the switch the
operations, cases and scans are byte for byte as they were and still name the first clerk; the
sign-out and both sign-ins are audit records.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from clerk_app.accounts.auth import AuthService
from clerk_app.audit.service import AuditService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.settings import HallSettings, Settings
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from tests.blob_ring import TEST_RING
from tests.intake.test_service import _complete, _draft, _page
from ui.clerk.main_window import ClerkWindow
from ui.flow import ClerkFlow
from ui.login import LoginDialog
from ui.tasks import TaskRunner

from .test_main_window import flow_factory, run_args, top_level  # noqa: F401 - the fixture

Row = tuple[Any, ...]


def _unsynced_work(db: Database, clock: FixedClock, tmp: Path) -> PersonalDataCipher:
    """clerk4's accepted case and one-time notice, in the outbox, with a stored scan."""
    cipher = PersonalDataCipher(new_ring(Algorithm.SM4_GCM, clock.now_ms()))
    clerk = AuthService(db, clock=clock).authenticate("clerk4", "clerk4-demo")
    intake = IntakeService(
        db, CatalogueService(db), cipher, hall_code="CC01", calendar=shipped_calendar(), clock=clock
    )
    BlobStore(tmp / "blobs", TEST_RING).put_bytes(b"a scanned page")
    intake.decide(_complete(), Decision.ACCEPT, clerk, window=4)
    got = MaterialRecord(received=True, original_checked=True, copies=1)
    intake.decide(_draft({"M01": got}, (_page(1, "M01"),)), Decision.ONE_TIME_NOTICE, clerk, 4)
    return cipher


def _work(db: Database, cipher: PersonalDataCipher) -> tuple[list[Row], list[Row]]:
    with db.read() as session:
        ops = [
            (o.seq, o.op_id, o.kind, o.state, o.payload_hash, o.attempts,
             json.loads(cipher.decrypt(o.payload_enc, context=OUTBOX))["clerk"])
            for o in session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq))
        ]  # fmt: skip
        cases = [
            (c.case_number, c.state, c.accepted_by, c.updated_ms)
            for c in session.scalars(select(IntakeCase).order_by(IntakeCase.id))
        ]
    return ops, cases


def _sign_in(qtbot: QtBot, name: str) -> None:
    [login] = top_level(LoginDialog)
    assert isinstance(login, LoginDialog)
    login.username.setText(name)
    login.password.setText(f"{name}-demo")
    login.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(top_level(ClerkWindow)))


def test_signing_out_and_switching_clerk_keeps_the_first_clerks_unsynced_work(
    qtbot: QtBot,
    qapp: QApplication,
    db: Database,
    db_url: str,
    clock: FixedClock,
    runner: TaskRunner,
    tmp_path: Path,
    flow_factory: list[ClerkFlow],  # noqa: F811
) -> None:
    cipher = _unsynced_work(db, clock, tmp_path)
    before = _work(db, cipher)
    ops, cases = before
    assert [(op[3], op[6]) for op in ops] == [("pending", "clerk4"), ("pending", "clerk4")]
    assert len(cases) == 2
    flow = ClerkFlow(qapp, runner, db_url, Settings(hall=HallSettings(window=4)), run_args())
    flow_factory.append(flow)
    flow.start()
    _sign_in(qtbot, "clerk4")
    [window] = top_level(ClerkWindow)
    assert isinstance(window, ClerkWindow)
    window.signed_out.emit()
    qtbot.waitUntil(lambda: not top_level(ClerkWindow) and bool(top_level(LoginDialog)))
    _sign_in(qtbot, "clerk5")
    assert _work(db, cipher) == before
    assert (tmp_path / "blobs").exists() and any((tmp_path / "blobs").rglob("*"))
    qtbot.waitUntil(lambda: ("auth.logout", "clerk4") in _trail(db))
    trail = _trail(db)
    signed_in = trail.index(("auth.login", "clerk4"))
    assert signed_in < trail.index(("auth.logout", "clerk4"))
    assert signed_in < trail.index(("auth.login", "clerk5"))


def _trail(db: Database) -> list[tuple[str, str | None]]:
    return [(e.action, e.target) for e in AuditService(db).entries(0, 2**62)]
