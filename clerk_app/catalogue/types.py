"""Plain values of the catalogue: enums, the views the services return, refusal codes.

The enum values are the tokens of the catalogue file format (docs/catalogue-format.md) and of
the database columns; the UI translates them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ItemType(enum.StrEnum):
    LICENCE = "licence"  # 行政许可
    CONFIRMATION = "confirmation"  # 行政确认
    BENEFIT = "benefit"  # 行政给付
    ADJUDICATION = "adjudication"  # 行政裁决
    AWARD = "award"  # 行政奖励
    OTHER_POWER = "other_power"  # 其他行政权力
    PUBLIC_SERVICE = "public_service"  # 公共服务


class ItemStatus(enum.StrEnum):
    IN_FORCE = "in_force"
    SUSPENDED = "suspended"  # listed, but not to be taken at the counter


class ApplicantKind(enum.StrEnum):
    NATURAL_PERSON = "natural_person"
    LEGAL_PERSON = "legal_person"


class Handling(enum.StrEnum):
    ON_THE_SPOT = "on_the_spot"  # 即办件
    PROMISED = "promised"  # 承诺件


class Channel(enum.StrEnum):
    WINDOW = "window"
    ONLINE = "online"
    MAIL = "mail"
    KIOSK = "kiosk"


class ResultKind(enum.StrEnum):
    LICENCE = "licence"  # 证照
    APPROVAL = "approval"  # 批文
    OTHER = "other"


class MaterialForm(enum.StrEnum):
    ORIGINAL = "original"  # 原件
    COPY = "copy"  # 复印件
    ORIGINAL_AND_COPY = "original_and_copy"  # 原件和复印件
    ELECTRONIC = "electronic"  # 电子


class Necessity(enum.StrEnum):
    REQUIRED = "required"  # 必要
    OPTIONAL = "optional"  # 非必要
    DEFERRABLE = "deferrable"  # 容缺: may be supplied after acceptance


class MaterialSource(enum.StrEnum):
    APPLICANT = "applicant"  # 申请人自备
    GOVERNMENT = "government"  # 政府部门核发
    THIRD_PARTY = "third_party"  # issued by a hospital, bank, agency …


class CheckMethod(enum.StrEnum):
    """What the clerk does with the paper at the counter."""

    KEEP_ORIGINAL = "keep_original"
    CHECK_ORIGINAL_KEEP_COPY = "check_original_keep_copy"
    KEEP_BOTH = "keep_both"


class MatchKind(enum.IntEnum):
    """How a search hit matched, best first (the value is the rank)."""

    CODE_EXACT = 0
    CODE_PREFIX = 1
    NAME_PREFIX = 2
    NAME_SUBSTRING = 3
    PINYIN_PREFIX = 4
    PINYIN_SUBSTRING = 5
    INITIALS_PREFIX = 6
    INITIALS_SUBSTRING = 7
    ENGLISH_NAME = 8
    DEPARTMENT = 9


class CatalogueRefusal(enum.StrEnum):
    INVALID_FILE = "invalid_file"
    NO_ACTIVE_CATALOGUE = "no_active_catalogue"
    UNKNOWN_VERSION = "unknown_version"
    UNKNOWN_ITEM = "unknown_item"


REFUSAL_TEXT: dict[CatalogueRefusal, str] = {
    CatalogueRefusal.INVALID_FILE: "the catalogue file was refused",
    CatalogueRefusal.NO_ACTIVE_CATALOGUE: "no catalogue has been imported yet",
    CatalogueRefusal.UNKNOWN_VERSION: "unknown catalogue version",
    CatalogueRefusal.UNKNOWN_ITEM: "unknown catalogue item",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a catalogue file: where (a JSON path), which item, what."""

    path: str  # e.g. "items[3].materials[2].necessity"
    message: str
    item_code: str | None = None

    def __str__(self) -> str:
        where = self.path if self.item_code is None else f"{self.path} [item {self.item_code}]"
        return f"{where}: {self.message}"


