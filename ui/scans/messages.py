"""The clerk's words for the scan codes of the core (STYLE rule 6)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale

from clerk_app.scans.checks import Rejection
from clerk_app.scans.sane import ScanErrorCode
from clerk_app.scans.sniff import DetectedType
from clerk_app.scans.types import RejectCode
from ui.scans.multimedia import CameraProblem


def type_name(kind: DetectedType) -> str:
    texts = {
        DetectedType.JPEG: QCoreApplication.translate("ScanMessages", "a JPEG picture"),
        DetectedType.PNG: QCoreApplication.translate("ScanMessages", "a PNG picture"),
        DetectedType.TIFF: QCoreApplication.translate("ScanMessages", "a TIFF picture"),
        DetectedType.BMP: QCoreApplication.translate("ScanMessages", "a BMP picture"),
        DetectedType.PDF: QCoreApplication.translate("ScanMessages", "a PDF document"),
        DetectedType.GIF: QCoreApplication.translate("ScanMessages", "a GIF animation"),
        DetectedType.WEBP: QCoreApplication.translate("ScanMessages", "a WebP picture"),
        DetectedType.HEIF: QCoreApplication.translate("ScanMessages", "a HEIC/HEIF phone photo"),
        DetectedType.VIDEO: QCoreApplication.translate("ScanMessages", "a video"),
        DetectedType.WINDOWS_EXECUTABLE: QCoreApplication.translate(
            "ScanMessages", "a Windows executable program"
        ),
        DetectedType.ELF_EXECUTABLE: QCoreApplication.translate(
            "ScanMessages", "a Linux executable program"
        ),
        DetectedType.MACH_O_EXECUTABLE: QCoreApplication.translate(
            "ScanMessages", "a macOS executable program"
        ),
        DetectedType.SCRIPT: QCoreApplication.translate("ScanMessages", "a script"),
        DetectedType.ZIP: QCoreApplication.translate(
            "ScanMessages", "a ZIP archive (or an Office or OFD document)"
        ),
        DetectedType.RAR: QCoreApplication.translate("ScanMessages", "a RAR archive"),
        DetectedType.SEVEN_ZIP: QCoreApplication.translate("ScanMessages", "a 7-Zip archive"),
        DetectedType.GZIP: QCoreApplication.translate("ScanMessages", "a gzip archive"),
        DetectedType.OLE_DOCUMENT: QCoreApplication.translate(
            "ScanMessages", "an old Office document (.doc, .xls)"
        ),
        DetectedType.RTF: QCoreApplication.translate("ScanMessages", "an RTF document"),
        DetectedType.POSTSCRIPT: QCoreApplication.translate("ScanMessages", "a PostScript file"),
        DetectedType.HTML: QCoreApplication.translate("ScanMessages", "a web page"),
        DetectedType.XML: QCoreApplication.translate("ScanMessages", "an XML or SVG file"),
        DetectedType.EMPTY: QCoreApplication.translate("ScanMessages", "an empty file"),
        DetectedType.UNKNOWN: QCoreApplication.translate("ScanMessages", "of an unknown type"),
    }
    return texts[kind]


def _megabytes(size: int) -> str:
    return QLocale().toString(size / (1024 * 1024), "f", 1)


def _megapixels(pixels: int) -> str:
    return QLocale().toString(pixels / 1_000_000, "f", 0)


def rejection_reason(rejection: Rejection) -> str:
    """Why the file was refused, in one sentence (without the file's name)."""
    r = rejection
    texts: dict[RejectCode, Callable[[], str]] = {
        RejectCode.UNREADABLE: lambda: QCoreApplication.translate(
            "ScanMessages", "The file could not be read."
        ),
        RejectCode.EMPTY: lambda: QCoreApplication.translate("ScanMessages", "The file is empty."),
        RejectCode.TOO_LARGE: lambda: QCoreApplication.translate(
            "ScanMessages", "The file is too large: {size} MB, at most {limit} MB."
        ).format(size=_megabytes(r.found or 0), limit=_megabytes(r.limit or 0)),
        RejectCode.UNSUPPORTED_TYPE: lambda: QCoreApplication.translate(
            "ScanMessages",
            "This file is {kind}, not a scan: only JPEG, PNG, TIFF, BMP and PDF are taken.",
        ).format(kind=type_name(r.detected or DetectedType.UNKNOWN)),
        RejectCode.TOO_MANY_PAGES: lambda: QCoreApplication.translate(
            "ScanMessages", "The file has {pages} pages, at most {limit} are taken at once."
        ).format(pages=r.found, limit=r.limit),
        RejectCode.TOO_MANY_PIXELS: lambda: _too_many_pixels(r),
        RejectCode.ENCRYPTED: lambda: QCoreApplication.translate(
            "ScanMessages", "The PDF is protected by a password: ask for an unprotected copy."
        ),
        RejectCode.CORRUPT: lambda: QCoreApplication.translate(
            "ScanMessages", "The file is damaged or incomplete and cannot be opened."
        ),
        RejectCode.LOW_RESOLUTION: lambda: QCoreApplication.translate(
            "ScanMessages",
            "The resolution is {dpi} dpi; at least {limit} dpi is needed. Scan it again.",
        ).format(dpi=r.found, limit=r.limit),
    }
    return texts[r.code]()


def _too_many_pixels(r: Rejection) -> str:
    limit = _megapixels(r.limit or 0)
    if r.size is None:
        return QCoreApplication.translate(
            "ScanMessages",
            "The picture declares more than the {limit} million pixels allowed "
            "(a damaged or malicious file).",
        ).format(limit=limit)
    return QCoreApplication.translate(
        "ScanMessages",
        "The picture declares {width} × {height} pixels, more than the {limit} million "
        "allowed (a damaged or malicious file).",
    ).format(width=r.size[0], height=r.size[1], limit=limit)


def rejection_message(rejection: Rejection) -> str:
    """The file, the page where it matters, and the reason."""
    reason = rejection_reason(rejection)
    if rejection.page is not None:
        return QCoreApplication.translate("ScanMessages", "{file}, page {page}: {reason}").format(
            file=rejection.file_name, page=rejection.page, reason=reason
        )
    return QCoreApplication.translate("ScanMessages", "{file}: {reason}").format(
        file=rejection.file_name, reason=reason
    )


def scan_error_message(code: ScanErrorCode) -> str:
    texts = {
        ScanErrorCode.NOT_INSTALLED: QCoreApplication.translate(
            "ScanMessages", "Scanning is not installed on this PC (SANE's scanimage is missing)."
        ),
        ScanErrorCode.NO_DEVICE: QCoreApplication.translate(
            "ScanMessages", "The scanner was not found. Is it switched on and connected?"
        ),
        ScanErrorCode.BUSY: QCoreApplication.translate(
            "ScanMessages", "The scanner is busy with another program."
        ),
        ScanErrorCode.FEEDER_EMPTY: QCoreApplication.translate(
            "ScanMessages", "The document feeder is empty."
        ),
        ScanErrorCode.JAMMED: QCoreApplication.translate(
            "ScanMessages", "Paper jam: clear the feeder and scan the rest again."
        ),
        ScanErrorCode.COVER_OPEN: QCoreApplication.translate(
            "ScanMessages", "The scanner cover is open."
        ),
        ScanErrorCode.FAILED: QCoreApplication.translate(
            "ScanMessages", "The scanner reported an error."
        ),
    }
    return texts[code]


def camera_problem_message(problem: CameraProblem, device: str | None = None) -> str:
    """The document camera's trouble in one line (``device``: the ``[scanner] camera`` asked
    for, when none matches it)."""
    if problem is CameraProblem.NOT_FOUND:
        return QCoreApplication.translate(
            "ScanMessages",
            "No document camera matching {name} is connected ([scanner] camera). "
            "Other sources still work.",
        ).format(name=device or "")
    texts = {
        CameraProblem.NO_MULTIMEDIA: QCoreApplication.translate(
            "ScanMessages",
            "The document camera cannot work here: Qt Multimedia is not installed. "
            "Other sources still work.",
        ),
        CameraProblem.NO_CAMERA: QCoreApplication.translate(
            "ScanMessages",
            "No document camera is connected to this PC. Other sources still work.",
        ),
        CameraProblem.STOPPED: QCoreApplication.translate(
            "ScanMessages",
            "The document camera stopped (unplugged or used by another program). Reconnect "
            "it and take the picture again; other sources still work.",
        ),
        CameraProblem.NOT_READY: QCoreApplication.translate(
            "ScanMessages", "The document camera did not get ready; take the picture again."
        ),
        CameraProblem.CAPTURE_FAILED: QCoreApplication.translate(
            "ScanMessages", "The camera could not take a picture; try again."
        ),
    }
    return texts[problem]
