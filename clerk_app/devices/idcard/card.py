"""The card's 256-byte text block: UCS-2 little-endian fields, space-padded, fixed widths.

Three layouts are decoded, told apart by the card-type character at byte 248:

* resident ID card (居民身份证), a space there: name 30, sex 2, ethnicity 4, birth date 16,
  address 70, ID number 36, issuing authority 30, valid from 16, valid to 16 (a date or 长期),
  reserved 36 (the Ministry's reader manual; every vendor SDK agrees);
* foreign permanent-residence card, 2017 layout (外国人永久居留身份证), ``I``: English name
  120, sex 2, card number 30 (15 characters), nationality code 6 (GB/T 2659), Chinese name
  30, valid from 16, valid to 16, birth date 16, card version 4, accepting authority code 8,
  card type 2, reserved 6 (the 2017 data-item table published by reader vendors, e.g.
  afzhan.com news_212938, and Centerm's ``IDCardDef.h`` in yechangpeng/Paperless agree);
* Hong Kong/Macao/Taiwan residence permit (港澳台居民居住证), ``J``: the resident layout up to
  valid-to, with the ethnicity's 4 bytes reserved, then the travel-permit number 18, the issue
  count 4, reserved 6, card type 2, reserved 6 (two vendor SDKs agree: a C header's
  ``t_idcardinfor`` and a C# reader wrapper reading the permit number at byte 220 and the issue
  count at 238; the 2018 《港澳台居民居住证机读信息规范》 itself could not be consulted);
* foreign permanent-residence card, 2023 layout, ``Y``: Chinese name 30, sex 2, renewal count
  4, birth date 16, English name (characters 1-35) 70, ID number 36 (18 characters, first digit
  9), reserved 30, valid from 16, valid to 16, English name (characters 36-46) 22, nationality
  code 6, card type 2, a link to the holder's previous 15-character number 6 (not decoded).
  One source only (the vendor C header that also has ``t_idforeigner2023``); it adds up to 256
  bytes with ``Y`` at byte 248, and the 18-character number is checked (GB 11643), so a wrong
  layout fails the check instead of yielding a wrong parse.

Any other type character is refused with :class:`UnsupportedCard`: a guessed parse would put
wrong data on a case.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from clerk_app.devices.idcard.errors import BadCardData, UnsupportedCard
from clerk_app.validation import Invalid, validate_resident_id

TEXT_BLOCK_LENGTH = 256
TYPE_OFFSET = 248
LONG_TERM = "长期"
ENCODING = "utf-16-le"
DATE_LENGTH = 8
OLD_PERMANENT_LENGTH = 15


class Names(NamedTuple):
    zh: str
    en: str


# GB/T 2261.1 sex codes, as the card stores them.
SEXES: Mapping[str, Names] = {
    "0": Names("未知", "unknown"),
    "1": Names("男", "male"),
    "2": Names("女", "female"),
    "9": Names("未说明", "unstated"),
}

# GB/T 3304 ethnicity codes as the card stores them (two digits in a 4-byte field); the card
# prints the name without 族.
ETHNICITIES: Mapping[str, Names] = {
    "01": Names("汉", "Han"),
    "02": Names("蒙古", "Mongol"),
    "03": Names("回", "Hui"),
    "04": Names("藏", "Tibetan"),
    "05": Names("维吾尔", "Uyghur"),
    "06": Names("苗", "Miao"),
    "07": Names("彝", "Yi"),
    "08": Names("壮", "Zhuang"),
    "09": Names("布依", "Buyei"),
    "10": Names("朝鲜", "Korean"),
    "11": Names("满", "Manchu"),
    "12": Names("侗", "Dong"),
    "13": Names("瑶", "Yao"),
    "14": Names("白", "Bai"),
    "15": Names("土家", "Tujia"),
    "16": Names("哈尼", "Hani"),
    "17": Names("哈萨克", "Kazakh"),
    "18": Names("傣", "Dai"),
    "19": Names("黎", "Li"),
    "20": Names("傈僳", "Lisu"),
    "21": Names("佤", "Va"),
    "22": Names("畲", "She"),
    "23": Names("高山", "Gaoshan"),
    "24": Names("拉祜", "Lahu"),
    "25": Names("水", "Sui"),
    "26": Names("东乡", "Dongxiang"),
    "27": Names("纳西", "Nakhi"),
    "28": Names("景颇", "Jingpo"),
    "29": Names("柯尔克孜", "Kyrgyz"),
    "30": Names("土", "Tu"),
    "31": Names("达斡尔", "Daur"),
    "32": Names("仫佬", "Mulao"),
    "33": Names("羌", "Qiang"),
    "34": Names("布朗", "Blang"),
    "35": Names("撒拉", "Salar"),
    "36": Names("毛南", "Maonan"),
    "37": Names("仡佬", "Gelao"),
    "38": Names("锡伯", "Xibe"),
    "39": Names("阿昌", "Achang"),
    "40": Names("普米", "Pumi"),
    "41": Names("塔吉克", "Tajik"),
    "42": Names("怒", "Nu"),
    "43": Names("乌孜别克", "Uzbek"),
    "44": Names("俄罗斯", "Russian"),
    "45": Names("鄂温克", "Evenki"),
    "46": Names("德昂", "De'ang"),
    "47": Names("保安", "Bonan"),
    "48": Names("裕固", "Yugur"),
    "49": Names("京", "Gin"),
    "50": Names("塔塔尔", "Tatar"),
    "51": Names("独龙", "Derung"),
    "52": Names("鄂伦春", "Oroqen"),
    "53": Names("赫哲", "Hezhen"),
    "54": Names("门巴", "Monba"),
    "55": Names("珞巴", "Lhoba"),
    "56": Names("基诺", "Jino"),
    "97": Names("其他", "other"),
    "98": Names("外国血统中国籍人士", "Chinese citizen of foreign origin"),
}


class CardKind(enum.StrEnum):
    RESIDENT = "resident"
    FOREIGN_PERMANENT_2017 = "foreign_permanent_2017"
    HMT_RESIDENCE_PERMIT = "hmt_residence_permit"
    FOREIGN_PERMANENT_2023 = "foreign_permanent_2023"


# Each layout once, as (field, bytes): the decoder and the encoder both walk it.
LAYOUTS: Mapping[CardKind, tuple[tuple[str, int], ...]] = {
    CardKind.RESIDENT: (
        ("name", 30),
        ("sex", 2),
        ("ethnicity", 4),
        ("birth_date", 16),
        ("address", 70),
        ("id_number", 36),
        ("authority", 30),
        ("valid_from", 16),
        ("valid_to", 16),
        ("reserved", 36),
    ),
    CardKind.FOREIGN_PERMANENT_2017: (
        ("english_name", 120),
        ("sex", 2),
        ("id_number", 30),
        ("nationality", 6),
        ("name", 30),
        ("valid_from", 16),
        ("valid_to", 16),
        ("birth_date", 16),
        ("card_version", 4),
        ("authority", 8),
        ("card_type", 2),
        ("reserved", 6),
    ),
    CardKind.HMT_RESIDENCE_PERMIT: (
        ("name", 30),
        ("sex", 2),
        ("reserved_ethnicity", 4),
        ("birth_date", 16),
        ("address", 70),
        ("id_number", 36),
        ("authority", 30),
        ("valid_from", 16),
        ("valid_to", 16),
        ("pass_number", 18),
        ("issue_count", 4),
        ("reserved", 6),
        ("card_type", 2),
        ("reserved_tail", 6),
    ),
    CardKind.FOREIGN_PERMANENT_2023: (
        ("name", 30),
        ("sex", 2),
        ("renewal_count", 4),
        ("birth_date", 16),
        ("english_name", 70),
        ("id_number", 36),
        ("reserved", 30),
        ("valid_from", 16),
        ("valid_to", 16),
        ("english_name_more", 22),
        ("nationality", 6),
        ("card_type", 2),
        ("previous_number_link", 6),
    ),
}
TYPE_CHARACTERS: Mapping[str, CardKind] = {
    "I": CardKind.FOREIGN_PERMANENT_2017,
    "J": CardKind.HMT_RESIDENCE_PERMIT,
    "Y": CardKind.FOREIGN_PERMANENT_2023,
}
ENGLISH_NAME_SPLIT = 35  # the 2023 card's English name: 35 characters, then 11 more


class CardData(BaseModel):
    """What a card says; personal fields stay out of ``repr`` (and so out of logs)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: CardKind
    name: str = Field(repr=False)
    sex: str  # a key of SEXES
    ethnicity: str | None = None  # a key of ETHNICITIES; resident cards only
    birth_date: dt.date = Field(repr=False)
    address: str | None = Field(default=None, repr=False)
    id_number: str = Field(repr=False)
    authority: str | None = None  # not on the 2023 foreign card
    valid_from: dt.date
    valid_to: dt.date | None  # None: 长期 (no end)
    photo: bytes | None = Field(default=None, repr=False)  # WLT-encoded, as the card holds it
    # The photo as a BMP, where a vendor's decoder library is configured (the SDK backend).
    photo_bmp: bytes | None = Field(default=None, repr=False)
    english_name: str | None = Field(default=None, repr=False)  # foreign cards
    nationality: str | None = None  # foreign cards: GB/T 2659 alpha-3
    pass_number: str | None = Field(default=None, repr=False)  # HMT permits
    issue_count: int | None = None  # HMT permits (签发次数)
    renewal_count: int | None = None  # 2023 foreign cards (换证次数)

    @property
    def sex_names(self) -> Names:
        return SEXES[self.sex]

    @property
    def ethnicity_names(self) -> Names | None:
        return None if self.ethnicity is None else ETHNICITIES[self.ethnicity]

    def expired(self, today: dt.date) -> bool:
        """The card's last valid day is before ``today`` (a 长期 card never expires)."""
        return self.valid_to is not None and self.valid_to < today


