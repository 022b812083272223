"""What a file is, by its first bytes: the name and the extension are never trusted.

Only the types in :data:`ACCEPTED` are ever handed to a decoder, and each to its own decoder
alone (Pillow is told the format), so a file cannot reach a parser chosen by its content's
guesswork (Pillow's EPS plugin, for one, would start Ghostscript).
"""

from __future__ import annotations

from enum import StrEnum


class DetectedType(StrEnum):
    JPEG = "jpeg"
    PNG = "png"
    TIFF = "tiff"
    BMP = "bmp"
    PDF = "pdf"
    GIF = "gif"
    WEBP = "webp"
    HEIF = "heif"  # HEIC/HEIF/AVIF photos from phones
    VIDEO = "video"  # MP4/QuickTime
    WINDOWS_EXECUTABLE = "windows-executable"
    ELF_EXECUTABLE = "elf-executable"
    MACH_O_EXECUTABLE = "mach-o-executable"
    SCRIPT = "script"
    ZIP = "zip"  # also .docx/.xlsx and OFD documents
    RAR = "rar"
    SEVEN_ZIP = "7z"
    GZIP = "gzip"
    OLE_DOCUMENT = "ole-document"  # old .doc/.xls/.ppt
    RTF = "rtf"
    POSTSCRIPT = "postscript"
    HTML = "html"
    XML = "xml"  # also SVG
    EMPTY = "empty"
    UNKNOWN = "unknown"


ACCEPTED = frozenset(
    {DetectedType.JPEG, DetectedType.PNG, DetectedType.TIFF, DetectedType.BMP, DetectedType.PDF}
)

_PREFIXES: tuple[tuple[bytes, DetectedType], ...] = (
    (b"\xff\xd8\xff", DetectedType.JPEG),
    (b"\x89PNG\r\n\x1a\n", DetectedType.PNG),
    (b"II*\x00", DetectedType.TIFF),
    (b"MM\x00*", DetectedType.TIFF),
    (b"%PDF-", DetectedType.PDF),
    (b"GIF87a", DetectedType.GIF),
    (b"GIF89a", DetectedType.GIF),
    (b"MZ", DetectedType.WINDOWS_EXECUTABLE),
    (b"\x7fELF", DetectedType.ELF_EXECUTABLE),
    (b"\xfe\xed\xfa\xce", DetectedType.MACH_O_EXECUTABLE),
    (b"\xfe\xed\xfa\xcf", DetectedType.MACH_O_EXECUTABLE),
    (b"\xce\xfa\xed\xfe", DetectedType.MACH_O_EXECUTABLE),
    (b"\xcf\xfa\xed\xfe", DetectedType.MACH_O_EXECUTABLE),
    (b"\xca\xfe\xba\xbe", DetectedType.MACH_O_EXECUTABLE),
    (b"#!", DetectedType.SCRIPT),
    (b"PK\x03\x04", DetectedType.ZIP),
    (b"PK\x05\x06", DetectedType.ZIP),
    (b"PK\x07\x08", DetectedType.ZIP),
    (b"Rar!\x1a\x07", DetectedType.RAR),
    (b"7z\xbc\xaf\x27\x1c", DetectedType.SEVEN_ZIP),
    (b"\x1f\x8b", DetectedType.GZIP),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", DetectedType.OLE_DOCUMENT),
    (b"{\\rtf", DetectedType.RTF),
    (b"%!PS", DetectedType.POSTSCRIPT),
    (b"\xc5\xd0\xd3\xc6", DetectedType.POSTSCRIPT),  # DOS EPS binary header
)
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis")
_BMP_HEADER_SIZES = (12, 40, 52, 56, 64, 108, 124)


def sniff(data: bytes) -> DetectedType:
    """The type the leading bytes of ``data`` declare."""
    if not data:
        return DetectedType.EMPTY
    for prefix, kind in _PREFIXES:
        if data.startswith(prefix):
            return kind
    if _is_bmp(data):
        return DetectedType.BMP
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return DetectedType.WEBP
    if data[4:8] == b"ftyp":
        return DetectedType.HEIF if data[8:12] in _HEIF_BRANDS else DetectedType.VIDEO
    return _markup(data)


def _is_bmp(data: bytes) -> bool:
    """ "BM" alone is too weak a signature: the info header's size must be one BMP defines."""
    return (
        data[:2] == b"BM"
        and len(data) >= 18
        and int.from_bytes(data[14:18], "little") in _BMP_HEADER_SIZES
    )


def _markup(data: bytes) -> DetectedType:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<script")):
        return DetectedType.HTML
    if head.startswith((b"<?xml", b"<svg")):
        return DetectedType.XML
    return DetectedType.UNKNOWN
