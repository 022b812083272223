"""``central-server licences import FILE``: licences from another registry, in JSON or CSV
(docs/licence-import.md).

Each entry is checked on its own (its fields, the holder's check character, its PDF copy) and
written in its own transaction; a bad entry is reported with its line (CSV) or its position
(JSON, from 1) and the others go in. Idempotent by (type, number): importing the same file again
changes nothing, and a changed entry updates its licence.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.services.credit import normalised
from central_server.services.errors import Refusal, Refused
from central_server.services.licences import upsert_imported
from onewindow_protocol.wire.licences import LicenceIn

MAX_COPY_BYTES = 20 * 1024 * 1024
CSV_COLUMNS = (
    "type", "type_name", "number", "holder", "holder_name", "issuer",
    "valid_from", "valid_until", "revoked", "copy_file",
)  # fmt: skip


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line or position, why)

    def as_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [{"line": n, "error": e} for n, e in self.errors],
        }


def _entries(path: Path, text: str) -> list[tuple[int, Any]]:
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        missing = set(CSV_COLUMNS[:7]) - set(reader.fieldnames or ())
        if missing:
            raise Refused(Refusal.LICENCE_IMPORT_INVALID, f"CSV columns missing: {sorted(missing)}")
        return [
            (reader.line_num, {k: v for k, v in row.items() if k and v not in (None, "")})
            for row in reader
        ]
    try:
        body = json.loads(text)
    except ValueError as exc:
        raise Refused(Refusal.LICENCE_IMPORT_INVALID, f"not JSON: {exc}") from None
    items = body.get("licences") if isinstance(body, dict) else None
    if not isinstance(items, list):
        raise Refused(Refusal.LICENCE_IMPORT_INVALID, 'expected {"licences": [...]}')
    return list(enumerate(items, start=1))


def _entry(raw: Any) -> LicenceIn:
    if not isinstance(raw, dict):
        raise Refused(Refusal.LICENCE_IMPORT_INVALID, "not an object")
    if isinstance(raw.get("holder"), str):
        raw = {**raw, "holder": normalised(raw["holder"])}
    if isinstance(raw.get("revoked"), str):
        raw = {**raw, "revoked": raw["revoked"].strip().lower() in ("1", "true", "yes", "是")}
    try:
        return LicenceIn.model_validate(raw)
    except ValidationError as exc:
        fields = ", ".join(sorted({str(e["loc"][0]) for e in exc.errors() if e.get("loc")}))
        raise Refused(Refusal.LICENCE_IMPORT_INVALID, f"invalid: {fields or 'entry'}") from None


def _pdf(base: Path, name: str | None) -> bytes | None:
    if name is None:
        return None
    path = base / name
    try:
        if path.stat().st_size > MAX_COPY_BYTES:
            raise Refused(Refusal.LICENCE_IMPORT_INVALID, f"copy: {name} is over 20 MiB")
        data = path.read_bytes()
    except OSError as exc:
        raise Refused(
            Refusal.LICENCE_IMPORT_INVALID, f"copy: cannot read {name} ({exc.strerror})"
        ) from None
    if not data.startswith(b"%PDF-"):
        raise Refused(Refusal.LICENCE_IMPORT_INVALID, f"copy: {name} is not a PDF")
    return data


def _write(ctx: ServerContext, entry: LicenceIn, pdf: bytes | None) -> str:
    now = ctx.now_ms()

    def work(session: Session) -> str:
        return upsert_imported(session, ctx, entry, pdf, now)

    return ctx.db.run_write(work)


def import_file(ctx: ServerContext, path: Path) -> ImportReport:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise Refused(Refusal.LICENCE_IMPORT_INVALID, f"cannot read {path}: {exc}") from None
    report = ImportReport()
    for line, raw in _entries(path, text):
        try:
            entry = _entry(raw)
            pdf = _pdf(path.parent, entry.copy_file)
            outcome = _write(ctx, entry, pdf)
        except Refused as refused:
            report.errors.append((line, refused.message))
            continue
        setattr(report, outcome, getattr(report, outcome) + 1)
    return report
