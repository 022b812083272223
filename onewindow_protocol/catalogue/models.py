"""The catalogue file as frozen models: the one description of its fields, shared by the
counter (import, export, validation, its database rows) and the central server (publish).

Field names are the file's keys (``item_type`` and an e-licence's ``type_code`` are written
``type``); fields are declared in the order the file lists them. Rules across fields are
checked once the fields they read are valid. Serialised, a model drops what is absent (``None``)
and flags that are off, and keeps lists even when empty: that spelling is the file's and the
input of the checksums (:mod:`onewindow_protocol.catalogue.codec`), unchanged since format 1.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)

from onewindow_protocol.catalogue.fields import (
    LABEL_MAX,
    LIMIT_DAYS_MAX,
    MATERIAL_EN_MAX,
    MATERIAL_ZH_MAX,
    NAME_EN_MAX,
    NAME_ZH_MAX,
    REF_MAX,
    SOURCE_MAX,
    TEXT_MAX,
    Loc,
    choice,
    choices,
    flag,
    objects,
    refuse,
    text,
    texts,
    whole,
)
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

FORMAT_NAME = "onewindow-catalogue"
# 1: the first format. 2: items gained notify_commit and post_check_days, materials commitment
# (legal_basis was in 1 already). A version 1 file is read as version 2 (and written back as
# 2): the fields 2 added are optional, and this program's releases before 2 wrote them under 1.
FORMAT_VERSION = 2
FORMAT_VERSIONS = (1, 2)

LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+-]*")
ITEM_CODE = re.compile(r"[0-9A-Z]{1,36}")
BASIC_CODE = re.compile(r"[0-9A-Z]{12}")
LOCAL_CODE = re.compile(r"[0-9A-Za-z._-]{1,64}")
PART_CODE = re.compile(r"[0-9A-Za-z_.-]{1,32}")
LICENCE_TYPE = re.compile(r"[0-9A-Za-z_.-]{1,64}")
PAPER_SIZE = re.compile(r"A3|A4|A5")

NameZh = Annotated[str, text(NAME_ZH_MAX)]
NameEn = Annotated[str, text(NAME_EN_MAX)]
Note = Annotated[str | None, text(TEXT_MAX, required=False)]
Reference = Annotated[str | None, text(REF_MAX, required=False)]
PartCode = Annotated[str, text(32, PART_CODE)]
DemoFields = Annotated[tuple[str, ...], texts(64)]
Flag = Annotated[bool, flag()]


class FileObject(BaseModel):
    """An object of the catalogue file: frozen, unknown keys refused, spelt as the file."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", validate_by_name=True, serialize_by_alias=True
    )

    @model_serializer(mode="wrap")
    def _as_written(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {k: v for k, v in data.items() if v is not None and v is not False}

    @classmethod
    def file_keys(cls) -> frozenset[str]:
        """The keys this object has in the file."""
        return frozenset(f.serialization_alias or name for name, f in cls.model_fields.items())


def _check_demo_fields(model: type[FileObject], names: tuple[str, ...]) -> list[tuple[Loc, str]]:
    allowed = model.file_keys() - {"demo_fields"}
    return [
        (("demo_fields", index), f"{name!r} is not a field of this object")
        for index, name in enumerate(names)
        if name not in allowed
    ]


class Situation(FileObject):
    """情形: a case of an item with its own checklist."""

    code: PartCode
    name_zh: NameZh
    name_en: NameEn


class ELicence(FileObject):
    """The e-licence type (电子证照) that can stand in for a material (免提交)."""

    type_code: Annotated[str, text(64, LICENCE_TYPE)] = Field(
        validation_alias="type", serialization_alias="type"
    )
    name_zh: NameZh
    name_en: NameEn


class Fee(FileObject):
    name_zh: NameZh
    name_en: NameEn
    # None: depends on the case (see the item's fee note)
    amount_fen: Annotated[int | None, whole(0, 100_000_000_00, required=False)] = None
    basis: Note = None  # 收费依据
    # The situations charged (codes); absent: every situation of the item.
    situations: Annotated[tuple[str, ...] | None, texts(32)] = None

    @field_validator("situations", mode="after")
    @classmethod
    def _every_situation(cls, situations: tuple[str, ...] | None) -> tuple[str, ...] | None:
        """An empty list is every situation, written as no list (one form, one checksum)."""
        return situations or None

    def applies_to(self, situation_code: str) -> bool:
        return not self.situations or situation_code in self.situations


class Result(FileObject):
    name_zh: NameZh
    name_en: NameEn
    kind: Annotated[ResultKind, choice(ResultKind)]


class Material(FileObject):
    """申请材料: one line of an item's checklist."""

    code: PartCode
    name_zh: Annotated[str, text(MATERIAL_ZH_MAX)]
    name_en: Annotated[str, text(MATERIAL_EN_MAX)]
    form: Annotated[MaterialForm, choice(MaterialForm)]
    copies: Annotated[int, whole(1, 99)]
    paper_size: Annotated[str | None, text(8, PAPER_SIZE, required=False)] = None
    necessity: Annotated[Necessity, choice(Necessity)]
    source: Annotated[MaterialSource, choice(MaterialSource)]
    e_licence: ELicence | None = None
    acceptance_standard: Note = None  # 受理标准: what the clerk checks
    notes: Note = None
    check: Annotated[CheckMethod, choice(CheckMethod)]
    blank_form: Reference = None
    sample: Reference = None
    legal_basis: Note = None
    situations: Annotated[tuple[str, ...], texts(32)] = ()  # codes; empty: every situation
    demo_fields: DemoFields = ()  # fields holding invented demo values, not published ones
    commitment: Flag = False  # 告知承诺: a signed commitment may stand in for it

    def applies_to(self, situation_code: str) -> bool:
        return not self.situations or situation_code in self.situations

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _check_demo_fields(Material, self.demo_fields)
        if self.commitment and self.necessity is Necessity.OPTIONAL:
            problems.insert(0, (("commitment",), "an optional material needs no commitment"))
        if problems:
            refuse(problems)
        return self


class Item(FileObject):
    """政务服务事项: one item version; ``(code, version)`` never changes content."""

    code: Annotated[str, text(36, ITEM_CODE)]  # 实施编码
    basic_code: Annotated[str, text(12, BASIC_CODE)]  # 基本编码
    local_code: Annotated[str | None, text(64, LOCAL_CODE, required=False)] = None
    version: Annotated[int, whole(1, 1_000_000)]
    status: Annotated[ItemStatus, choice(ItemStatus)]
    name_zh: NameZh
    name_en: NameEn
    item_type: Annotated[ItemType, choice(ItemType)] = Field(
        validation_alias="type", serialization_alias="type"
    )
    department_zh: NameZh
    department_en: NameEn
    region: Annotated[str | None, text(NAME_ZH_MAX, required=False)] = None
    applicant_kinds: Annotated[tuple[ApplicantKind, ...], choices(ApplicantKind, non_empty=True)]
    statutory_limit_days: Annotated[int | None, whole(1, LIMIT_DAYS_MAX, required=False)] = None
    promised_limit_days: Annotated[int, whole(0, LIMIT_DAYS_MAX)]
    handling: Annotated[Handling, choice(Handling)]
    visits: Annotated[int, whole(0, 2)]
    channels: Annotated[tuple[Channel, ...], choices(Channel, non_empty=True)]
    fees: Annotated[tuple[Fee, ...], objects(non_empty=False)]  # empty: free of charge
    fee_note: Note = None
    result: Result
    legal_basis: Note = None  # 设定依据
    sources: Annotated[tuple[str, ...], texts(REF_MAX)] = ()
    situations: Annotated[tuple[Situation, ...], objects(non_empty=True)]
    materials: Annotated[tuple[Material, ...], objects(non_empty=True)]
    demo_fields: DemoFields = ()
    notify_commit: Flag = False  # 告知承诺制 offered for the materials flagged ``commitment``
    post_check_days: Annotated[int | None, whole(1, LIMIT_DAYS_MAX, required=False)] = None

    @property
    def once_and_for_all(self) -> bool:
        """最多跑一次: at most one visit to the hall."""
        return self.visits <= 1

    @field_validator("situations", mode="after")
    @classmethod
    def _situations_once(cls, situations: tuple[Situation, ...]) -> tuple[Situation, ...]:
        codes = [s.code for s in situations]
        twice = [
            ((index, "code"), f"situation {code!r} is listed twice")
            for index, code in enumerate(codes)
            if code in codes[:index]
        ]
        if twice:
            refuse(twice)
        return situations

    @field_validator("materials", mode="after")
    @classmethod
    def _materials_name_situations(
        cls, materials: tuple[Material, ...], info: ValidationInfo
    ) -> tuple[Material, ...]:
        """A material names situations of its item; kept in the item's order."""
        situations: tuple[Situation, ...] | None = info.data.get("situations")
        if situations is None:
            return materials  # refused already
        codes = [s.code for s in situations]
        problems: list[tuple[Loc, str]] = [
            ((index, "situations", at), f"no situation {code!r} in this item")
            for index, m in enumerate(materials)
            for at, code in enumerate(m.situations)
            if code not in codes
        ]
        if problems:
            refuse(problems)
        return tuple(
            m.model_copy(update={"situations": tuple(c for c in codes if c in m.situations)})
            for m in materials
        )

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = [*self._limit_problems(), *self._material_problems()]
        problems += self._commitment_problems() + _check_demo_fields(Item, self.demo_fields)
        problems += self._fee_problems()
        if problems:
            refuse(problems)
        return self

    def _limit_problems(self) -> list[tuple[Loc, str]]:
        statutory, promised = self.statutory_limit_days, self.promised_limit_days
        if statutory is not None and promised > statutory:
            message = f"the promised limit ({promised}) exceeds the statutory limit ({statutory})"
            return [(("promised_limit_days",), message)]
        if self.handling is Handling.PROMISED and promised < 1:
            return [(("promised_limit_days",), "a promised-deadline item needs at least 1 day")]
        return []

    def _material_problems(self) -> list[tuple[Loc, str]]:
        codes = [m.code for m in self.materials]
        problems: list[tuple[Loc, str]] = [
            (("materials", index, "code"), f"material {code!r} is listed twice")
            for index, code in enumerate(codes)
            if code in codes[:index]
        ]
        for index, situation in enumerate(self.situations):
            if not any(
                m.necessity is Necessity.REQUIRED and m.applies_to(situation.code)
                for m in self.materials
            ):
                message = f"situation {situation.code!r} has no required material"
                problems.append((("situations", index), message))
        return problems

    def _commitment_problems(self) -> list[tuple[Loc, str]]:
        """告知承诺制: flagged materials only in an item that offers it, and such an item flags
        at least one; a post-check period only where there is something to check."""
        flagged = [i for i, m in enumerate(self.materials) if m.commitment]
        if self.notify_commit:
            if flagged:
                return []
            return [(("notify_commit",), "no material of the item is flagged commitment")]
        problems: list[tuple[Loc, str]] = [
            (
                ("materials", index, "commitment"),
                "the item does not offer notify-and-commit (notify_commit)",
            )
            for index in flagged
        ]
        if self.post_check_days is not None:
            problems.append((("post_check_days",), "only an item with notify_commit has one"))
        return problems

    def _fee_problems(self) -> list[tuple[Loc, str]]:
        codes = {s.code for s in self.situations}
        return [
            (("fees", index, "situations", at), f"no situation {code!r} in this item")
            for index, fee in enumerate(self.fees)
            for at, code in enumerate(fee.situations or ())
            if code not in codes
        ]

    def materials_for(self, situation_code: str) -> tuple[Material, ...]:
        """The checklist of one situation, in the catalogue's order."""
        if situation_code not in {s.code for s in self.situations}:
            raise KeyError(situation_code)
        return tuple(m for m in self.materials if m.applies_to(situation_code))


class CatalogueDocument(FileObject):
    """A whole catalogue file: one catalogue version (its label is immutable once imported)."""

    format: Annotated[str, text(64)] = FORMAT_NAME
    format_version: Annotated[int, whole(FORMAT_VERSIONS[0], FORMAT_VERSION)] = FORMAT_VERSION
    version: Annotated[str, text(LABEL_MAX, LABEL)]
    source: Annotated[str, text(SOURCE_MAX)]
    note: Note = None
    items: Annotated[tuple[Item, ...], objects(non_empty=True)]

    @field_validator("format", mode="after")
    @classmethod
    def _our_format(cls, value: str) -> str:
        if value != FORMAT_NAME:
            refuse([((), f"must be {FORMAT_NAME!r}")])
        return value

    @field_validator("format_version", mode="after")
    @classmethod
    def _read_as_current(cls, _value: int) -> int:
        return FORMAT_VERSION  # every version read is one the current rules read (see above)

    @field_validator("items", mode="after")
    @classmethod
    def _codes_once(cls, items: tuple[Item, ...]) -> tuple[Item, ...]:
        first: dict[str, int] = {}
        problems: list[tuple[Loc, str]] = []
        for index, item in enumerate(items):
            if item.code in first:
                problems.append(
                    ((index, "code"), f"the code is also used by items[{first[item.code]}]")
                )
            first.setdefault(item.code, index)
        if problems:
            refuse(problems)
        return items
