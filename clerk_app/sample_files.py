"""``make samples``: every paper from the real counter flow (``clerk_app.samples``) as PDF and
PNG under ``docs/samples/``, so anyone can look at the papers without running the app
(``python -m clerk_app.sample_files DIR [--date YYYY-MM-DD]``). Kept apart from
``clerk_app.samples`` so the CLI does not load the page renderer at start."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from clerk_app.samples import DEFAULT_DATE, SampleHall, SampleKind, TicketFormat
from printing.backends.base import PayloadFormat
from printing.documents import QueueTicketDoc
from printing.escpos import EscposMode
from printing.escpos_image import render_lines_image
from printing.pages import render_pages
from printing.render.ticket import Paper, ticket_lines

PNG_DPI = 110


def _pdf_and_png(pdf: bytes, directory: Path, stem: str) -> list[Path]:
    written = [directory / f"{stem}.pdf"]
    written[0].write_bytes(pdf)
    pages = render_pages(pdf, PNG_DPI)
    for number, image in enumerate(pages, 1):
        name = f"{stem}.png" if len(pages) == 1 else f"{stem}-{number}.png"
        image.save(directory / name, optimize=True)
        written.append(directory / name)
    return written


def write_samples(directory: Path, acceptance: dt.date = DEFAULT_DATE) -> list[Path]:
    """``make samples``: every kind as PDF and PNG, and the ticket also on 58 mm and as the
    ESC/POS bytes of both modes, all from one throwaway hall."""
    directory.mkdir(parents=True, exist_ok=True)
    for old in (*directory.glob("*.pdf"), *directory.glob("*.png"), *directory.glob("*.bin")):
        old.unlink()
    written: list[Path] = []
    with SampleHall(acceptance) as hall:
        written += _pdf_and_png(hall.make(SampleKind.TICKET).payload, directory, "ticket")
        narrow = hall.make(SampleKind.TICKET, ticket=TicketFormat(paper=Paper.MM58))
        written += _pdf_and_png(narrow.payload, directory, "ticket-58mm")
        for mode in EscposMode:
            sample = hall.make(
                SampleKind.TICKET, ticket=TicketFormat(PayloadFormat.ESCPOS, mode=mode)
            )
            path = directory / f"ticket-escpos-{mode.value}.bin"
            path.write_bytes(sample.payload)
            written.append(path)
            if mode is EscposMode.IMAGE and isinstance(sample.document, QueueTicketDoc):
                doc = sample.document
                qr = (doc.qr_url, "扫码查看排队进度") if doc.qr_url else None
                image = render_lines_image(ticket_lines(doc, Paper.MM80), Paper.MM80, qr)
                image.save(directory / "ticket-escpos-image.png", optimize=True)
                written.append(directory / "ticket-escpos-image.png")
        for kind in SampleKind:
            if kind is not SampleKind.TICKET:
                written += _pdf_and_png(hall.make(kind).payload, directory, kind.value)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m clerk_app.sample_files", description="make samples: every paper, real flow"
    )
    parser.add_argument("directory", type=Path, nargs="?", default=Path("docs/samples"))
    parser.add_argument("--date", type=dt.date.fromisoformat, default=DEFAULT_DATE)
    args = parser.parse_args(argv)
    written = write_samples(args.directory, args.date)
    kinds = ", ".join(k.value for k in SampleKind)
    print(f"{len(written)} files in {args.directory} ({kinds})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
