"""请申请人签名 on the applicant's screen, around real services (both databases, a real key ring,
a file printer, the hall's demo certificate): the receipt the print path renders is shown under
请签名 with the pad beside it, the clerk waits in a small window that is not modal, the
applicant signs with a pen and the mouse and confirms, and the archived receipt holds the ink
under a digital signature that verifies, its hash in the audit trail; the clerk's 取消 records
and prints nothing. Either way the screen goes back to the decision."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.audit.service import AuditService
from clerk_app.intake.types import DecisionResult
from clerk_app.signatures.service import Signer
from clerk_app.signing import HallSigning
from onewindow_base.db.engine import Database
from printing.signing import verify
from tests.intake.accepted_case import accept
from tests.pdf_read import pdfium_text
from tests.ui.test_signature_pad import mouse_stroke
from tests.ui.test_signing_flow import (  # noqa: F401 - fixtures
    bar,
    protector,
    sign_with_pen,
    signing,
    sources,
)
from ui.applicant.screen import DECISION, SIGNING, ApplicantScreen
from ui.applicant.signing import ApplicantSigning
from ui.intake.paper_bar import PaperBar, PaperSources
from ui.signature.panel import LARGE_BUTTON_HEIGHT, SigningPanel
from ui.tasks import TaskRunner

HALL = ("长春市政务服务中心", "Changchun Government Service Center")


@pytest.fixture
def screen(qtbot: QtBot, runner: TaskRunner) -> ApplicantScreen:
    widget = ApplicantScreen(HALL, 3, runner)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


@pytest.fixture
def surface(
    bar: PaperBar,  # noqa: F811
    screen: ApplicantScreen,
    sources: PaperSources,  # noqa: F811
) -> ApplicantSigning:
    made = ApplicantSigning(screen, sources.printer)
    assert bar.signing is not None
    bar.signing.use_surface(made)
    return made


def ask_to_sign(
    qtbot: QtBot,
    bar: PaperBar,  # noqa: F811
    screen: ApplicantScreen,
    sources: PaperSources,  # noqa: F811
    db: Database,
) -> tuple[DecisionResult, SigningPanel]:
    """The clerk ticks 请申请人签名 and decides: the receipt goes to the applicant's screen."""
    result, _ = accept(sources.intake, db)
    screen.show_decision(result)
    qtbot.mouseClick(bar.sign, Qt.MouseButton.LeftButton)
    assert bar.sign.isChecked()
    with qtbot.waitSignal(screen.signing_shown, timeout=10_000):
        bar.paper_for(result, None)
    panel = screen.signing_page.signing_widget
    assert isinstance(panel, SigningPanel)
    assert bar.signing is not None and bar.signing.panel is panel
    return result, panel


def test_the_applicant_signs_on_their_screen_and_the_archived_receipt_holds_the_ink(
    chinese: None,
    qtbot: QtBot,
    bar: PaperBar,  # noqa: F811
    screen: ApplicantScreen,
    surface: ApplicantSigning,
    sources: PaperSources,  # noqa: F811
    db: Database,
    signing: HallSigning,  # noqa: F811
    tmp_path: Path,
) -> None:
    result, panel = ask_to_sign(qtbot, bar, screen, sources, db)
    page = screen.signing_page
    assert screen.page == SIGNING and page.heading.text() == "请签名" and page.has_paper()
    assert page.title.text() == "受理通知书" and "受理通知书" in panel.prompt.text()
    assert page.slot.isVisible() and panel.pad.isVisible()
    buttons = (panel.clear_button, panel.undo_button, panel.redo_button, panel.confirm_button)
    assert [b.text() for b in buttons] == ["清除(&C)", "撤销(&U)", "重做(&R)", "确认签名(&O)"]
    assert all(b.height() >= LARGE_BUTTON_HEIGHT for b in buttons)
    waiting = surface.waiting  # the clerk's side: waiting, with 取消, not modal
    assert waiting is not None and waiting.isVisible() and not waiting.isModal()
    assert "等待申请人" in waiting.label.text() and waiting.cancel_button.text() == "取消"
    assert bar.job is None and not (tmp_path / "out").exists()  # nothing printed before signing
    sign_with_pen(panel.pad)
    mouse_stroke(qtbot, panel.pad, [(80 + 30 * i, 200 + (i % 2) * 15) for i in range(8)])
    assert len(panel.pad.strokes) == 3
    with qtbot.waitSignal(bar.printed, timeout=10_000) as printed:
        qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert screen.page == DECISION and page.signing_widget is None and not page.has_paper()
    assert surface.waiting is None and not waiting.isVisible()
    job = printed.args[0]
    archived = sources.printer.archived_pdf(job.id)
    check = verify(archived, signing.trust_roots)
    assert check.ok, check.problem
    images = [i.image for p in PdfReader(io.BytesIO(archived)).pages for i in p.images]
    assert any(
        image is not None and image.mode == "RGBA" for image in images
    )  # the ink, on a transparent ground
    assert "日期：年月日" not in pdfium_text(archived)
    assert sources.signatures is not None
    [signed] = sources.signatures.for_case(result.case_number)
    assert signed.print_job_id == job.id and signed.signer is Signer.APPLICANT
    [entry] = [e for e in AuditService(db).entries(0, 2**62) if e.action == "paper.signed"]
    assert entry.target == result.case_number and signed.png_sha256[:8] in entry.detail


def test_the_clerk_cancels_and_nothing_is_recorded_or_printed(
    qtbot: QtBot,
    bar: PaperBar,  # noqa: F811
    screen: ApplicantScreen,
    surface: ApplicantSigning,
    sources: PaperSources,  # noqa: F811
    db: Database,
    tmp_path: Path,
) -> None:
    result, panel = ask_to_sign(qtbot, bar, screen, sources, db)
    sign_with_pen(panel.pad)  # signed, but the clerk cancels before it is confirmed
    waiting = surface.waiting
    assert waiting is not None and bar.signing is not None
    with qtbot.waitSignal(bar.signing.cancelled):
        qtbot.mouseClick(waiting.cancel_button, Qt.MouseButton.LeftButton)
    assert screen.page == DECISION and screen.signing_page.signing_widget is None
    assert not waiting.isVisible() and surface.waiting is None
    assert "Not signed" in bar.status.text() and bar.reprint_button.isEnabled()
    assert bar.job is None and not (tmp_path / "out").exists()
    assert sources.signatures is not None
    assert sources.signatures.for_case(result.case_number) == []
    assert not [e for e in AuditService(db).entries(0, 2**62) if e.action == "paper.signed"]
    with qtbot.waitSignal(screen.signing_shown, timeout=10_000):  # Reprint asks again
        bar.reprint_button.click()
    assert screen.page == SIGNING and surface.waiting is not None


def test_without_an_applicant_screen_the_dialog_opens_on_the_clerks_screen_again(
    qtbot: QtBot,
    bar: PaperBar,  # noqa: F811
    surface: ApplicantSigning,
    sources: PaperSources,  # noqa: F811
    db: Database,
) -> None:
    assert bar.signing is not None
    bar.signing.use_surface(None)  # the applicant's screen closed (sign-out, [screens] off)
    bar.sign.setChecked(True)
    result, _ = accept(sources.intake, db)
    bar.paper_for(result, None)
    panel = bar.signing.panel
    assert panel is not None and panel.window() is not panel and panel.window().isVisible()
    assert panel.window().parent() is bar.window() and surface.waiting is None
