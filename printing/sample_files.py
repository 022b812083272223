"""``make samples``: every sample document as PDF and PNG under ``docs/samples/``, so anyone
can look at the papers without running the app (``python -m printing.sample_files DIR``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from printing.documents import DocumentKind, QueueTicketDoc
from printing.escpos import EscposMode, EscposOptions, ticket_escpos
from printing.escpos_image import render_lines_image
from printing.pages import render_pages
from printing.render import render_pdf
from printing.render.ticket import Paper, ticket_lines
from printing.samples import BRANDING, SAMPLES, ticket

PNG_DPI = 110


def write_pdf_and_png(pdf: bytes, directory: Path, stem: str) -> list[Path]:
    written = [directory / f"{stem}.pdf"]
    written[0].write_bytes(pdf)
    pages = render_pages(pdf, PNG_DPI)
    for number, image in enumerate(pages, 1):
        name = f"{stem}.png" if len(pages) == 1 else f"{stem}-{number}.png"
        image.save(directory / name, optimize=True)
        written.append(directory / name)
    return written


def write_samples(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for kind, make in SAMPLES.items():
        written += write_pdf_and_png(render_pdf(make(), BRANDING), directory, kind.value)
    doc: QueueTicketDoc = ticket()
    written += write_pdf_and_png(
        render_pdf(doc, BRANDING, paper=Paper.MM58), directory, "ticket-58mm"
    )
    for mode in EscposMode:
        path = directory / f"ticket-escpos-{mode.value}.bin"
        path.write_bytes(ticket_escpos(doc, EscposOptions(mode=mode)))
        written.append(path)
    image = render_lines_image(
        ticket_lines(doc, Paper.MM80), Paper.MM80, (doc.qr_url or "", "扫码查看排队进度")
    )
    image.save(directory / "ticket-escpos-image.png", optimize=True)
    written.append(directory / "ticket-escpos-image.png")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m printing.sample_files", description=__doc__)
    parser.add_argument("directory", type=Path, nargs="?", default=Path("docs/samples"))
    args = parser.parse_args(argv)
    written = write_samples(args.directory)
    kinds = ", ".join(k.value for k in DocumentKind if k in SAMPLES)
    print(f"{len(written)} files in {args.directory} ({kinds})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
