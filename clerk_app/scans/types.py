"""The values that travel between sources, checks and the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from clerk_app.scans.sniff import DetectedType

MB = 1024 * 1024


class RejectCode(StrEnum):
    UNREADABLE = "unreadable"  # the source could not read the file
    EMPTY = "empty"
    TOO_LARGE = "too-large"  # found: bytes, limit: bytes
    UNSUPPORTED_TYPE = "unsupported-type"  # detected: what the magic bytes say
    TOO_MANY_PAGES = "too-many-pages"  # found: pages, limit: pages
    TOO_MANY_PIXELS = "too-many-pixels"  # size: (w, h) declared, limit: pixels
    ENCRYPTED = "encrypted"  # a password-protected PDF
    CORRUPT = "corrupt"  # cannot be decoded (truncated, damaged, not what it claims)
    LOW_RESOLUTION = "low-resolution"  # found: dpi, limit: dpi


@dataclass(frozen=True, slots=True)
class IntakeLimits:
    """What a page must meet; a hall may tighten or loosen each."""

    max_bytes: int = 50 * MB  # one file
    max_pixels: int = 50_000_000  # one page: A4 at 600 dpi is 35 Mpx, A3 at 400 dpi 31 Mpx
    max_pages: int = 100  # one multi-page TIFF or PDF
    min_dpi: int = 150
    pdf_render_dpi: int = 200  # PDF pages are stored as pictures rendered at this resolution
    blank_dark_share: float = 0.0001  # 0.01 % ink or less: suspected blank


@dataclass(frozen=True, slots=True)
class RawPage:
    """A file as a source delivers it: the bytes, not yet trusted in any way.

    ``size`` is the size on disk; a source does not read a file past the size limit, so
    ``data`` may then be empty. ``unreadable`` marks a file the source could not read.
    """

    name: str
    data: bytes = field(repr=False)
    size: int = -1
    unreadable: bool = False

    def __post_init__(self) -> None:
        if self.size < 0:
            object.__setattr__(self, "size", len(self.data))


@dataclass(frozen=True, slots=True)
class CheckedPage:
    """A page that passed every refusing check, in its stored form, not yet stored."""

    number: int  # 1-based page within its file
    data: bytes = field(repr=False)
    mime: str
    width: int
    height: int
    dpi: int
    dark_share: float
    blank_suspected: bool
    thumbnail: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class CheckedFile:
    file_name: str
    detected: DetectedType
    pages: tuple[CheckedPage, ...]
