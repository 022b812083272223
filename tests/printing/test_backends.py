"""CUPS through a stand-in ``lp``, the file printer, a serial ticket printer on a pty, and the
content-addressed blob store."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from onewindow_base.blobs import BlobError, BlobStore, sha256_of
from printing.backends.base import FailureReason, PayloadFormat, PrintError, PrintJob
from printing.backends.cups import CupsPrinter
from printing.backends.escpos_printers import serial_printer
from printing.backends.files import FilePrinter
from printing.escpos import ticket_escpos
from printing.escpos_status import STATUS_QUERY
from tests.blob_ring import TEST_RING
from tests.printing import literals
from tests.printing.helpers import ALL_WELL, parse_escpos

PDF_JOB = PrintJob("receipt CC01", b"%PDF-1.4 test", PayloadFormat.PDF, copies=2, job_id=7)


def fake_lp(tmp_path: Path, script: str) -> str:
    """An ``lp`` stand-in: records its arguments and stdin, then runs ``script``."""
    path = tmp_path / "lp"
    path.write_text(
        f'#!/bin/sh\necho "$@" > "{tmp_path}/args"\ncat > "{tmp_path}/stdin"\n{script}\n',
        encoding="utf-8",
    )
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_cups_sends_the_pdf_on_stdin_to_the_named_queue(tmp_path: Path) -> None:
    CupsPrinter("a4", "HP_M404", lp=fake_lp(tmp_path, "exit 0")).send(PDF_JOB)
    assert (tmp_path / "stdin").read_bytes() == PDF_JOB.payload
    args = (tmp_path / "args").read_text(encoding="utf-8").split()
    assert args[:2] == ["-d", "HP_M404"] and "-n" in args and args[args.index("-n") + 1] == "2"


@pytest.mark.parametrize(
    ("stderr", "reason"),
    [
        ("lp: The printer or class does not exist.", FailureReason.NOT_CONFIGURED),
        ("lp: Destination HP is not accepting jobs.", FailureReason.OFFLINE),
        ("lp: Unsupported document-format", FailureReason.REJECTED),
    ],
)
def test_cups_failures_carry_lps_message(
    tmp_path: Path, stderr: str, reason: FailureReason
) -> None:
    printer = CupsPrinter("a4", "HP", lp=fake_lp(tmp_path, f'echo "{stderr}" >&2; exit 1'))
    with pytest.raises(PrintError) as caught:
        printer.send(PDF_JOB)
    assert caught.value.reason is reason
    assert caught.value.message.startswith("printer a4: lp: ")


def test_cups_without_lp_is_not_configured() -> None:
    with pytest.raises(PrintError, match="not installed") as caught:
        CupsPrinter("a4", lp="no-such-lp-command").send(PDF_JOB)
    assert caught.value.reason is FailureReason.NOT_CONFIGURED


def test_file_printer_writes_the_job(tmp_path: Path) -> None:
    printer = FilePrinter("files", tmp_path / "out", PayloadFormat.PDF)
    printer.send(PDF_JOB)
    assert (tmp_path / "out" / "000007-receipt_CC01.pdf").read_bytes() == PDF_JOB.payload
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["000007-receipt_CC01.pdf"]


def test_file_printer_in_an_unwritable_place_fails_clearly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(PrintError, match="cannot write") as caught:
        FilePrinter("files", blocker / "sub", PayloadFormat.PDF).send(PDF_JOB)
    assert caught.value.reason is FailureReason.IO_ERROR


def test_serial_ticket_printer_on_a_pty_answers_its_status() -> None:
    controller, device = os.openpty()
    received = bytearray()
    payload = ticket_escpos(literals.ticket())

    def printer() -> None:
        """The printer's end: the job, then DLE EOT 1-4, each answered as a printer would."""
        while len(received) < len(payload) + len(STATUS_QUERY):
            received.extend(os.read(controller, 4096))
        os.write(controller, bytes(ALL_WELL[n] for n in (1, 2, 3, 4)))

    reader = threading.Thread(target=printer, daemon=True)
    reader.start()
    serial = serial_printer("kiosk-serial", os.ttyname(device), 115200, timeout_s=5)
    status = serial.send(PrintJob("ticket", payload, PayloadFormat.ESCPOS))
    reader.join(10)
    os.close(device)
    os.close(controller)
    assert status is not None and status.ok and status.text() == "ok"
    assert bytes(received) == payload + STATUS_QUERY
    assert "A012" in parse_escpos(payload).lines


def test_serial_printer_that_is_absent_is_offline() -> None:
    with pytest.raises(PrintError) as caught:
        serial_printer("kiosk", "/dev/no-such-tty").send(PrintJob("t", b"x", PayloadFormat.ESCPOS))
    assert (
        caught.value.reason is FailureReason.OFFLINE and "/dev/no-such-tty" in caught.value.message
    )


def test_blob_store_is_content_addressed_idempotent_and_verified(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs", TEST_RING)
    digest = store.put(b"receipt")
    assert digest == sha256_of(b"receipt")
    name = store.name_of(digest)
    assert store.path_of(digest) == tmp_path / "blobs" / name[:2] / name[2:4] / f"{name}.owb"
    assert store.put(b"receipt") == digest and store.get(digest) == b"receipt"
    assert not [p for p in store.path_of(digest).parent.iterdir() if p.name.startswith(".")]
    store.path_of(digest).write_bytes(b"tampered")
    with pytest.raises(BlobError, match="corrupt"):
        store.get(digest)
    with pytest.raises(BlobError, match="missing"):
        store.get("0" * 64)
    with pytest.raises(BlobError, match="not a sha256"):
        store.get("../../etc/passwd")
