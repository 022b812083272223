"""The intake screen around real services: both databases, a real key ring, a file printer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.demo import DEMO_BRANDING
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import PaperSettings
from clerk_app.intake.service import IntakeService
from clerk_app.printjobs.service import PrintService
from clerk_app.scans.store import PageIntake
from clerk_app.settings import PrintingSettings
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from printing.config import FilePrinterConfig, PrintRoutes
from tests.blob_ring import TEST_RING
from ui.intake.panel import IntakeDeps
from ui.intake.paper_bar import PaperSources

HALL = "CC01"
ITEM = "22010001001700000017"  # 个体工商户注册登记: M01 M02 M04 required, M03 deferrable
ID_NUMBER = "11010519491231002X"
MASKED_ID = "110105********002X"
A4_300DPI = (2480, 3508)


@pytest.fixture
def protector(clock: FixedClock) -> PersonalDataCipher:
    return PersonalDataCipher(new_ring(Algorithm.SM4_GCM, clock.now_ms()))


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    return tmp_path / "printed"


@pytest.fixture
def deps(
    db: Database, clock: FixedClock, protector: PersonalDataCipher, tmp_path: Path, out_dir: Path
) -> IntakeDeps:
    catalogue = CatalogueService(db)
    intake = IntakeService(
        db,
        catalogue,
        protector,
        hall_code=HALL,
        calendar=shipped_calendar(),
        clock=clock,
        branding=DEMO_BRANDING,
    )
    blobs = BlobStore(tmp_path / "blobs", TEST_RING)
    settings = PrintingSettings(
        printers=(FilePrinterConfig(name="a4", directory=str(out_dir)),),
        routes=PrintRoutes((("window.*", "a4"),)),
        branding=DEMO_BRANDING,
    )
    printer = PrintService(db, settings, blobs, role="window", clock=clock)
    papers = PaperSources(
        intake, CaseLookup(db, protector, hall_code=HALL), printer, PaperSettings(DEMO_BRANDING)
    )
    return IntakeDeps(papers=papers, catalogue=catalogue, pages=PageIntake(blobs))


def scan_files(tmp_path: Path, names: list[str]) -> list[Path]:
    """One A4 page per name at 300 dpi, as a flatbed scanner would save it."""
    paths = []
    for n, name in enumerate(names):
        image = Image.new("L", A4_300DPI, 250)
        draw = ImageDraw.Draw(image)
        draw.rectangle((300, 400 + 40 * n, 2100, 900 + 40 * n), outline=20, width=12)
        draw.text((400, 1200), f"page {name}", fill=10)
        buffer = io.BytesIO()
        image.save(buffer, "PNG", dpi=(300, 300))
        path = tmp_path / f"scan-{name}.png"
        path.write_bytes(buffer.getvalue())
        paths.append(path)
    return paths


def pdf_texts(out_dir: Path) -> list[str]:
    """The text of every PDF printed so far, in the order they were printed."""
    texts = []
    for path in sorted(out_dir.glob("*.pdf")):
        reader = PdfReader(path)
        texts.append("".join(page.extract_text() or "" for page in reader.pages))
    return texts


def squeeze(text: str) -> str:
    return "".join(text.split())


def wait_until(qtbot: QtBot, condition: object) -> None:
    qtbot.waitUntil(condition, timeout=10_000)  # type: ignore[arg-type]
