"""Building the intake screen's services from the settings (runs in the background at start),
and sweeping the blob store of scans no case refers to (``clerk_app.storage.sweep``).

The hall key (for ID numbers and phones at rest) comes from the configured key store. Without
one the counter has no intake screen: it cannot keep personal data safely, so it offers only
the queue, and says so in the log. The demo (``--seed-demo``) makes itself a key.
"""

from __future__ import annotations

import logging

from clerk_app.accounts.auth import AuthService
from clerk_app.calendars.live import hall_calendar
from clerk_app.counter import counter_services
from clerk_app.crypto.keys import key_store_for
from clerk_app.demo import hall_papers
from clerk_app.figures.service import FiguresService
from clerk_app.intake.post_check import PostCheckService
from clerk_app.scans.store import PageIntake
from clerk_app.settings import Settings
from clerk_app.storage.blobs import hall_blob_store
from clerk_app.storage.sweep import sweep_at_start
from onewindow_base.clock import SystemClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from ui.intake.panel import IntakeDeps
from ui.intake.paper_bar import PaperSources
from ui.results.pickup_panel import ResultsDeps
from ui.supervisor.figures_panel import FiguresDeps

log = logging.getLogger(__name__)


def build_intake(
    db: Database, settings: Settings, hall_code: str, *, demo: bool
) -> IntakeDeps | None:
    store = key_store_for(settings)
    if not store.exists():
        if not demo:
            log.info("no hall key in %s: the intake screen is off", store.describe())
            return None
        store.save(new_ring(Algorithm(settings.security.cipher), SystemClock().now_ms()))
    protector = PersonalDataCipher(store.load())
    blobs = hall_blob_store(settings, protector.ring)
    sweep_at_start(db, blobs)  # scans of saves that never committed (a crash, a full disk)
    counter = counter_services(
        db,
        settings.printing,
        blobs,
        protector,
        hall_code=hall_code,
        papers=hall_papers(settings, demo=demo),
        post_check_days=settings.post_check_days,
        rating_follow_up_days=settings.rating_follow_up_days,
    )
    papers = PaperSources(counter.intake, counter.lookup, counter.printer, counter.papers)
    results = ResultsDeps(counter.results, counter.result_papers, counter.ratings)
    return IntakeDeps(
        papers=papers,
        catalogue=counter.catalogue,
        pages=PageIntake(blobs),
        auth=AuthService(db),
        results=results,
    )


def build_figures(
    db: Database, settings: Settings, hall_code: str, intake: IntakeDeps | None
) -> FiguresDeps:
    """The supervisor's figures; follow-ups only where the hall key opened the intake."""
    results = intake.results if intake is not None else None
    return FiguresDeps(
        FiguresService(db, hall_code=hall_code, calendar=hall_calendar(db)),
        results.ratings if results is not None else None,
        settings.printing.branding,
        PostCheckService(db),
    )
