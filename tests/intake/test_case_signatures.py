"""Pad signatures recorded with a real case (both databases): the row, the PNG and strokes sealed
in the blob store, the ``paper.signed`` audit record with the hashes and no image; refusals that
store nothing; and a signed receipt printed through the print service with ``[signing]`` on,
whose archived PDF holds the ink on the page and a digital signature that still verifies."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor
from clerk_app.demo import DEMO_BRANDING
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.types import AgentInput
from clerk_app.printjobs.service import PrintService
from clerk_app.settings import PrintingSettings
from clerk_app.settings_schema import Settings, SigningSettings
from clerk_app.signatures.ink import InkPoint, SignatureInk, Stroke
from clerk_app.signatures.service import (
    PaperRef,
    SignatureRefusal,
    SignatureRefused,
    SignatureService,
    Signer,
)
from clerk_app.signatures.signed_print import print_signed
from clerk_app.signing import HallSigning, create_demo_certificate, hall_signing
from clerk_app.storage.sweep import referenced_digests
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from printing.config import FilePrinterConfig, PrintRoutes
from printing.documents import DocumentKind
from printing.signing import verify
from tests.blob_ring import TEST_RING
from tests.intake.accepted_case import accepted_receipt
from tests.pdf_read import pdfium_text

HALL_TZ = ZoneInfo("Asia/Shanghai")
CLERK = Actor(3, "赵敏")
PNG_MAGIC = b"\x89PNG"


def wave(y: float, pressure: float) -> Stroke:
    return tuple(
        InkPoint(40 + 25 * i, y + (18 if i % 2 else -18), pressure, 12 * i) for i in range(12)
    )


def ink_png(size: tuple[int, int] = (472, 150)) -> bytes:
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(image).line(
        (10, 120, 150, 20, 300, 130, 460, 25), fill=(20, 24, 60, 255), width=9
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def signature_ink(strokes: tuple[Stroke, ...] = (wave(100, 0.4), wave(160, 0.9))) -> SignatureInk:
    return SignatureInk(ink_png(), strokes, (720, 280), (472, 150))


@pytest.fixture
def blobs(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", TEST_RING)


@pytest.fixture
def signatures(db: Database, blobs: BlobStore, clock: FixedClock) -> SignatureService:
    return SignatureService(db, blobs, tz=HALL_TZ, clock=clock)


def test_a_signature_is_kept_with_its_case_sealed_and_audited(
    db: Database,
    clock: FixedClock,
    protector: PersonalDataProtector,
    blobs: BlobStore,
    signatures: SignatureService,
) -> None:
    receipt = accepted_receipt(db, clock, protector)
    ink = signature_ink()
    clock.advance(minutes=3)
    signed = signatures.record(
        receipt.case_number, PaperRef(DocumentKind.RECEIPT, receipt.number), ink, by=CLERK
    )
    assert signed.paper == PaperRef(DocumentKind.RECEIPT, receipt.number) and receipt.number
    assert signed.signer is Signer.APPLICANT and signed.print_job_id is None
    assert signed.image_size == (472, 150)
    assert signed.signed_ms == clock.now_ms()
    assert signed.signed_at == dt.datetime.fromtimestamp(clock.now_ms() / 1000, HALL_TZ)
    assert signed.png_sha256 == hashlib.sha256(ink.png).hexdigest() == ink.png_sha256
    assert signed.strokes_sha256 == hashlib.sha256(ink.strokes_json()).hexdigest()
    assert signatures.for_case(receipt.case_number) == [signed]
    # sealed at rest: the file holds neither the PNG nor the strokes in the clear
    for sha, plain in ((signed.png_sha256, ink.png), (signed.strokes_sha256, ink.strokes_json())):
        stored = blobs.path_of(sha).read_bytes()
        assert PNG_MAGIC not in stored and plain not in stored and b'"strokes"' not in stored
    assert signatures.image(signed.id) == ink.png
    assert json.loads(signatures.strokes(signed.id))["strokes"][1][0] == [40.0, 142.0, 0.9, 0]
    # the orphan sweep keeps both
    assert {signed.png_sha256, signed.strokes_sha256} <= db.run_read(referenced_digests)
    [entry] = [e for e in AuditService(db).entries(0, 2**62) if e.action == "paper.signed"]
    detail = json.loads(entry.detail)
    assert (entry.actor, entry.target_kind, entry.target) == ("赵敏", "case", receipt.case_number)
    assert detail["png_sha256"].replace("-", "") == signed.png_sha256
    assert detail["strokes_sha256"].replace("-", "") == signed.strokes_sha256
    assert (detail["paper"], detail["number"], detail["signer"]) == (
        "receipt",
        receipt.number,
        "applicant",
    )
    assert "png" not in entry.detail.replace("png_sha256", "")  # the hash, never the image
    assert AuditService(db).verify().intact


def test_the_agent_signs_where_the_case_names_one(
    db: Database,
    clock: FixedClock,
    protector: PersonalDataProtector,
    signatures: SignatureService,
) -> None:
    agent = AgentInput("李娜", "11010519491231002X", "授权委托书 2026-017")
    receipt = accepted_receipt(db, clock, protector, agent=agent)
    paper = PaperRef(DocumentKind.RECEIPT, receipt.number)
    signed = signatures.record(receipt.case_number, paper, signature_ink(), by=CLERK)
    assert signed.signer is Signer.AGENT


@pytest.mark.parametrize(
    ("strokes", "kind", "code"),
    [
        ((), DocumentKind.RECEIPT, SignatureRefusal.EMPTY),
        ((wave(100, 0.5)[:1],), DocumentKind.RECEIPT, SignatureRefusal.TOO_LITTLE),
        ((wave(100, 0.5)[:2],), DocumentKind.RECEIPT, SignatureRefusal.TOO_LITTLE),
        ((wave(100, 0.5),), DocumentKind.CERTIFICATE, SignatureRefusal.NOT_SIGNED_PAPER),
    ],
)
def test_a_blank_pad_a_dot_or_an_unsigned_paper_is_refused_and_nothing_is_stored(
    db: Database,
    clock: FixedClock,
    protector: PersonalDataProtector,
    blobs: BlobStore,
    signatures: SignatureService,
    strokes: tuple[Stroke, ...],
    kind: DocumentKind,
    code: SignatureRefusal,
) -> None:
    receipt = accepted_receipt(db, clock, protector)
    with pytest.raises(SignatureRefused) as refused:
        signatures.record(
            receipt.case_number, PaperRef(kind, None), signature_ink(strokes), by=CLERK
        )
    assert refused.value.code is code
    assert signatures.for_case(receipt.case_number) == []
    assert not list(blobs.files())


def test_an_unknown_case_is_refused_and_nothing_is_stored(
    blobs: BlobStore, signatures: SignatureService
) -> None:
    with pytest.raises(SignatureRefused) as refused:
        signatures.record(
            "CC01-20261207-03-9999",
            PaperRef(DocumentKind.RECEIPT, None),
            signature_ink(),
            by=CLERK,
        )
    assert refused.value.code is SignatureRefusal.UNKNOWN_CASE
    assert not list(blobs.files())


# ---------------------------------------------------------------------------- the signed paper
@pytest.fixture
def signing(tmp_path: Path) -> HallSigning:
    p12 = tmp_path / "hall-signing.p12"
    create_demo_certificate(TEST_RING, p12, "长春市政务服务中心", dt.datetime.now(dt.UTC))
    made = hall_signing(
        Settings(signing=SigningSettings(enabled=True, pkcs12_file=str(p12))), TEST_RING
    )
    assert made is not None
    return made


def signed_printer(
    db: Database, blobs: BlobStore, clock: FixedClock, signing: HallSigning, out: Path
) -> PrintService:
    settings = PrintingSettings(
        printers=(FilePrinterConfig(name="a4", directory=str(out)),),
        routes=PrintRoutes((("window.*", "a4"),)),
        branding=DEMO_BRANDING,
    )
    return PrintService(db, settings, blobs, role="window", clock=clock, signing=lambda: signing)


def pdf_images(pdf: bytes) -> list[tuple[int, int, str]]:
    """(width, height, mode) of every image on every page, as pypdf decodes them."""
    reader = PdfReader(io.BytesIO(pdf))
    images = [i.image for p in reader.pages for i in p.images]
    decoded = [image for image in images if image is not None]
    assert len(decoded) == len(images), "pypdf could not decode an image"
    return [(image.width, image.height, image.mode) for image in decoded]


def test_a_signed_receipt_is_archived_with_the_ink_under_a_valid_signature(
    db: Database,
    clock: FixedClock,
    protector: PersonalDataProtector,
    blobs: BlobStore,
    signatures: SignatureService,
    signing: HallSigning,
    tmp_path: Path,
) -> None:
    printer = signed_printer(db, blobs, clock, signing, tmp_path / "out")
    receipt = accepted_receipt(db, clock, protector)
    ink = signature_ink()
    done = print_signed(signatures, printer, receipt, ink, by=CLERK)
    assert done.job.printed and done.signature.print_job_id == done.job.id
    archived = printer.archived_pdf(done.job.id)
    check = verify(archived, signing.trust_roots)
    assert check.ok, check.problem  # the ink went on the page before the PDF was signed
    assert (472, 150, "RGBA") in pdf_images(archived)  # the PNG, its transparency kept
    text = pdfium_text(archived)
    day = done.signature.signed_at.date()
    assert f"日期：{day.year}年{day.month}月{day.day}日" in text
    assert "日期：年月日" not in text  # the blank date line is gone for the signed line
    (printed,) = (tmp_path / "out").iterdir()
    assert printed.read_bytes() == archived
    poppler_lists_the_image(printed)


def test_an_unsigned_receipt_has_no_ink_and_a_blank_date_line(
    db: Database,
    clock: FixedClock,
    protector: PersonalDataProtector,
    blobs: BlobStore,
    signing: HallSigning,
    tmp_path: Path,
) -> None:
    printer = signed_printer(db, blobs, clock, signing, tmp_path / "out")
    job = printer.print_document(accepted_receipt(db, clock, protector))
    archived = printer.archived_pdf(job.id)
    assert all(mode != "RGBA" for *_, mode in pdf_images(archived))
    assert "日期：年月日" in pdfium_text(archived)


def poppler_lists_the_image(pdf: Path) -> None:
    """pdfimages (poppler-utils) finds the ink and its soft mask on the last page."""
    binary = shutil.which("pdfimages")
    if binary is None:
        print("pdfimages is missing (poppler-utils, tools/system-deps.sh): not checked by it")
        return
    listing = subprocess.run(
        [binary, "-list", str(pdf)], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert any(r[2] == "image" and r[3:5] == ["472", "150"] for r in rows), listing
    assert any(r[2] == "smask" and r[3:5] == ["472", "150"] for r in rows), listing
