"""The print preview dialog and the Qt system-printer path (to a PDF file, headless)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from printing.backends.base import FailureReason, PayloadFormat, PrintError, PrintJob
from printing.config import SystemPrinterConfig
from printing.render import render_pdf
from tests.printing import literals
from tests.printing.helpers import pdf_text
from ui.printing.preview import ZOOMS, PrintPreviewDialog
from ui.printing.qt_printer import QtPrinter
from ui.printing.system import system_printer_factory


@pytest.fixture(scope="module")
def deferral_pdf() -> bytes:
    return render_pdf(literals.deferral(), literals.BRANDING)


def test_preview_shows_every_page_and_zooms(qtbot: QtBot, deferral_pdf: bytes) -> None:
    dialog = PrintPreviewDialog(deferral_pdf, "容缺受理通知书")
    qtbot.addWidget(dialog)
    assert len(dialog.pages) == 2
    assert dialog.windowTitle() == "Print preview: 容缺受理通知书"
    assert dialog.pages[1].toolTip() == "Page 2 of 2"
    width = dialog.pages[0].pixmap().width()
    dialog.zoom_in.click()
    assert dialog.zoom == 125 and dialog.pages[0].pixmap().width() > width
    dialog.set_zoom(ZOOMS[0])
    assert not dialog.zoom_out.isEnabled() and dialog.zoom_label.text() == "50%"


def test_print_button_asks_the_caller_to_print(qtbot: QtBot, deferral_pdf: bytes) -> None:
    dialog = PrintPreviewDialog(deferral_pdf, "t")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.print_requested, timeout=1000):
        dialog.print_button.click()


def test_qt_printer_prints_every_page(qtbot: QtBot, tmp_path: Path, deferral_pdf: bytes) -> None:
    out = tmp_path / "printed.pdf"
    QtPrinter("qt", output_file=out).send(PrintJob("deferral", deferral_pdf, PayloadFormat.PDF))
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 2
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4 stays A4
    assert pdf_text(deferral_pdf)  # the source had text; the Qt path prints page images


def test_qt_printer_without_that_system_printer_fails_clearly(qtbot: QtBot) -> None:
    with pytest.raises(PrintError) as caught:
        QtPrinter("front", "No_Such_Printer").send(PrintJob("t", b"%PDF", PayloadFormat.PDF))
    assert caught.value.reason is FailureReason.NOT_CONFIGURED
    assert "No_Such_Printer" in caught.value.message


def test_the_qt_path_is_the_system_printer_on_windows() -> None:
    factory = system_printer_factory("win32")
    assert factory is not None
    printer = factory(SystemPrinterConfig(name="a4", queue="HP"))
    assert isinstance(printer, QtPrinter) and printer.queue == "HP"
    assert system_printer_factory("linux") is None
