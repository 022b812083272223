"""How one edit of the clerk changes a material's record, keeping it consistent.

A material is received, deferred, replaced by an e-licence or committed to (告知承诺), never
two of them; ticking one clears the others. An edit that makes no sense (a date that is not a
date, a defect on a material not handed in) is refused: the cell keeps its value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from clerk_app.catalogue.types import MaterialForm
from clerk_app.intake.checklist import MaterialRecord, MaterialRequirement

# The checklist model's columns.
(
    MATERIAL,
    FORM,
    COPIES_NEEDED,
    NECESSITY,
    RECEIVED,
    ORIGINAL,
    COPIES,
    SCANS,
    ELICENCE,
    DEFERRED,
    SUPPLY_BY,
    DEFECTS,
    COMMITTED,  # 告知承诺: the applicant's signed commitment instead of the material
) = range(13)
COLUMN_COUNT = 13
DEFECT_SEPARATOR = ";"


def checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


def received(req: MaterialRequirement, rec: MaterialRecord, *, on: bool) -> MaterialRecord:
    if not on:
        return MaterialRecord(scans=rec.scans)
    copies = rec.copies or (0 if req.form is MaterialForm.ELECTRONIC else req.copies)
    return MaterialRecord(
        received=True,
        original_checked=rec.original_checked,
        copies=copies,
        scans=rec.scans,
        defects=rec.defects,
    )


def deferred(rec: MaterialRecord, *, on: bool) -> MaterialRecord:
    if not on:
        return MaterialRecord(scans=rec.scans)
    return MaterialRecord(deferred=True, scans=rec.scans, supply_by=rec.supply_by)


def committed(req: MaterialRequirement, rec: MaterialRecord, *, on: bool) -> MaterialRecord | None:
    """告知承诺: only where the catalogue lets a commitment stand in for the material."""
    if not req.commitment:
        return None
    if not on:
        return MaterialRecord(scans=rec.scans)
    return MaterialRecord(committed=True, scans=rec.scans)


def edited_text(
    req: MaterialRequirement, rec: MaterialRecord, column: int, value: Any
) -> MaterialRecord | None:
    text = str(value if value is not None else "").strip()
    editors = {COPIES: _copies, ELICENCE: _elicence, SUPPLY_BY: _supply_by, DEFECTS: _defects}
    editor = editors.get(column)
    return editor(req, rec, text) if editor else None


def _copies(req: MaterialRequirement, rec: MaterialRecord, text: str) -> MaterialRecord | None:
    if not text.isdigit():
        return None
    copies = int(text)
    base = rec if rec.received or copies == 0 else received(req, rec, on=True)
    return dataclasses.replace(base, copies=copies)


def _elicence(_req: MaterialRequirement, rec: MaterialRecord, text: str) -> MaterialRecord:
    if not text:
        return dataclasses.replace(rec, elicence_number=None)
    return MaterialRecord(elicence_number=text, scans=rec.scans)


def _supply_by(_req: MaterialRequirement, rec: MaterialRecord, text: str) -> MaterialRecord | None:
    if not text:
        return dataclasses.replace(rec, supply_by=None)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return dataclasses.replace(deferred(rec, on=True), supply_by=day)


def _defects(_req: MaterialRequirement, rec: MaterialRecord, text: str) -> MaterialRecord | None:
    defects = tuple(d.strip() for d in text.split(DEFECT_SEPARATOR) if d.strip())
    if defects and not rec.received:
        return None  # a defect is noted on something handed in
    return dataclasses.replace(rec, defects=defects)
