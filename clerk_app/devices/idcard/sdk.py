"""Reading a card through the reader vendor's own SDK library (``sdtapi.dll``), by ctypes.

Many halls run readers whose vendor ships only a Windows library. The most widespread family
is the Ministry reference interface ``sdtapi.dll`` (Routon, Synjones, Huashi and others ship it
or a compatible one); its functions, all ``int __stdcall`` on Windows:

* ``SDT_OpenPort(int iPort)``: 1-16 a serial port COM1-COM16, 1001-1016 a USB reader;
* ``SDT_StartFindIDCard(int iPort, unsigned char *pucIIN, int iIfOpen)``: find the card;
* ``SDT_SelectIDCard(int iPort, unsigned char *pucSN, int iIfOpen)``: select it;
* ``SDT_ReadBaseMsg(int iPort, unsigned char *pucCHMsg, unsigned int *puiCHMsgLen,
  unsigned char *pucPHMsg, unsigned int *puiPHMsgLen, int iIfOpen)``: the 256-byte text block
  and the 1,024-byte WLT photo, in memory;
* ``SDT_ClosePort(int iPort)``.

They answer with the security module's own status byte (the one the serial backend reads in
the frame): 0x90 success, 0x9F card found, 0x80 no card, 0x81 select failed, 0x41 read failed.
``iIfOpen`` 0 means "the port is already open" (we open it once per read). Sources: the
vendor header ``sdtapi.h`` as shipped in libinqi/idr-routon and yahaoli/collect, and the
C#, Delphi and node-ffi wrappers of the same DLL (ewin66/RFID ``LinkApi.cs``,
waiting/idcard-reader), which all agree. The in-memory ``SDT_ReadBaseMsg`` is used rather
than termb.dll's ``Read_Content`` (which writes ``wz.txt``/``zp.wlt`` to the working folder):
the card's data then never touches the disk for the text.

The photo, WLT-compressed, is decoded by the vendor's decoder library where the hall
installed one (``clerk_app.devices.idcard.vendor``); otherwise the card comes back without a
BMP ("photo not available").

The vendor libraries are loaded with ``ctypes.WinDLL`` (stdcall) on Windows and
``ctypes.CDLL`` elsewhere, which lets the tests run a compiled fake on Linux.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import logging
from collections.abc import Callable

from clerk_app.devices.idcard.card import CardData, decode_text_block
from clerk_app.devices.idcard.errors import (
    CardRemoved,
    NoCard,
    PortGone,
    ProtocolError,
)
from clerk_app.devices.idcard.protocol import Status
from clerk_app.devices.idcard.vendor import (
    INTF_SERIAL,
    INTF_USB,
    PhotoDecoder,
    library_function,
    load_library,
)

log = logging.getLogger(__name__)

FIRST_USB_PORT = 1001  # sdtapi numbers USB readers 1001-1016, serial ports 1-16
DEFAULT_SDK_PORT = FIRST_USB_PORT
TEXT_BUFFER = 4096  # the SDK writes 256 bytes; generous, as vendors' own samples allocate
PHOTO_BUFFER = 4096  # 1,024 bytes of WLT
ID_BUFFER = 64  # the card's IIN / serial number, 8 bytes
_SDK_FUNCTIONS = (
    "SDT_OpenPort",
    "SDT_ClosePort",
    "SDT_StartFindIDCard",
    "SDT_SelectIDCard",
    "SDT_ReadBaseMsg",
)


class SdkCardReader:
    """The vendor-SDK backend of :class:`~clerk_app.devices.idcard.reader.CardReader`."""

    def __init__(
        self,
        library_path: str,
        port: int = DEFAULT_SDK_PORT,
        *,
        today: Callable[[], dt.date],
        photo_decoder: str | None = None,
    ) -> None:
        self.library_path = library_path
        self.port = port
        self.today = today
        self.photo_decoder = photo_decoder
        # Loaded on the first read: the app starts even where the driver is missing, and the
        # clerk sees why on the read (as with an unplugged serial reader).
        self._sdk: dict[str, Callable[..., int]] | None = None
        intf = INTF_USB if port >= FIRST_USB_PORT else INTF_SERIAL
        self._decoder = PhotoDecoder(photo_decoder, intf) if photo_decoder else None

    @property
    def target(self) -> str:
        """The port as errors name it."""
        kind = "USB" if self.port >= FIRST_USB_PORT else "COM"
        number = self.port - FIRST_USB_PORT + 1 if self.port >= FIRST_USB_PORT else self.port
        return f"{kind}{number} ({self.library_path})"

    def _functions(self) -> dict[str, Callable[..., int]]:
        if self._sdk is None:
            library = load_library(self.library_path)
            self._sdk = {
                name: library_function(library, self.library_path, name) for name in _SDK_FUNCTIONS
            }
            if self._decoder is not None:
                self._decoder.load()
        return self._sdk

    def read_card(self) -> CardData:
        sdk = self._functions()
        opened = sdk["SDT_OpenPort"](self.port)
        if opened != Status.SUCCESS:
            raise PortGone(self.target, f"SDT_OpenPort returned {_hex(opened)}")
        try:
            text, photo = self._read(sdk)
        finally:
            sdk["SDT_ClosePort"](self.port)
        card = decode_text_block(text, photo or None, today=self.today())
        if photo and self._decoder is not None:
            bmp = self._decoder.decode(photo)
            if bmp is not None:
                card = card.model_copy(update={"photo_bmp": bmp})
        return card

    def _read(self, sdk: dict[str, Callable[..., int]]) -> tuple[bytes, bytes]:
        scratch = ctypes.create_string_buffer(ID_BUFFER)
        found = sdk["SDT_StartFindIDCard"](self.port, scratch, 0)
        if found not in (Status.CARD_FOUND, Status.SUCCESS):
            self._fail("SDT_StartFindIDCard", found)
        selected = sdk["SDT_SelectIDCard"](self.port, scratch, 0)
        if selected != Status.SUCCESS:
            self._fail("SDT_SelectIDCard", selected)
        text = ctypes.create_string_buffer(TEXT_BUFFER)
        photo = ctypes.create_string_buffer(PHOTO_BUFFER)
        text_len = ctypes.c_uint(0)
        photo_len = ctypes.c_uint(0)
        read = sdk["SDT_ReadBaseMsg"](
            self.port, text, ctypes.byref(text_len), photo, ctypes.byref(photo_len), 0
        )
        if read != Status.SUCCESS:
            self._fail("SDT_ReadBaseMsg", read)
        if text_len.value > TEXT_BUFFER or photo_len.value > PHOTO_BUFFER:
            raise ProtocolError(self.target, "SDT_ReadBaseMsg reported more than it can hold")
        try:
            return text.raw[: text_len.value], photo.raw[: photo_len.value]
        finally:
            ctypes.memset(text, 0, TEXT_BUFFER)  # the card's data no longer in our buffers
            ctypes.memset(photo, 0, PHOTO_BUFFER)

    def _fail(self, function: str, code: int) -> None:
        if code == Status.FIND_FAILED:
            raise NoCard(self.target)
        if code in (Status.SELECT_FAILED, Status.READ_FAILED):
            raise CardRemoved(self.target)
        raise ProtocolError(self.target, f"{function} returned {_hex(code)}")


def _hex(code: int) -> str:
    return f"0x{code:02X}" if code >= 0 else str(code)
