"""Page intake checks: a file becomes checked pages ready to store, or one typed rejection.

Order matters: size before reading, type by magic bytes before any decoder, pixel count from
the header before decoding (a decompression bomb declares its size honestly and is refused
without being inflated), then decoding, resolution and the blank-page measure. A file is taken
whole or not at all: one bad page of a multi-page TIFF or PDF refuses the file, naming the page.
"""

from __future__ import annotations

import io
import logging
import struct
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from clerk_app.scans import pdf
from clerk_app.scans.blank import dark_share, looks_blank
from clerk_app.scans.pages import encode_page, make_thumbnail, normalise
from clerk_app.scans.sniff import ACCEPTED, DetectedType, sniff
from clerk_app.scans.types import CheckedFile, CheckedPage, IntakeLimits, RawPage, RejectCode

log = logging.getLogger(__name__)

# Pillow's own formats for each accepted type: no other decoder is ever tried on a file.
_PILLOW_FORMATS = {
    DetectedType.JPEG: "JPEG",
    DetectedType.PNG: "PNG",
    DetectedType.TIFF: "TIFF",
    DetectedType.BMP: "BMP",
}
# What decoders raise on hostile or damaged input (Pillow raises TypeError for a TIFF page
# without dimensions, for one). MemoryError is absent on purpose: sizes are bounded before
# decoding, so running out of memory is a fault of the machine, not of the file.
_DECODE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    struct.error,
    LookupError,
    TypeError,
    ArithmeticError,
    RuntimeError,
)
# Camera and phone images carry these placeholders rather than a real resolution.
_PLACEHOLDER_DPI = frozenset({0, 1, 72, 96})
A4_INCHES = (8.27, 11.69)


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a file was refused; ``page`` (1-based) names the page of a multi-page file."""

    file_name: str
    code: RejectCode
    detected: DetectedType | None = None
    found: int | None = None
    limit: int | None = None
    size: tuple[int, int] | None = None
    page: int | None = None


class _RefusedError(Exception):
    def __init__(self, rejection: Rejection) -> None:
        super().__init__(rejection.code.value)
        self.rejection = rejection


def check_file(raw: RawPage, limits: IntakeLimits | None = None) -> CheckedFile | Rejection:
    """Every check on one file; the pages come back encoded, thumbnailed, ready to store."""
    limits = limits or IntakeLimits()
    name = raw.name
    if raw.unreadable:
        return Rejection(name, RejectCode.UNREADABLE)
    if raw.size > limits.max_bytes:
        return Rejection(name, RejectCode.TOO_LARGE, found=raw.size, limit=limits.max_bytes)
    detected = sniff(raw.data)
    if detected is DetectedType.EMPTY:
        return Rejection(name, RejectCode.EMPTY, detected=detected)
    if detected not in ACCEPTED:
        return Rejection(name, RejectCode.UNSUPPORTED_TYPE, detected=detected)
    try:
        if detected is DetectedType.PDF:
            pages = tuple(_pdf_pages(raw, limits))
        else:
            pages = tuple(_quietly(_raster_pages, raw, detected, limits))
    except _RefusedError as refused:
        return refused.rejection
    return CheckedFile(name, detected, pages)


def _quietly(
    work: Callable[[RawPage, DetectedType, IntakeLimits], list[CheckedPage]],
    raw: RawPage,
    detected: DetectedType,
    limits: IntakeLimits,
) -> list[CheckedPage]:
    """Run Pillow with its warnings ("Corrupt EXIF data", …) recorded, not printed or raised.

    A damaged file is judged by whether its pixels decode, the same in tests (where warnings
    are errors) as at the counter. ``catch_warnings`` is process-wide: a warning another thread
    raises meanwhile is recorded here too, and logged below rather than lost.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            return work(raw, detected, limits)
        finally:
            for warning in caught:
                log.debug("decoder warning: %s", warning.message)


