"""Every log line of a full intake and a sync, at DEBUG, holds no ID number, phone or name.

The counter and the reference server run for real (both databases); the log setup is the app's
own (``logsafety.install`` as in ``main()``, the GUI's rotating file handler), with the root
logger and the SQL, HTTP and server libraries' loggers all at DEBUG. The scanned file is even
named after the applicant, the way a clerk's scanner software often saves it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk_app.accounts.auth import AuthService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.demo import DEMO_BRANDING
from clerk_app.demo_cases import DEMO_ITEM, DEMO_MATERIALS
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.papers import PaperRequest, PaperSettings, paper_for
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import ApplicantInput, ApplicantKind, CaseDraft, IdType, PageRef
from clerk_app.printjobs.service import PrintService
from clerk_app.printjobs.types import JobState
from clerk_app.scans.store import Accepted, PageIntake
from clerk_app.scans.types import RawPage
from clerk_app.settings import PrintingSettings
from onewindow_base import logsafety
from printing.config import FilePrinterConfig, PrintRoutes
from tests.central_server.conftest import CentralTemplates, central_templates  # noqa: F401
from tests.dbs import Templates
from tests.scans import samples as scan_samples
from tests.sync.conftest import World, build_world

ID_NUMBER = "220104198001016011"  # valid check digit, made up
PHONE = "13987654321"
NAME = "欧阳𠀋琳"
LIBRARIES = (
    "sqlalchemy",
    "sqlalchemy.engine",
    "sqlalchemy.pool",
    "httpx",
    "httpcore",
    "urllib3",
    "uvicorn",
    "uvicorn.access",
    "uvicorn.error",
    "fastapi",
    "asyncio",
    "PIL",
)


def variants() -> dict[str, str]:
    """Every spelling under which the three values must not appear."""
    out: dict[str, str] = {}
    for label, value in (("id", ID_NUMBER), ("phone", PHONE), ("name", NAME)):
        forms = {
            value,
            value.lower(),
            value.upper(),
            " ".join(value),
            json.dumps(value)[1:-1],  # \\u escapes (JSON with ensure_ascii)
            repr(value.encode())[2:-1],  # b'\\xe6...' (bytes in a repr)
            value.encode("unicode_escape").decode(),
        }
        for form in forms:
            out[form] = label
    out[f"{ID_NUMBER[:6]} {ID_NUMBER[6:14]} {ID_NUMBER[14:]}"] = "id"
    out[f"{ID_NUMBER[:6]}-{ID_NUMBER[6:14]}-{ID_NUMBER[14:]}"] = "id"
    out[f"{PHONE[:3]} {PHONE[3:7]} {PHONE[7:]}"] = "phone"
    out[f"{PHONE[:3]}-{PHONE[3:7]}-{PHONE[7:]}"] = "phone"
    out[NAME[:2]] = "name"  # the surname alone, as 欧阳 is rare enough to identify
    return out


class Everything(logging.Handler):
    """Keeps every record, formatted the way a file handler would write it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(threadName)s: %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def capture(tmp_path: Path) -> Iterator[tuple[Everything, Path]]:
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    saved_levels = {name: logging.getLogger(name).level for name in LIBRARIES}
    handler = Everything()
    root.addHandler(handler)
    file_log = tmp_path / "logs" / "clerk-app.log"
    file_log.parent.mkdir()
    file_handler = logging.FileHandler(file_log, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(file_handler)
    logsafety.install(root)  # what main() and the GUI's setup_logging do
    root.setLevel(logging.DEBUG)
    for name in LIBRARIES:  # a diagnosis turned every library up
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield handler, file_log
    finally:
        file_handler.close()
        root.setLevel(saved[0])
        root.handlers[:] = saved[1]
        for name, level in saved_levels.items():
            logging.getLogger(name).setLevel(level)


@pytest.fixture(params=["sqlite", "postgresql"])
def world(
    request: pytest.FixtureRequest,
    templates: Templates,
    central_templates: CentralTemplates,  # noqa: F811
    tmp_path: Path,
) -> Iterator[World]:
    yield from build_world(str(request.param), templates, central_templates, tmp_path)


def _scan_named_after_applicant(world: World) -> tuple[PageRef, ...]:
    intake = PageIntake(world.store)
    refs = []
    for n, material in enumerate(DEMO_MATERIALS):
        data = scan_samples.png(dpi=200, text=f"page {n}")
        outcome = intake.take(RawPage(f"{NAME}_{ID_NUMBER}_{PHONE}_{n}.png", data, len(data)))
        assert isinstance(outcome, Accepted), outcome
        page = outcome.pages[0]
        refs.append(
            PageRef(
                page.sha256,
                page.mime,
                page.width,
                page.height,
                page.bytes,
                page.dpi,
                page.thumbnail_sha256,
                material,
            )
        )
    return tuple(refs)


def _full_intake(world: World, tmp_path: Path) -> str:
    clerk = AuthService(world.db, clock=world.clock).authenticate("clerk3", "clerk3-demo")
    intake = IntakeService(
        world.db,
        CatalogueService(world.db),
        world.cipher,
        hall_code="CC01",
        calendar=shipped_calendar(),
        clock=world.clock,
    )
    applicant = ApplicantInput(
        ApplicantKind.PERSON, NAME, IdType.RESIDENT_ID, ID_NUMBER, PHONE, "长春市南关区人民大街"
    )
    got = MaterialRecord(received=True, original_checked=True, copies=1)
    draft = CaseDraft(
        applicant,
        DEMO_ITEM,
        "01",
        dict.fromkeys(DEMO_MATERIALS, got),
        _scan_named_after_applicant(world),
    )
    result = intake.decide(draft, Decision.ACCEPT, clerk, window=3)
    lookup = CaseLookup(world.db, world.cipher, hall_code="CC01")
    assert [c.case_number for c in lookup.search(id_number=ID_NUMBER)] == [result.case_number]
    assert lookup.search(name=NAME[:2])
    detail = lookup.by_number(result.case_number)
    request = PaperRequest(
        case=detail,
        item=intake.item(DEMO_ITEM, detail.catalogue_version_id),
        assessment=result.assessment,
        decision=Decision.ACCEPT,
        clerk_name=clerk.display_name,
        window=3,
        today=intake.today(),
    )
    settings = PrintingSettings(
        printers=(FilePrinterConfig(name="a4", directory=str(tmp_path / "printed")),),
        routes=PrintRoutes((("window.*", "a4"),)),
        branding=DEMO_BRANDING,
    )
    printer = PrintService(world.db, settings, world.store, clock=world.clock)
    job = printer.print_document(paper_for(request, PaperSettings(DEMO_BRANDING)))
    assert job.state is JobState.PRINTED
    return result.case_number


def test_a_full_intake_and_sync_log_no_personal_data(
    world: World, capture: tuple[Everything, Path], tmp_path: Path
) -> None:
    handler, file_log = capture
    case_no = _full_intake(world, tmp_path)
    first = world.sync()
    assert first.ok and first.pushed >= 1 and first.pending == 0, first
    assert world.server_cases()[case_no][0] == "received"
    world.approve(case_no)
    second = world.sync()
    assert second.ok and second.pulled >= 1, second

    captured = "\n".join(handler.lines)
    written = file_log.read_text(encoding="utf-8")
    # The scan is real: enough was logged for the check to mean something.
    assert len(handler.lines) > 50
    assert "sqlalchemy.engine" in captured and "httpx" in captured
    assert case_no in captured  # case numbers are not personal data and do reach the log
    for text, where in ((captured, "captured records"), (written, "the log file")):
        leaks = {label for form, label in variants().items() if form in text}
        assert not leaks, f"{sorted(leaks)} found in {where}"
