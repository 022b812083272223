"""Loading the reader vendor's libraries, and decoding the card photo with its ``GetBmp``.

The card's photo is WLT-compressed, and the format is licensed: only the vendor's decoder
library (``WltRS.dll``) decodes it, and this program never bundles one. Where the hall
installed one and ``[idcard] photo_decoder`` names it, ``GetBmp(char *wlt_file, int intf)``
(``intf`` 1 serial, 2 USB; 1 = success) turns ``x.wlt`` into ``x.bmp`` next to it; both files
are written in a private temporary folder and removed at once. Either backend (the serial
protocol or the vendor's SDK) can use it. Without a decoder, or when decoding fails, the card
comes back without a picture ("photo not available").

The libraries are loaded with ``ctypes.WinDLL`` (stdcall) on Windows and ``ctypes.CDLL``
elsewhere, which lets the tests run a compiled fake on Linux.
"""

from __future__ import annotations

import ctypes
import logging
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from clerk_app.devices.idcard.errors import SdkUnavailable

log = logging.getLogger(__name__)

DECODED_OK = 1  # GetBmp's success
INTF_SERIAL = 1
INTF_USB = 2


def load_library(path: str) -> ctypes.CDLL:
    try:
        if sys.platform == "win32":
            return ctypes.WinDLL(path)  # the vendors' functions are __stdcall
        return ctypes.CDLL(path)
    except OSError as exc:
        raise SdkUnavailable(path, _first_line(exc)) from None


def library_function(library: ctypes.CDLL, path: str, name: str) -> Callable[..., int]:
    try:
        function = getattr(library, name)
    except AttributeError:
        raise SdkUnavailable(path, f"it has no function {name}") from None
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


class PhotoDecoder:
    """The vendor's ``GetBmp``, loaded on first use (the app starts where it is missing; the
    read then says why, as with an unplugged reader)."""

    def __init__(self, path: str, intf: int) -> None:
        self.path = path
        self.intf = intf
        self._get_bmp: Callable[..., int] | None = None

    def load(self) -> None:
        """Load the library now: :class:`SdkUnavailable` when it cannot be."""
        if self._get_bmp is None:
            self._get_bmp = library_function(load_library(self.path), self.path, "GetBmp")

    def decode(self, wlt: bytes) -> bytes | None:
        """The BMP the vendor's decoder makes of ``wlt``, or None (photo not available)."""
        self.load()
        assert self._get_bmp is not None
        with tempfile.TemporaryDirectory(prefix="onewindow-idcard-") as folder:
            wlt_path = Path(folder) / "zp.wlt"
            wlt_path.write_bytes(wlt)
            code = self._get_bmp(str(wlt_path).encode(sys.getfilesystemencoding()), self.intf)
            bmp_path = wlt_path.with_suffix(".bmp")
            if code != DECODED_OK or not bmp_path.is_file():
                log.info("ID card photo not decoded: GetBmp returned %s", code)
                return None
            return bmp_path.read_bytes()
