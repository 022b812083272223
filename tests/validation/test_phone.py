"""Phone numbers: mobiles and landlines as clerks and applicants write them."""

from __future__ import annotations

import pytest

from clerk_app.validation import Invalid, Phone, PhoneError, PhoneKind, validate_phone


@pytest.mark.parametrize(
    ("typed", "value", "kind", "masked"),
    [
        ("13812345678", "13812345678", PhoneKind.MOBILE, "138****5678"),
        ("+86 138 1234 5678", "13812345678", PhoneKind.MOBILE, "138****5678"),
        ("0086-13812345678", "13812345678", PhoneKind.MOBILE, "138****5678"),
        ("8613812345678", "13812345678", PhoneKind.MOBILE, "138****5678"),
        ("(+86)13812345678", "13812345678", PhoneKind.MOBILE, "138****5678"),
        ("（＋86）138 1234 5678", "13812345678", PhoneKind.MOBILE, "138****5678"),
        ("(86)13812345678", "13812345678", PhoneKind.MOBILE, "138****5678"),
        ("138-1234-5678", "13812345678", PhoneKind.MOBILE, "138****5678"),
        ("１９９１２３４５６７８", "19912345678", PhoneKind.MOBILE, "199****5678"),
        ("010-12345678", "010-12345678", PhoneKind.LANDLINE, "010-****5678"),
        ("01012345678", "010-12345678", PhoneKind.LANDLINE, "010-****5678"),
        ("(010)12345678", "010-12345678", PhoneKind.LANDLINE, "010-****5678"),
        ("020 8765 4321", "020-87654321", PhoneKind.LANDLINE, "020-****4321"),
        ("0755-1234567", "0755-1234567", PhoneKind.LANDLINE, "0755-***4567"),
        ("07551234567", "0755-1234567", PhoneKind.LANDLINE, "0755-***4567"),
        ("+86 10 1234 5678", "010-12345678", PhoneKind.LANDLINE, "010-****5678"),
        ("+86-755-12345678", "0755-12345678", PhoneKind.LANDLINE, "0755-****5678"),
    ],
)
def test_accepted_forms(typed: str, value: str, kind: PhoneKind, masked: str) -> None:
    result = validate_phone(typed)
    assert isinstance(result, Phone), result
    assert (result.value, result.kind, result.masked) == (value, kind, masked)
    assert value not in repr(result)


@pytest.mark.parametrize(
    ("typed", "code", "position", "found"),
    [
        ("", PhoneError.EMPTY, None, None),
        ("138a2345678", PhoneError.BAD_CHARACTER, 4, "a"),
        ("138.1234.5678", PhoneError.BAD_CHARACTER, 4, "."),
        ("138+12345678", PhoneError.BAD_CHARACTER, 4, "+"),
        ("(8+6)13812345678", PhoneError.BAD_CHARACTER, 3, "+"),
        ("1381234567", PhoneError.MOBILE_BAD_LENGTH, None, "10"),
        ("138123456789", PhoneError.MOBILE_BAD_LENGTH, None, "12"),
        ("12812345678", PhoneError.MOBILE_BAD_PREFIX, 2, "2"),
        ("87654321", PhoneError.LANDLINE_NEEDS_AREA_CODE, None, None),
        ("010-123456", PhoneError.LANDLINE_BAD_LENGTH, None, "9"),
        ("0755-123456789", PhoneError.LANDLINE_BAD_LENGTH, None, "13"),
        ("01-123456789", PhoneError.NOT_A_PHONE_NUMBER, None, None),
        ("12-3", PhoneError.MOBILE_BAD_LENGTH, None, "3"),
        ("555", PhoneError.NOT_A_PHONE_NUMBER, None, None),
    ],
)
def test_rejected_with_a_precise_code(
    typed: str, code: PhoneError, position: int | None, found: str | None
) -> None:
    result = validate_phone(typed)
    assert isinstance(result, Invalid), result
    assert (result.code, result.position, result.found) == (code, position, found)
    assert result.describe()
