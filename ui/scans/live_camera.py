"""A live camera picture without QtMultimediaWidgets: frames from a ``QVideoSink``.

The bundle leaves QtMultimediaWidgets out (installer/bundle.py), so there is no
``QVideoWidget``: the capture session feeds a ``QVideoSink`` and each frame arrives as a
``QImage`` for a plain ``QLabel``. Like :mod:`ui.scans.camera`, Qt Multimedia is imported only
when a live camera is made, and a PC without it (or without a camera) raises
:class:`~ui.scans.camera.CameraUnavailableError`, which callers turn into a fallback.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from ui.scans.camera import CameraUnavailableError, encode_still, multimedia_module

log = logging.getLogger(__name__)


class LiveCamera(QObject):
    frame = Signal(QImage)  # each new picture, on the GUI thread
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        multimedia = multimedia_module()
        device = multimedia.QMediaDevices.defaultVideoInput()
        if device.isNull():
            raise CameraUnavailableError("no camera is connected")
        self._camera: Any = multimedia.QCamera(device, self)
        self._sink: Any = multimedia.QVideoSink(self)
        self._session: Any = multimedia.QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._camera.errorOccurred.connect(self._on_error)
        self._last: QImage | None = None

    def start(self) -> None:
        self._camera.start()

    def stop(self) -> None:
        self._camera.stop()

    def still(self) -> bytes | None:
        """The picture on screen now as JPEG (what the clerk compared), or None before any."""
        return None if self._last is None else encode_still(self._last)

    def _on_frame(self, video_frame: Any) -> None:
        image = video_frame.toImage()
        if image.isNull():
            return
        self._last = image
        self.frame.emit(image)

    def _on_error(self, _error: object, message: str) -> None:
        log.warning("live camera: %s", message)
        self.failed.emit(message)
