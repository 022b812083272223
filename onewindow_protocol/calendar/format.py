"""The calendar file: one or more whole years in TOML (docs/calendar.md).

::

    [years.2027]
    complete = true
    holidays = [
      "2027-01-01",
      "2027-02-06..2027-02-12",
    ]
    workdays = [
      "2027-02-14",
    ]

``complete = true`` is required: a year is stored only as the State Council's whole
arrangement (every weekday off and every weekend day worked), never as a part of one. The
canonical text of a year (what ``export`` writes and what the shipped files are) lists the
dates in order, consecutive days as ``first..last`` ranges, one entry a line; reading it back
and writing it again gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from collections.abc import Iterable

from onewindow_protocol.calendar.types import CalendarRefusal, CalendarRefused, YearArrangement


class CalendarFileError(ValueError):
    """A hall calendar file that cannot be used; nothing from it is taken."""


# The fixed-date statutory holidays (全国年节及纪念日放假办法, art. 2): a whole arrangement
# always has them off, whichever year.
FIXED_HOLIDAYS = ((1, 1, "New Year's Day"), (5, 1, "Labour Day"), (10, 1, "National Day"))
SPRING_FESTIVAL_WINDOW = ((1, 20), (2, 28))  # 春节 always falls in here


def read_arrangements(text: str) -> tuple[YearArrangement, ...]:
    """Every year of a calendar file, each checked whole; refuses the whole file otherwise."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CalendarRefused(
            CalendarRefusal.BAD_FILE, f"cannot read the calendar file: {exc}"
        ) from None
    years = data.get("years")
    if set(data) - {"years"} or not isinstance(years, dict) or not years:
        raise CalendarRefused(
            CalendarRefusal.BAD_FILE, "a calendar file has one or more [years.YYYY] tables only"
        )
    found: list[YearArrangement] = []
    for year_text, section in years.items():
        try:
            year, complete, holidays, workdays = parse_year_section(year_text, section)
        except CalendarFileError as exc:
            raise CalendarRefused(CalendarRefusal.BAD_FILE, str(exc)) from None
        if not complete:
            raise CalendarRefused(
                CalendarRefusal.NOT_WHOLE,
                f"[years.{year}] says complete = false: a year must be the State Council's "
                "whole arrangement (complete = true), not a part of it",
            )
        arrangement = YearArrangement(year, frozenset(holidays), frozenset(workdays))
        check_whole(arrangement)
        found.append(arrangement)
    return tuple(sorted(found, key=lambda a: a.year))


def check_whole(arrangement: YearArrangement) -> None:
    """Refuse a year that cannot be a whole national arrangement: one missing a fixed-date
    holiday or the Spring Festival is a part, or a local list, mislabelled complete."""
    year = arrangement.year
    weekdays = sorted(d for d in arrangement.workdays if d.weekday() < 5)
    if weekdays:
        raise CalendarRefused(
            CalendarRefusal.NOT_WHOLE,
            f"[years.{year}] lists {weekdays[0]}, a {weekdays[0]:%A}, as a working day: "
            "workdays are the weekend days worked in exchange (调休)",
        )
    for month, day, name in FIXED_HOLIDAYS:
        if dt.date(year, month, day) not in arrangement.holidays:
            raise CalendarRefused(
                CalendarRefusal.NOT_WHOLE,
                f"[years.{year}] is not the whole arrangement: {dt.date(year, month, day)} "
                f"({name}) is not listed as a holiday",
            )
    (m1, d1), (m2, d2) = SPRING_FESTIVAL_WINDOW
    first, last = dt.date(year, m1, d1), dt.date(year, m2, d2)
    if not any(first <= day <= last for day in arrangement.holidays):
        raise CalendarRefused(
            CalendarRefusal.NOT_WHOLE,
            f"[years.{year}] is not the whole arrangement: no Spring Festival holiday "
            f"between {first} and {last}",
        )


def ranges(days: Iterable[dt.date]) -> list[str]:
    """``2026-01-01..2026-01-03``, ``2026-01-04``: the days in order, runs as ranges."""
    ordered = sorted(days)
    entries: list[str] = []
    start = None
    for i, day in enumerate(ordered):
        start = start or day
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        if following != day + dt.timedelta(days=1):
            entries.append(str(start) if start == day else f"{start}..{day}")
            start = None
    return entries


def _list(name: str, days: Iterable[dt.date]) -> str:
    entries = ranges(days)
    if not entries:
        return f"{name} = []\n"
    return f"{name} = [\n" + "".join(f'  "{e}",\n' for e in entries) + "]\n"


def dump_year(arrangement: YearArrangement) -> str:
    """The canonical text of one year (export, the shipped files, the checksum)."""
    return (
        f"[years.{arrangement.year}]\n"
        "complete = true\n"
        + _list("holidays", arrangement.holidays)
        + _list("workdays", arrangement.workdays)
    )


def dump(arrangements: Iterable[YearArrangement]) -> str:
    return "\n".join(dump_year(a) for a in sorted(arrangements, key=lambda a: a.year))


def checksum(arrangement: YearArrangement) -> str:
    return hashlib.sha256(dump_year(arrangement).encode("utf-8")).hexdigest()


def _dates(entries: object, where: str) -> Iterable[dt.date]:
    """Dates and inclusive ranges ``"2027-02-06..2027-02-12"`` from a calendar file list."""
    if not isinstance(entries, list):
        raise CalendarFileError(f"{where} must be a list of dates")
    for entry in entries:
        if isinstance(entry, dt.date) and not isinstance(entry, dt.datetime):
            yield entry
            continue
        if not isinstance(entry, str):
            raise CalendarFileError(f"{where}: {entry!r} is not a date")
        first_text, _, last_text = entry.partition("..")
        try:
            first = dt.date.fromisoformat(first_text.strip())
            last = dt.date.fromisoformat(last_text.strip()) if last_text else first
        except ValueError:
            raise CalendarFileError(f"{where}: {entry!r} is not a date (YYYY-MM-DD)") from None
        if last < first or (last - first).days > 366:
            raise CalendarFileError(f"{where}: {entry!r} is not a range of at most a year")
        yield from (first + dt.timedelta(days=i) for i in range((last - first).days + 1))


def parse_year_section(
    year_text: str, section: object
) -> tuple[int, bool, set[dt.date], set[dt.date]]:
    where = f"[years.{year_text}]"
    if not year_text.isdigit() or not 1900 <= int(year_text) <= 2200:
        raise CalendarFileError(f"{where}: not a year")
    if not isinstance(section, dict):
        raise CalendarFileError(f"{where} must be a table")
    unknown = set(section) - {"complete", "holidays", "workdays"}
    if unknown:
        raise CalendarFileError(f"{where}: unknown keys {sorted(unknown)}")
    complete = section.get("complete")
    if not isinstance(complete, bool):
        raise CalendarFileError(
            f"{where} must say complete = true (the whole national schedule is listed) "
            "or complete = false (local additions only)"
        )
    year = int(year_text)
    holidays = set(_dates(section.get("holidays", []), f"{where} holidays"))
    workdays = set(_dates(section.get("workdays", []), f"{where} workdays"))
    strays = sorted(d for d in holidays | workdays if d.year != year)
    if strays:
        raise CalendarFileError(f"{where}: {strays[0]} is not in {year}")
    both = holidays & workdays
    if both:
        raise CalendarFileError(f"{min(both)} is listed both as a holiday and a working day")
    return year, complete, holidays, workdays
