"""Which printers a PC has and which one prints what, read from the ``[printers.NAME]`` and
``[printing.routes]`` tables of the config file (see README, "Printing").

A printer's table is one of five kinds, told apart by ``kind`` (:data:`PrinterConfig`, a
discriminated union): each kind knows only its own keys. A route key is ``ROLE.KIND``
(``kiosk.ticket``, ``window.receipt``), ``ROLE.*`` or ``*``; the most specific match wins.
Roles are ``kiosk`` (the ticket machine) and ``window`` (a counter PC). Without any
configuration everything goes to the system's default printer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Discriminator, Tag

from printing.backends.base import PayloadFormat, Printer
from printing.backends.cups import CupsPrinter
from printing.backends.files import FilePrinter
from printing.escpos import EscposMode, EscposOptions, QrMode, TextEncoding
from printing.render.ticket import Paper
from printing.schema import TABLE, setting


class PrinterKind(StrEnum):
    SYSTEM = "system"  # CUPS lp (Linux); the Qt path on Windows (ui.printing)
    ESCPOS_NETWORK = "escpos-network"
    ESCPOS_USB = "escpos-usb"
    ESCPOS_SERIAL = "escpos-serial"
    FILE = "file"


class _Printer(BaseModel):
    """What every printer has: its name (the table's) and how a ticket is laid out on it."""

    model_config = TABLE

    name: str = setting(
        "default", "The printer's name: the NAME of its table.", "打印机名称，即表名 NAME。"
    )
    timeout_s: float = setting(
        10.0, "Seconds a connection or a job may take.", "连接或一次打印最长等待秒数。", gt=0
    )
    paper: Paper = setting(
        Paper.MM80, "Roll width of ticket paper in mm: 80 or 58.", "小票纸宽（毫米）：80 或 58。"
    )
    mode: EscposMode = setting(
        EscposMode.TEXT,
        'ESC/POS tickets: "text" (the printer\'s Chinese font) or "image" (a raster).',
        "ESC/POS 小票：text（打印机自带中文字库）或 image（位图，适合无中文字库的机型）。",
    )
    encoding: TextEncoding = setting(
        TextEncoding.GB18030,
        "Text encoding of ESC/POS text mode.",
        "ESC/POS 文本模式的编码。",
    )
    chinese_mode: bool = setting(
        default=True,
        en="Send FS & (Chinese mode) before the text.",
        zh="文本前发送 FS &（汉字模式）。",
    )
    qr: QrMode = setting(
        QrMode.NATIVE,
        'QR code on a ticket: "native" (the printer draws it), "image" or "none".',
        "小票二维码：native（打印机绘制）、image（位图）或 none（不印）。",
    )

    @property
    def escpos(self) -> EscposOptions:
        return EscposOptions(
            paper=self.paper,
            mode=self.mode,
            encoding=self.encoding,
            chinese_mode=self.chinese_mode,
            qr=self.qr,
        )

    @property
    def status_wait_s(self) -> float | None:
        """How long a ticket printer's status answer is awaited; None: it is not asked."""
        return None

    @property
    def payload_format(self) -> PayloadFormat:
        return PayloadFormat.ESCPOS


class _EscposPrinter(_Printer):
    status: bool = setting(
        default=True,
        en="The printer answers ESC/POS real-time status (DLE EOT) after a job.",
        zh="打印机在打印后应答 ESC/POS 实时状态（DLE EOT）。",
    )
    status_timeout_s: float = setting(
        3.0,
        "Seconds its status answer is awaited; none in time: the job is unconfirmed.",
        "等待状态应答的秒数；超时未答则该次打印记为“未确认”。",
        gt=0,
    )

    @property
    def status_wait_s(self) -> float | None:
        return self.status_timeout_s if self.status else None


class SystemPrinterConfig(_Printer):
    """A printer of the operating system (CUPS on Linux, the Windows spooler): A4 papers."""

    kind: Literal[PrinterKind.SYSTEM] = setting(
        PrinterKind.SYSTEM, "The printer's kind.", "打印机类型。"
    )
    queue: str | None = setting(
        None,
        "The system printer's name; not set: the system's default printer.",
        "系统打印机名称；不设则用系统默认打印机。",
    )

    @property
    def payload_format(self) -> PayloadFormat:
        return PayloadFormat.PDF


class NetworkPrinterConfig(_EscposPrinter):
    """An ESC/POS ticket printer on the network (raw TCP, usually port 9100)."""

    kind: Literal[PrinterKind.ESCPOS_NETWORK] = setting(
        PrinterKind.ESCPOS_NETWORK, "The printer's kind.", "打印机类型。"
    )
    host: str = setting(
        ...,
        "Its address (IP or host name).",
        "打印机地址（IP 或主机名）。",
        min_length=1,
    )
    port: int = setting(9100, "Its TCP port.", "TCP 端口。", ge=1, le=65535)


class UsbPrinterConfig(_EscposPrinter):
    """An ESC/POS ticket printer on USB, found by its vendor and product id."""

    kind: Literal[PrinterKind.ESCPOS_USB] = setting(
        PrinterKind.ESCPOS_USB, "The printer's kind.", "打印机类型。"
    )
    usb_vendor: int = setting(
        ...,
        "USB vendor id (e.g. 0x0416).",
        "USB 厂商 ID（如 0x0416）。",
        ge=0,
        le=0xFFFF,
    )
    usb_product: int = setting(
        0, "USB product id (e.g. 0x5011).", "USB 产品 ID（如 0x5011）。", ge=0, le=0xFFFF
    )


class SerialPrinterConfig(_EscposPrinter):
    """An ESC/POS ticket printer on a serial port."""

    kind: Literal[PrinterKind.ESCPOS_SERIAL] = setting(
        PrinterKind.ESCPOS_SERIAL, "The printer's kind.", "打印机类型。"
    )
    serial_device: str = setting(
        ...,
        "The serial port (/dev/ttyUSB0, COM3).",
        "串口（/dev/ttyUSB0、COM3）。",
        min_length=1,
    )
    baudrate: int = setting(9600, "Its baud rate.", "波特率。", ge=1)


class FilePrinterConfig(_Printer):
    """No printer: each job is written to a folder (tests, samples, a hall without paper)."""

    kind: Literal[PrinterKind.FILE] = setting(
        PrinterKind.FILE, "The printer's kind.", "打印机类型。"
    )
    directory: str = setting(
        ...,
        "The folder the jobs are written to.",
        "写入打印文件的文件夹。",
        min_length=1,
    )
    file_format: PayloadFormat = setting(
        PayloadFormat.PDF,
        'What is written: "pdf" or "escpos" (the bytes a ticket printer gets).',
        "写入的格式：pdf 或 escpos（小票打印机收到的字节）。",
    )

    @property
    def payload_format(self) -> PayloadFormat:
        return self.file_format


def _kind_of(value: object) -> str:
    """A table without ``kind`` is a system printer."""
    kind = value.get("kind", PrinterKind.SYSTEM) if isinstance(value, dict) else value.kind  # type: ignore[attr-defined]
    return str(kind) if isinstance(kind, str) else ""


PrinterConfig = Annotated[
    Annotated[SystemPrinterConfig, Tag(PrinterKind.SYSTEM)]
    | Annotated[NetworkPrinterConfig, Tag(PrinterKind.ESCPOS_NETWORK)]
    | Annotated[UsbPrinterConfig, Tag(PrinterKind.ESCPOS_USB)]
    | Annotated[SerialPrinterConfig, Tag(PrinterKind.ESCPOS_SERIAL)]
    | Annotated[FilePrinterConfig, Tag(PrinterKind.FILE)],
    Discriminator(_kind_of),
]
PRINTER_KINDS: tuple[type[_Printer], ...] = (
    SystemPrinterConfig,
    NetworkPrinterConfig,
    UsbPrinterConfig,
    SerialPrinterConfig,
    FilePrinterConfig,
)
DEFAULT_PRINTER = SystemPrinterConfig(name="default")


@dataclass(frozen=True)
class PrintRoutes:
    routes: tuple[tuple[str, str], ...] = (("*", DEFAULT_PRINTER.name),)

    def printer_for(self, role: str, kind: str) -> str | None:
        table = dict(self.routes)
        for key in (f"{role}.{kind}", f"{role}.*", "*"):
            if key in table:
                return table[key]
        return None


SystemFactory = Callable[[SystemPrinterConfig], Printer]


def build_printer(config: PrinterConfig, system: SystemFactory | None = None) -> Printer:
    """The backend for a configured printer; ``system`` overrides the system printer (the
    desktop app passes its Qt printer on Windows)."""
    if isinstance(config, SystemPrinterConfig):
        return system(config) if system else CupsPrinter(config.name, config.queue)
    if isinstance(config, FilePrinterConfig):
        return FilePrinter(config.name, Path(config.directory), config.file_format)
    # python-escpos loads its printer capability database on import (~0.15 s of every start).
    from printing.backends.escpos_printers import (  # noqa: PLC0415
        network_printer,
        serial_printer,
        usb_printer,
    )

    wait = config.status_wait_s
    if isinstance(config, NetworkPrinterConfig):
        return network_printer(config.name, config.host, config.port, config.timeout_s, wait)
    if isinstance(config, UsbPrinterConfig):
        return usb_printer(
            config.name, config.usb_vendor, config.usb_product, config.timeout_s, wait
        )
    return serial_printer(
        config.name, config.serial_device, config.baudrate, config.timeout_s, wait
    )
