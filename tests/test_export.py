"""Files people open in spreadsheets: text that would run as a formula is written as text."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl

from clerk_app.export import neutralise, write_csv
from clerk_app.queue.export import write_xlsx
from clerk_app.queue.types import DurationFigures, QueueStats, StatsRow


def test_formula_starts_are_neutralised_and_numbers_left_alone() -> None:
    for hostile in ("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x"):
        assert neutralise(hostile) == "'" + hostile
    assert neutralise("A001") == "A001"
    assert neutralise(-3) == -3
    assert neutralise(None) is None


def test_csv_cells_are_neutralised() -> None:
    out = io.StringIO()
    write_csv(out, ("who",), [('=HYPERLINK("http://x")',), ("安全",)])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["who"],
        ['\'=HYPERLINK("http://x")'],
        ["安全"],
    ]


def test_xlsx_statistics_keep_hostile_keys_as_text(tmp_path: Path) -> None:
    none = DurationFigures(0, None, None)
    row = StatsRow("=cmd|'/c calc'!A1", 1, 1, 0, 0, none, none)
    stats = QueueStats(dt.date(2026, 11, 24), dt.date(2026, 11, 24), (row,), (), row)
    write_xlsx(stats, tmp_path / "s.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    assert sheet is not None
    cell = sheet.cell(row=3, column=2)
    assert (cell.value, cell.data_type) == ("'=cmd|'/c calc'!A1", "s")
