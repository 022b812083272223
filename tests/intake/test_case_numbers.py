"""Case numbers: format and parse, and allocation that never gives a number twice."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.orm import Session

from clerk_app.intake.case_numbers import (
    CaseNumber,
    CaseNumberFormatError,
    CaseNumbers,
    UnknownHall,
    terminal_for_window,
)
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from tests.intake import case_worker

SHANGHAI = ZoneInfo("Asia/Shanghai")


class SaveFailedError(Exception):
    pass


DAY = dt.date(2026, 11, 28)


def test_format_matches_sync_md() -> None:
    number = CaseNumber("CC01", "W03", DAY, 42)
    assert str(number) == "CC01-W03-20261128-0042"
    assert CaseNumber.parse("CC01-W03-20261128-0042") == number
    assert CaseNumber.parse(" cc01-w03-20261128-0042 ") == number
    assert str(CaseNumber("CC01", "W03", DAY, 12345)) == "CC01-W03-20261128-12345"
    assert CaseNumber.parse("CC01-W03-20261128-12345").sequence == 12345
    assert terminal_for_window(3) == "W03"
    assert terminal_for_window(120) == "W120"


@pytest.mark.parametrize(
    ("text_", "message"),
    [
        ("CC01-W03-20261128", "is not a case number"),
        ("CC01-W03-20261128-042", "is not a case number"),
        ("CC01_W03-20261128-0042", "is not a case number"),
        ("CC01-W03-2026-11-28-0042", "is not a case number"),
        ("CC01-W03-20261131-0042", "is not a date"),
        ("CC01-W03-20261128-00042", "extra leading zeros"),
        ("CC01-W03-20261128-0000", "sequence 0"),
    ],
)
def test_parse_refuses_what_is_not_a_case_number(text_: str, message: str) -> None:
    with pytest.raises(CaseNumberFormatError, match=message):
        CaseNumber.parse(text_)


@pytest.mark.parametrize(
    ("hall", "terminal", "message"),
    [("CC-1", "W03", "hall code"), ("CC01", "w03", "terminal code"), ("", "W03", "hall code")],
)
def test_codes_that_would_make_the_number_ambiguous_are_refused(
    hall: str, terminal: str, message: str
) -> None:
    with pytest.raises(CaseNumberFormatError, match=message):
        CaseNumber(hall, terminal, DAY, 1)


codes = st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), min_size=1, max_size=16)


@given(
    codes, codes, st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)), st.integers(1, 10**9 - 1)
)
def test_format_and_parse_round_trip(hall: str, terminal: str, day: dt.date, seq: int) -> None:
    number = CaseNumber(hall, terminal, day, seq)
    assert CaseNumber.parse(str(number)) == number


def test_sequences_per_terminal_and_day_in_the_halls_time_zone(db: Database) -> None:
    # 16:30 UTC on the 27th is half past midnight on the 28th in Shanghai.
    clock = FixedClock(dt.datetime(2026, 11, 27, 16, 30, tzinfo=dt.UTC))
    numbers = CaseNumbers(db, clock)
    issued = [str(numbers.allocate_alone(hall_code="CC01", terminal="W03")) for _ in range(3)]
    assert issued == [
        "CC01-W03-20261128-0001",
        "CC01-W03-20261128-0002",
        "CC01-W03-20261128-0003",
    ]
    assert str(numbers.allocate_alone(hall_code="CC01", terminal="W04")) == (
        "CC01-W04-20261128-0001"
    )
    clock.advance(minutes=24 * 60)
    assert str(numbers.allocate_alone(hall_code="CC01", terminal="W03")) == (
        "CC01-W03-20261129-0001"
    )
    assert numbers.last_issued(hall_code="CC01", terminal="W03", day=DAY) == 3
    assert numbers.last_issued(hall_code="CC01", terminal="W09", day=DAY) == 0


def test_a_rolled_back_case_gives_its_number_back(db: Database) -> None:
    numbers = CaseNumbers(db, FixedClock(dt.datetime(2026, 11, 28, 10, tzinfo=SHANGHAI)))
    assert numbers.allocate_alone(hall_code="CC01", terminal="W03").sequence == 1

    seen: list[int] = []

    def save_case_that_fails(session: Session) -> None:
        seen.append(numbers.allocate(session, hall_code="CC01", terminal="W03").sequence)
        raise SaveFailedError  # e.g. the case row violated a constraint

    with pytest.raises(SaveFailedError):
        db.run_write(save_case_that_fails)
    assert seen == [2]
    assert numbers.last_issued(hall_code="CC01", terminal="W03", day=DAY) == 1
    assert numbers.allocate_alone(hall_code="CC01", terminal="W03").sequence == 2
    assert numbers.allocate_alone(hall_code="CC01", terminal="W03").sequence == 3


def test_a_clock_set_back_never_repeats_a_number(db: Database) -> None:
    clock = FixedClock(dt.datetime(2026, 11, 28, 10, tzinfo=SHANGHAI))
    numbers = CaseNumbers(db, clock)
    issued = [numbers.allocate_alone(hall_code="CC01", terminal="W03") for _ in range(2)]
    clock.set(dt.datetime(2026, 11, 28, 9, tzinfo=SHANGHAI))  # an hour back
    issued.append(numbers.allocate_alone(hall_code="CC01", terminal="W03"))
    clock.set(dt.datetime(2000, 1, 1, 9, tzinfo=SHANGHAI))  # a dead CMOS battery
    issued.append(numbers.allocate_alone(hall_code="CC01", terminal="W03"))
    clock.set(dt.datetime(2026, 11, 28, 11, tzinfo=SHANGHAI))
    issued.append(numbers.allocate_alone(hall_code="CC01", terminal="W03"))
    assert [str(n) for n in issued] == [
        "CC01-W03-20261128-0001",
        "CC01-W03-20261128-0002",
        "CC01-W03-20261128-0003",
        "CC01-W03-20000101-0001",
        "CC01-W03-20261128-0004",
    ]


def test_unknown_hall_and_bad_terminal_change_nothing(db: Database) -> None:
    numbers = CaseNumbers(db, FixedClock(dt.datetime(2026, 11, 28, 10, tzinfo=SHANGHAI)))
    with pytest.raises(UnknownHall, match="XX99"):
        numbers.allocate_alone(hall_code="XX99", terminal="W03")
    with pytest.raises(CaseNumberFormatError, match="terminal code"):
        numbers.allocate_alone(hall_code="CC01", terminal="W-3")
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM case_number_counter")).scalar() == 0


THREADS, PER_THREAD = 4, 25


def test_concurrent_threads_never_get_the_same_number(db: Database) -> None:
    numbers = CaseNumbers(db)
    barrier = threading.Barrier(THREADS)

    def work(terminal: str) -> list[str]:
        barrier.wait()
        return [
            str(numbers.allocate_alone(hall_code="CC01", terminal=terminal))
            for _ in range(PER_THREAD)
        ]

    # Two threads share each terminal, so every terminal's counter is contended.
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(work, ["W01", "W01", "W02", "W02"]))
    issued = Counter(n for batch in results for n in batch)
    assert max(issued.values()) == 1
    for terminal in ("W01", "W02"):
        sequences = sorted(CaseNumber.parse(n).sequence for n in issued if f"-{terminal}-" in n)
        assert sequences == list(range(1, 2 * PER_THREAD + 1))  # no gaps either


@pytest.mark.slow
def test_concurrent_processes_never_get_the_same_number(db_url: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    workers, count = 3, 20
    with ctx.Manager() as manager, ctx.Pool(workers) as pool:
        barrier = manager.Barrier(workers)
        results = pool.starmap(
            case_worker.allocate_many, [(db_url, "W05", count, barrier)] * workers
        )
    issued = [n for batch in results for n in batch]
    assert len(set(issued)) == len(issued) == workers * count
    assert sorted(CaseNumber.parse(n).sequence for n in issued) == list(
        range(1, workers * count + 1)
    )


def test_an_open_case_on_one_terminal_does_not_hold_up_another(pg_url: str) -> None:
    db = Database(pg_url)
    other = Database(pg_url)
    numbers = CaseNumbers(db, FixedClock(dt.datetime(2026, 11, 28, 10, tzinfo=SHANGHAI)))
    try:
        with db.write() as session:
            assert numbers.allocate(session, hall_code="CC01", terminal="W01").sequence == 1
            with other.write() as second:
                # Would raise instead of waiting if the first transaction's lock were in the way.
                second.execute(text("SET LOCAL lock_timeout = '2s'"))
                assert numbers.allocate(second, hall_code="CC01", terminal="W02").sequence == 1
    finally:
        other.dispose()
        db.dispose()
