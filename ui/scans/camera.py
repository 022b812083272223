"""A document camera (高拍仪) through Qt Multimedia, behind the scan-source interface.

Qt Multimedia ships in PySide6-Addons (a dependency for the hall display's voice; a bundle may
still leave its media backend out, see installer/bundle.py). This module imports
``PySide6.QtMultimedia`` only when a camera source is made (most halls' document cameras save
into a folder, which :class:`~clerk_app.scans.sources.FolderSource` covers), and
:func:`camera_available` says whether a camera can work on this PC.

The camera lives on the GUI thread, as Qt requires: :meth:`CameraSource.capture` asks for a
still; when it arrives it is encoded as JPEG, queued, and :attr:`CameraSource.captured` fires.
``acquire`` (on the worker thread, like every source) hands over the queued stills, which then
go through the same checks as any scan (a camera has no real dpi: it is judged by its pixels).
"""

from __future__ import annotations

import importlib
import importlib.util
import itertools
import logging
import queue
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal
from PySide6.QtGui import QImage

from clerk_app.scans.sources import Cancelled, Progress
from clerk_app.scans.types import RawPage

log = logging.getLogger(__name__)

MODULE = "PySide6.QtMultimedia"
JPEG_QUALITY = 92


class CameraUnavailableError(RuntimeError):
    """Qt Multimedia is not installed, or no camera is connected."""


def multimedia_module() -> Any:
    if importlib.util.find_spec(MODULE) is None:
        raise CameraUnavailableError("Qt Multimedia (PySide6-Addons) is not installed")
    return importlib.import_module(MODULE)


def camera_available() -> bool:
    try:
        multimedia = multimedia_module()
    except CameraUnavailableError:
        return False
    return bool(multimedia.QMediaDevices.videoInputs())


def encode_still(image: QImage, quality: int = JPEG_QUALITY) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stub asks for bytes, the binding (6.11) takes only str.
    if not image.save(buffer, "JPG", quality):  # type: ignore[call-overload]
        raise ValueError("the camera still could not be encoded")
    buffer.close()
    return bytes(data.data())


class CameraSource(QObject):
    captured = Signal()
    failed = Signal(str)

    def __init__(self, device_id: bytes | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        multimedia = multimedia_module()
        devices = list(multimedia.QMediaDevices.videoInputs())
        chosen = next((d for d in devices if bytes(d.id().data()) == device_id), None)
        device = chosen or multimedia.QMediaDevices.defaultVideoInput()
        if device.isNull():
            raise CameraUnavailableError("no camera is connected")
        self._camera = multimedia.QCamera(device, self)
        self._capture = multimedia.QImageCapture(self)
        self._session = multimedia.QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setImageCapture(self._capture)
        self._capture.imageCaptured.connect(self._on_image)
        self._capture.errorOccurred.connect(self._on_error)
        self._stills: queue.SimpleQueue[RawPage] = queue.SimpleQueue()
        self._numbers = itertools.count(1)

    @property
    def session(self) -> Any:
        """For a viewfinder: ``session.setVideoOutput(video_widget)``."""
        return self._session

    def start(self) -> None:
        self._camera.start()

    def stop(self) -> None:
        self._camera.stop()

    def capture(self) -> None:
        if not self._capture.isReadyForCapture():
            self.failed.emit("not-ready")
            return
        self._capture.capture()

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

    def _on_image(self, _request: int, image: QImage) -> None:
        name = f"camera-{next(self._numbers):03d}.jpg"
        self._stills.put(RawPage(name, encode_still(image)))
        self.captured.emit()

    def _on_error(self, _request: int, _error: object, message: str) -> None:
        log.error("document camera: %s", message)
        self.failed.emit(message)
