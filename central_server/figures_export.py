"""The province's figures as a table: the columns (Chinese headings, English notes) shared by
the back-office page, ``central-server figures`` and its spreadsheet and PDF.

The PDF uses reportlab's built-in STSong-Light CID font, as the licence copy does: the server
ships no font file and needs none for Chinese.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from onewindow_protocol.wire.figures import FigureRow, ProvinceFigures
from onewindow_protocol.wire.ratings import GroupBy

PDF_FONT = "STSong-Light"


@dataclass(frozen=True, slots=True)
class Column:
    field: str
    zh: str
    en: str
    share: bool = False


COLUMNS = (
    Column("items", "事项数", "items in the catalogue"),
    Column("items_networked", "网办事项数", "items online"),
    Column("networked_share", "网办率", "share online", share=True),
    Column("items_once", "最多跑一次事项数", "items in once-mode"),
    Column("once_share", "最多跑一次事项占比", "once-mode share", share=True),
    Column("accepted", "受理件数", "cases accepted"),
    Column("completed", "办结件数", "cases completed"),
    Column("on_the_spot", "即办件数", "accepted on the spot"),
    Column("on_the_spot_share", "即办率", "on-the-spot share", share=True),
    Column("visits_per_case", "件均跑动次数", "visits per case"),
    Column("days_to_decision_avg", "平均办结天数", "average days to decision"),
    Column("ratings", "评价数", "ratings"),
    Column("satisfied_share", "满意率", "satisfied share", share=True),
)
KEY_HEADING = {
    GroupBy.HALL: ("大厅", "hall"),
    GroupBy.DEPARTMENT: ("部门", "department"),
    GroupBy.ITEM: ("事项", "item"),
}
UNKNOWN = "（未知）"  # cases or ratings whose department or item is not known
TOTAL = "全省合计"


def cell_text(row: FigureRow, column: Column) -> str:
    value = getattr(row, column.field)
    if value is None:
        return "—"
    if column.share:
        return f"{value * 100:.1f}%"
    return str(value)


def key_text(row: FigureRow) -> str:
    if row.key is None:
        return UNKNOWN
    return f"{row.key} {row.label}" if row.label else row.key


def _header(figures: ProvinceFigures, with_period: bool) -> list[str]:
    zh, _ = KEY_HEADING[figures.by]
    return [*(["期间"] if with_period else []), zh, *(c.zh for c in COLUMNS)]


def table(figures: ProvinceFigures, *, per_period: bool) -> list[list[str]]:
    """Heading, then the groups (or each period's rows), then the province's total."""
    lines = [_header(figures, per_period)]
    source = figures.rows if per_period else figures.groups
    for row in source:
        lead = [row.period or ""] if per_period else []
        lines.append([*lead, key_text(row), *(cell_text(row, c) for c in COLUMNS)])
    lead = [f"{figures.date_from}..{figures.date_to}"] if per_period else []
    lines.append([*lead, TOTAL, *(cell_text(figures.total, c) for c in COLUMNS)])
    return lines


def title(figures: ProvinceFigures) -> str:
    zh, _ = KEY_HEADING[figures.by]
    per = "按日" if figures.per.value == "day" else "按月"
    return f"全省政务服务指标 {figures.date_from} 至 {figures.date_to}（按{zh}，{per}）"


def save_xlsx(figures: ProvinceFigures, path: Path) -> None:
    from openpyxl import Workbook  # noqa: PLC0415 - only this export needs it

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "汇总"
    sheet.append([title(figures)])
    for line in table(figures, per_period=False):
        sheet.append(line)
    periods = book.create_sheet("分期")
    for line in table(figures, per_period=True):
        periods.append(line)
    trend = book.create_sheet("最多跑一次趋势")
    trend.append(["月份", "目录版本", "事项数", "最多跑一次事项数", "占比"])
    for month in figures.once_mode_trend:
        share = "—" if month.once_share is None else f"{month.once_share * 100:.1f}%"
        release = "—" if month.catalogue_release is None else str(month.catalogue_release)
        trend.append([month.month, release, month.items, month.items_once, share])
    notes = book.create_sheet("说明")
    notes.append(["指标", "English", "字段"])
    for c in COLUMNS:
        notes.append([c.zh, c.en, c.field])
    book.save(path)


def render_pdf(figures: ProvinceFigures) -> bytes:
    # reportlab loads with the first PDF, not with the CLI.
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.lib.pagesizes import A4, landscape  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table  # noqa: PLC0415

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4), title=title(figures), invariant=True)
    heading = ParagraphStyle("h", fontName=PDF_FONT, fontSize=14, leading=20)
    cell = ParagraphStyle("c", fontName=PDF_FONT, fontSize=7, leading=9)
    data = [[Paragraph(text, cell) for text in line] for line in table(figures, per_period=False)]
    grid = Table(data, repeatRows=1)
    grid.setStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
    )
    trend = ", ".join(
        f"{m.month} {'—' if m.once_share is None else f'{m.once_share * 100:.1f}%'}"
        for m in figures.once_mode_trend
    )
    doc.build(
        [
            Paragraph(title(figures), heading),
            Paragraph(f"时区 {figures.timezone}；最多跑一次事项占比趋势：{trend}", cell),
            Spacer(0, 8),
            grid,
        ]
    )
    return out.getvalue()


def save_pdf(figures: ProvinceFigures, path: Path) -> None:
    path.write_bytes(render_pdf(figures))
