"""The recipient signs the handover record (出件记录) at the pickup window, around the real
results, print and signature services on both databases: on the applicant's screen where the
counter has one, else in the signing dialog; the archived record holds the ink, and the
signature names who collected (the applicant, or their agent). A mailed result has nobody to
sign: its record prints at once, and the core refuses a signature for it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.intake.service import IntakeService
from clerk_app.printjobs.service import PrintService
from clerk_app.queue.service import QueueService
from clerk_app.results.papers import ResultPapers, handover_owner_key
from clerk_app.results.service import ResultsService
from clerk_app.signatures.service import (
    PaperRef,
    SignatureRefusal,
    SignatureRefused,
    SignatureService,
    Signer,
)
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from printing.documents import DocumentKind
from tests.blob_ring import TEST_RING
from tests.intake.test_case_signatures import CLERK, signature_ink
from tests.pdf_read import pdfium_text
from tests.results.conftest import (  # noqa: F401 - fixtures
    AGENT_ID,
    ID_NUMBER,
    FakeSync,
    accept,
    audit,
    clerk,
    intake,
    printer,
    sync,
)
from tests.results.test_results import papers, results  # noqa: F401 - fixtures
from tests.ui.test_pickup import _dialog
from tests.ui.test_signature_pad import pen_stroke, wave
from ui.applicant.screen import SIGNING, WELCOME, ApplicantScreen
from ui.applicant.signing import ApplicantSigning
from ui.clerk.main_window import ClerkWindow
from ui.intake.panel import IntakeDeps
from ui.login import ClerkSession
from ui.results.pickup_panel import PickupPanel, ResultsDeps
from ui.signature.dialog import SigningDialog
from ui.signature.panel import SigningPanel
from ui.signature.surface import DialogSurface
from ui.tasks import TaskRunner
from ui.watcher import HallWatcher

HALL = ("长春市政务服务中心", "Changchun Government Service Center")
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@pytest.fixture
def signatures(
    db: Database,
    tmp_path: Path,
    clock: FixedClock,
    audit: AuditService,  # noqa: F811
) -> SignatureService:
    blobs = BlobStore(tmp_path / "blobs", TEST_RING)
    return SignatureService(db, blobs, tz=SHANGHAI, clock=clock, audit=audit)


@pytest.fixture
def pickup(
    qtbot: QtBot,
    results: ResultsService,  # noqa: F811
    papers: ResultPapers,  # noqa: F811
    signatures: SignatureService,
    runner: TaskRunner,
    clerk: UserInfo,  # noqa: F811
) -> PickupPanel:
    panel = PickupPanel(
        ResultsDeps(results, papers, signatures=signatures), runner, ClerkSession(clerk, 3)
    )
    qtbot.addWidget(panel)
    panel.show()
    return panel


def sign(panel: SigningPanel) -> None:
    pen_stroke(panel.pad, wave(60, 100, 0.7))
    pen_stroke(panel.pad, wave(60, 180, 0.5))


def has_ink(pdf: bytes) -> bool:
    images = [i.image for p in PdfReader(io.BytesIO(pdf)).pages for i in p.images]
    return any(image is not None and image.mode == "RGBA" for image in images)


def test_an_agent_signs_the_handover_record_on_the_applicant_screen(
    qtbot: QtBot,
    pickup: PickupPanel,
    printer: PrintService,  # noqa: F811
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
    signatures: SignatureService,
    runner: TaskRunner,
) -> None:
    screen = ApplicantScreen(HALL, 3, runner)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    assert pickup.signing is not None and pickup.sign.isVisible()
    pickup.signing.use_surface(ApplicantSigning(screen, printer))
    case = accept(intake, clerk, agent=True)
    sync.approve(case.case_id)
    pickup.refresh()
    qtbot.mouseClick(pickup.sign, Qt.MouseButton.LeftButton)
    dialog = _dialog(pickup, case.case_number)
    dialog.recipient_name.setText("李四")
    dialog.id_number.setText(AGENT_ID)
    with qtbot.waitSignal(screen.signing_shown, timeout=10_000):
        dialog.submit()
    key = handover_owner_key(case.case_number)
    assert screen.page == SIGNING and screen.signing_page.has_paper()
    assert printer.jobs(owner=key) == []  # the record waits for the signature
    assert "signature" in pickup.status.text()
    panel = screen.signing_page.signing_widget
    assert isinstance(panel, SigningPanel) and "the handover record" in panel.prompt.text()
    sign(panel)
    with qtbot.waitSignal(pickup.signing.printed, timeout=10_000):
        qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert screen.page == WELCOME  # the page the signing left
    [record] = printer.jobs(owner=key)
    archived = printer.archived_pdf(record.id)
    assert record.printed and record.document_kind is DocumentKind.HANDOVER
    assert has_ink(archived) and "窗口领取（代领）" in pdfium_text(archived)
    [signed] = signatures.for_case(case.case_number)
    assert signed.paper.kind is DocumentKind.HANDOVER and signed.signer is Signer.AGENT
    assert signed.print_job_id == record.id
    assert "The handover record is printed." in pickup.status.text()
    pickup.print_handover()  # again: a copy of the signed record, nothing to sign
    assert screen.page == WELCOME
    copy = printer.jobs(owner=key)[0]
    assert copy.is_copy and has_ink(printer.archived_pdf(copy.id))


def test_without_an_applicant_screen_the_recipient_signs_in_the_dialog_and_mail_prints(
    qtbot: QtBot,
    pickup: PickupPanel,
    printer: PrintService,  # noqa: F811
    intake: IntakeService,  # noqa: F811
    clerk: UserInfo,  # noqa: F811
    sync: FakeSync,  # noqa: F811
    signatures: SignatureService,
) -> None:
    collected, mailed = accept(intake, clerk), accept(intake, clerk)
    sync.approve(collected.case_id)
    sync.approve(mailed.case_id)
    pickup.refresh()
    pickup.sign.setChecked(True)
    dialog = _dialog(pickup, collected.case_number)
    dialog.id_number.setText(ID_NUMBER)
    assert pickup.signing is not None
    with qtbot.waitSignal(dialog.handed_over):
        dialog.submit()
    qtbot.waitUntil(lambda: pickup.signing is not None and pickup.signing.panel is not None)
    panel = pickup.signing.panel
    assert panel is not None
    signing_dialog = panel.window()
    assert isinstance(signing_dialog, SigningDialog) and signing_dialog.isVisible()
    sign(panel)
    with qtbot.waitSignal(pickup.signing.printed, timeout=10_000):
        signing_dialog.confirm_button.click()
    [record] = printer.jobs(owner=handover_owner_key(collected.case_number))
    assert has_ink(printer.archived_pdf(record.id))
    [signed] = signatures.for_case(collected.case_number)
    assert signed.signer is Signer.APPLICANT
    dialog = _dialog(pickup, mailed.case_number)
    dialog.mail.setChecked(True)
    assert dialog.courier.currentText() == "中国邮政EMS"  # the default courier
    dialog.tracking_no.setText("1234567890123")
    dialog.submit()  # nobody at the counter signs a posting: printed at once
    [posted] = printer.jobs(owner=handover_owner_key(mailed.case_number))
    assert posted.printed and not has_ink(printer.archived_pdf(posted.id))
    assert signatures.for_case(mailed.case_number) == []
    with pytest.raises(SignatureRefused) as refused:
        signatures.record(
            mailed.case_number, PaperRef(DocumentKind.HANDOVER, None), signature_ink(), by=CLERK
        )
    assert refused.value.code is SignatureRefusal.NOT_SIGNED_PAPER


def test_the_clerk_window_signs_its_papers_and_handovers_where_it_is_told(
    qtbot: QtBot,
    queue: QueueService,
    runner: TaskRunner,
    clerk_session: ClerkSession,
    watcher: HallWatcher,
    auth: AuthService,
    deps: IntakeDeps,
    results: ResultsService,  # noqa: F811
    papers: ResultPapers,  # noqa: F811
    signatures: SignatureService,
    printer: PrintService,  # noqa: F811
) -> None:
    """What ``ui.flow`` does when it opens the applicant's screen beside the window, and when it
    closes it: both the intake's paper bar and the pickup window sign there, then in dialogs."""
    counter = dataclasses.replace(
        deps,
        papers=dataclasses.replace(deps.papers, signatures=signatures),
        results=ResultsDeps(results, papers, signatures=signatures),
    )
    window = ClerkWindow(
        queue, runner, clerk_session, watcher, auth=auth, idle_lock_minutes=5, intake=counter
    )
    qtbot.addWidget(window)
    assert window.intake is not None and window.pickup is not None
    signings = [window.intake.paper.signing, window.pickup.signing]
    assert all(s is not None and isinstance(s.surface, DialogSurface) for s in signings)
    screen = ApplicantScreen(HALL, 3, runner)
    qtbot.addWidget(screen)
    surface = ApplicantSigning(screen, printer)
    window.sign_on(surface)
    assert all(s is not None and s.surface is surface for s in signings)
    window.sign_on(None)
    assert all(s is not None and isinstance(s.surface, DialogSurface) for s in signings)
