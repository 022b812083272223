"""A real case's receipt, through the intake and the print service with ``[signing]`` on: it is
archived and printed signed, reads back the same, and the archive refuses a paper whose
signature no longer checks (both databases)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import update

from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.types import Actor
from clerk_app.db.printing_models import ArchivedDocument
from clerk_app.demo import DEMO_BRANDING
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import PaperRequest, PaperSettings, paper_for
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import (
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    IdType,
    PageRef,
)
from clerk_app.printjobs.service import PrintService
from clerk_app.settings import PrintingSettings
from clerk_app.settings_schema import Settings, SigningSettings
from clerk_app.signing import HallSigning, PaperTampered, create_demo_certificate, hall_signing
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from onewindow_base.wording import Language
from printing.config import FilePrinterConfig, PrintRoutes
from printing.signing import verify
from tests.blob_ring import TEST_RING
from tests.pdf_read import pdfium_text

ITEM = "22010001001700000017"
GOT = MaterialRecord(received=True, original_checked=True, copies=1)


@pytest.fixture
def signing(tmp_path: Path) -> HallSigning:
    p12 = tmp_path / "hall-signing.p12"
    create_demo_certificate(TEST_RING, p12, "长春市政务服务中心", dt.datetime.now(dt.UTC))
    settings = Settings(signing=SigningSettings(enabled=True, pkcs12_file=str(p12)))
    made = hall_signing(settings, TEST_RING)
    assert made is not None
    return made


@pytest.fixture
def printer(db: Database, tmp_path: Path, clock: FixedClock, signing: HallSigning) -> PrintService:
    settings = PrintingSettings(
        printers=(FilePrinterConfig(name="a4", directory=str(tmp_path / "out")),),
        routes=PrintRoutes((("window.*", "a4"),)),
        branding=DEMO_BRANDING,
    )
    blobs = BlobStore(tmp_path / "blobs", TEST_RING)
    return PrintService(db, settings, blobs, clock=clock, signing=lambda: signing)


def receipt_job(
    db: Database,
    protector: PersonalDataProtector,
    intake: IntakeService,
    clerk: UserInfo,
    printer: PrintService,
) -> tuple[int, str]:
    applicant = ApplicantInput(
        ApplicantKind.PERSON, "张伟", IdType.RESIDENT_ID, "11010519491231002X", "13812345678"
    )
    records = dict.fromkeys(("M01", "M02", "M03", "M04"), GOT)
    pages = tuple(
        PageRef(f"{n:064x}", "image/png", 2480, 3508, 1000, 300, None, key)
        for n, key in enumerate(records, start=1)
    )
    case = CaseDraft(applicant, ITEM, "01", records, pages)
    result = intake.decide(case, Decision.ACCEPT, clerk, window=3)
    detail = CaseLookup(db, protector, hall_code="CC01").by_number(result.case_number)
    request = PaperRequest(
        case=detail,
        item=intake.item(case.item_code, detail.catalogue_version_id),
        assessment=result.assessment,
        decision=Decision.ACCEPT,
        clerk_name=clerk.display_name,
        window=3,
        today=intake.today(),
    )
    job = printer.print_document(paper_for(request, PaperSettings(DEMO_BRANDING)))
    assert job.printed
    return job.id, result.case_number


def test_a_real_receipt_is_archived_and_printed_signed_and_reads_back(
    db: Database,
    protector: PersonalDataProtector,
    intake: IntakeService,
    clerk: UserInfo,
    printer: PrintService,
    signing: HallSigning,
    tmp_path: Path,
) -> None:
    job_id, number = receipt_job(db, protector, intake, clerk, printer)
    archived = printer.archived_pdf(job_id)
    check = verify(archived, signing.trust_roots)
    assert check.ok, check.problem
    assert check.reason == "一窗通 受理回执" and check.signer is not None
    assert "演示证书" in check.signer
    text = pdfium_text(archived)
    assert number in text and "110105********002X" in text and "11010519491231002X" not in text
    (printed,) = (tmp_path / "out").iterdir()  # the PDF sent to the printer is the signed one
    assert printed.read_bytes() == archived


@pytest.mark.allow_log_warnings  # the refusal is logged as an error for the administrator
def test_the_archive_refuses_a_paper_whose_signature_no_longer_checks(
    db: Database,
    protector: PersonalDataProtector,
    intake: IntakeService,
    clerk: UserInfo,
    printer: PrintService,
) -> None:
    job_id, number = receipt_job(db, protector, intake, clerk, printer)
    signed = printer.archived_pdf(job_id)
    at = signed.index(b"0 obj") - 2
    forged = signed[:at] + (b"7" if signed[at : at + 1] != b"7" else b"8") + signed[at + 1 :]
    # Someone with the hall key and the database swaps the archived paper for an altered one.
    forged_sha = printer.blobs.put(forged)
    with db.write() as session:
        session.execute(update(ArchivedDocument).values(sha256=forged_sha))
    with pytest.raises(PaperTampered) as raised:
        printer.archived_pdf(job_id)
    assert raised.value.message(Language.ZH_CN) == (
        f"存档文书 {number} 的数字签名校验失败（签名后内容被改动）："
        "该文书可能已被篡改，不能作为存档使用。请报告管理员。"
    )
    assert "may have been altered" in raised.value.message(Language.EN)
    with pytest.raises(PaperTampered):  # a copy is never made from it either
        printer.reprint(job_id, by=Actor(7, "赵敏"))


@pytest.mark.allow_log_warnings  # the foreign paper's refusal is logged for the administrator
def test_papers_signed_before_the_certificate_was_renewed_still_read_back(
    db: Database,
    clock: FixedClock,
    protector: PersonalDataProtector,
    intake: IntakeService,
    clerk: UserInfo,
    tmp_path: Path,
) -> None:
    p12 = tmp_path / "renewed" / "hall-signing.p12"
    p12.parent.mkdir()
    settings = Settings(signing=SigningSettings(enabled=True, pkcs12_file=str(p12)))
    now = dt.datetime.now(dt.UTC)
    create_demo_certificate(TEST_RING, p12, "长春市政务服务中心 2025", now)
    printing = PrintingSettings(
        printers=(FilePrinterConfig(name="a4", directory=str(tmp_path / "out")),),
        routes=PrintRoutes((("window.*", "a4"),)),
        branding=DEMO_BRANDING,
    )
    blobs = BlobStore(tmp_path / "blobs", TEST_RING)

    def service() -> PrintService:
        signing = hall_signing(settings, TEST_RING)
        return PrintService(db, printing, blobs, clock=clock, signing=lambda: signing)

    old_job, _ = receipt_job(db, protector, intake, clerk, service())
    # The hall's next certificate replaces it; a third hall's certificate is never trusted.
    create_demo_certificate(TEST_RING, p12, "长春市政务服务中心 2026", now)
    renewed = service()
    roots = hall_signing(settings, TEST_RING).trust_roots  # type: ignore[union-attr]
    assert len(roots) == 2
    new_job, _ = receipt_job(db, protector, intake, clerk, renewed)
    signers = [verify(renewed.archived_pdf(job), roots).signer or "" for job in (old_job, new_job)]
    assert "2025" in signers[0] and "2026" in signers[1]

    stranger = tmp_path / "stranger" / "hall-signing.p12"
    stranger.parent.mkdir()
    create_demo_certificate(TEST_RING, stranger, "另一个大厅", now)
    other = Settings(signing=SigningSettings(enabled=True, pkcs12_file=str(stranger)))
    other_signing = hall_signing(other, TEST_RING)
    foreign = PrintService(db, printing, blobs, clock=clock, signing=lambda: other_signing)
    foreign_job, _ = receipt_job(db, protector, intake, clerk, foreign)
    with pytest.raises(PaperTampered):
        renewed.archived_pdf(foreign_job)
