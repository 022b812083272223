"""The clerk's 请申请人签名 around real services (both databases, a real key ring, a file printer,
the hall's demo certificate): a decision's receipt waits for the signature, the applicant signs
in the dialog with a pen, the receipt prints with the ink, and the archived PDF holds the image
under a digital signature that verifies. Cancelling prints nothing; a dot is refused."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent
from pytestqt.qtbot import QtBot

from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor
from clerk_app.demo import DEMO_BRANDING
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import PaperSettings
from clerk_app.printjobs.service import PrintService
from clerk_app.settings import PrintingSettings
from clerk_app.settings_schema import Settings, SigningSettings
from clerk_app.signatures.service import SignatureService
from clerk_app.signing import HallSigning, create_demo_certificate, hall_signing
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.db.engine import Database
from printing.config import FilePrinterConfig, PrintRoutes
from printing.signing import verify
from tests.blob_ring import TEST_RING
from tests.intake.accepted_case import accept, intake_service
from tests.pdf_read import pdfium_text
from tests.ui.test_signature_pad import pen, wave
from ui.intake.paper_bar import PaperBar, PaperSources
from ui.signature.dialog import SigningDialog
from ui.signature.pad import SignaturePad
from ui.tasks import TaskRunner

CLERK = Actor(3, "赵敏")


@pytest.fixture
def protector(clock: FixedClock) -> PersonalDataCipher:
    return PersonalDataCipher(TEST_RING)


@pytest.fixture
def signing(tmp_path: Path) -> HallSigning:
    p12 = tmp_path / "hall-signing.p12"
    create_demo_certificate(TEST_RING, p12, "长春市政务服务中心", dt.datetime.now(dt.UTC))
    made = hall_signing(
        Settings(signing=SigningSettings(enabled=True, pkcs12_file=str(p12))), TEST_RING
    )
    assert made is not None
    return made


@pytest.fixture
def sources(
    db: Database,
    clock: FixedClock,
    protector: PersonalDataCipher,
    signing: HallSigning,
    tmp_path: Path,
) -> PaperSources:
    blobs = BlobStore(tmp_path / "blobs", TEST_RING)
    settings = PrintingSettings(
        printers=(FilePrinterConfig(name="a4", directory=str(tmp_path / "out")),),
        routes=PrintRoutes((("window.*", "a4"),)),
        branding=DEMO_BRANDING,
    )
    printer = PrintService(db, settings, blobs, role="window", clock=clock, signing=lambda: signing)
    return PaperSources(
        intake_service(db, clock, protector),
        CaseLookup(db, protector, hall_code="CC01"),
        printer,
        PaperSettings(DEMO_BRANDING),
        SignatureService(db, blobs, tz=dt.UTC, clock=clock),
    )


@pytest.fixture
def bar(qtbot: QtBot, sources: PaperSources, runner: TaskRunner) -> PaperBar:
    widget = PaperBar(sources, runner, ("赵敏", 3), by=CLERK)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def dialog_of(bar: PaperBar) -> SigningDialog:
    assert bar.signing is not None and bar.signing.panel is not None
    dialog = bar.signing.panel.window()
    assert isinstance(dialog, SigningDialog)
    return dialog


def sign_with_pen(pad: SignaturePad, strokes: int = 2) -> None:
    for n in range(strokes):
        (x, y, p), *rest = wave(60, 90 + 80 * n, 0.7)
        pen(pad, QEvent.Type.TabletPress, x, y, p)
        for x, y, p in rest:
            pen(pad, QEvent.Type.TabletMove, x, y, p)
        pen(pad, QEvent.Type.TabletRelease, x, y, 0.0)


def test_the_applicant_signs_and_the_archived_receipt_holds_the_ink_under_a_valid_signature(
    qtbot: QtBot,
    bar: PaperBar,
    sources: PaperSources,
    db: Database,
    signing: HallSigning,
    tmp_path: Path,
) -> None:
    assert bar.sign.isVisible() and bar.sign.text() == "Ask the applicant to &sign"
    bar.sign.setChecked(True)
    result, _ = accept(sources.intake, db)
    bar.paper_for(result, None)
    dialog = dialog_of(bar)
    assert dialog.isVisible() and "the acceptance notice" in dialog.prompt.text()
    assert bar.job is None and not (tmp_path / "out").exists()  # nothing printed before signing
    sign_with_pen(dialog.pad)
    with qtbot.waitSignal(bar.printed) as printed:
        dialog.confirm_button.click()
    job = printed.args[0]
    assert job.printed and bar.job == job
    archived = sources.printer.archived_pdf(job.id)
    check = verify(archived, signing.trust_roots)
    assert check.ok, check.problem
    reader = PdfReader(io.BytesIO(archived))
    images = [i.image for page in reader.pages for i in page.images]
    assert any(
        image is not None and image.mode == "RGBA" for image in images
    )  # the ink, on a transparent ground
    assert "日期：年月日" not in pdfium_text(archived)
    assert sources.signatures is not None
    [signed] = sources.signatures.for_case(result.case_number)
    assert signed.print_job_id == job.id
    [entry] = [e for e in AuditService(db).entries(0, 2**62) if e.action == "paper.signed"]
    assert entry.target == result.case_number and signed.png_sha256[:8] in entry.detail


def test_closing_the_dialog_unsigned_prints_nothing_and_a_dot_is_refused(
    qtbot: QtBot, bar: PaperBar, sources: PaperSources, db: Database, tmp_path: Path
) -> None:
    bar.sign.setChecked(True)
    result, _ = accept(sources.intake, db)
    bar.paper_for(result, None)
    dialog = dialog_of(bar)
    pen(dialog.pad, QEvent.Type.TabletPress, 300, 100, 0.5)
    pen(dialog.pad, QEvent.Type.TabletRelease, 300, 100, 0.0)
    dialog.confirm_button.click()
    assert dialog.isVisible() and "too little" in dialog.problem.text()
    assert bar.signing is not None
    with qtbot.waitSignal(bar.signing.cancelled):
        dialog.reject()
    assert "Not signed" in bar.status.text() and bar.reprint_button.isEnabled()
    assert bar.job is None and not (tmp_path / "out").exists()
    assert sources.signatures is not None
    assert sources.signatures.for_case(result.case_number) == []
