"""Safe cells for files people open in spreadsheets (CSV, XLSX).

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel and WPS (CSV injection); such text gets a leading apostrophe, which the
spreadsheet shows as plain text. Numbers are left alone.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import TextIO

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None


def neutralise(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """Write a UTF-8 CSV (the caller opens ``out`` with ``encoding='utf-8-sig'`` for Excel)."""
    writer = csv.writer(out)
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
        count += 1
    return count
