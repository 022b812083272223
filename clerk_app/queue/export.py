"""Statistics export for the supervisor: CSV (UTF-8 with BOM, so spreadsheet programs on
Chinese Windows read it right) and XLSX, one row per service, per window and the total."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from clerk_app.export import append_xlsx_row, neutralise
from clerk_app.queue.types import DurationFigures, QueueStats, StatsRow

HEADER = (
    "分组 group",
    "代码 key",
    "发号 issued",
    "办结 served",
    "过号 no-shows",
    "取消 cancelled",
    "平均等候(分) avg wait (min)",
    "P90等候(分) p90 wait (min)",
    "平均办理(分) avg service (min)",
    "P90办理(分) p90 service (min)",
)
Cell = str | int | float | None


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def _figures(d: DurationFigures) -> tuple[float | None, float | None]:
    return _minutes(d.average_s), _minutes(d.p90_s)


def _row(group: str, r: StatsRow) -> tuple[Cell, ...]:
    return (
        group,
        r.key,
        r.issued,
        r.served,
        r.no_shows,
        r.cancelled,
        *_figures(r.wait),
        *_figures(r.service_time),
    )


def stats_rows(stats: QueueStats) -> Iterator[tuple[Cell, ...]]:
    """The rows of both files, as values (each file stores formula-like text safely)."""
    yield from (_row("service", r) for r in stats.services)
    yield from (_row("window", r) for r in stats.windows)
    yield _row("total", stats.total)


def write_csv(stats: QueueStats, path: Path) -> None:
    """Written to a temporary file first: a failed export never leaves half a file behind."""
    partial = path.with_name(path.name + ".part")
    with partial.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow((f"{stats.date_from} – {stats.date_to}",))
        writer.writerow(HEADER)
        for row in stats_rows(stats):
            writer.writerow(["" if cell is None else neutralise(cell) for cell in row])
    partial.replace(path)


def write_xlsx(stats: QueueStats, path: Path) -> None:
    # Imported here: openpyxl takes ~0.07 s to import, on every start otherwise.
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Font  # noqa: PLC0415

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"{stats.date_from}_{stats.date_to}"[:31]
    append_xlsx_row(sheet, [f"{stats.date_from} – {stats.date_to}"])
    append_xlsx_row(sheet, HEADER)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in stats_rows(stats):
        append_xlsx_row(sheet, row)
    partial = path.with_name(path.name + ".part")
    book.save(partial)
    partial.replace(path)
