"""A stored page's record, and how a decoded page becomes the bytes that are stored.

Every accepted page is re-encoded from its decoded pixels: bilevel pages as PNG, the others as
JPEG. Nothing of the uploaded file survives but the picture — no trailing archive, no script in
a metadata field, no EXIF location — and the same picture always gives the same bytes, so the
content address deduplicates a page scanned or imported twice.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps

JPEG_QUALITY = 90
THUMBNAIL_SIZE = 256  # long side, pixels
THUMBNAIL_QUALITY = 80
PNG_MIME = "image/png"
JPEG_MIME = "image/jpeg"


@dataclass(frozen=True, slots=True)
class PageRecord:
    """One stored page: its blob, what it is, and its thumbnail's blob."""

    sha256: str
    mime: str
    width: int
    height: int
    dpi: int
    bytes: int
    thumbnail_sha256: str
    blank_suspected: bool


def normalise(image: Image.Image) -> Image.Image:
    """Upright, in a mode we store: "1" (bilevel), "L" (grey) or "RGB"; transparency on white."""
    image = ImageOps.exif_transpose(image) or image
    mode = image.mode
    if mode in ("1", "L", "RGB"):
        return image
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if mode == "F":
        return image.convert("L")
    if mode == "P" and "transparency" not in image.info:
        return image.convert("RGB")
    if mode in ("LA", "La", "PA", "P", "RGBA", "RGBa"):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        flat = Image.alpha_composite(white, rgba).convert("RGB")
        grey_only = mode in ("LA", "La")
        return flat.convert("L") if grey_only else flat
    return image.convert("RGB")  # CMYK, YCbCr, LAB, HSV


def encode_page(image: Image.Image, dpi: int) -> tuple[bytes, str]:
    """The stored form of a normalised page and its MIME type."""
    out = io.BytesIO()
    if image.mode == "1":
        image.save(out, "PNG", dpi=(dpi, dpi), optimize=False)
        return out.getvalue(), PNG_MIME
    image.save(out, "JPEG", quality=JPEG_QUALITY, dpi=(dpi, dpi), optimize=True)
    return out.getvalue(), JPEG_MIME


def make_thumbnail(image: Image.Image, size: int = THUMBNAIL_SIZE) -> bytes:
    """A JPEG no larger than ``size`` on its long side, for the page list."""
    small = image.convert("L" if image.mode in ("1", "L") else "RGB")
    small.thumbnail((size, size), Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=THUMBNAIL_QUALITY)
    return out.getvalue()
