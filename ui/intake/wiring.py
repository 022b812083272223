"""The intake screen's parts from the services (built in the background at start by
``ui.flow``), and sweeping the blob store of scans no case refers to
(``clerk_app.storage.sweep``).

The hall key (for ID numbers and phones at rest) comes from the configured key store. Without
one the counter has no intake screen: it cannot keep personal data safely, so it offers only
the queue, and says so in the log. The demo (``--seed-demo``) makes itself a key, and a
demonstration certificate that signs its papers (``clerk_app.signing``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from clerk_app.crypto.keys import key_store_for
from clerk_app.scans.sane import SaneSettings, SaneSource
from clerk_app.scans.sources import FolderSource
from clerk_app.scans.store import PageIntake
from clerk_app.services import Services
from clerk_app.settings import Settings
from clerk_app.signing import ensure_demo_certificate
from clerk_app.storage.sweep import sweep_at_start
from onewindow_base.crypto.keys import Algorithm, new_ring
from ui.intake.panel import IntakeDeps
from ui.intake.paper_bar import PaperSources
from ui.intake.photo_check_dialog import PhotoCheckSources
from ui.results.pickup_panel import ResultsDeps
from ui.scans.camera import CameraChoice
from ui.scans.live_camera import LiveCamera
from ui.scans.panel import ScanSources
from ui.supervisor.figures_panel import FiguresDeps

log = logging.getLogger(__name__)


def build_intake(services: Services, *, demo: bool) -> IntakeDeps | None:
    if not services.has_hall_key:
        store = key_store_for(services.settings)
        if not demo:
            log.info("no hall key in %s: the intake screen is off", store.describe())
            return None
        store.save(new_ring(Algorithm(services.settings.security.cipher), services.clock.now_ms()))
    hall_name = services.hall.name_zh
    if demo and ensure_demo_certificate(services.settings, services.key_ring, hall_name):
        log.info("demo hall: papers are signed with a demonstration certificate")
    sweep_at_start(services.db, services.blobs)  # scans of saves that never committed
    counter = services.counter
    papers = PaperSources(
        counter.intake, counter.lookup, counter.printer, counter.papers, counter.signatures
    )
    results = ResultsDeps(
        counter.results, counter.result_papers, counter.ratings, counter.signatures
    )
    sources = scan_sources(services.settings)
    return IntakeDeps(
        papers=papers,
        catalogue=counter.catalogue,
        pages=PageIntake(services.blobs),
        auth=services.auth,
        results=results,
        idcard=services.idcard,
        credit=services.credit,
        photo_checks=services.photo_checks,
        assistance=services.assistance,
        scan_sources=sources,
        photo_sources=photo_sources(sources),
        licences=services.licences,
        notifications=services.notifications,
    )


def scan_sources(settings: Settings) -> ScanSources:
    """Where this counter's scanned pages come from, as ``[scanner]`` says: a SANE scanner
    (``kind = "sane"``, ``device`` or SANE's first), the folder a scanner or document camera
    saves into (``kind = "folder"``) or a document camera through Qt Multimedia
    (``kind = "camera"``, ``camera`` or the default one: only named here, the scan panel opens
    it on the GUI thread); files the clerk picks always."""
    scanner = settings.scanner
    if scanner.kind == "sane":
        return ScanSources(scanner=SaneSource(SaneSettings(device=scanner.device)))
    if scanner.kind == "folder" and scanner.folder:
        return ScanSources(folder=FolderSource(Path(scanner.folder)))
    if scanner.kind == "camera":
        return ScanSources(camera=CameraChoice(device=scanner.camera))
    return ScanSources()


def photo_sources(scans: ScanSources) -> PhotoCheckSources:
    """The photo check's pictures of the person: the PC's camera (the scan panel's document
    camera's picture when that is the same device), else a still from the document camera's
    folder (the scan panel's own, ``[scanner] kind = "folder"``)."""
    return PhotoCheckSources(live_camera=LiveCamera, stills=scans.folder)


def build_figures(services: Services, intake: IntakeDeps | None) -> FiguresDeps:
    """The supervisor's figures; follow-ups only where the hall key opened the intake."""
    results = intake.results if intake is not None else None
    return FiguresDeps(
        services.figures,
        results.ratings if results is not None else None,
        services.printing.branding,
        services.post_checks,
    )
