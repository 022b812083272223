"""The seam to Qt Multimedia: imported only when a camera is made, and replaceable.

Qt Multimedia ships in PySide6-Addons (a dependency for the hall display's voice); a bundle may
still leave its media backend out (installer/bundle.py), and then no camera is listed. Every
camera here takes the module from a callable, :func:`multimedia_module` unless told otherwise,
so tests drive the real frame and capture paths with a stand-in camera (no camera exists on a
build machine). A camera that cannot be opened raises :class:`CameraUnavailableError` with a
:class:`CameraProblem`, which ``ui.scans.messages`` puts in the clerk's words.
"""

from __future__ import annotations

import enum
import importlib
import importlib.util
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage

MODULE = "PySide6.QtMultimedia"
JPEG_QUALITY = 92

Multimedia = Callable[[], Any]  # returns the module (or a stand-in with the same names)


class CameraProblem(enum.Enum):
    NO_MULTIMEDIA = "no-multimedia"  # PySide6-Addons' Qt Multimedia is not installed
    NO_CAMERA = "no-camera"  # no video input (or no media backend to list one)
    NOT_FOUND = "not-found"  # none matches [scanner] camera
    STOPPED = "stopped"  # the camera reported an error: unplugged, taken by another program
    NOT_READY = "not-ready"  # it never got ready for a still
    CAPTURE_FAILED = "capture-failed"  # the still itself failed


class CameraUnavailableError(RuntimeError):
    """Qt Multimedia is not installed, or no (such) camera is connected."""

    def __init__(self, message: str, problem: CameraProblem = CameraProblem.NO_CAMERA) -> None:
        super().__init__(message)
        self.problem = problem


def multimedia_module() -> Any:
    if importlib.util.find_spec(MODULE) is None:
        raise CameraUnavailableError(
            "Qt Multimedia (PySide6-Addons) is not installed", CameraProblem.NO_MULTIMEDIA
        )
    return importlib.import_module(MODULE)


def camera_available(multimedia: Multimedia = multimedia_module) -> bool:
    try:
        module = multimedia()
    except CameraUnavailableError:
        return False
    return bool(module.QMediaDevices.videoInputs())


def device_key(device: Any) -> bytes:
    return bytes(device.id().data())


def pick_device(module: Any, wanted: str | None) -> Any:
    """The video input whose description or id contains ``wanted`` (any case), else the
    default one. A named camera that is absent is an error, never silently another camera."""
    if wanted:
        needle = wanted.casefold()
        for device in module.QMediaDevices.videoInputs():
            names = (device.description(), device_key(device).decode(errors="replace"))
            if any(needle in name.casefold() for name in names):
                return device
        raise CameraUnavailableError(f"no camera matches {wanted!r}", CameraProblem.NOT_FOUND)
    device = module.QMediaDevices.defaultVideoInput()
    if device.isNull():
        raise CameraUnavailableError("no camera is connected", CameraProblem.NO_CAMERA)
    return device


def largest_format(device: Any) -> Any | None:
    """The format with the most pixels (then the highest frame rate): a still is taken from
    the video stream, and a document camera's default format is often 640 × 480, too coarse
    for the 150 dpi check."""

    def size(fmt: Any) -> tuple[int, float]:
        resolution = fmt.resolution()
        return resolution.width() * resolution.height(), fmt.maxFrameRate()

    return max(device.videoFormats(), key=size, default=None)


def encode_still(image: QImage, quality: int = JPEG_QUALITY) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stub asks for bytes, the binding (6.11) takes only str.
    if not image.save(buffer, "JPG", quality):  # type: ignore[call-overload]
        raise ValueError("the camera still could not be encoded")
    buffer.close()
    return bytes(data.data())
