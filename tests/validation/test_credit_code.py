"""Unified social credit codes: the vectors of docs/domain-rules.md, faults, overrides and check
round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk_app.validation import (
    CreditCode,
    CreditCodeError,
    Invalid,
    OverrideField,
    OverrideRefusal,
    OverrideRefused,
    RegisteringAuthority,
    credit_check_character,
    org_code_check_character,
    override_credit_code,
    validate_credit_code,
)
from clerk_app.validation.credit_code import ALPHABET


def valid(value: str) -> CreditCode:
    result = validate_credit_code(value)
    assert isinstance(result, CreditCode), result
    return result


def invalid(value: str) -> Invalid[CreditCodeError]:
    result = validate_credit_code(value)
    assert isinstance(result, Invalid), result
    return result


@pytest.mark.parametrize(
    ("value", "region", "org"),
    [("91350100M000100Y43", "350100", "M000100Y4"), ("91440101MA5CJQ4N59", "440101", "MA5CJQ4N5")],
)
def test_domain_vectors_are_valid(value: str, region: str, org: str) -> None:
    result = valid(value)
    assert result.value == value
    assert result.registering_authority is RegisteringAuthority.MARKET_REGULATION
    assert (result.category, result.region_code, result.org_code) == ("1", region, org)
    assert result.org_code_check_ok  # both embed a GB 11714-valid organisation code


@pytest.mark.parametrize(
    "typed",
    ["91440101ma5cjq4n59", "９１４４０１０１ＭＡ５ＣＪＱ４Ｎ５９", " 9144 0101 MA5C JQ4N 59 "],
)
def test_typed_forms_normalise(typed: str) -> None:
    assert valid(typed).value == "91440101MA5CJQ4N59"


@pytest.mark.parametrize(
    ("value", "code", "position", "found", "expected"),
    [
        ("", CreditCodeError.EMPTY, None, None, None),
        ("91440101MA5CJQ4N5", CreditCodeError.BAD_LENGTH, None, "17", "18"),
        ("91440101MA5CJQ4N59Y", CreditCodeError.BAD_LENGTH, None, "19", "18"),
        ("91350100MO00100Y43", CreditCodeError.EXCLUDED_LETTER, 10, "O", "0"),
        ("9144010IMA5CJQ4N59", CreditCodeError.EXCLUDED_LETTER, 8, "I", "1"),
        ("91440101MA5CJQ4N5S", CreditCodeError.EXCLUDED_LETTER, 18, "S", "5"),
        ("914401Z1MA5CJQ4N59", CreditCodeError.EXCLUDED_LETTER, 7, "Z", "2"),
        ("91440101MA5CJQ4N5-", CreditCodeError.BAD_CHARACTER, 18, "-", None),
        ("9144A101MA5CJQ4N59", CreditCodeError.BAD_REGION, 5, "A", None),
        ("91440101MA5CJQ4N58", CreditCodeError.BAD_CHECK_CHARACTER, 18, "8", "9"),
        ("91350100M000100Y44", CreditCodeError.BAD_CHECK_CHARACTER, 18, "4", "3"),
    ],
)
def test_faults_give_a_precise_code(
    value: str,
    code: CreditCodeError,
    position: int | None,
    found: str | None,
    expected: str | None,
) -> None:
    problem = invalid(value)
    assert (problem.code, problem.position, problem.found, problem.expected) == (
        code,
        position,
        found,
        expected,
    )
    assert problem.describe()


def test_messages_read_well() -> None:
    assert invalid("91350100MO00100Y43").describe() == (
        "character 10 is the letter O, which credit codes never use (no I, O, S, V or Z); perhaps 0"
    )
    assert invalid("91440101MA5CJQ4N58").describe() == (
        "the check character (18th) is 8 but the other characters give 9: "
        "a character is probably mistyped"
    )


def test_an_embedded_organisation_code_failing_its_own_check_is_reported_not_rejected() -> None:
    body = "91440101MA5CJQ4N4"  # organisation code check 4 instead of 5
    result = valid(body + credit_check_character(body))
    assert not result.org_code_check_ok


def test_an_unknown_registering_authority_is_reported_as_none() -> None:
    body = "B1440101MA5CJQ4N5"
    assert valid(body + credit_check_character(body)).registering_authority is None


def test_a_supervisor_override_records_who_what_and_why() -> None:
    result = override_credit_code(
        "91350100m000100y44",
        supervisor_id=3,
        supervisor_name="supervisor",
        reason="printed on the business licence; registry confirms",
        at_ms=123,
    )
    assert result.value == "91350100M000100Y44"
    assert result.override is not None
    assert result.override.field is OverrideField.CREDIT_CODE
    assert result.override.failed_check == "credit_bad_check_character"
    assert result.override.expected == "3"
    assert result.override.supervisor_name == "supervisor"


@pytest.mark.parametrize(
    ("value", "refusal"),
    [
        ("91350100M000100Y43", OverrideRefusal.NOTHING_TO_OVERRIDE),
        ("91350100MO00100Y43", OverrideRefusal.NOT_OVERRIDABLE),
        ("9135010", OverrideRefusal.NOT_OVERRIDABLE),
    ],
)
def test_override_refusals(value: str, refusal: OverrideRefusal) -> None:
    with pytest.raises(OverrideRefused) as caught:
        override_credit_code(value, supervisor_id=3, supervisor_name="s", reason="r", at_ms=0)
    assert caught.value.code is refusal


def test_check_character_functions_refuse_bad_bodies() -> None:
    with pytest.raises(ValueError, match="17 credit-code characters"):
        credit_check_character("91350100MO00100Y4")
    with pytest.raises(ValueError, match="8 digits or capital letters"):
        org_code_check_character("m000100Y")
    assert org_code_check_character("M000100Y") == "4"


alphabet = st.sampled_from(ALPHABET)
bodies = st.builds(
    lambda head, region, org: head + region + org,
    st.text(alphabet, min_size=2, max_size=2),
    st.text(st.sampled_from("0123456789"), min_size=6, max_size=6),
    st.text(alphabet, min_size=9, max_size=9),
)


@settings(deadline=None)
@given(bodies)
def test_generated_codes_round_trip(body: str) -> None:
    code = body + credit_check_character(body)
    assert valid(code).value == code
    assert valid(code.lower()).value == code


@settings(deadline=None)
@given(bodies, st.integers(0, 17), st.integers(1, 30))
def test_any_single_character_change_is_caught(body: str, position: int, shift: int) -> None:
    code = body + credit_check_character(body)
    replacement = ALPHABET[(ALPHABET.index(code[position]) + shift) % 31]
    changed = code[:position] + replacement + code[position + 1 :]
    assert isinstance(validate_credit_code(changed), Invalid)
