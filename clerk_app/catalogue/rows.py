"""Conversions between the catalogue file's models, database rows and the views returned.

A row's columns are named as the file's fields, so both directions are built from the model
fields; the few things the rows store otherwise are listed here, and only here.
"""

from __future__ import annotations

import enum
import functools
import json
from typing import Any

from sqlalchemy import inspect

from clerk_app.catalogue.pinyin import romanise
from clerk_app.catalogue.types import (
    Handling,
    ItemDetail,
    ItemStatus,
    ItemSummary,
    ItemType,
    Material,
    Situation,
)
from clerk_app.db.catalogue_models import (
    CatalogueItem,
    CatalogueMaterial,
    CatalogueVersion,
    ItemFee,
    ItemSituation,
)
from clerk_app.db.models import Base
from onewindow_protocol.catalogue import models
from onewindow_protocol.catalogue.codec import item_checksum

# What the rows store otherwise than the file: a field under another column name, lists of
# tokens space-separated (sources are free text: a JSON list), a nested object in columns.
_RENAMED = {"version": "item_version", "check": "check_method"}
# (``situations`` is a column of a fee only: a material's are rows of their own.)
_TOKEN_LISTS = frozenset({"applicant_kinds", "channels", "demo_fields", "situations"})
_JSON_LISTS = frozenset({"sources"})
_LICENCE = {"type_code": "e_licence_type", "name_zh": "e_licence_name_zh"}
_LICENCE |= {"name_en": "e_licence_name_en"}
_RESULT = {"name_zh": "result_name_zh", "name_en": "result_name_en", "kind": "result_kind"}


@functools.cache
def _columns(table: type[Base]) -> frozenset[str]:
    return frozenset(inspect(table).columns.keys())


def _stored(name: str, value: object) -> object:
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return value.value
    if name in _JSON_LISTS:
        return json.dumps(list(value), ensure_ascii=False)  # type: ignore[call-overload]
    if name in _TOKEN_LISTS:
        return " ".join(str(getattr(v, "value", v)) for v in value)  # type: ignore[attr-defined]
    return value


def _read(name: str, value: object) -> object:
    if value is None:
        return None
    if name in _JSON_LISTS:
        return tuple(json.loads(str(value)))
    if name in _TOKEN_LISTS:
        return tuple(str(value).split())
    return value


def _to_columns(spec: models.FileObject, table: type[Base]) -> dict[str, Any]:
    """The spec's fields that are columns of ``table``, as the columns hold them."""
    columns = _columns(table)
    values: dict[str, Any] = {}
    for name in type(spec).model_fields:
        column = _RENAMED.get(name, name)
        if column in columns:
            values[column] = _stored(name, getattr(spec, name))
    return values


def _from_columns(row: Base, model: type[models.FileObject]) -> dict[str, Any]:
    """The model's fields that ``row`` has as columns, read back."""
    columns = _columns(type(row))
    values: dict[str, Any] = {}
    for name in model.model_fields:
        column = _RENAMED.get(name, name)
        if column in columns:
            values[name] = _read(name, getattr(row, column))
    return values


def _nested(values: object, mapping: dict[str, str]) -> dict[str, Any]:
    return {column: getattr(values, field) for field, column in mapping.items()}


# ---------------------------------------------------------------------------- spec -> row
def _material_row(
    spec: models.Material, order: int, situations: dict[str, ItemSituation]
) -> CatalogueMaterial:
    licence = spec.e_licence
    return CatalogueMaterial(
        **_to_columns(spec, CatalogueMaterial),
        **(dict.fromkeys(_LICENCE.values()) if licence is None else _nested(licence, _LICENCE)),
        sort_order=order,
        situations=[situations[code] for code in spec.situations],
    )


def item_row(spec: models.Item) -> CatalogueItem:
    """A new item version with its situations, materials and fees, pinyin computed once."""
    pinyin, initials = romanise(spec.name_zh)
    situations = {
        s.code: ItemSituation(**_to_columns(s, ItemSituation), sort_order=n)
        for n, s in enumerate(spec.situations)
    }
    result = {column: _stored(column, v) for column, v in _nested(spec.result, _RESULT).items()}
    return CatalogueItem(
        **_to_columns(spec, CatalogueItem),
        **result,
        content_hash=item_checksum(spec),
        name_pinyin=pinyin,
        name_initials=initials,
        situations=list(situations.values()),
        materials=[_material_row(m, n, situations) for n, m in enumerate(spec.materials)],
        fees=[ItemFee(**_to_columns(f, ItemFee), sort_order=n) for n, f in enumerate(spec.fees)],
    )


# ---------------------------------------------------------------------------- row -> views
def _licence(row: CatalogueMaterial) -> models.ELicence | None:
    if row.e_licence_type is None:
        return None
    return models.ELicence(**{field: getattr(row, c) for field, c in _LICENCE.items()})


def material_view(row: CatalogueMaterial) -> Material:
    return Material(
        **_from_columns(row, models.Material),
        e_licence=_licence(row),
        situations=tuple(s.code for s in row.situations),
        material_id=row.id,
    )


def summary_view(row: CatalogueItem) -> ItemSummary:
    return ItemSummary(
        item_id=row.id,
        code=row.code,
        basic_code=row.basic_code,
        item_version=row.item_version,
        name_zh=row.name_zh,
        name_en=row.name_en,
        item_type=ItemType(row.item_type),
        department_zh=row.department_zh,
        department_en=row.department_en,
        handling=Handling(row.handling),
        promised_limit_days=row.promised_limit_days,
        visits=row.visits,
        status=ItemStatus(row.status),
    )


def detail_view(row: CatalogueItem, version: CatalogueVersion) -> ItemDetail:
    return ItemDetail(
        **_from_columns(row, models.Item),
        result=models.Result(**{field: getattr(row, c) for field, c in _RESULT.items()}),
        fees=tuple(models.Fee(**_from_columns(f, models.Fee)) for f in row.fees),
        situations=tuple(
            Situation(**_from_columns(s, models.Situation), situation_id=s.id)
            for s in row.situations
        ),
        materials=tuple(material_view(m) for m in row.materials),
        item_id=row.id,
        catalogue_version_id=version.id,
        catalogue_version=version.label,
    )


# ---------------------------------------------------------------------------- views -> spec
_VIEW_ONLY: Any = {
    "item_id": True,
    "catalogue_version_id": True,
    "catalogue_version": True,
    "situations": {"__all__": {"situation_id"}},
    "materials": {"__all__": {"material_id"}},
}


def spec_of(detail: ItemDetail) -> models.Item:
    """The item as the catalogue file states it (for export)."""
    return models.Item.model_validate(detail.model_dump(exclude=_VIEW_ONLY), by_name=False)
