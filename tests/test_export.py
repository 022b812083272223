"""Files people open in spreadsheets: text that would run as a formula is written as text."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl

from clerk_app.export import neutralise, write_csv
from clerk_app.queue.export import write_csv as write_csv_stats
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


HOSTILE = ("=cmd|'/c calc'!A1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x")


def assert_text_literal(cell: Any, text: str) -> None:
    """Stored as a string, unchanged, quote-prefixed: it never evaluates, even once edited.
    (A carriage return comes back as itself where openpyxl writes through lxml, which escapes
    it, and as a line feed through the standard library's writer, which does not: XML reads an
    unescaped one as a line feed.)"""
    assert cell.value in (text, text.replace("\r", "\n"))
    assert (cell.data_type, cell.quotePrefix) == ("s", True)


def test_every_xlsx_export_is_tested_here() -> None:
    """A new XLSX export must write through ``append_xlsx_row`` and be added to these tests."""
    root = Path(__file__).parents[1] / "clerk_app"
    writers = sorted(
        str(path.relative_to(root.parent))
        for path in root.rglob("*.py")
        if "openpyxl import Workbook" in path.read_text(encoding="utf-8")
    )
    assert writers == ["clerk_app/figures/export.py", "clerk_app/queue/export.py"]
    for writer in writers:
        source = (root.parent / writer).read_text(encoding="utf-8")
        assert ".append(" not in source.replace("append_xlsx_row(", "")


def test_xlsx_statistics_keep_hostile_keys_as_text_literals(tmp_path: Path) -> None:
    none = DurationFigures(0, None, None)
    wait = DurationFigures(3, 600.0, 1200.0)
    rows = tuple(StatsRow(key, 1, 1, 0, 0, wait, none) for key in HOSTILE)
    stats = QueueStats(dt.date(2026, 11, 24), dt.date(2026, 11, 24), rows, (), rows[0])
    write_xlsx(stats, tmp_path / "s.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    assert sheet is not None
    for offset, key in enumerate(HOSTILE):
        assert_text_literal(sheet.cell(row=3 + offset, column=2), key)
        issued, avg_wait = (
            sheet.cell(row=3 + offset, column=3),
            sheet.cell(row=3 + offset, column=7),
        )
        assert (issued.value, issued.data_type, avg_wait.value) == (1, "n", 10.0)
    group = sheet.cell(row=3, column=1)
    assert (group.value, group.data_type, group.quotePrefix) == ("service", "s", False)
    write_csv_stats(stats, tmp_path / "s.csv")
    with (tmp_path / "s.csv").open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert [line[1] for line in lines[2:8]] == ["'" + key for key in HOSTILE]