def card_kind(text: bytes) -> CardKind:
    """The layout of a text block, from its type character; unknown ones are refused."""
    if len(text) != TEXT_BLOCK_LENGTH:
        raise BadCardData(f"text block of {len(text)} bytes, expected {TEXT_BLOCK_LENGTH}")
    mark = text[TYPE_OFFSET : TYPE_OFFSET + 2].decode(ENCODING, errors="replace")
    if mark in (" ", "\x00"):
        return CardKind.RESIDENT
    if mark in TYPE_CHARACTERS:
        return TYPE_CHARACTERS[mark]
    raise UnsupportedCard(f"unknown card type {mark!r}")


def _raw_fields(kind: CardKind, text: bytes) -> dict[str, str]:
    """Each field's text with its padding (stripped by the caller)."""
    fields: dict[str, str] = {}
    at = 0
    for name, size in LAYOUTS[kind]:
        try:
            fields[name] = text[at : at + size].decode(ENCODING)
        except UnicodeDecodeError:
            raise BadCardData(f"field {name} is not UCS-2 text") from None
        at += size
    return fields


def _strip(value: str) -> str:
    return value.rstrip(" \x00")


def _count(field: str, value: str) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise BadCardData(f"the {field} is not a number")
    return int(value)


def _date(field: str, value: str) -> dt.date:
    # strptime alone would take 2019031 for 2019-03-01: exactly eight digits first.
    if not (len(value) == DATE_LENGTH and value.isascii() and value.isdigit()):
        raise BadCardData(f"{field} is not a YYYYMMDD date")
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise BadCardData(f"{field} is not a real date") from None


