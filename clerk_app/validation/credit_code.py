"""Unified social credit codes (GB 32100-2015): 18 characters with a check character.

Layout: registering authority (1), category (1), region (6 digits), organisation code (9, GB
11714, itself ending in a check character), check (1). The alphabet has 31 characters: no I, O,
S, V or Z. Only the GB 32100 check decides validity; the embedded organisation code's own check
is reported as a fact (``org_code_check_ok``) because the domain rules name only the first, and
some genuine codes are known to fail checks: a supervisor may override the GB 32100 one.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from clerk_app.validation.overrides import OverrideField, SupervisorOverride, check_overridable
from clerk_app.validation.problems import Invalid, ProblemCode, normalise_code
from onewindow_protocol.identifiers import CREDIT_ALPHABET, credit_check_character

LENGTH = 18
ALPHABET = CREDIT_ALPHABET
# Letters left out of the alphabet, with the character a clerk most likely meant.
EXCLUDED = {"I": "1", "O": "0", "Z": "2", "S": "5", "V": None}
# GB 11714 organisation code: 8 characters (digits, A-Z as 10-35) and a check character.
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


class CreditCodeError(ProblemCode):
    EMPTY = "credit_empty"
    BAD_LENGTH = "credit_bad_length"
    EXCLUDED_LETTER = "credit_excluded_letter"
    BAD_CHARACTER = "credit_bad_character"
    BAD_REGION = "credit_bad_region"
    BAD_CHECK_CHARACTER = "credit_bad_check_character"

    @property
    def template(self) -> str:
        return _CREDIT_TEXT[self]

    @property
    def overridable(self) -> bool:
        return self is CreditCodeError.BAD_CHECK_CHARACTER


_CREDIT_TEXT = {
    CreditCodeError.EMPTY: "no credit code given",
    CreditCodeError.BAD_LENGTH: "a credit code has {expected} characters, this one has {found}",
    CreditCodeError.EXCLUDED_LETTER: (
        "character {position} is the letter {found}, which credit codes never use "
        "(no I, O, S, V or Z); perhaps {expected}"
    ),
    CreditCodeError.BAD_CHARACTER: (
        "character {position} is {found!r}: only digits and the letters "
        "ABCDEFGHJKLMNPQRTUWXY are allowed"
    ),
    CreditCodeError.BAD_REGION: (
        "character {position} is {found!r}: characters 3-8 are the region code, all digits"
    ),
    CreditCodeError.BAD_CHECK_CHARACTER: (
        "the check character (18th) is {found} but the other characters give {expected}: "
        "a character is probably mistyped"
    ),
}


class RegisteringAuthority(enum.StrEnum):
    """GB 32100 first character; an unknown one is reported as ``None``, not rejected."""

    ESTABLISHMENT = "1"  # 机构编制
    FOREIGN_AFFAIRS = "2"  # 外交
    JUSTICE = "3"  # 司法行政
    CULTURE = "4"  # 文化
    CIVIL_AFFAIRS = "5"  # 民政
    TOURISM = "6"  # 旅游
    RELIGION = "7"  # 宗教
    TRADE_UNION = "8"  # 工会
    MARKET_REGULATION = "9"  # 工商 / 市场监管
    MILITARY = "A"  # 中央军委改革和编制办公室
    AGRICULTURE = "N"  # 农业
    OTHER = "Y"  # 其他


@dataclass(frozen=True, slots=True)
class CreditCode:
    value: str = field(repr=False)
    registering_authority: RegisteringAuthority | None
    category: str
    region_code: str
    org_code: str
    org_code_check_ok: bool
    override: SupervisorOverride | None = None


def org_code_check_character(body: str) -> str:
    """The 9th character of a GB 11714 organisation code for its first 8."""
    if len(body) != 8 or not body.isascii() or not body.isalnum() or body != body.upper():
        raise ValueError("the check character is computed from 8 digits or capital letters")
    total = sum(int(c, 36) * w for c, w in zip(body, ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def normalise_credit_code(value: str) -> str:
    return normalise_code(value)


def _structure_problem(code: str) -> Invalid[CreditCodeError] | None:
    if not code:
        return Invalid(CreditCodeError.EMPTY)
    if len(code) != LENGTH:
        return Invalid(CreditCodeError.BAD_LENGTH, found=str(len(code)), expected=str(LENGTH))
    for position, char in enumerate(code, start=1):
        if char in EXCLUDED:
            suggestion = EXCLUDED[char]
            return Invalid(
                CreditCodeError.EXCLUDED_LETTER,
                position=position,
                found=char,
                expected=suggestion or "a mistyped U or Y",
            )
        if char not in ALPHABET:
            return Invalid(CreditCodeError.BAD_CHARACTER, position=position, found=char)
    for position in range(3, 9):
        if not code[position - 1].isdigit():
            return Invalid(CreditCodeError.BAD_REGION, position=position, found=code[position - 1])
    return None


def _check_problem(code: str) -> Invalid[CreditCodeError] | None:
    expected = credit_check_character(code[:17])
    if code[17] != expected:
        return Invalid(
            CreditCodeError.BAD_CHECK_CHARACTER, position=LENGTH, found=code[17], expected=expected
        )
    return None


def _facts(code: str, override: SupervisorOverride | None) -> CreditCode:
    org = code[8:17]
    try:
        authority: RegisteringAuthority | None = RegisteringAuthority(code[0])
    except ValueError:
        authority = None
    return CreditCode(
        value=code,
        registering_authority=authority,
        category=code[1],
        region_code=code[2:8],
        org_code=org,
        org_code_check_ok=org_code_check_character(org[:8]) == org[8],
        override=override,
    )


def validate_credit_code(value: str) -> CreditCode | Invalid[CreditCodeError]:
    """Normalise (NFKC, no spaces, upper case) and check; the first problem found wins."""
    code = normalise_credit_code(value)
    problem = _structure_problem(code) or _check_problem(code)
    return problem if problem is not None else _facts(code, None)


def override_credit_code(
    value: str, *, supervisor_id: int, supervisor_name: str, reason: str, at_ms: int
) -> CreditCode:
    """Accept a code whose only fault is its check character, recording the override.

    Raises ``OverrideRefused`` when the code is valid anyway, is malformed in a way no real
    code is (length, alphabet, region), or no reason is given.
    """
    code = normalise_credit_code(value)
    problem = _structure_problem(code) or _check_problem(code)
    cleaned = check_overridable(problem, reason)
    assert problem is not None
    record = SupervisorOverride(
        field=OverrideField.CREDIT_CODE,
        value=code,
        failed_check=problem.code.value,
        expected=problem.expected,
        supervisor_id=supervisor_id,
        supervisor_name=supervisor_name,
        reason=cleaned,
        at_ms=at_ms,
    )
    return _facts(code, record)
