"""The hall calendar in the database, on both databases: the shipped years equal to
chinese-calendar day by day and installed on migrate; ``clerk-app calendar import | show |
export`` (whole years only, audited, permission-checked, replaced atomically, byte-stable);
THE calendar every service reads follows an install made on another connection."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import chinese_calendar
import pytest
from sqlalchemy import func, select

from clerk_app.accounts.authz import SEPARATION_KEY
from clerk_app.audit.types import AuditAction
from clerk_app.calendars import store
from clerk_app.calendars.live import hall_calendar
from clerk_app.calendars.shipped import shipped_arrangements, shipped_dir
from clerk_app.calendars.types import CalendarSource
from clerk_app.db.audit_models import AuditRecord
from clerk_app.db.calendar_models import CalendarDay, CalendarYear
from clerk_app.db.security_models import SecuritySetting
from clerk_app.intake.workdays import UnknownCalendarYear
from onewindow_base.db.engine import Database
from onewindow_protocol.calendar.format import dump_year, read_arrangements
from onewindow_protocol.calendar.types import CalendarRefused
from tests.calendars.helpers import YEAR_2027, YEAR_2027_CORRECTED
from tests.test_cli import run

D = dt.date


def _days(year: int) -> list[dt.date]:
    first = D(year, 1, 1)
    return [first + dt.timedelta(days=i) for i in range((D(year + 1, 1, 1) - first).days)]


@pytest.mark.parametrize("year", [2025, 2026])
def test_each_shipped_file_equals_chinese_calendar_day_by_day(year: int) -> None:
    path = shipped_dir() / f"{year}.toml"
    (arrangement,) = read_arrangements(path.read_text(encoding="utf-8"))
    assert arrangement.year == year
    for day in _days(year):
        off = day in arrangement.holidays or (
            day.weekday() >= 5 and day not in arrangement.workdays
        )
        assert off is not chinese_calendar.is_workday(day), day
        assert (day in arrangement.holidays) is chinese_calendar.is_holiday(day) or (
            day.weekday() >= 5 and day not in arrangement.workdays
        ), day
    # the file is the canonical text: export writes it back byte for byte
    assert dump_year(arrangement) == path.read_text(encoding="utf-8")


def test_a_fresh_hall_has_the_shipped_years(db: Database) -> None:
    with db.read() as s:
        rows = store.installed_years(s)
        calendar = store.load(s)
    assert [(r.year, r.source, r.complete) for r in rows] == [
        (2025, "shipped", True),
        (2026, "shipped", True),
    ]
    assert calendar.knows(2025) and calendar.knows(2026) and not calendar.knows(2027)
    assert calendar.add_working_days(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert {a.year for a in shipped_arrangements()} == {2025, 2026}


def _audit_count(db: Database) -> int:
    with db.read() as s:
        query = select(func.count()).where(AuditRecord.action == AuditAction.CALENDAR_CHANGE)
        return int(s.scalar(query) or 0)


def _snapshot(db: Database) -> tuple[object, ...]:
    with db.read() as s:
        years = s.execute(select(CalendarYear.year, CalendarYear.checksum)).all()
        days = s.execute(select(CalendarDay.day, CalendarDay.kind).order_by(CalendarDay.day)).all()
    return tuple(years), tuple(days)


def test_import_show_export_round_trip_and_replace(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "2027.toml"
    source.write_text(YEAR_2027, encoding="utf-8")
    code, out, err = run(capsys, "--db", db_url, "calendar", "import", str(source), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"years": [2027], "replaced": [], "deadlines_filled": 0}
    code, exported, _ = run(capsys, "--db", db_url, "calendar", "export", "2027")
    assert code == 0 and exported == YEAR_2027  # the canonical text, byte for byte
    again = tmp_path / "again.toml"
    assert run(capsys, "--db", db_url, "calendar", "export", "2027", "-o", str(again))[0] == 0
    assert again.read_bytes() == YEAR_2027.encode("utf-8")
    code, out, _ = run(capsys, "--db", db_url, "calendar", "show", "2027", "--json")
    shown = json.loads(out)
    assert (shown["source"], shown["complete"], shown["installed_by"]) == (
        "imported",
        True,
        "cli:" + shown["installed_by"].removeprefix("cli:"),
    )
    assert "2027-06-09" in shown["holidays"] and "2027-10-09" in shown["workdays"]
    with db.read() as s:
        assert store.installed(s, 2027) is not None
    assert hall_calendar(db).add_working_days(D(2027, 6, 8), 1) == D(2027, 6, 10)

    # Importing the year again replaces it whole: no day of the old version is left.
    source.write_text(YEAR_2027_CORRECTED, encoding="utf-8")
    code, out, _ = run(capsys, "--db", db_url, "calendar", "import", str(source), "--json")
    assert json.loads(out)["replaced"] == [2027]
    code, exported, _ = run(capsys, "--db", db_url, "calendar", "export", "2027")
    assert exported == YEAR_2027_CORRECTED
    with db.read() as s:
        found = store.installed(s, 2027)
    assert found is not None
    assert D(2027, 6, 9) not in found.arrangement.holidays
    assert D(2027, 10, 9) not in found.arrangement.workdays
    assert _audit_count(db) == 2
    code, text, _ = run(capsys, "--db", db_url, "calendar", "show", "2026")
    assert code == 0 and "2026-10-01..2026-10-07" in text and "shipped" in text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (YEAR_2027.replace("complete = true", "complete = false"), "must be the State Council"),
        (YEAR_2027.replace('  "2027-10-01..2027-10-07",\n', ""), "2027-10-01 \\(National Day\\)"),
        (YEAR_2027.replace('  "2027-02-05..2027-02-13",\n', ""), "no Spring Festival"),
        (YEAR_2027.replace('"2027-04-25"', '"2027-04-26"'), "2027-04-26, a Monday"),
        (YEAR_2027.replace('"2027-04-05"', '"2027-04-31"'), "is not a date"),
        ("[years.2027\n", "cannot read the calendar file"),
        (YEAR_2027 + "\n[years.2028]\ncomplete = true\nholidays = []\n", "2028-01-01"),
    ],
)
def test_a_year_that_is_not_whole_is_refused_and_nothing_is_written(
    db: Database,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    message: str,
) -> None:
    before = _snapshot(db)
    source = tmp_path / "bad.toml"
    source.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "--db", db_url, "calendar", "import", str(source))
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1 and err.endswith("nothing was changed\n")
    assert __import__("re").search(message, err), err
    assert _snapshot(db) == before
    assert _audit_count(db) == 0


def test_show_or_export_of_a_year_not_installed_exits_1(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "2030.toml"
    for args in (("show", "2030"), ("export", "2030", "-o", str(target))):
        code, out, err = run(capsys, "--db", db_url, "calendar", *args)
        assert (code, out) == (1, "")
        assert err == "clerk-app: the hall calendar has no 2030 arrangement\n"
    assert not target.exists()
    assert run(capsys, "--db", db_url, "calendar", "show", "next")[0] == 2


def test_import_is_an_administration_refused_and_audited_when_not_permitted(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.write() as s:
        s.add(SecuritySetting(key=SEPARATION_KEY, value="on", changed_ms=0))
    before = _snapshot(db)
    source = tmp_path / "2027.toml"
    source.write_text(YEAR_2027, encoding="utf-8")
    code, _, err = run(capsys, "--db", db_url, "calendar", "import", str(source))
    assert code == 1
    assert err == (
        "clerk-app: not permitted: a host operator may not change the holiday calendar; "
        "nothing was changed\n"
    )
    assert _snapshot(db) == before
    with db.read() as s:
        denied = s.scalars(
            select(AuditRecord.target).where(AuditRecord.action == AuditAction.ACCESS_DENIED)
        ).all()
    assert denied == ["change the holiday calendar"]


def test_the_hall_calendar_follows_an_install_made_on_another_connection(db: Database) -> None:
    calendar = hall_calendar(db)  # as a counter PC's services hold it
    with pytest.raises(UnknownCalendarYear):
        calendar.add_working_days(D(2026, 12, 28), 5)
    (arrangement,) = read_arrangements(YEAR_2027)
    other = Database(db.url)  # another PC on the same hall database
    try:
        other.run_write(
            lambda s: store.install_year(
                s, arrangement, source=CalendarSource.IMPORTED, by="admin", now_ms=0
            )
        )
    finally:
        other.dispose()
    assert calendar.knows(2027)
    assert calendar.add_working_days(D(2026, 12, 28), 5) == D(2027, 1, 5)  # 29-31, 4, 5


def test_bad_files_raise_calendar_refused_before_anything() -> None:
    with pytest.raises(CalendarRefused, match="one or more"):
        read_arrangements("")
