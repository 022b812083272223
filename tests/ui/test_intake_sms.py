"""The 短信通知 tick beside the applicant's phone at intake, both databases: ticked, the decided
case's opt-in is recorded (the phone encrypted) and queued for the server behind the case's own
operation; a phone that is not a mainland mobile is said plainly; without a central server's
notifications the tick is not shown. A continued case gets its mailing back and the tick, sent
to the stored phone (shown masked only)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from clerk_app.audit.types import Actor
from clerk_app.db.fees_models import MAIL_PHONE, CaseMailing
from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.notify_models import NotifyOptIn
from clerk_app.db.sync_models import OUTBOX, OutboxOperation
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.mailing import MailingInput
from clerk_app.intake.rules import Decision
from clerk_app.intake.types import ApplicantInput, ApplicantKind, CaseDraft, CaseState, IdType
from clerk_app.sync.notifications import Notifications
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from ui.intake.lookup_dialog import CaseLookupDialog
from ui.intake.panel import IntakeDeps, IntakePanel
from ui.login import ClerkSession
from ui.tasks import TaskRunner

from .intake_fixtures import ID_NUMBER, ITEM, wait_until
from .test_intake_flow import attach_scans, fill_applicant, make_panel, pick_item, receive

GOT = MaterialRecord(received=True, original_checked=True, copies=1)


def _accept(qtbot: QtBot, panel: IntakePanel, tmp_path: Path) -> None:
    pick_item(qtbot, panel)
    receive(qtbot, panel, "M01", "M02", "M03", "M04")
    attach_scans(panel, tmp_path, ["M01", "M02", "M03", "M04"])
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        panel.decision_bar.buttons[Decision.ACCEPT].click()


def _with_sms(
    deps: IntakeDeps, db: Database, protector: PersonalDataCipher, clock: FixedClock
) -> IntakeDeps:
    return dataclasses.replace(deps, notifications=Notifications(db, protector, clock))


def test_ticked_the_case_opts_in_behind_its_own_operation(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    protector: PersonalDataCipher,
    clock: FixedClock,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
) -> None:
    panel = make_panel(qtbot, _with_sms(deps, db, protector, clock), runner, clerk_session)
    fill_applicant(qtbot, panel)
    assert panel.applicant.sms.isVisible() and not panel.applicant.sms.isChecked()
    panel.applicant.sms.setChecked(True)
    _accept(qtbot, panel, tmp_path)

    case_uuid = panel.last_result.case_uuid
    assert "text when the result is ready" in panel.sms_status.text()
    with db.read() as s:
        row = s.scalars(select(NotifyOptIn)).one()
        ops = s.execute(
            select(
                OutboxOperation.kind, OutboxOperation.case_uuid, OutboxOperation.payload_enc
            ).order_by(OutboxOperation.seq)
        ).all()
    assert row.case_uuid == case_uuid and row.status == "opted_in"
    assert "13812345678" not in row.phone_enc
    assert [(k, c) for k, c, _ in ops] == [
        ("case.accept", case_uuid),
        ("notify.case_opt_in", case_uuid),
    ]
    payload = json.loads(protector.decrypt(ops[1].payload_enc, context=OUTBOX))
    assert (payload["phone"], payload["case_no"]) == ("13812345678", panel.last_result.case_number)
    panel.applicant.reset()
    assert not panel.applicant.sms.isChecked()

    # The case's detail says how the message went (the status the sync read back).
    db.run_write(lambda s: s.execute(update(NotifyOptIn).values(status="sent")))
    dialog = CaseLookupDialog(
        deps.papers.lookup,
        deps.papers.printer,
        runner,
        by=Actor(clerk_session.user.user_id, clerk_session.user.display_name),
        notifications=Notifications(db, protector, clock),
    )
    qtbot.addWidget(dialog)
    dialog.number.setText(panel.last_result.case_number)
    dialog.search()
    dialog.show_case(dialog.model.case(0))
    assert dialog.detail_dialog is not None
    assert dialog.detail_dialog.sms.text() == "SMS: sent"


def test_a_landline_is_not_texted(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    protector: PersonalDataCipher,
    clock: FixedClock,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
) -> None:
    panel = make_panel(qtbot, _with_sms(deps, db, protector, clock), runner, clerk_session)
    fill_applicant(qtbot, panel)
    panel.applicant.phone.setText("0431-88881234")
    panel.applicant.sms.setChecked(True)
    _accept(qtbot, panel, tmp_path)
    assert panel.sms_status.text() == (
        "SMS notice not set up: the phone is not a mainland mobile number."
    )
    with db.read() as s:
        assert s.scalars(select(NotifyOptIn)).all() == []


def test_without_notifications_there_is_no_tick_and_no_sms_line(
    qtbot: QtBot,
    deps: IntakeDeps,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
) -> None:
    panel = make_panel(qtbot, deps, runner, clerk_session)
    assert not panel.applicant.sms.isVisible()
    fill_applicant(qtbot, panel)
    _accept(qtbot, panel, tmp_path)
    assert panel.sms_status.text() == ""
    dialog = CaseLookupDialog(
        deps.papers.lookup,
        deps.papers.printer,
        runner,
        by=Actor(clerk_session.user.user_id, clerk_session.user.display_name),
    )
    qtbot.addWidget(dialog)
    dialog.number.setText(panel.last_result.case_number)
    dialog.search()
    dialog.show_case(dialog.model.case(0))
    assert dialog.detail_dialog is not None and dialog.detail_dialog.sms.isHidden()


def test_a_continued_case_restores_its_mailing_and_may_opt_in(
    qtbot: QtBot,
    db: Database,
    deps: IntakeDeps,
    protector: PersonalDataCipher,
    clock: FixedClock,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    tmp_path: Path,
) -> None:
    applicant = ApplicantInput(
        ApplicantKind.PERSON, "张伟", IdType.RESIDENT_ID, ID_NUMBER, "13812345678", "长春市"
    )
    mail = MailingInput("王芳", "13912345678", "吉林省", "长春市", "南关区", "人民大街1号")
    notice = deps.papers.intake.decide(
        CaseDraft(applicant, ITEM, "01", {"M01": GOT}, mailing=mail),
        Decision.ONE_TIME_NOTICE,
        clerk_session.user,
        3,
    )
    panel = make_panel(qtbot, _with_sms(deps, db, protector, clock), runner, clerk_session)
    with qtbot.waitSignal(panel.loader.loaded, timeout=10_000):
        panel.open_case(notice.case_number)
    box, form = panel.delivery, panel.applicant
    assert box.mail.isChecked() and box.address.text() == "人民大街1号"
    assert (box.recipient.text(), box.phone.text()) == ("王芳", "139****5678")  # masked
    mailing = box.mailing()
    assert mailing is not None and mailing.phone == "13912345678"  # kept as stored
    assert form.phone.text() == "138****5678" and form.phone.isReadOnly()  # never in clear
    assert form.sms.isEnabled() and not form.sms.isChecked()
    box.address.setText("人民大街9号")  # the applicant moved
    form.sms.setChecked(True)
    receive(qtbot, panel, "M02", "M03", "M04")
    attach_scans(panel, tmp_path, ["M01", "M02", "M03", "M04"])
    with qtbot.waitSignal(panel.paper.printed, timeout=10_000):
        panel.decision_bar.buttons[Decision.ACCEPT].click()
    assert panel.last_result.case_number == notice.case_number
    wait_until(qtbot, lambda: "text when the result is ready" in panel.sms_status.text())
    with db.read() as s:
        opt_in = s.scalars(select(NotifyOptIn)).one()
        mailed = s.scalars(select(CaseMailing)).one()
    assert opt_in.case_uuid == notice.case_uuid and "13812345678" not in opt_in.phone_enc
    assert mailed.address == "人民大街9号" and mailed.phone_masked == "139****5678"
    assert protector.decrypt(mailed.phone_enc, context=MAIL_PHONE) == "13912345678"

    # Opened again (a supplement later): the consent stands, ticked and not asked twice.
    db.run_write(
        lambda s: s.execute(
            update(IntakeCase)
            .where(IntakeCase.case_uuid == notice.case_uuid)
            .values(state=CaseState.SUPPLEMENT_REQUESTED.value)
        )
    )
    with qtbot.waitSignal(panel.loader.loaded, timeout=10_000):
        panel.open_case(notice.case_number)
    wait_until(qtbot, form.sms.isChecked)
    assert not form.sms.isEnabled() and "earlier visit" in panel.sms_status.text()