def _old_permanent_number(value: str) -> str:
    """The 2017 card's 15 characters: the nationality's three letters and twelve digits."""
    if not (len(value) == OLD_PERMANENT_LENGTH and value.isascii() and value.isalnum()):
        raise BadCardData("the permanent-residence number is not 15 letters and digits")
    return value


def _valid_to(value: str) -> dt.date | None:
    return None if value == LONG_TERM else _date("valid_to", value)


def _code(field: str, value: str, table: Mapping[str, Names]) -> str:
    if value not in table:
        raise BadCardData(f"{field} code {value!r} is not in its table")
    return value


def _checked_id(number: str, today: dt.date) -> str:
    result = validate_resident_id(number, today=today)
    if isinstance(result, Invalid):
        raise BadCardData(f"the ID number fails its check ({result.code.value})")
    return result.value


def decode_text_block(text: bytes, photo: bytes | None, *, today: dt.date) -> CardData:
    """The card's data; ``today`` (the hall's date) is for the ID number's birth-date check."""
    kind = card_kind(text)
    raw = _raw_fields(kind, text)
    f = {name: _strip(value) for name, value in raw.items()}
    values: dict[str, object] = {
        "kind": kind,
        "name": f["name"],
        "sex": _code("sex", f["sex"], SEXES),
        "birth_date": _date("birth_date", f["birth_date"]),
        "valid_from": _date("valid_from", f["valid_from"]),
        "valid_to": _valid_to(f["valid_to"]),
        "photo": photo,
    }
    if kind is CardKind.FOREIGN_PERMANENT_2017:
        values |= {
            "id_number": _old_permanent_number(f["id_number"]),
            "english_name": f["english_name"],
            "nationality": f["nationality"],
            "authority": f["authority"],
        }
        return CardData.model_validate(values)
    values["id_number"] = _checked_id(f["id_number"], today)
    if kind is CardKind.FOREIGN_PERMANENT_2023:
        values |= {
            "english_name": _strip(raw["english_name"] + raw["english_name_more"]),
            "nationality": f["nationality"],
            "renewal_count": _count("renewal count", f["renewal_count"]),
        }
        return CardData.model_validate(values)
    values |= {"address": f["address"], "authority": f["authority"]}
    if kind is CardKind.RESIDENT:
        values["ethnicity"] = _code("ethnicity", f["ethnicity"], ETHNICITIES)
    else:
        values |= {
            "pass_number": f["pass_number"],
            "issue_count": _count("issue count", f["issue_count"]),
        }
    return CardData.model_validate(values)


