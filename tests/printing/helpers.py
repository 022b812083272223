"""Test helpers: PDF text, decoded barcodes, parsed ESC/POS, and a fake TCP 9100 printer."""

from __future__ import annotations

import contextlib
import io
import re
import socket
import struct
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field

import zxingcpp
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from printing.pages import render_pages


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def pdf_fonts(pdf: bytes) -> set[str]:
    """The base font names used on the pages (subset prefixes stripped)."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        fonts = resources.get("/Font", {})
        for ref in fonts.values():
            base = str(ref.get_object()["/BaseFont"]).lstrip("/")
            names.add(re.sub(r"-\d+$", "", base.split("+", 1)[-1]))  # reportlab: NAME-0, NAME-1
    return names


def decoded(pdf: bytes, dpi: int = 300) -> dict[str, list[str]]:
    """Every barcode zxing-cpp finds on the rendered pages, by format name."""
    found: dict[str, list[str]] = {}
    for image in render_pages(pdf, dpi, grey=True):
        for result in zxingcpp.read_barcodes(image):
            found.setdefault(result.format.name, []).append(result.text)
    return found


# ---------------------------------------------------------------------------- ESC/POS
@dataclass
class Parsed:
    lines: list[str] = field(default_factory=list)
    feeds: list[int] = field(default_factory=list)
    cuts: int = 0
    rasters: list[tuple[int, int]] = field(default_factory=list)  # (width dots, rows)
    qr: list[str] = field(default_factory=list)
    chinese_mode: bool = False
    inits: int = 0


def parse_escpos(data: bytes, encoding: str = "gb18030") -> Parsed:
    """Walk the commands this project sends; text between them is decoded line by line."""
    out = Parsed()
    text = bytearray()
    i = 0
    while i < len(data):
        b = data[i]
        two = data[i : i + 2]
        if b == 0x0A:
            out.lines.append(text.decode(encoding))
            text.clear()
            i += 1
        elif two == b"\x1b@":
            out.inits += 1
            i += 2
        elif two in (b"\x1ba", b"\x1bE", b"\x1d!"):
            i += 3
        elif two == b"\x1bd":
            out.feeds.append(data[i + 2])
            i += 3
        elif two == b"\x1c&":
            out.chinese_mode = True
            i += 2
        elif two == b"\x1dV":
            out.cuts += 1
            i += 4 if data[i + 2] in (65, 66) else 3
        elif data[i : i + 3] == b"\x1dv0":
            xl, xh, yl, yh = data[i + 4 : i + 8]
            width, rows = (xl + 256 * xh), (yl + 256 * yh)
            out.rasters.append((width * 8, rows))
            i += 8 + width * rows
        elif data[i : i + 3] == b"\x1d(k":
            length = data[i + 3] + 256 * data[i + 4]
            body = data[i + 5 : i + 5 + length]
            if body[:3] == b"1P0":
                out.qr.append(body[3:].decode("utf-8"))
            i += 5 + length
        else:
            text.append(b)
            i += 1
    assert not text, f"text without a line feed at the end: {bytes(text)!r}"
    return out


# ---------------------------------------------------------------------------- fake printer
DLE, EOT = 0x10, 0x04
ALL_WELL = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}  # DLE EOT 1-4 of an idle printer with paper


class FakeTicketPrinter:
    """A thread listening on 127.0.0.1 like a TCP 9100 printer; records each connection's bytes.

    It speaks the real protocol: a real-time status request DLE EOT n (n = 1..4) is answered at
    once with ``status[n]`` and kept out of the recorded job, as a printer executes it rather
    than printing it; ``status=None`` is a printer without real-time status (no answer).
    ``reset_after=N`` reads N bytes of a connection, then resets it (SO_LINGER 0: a TCP RST).
    Both may be changed between jobs.
    """

    def __init__(
        self,
        port: int = 0,
        *,
        status: Mapping[int, int] | None = ALL_WELL,
        reset_after: int | None = None,
    ) -> None:
        self.status = status
        self.reset_after = reset_after
        self.jobs: list[bytes] = []
        self.queries: list[int] = []  # the n of each DLE EOT n answered or not
        self._got = threading.Condition()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", port))
        self._sock.listen(4)
        self.port: int = self._sock.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return  # closed
            with conn:
                job = self._connection(conn)
            with self._got:
                self.jobs.append(job)
                self._got.notify_all()

    def _connection(self, conn: socket.socket) -> bytes:
        job, pending, received = bytearray(), bytearray(), 0
        limit = self.reset_after
        while limit is None or received < limit:
            try:
                chunk = conn.recv(65536 if limit is None else limit - received)
            except ConnectionError:
                break
            if not chunk:
                break
            received += len(chunk)
            pending += chunk
            self._realtime(conn, pending, job)
        job += pending
        if limit is not None and received >= limit:
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return bytes(job)

    def _realtime(self, conn: socket.socket, pending: bytearray, job: bytearray) -> None:
        """Move printable bytes to ``job``; answer each complete DLE EOT n."""
        while pending:
            at = pending.find(DLE)
            if at < 0:
                job += pending
                pending.clear()
                return
            job += pending[:at]
            del pending[:at]
            if len(pending) < 3:
                return  # perhaps the start of DLE EOT n: wait for the rest
            if pending[1] == EOT and 1 <= pending[2] <= 4:
                self.queries.append(pending[2])
                if self.status is not None:
                    conn.sendall(bytes([self.status[pending[2]]]))
                del pending[:3]
            else:
                job.append(pending.pop(0))

    def wait_for_jobs(self, count: int, timeout: float = 10.0) -> list[bytes]:
        with self._got:
            assert self._got.wait_for(lambda: len(self.jobs) >= count, timeout), "no job arrived"
            return list(self.jobs)

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self._sock.close()
        self._thread.join(5)
