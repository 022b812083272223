"""Names: NFKC folding that never loses a rare character, stored and counted in code points."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from clerk_app.validation import (
    Invalid,
    NormalisedText,
    TextError,
    TextKind,
    normalise_person_name,
    normalise_text,
)
from onewindow_base.db.engine import Database

RARE_NAMES = ["𠮷野", "王𡉃", "𠮷𡉃", "张\U0002a6a5", "葛\U000e0100城", "\U00031350"]


def ok(value: str, kind: TextKind = TextKind.PERSON_NAME) -> NormalisedText:
    result = normalise_text(value, kind)
    assert isinstance(result, NormalisedText), result
    return result


@pytest.mark.parametrize("name", RARE_NAMES)
def test_rare_characters_round_trip_unchanged(name: str) -> None:
    result = ok(name)
    assert result.value == name
    assert result.length == len(name)
    assert ok(result.value).value == name  # idempotent


def test_extension_b_names_count_in_code_points_and_are_listed_as_rare() -> None:
    result = ok("𠮷野家")
    assert result.length == 3  # not 4 UTF-16 units, not 10 UTF-8 bytes
    assert result.rare_characters == ("𠮷",)
    assert ok("王𡉃𡉃").rare_characters == ("𡉃",)
    assert ok("葛\U000e0100城").rare_characters == ("葛\U000e0100",)  # with its selector
    assert ok("张三").rare_characters == ()


@pytest.mark.parametrize(
    "compat",
    ["\uf900", "\ufa10", "\U0002f800", "\U0002f8b8", "\U0002fa1d"],
)
def test_compatibility_ideographs_are_kept_although_nfc_would_replace_them(compat: str) -> None:
    assert unicodedata.normalize("NFC", compat) != compat  # the trap
    name = "李" + compat
    result = ok(name)
    assert result.value == name
    assert result.rare_characters == (compat,)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("  张  三 ", "张三"),
        ("张\u3000三", "张三"),
        ("阿沛・阿旺晋美", "阿沛·阿旺晋美"),
        ("阿沛•阿旺晋美", "阿沛·阿旺晋美"),
        ("阿沛.阿旺晋美", "阿沛·阿旺晋美"),
        ("阿沛ｰ阿旺晋美", "阿沛ー阿旺晋美"),  # half-width prolonged sound mark: NFKC only
        ("ＪＯＨＮ　Ｓｍｉｔｈ", "JOHN Smith"),
        ("⼀丁", "一丁"),  # Kangxi radical typed for the ideograph
        ("李\u200b四", "李四"),
        ("李\ufeff四", "李四"),
        ("John  Ronald   Tolkien", "John Ronald Tolkien"),
        ("〇一", "〇一"),
    ],
)
def test_typed_forms_are_folded(typed: str, value: str) -> None:
    assert ok(typed).value == value


@pytest.mark.parametrize(
    ("typed", "code", "position", "found"),
    [
        ("", TextError.EMPTY, None, None),
        (" \u3000\u200b", TextError.EMPTY, None, None),
        ("李\ue000四", TextError.PRIVATE_USE_CHARACTER, 2, "U+E000"),
        ("李\U000f0000", TextError.PRIVATE_USE_CHARACTER, 2, "U+F0000"),
        ("李\u202e四", TextError.BAD_CHARACTER, 2, "U+202E"),
        ("李\x07四", TextError.BAD_CHARACTER, 2, "U+0007"),
        ("李\ud842四", TextError.BAD_CHARACTER, 2, "U+D842"),  # a lone surrogate half
        ("张3", TextError.DIGIT_IN_NAME, 2, "3"),
        ("张３", TextError.DIGIT_IN_NAME, 2, "3"),
        ("张" * 65, TextError.TOO_LONG, None, "65"),
    ],
)
def test_rejected_names(typed: str, code: TextError, position: int | None, found: str) -> None:
    result = normalise_person_name(typed)
    assert isinstance(result, Invalid), result
    assert (result.code, result.position, result.found) == (code, position, found)
    assert result.describe()


def test_organisations_and_addresses_allow_digits_and_keep_dots() -> None:
    assert ok("第3建筑公司", TextKind.ORGANISATION_NAME).value == "第3建筑公司"
    assert ok("幸福路 12 号 3.5 层", TextKind.ADDRESS).value == "幸福路 12 号 3.5 层"
    assert ok("𠮷祥路１２号", TextKind.ADDRESS).value == "𠮷祥路12号"


ideographs = st.characters(
    min_codepoint=0x20000, max_codepoint=0x2A6DF, categories=["Lo"]
) | st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF, categories=["Lo"])


@settings(deadline=None)
@given(st.text(ideographs, min_size=1, max_size=20))
def test_any_ideograph_name_round_trips(name: str) -> None:
    assert ok(name).value == name


def test_rare_names_round_trip_through_the_database(empty_db_url: str) -> None:
    db = Database(empty_db_url)
    try:
        with db.read() as session:
            for name in [*RARE_NAMES, "李\uf900", "阿沛·阿旺晋美"]:
                stored, length = session.execute(
                    text("SELECT CAST(:v AS TEXT), length(CAST(:v AS TEXT))"), {"v": name}
                ).one()
                assert (stored, length) == (name, len(name))
    finally:
        db.dispose()
