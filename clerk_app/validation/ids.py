"""Resident ID numbers (GB 11643-1999): 18 characters, birth date and sex derived.

The same check covers the mainland resident ID, the Hong Kong/Macao/Taiwan residence permit
(810000/820000/830000) and the 2023 foreigner permanent-residence card (first digit 9). Only
the province part of the region is checked: abolished county codes stay valid on old cards.
A permanent-residence number has no region of its own: its 2nd-3rd digits are the province
code of the mainland province that issued it (``911…`` Beijing), checked the same way.
Birth dates are checked against ``today`` passed in by the caller (the hall's date), never the
machine's clock.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from clerk_app.validation.overrides import OverrideField, SupervisorOverride, check_overridable
from clerk_app.validation.problems import Invalid, ProblemCode, normalise_code
from onewindow_protocol.identifiers import id_check_character
from onewindow_protocol.masking import mask_id

LENGTH = 18
# Province codes: 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81-83.
PROVINCES = frozenset(
    (
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        *range(81, 84),
    )
)
# Provinces that issue the 2023 permanent-residence card: the mainland's (11-65). Hong Kong,
# Macao and Taiwan (71, 81-83) issue no Chinese permanent-residence cards.
ISSUING_PROVINCES = frozenset(p for p in PROVINCES if p < 70)
# No holder of an 18-digit number was born before 1880. The 18-digit number began with GB
# 11643-1999 (in force 1999-10-01); the oldest person then living, Sarah Knauss (1880-09-24 to
# 1999-12-30), was born in 1880, and nobody born earlier has lived to 119. So 1880 is the
# earliest year a real number can carry, which keeps docs/domain-rules.md's test vector
# 440524188001010014 (born 1880-01-01) valid, while 18xx typos for 19xx before it are caught
# (the old bound, 1800, let 1849 for 1949 through).
EARLIEST_BIRTH = dt.date(1880, 1, 1)


class IdError(ProblemCode):
    EMPTY = "id_empty"
    LEGACY_15_DIGIT = "id_legacy_15_digit"
    BAD_LENGTH = "id_bad_length"
    BAD_CHARACTER = "id_bad_character"
    BAD_REGION = "id_bad_region"
    BAD_ISSUING_PROVINCE = "id_bad_issuing_province"
    IMPOSSIBLE_DATE = "id_impossible_date"
    BIRTH_TOO_EARLY = "id_birth_too_early"
    FUTURE_BIRTH_DATE = "id_future_birth_date"
    BAD_CHECK_DIGIT = "id_bad_check_digit"

    @property
    def template(self) -> str:
        return _ID_TEXT[self]

    @property
    def overridable(self) -> bool:
        return self is IdError.BAD_CHECK_DIGIT


_ID_TEXT = {
    IdError.EMPTY: "no ID number given",
    IdError.LEGACY_15_DIGIT: (
        "this is a first-generation 15-digit ID number (no longer valid since 2013); "
        "ask for the 18-character number"
    ),
    IdError.BAD_LENGTH: "an ID number has {expected} characters, this one has {found}",
    IdError.BAD_CHARACTER: (
        "character {position} is {found!r}: only digits are allowed, and X as the last character"
    ),
    IdError.BAD_REGION: "the number starts with {found}, which is not a province code",
    IdError.BAD_ISSUING_PROVINCE: (
        "a permanent-residence number (first digit 9) carries the issuing province in "
        "characters 2-3; {found} is not a mainland province code"
    ),
    IdError.IMPOSSIBLE_DATE: "the birth date {found} (characters 7-14) is not a real date",
    IdError.BIRTH_TOO_EARLY: (
        "the birth date {found} (characters 7-14) is before {expected}: no holder of an "
        "18-digit ID number was born then; check the year"
    ),
    IdError.FUTURE_BIRTH_DATE: "the birth date {found} (characters 7-14) is in the future",
    IdError.BAD_CHECK_DIGIT: (
        "the check character (18th) is {found} but the other digits give {expected}: "
        "a digit is probably mistyped"
    ),
}


class Sex(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


class IdKind(enum.StrEnum):
    RESIDENT = "resident"
    HMT_RESIDENCE_PERMIT = "hmt_residence_permit"  # Hong Kong, Macao, Taiwan residents
    FOREIGN_PERMANENT_RESIDENT = "foreign_permanent_resident"  # 2023 card, first digit 9


@dataclass(frozen=True, slots=True)
class ResidentId:
    """A valid (or supervisor-overridden) ID number and what it says about its holder."""

    value: str = field(repr=False)
    kind: IdKind
    region_code: str
    birth_date: dt.date
    sex: Sex
    override: SupervisorOverride | None = None

    @property
    def masked(self) -> str:
        """``220102********1234``: as papers print it (``onewindow_protocol.masking``); what
        is stored is what papers print."""
        return mask_id(self.value)


def normalise_id(value: str) -> str:
    return normalise_code(value)


def _structure_problem(number: str, today: dt.date) -> Invalid[IdError] | None:
    """Everything but the check character, in the order a clerk would fix it."""
    return _shape_problem(number) or _content_problem(number, today)


def _shape_problem(number: str) -> Invalid[IdError] | None:
    if not number:
        return Invalid(IdError.EMPTY)
    if len(number) == 15 and number.isascii() and number.isdigit():
        return Invalid(IdError.LEGACY_15_DIGIT, found="15", expected=str(LENGTH))
    if len(number) != LENGTH:
        return Invalid(IdError.BAD_LENGTH, found=str(len(number)), expected=str(LENGTH))
    for position, char in enumerate(number, start=1):
        allowed = "0123456789X" if position == LENGTH else "0123456789"
        if char not in allowed:
            return Invalid(IdError.BAD_CHARACTER, position=position, found=char)
    return None


def _content_problem(number: str, today: dt.date) -> Invalid[IdError] | None:
    if number[0] == "9":
        if int(number[1:3]) not in ISSUING_PROVINCES:
            return Invalid(IdError.BAD_ISSUING_PROVINCE, position=2, found=number[1:3])
    elif int(number[:2]) not in PROVINCES:
        return Invalid(IdError.BAD_REGION, position=1, found=number[:2])
    text = number[6:14]
    birth = _birth_date(text)
    if birth is None:
        return Invalid(IdError.IMPOSSIBLE_DATE, position=7, found=text)
    if birth < EARLIEST_BIRTH:
        expected = str(EARLIEST_BIRTH.year)
        return Invalid(IdError.BIRTH_TOO_EARLY, position=7, found=text, expected=expected)
    if birth > today:
        return Invalid(IdError.FUTURE_BIRTH_DATE, position=7, found=text)
    return None


def _birth_date(text: str) -> dt.date | None:
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def _check_problem(number: str) -> Invalid[IdError] | None:
    expected = id_check_character(number[:17])
    if number[17] != expected:
        return Invalid(
            IdError.BAD_CHECK_DIGIT, position=LENGTH, found=number[17], expected=expected
        )
    return None


def _kind(number: str) -> IdKind:
    if number[0] == "9":
        return IdKind.FOREIGN_PERMANENT_RESIDENT
    if number[:2] in ("81", "82", "83"):
        return IdKind.HMT_RESIDENCE_PERMIT
    return IdKind.RESIDENT


def _facts(number: str, override: SupervisorOverride | None) -> ResidentId:
    birth = _birth_date(number[6:14])
    assert birth is not None  # checked by _structure_problem
    return ResidentId(
        value=number,
        kind=_kind(number),
        region_code=number[:6],
        birth_date=birth,
        sex=Sex.MALE if int(number[16]) % 2 else Sex.FEMALE,
        override=override,
    )


def validate_resident_id(value: str, *, today: dt.date) -> ResidentId | Invalid[IdError]:
    """Normalise (NFKC, no spaces, upper-case X) and check; the first problem found wins."""
    number = normalise_id(value)
    problem = _structure_problem(number, today) or _check_problem(number)
    return problem if problem is not None else _facts(number, None)


def override_resident_id(
    value: str,
    *,
    today: dt.date,
    supervisor_id: int,
    supervisor_name: str,
    reason: str,
    at_ms: int,
) -> ResidentId:
    """Accept a number whose only fault is its check digit, recording the supervisor's override.

    Raises ``OverrideRefused`` when the number is valid anyway, or has a fault no real card
    has (wrong length, letters, impossible or future birth date), or no reason is given.
    """
    number = normalise_id(value)
    problem = _structure_problem(number, today) or _check_problem(number)
    cleaned = check_overridable(problem, reason)
    assert problem is not None
    record = SupervisorOverride(
        field=OverrideField.RESIDENT_ID,
        value=number,
        failed_check=problem.code.value,
        expected=problem.expected,
        supervisor_id=supervisor_id,
        supervisor_name=supervisor_name,
        reason=cleaned,
        at_ms=at_ms,
    )
    return _facts(number, record)
