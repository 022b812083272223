"""The card's text block: each supported layout decoded, the others refused, never guessed."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_app.devices.idcard.card import (
    ETHNICITIES,
    SEXES,
    TYPE_OFFSET,
    CardData,
    CardKind,
    decode_text_block,
    encode_text_block,
)
from clerk_app.devices.idcard.errors import BadCardData, UnsupportedCard
from tests.devices.idcard_sim import RESIDENT, TODAY

FOREIGN = CardData(
    kind=CardKind.FOREIGN_PERMANENT_2017,
    name="约翰",
    english_name="SMITH, JOHN",
    sex="1",
    birth_date=dt.date(1980, 5, 15),
    id_number="USA110080051501",
    nationality="USA",
    authority="1100",
    valid_from=dt.date(2018, 1, 2),
    valid_to=dt.date(2028, 1, 1),
)
HMT = CardData(
    kind=CardKind.HMT_RESIDENCE_PERMIT,
    name="陈大文",
    sex="2",
    birth_date=dt.date(1994, 8, 23),
    address="广东省深圳市福田区福华路1号",
    id_number="810000199408230021",
    authority="深圳市公安局",
    valid_from=dt.date(2019, 1, 1),
    valid_to=dt.date(2024, 1, 1),
    pass_number="H12345678",
    issue_count=1,
)
FOREIGN_2023 = CardData(
    kind=CardKind.FOREIGN_PERMANENT_2023,
    name="玛丽",
    english_name="MARTIN-DELACROIX, MARIE-CHRISTINE ANNE SOPHIE",  # over 35 characters
    sex="2",
    birth_date=dt.date(1980, 5, 15),
    id_number="911840198005150013",
    nationality="FRA",
    valid_from=dt.date(2024, 3, 1),
    valid_to=dt.date(2034, 2, 28),
    renewal_count=0,
)


def ucs2(text: str, size: int) -> bytes:
    raw = text.encode("utf-16-le")
    return raw + " ".encode("utf-16-le") * ((size - len(raw)) // 2)


def test_a_resident_block_built_by_hand_decodes_field_by_field() -> None:
    """Independent of the encoder: the offsets of the reader manual, written out."""
    block = (
        ucs2("张三丰", 30)
        + ucs2("1", 2)
        + ucs2("03", 4)
        + ucs2("19491231", 16)
        + ucs2("北京市东城区景山前街4号", 70)
        + ucs2("11010519491231002X", 36)
        + ucs2("北京市公安局东城分局", 30)
        + ucs2("20190301", 16)
        + ucs2("长期", 16)
        + ucs2("", 36)
    )
    assert len(block) == 256
    card = decode_text_block(block, b"wlt", today=TODAY)
    assert (card.name, card.sex_names.zh, card.ethnicity_names) == ("张三丰", "男", ("回", "Hui"))
    assert card.birth_date == dt.date(1949, 12, 31)
    assert card.address == "北京市东城区景山前街4号"
    assert card.id_number == "11010519491231002X"
    assert card.valid_to is None
    assert card.photo == b"wlt"
    assert not card.expired(dt.date(2099, 1, 1))


@pytest.mark.parametrize("card", [RESIDENT, FOREIGN, HMT, FOREIGN_2023], ids=lambda c: c.kind.value)
def test_each_supported_kind_round_trips(card: CardData) -> None:
    block = encode_text_block(card)
    assert len(block) == 256
    assert decode_text_block(block, card.photo, today=TODAY) == card


def test_the_type_character_sits_at_byte_248() -> None:
    assert encode_text_block(FOREIGN)[TYPE_OFFSET : TYPE_OFFSET + 2] == "I".encode("utf-16-le")
    assert encode_text_block(HMT)[TYPE_OFFSET : TYPE_OFFSET + 2] == "J".encode("utf-16-le")
    assert encode_text_block(FOREIGN_2023)[TYPE_OFFSET : TYPE_OFFSET + 2] == b"Y\x00"
    # The permit's number and issue count sit at bytes 220 and 238 (a vendor SDK's offsets).
    assert encode_text_block(HMT)[220:238].decode("utf-16-le").rstrip() == "H12345678"
    assert encode_text_block(HMT)[238:242].decode("utf-16-le") == "01"
    assert encode_text_block(RESIDENT)[TYPE_OFFSET : TYPE_OFFSET + 2] == b" \x00"
    # The foreign card's number (15 characters) starts after the English name and sex.
    assert encode_text_block(FOREIGN)[122:152].decode("utf-16-le") == "USA110080051501"


def test_a_2023_foreign_card_built_by_hand_decodes_its_split_english_name() -> None:
    english = "MARTIN-DELACROIX, MARIE-CHRISTINE ANNE SOPHIE"
    block = (
        ucs2("玛丽", 30)
        + ucs2("2", 2)
        + ucs2("01", 4)
        + ucs2("19800515", 16)
        + ucs2(english[:35], 70)
        + ucs2("911840198005150013", 36)
        + ucs2("", 30)
        + ucs2("20240301", 16)
        + ucs2("20340228", 16)
        + ucs2(english[35:], 22)
        + ucs2("FRA", 6)
        + ucs2("Y", 2)
        + ucs2("", 6)
    )
    card = decode_text_block(block, None, today=TODAY)
    assert card.kind is CardKind.FOREIGN_PERMANENT_2023
    assert (card.english_name, card.nationality, card.renewal_count) == (english, "FRA", 1)
    assert (card.authority, card.address, card.ethnicity) == (None, None, None)


def test_a_2023_card_whose_number_fails_its_check_is_refused() -> None:
    block = bytearray(encode_text_block(FOREIGN_2023))
    block[122:158] = ucs2("911840198005150014", 36)  # one digit off: the check catches it
    with pytest.raises(BadCardData, match="check"):
        decode_text_block(bytes(block), None, today=TODAY)


@pytest.mark.parametrize("mark", ["Z", "1", "中"])
def test_other_layouts_are_refused_not_guessed(mark: str) -> None:
    block = bytearray(encode_text_block(RESIDENT))
    block[TYPE_OFFSET : TYPE_OFFSET + 2] = mark.encode("utf-16-le")
    with pytest.raises(UnsupportedCard, match="unknown card type"):
        decode_text_block(bytes(block), None, today=TODAY)


def test_a_block_of_the_wrong_size_or_with_a_bad_field_is_refused() -> None:
    good = encode_text_block(RESIDENT)
    with pytest.raises(BadCardData, match="255 bytes"):
        decode_text_block(good[:-1], None, today=TODAY)
    bad_id = good[:122] + ucs2("110105194912310021", 36) + good[158:]
    with pytest.raises(BadCardData, match="id_bad_check_digit"):
        decode_text_block(bad_id, None, today=TODAY)
    bad_date = good[:36] + ucs2("19491332", 16) + good[52:]
    with pytest.raises(BadCardData, match="birth_date"):
        decode_text_block(bad_date, None, today=TODAY)
    short_date = good[:36] + ucs2("1949123", 16) + good[52:]  # strptime would take it
    with pytest.raises(BadCardData, match="birth_date is not a YYYYMMDD"):
        decode_text_block(short_date, None, today=TODAY)
    foreign = encode_text_block(FOREIGN)
    bad_number = foreign[:122] + ucs2("USA11008005150", 30) + foreign[152:]
    with pytest.raises(BadCardData, match="15 letters"):
        decode_text_block(bad_number, None, today=TODAY)
    bad_ethnicity = good[:32] + ucs2("57", 4) + good[36:]
    with pytest.raises(BadCardData, match="ethnicity"):
        decode_text_block(bad_ethnicity, None, today=TODAY)


def test_expired_counts_the_last_valid_day_as_valid() -> None:
    assert HMT.expired(dt.date(2024, 1, 2))
    assert not HMT.expired(dt.date(2024, 1, 1))
    assert not RESIDENT.expired(dt.date(2999, 1, 1))  # 长期


def test_the_ethnicity_table_has_the_56_groups_and_the_two_extra_codes() -> None:
    assert set(ETHNICITIES) == {f"{n:02d}" for n in range(1, 57)} | {"97", "98"}
    assert len({n.zh for n in ETHNICITIES.values()}) == len({n.en for n in ETHNICITIES.values()})
    assert len({n.zh for n in ETHNICITIES.values()}) == 58
    assert (ETHNICITIES["01"].zh, ETHNICITIES["56"].zh) == ("汉", "基诺")
    assert set(SEXES) == {"0", "1", "2", "9"}


def test_personal_fields_stay_out_of_the_repr() -> None:
    text = repr(RESIDENT)
    assert "张三丰" not in text and "11010519491231002X" not in text and "景山" not in text
