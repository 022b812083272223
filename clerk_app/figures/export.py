"""The figures as JSON (``clerk-app stats --json``), CSV and XLSX.

Spreadsheet cells follow the one rule of :mod:`clerk_app.export`: an item or department name
starting with ``=``, ``+``, ``-`` or ``@`` is stored as text, never run as a formula (every
XLSX row goes through :func:`clerk_app.export.append_xlsx_row`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_app.export import Cell, append_xlsx_row, write_csv
from clerk_app.figures.assistance import KIND_NAMES_ZH
from clerk_app.figures.fees import METHOD_LABELS
from clerk_app.figures.types import (
    INDICATORS,
    LEVELS,
    AssistanceFigure,
    CatalogueShare,
    FeeFigure,
    FigureRow,
    Figures,
    OnceModeShare,
)
from clerk_app.intake.fees import yuan, yuan_text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

YUAN_FORMAT = "0.00"

HEADER = (
    "期间 period",
    "代码 key",
    "名称 name",
    "受理 accepted",
    "一次性告知 notices",
    "容缺 deferrals",
    "不予受理 refusals",
    "办结 completed",
    "一次办结 completed in one visit",
    "一次办结率 one-visit share",
    "出件 handed over",
    "评价 ratings",
    "满意率 satisfied share",
    "平均办结天数 avg days to decision",
    "P90办结天数 p90 days to decision",
    "即办件当场办结 finished on the spot",
    "即办率 on-the-spot share",
    "办件类型为演示值的受理件 accepted with demo-valued handling",
    "受理件数（按首次受理）cases accepted",
    "跑动次数 trips",
    "每件跑动次数 visits per case",
    *(f"{i} {lv}" for i in INDICATORS for lv in LEVELS),
)


def row_json(row: FigureRow) -> dict[str, Any]:
    return {
        "period": row.period,
        "key": row.key,
        "label": row.label,
        "accepted": row.accepted,
        "notices": row.notices,
        "deferrals": row.deferrals,
        "refusals": row.refusals,
        "completed": row.completed,
        "completed_one_visit": row.completed_one_visit,
        "one_visit_share": row.one_visit_share,
        "handed_over": row.handed_over,
        "ratings": row.ratings,
        "satisfied_share": row.satisfied_share,
        "satisfaction": row.satisfaction,
        "days_to_decision_avg": row.days_to_decision_avg,
        "days_to_decision_p90": row.days_to_decision_p90,
        "on_the_spot": row.on_the_spot,
        "on_the_spot_share": row.on_the_spot_share,
        "on_the_spot_demo": row.on_the_spot_demo,
        "visit_cases": row.visit_cases,
        "visit_trips": row.visit_trips,
        "visits_per_case": row.visits_per_case,
    }


def _share_json(share: CatalogueShare) -> dict[str, Any]:
    return {
        "key": share.key,
        "label": share.label,
        "items": share.items,
        "once_and_for_all": share.once_and_for_all,
        "share": share.share,
        "demo_valued": share.demo_valued,
    }


def once_mode_json(share: OnceModeShare) -> dict[str, Any]:
    return {
        "period": share.period,
        "version": share.version_label,
        "items": share.items,
        "once_and_for_all": share.once_and_for_all,
        "share": share.share,
        "demo_valued": share.demo_valued,
    }


def figures_json(figures: Figures) -> dict[str, Any]:
    return {
        "from": figures.date_from.isoformat(),
        "to": figures.date_to.isoformat(),
        "period": figures.period.value,
        "by": figures.dimension.value,
        "rows": [row_json(r) for r in figures.rows],
        "totals": row_json(figures.totals),
        "catalogue": [_share_json(c) for c in figures.catalogue],
        "catalogue_total": _share_json(figures.catalogue_total),
        "once_mode": [once_mode_json(s) for s in figures.once_mode],
        "fees": {
            "by_method": [_fee_json(f) for f in figures.fees.by_method],
            "by_item": [_fee_json(f) for f in figures.fees.by_item],
            "taken": yuan_text(yuan(figures.fees.taken_fen)),
        },
        "assistance": [_assistance_json(a) for a in figures.assistance],
    }


def _fee_json(fee: FeeFigure) -> dict[str, Any]:
    return {"key": fee.key, "cases": fee.cases, "amount": yuan_text(yuan(fee.fen))}


def _assistance_json(helped: AssistanceFigure) -> dict[str, Any]:
    return {
        "helper": helped.helper_name,
        "kind": helped.kind,
        "cases": helped.cases,
        "sittings": helped.sittings,
        "minutes": helped.minutes,
    }


def _cells(row: FigureRow) -> tuple[Cell, ...]:
    return (
        row.period,
        row.key,
        row.label,
        row.accepted,
        row.notices,
        row.deferrals,
        row.refusals,
        row.completed,
        row.completed_one_visit,
        row.one_visit_share,
        row.handed_over,
        row.ratings,
        row.satisfied_share,
        row.days_to_decision_avg,
        row.days_to_decision_p90,
        row.on_the_spot,
        row.on_the_spot_share,
        row.on_the_spot_demo,
        row.visit_cases,
        row.visit_trips,
        row.visits_per_case,
        *(row.satisfaction[i][str(lv)] for i in INDICATORS for lv in LEVELS),
    )


def figure_rows(figures: Figures) -> Iterator[tuple[Cell, ...]]:
    yield from (_cells(r) for r in figures.rows)
    yield _cells(figures.totals)


def save_csv(figures: Figures, path: Path) -> None:
    partial = path.with_name(path.name + ".part")
    with partial.open("w", encoding="utf-8-sig", newline="") as handle:
        write_csv(handle, HEADER, figure_rows(figures))
    partial.replace(path)


def save_xlsx(figures: Figures, path: Path) -> None:
    from openpyxl import Workbook  # noqa: PLC0415 - only an export needs it, not the start-up
    from openpyxl.styles import Font  # noqa: PLC0415

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "figures"
    append_xlsx_row(sheet, [f"{figures.date_from} – {figures.date_to}"])
    append_xlsx_row(sheet, HEADER)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for cells in figure_rows(figures):
        append_xlsx_row(sheet, cells)
    catalogue = book.create_sheet("catalogue")
    append_xlsx_row(
        catalogue,
        [
            "代码 key",
            "名称 name",
            "事项 items",
            "最多跑一次 once and for all",
            "占比 share",
            "跑动次数为演示值 demo-valued visits",
        ],
    )
    for share in (*figures.catalogue, figures.catalogue_total):
        append_xlsx_row(
            catalogue,
            [
                share.key,
                share.label,
                share.items,
                share.once_and_for_all,
                share.share,
                share.demo_valued,
            ],
        )
    trend = book.create_sheet("once_mode")
    append_xlsx_row(
        trend,
        [
            "期间 period",
            "目录版本 catalogue version",
            "事项 items",
            "最多跑一次 once and for all",
            "占比 share",
            "跑动次数为演示值 demo-valued visits",
        ],
    )
    for once in figures.once_mode:
        append_xlsx_row(
            trend,
            [
                once.period,
                once.version_label or "",
                once.items,
                once.once_and_for_all,
                once.share,
                once.demo_valued,
            ],
        )
    _fees_sheet(book.create_sheet("fees"), figures)
    _assistance_sheet(book.create_sheet("assistance"), figures)
    partial = path.with_name(path.name + ".part")
    book.save(partial)
    partial.replace(path)


def _fees_sheet(sheet: Worksheet, figures: Figures) -> None:
    """收费统计: per payment method (免缴 and 待缴 with what was due), the money taken, then
    per item; amounts are numbers in yuan, exact (decimal, never float)."""
    fees = figures.fees
    append_xlsx_row(sheet, ["缴费方式 method", "件数 cases", "金额(元) amount (yuan)"])
    for fee in fees.by_method:
        append_xlsx_row(sheet, [f"{METHOD_LABELS[fee.key]} {fee.key}", fee.cases, None])
        sheet.cell(sheet.max_row, 3, yuan(fee.fen)).number_format = YUAN_FORMAT
    append_xlsx_row(sheet, ["实收合计 taken", None, None])
    sheet.cell(sheet.max_row, 3, yuan(fees.taken_fen)).number_format = YUAN_FORMAT
    append_xlsx_row(sheet, [])
    append_xlsx_row(sheet, ["事项（实收）item (taken)", "件数 cases", "金额(元) amount (yuan)"])
    for fee in fees.by_item:
        append_xlsx_row(sheet, [fee.key, fee.cases, None])
        sheet.cell(sheet.max_row, 3, yuan(fee.fen)).number_format = YUAN_FORMAT


def _assistance_sheet(sheet: Worksheet, figures: Figures) -> None:
    append_xlsx_row(
        sheet,
        [
            "帮办代办员 helper",
            "类型 kind",
            "办件 cases",
            "人次 sittings",
            "用时(分) minutes",
        ],
    )
    for helped in figures.assistance:
        kind = f"{KIND_NAMES_ZH.get(helped.kind, helped.kind)} {helped.kind}"
        append_xlsx_row(
            sheet, [helped.helper_name, kind, helped.cases, helped.sittings, helped.minutes]
        )