class CatalogueRefused(Exception):  # noqa: N818 - a refusal is an expected outcome, not an error
    """A refused catalogue operation; ``problems`` lists every reason (for a file, all of them)."""

    def __init__(
        self, code: CatalogueRefusal, problems: tuple[Problem, ...] = (), detail: str = ""
    ) -> None:
        self.code = code
        self.problems = problems
        self.detail = detail
        text = REFUSAL_TEXT[code] + (f": {detail}" if detail else "")
        if problems:
            text += f" ({len(problems)} problem{'s' if len(problems) != 1 else ''})"
        super().__init__(text)


@dataclass(frozen=True, slots=True)
class CatalogueVersionInfo:
    version_id: int
    label: str
    source: str
    note: str | None
    checksum: str
    item_count: int
    imported_ms: int
    activated_ms: int | None
    active: bool


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    version: CatalogueVersionInfo
    created: bool  # False: this exact version was already in the database
    activated: bool  # False: it was already the active version
    items_added: int  # item versions new to the database
    items_reused: int  # unchanged item versions shared with earlier catalogue versions
    previous_version_id: int | None


@dataclass(frozen=True, slots=True)
class ItemSummary:
    """What a list or a search result shows of an item."""

    item_id: int
    code: str
    basic_code: str
    item_version: int
    name_zh: str
    name_en: str
    item_type: ItemType
    department_zh: str
    department_en: str
    handling: Handling
    promised_limit_days: int
    visits: int
    status: ItemStatus


@dataclass(frozen=True, slots=True)
class SearchHit:
    item: ItemSummary
    match: MatchKind


@dataclass(frozen=True, slots=True)
class Situation:
    situation_id: int
    code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class ELicence:
    """The e-licence type (电子证照) that can stand in for a material (免提交)."""

    type_code: str
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Material:
    material_id: int
    code: str
    name_zh: str
    name_en: str
    form: MaterialForm
    copies: int
    paper_size: str | None
    necessity: Necessity
    source: MaterialSource
    e_licence: ELicence | None
    acceptance_standard: str | None
    notes: str | None
    check: CheckMethod
    blank_form: str | None
    sample: str | None
    legal_basis: str | None
    situation_codes: tuple[str, ...]  # empty: every situation of the item
    demo_fields: tuple[str, ...]
    commitment: bool = False  # 告知承诺: a signed commitment may stand in for it

    def applies_to(self, situation_code: str) -> bool:
        return not self.situation_codes or situation_code in self.situation_codes


@dataclass(frozen=True, slots=True)
class Fee:
    name_zh: str
    name_en: str
    amount_fen: int | None  # None: depends on the case (see the item's fee note)
    basis: str | None


@dataclass(frozen=True, slots=True)
class ItemDetail:
    """An item as the counter needs it: its situations and its whole material checklist."""

    item_id: int
    catalogue_version_id: int
    catalogue_version: str
    code: str
    basic_code: str
    local_code: str | None
    item_version: int
    status: ItemStatus
    name_zh: str
    name_en: str
    item_type: ItemType
    department_zh: str
    department_en: str
    region: str | None
    applicant_kinds: tuple[ApplicantKind, ...]
    statutory_limit_days: int | None
    promised_limit_days: int
    handling: Handling
    visits: int
    channels: tuple[Channel, ...]
    fees: tuple[Fee, ...]  # empty: free of charge
    fee_note: str | None
    result_name_zh: str
    result_name_en: str
    result_kind: ResultKind
    legal_basis: str | None
    sources: tuple[str, ...]
    situations: tuple[Situation, ...]
    materials: tuple[Material, ...]
    demo_fields: tuple[str, ...]
    # 告知承诺制 (国办发〔2020〕42号): the item offers notify-and-commit for its materials
    # flagged ``commitment``; checked afterwards within ``post_check_days`` working days
    # (None: the hall's default period).
    notify_commit: bool = False
    post_check_days: int | None = None

    @property
    def once_and_for_all(self) -> bool:
        """最多跑一次: at most one visit to the hall."""
        return self.visits <= 1

    def materials_for(self, situation_code: str) -> tuple[Material, ...]:
        """The checklist of one situation, in the catalogue's order."""
        if situation_code not in {s.code for s in self.situations}:
            raise KeyError(situation_code)
        return tuple(m for m in self.materials if m.applies_to(situation_code))