def _raster_pages(raw: RawPage, detected: DetectedType, limits: IntakeLimits) -> list[CheckedPage]:
    name = raw.name
    corrupt = Rejection(name, RejectCode.CORRUPT, detected=detected)
    try:
        image = Image.open(io.BytesIO(raw.data), formats=[_PILLOW_FORMATS[detected]])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Pillow's own limit, checked at open: a backstop behind ours, which is lower.
        raise _RefusedError(_pixels(name, detected, None, limits, None)) from None
    except (UnidentifiedImageError, *_DECODE_ERRORS):
        raise _RefusedError(corrupt) from None
    with image:
        try:
            frames = getattr(image, "n_frames", 1)  # walks a TIFF's page directory
        except _DECODE_ERRORS:
            raise _RefusedError(corrupt) from None
        if frames > limits.max_pages:
            raise _RefusedError(
                Rejection(name, RejectCode.TOO_MANY_PAGES, found=frames, limit=limits.max_pages)
            )
        pages = []
        for index in range(frames):
            number = index + 1 if frames > 1 else None
            try:
                image.seek(index)
            except _DECODE_ERRORS:
                raise _RefusedError(
                    Rejection(name, RejectCode.CORRUPT, detected, page=number)
                ) from None
            pages.append(_raster_page(image, raw, detected, limits, number))
        return pages


def _raster_page(
    image: Image.Image,
    raw: RawPage,
    detected: DetectedType,
    limits: IntakeLimits,
    number: int | None,
) -> CheckedPage:
    name = raw.name
    width, height = image.size
    if width * height > limits.max_pixels or width <= 0 or height <= 0:
        raise _RefusedError(_pixels(name, detected, (width, height), limits, number))
    try:
        image.load()
        page = normalise(image)
    except Image.DecompressionBombError:
        raise _RefusedError(_pixels(name, detected, (width, height), limits, number)) from None
    except _DECODE_ERRORS:
        raise _RefusedError(Rejection(name, RejectCode.CORRUPT, detected, page=number)) from None
    dpi = effective_dpi(image.info.get("dpi"), page.size)
    if dpi < limits.min_dpi:
        rejection = Rejection(
            name, RejectCode.LOW_RESOLUTION, detected, found=dpi, limit=limits.min_dpi, page=number
        )
        raise _RefusedError(rejection)
    return finish_page(page, dpi, number or 1, limits)


def _pdf_pages(raw: RawPage, limits: IntakeLimits) -> list[CheckedPage]:
    try:
        rendered = pdf.render_pages(raw.data, limits)
        return [finish_page(image, dpi, number, limits) for number, image, dpi in rendered]
    except pdf.PdfRefusedError as refused:
        raise _RefusedError(
            Rejection(
                raw.name,
                refused.code,
                DetectedType.PDF,
                found=refused.found,
                limit=refused.limit,
                size=refused.size,
                page=refused.page,
            )
        ) from None


def finish_page(page: Image.Image, dpi: int, number: int, limits: IntakeLimits) -> CheckedPage:
    """Measure, encode and thumbnail a page that passed every refusing check."""
    share = dark_share(page)
    data, mime = encode_page(page, dpi)
    return CheckedPage(
        number=number,
        data=data,
        mime=mime,
        width=page.width,
        height=page.height,
        dpi=dpi,
        dark_share=share,
        blank_suspected=looks_blank(share, limits.blank_dark_share),
        thumbnail=make_thumbnail(page),
    )


def effective_dpi(declared: object, size: tuple[int, int]) -> int:
    """The declared resolution; for a missing or placeholder one, the pixels over an A4 page.

    Document cameras and phones write 72 or 96 dpi whatever they saw, so their pictures are
    judged by whether they have the pixels of an A4 page at the required resolution.
    """
    stated = 0
    if isinstance(declared, tuple) and len(declared) == 2:
        try:
            stated = round(min(float(declared[0]), float(declared[1])))
        except (TypeError, ValueError):
            stated = 0
    if stated not in _PLACEHOLDER_DPI:
        return stated
    short, long = sorted(size)
    return round(min(short / A4_INCHES[0], long / A4_INCHES[1]))


def _pixels(
    name: str,
    detected: DetectedType,
    size: tuple[int, int] | None,
    limits: IntakeLimits,
    number: int | None,
) -> Rejection:
    return Rejection(
        name,
        RejectCode.TOO_MANY_PIXELS,
        detected,
        found=None if size is None else size[0] * size[1],
        limit=limits.max_pixels,
        size=size,
        page=number,
    )
