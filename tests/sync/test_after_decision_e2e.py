"""After the decision, end to end against the reference server on both databases: a case accepted
at the counter goes up, is approved on the server, comes back with the server's certificate
number, is printed with that number, handed over, rated; the rating and its follow-up reach the
server and the hall figures count it all."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from sqlalchemy import select

from central_server.models import Case, Rating, RatingFollowUp
from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.demo import DEMO_BRANDING
from clerk_app.figures.service import FiguresService
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import PageRef
from clerk_app.printjobs.service import PrintService
from clerk_app.queue.service import QueueService
from clerk_app.ratings.service import RatingService
from clerk_app.ratings.types import FollowUpAction, Indicator, RatingInput
from clerk_app.results.papers import ResultPapers
from clerk_app.results.service import ResultsService
from clerk_app.results.types import HandoverMethod, HandoverRequest, Recipient
from clerk_app.settings import PrintingSettings
from onewindow_base.blobs import BlobStore
from printing.config import FilePrinterConfig, PrintRoutes
from tests.blob_ring import TEST_RING
from tests.printing.helpers import pdf_text
from tests.results.conftest import ID_NUMBER, draft
from tests.results.test_ratings import WAIT, served
from tests.sync.conftest import World


def _pages(store: BlobStore, materials: tuple[str, ...]) -> tuple[PageRef, ...]:
    """Scans really in the counter's blob store, so the push uploads them."""
    return tuple(
        PageRef(store.put_bytes(f"scan {m}".encode()), "image/png", 2480, 3508, 8, 300, None, m)
        for m in materials
    )


def test_accept_sync_approve_print_hand_over_rate_and_count(
    any_world: World, tmp_path: Path
) -> None:
    w = any_world
    auth = AuthService(w.db)
    clerk: UserInfo = auth.authenticate("clerk3", "clerk3-demo")
    supervisor = auth.authenticate("supervisor", "supervisor-demo")
    pad = auth.authenticate("clerk1", "clerk1-demo")  # the rating device's account
    audit = AuditService(w.db, w.clock)
    calendar = shipped_calendar()
    intake = IntakeService(
        w.db, CatalogueService(w.db), w.cipher, hall_code="CC01", calendar=calendar,
        audit=audit, clock=w.clock,
    )  # fmt: skip
    queue = QueueService(w.db, clock=w.clock)
    ticket = served(queue, clerk)
    case_draft = draft(ticket_id=ticket)
    case_draft = dataclasses.replace(
        case_draft, pages=_pages(w.store, ("M01", "M02", "M03", "M04"))
    )
    case = intake.decide(case_draft, Decision.ACCEPT, clerk, window=3)

    up = w.sync()
    assert up.ok and up.pushed == 1, up.error
    w.approve(case.case_number)
    down = w.sync()
    assert down.ok and down.pulled >= 1, down.error
    with w.server.services.ctx.db.read() as s:
        server_number = s.scalars(
            select(Case.certificate_no).where(Case.case_no == case.case_number)
        ).one()
    assert server_number
    results = ResultsService(w.db, w.cipher, hall_code="CC01", audit=audit, clock=w.clock)
    [waiting] = results.pickup_list()
    assert (waiting.case_number, waiting.certificate_number) == (case.case_number, server_number)

    printing = PrintingSettings(
        printers=(FilePrinterConfig(name="a4", directory=str(tmp_path / "out")),),
        routes=PrintRoutes((("window.*", "a4"),)),
        branding=DEMO_BRANDING,
    )
    printer = PrintService(
        w.db, printing, BlobStore(tmp_path / "print-blobs", TEST_RING), clock=w.clock
    )
    job = ResultPapers(w.db, w.cipher, printer).print_result(case.case_id, clerk, 3)
    assert server_number in pdf_text(printer.archived_pdf(job.id))

    handed = results.hand_over(
        HandoverRequest(case.case_id, HandoverMethod.PICKUP, Recipient("张𠮷", ID_NUMBER)), clerk
    )
    assert handed.certificate_number == server_number
    ratings = RatingService(w.db, w.cipher, hall_code="CC01", calendar=calendar, clock=w.clock)
    levels = dict.fromkeys(Indicator, 5) | {Indicator.ATTITUDE: 2}
    rated = ratings.submit(RatingInput(ticket, levels, comment="等候太久", reasons=WAIT), pad)
    assert rated.follow_up_id is not None
    ratings.close_follow_up(rated.follow_up_id, FollowUpAction.REVISIT, "已回访", supervisor)

    report = w.sync()
    assert report.ok and report.pushed == 3, report.error  # handover, rating, follow-up
    assert w.outbox() == {"acked": 4}  # and the acceptance
    assert w.server_cases()[case.case_number][0] == "delivered"
    with w.server.services.ctx.db.read() as s:
        rating = s.get_one(Rating, rated.rating_uuid)
        assert (rating.case_no, rating.level, rating.indicators["attitude"]) == (
            case.case_number, 5, 2,
        )  # fmt: skip
        follow_up = s.get_one(RatingFollowUp, rated.rating_uuid)
        assert (follow_up.action, follow_up.note) == ("revisit", "已回访")

    figures = FiguresService(w.db, hall_code="CC01", calendar=calendar, clock=w.clock)
    today = figures.today()
    assert today == dt.date(2026, 11, 24)
    totals = figures.figures(today, today).totals
    assert (totals.accepted, totals.completed, totals.completed_one_visit) == (1, 1, 1)
    assert (totals.handed_over, totals.ratings) == (1, 1)
    assert totals.satisfaction["overall"]["5"] == 1
    assert totals.satisfaction["attitude"]["2"] == 1
