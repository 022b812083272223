"""A document camera (高拍仪) through Qt Multimedia, behind the scan-source interface.

``[scanner] kind = "camera"`` names it (``camera``: a part of its name or id, else the default
camera); the settings are read off the GUI thread, so they travel as a :class:`CameraChoice`
and the scan panel opens the :class:`CameraSource` on the GUI thread, as Qt requires. (Most
halls' document cameras can also save into a folder, which ``kind = "folder"`` covers.)

It is a :class:`~ui.scans.live_camera.LiveCamera` (its frames are the panel's viewfinder) with
a ``QImageCapture`` on the same session, on the camera's largest format.
:meth:`CameraSource.capture` asks for a still, waiting first until the camera is ready (up to
``ready_timeout_ms``); when it arrives it is encoded as JPEG, queued, and
:attr:`CameraSource.captured` fires. ``acquire`` (on the worker thread, like every source) hands
over the queued stills, which then go through the same checks as any scan (a camera has no real
dpi: it is judged by its pixels).
"""

from __future__ import annotations

import itertools
import logging
import queue
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from clerk_app.scans.sources import Cancelled, Progress
from clerk_app.scans.types import RawPage
from ui.scans.live_camera import LiveCamera
from ui.scans.multimedia import (
    CameraProblem,
    Multimedia,
    encode_still,
    largest_format,
    multimedia_module,
)

log = logging.getLogger(__name__)

READY_TIMEOUT_MS = 10_000  # a USB camera is ready within a second or two of starting
VIEWFINDER_INTERVAL_MS = 100  # at most ten frames a second are converted and painted


@dataclass(frozen=True, slots=True)
class CameraChoice:
    """Which document camera the scan panel opens (on the GUI thread, when it is built)."""

    device: str | None = None  # a part of its description or id; None: the default camera
    multimedia: Multimedia = multimedia_module  # the module, or a stand-in in tests
    ready_timeout_ms: int = READY_TIMEOUT_MS


class CameraSource(LiveCamera):
    captured = Signal()
    problem = Signal(object)  # CameraProblem: STOPPED, NOT_READY or CAPTURE_FAILED

    def __init__(self, choice: CameraChoice | None = None, parent: QObject | None = None) -> None:
        choice = choice or CameraChoice()
        super().__init__(
            parent,
            device=choice.device,
            multimedia=choice.multimedia,
            frame_interval_ms=VIEWFINDER_INTERVAL_MS,
        )
        best = largest_format(self.device)
        if best is not None:
            self._camera.setCameraFormat(best)
        self._capture: Any = self._multimedia.QImageCapture(self)
        self._session.setImageCapture(self._capture)
        self._capture.imageCaptured.connect(self._on_image)
        self._capture.errorOccurred.connect(self._on_capture_error)
        self._capture.readyForCaptureChanged.connect(self._on_ready)
        self._ready_timer = QTimer(self)
        self._ready_timer.setSingleShot(True)
        self._ready_timer.setInterval(choice.ready_timeout_ms)
        self._ready_timer.timeout.connect(self._not_ready)
        self._wanted = False  # a still was asked for and waits for the camera to be ready
        self._stills: queue.SimpleQueue[RawPage] = queue.SimpleQueue()
        self._numbers = itertools.count(1)

    @property
    def pending(self) -> bool:
        """A still was asked for and has not arrived (nor failed) yet."""
        return self._capture in self._holders

    def has_stills(self) -> bool:
        return not self._stills.empty()

    def capture(self) -> None:
        """Take a still, once the camera is ready; the camera runs until it arrives."""
        if self.pending:
            return
        self.hold(self._capture)
        if self._capture.isReadyForCapture():
            self._capture.capture()
            return
        self._wanted = True
        self._ready_timer.start()

    def acquire(self, progress: Progress, cancelled: Cancelled) -> Iterator[RawPage]:
        done = 0
        while not cancelled():
            try:
                still = self._stills.get_nowait()
            except queue.Empty:
                return
            done += 1
            yield still
            progress(done, None)

    def _on_ready(self, ready: bool) -> None:
        if ready and self._wanted:
            self._wanted = False
            self._ready_timer.stop()
            self._capture.capture()

    def _on_image(self, _request: int, image: QImage) -> None:
        self._done()
        name = f"camera-{next(self._numbers):03d}.jpg"
        self._stills.put(RawPage(name, encode_still(image)))
        self.captured.emit()

    def _not_ready(self) -> None:
        log.warning("document camera: not ready for a still in time")
        self._fail(CameraProblem.NOT_READY)

    def _on_capture_error(self, _request: int, _error: object, message: str) -> None:
        log.warning("document camera: the still failed: %s", message)
        self._fail(CameraProblem.CAPTURE_FAILED)

    def _on_error(self, error: object, message: str) -> None:
        super()._on_error(error, message)
        self._fail(CameraProblem.STOPPED)

    def _fail(self, problem: CameraProblem) -> None:
        self._done()
        self.problem.emit(problem)

    def _done(self) -> None:
        self._wanted = False
        self._ready_timer.stop()
        self.release(self._capture)
