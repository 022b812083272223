"""Issue 7: opening a case with 30 scanned pages paints within 200 ms.

Thirty distinct A4 pages are scanned in (checked, encoded, stored with thumbnails in a real
blob store) once; then each run creates the scan panel around that case's page list, shows it
offscreen and measures to the end of its first paint, and on to the paint that shows every
visible page's thumbnail (loaded off the GUI thread by the real task runner). Floor: creating
and first painting an empty list view in the same window size, same process.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QListView, QWidget

from bench.common import Row, Samples, budget_row, note
from clerk_app.scans.page_list import PageList
from clerk_app.scans.store import Accepted, PageIntake
from clerk_app.scans.types import RawPage
from onewindow_base.blobs import BlobStore
from onewindow_base.crypto.keys import Algorithm, new_ring
from ui.scans.panel import ScanPanel, ScanSources
from ui.tasks import TaskRunner

PAGES = 30
WINDOW = (1100, 760)
BUDGET_MS = 200.0
TIMEOUT_S = 10.0


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def _painted_more_than(counter: PaintCounter, paints: int) -> Callable[[], bool]:
    return lambda: counter.paints > paints


def _loaded(panel: ScanPanel) -> Callable[[], bool]:
    return lambda: not panel.model.loading


def _page(number: int) -> bytes:
    dpi = 200
    image = Image.new("L", (1654, 2339), 250)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    for line in range(12):
        draw.text(
            (160, 200 + line * 140), f"Page {number}, line {line}: received", fill=30, font=font
        )
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, dpi=(dpi, dpi))
    return out.getvalue()


def _case(intake: PageIntake) -> PageList:
    pages = PageList()
    for number in range(1, PAGES + 1):
        outcome = intake.take(RawPage(f"page-{number:02d}.jpg", _page(number)))
        if not isinstance(outcome, Accepted):
            raise RuntimeError(f"bench page {number} was refused: {outcome}")
        pages.add(outcome.pages)
    return pages


def run(*, runs: int = 20) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])

    def until(done: Callable[[], bool], app: QCoreApplication = app) -> None:
        deadline = time.perf_counter() + TIMEOUT_S
        while not done():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError("the panel did not paint in time")

    with tempfile.TemporaryDirectory(prefix="ow-bench-scans-") as tmp:
        ring = new_ring(Algorithm.SM4_GCM, 0)  # scans are sealed, as at the counter
        intake = PageIntake(BlobStore(Path(tmp) / "blobs", ring))
        started = time.perf_counter()
        case = _case(intake)
        note(f"scans: {PAGES} pages checked and stored in {time.perf_counter() - started:.1f} s")
        runner = TaskRunner()
        first: list[float] = []
        full: list[float] = []
        floor: list[float] = []
        try:
            for attempt in range(runs + 2):  # two warm-up runs
                counter = PaintCounter()
                t0 = time.perf_counter()
                panel = ScanPanel(intake, runner, ScanSources(), PageList(case.entries))
                panel.view.viewport().installEventFilter(counter)
                panel.resize(*WINDOW)
                panel.show()
                until(_painted_more_than(counter, 0))
                t1 = time.perf_counter()
                until(_loaded(panel))
                painted = counter.paints
                until(_painted_more_than(counter, painted))
                t2 = time.perf_counter()
                panel.close()
                panel.deleteLater()

                empty_counter = PaintCounter()
                t3 = time.perf_counter()
                holder = QWidget()
                view = QListView(holder)
                view.viewport().installEventFilter(empty_counter)
                holder.resize(*WINDOW)
                holder.show()
                until(_painted_more_than(empty_counter, 0))
                t4 = time.perf_counter()
                holder.close()
                holder.deleteLater()
                app.processEvents()
                if attempt >= 2:
                    first.append((t1 - t0) * 1000)
                    full.append((t2 - t0) * 1000)
                    floor.append((t4 - t3) * 1000)
        finally:
            runner.shutdown()
    floor_samples = Samples.of(floor)
    return [
        budget_row(
            "9",
            f"case of {PAGES} pages: first paint",
            "qt",
            Samples.of(first),
            floor_samples,
            q=0.95,
            limit_ms=BUDGET_MS,
        ),
        budget_row(
            "9",
            f"case of {PAGES} pages: thumbnails",
            "qt",
            Samples.of(full),
            floor_samples,
            q=0.95,
            limit_ms=BUDGET_MS,
        ),
    ]


if __name__ == "__main__":
    from bench.common import print_table

    print_table(run())
