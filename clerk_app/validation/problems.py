"""What every validator returns when the input is wrong: a code, where, and what was expected.

The core never produces user-facing text except the English ``describe()`` the CLI prints; the
UI translates the code and fills in ``position`` / ``found`` / ``expected`` itself. An ``Invalid``
never holds the whole input, so it can be logged or shown without leaking an ID or a phone.
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass
from typing import Generic, TypeVar

from clerk_app.validation.invisible import drop_invisible


class ProblemCode(enum.StrEnum):
    """Base of the per-field error enums; each member knows its English template."""

    @property
    def template(self) -> str:
        """English text with ``{position}``, ``{found}`` and ``{expected}`` placeholders."""
        raise NotImplementedError(f"{type(self).__name__} has no English template")

    @property
    def overridable(self) -> bool:
        """Whether a supervisor may let a value with this problem through (audited)."""
        return False


E = TypeVar("E", bound=ProblemCode)


@dataclass(frozen=True, slots=True)
class Invalid(Generic[E]):
    """A rejected input.

    ``position`` is 1-based and counts code points of the *normalised* input (what the clerk
    sees after full-width digits and spaces are folded); ``found`` and ``expected`` are short
    fragments such as one character or a length, never the whole value.
    """

    code: E
    position: int | None = None
    found: str | None = None
    expected: str | None = None

    def describe(self) -> str:
        """English, for the CLI and logs; the UI translates ``code`` instead."""
        return self.code.template.format(
            position=self.position, found=self.found, expected=self.expected
        )


def compact(value: str) -> str:
    """A typed or pasted number as the checks read it: NFKC, without the invisible characters
    copy and paste leaves (:mod:`~clerk_app.validation.invisible`) and without any whitespace.

    NFKC folds full-width digits and letters (``１１０１０５…``, ``ｘ``) and the ideographic
    space; spaces inside are dropped because clerks group long numbers as they read them out.
    """
    return "".join(drop_invisible(unicodedata.normalize("NFKC", value)).split())


def normalise_code(value: str) -> str:
    """The form of a typed or scanned code (ID, credit code, passport): compact, upper case."""
    return compact(value).upper()
