"""Field types of the catalogue file, each refusing a wrong value with the message a clerk or
a publisher reads (``items[3].visits: must be between 0 and 2, not 5``).

Every type is an ``Annotated`` type with a before-validator that reads the JSON value as the
file means it: text is trimmed and never empty, ``null`` is the same as a missing field, a
whole number is never a boolean, a list of tokens names each one once. :func:`refuse` raises
problems at paths below the value being validated; :mod:`onewindow_protocol.catalogue.codec`
turns them into :class:`Problem` lines.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TypeVar

from pydantic import BeforeValidator, ValidationError
from pydantic_core import PydanticCustomError

E = TypeVar("E", bound=enum.Enum)
Loc = tuple[str | int, ...]

# Lengths shared with the counter's database columns (clerk_app/db/catalogue_models.py).
NAME_ZH_MAX, NAME_EN_MAX = 200, 300
MATERIAL_ZH_MAX, MATERIAL_EN_MAX = 300, 400
TEXT_MAX, REF_MAX, LABEL_MAX, SOURCE_MAX = 4000, 500, 64, 500
LIMIT_DAYS_MAX = 3650

PROBLEM = "catalogue_problem"  # the pydantic error type of every problem raised here


def kind_of(value: object) -> str:
    """How a problem names the JSON type of a wrong value."""
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string"}.get(
        type(value), "a list" if isinstance(value, list | tuple) else "an object"
    )


def problem_error(loc: Loc, message: str, value: object = None) -> Any:
    """One line of a :class:`ValidationError` carrying a problem's message as it is."""
    return {
        "type": PydanticCustomError(PROBLEM, "{message}", {"message": message}),
        "loc": loc,
        "input": value,
    }


def refuse(problems: Sequence[tuple[Loc, str]], title: str = "catalogue") -> NoReturn:
    """Fail the value being validated with every problem, each at a path below it."""
    raise ValidationError.from_exception_data(
        title, [problem_error(loc, message) for loc, message in problems]
    )


def _fail(message: str) -> NoReturn:
    refuse([((), message)])


def _present(value: object, *, required: bool) -> bool:
    if value is None and required:
        _fail("is required")
    return value is not None


def _text_value(value: object, max_len: int, pattern: re.Pattern[str] | None) -> str:
    if not isinstance(value, str):
        _fail(f"must be a string, not {kind_of(value)}")
    value = value.strip()
    if not value:
        _fail("must not be empty")
    if len(value) > max_len:
        _fail(f"is longer than {max_len} characters")
    if pattern is not None and not pattern.fullmatch(value):
        _fail(f"{value!r} does not match {pattern.pattern}")
    return value


def text(max_len: int, pattern: re.Pattern[str] | None = None, *, required: bool = True) -> Any:
    """Trimmed, not empty, at most ``max_len`` characters, matching ``pattern`` when given."""

    def check(value: object) -> str | None:
        if not _present(value, required=required):
            return None
        return _text_value(value, max_len, pattern)

    return BeforeValidator(check)


def whole(low: int, high: int, *, required: bool = True) -> Any:
    """A whole number from ``low`` to ``high`` (a boolean is not a number here)."""

    def check(value: object) -> int | None:
        if not _present(value, required=required):
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            _fail(f"must be a whole number, not {kind_of(value)}")
        if not low <= value <= high:
            _fail(f"must be between {low} and {high}, not {value}")
        return value

    return BeforeValidator(check)


def flag() -> Any:
    """An optional boolean: missing or ``null`` is false."""

    def check(value: object) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            _fail(f"must be true or false, not {kind_of(value)}")
        return value

    return BeforeValidator(check)


def choice(kind: type[E]) -> Any:
    """One token of ``kind``."""

    def check(value: object) -> E:
        _present(value, required=True)
        for member in kind:
            if member.value == value:
                return member
        allowed = ", ".join(str(m.value) for m in kind)
        _fail(f"must be one of {allowed}, not {value!r}")

    return BeforeValidator(check)


def _list(value: object, *, required: bool, non_empty: bool) -> list[Any]:
    if not _present(value, required=required):
        return []
    if not isinstance(value, list | tuple):
        _fail(f"must be a list, not {kind_of(value)}")
    if non_empty and not value:
        _fail("must not be empty")
    return list(value)


def _unique(
    values: list[Any], read: Callable[[object], tuple[object, str | None]]
) -> tuple[Any, ...]:
    """Read each element; an element read twice is a problem at its index, as is a wrong one."""
    found: list[object] = []
    problems: list[tuple[Loc, str]] = []
    for index, raw in enumerate(values):
        value, problem = read(raw)
        if problem is not None:
            problems.append(((index,), problem))
        elif value in found:
            token = value.value if isinstance(value, enum.Enum) else value
            problems.append(((index,), f"{token!r} is listed twice"))
        else:
            found.append(value)
    if problems:
        refuse(problems)
    return tuple(found)


def choices(kind: type[E], *, non_empty: bool) -> Any:
    """A list of tokens of ``kind``, each listed once."""
    by_value = {m.value: m for m in kind}
    allowed = ", ".join(str(v) for v in by_value)

    def read(raw: object) -> tuple[object, str | None]:
        if raw not in by_value:
            return None, f"must be one of {allowed}"
        return by_value[raw], None

    def check(value: object) -> tuple[E, ...]:
        return _unique(_list(value, required=True, non_empty=non_empty), read)

    return BeforeValidator(check)


def texts(max_len: int, *, required: bool = False) -> Any:
    """A list of trimmed texts, each listed once; missing (when not required) is empty."""

    def read(raw: object) -> tuple[object, str | None]:
        if not isinstance(raw, str) or not raw.strip():
            return None, "must be a non-empty string"
        if len(raw) > max_len:
            return None, f"is longer than {max_len} characters"
        return raw.strip(), None

    def check(value: object) -> tuple[str, ...]:
        return _unique(_list(value, required=required, non_empty=False), read)

    return BeforeValidator(check)


def objects(*, non_empty: bool) -> Any:
    """A list of objects (each validated by its model); ``null`` is a missing list."""

    def check(value: object) -> list[Any]:
        return _list(value, required=True, non_empty=non_empty)

    return BeforeValidator(check)