def _field_values(card: CardData) -> dict[str, str]:
    values = {
        "name": card.name,
        "sex": card.sex,
        "ethnicity": card.ethnicity or "",
        "birth_date": card.birth_date.strftime("%Y%m%d"),
        "address": card.address or "",
        "id_number": card.id_number,
        "authority": card.authority or "",
        "valid_from": card.valid_from.strftime("%Y%m%d"),
        "valid_to": LONG_TERM if card.valid_to is None else card.valid_to.strftime("%Y%m%d"),
        "english_name": (card.english_name or "")[:ENGLISH_NAME_SPLIT]
        if card.kind is CardKind.FOREIGN_PERMANENT_2023
        else card.english_name or "",
        "english_name_more": (card.english_name or "")[ENGLISH_NAME_SPLIT:],
        "renewal_count": "" if card.renewal_count is None else f"{card.renewal_count:02d}",
        "nationality": card.nationality or "",
        "pass_number": card.pass_number or "",
        "issue_count": "" if card.issue_count is None else f"{card.issue_count:02d}",
    }
    marks = {kind: mark for mark, kind in TYPE_CHARACTERS.items()}
    values["card_type"] = marks.get(card.kind, "")
    return values


def encode_text_block(card: CardData) -> bytes:
    """The text block a card with ``card``'s data holds: the inverse of the decoder (for the
    simulator and the tests; readers never write cards)."""
    values = _field_values(card)
    out = bytearray()
    for name, size in LAYOUTS[card.kind]:
        raw = values.get(name, "").encode(ENCODING)
        if len(raw) > size:
            raise ValueError(f"{name} does not fit in {size} bytes")
        out += raw + " ".encode(ENCODING) * ((size - len(raw)) // 2)
    return bytes(out)
