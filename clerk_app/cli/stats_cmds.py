"""``clerk-app stats``: the hall figures for a period (the same as the supervisor dashboard)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from clerk_app.figures.export import figures_json
from clerk_app.figures.types import Dimension, Figures, Period
from clerk_app.services import Services
from printing.documents import HallBranding

EXIT_USAGE = 2


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    date_type: Callable[[str], object],
) -> None:
    stats = sub.add_parser("stats", help="the hall figures for a period")
    stats.add_argument("--from", dest="date_from", type=date_type, required=True)
    stats.add_argument("--to", dest="date_to", type=date_type, required=True)
    stats.add_argument("--period", choices=[p.value for p in Period], default="day")
    stats.add_argument("--by", choices=[d.value for d in Dimension], default="hall")
    stats.add_argument("--xlsx", metavar="FILE", help="also write the figures to an XLSX file")
    stats.add_argument("--csv", metavar="FILE", help="also write the figures to a CSV file")
    stats.add_argument(
        "--pdf",
        metavar="FILE",
        help="also write the report PDF (one day: the daily report; a calendar month: the "
        "monthly report)",
    )
    stats.add_argument("--json", action="store_true", help="print JSON")


def _text(figures: Figures) -> str:
    t = figures.totals
    active = figures.catalogue_total
    lines = [
        f"{figures.date_from} – {figures.date_to}",
        (
            f"  once-and-for-all items (active catalogue): {_share(active.share)}"
            f"{_demo(active.demo_valued, 'items whose visits')}"
            if active.items
            else "  no catalogue"
        ),
        (
            f"  accepted {t.accepted}, notices {t.notices}, deferrals {t.deferrals}, "
            f"refusals {t.refusals}"
        ),
        (
            f"  completed {t.completed} (one visit {t.completed_one_visit}), "
            f"handed over {t.handed_over}, ratings {t.ratings}"
        ),
        f"  days to decision: avg {t.days_to_decision_avg}, p90 {t.days_to_decision_p90}",
        (
            f"  on the spot {t.on_the_spot} of {t.accepted} accepted ({_share(t.on_the_spot_share)}"
            f"{_demo(t.on_the_spot_demo, 'accepted cases of items whose handling')})"
        ),
        (
            f"  visits per case {_number(t.visits_per_case)} "
            f"({t.visit_trips} trips for {t.visit_cases} cases, pickups included)"
        ),
    ]
    lines += [
        f"  {s.period} once-and-for-all items: {_share(s.share)} ({s.once_and_for_all} of "
        f"{s.items}, catalogue {s.version_label or 'none in force'}"
        f"{_demo(s.demo_valued, 'items whose visits')})"
        for s in figures.once_mode
    ]
    return "\n".join(lines)


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _demo(count: int, what: str) -> str:
    """The warning that a figure rests on demo values, not on published ones."""
    return f"; rests on demo values: {count} {what} is a demo value" if count else ""


def run(services: Services, args: argparse.Namespace) -> int:
    service = services.figures
    branding = services.printing.branding
    try:
        figures = service.figures(
            args.date_from, args.date_to, period=Period(args.period), dimension=Dimension(args.by)
        )
    except ValueError as exc:
        print(f"clerk-app: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for target in (args.xlsx, args.csv):
        if target:
            service.export(figures, Path(target), by=args.operator)
    if args.pdf:
        service.export_report(
            args.date_from,
            args.date_to,
            Path(args.pdf),
            branding or HallBranding(),
            by=args.operator,
        )
    if args.json:
        print(json.dumps(figures_json(figures), ensure_ascii=False, indent=2))
    else:
        print(_text(figures))
    return 0
