"""A supervisor letting a real code through a check it fails, recorded for the audit trail.

Some genuine credit codes (and, rarely, ID numbers issued before the check was enforced) fail
their check character. The clerk cannot wave them through; a supervisor can, giving a reason.
This module only builds the record; the intake service checks the supervisor's role and
persists the record with the case.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

from clerk_app.validation.problems import E, Invalid

MAX_REASON_LENGTH = 500


class OverrideField(enum.StrEnum):
    RESIDENT_ID = "resident_id"
    CREDIT_CODE = "credit_code"
    # Not a failed check character: the applicant's credit status could not be checked, and a
    # supervisor lets 容缺 or 告知承诺 go ahead anyway (``clerk_app.credit``).
    CREDIT_STATUS = "credit_status"


class OverrideRefusal(enum.StrEnum):
    NOT_OVERRIDABLE = "override_not_overridable"  # e.g. a wrong length is no real code
    REASON_REQUIRED = "override_reason_required"
    REASON_TOO_LONG = "override_reason_too_long"
    NOTHING_TO_OVERRIDE = "override_nothing_to_override"  # the value passes every check


_REFUSAL_TEXT = {
    OverrideRefusal.NOT_OVERRIDABLE: "a supervisor cannot override this problem: {problem}",
    OverrideRefusal.REASON_REQUIRED: "an override needs a reason",
    OverrideRefusal.REASON_TOO_LONG: f"the reason is longer than {MAX_REASON_LENGTH} characters",
    OverrideRefusal.NOTHING_TO_OVERRIDE: "the value is valid; there is nothing to override",
}


class OverrideRefused(ValueError):  # noqa: N818 - an expected outcome with a reason code
    def __init__(self, code: OverrideRefusal, problem: Invalid[Any] | None = None) -> None:
        self.code = code
        self.problem = problem
        detail = problem.describe() if problem is not None else ""
        super().__init__(_REFUSAL_TEXT[code].format(problem=detail))


@dataclasses.dataclass(frozen=True, slots=True)
class SupervisorOverride:
    """Who let which value through which failed check, when and why."""

    field: OverrideField
    value: str = dataclasses.field(repr=False)  # the normalised value let through (personal data)
    failed_check: str  # the problem code, e.g. "credit_bad_check_character"
    expected: str | None  # what the check wanted, e.g. the computed check character
    supervisor_id: int
    supervisor_name: str
    reason: str
    at_ms: int


def check_overridable(problem: Invalid[E] | None, reason: str) -> str:
    """The cleaned reason, or ``OverrideRefused`` saying why no override can be recorded."""
    if problem is None:
        raise OverrideRefused(OverrideRefusal.NOTHING_TO_OVERRIDE)
    if not problem.code.overridable:
        raise OverrideRefused(OverrideRefusal.NOT_OVERRIDABLE, problem)
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise OverrideRefused(OverrideRefusal.REASON_REQUIRED, problem)
    if len(cleaned) > MAX_REASON_LENGTH:
        raise OverrideRefused(OverrideRefusal.REASON_TOO_LONG, problem)
    return cleaned
