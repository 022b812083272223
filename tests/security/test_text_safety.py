"""Hostile text: controls and bidirectional overrides refused, LIKE wildcards taken literally."""

from __future__ import annotations

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, insert, inspect, select

from clerk_app.db.like import LIKE_ESCAPE, Match, escape_like, like_pattern
from clerk_app.validation import Invalid, TextError, TextKind, normalise_text
from clerk_app.validation.text_safety import clean_free_text, first_unsafe
from onewindow_base.db.engine import Database


@pytest.mark.parametrize(
    ("typed", "position", "code"),
    [
        ("张\u202e三", 2, "U+202E"),  # right-to-left override
        ("abc\u2066def", 4, "U+2066"),  # left-to-right isolate
        ("王\u200f五", 2, "U+200F"),  # right-to-left mark
        ("李\x00四", 2, "U+0000"),  # NUL
        ("赵\x1b[31m六", 2, "U+001B"),  # a terminal escape
        ("\u3164", 1, "U+1160"),  # a Hangul filler (NFKC folds it to U+1160): looks blank
        ("钱\u034f七", 2, "U+034F"),  # combining grapheme joiner
        ("孙\U000e0041八", 2, "U+E0041"),  # a tag character
    ],
)
def test_invisible_and_direction_characters_are_refused_in_names(
    typed: str, position: int, code: str
) -> None:
    result = normalise_text(typed, TextKind.PERSON_NAME)
    assert isinstance(result, Invalid)
    assert (result.code, result.position, result.found) == (TextError.BAD_CHARACTER, position, code)


def test_zero_width_characters_are_dropped_not_kept() -> None:
    result = normalise_text("张\u200b三\ufeff", TextKind.PERSON_NAME)
    assert not isinstance(result, Invalid)
    assert result.value == "张三"
    assert not isinstance(normalise_text("𠮷\U000e0100", TextKind.PERSON_NAME), Invalid)


def test_free_text_is_checked_the_same_way() -> None:
    assert clean_free_text("  applicant  will\r\nreturn ", max_length=50) == "applicant will return"
    assert clean_free_text("line one\r\nline two", max_length=50, multiline=True) == (
        "line one\nline two"
    )
    refused = clean_free_text("ok\u202egnp.exe", max_length=50)
    assert isinstance(refused, Invalid)
    assert (refused.code, refused.position) == (TextError.BAD_CHARACTER, 3)
    assert isinstance(clean_free_text("\ue000", max_length=5), Invalid)
    too_long = clean_free_text("x" * 6, max_length=5)
    assert isinstance(too_long, Invalid)
    assert too_long.code is TextError.TOO_LONG
    assert first_unsafe("fine 文字 🙂") is None


def test_like_patterns_escape_wildcards() -> None:
    assert escape_like("100%_\\") == "100\\%\\_\\\\"
    assert like_pattern("a_b") == "%a\\_b%"
    assert like_pattern("a%", Match.PREFIX) == "a\\%%"
    assert like_pattern("x", Match.EXACT) == "x"


HOSTILE = [
    "100% 张三",
    "王_五",
    "O'Brien",
    'say "hi"',
    "back\\slash",
    "'; DROP TABLE people; --",
    "Robert'); DELETE FROM people WHERE ('1'='1",
    "%",
    "_",
    "张三",
    "张X三",
    "100X 张三",
]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("%", ["100% 张三", "%"]),
        ("_", ["王_五", "_"]),
        ("0% 张", ["100% 张三"]),
        (
            "'",
            ["O'Brien", "'; DROP TABLE people; --", "Robert'); DELETE FROM people WHERE ('1'='1"],
        ),
        ("\\", ["back\\slash"]),
        ("DROP TABLE", ["'; DROP TABLE people; --"]),
        ('"hi"', ['say "hi"']),
        ("张_三", []),  # the _ is not "any one character": 张X三 does not match
    ],
)
def test_hostile_names_are_stored_and_found_literally(
    db: Database, typed: str, expected: list[str]
) -> None:
    people = Table(
        "people",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("name", String(100)),
    )
    people.metadata.create_all(db.engine)
    with db.write() as session:
        session.execute(insert(people), [{"name": n} for n in HOSTILE])
    query = (
        select(people.c.name)
        .where(people.c.name.like(like_pattern(typed), escape=LIKE_ESCAPE))
        .order_by(people.c.id)
    )
    with db.read() as session:
        found = list(session.scalars(query))
        stored = list(session.scalars(select(people.c.name).order_by(people.c.id)))
    assert found == expected
    assert stored == HOSTILE  # every name round-trips byte for byte
    assert inspect(db.engine).has_table("people")
