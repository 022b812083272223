"""Scans made on the spot: real encoders (Pillow, PDFium), and files that only pretend."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

A4_IN = (8.27, 11.69)


def page(
    dpi: int = 200, text: str | None = "Received", *, mode: str = "L", noise: int = 0
) -> Image.Image:
    """An A4 page at ``dpi``: light paper, optional specks of noise, optional text."""
    size = (round(A4_IN[0] * dpi), round(A4_IN[1] * dpi))
    image = Image.new(mode, size, 250 if mode == "L" else (250, 250, 248))
    if noise:
        rnd = random.Random(7)
        draw = ImageDraw.Draw(image)
        ink = 90 if mode == "L" else (90, 90, 90)
        for _ in range(noise):
            draw.point((rnd.randrange(size[0]), rnd.randrange(size[1])), fill=ink)
    if text:
        font = ImageFont.load_default(size=round(14 * dpi / 72))
        ink = 20 if mode == "L" else (20, 20, 120)
        ImageDraw.Draw(image).text((size[0] // 4, size[1] // 3), text, fill=ink, font=font)
    return image


def encode(image: Image.Image, fmt: str, dpi: int | None = None, **options: object) -> bytes:
    out = io.BytesIO()
    if dpi is not None:
        options["dpi"] = (dpi, dpi)
    image.save(out, fmt, **options)
    return out.getvalue()


def jpeg(dpi: int = 200, **kwargs: object) -> bytes:
    return encode(page(dpi, **kwargs), "JPEG", dpi, quality=85)  # type: ignore[arg-type]


def png(dpi: int = 200, **kwargs: object) -> bytes:
    return encode(page(dpi, **kwargs), "PNG", dpi)  # type: ignore[arg-type]


def tiff(pages: list[Image.Image], dpi: int = 200) -> bytes:
    out = io.BytesIO()
    pages[0].save(
        out, "TIFF", save_all=True, append_images=pages[1:], dpi=(dpi, dpi), compression="tiff_lzw"
    )
    return out.getvalue()


def pdf_of(pages: list[Image.Image], dpi: int) -> bytes:
    """A scanner's PDF: each page one picture filling the page at ``dpi``."""
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return out.getvalue()


def text_pdf(pages: int = 1, size_pt: tuple[float, float] = (595, 842)) -> bytes:
    """A born-digital PDF: pages with no pictures at all (PDFium draws a rectangle on each)."""
    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(*size_pt)
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


def encrypted_pdf() -> bytes:
    """A PDF locked with a user password (standard security handler, RC4 40-bit).

    The /U entry does not match the empty password, so a reader must ask for one: PDFium
    reports its password error, which is all a refusal needs.
    """
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> /P -4 >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + content + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    body += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Encrypt 4 0 R "
        f"/ID [<{'ab' * 16}> <{'ab' * 16}>] >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return body


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_bomb(width: int, height: int) -> bytes:
    """A valid PNG header declaring ``width`` x ``height`` grey pixels, in a few hundred bytes.

    The pixel data is one compressed row only: decoding it would fail (or, as a real bomb,
    inflate to gigabytes), so a refusal naming the size proves the header was judged first.
    """
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    row = zlib.compress(b"\x00" + b"\xff" * min(width, 4096), 9)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", row) + _chunk(b"IEND", b"")
    )


def windows_exe() -> bytes:
    """The start of a PE file: the MZ stub with its DOS message."""
    stub = bytearray(128)
    stub[0:2] = b"MZ"
    stub[0x3C:0x40] = (0x80).to_bytes(4, "little")
    stub[0x4E : 0x4E + 39] = b"This program cannot be run in DOS mode."
    return bytes(stub) + b"PE\x00\x00" + bytes(64)


def zip_archive() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("invoice.jpg", jpeg(150))
    return out.getvalue()
