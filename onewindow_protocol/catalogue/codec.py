"""Reading and writing the catalogue file, and its checksums.

:func:`parse` reads a decoded JSON value whole and raises :class:`CatalogueInvalid` with every
problem found, each with its JSON path and item code. The format version is read first: a
version this program does not know is one problem asking for a newer program (the rest would
be read with the wrong rules), while within a known version an unknown key is a problem at its
path. Checksums are SHA-256 over the canonical JSON of the models (sorted keys, no spaces,
UTF-8 kept), so the counter and the central server compute the same ones.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from onewindow_protocol.catalogue.fields import PROBLEM, Loc, kind_of
from onewindow_protocol.catalogue.models import (
    FORMAT_NAME,
    FORMAT_VERSION,
    FORMAT_VERSIONS,
    CatalogueDocument,
    Item,
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a catalogue file: where (a JSON path), which item, what."""

    path: str  # e.g. "items[3].materials[2].necessity"
    message: str
    item_code: str | None = None

    def __str__(self) -> str:
        where = self.path if self.item_code is None else f"{self.path} [item {self.item_code}]"
        return f"{where}: {self.message}"


class CatalogueInvalid(ValueError):  # noqa: N818 - a refused file is an expected outcome
    """The file was refused; ``problems`` lists every reason. ``newer_format`` is the format
    version of a file written for a newer program (then the only problem says so)."""

    def __init__(self, problems: tuple[Problem, ...], newer_format: int | None = None) -> None:
        self.problems = problems
        self.newer_format = newer_format
        super().__init__("; ".join(str(p) for p in problems))


def path_of(loc: Loc) -> str:
    """``("items", 3, "code")`` → ``items[3].code``."""
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}" if path else part
    return path or "(top level)"


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == PROBLEM:
        return str((error.get("ctx") or {})["message"])
    if kind == "missing" or error["input"] is None:
        return "is required"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return f"must be an object, not {kind_of(error['input'])}"
    return error["msg"]


def _item_code(raw: object, loc: Loc) -> str | None:
    """The code of the item a problem lies in, as the file wrote it."""
    if len(loc) < 2 or loc[0] != "items" or not isinstance(raw, dict):
        return None
    items, index = raw.get("items"), loc[1]
    if not isinstance(items, list) or not isinstance(index, int) or index >= len(items):
        return None
    item = items[index]
    code = item.get("code") if isinstance(item, dict) else None
    return code.strip() if isinstance(code, str) else None


def _order(loc: Loc) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in loc)


def problems_of(raw: object, error: ValidationError) -> tuple[Problem, ...]:
    """Every problem of a refused file, in the order of their paths."""
    found = sorted(error.errors(include_url=False), key=lambda e: _order(tuple(e["loc"])))
    return tuple(
        Problem(path_of(tuple(e["loc"])), _message(e), _item_code(raw, tuple(e["loc"])))
        for e in found
    )


def _check_envelope(raw: object) -> None:
    """The format name and version, read before anything else: the rest of a file of another
    format or version would be read with the wrong rules."""
    if not isinstance(raw, dict):
        raise CatalogueInvalid((Problem("(top level)", f"must be an object, not {kind_of(raw)}"),))
    version = raw.get("format_version")
    whole = isinstance(version, int) and not isinstance(version, bool)
    newer = isinstance(version, int) and whole and version > FORMAT_VERSION
    if raw.get("format") == FORMAT_NAME and newer:
        message = (
            f"this file is written in format version {version}; this program reads versions "
            f"{FORMAT_VERSIONS[0]} to {FORMAT_VERSION}: install a newer version of OneWindow"
        )
        raise CatalogueInvalid((Problem("format_version", message),), newer_format=version)
    problems = [] if raw.get("format") == FORMAT_NAME else [_wrong_format()]
    if not whole or version not in FORMAT_VERSIONS:
        allowed = ", ".join(str(v) for v in FORMAT_VERSIONS)
        problems.append(Problem("format_version", f"must be one of {allowed}, not {version!r}"))
    if problems:
        raise CatalogueInvalid(tuple(problems))


def _wrong_format() -> Problem:
    return Problem("format", f"must be {FORMAT_NAME!r}")


def parse(raw: object) -> CatalogueDocument:
    """A decoded catalogue file as a document, or :class:`CatalogueInvalid` listing every
    problem. Keys are read as the file spells them (``type``, never ``item_type``)."""
    _check_envelope(raw)
    try:
        return CatalogueDocument.model_validate(raw, by_alias=True, by_name=False)
    except ValidationError as error:
        raise CatalogueInvalid(problems_of(raw, error)) from None


def loads(data: bytes | str) -> CatalogueDocument:
    """Parse the text of a catalogue file (UTF-8, a byte-order mark allowed)."""
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        raise CatalogueInvalid((Problem("(file)", f"not UTF-8 text (byte {exc.start})"),)) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        raise CatalogueInvalid((Problem("(file)", message),)) from None
    return parse(raw)


def document_json(doc: CatalogueDocument) -> dict[str, Any]:
    """The document as the file holds it."""
    return doc.model_dump(mode="json")


def item_json(item: Item) -> dict[str, Any]:
    return item.model_dump(mode="json")


def dumps(doc: CatalogueDocument) -> str:
    """The file's text: indented, UTF-8 kept, in the models' field order."""
    return json.dumps(document_json(doc), ensure_ascii=False, indent=2) + "\n"


def canonical(data: object) -> str:
    """One spelling per value: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _digest(data: object) -> str:
    return hashlib.sha256(canonical(data).encode("utf-8")).hexdigest()


def item_checksum(item: Item) -> str:
    """What makes an item version: the same code and version must always hash the same."""
    return _digest(item_json(item))


def document_checksum(doc: CatalogueDocument) -> str:
    return _digest(document_json(doc))


def same_content_checksums(doc: CatalogueDocument) -> frozenset[str]:
    """The checksums ``doc`` has under every format version this program reads: a catalogue
    version stored from a version 1 file (its checksum taken with ``"format_version": 1``) is
    the same content as that file read as version 2."""
    return frozenset(
        document_checksum(doc.model_copy(update={"format_version": v})) for v in FORMAT_VERSIONS
    )
