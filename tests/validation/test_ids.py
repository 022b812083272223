"""Resident ID numbers: the vectors of docs/domain-rules.md, each kind of fault, and check-digit
round trips."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clerk_app.validation import (
    IdError,
    IdKind,
    Invalid,
    OverrideRefusal,
    OverrideRefused,
    ResidentId,
    Sex,
    id_check_character,
    override_resident_id,
    validate_resident_id,
)
from clerk_app.validation.ids import PROVINCES
from onewindow_protocol.masking import mask_id

TODAY = dt.date(2026, 11, 28)


def valid(value: str, today: dt.date = TODAY) -> ResidentId:
    result = validate_resident_id(value, today=today)
    assert isinstance(result, ResidentId), result
    return result


def invalid(value: str, today: dt.date = TODAY) -> Invalid[IdError]:
    result = validate_resident_id(value, today=today)
    assert isinstance(result, Invalid), result
    return result


def with_check(body: str) -> str:
    return body + id_check_character(body)


@pytest.mark.parametrize(
    ("value", "birth", "sex"),
    [
        ("11010519491231002X", dt.date(1949, 12, 31), Sex.FEMALE),
        ("440524188001010014", dt.date(1880, 1, 1), Sex.MALE),
    ],
)
def test_domain_vectors_are_valid_with_birth_date_and_sex(
    value: str, birth: dt.date, sex: Sex
) -> None:
    result = valid(value)
    assert (result.value, result.birth_date, result.sex) == (value, birth, sex)
    assert result.region_code == value[:6]
    assert result.kind is IdKind.RESIDENT
    assert result.override is None


@pytest.mark.parametrize(
    "typed",
    [
        "11010519491231002x",  # lowercase x
        "１１０１０５１９４９１２３１００２Ｘ",  # full-width digits and X
        "１１０１０５１９４９１２３１００２ｘ",  # full-width lowercase x
        " 110105 1949 1231 002X ",  # grouped as read out
        "110105\u300019491231002X",  # ideographic space
    ],
)
def test_typed_forms_normalise_to_the_canonical_number(typed: str) -> None:
    assert valid(typed).value == "11010519491231002X"


@pytest.mark.parametrize(
    ("value", "code", "position", "found", "expected"),
    [
        ("", IdError.EMPTY, None, None, None),
        ("   ", IdError.EMPTY, None, None, None),
        ("110105491231002", IdError.LEGACY_15_DIGIT, None, "15", "18"),
        ("11010519491231002", IdError.BAD_LENGTH, None, "17", "18"),
        ("11010519491231002X1", IdError.BAD_LENGTH, None, "19", "18"),
        ("1101051949123100XX", IdError.BAD_CHARACTER, 17, "X", None),
        ("11010519491231002Y", IdError.BAD_CHARACTER, 18, "Y", None),
        ("11O10519491231002X", IdError.BAD_CHARACTER, 3, "O", None),
        ("110105194912310021", IdError.BAD_CHECK_DIGIT, 18, "1", "X"),
        ("440524188001010015", IdError.BAD_CHECK_DIGIT, 18, "5", "4"),
        ("010105194912310028", IdError.BAD_REGION, 1, "01", None),
        ("160105194912310028", IdError.BAD_REGION, 1, "16", None),
    ],
)
def test_faults_give_a_precise_code(
    value: str, code: IdError, position: int | None, found: str | None, expected: str | None
) -> None:
    problem = invalid(value)
    assert (problem.code, problem.position, problem.found, problem.expected) == (
        code,
        position,
        found,
        expected,
    )
    assert problem.describe()  # every code has English text


@pytest.mark.parametrize(
    "birth",
    ["19490230", "19491301", "19490000", "20230229", "00000101"],
)
def test_impossible_birth_dates_are_rejected(birth: str) -> None:
    problem = invalid(with_check(f"110105{birth}002"))
    assert (problem.code, problem.position, problem.found) == (IdError.IMPOSSIBLE_DATE, 7, birth)


@pytest.mark.parametrize("birth", ["17991231", "18000101", "18491001", "18791231"])
def test_births_before_1880_are_refused_as_too_early(birth: str) -> None:
    """Nobody born before 1880 was alive when 18-digit numbers began (1999): a typo."""
    problem = invalid(with_check(f"110105{birth}002"))
    assert (problem.code, problem.position, problem.found, problem.expected) == (
        IdError.BIRTH_TOO_EARLY,
        7,
        birth,
        "1880",
    )
    assert problem.describe() == (
        f"the birth date {birth} (characters 7-14) is before 1880: no holder of an 18-digit "
        "ID number was born then; check the year"
    )


def test_the_earliest_birth_is_1880_so_the_domain_vector_stays_valid() -> None:
    assert valid("440524188001010014").birth_date == dt.date(1880, 1, 1)
    assert valid(with_check("11010518800101002")).birth_date == dt.date(1880, 1, 1)


@pytest.mark.parametrize("province", ["99", "00", "10", "16", "71", "81", "82", "83", "90"])
def test_a_permanent_residence_number_needs_a_mainland_issuing_province(province: str) -> None:
    problem = invalid(with_check(f"9{province}15619900101001"))
    assert (problem.code, problem.position, problem.found) == (
        IdError.BAD_ISSUING_PROVINCE,
        2,
        province,
    )
    assert "issuing province in characters 2-3" in problem.describe()


def test_the_issue_example_permanent_residence_number_is_refused() -> None:
    assert invalid("999999199001010016").code is IdError.BAD_ISSUING_PROVINCE


@pytest.mark.parametrize("province", ["11", "22", "31", "44", "65"])
def test_permanent_residence_numbers_from_mainland_provinces_are_valid(province: str) -> None:
    result = valid(with_check(f"9{province}15619900101001"))
    assert result.kind is IdKind.FOREIGN_PERMANENT_RESIDENT


def test_a_leap_day_is_a_real_date() -> None:
    assert valid(with_check("11010520240229002")).birth_date == dt.date(2024, 2, 29)


def test_birth_dates_after_today_are_rejected_and_today_is_accepted() -> None:
    tomorrow = with_check("11010520261129001")
    assert invalid(tomorrow).code is IdError.FUTURE_BIRTH_DATE
    assert invalid(tomorrow).describe() == (
        "the birth date 20261129 (characters 7-14) is in the future"
    )
    assert valid(tomorrow, today=dt.date(2026, 11, 29)).birth_date == dt.date(2026, 11, 29)
    assert valid(with_check("11010520261128001")).sex is Sex.MALE


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("81000019900101001", IdKind.HMT_RESIDENCE_PERMIT),
        ("82000019900101002", IdKind.HMT_RESIDENCE_PERMIT),
        ("83000019900101003", IdKind.HMT_RESIDENCE_PERMIT),
        ("93115619900101004", IdKind.FOREIGN_PERMANENT_RESIDENT),
        ("71000019900101005", IdKind.RESIDENT),
        ("22010219900101006", IdKind.RESIDENT),
        # An abolished county code (Beijing's Chongwen district, merged in 2010) stays valid.
        ("11010319900101007", IdKind.RESIDENT),
    ],
)
def test_permits_and_old_region_codes_use_the_same_check(body: str, kind: IdKind) -> None:
    assert valid(with_check(body)).kind is kind


def test_bad_check_digit_message_names_the_expected_character() -> None:
    assert invalid("110105194912310021").describe() == (
        "the check character (18th) is 1 but the other digits give X: a digit is probably mistyped"
    )


def test_masking_and_repr_never_show_the_whole_number() -> None:
    result = valid("11010519491231002X")
    assert result.masked == "110105********002X"
    assert mask_id("220102199001011234") == "220102********1234"
    assert "19491231002" not in repr(result)
    assert "19491231002" not in repr(invalid("110105194912310021"))


def test_a_supervisor_can_override_only_a_wrong_check_digit_and_must_say_why() -> None:
    result = override_resident_id(
        "110105194912310021",
        today=TODAY,
        supervisor_id=7,
        supervisor_name="supervisor",
        reason="  card seen; issued 1999 with this number  ",
        at_ms=1_700_000_000_000,
    )
    assert result.value == "110105194912310021"
    assert result.birth_date == dt.date(1949, 12, 31)
    assert result.override is not None
    assert result.override.failed_check == "id_bad_check_digit"
    assert result.override.expected == "X"
    assert result.override.reason == "card seen; issued 1999 with this number"
    assert (result.override.supervisor_id, result.override.at_ms) == (7, 1_700_000_000_000)
    assert "110105194912310021" not in repr(result.override)


@pytest.mark.parametrize(
    ("value", "reason", "refusal"),
    [
        ("11010519491231002X", "valid", OverrideRefusal.NOTHING_TO_OVERRIDE),
        ("110105194902300021", "card seen", OverrideRefusal.NOT_OVERRIDABLE),
        ("1101051949123100", "card seen", OverrideRefusal.NOT_OVERRIDABLE),
        ("110105194912310021", "   ", OverrideRefusal.REASON_REQUIRED),
        ("110105194912310021", "x" * 501, OverrideRefusal.REASON_TOO_LONG),
    ],
)
def test_override_refusals(value: str, reason: str, refusal: OverrideRefusal) -> None:
    with pytest.raises(OverrideRefused) as caught:
        override_resident_id(
            value, today=TODAY, supervisor_id=7, supervisor_name="s", reason=reason, at_ms=0
        )
    assert caught.value.code is refusal
    assert str(caught.value)


provinces = st.sampled_from(sorted(PROVINCES)).map(lambda p: f"{p:02d}")
bodies = st.builds(
    lambda province, county, birth, seq: f"{province}{county:04d}{birth:%Y%m%d}{seq:03d}",
    provinces,
    st.integers(0, 9999),
    st.dates(dt.date(1900, 1, 1), TODAY),
    st.integers(0, 999),
)


@settings(deadline=None)
@given(bodies)
def test_generated_numbers_round_trip(body: str) -> None:
    number = with_check(body)
    result = valid(number)
    assert result.value == number
    assert result.birth_date == dt.date(int(body[6:10]), int(body[10:12]), int(body[12:14]))
    assert result.sex is (Sex.MALE if int(body[16]) % 2 else Sex.FEMALE)
    assert valid(number.lower().translate(str.maketrans("0123456789", "０１２３４５６７８９")))


@settings(deadline=None)
@given(bodies, st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_change_is_caught(body: str, position: int, shift: int) -> None:
    number = with_check(body)
    changed = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1 :]
    assert isinstance(validate_resident_id(changed, today=TODAY), Invalid)


@settings(deadline=None)
@given(bodies, st.integers(0, 15))
def test_any_adjacent_transposition_is_caught(body: str, position: int) -> None:
    """Within the 17 digits: adjacent weights differ mod 11, so a swap always shows."""
    number = with_check(body)
    a, b = number[position], number[position + 1]
    if a == b:
        return
    swapped = number[:position] + b + a + number[position + 2 :]
    assert isinstance(validate_resident_id(swapped, today=TODAY), Invalid)
