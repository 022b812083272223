"""The catalogue file on the counter: the shared models and codec, refusals as the client's.

The file is described once, in :mod:`onewindow_protocol.catalogue` (the central server reads
it with the same models); the format is documented in ``docs/catalogue-format.md``. Here a
refused file becomes :class:`CatalogueRefused`, with every problem found.
"""

from __future__ import annotations

from pathlib import Path

from clerk_app.catalogue.types import CatalogueRefusal, CatalogueRefused
from onewindow_protocol.catalogue import codec
from onewindow_protocol.catalogue.codec import (
    CatalogueInvalid,
    Problem,
    document_checksum,
    document_json,
    dumps,
    item_checksum,
    item_json,
    same_content_checksums,
)
from onewindow_protocol.catalogue.models import FORMAT_VERSION, CatalogueDocument

__all__ = [
    "FORMAT_VERSION",
    "CatalogueDocument",
    "document_checksum",
    "document_json",
    "dumps",
    "item_checksum",
    "item_json",
    "load_file",
    "loads",
    "parse",
    "same_content_checksums",
]


def refused(invalid: CatalogueInvalid) -> CatalogueRefused:
    """The client's refusal of a file: a newer format asks for a newer program."""
    code = (
        CatalogueRefusal.INVALID_FILE
        if invalid.newer_format is None
        else CatalogueRefusal.NEWER_FORMAT
    )
    return CatalogueRefused(code, invalid.problems)


def load_file(path: Path) -> CatalogueDocument:
    """Read and parse a catalogue file; every problem is reported at once."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problem = Problem("(file)", f"cannot read {path}: {exc.strerror or exc}")
        raise CatalogueRefused(CatalogueRefusal.INVALID_FILE, (problem,)) from None
    return loads(data)


def loads(data: bytes | str) -> CatalogueDocument:
    try:
        return codec.loads(data)
    except CatalogueInvalid as invalid:
        raise refused(invalid) from None


def parse(raw: object) -> CatalogueDocument:
    try:
        return codec.parse(raw)
    except CatalogueInvalid as invalid:
        raise refused(invalid) from None
