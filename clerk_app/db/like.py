"""Searching with what a clerk typed: ``%`` and ``_`` in a name are characters, not wildcards.

Use ``column.like(like_pattern(text), escape=LIKE_ESCAPE)`` (or ``ilike``); the escape
character must be named in the query on both databases (SQLite has no default one). Values
always travel as bound parameters; this only makes the pattern match literally.
"""

from __future__ import annotations

import enum

LIKE_ESCAPE = "\\"


class Match(enum.StrEnum):
    CONTAINS = "contains"
    PREFIX = "prefix"
    EXACT = "exact"


def escape_like(text: str) -> str:
    """``text`` with the escape character, ``%`` and ``_`` escaped."""
    return (
        text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )


def like_pattern(user_text: str, match: Match = Match.CONTAINS) -> str:
    escaped = escape_like(user_text)
    if match is Match.CONTAINS:
        return f"%{escaped}%"
    if match is Match.PREFIX:
        return f"{escaped}%"
    return escaped
