"""The system printer through Qt: the Windows path (where ``lp`` does not exist and the shell's
"print" verb is unreliable for PDFs) and a fallback elsewhere. It implements the same
``printing.backends.base.Printer`` interface as the core's backends.

Pages are rendered by pypdfium2 at the printer's resolution and painted on the QPrinter
(PySide6-Essentials has no QPdfDocument). Painting on a QPrinter is allowed off the GUI
thread, so the job service can run it in the task runner.
"""

from __future__ import annotations

from pathlib import Path

from PIL.ImageQt import ImageQt
from PySide6.QtCore import QMarginsF, QRect, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from printing.backends.base import FailureReason, PayloadFormat, PrintError, PrintJob, check_format
from printing.config import SystemPrinterConfig
from printing.pages import render_pages

DPI = 300


class QtPrinter:
    """A named system printer (``queue``), the default one (None), or a PDF file."""

    format = PayloadFormat.PDF

    def __init__(self, name: str, queue: str | None = None, *, output_file: Path | None = None):
        self._name = name
        self.queue = queue
        self.output_file = output_file

    @property
    def name(self) -> str:
        return self._name

    @classmethod
    def from_config(cls, config: SystemPrinterConfig) -> QtPrinter:
        return cls(config.name, config.queue)

    def _printer(self) -> QPrinter:
        if self.output_file is not None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.output_file))
            return printer
        info = QPrinterInfo.printerInfo(self.queue) if self.queue else QPrinterInfo.defaultPrinter()
        if info.isNull():
            what = f"system printer {self.queue!r}" if self.queue else "default printer"
            raise PrintError(FailureReason.NOT_CONFIGURED, f"printer {self.name}: no {what} found")
        return QPrinter(info, QPrinter.PrinterMode.HighResolution)

    def send(self, job: PrintJob) -> None:
        check_format(self, job)
        printer = self._printer()
        printer.setDocName(job.title)
        printer.setCopyCount(job.copies)
        printer.setResolution(DPI)
        pages = render_pages(job.payload, DPI)
        painter = QPainter()
        for index, page in enumerate(pages):
            size = QSizeF(page.width * 25.4 / DPI, page.height * 25.4 / DPI)
            match = QPageSize.SizeMatchPolicy.FuzzyMatch
            printer.setPageSize(QPageSize(size, QPageSize.Unit.Millimeter, "", match))
            printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
            if index == 0 and not painter.begin(printer):
                raise PrintError(
                    FailureReason.OFFLINE, f"printer {self.name}: the system refused the job"
                )
            if index > 0 and not printer.newPage():
                painter.end()
                raise PrintError(
                    FailureReason.INTERRUPTED, f"printer {self.name}: the job broke off"
                )
            target = painter.viewport()
            painter.drawImage(QRect(0, 0, target.width(), target.height()), ImageQt(page))
        if not painter.end():
            raise PrintError(FailureReason.INTERRUPTED, f"printer {self.name}: the job broke off")
