"""Plain values of the catalogue: the views the services return, refusal codes.

The file's enumerations, fees, e-licences and problems are the shared models'
(:mod:`onewindow_protocol.catalogue`), listed here for the counter's callers; their values are
the tokens of the catalogue file format (docs/catalogue-format.md) and of the database columns.
The UI translates them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import cast

from onewindow_protocol.catalogue import models
from onewindow_protocol.catalogue.codec import Problem
from onewindow_protocol.catalogue.models import ELicence, Fee
from onewindow_protocol.catalogue.tokens import (
    ApplicantKind,
    Channel,
    CheckMethod,
    Handling,
    ItemStatus,
    ItemType,
    MaterialForm,
    MaterialSource,
    Necessity,
    ResultKind,
)

__all__ = [
    "ApplicantKind",
    "CatalogueRefusal",
    "CatalogueRefused",
    "CatalogueVersionInfo",
    "Channel",
    "CheckMethod",
    "ELicence",
    "Fee",
    "Handling",
    "ImportOutcome",
    "ItemDetail",
    "ItemStatus",
    "ItemSummary",
    "ItemType",
    "MatchKind",
    "Material",
    "MaterialForm",
    "MaterialSource",
    "Necessity",
    "Problem",
    "ResultKind",
    "SearchHit",
    "Situation",
]


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
    NEWER_FORMAT = "newer_format"  # written for a newer program: upgrade this one
    NO_ACTIVE_CATALOGUE = "no_active_catalogue"
    UNKNOWN_VERSION = "unknown_version"
    UNKNOWN_ITEM = "unknown_item"


REFUSAL_TEXT: dict[CatalogueRefusal, str] = {
    CatalogueRefusal.INVALID_FILE: "the catalogue file was refused",
    CatalogueRefusal.NEWER_FORMAT: (
        "the catalogue file was refused: it needs a newer version of OneWindow, please upgrade"
    ),
    CatalogueRefusal.NO_ACTIVE_CATALOGUE: "no catalogue has been imported yet",
    CatalogueRefusal.UNKNOWN_VERSION: "unknown catalogue version",
    CatalogueRefusal.UNKNOWN_ITEM: "unknown catalogue item",
}


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


class Situation(models.Situation):
    """A situation as stored: the file's fields and its row id."""

    situation_id: int


class Material(models.Material):
    """A material as stored: the file's fields (``situations``: the codes it applies to, empty
    for every situation of the item) and its row id."""

    material_id: int


class ItemDetail(models.Item):
    """An item as the counter needs it: the file's fields with its situations and its whole
    material checklist as stored, pinned to the catalogue version it was read under.

    告知承诺制 (国办发〔2020〕42号): ``notify_commit`` offers notify-and-commit for the materials
    flagged ``commitment``, checked afterwards within ``post_check_days`` working days (None:
    the hall's default period).
    """

    situations: tuple[Situation, ...]
    materials: tuple[Material, ...]
    item_id: int
    catalogue_version_id: int
    catalogue_version: str

    def materials_for(self, situation_code: str) -> tuple[Material, ...]:
        """The checklist of one situation, in the catalogue's order (stored materials)."""
        return cast("tuple[Material, ...]", super().materials_for(situation_code))
