"""Read one JSON object field by field, collecting every problem instead of stopping at the first.

A field that is missing or wrong records a :class:`Problem` and yields a placeholder, so the
parser can go on and report the rest of the file; the caller discards any object whose reading
added problems.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from typing import Any, TypeVar

from clerk_app.catalogue.types import Problem

E = TypeVar("E", bound=enum.Enum)


class Problems:
    """The shared list of problems of one file, with the item being read for context."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.item_code: str | None = None

    def add(self, path: str, message: str) -> None:
        self.items.append(Problem(path, message, self.item_code))

    def __len__(self) -> int:
        return len(self.items)

    def clean_since(self, mark: int, *prefixes: str) -> bool:
        """No problem recorded after ``mark`` under any of the paths ``prefixes``."""
        return not any(p.path.startswith(prefixes) for p in self.items[mark:])


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string"}.get(
        type(value), "a list" if isinstance(value, list) else "an object"
    )


class Fields:
    """The fields of one JSON object at ``path``; unknown keys are problems too."""

    def __init__(
        self, raw: object, path: str, problems: Problems, known: frozenset[str] | None = None
    ) -> None:
        self.path = path
        self.problems = problems
        self.ok = isinstance(raw, dict)
        self.raw: dict[str, Any] = raw if isinstance(raw, dict) else {}
        if raw is None:
            pass  # a missing object was reported as "is required" by its parent
        elif not self.ok:
            problems.add(path or "(top level)", f"must be an object, not {_kind(raw)}")
        elif known is not None:
            for key in sorted(set(self.raw) - known):
                problems.add(self._at(key), "unknown field")

    def _at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, *, required: bool) -> Any:
        if key not in self.raw or self.raw[key] is None:
            if required and self.ok:
                self.problems.add(self._at(key), "is required")
            return None
        return self.raw[key]

    def text(self, key: str, *, max_len: int, pattern: re.Pattern[str] | None = None) -> str:
        return self.optional_text(key, max_len=max_len, pattern=pattern, required=True) or ""

    def optional_text(
        self,
        key: str,
        *,
        max_len: int,
        pattern: re.Pattern[str] | None = None,
        required: bool = False,
    ) -> str | None:
        value = self._get(key, required=required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problems.add(self._at(key), f"must be a string, not {_kind(value)}")
            return None
        value = value.strip()
        if not value:
            self.problems.add(self._at(key), "must not be empty")
        elif len(value) > max_len:
            self.problems.add(self._at(key), f"is longer than {max_len} characters")
        elif pattern is not None and not pattern.fullmatch(value):
            self.problems.add(self._at(key), f"{value!r} does not match {pattern.pattern}")
        else:
            return value
        return None

    def integer(self, key: str, *, low: int, high: int) -> int:
        value = self.optional_integer(key, low=low, high=high, required=True)
        return low if value is None else value

    def optional_integer(
        self, key: str, *, low: int, high: int, required: bool = False
    ) -> int | None:
        value = self._get(key, required=required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problems.add(self._at(key), f"must be a whole number, not {_kind(value)}")
            return None
        if not low <= value <= high:
            self.problems.add(self._at(key), f"must be between {low} and {high}, not {value}")
            return None
        return value

    def flag(self, key: str) -> bool:
        """An optional boolean: missing or null is false."""
        value = self._get(key, required=False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problems.add(self._at(key), f"must be true or false, not {_kind(value)}")
            return False
        return value

    def choice(self, key: str, kind: type[E]) -> E:
        value = self._get(key, required=True)
        members = list(kind)
        if value is None:
            return members[0]
        for member in members:
            if member.value == value:
                return member
        allowed = ", ".join(str(m.value) for m in members)
        self.problems.add(self._at(key), f"must be one of {allowed}, not {value!r}")
        return members[0]

    def _list(self, key: str, *, required: bool) -> list[Any]:
        value = self._get(key, required=required)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problems.add(self._at(key), f"must be a list, not {_kind(value)}")
            return []
        return value

    def choices(self, key: str, kind: type[E], *, non_empty: bool) -> tuple[E, ...]:
        values = self._list(key, required=True)
        if non_empty and not values and key in self.raw:
            self.problems.add(self._at(key), "must not be empty")
        allowed = {m.value: m for m in kind}
        result: list[E] = []
        for index, value in enumerate(values):
            if value not in allowed:
                names = ", ".join(str(v) for v in allowed)
                self.problems.add(f"{self._at(key)}[{index}]", f"must be one of {names}")
            elif allowed[value] in result:
                self.problems.add(f"{self._at(key)}[{index}]", f"{value!r} is listed twice")
            else:
                result.append(allowed[value])
        return tuple(result)

    def texts(self, key: str, *, max_len: int, required: bool = True) -> tuple[str, ...]:
        result: list[str] = []
        for index, value in enumerate(self._list(key, required=required)):
            path = f"{self._at(key)}[{index}]"
            if not isinstance(value, str) or not value.strip():
                self.problems.add(path, "must be a non-empty string")
            elif len(value) > max_len:
                self.problems.add(path, f"is longer than {max_len} characters")
            elif value.strip() in result:
                self.problems.add(path, f"{value.strip()!r} is listed twice")
            else:
                result.append(value.strip())
        return tuple(result)

    def objects(self, key: str, *, non_empty: bool) -> Iterator[tuple[str, object]]:
        values = self._list(key, required=True)
        if non_empty and not values and key in self.raw:
            self.problems.add(self._at(key), "must not be empty")
        for index, value in enumerate(values):
            yield f"{self._at(key)}[{index}]", value

    def optional_object(self, key: str) -> tuple[str, object] | None:
        value = self._get(key, required=False)
        return None if value is None else (self._at(key), value)

    def object(self, key: str) -> tuple[str, object]:
        return self._at(key), self._get(key, required=True)
