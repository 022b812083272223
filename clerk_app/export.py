"""Safe cells for files people open in spreadsheets (CSV, XLSX).

One rule for both: text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
would be read as a formula by Excel and WPS (CSV injection), so such text is stored as a text
literal that never evaluates. A CSV cell has no type, so the text gets a leading apostrophe,
which the spreadsheet shows as plain text; an XLSX cell is typed, so the text is stored as it
is in a string cell marked quote-prefixed (what Excel itself stores for text typed after an
apostrophe): it reads back unchanged and stays text when someone edits it. Numbers are left
alone in both.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None


def runs_as_formula(value: object) -> bool:
    """Whether a spreadsheet would take this cell for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


def neutralise(value: Cell) -> Cell:
    """The CSV form of a cell: formula-like text behind an apostrophe."""
    if runs_as_formula(value):
        return f"'{value}"
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


def append_xlsx_row(sheet: Worksheet, row: Sequence[Cell]) -> None:
    """Append a row to an openpyxl sheet, formula-like text stored as a text literal.

    Every XLSX export appends its rows here: openpyxl itself stores a string starting with
    ``=`` as a formula."""
    sheet.append(list(row))
    for cell in sheet[sheet.max_row]:
        if runs_as_formula(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True
