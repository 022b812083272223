"""Conversions between catalogue specs, database rows and the views the service returns."""

from __future__ import annotations

import json

from clerk_app.catalogue.format import ItemSpec, MaterialSpec, SituationSpec, item_checksum
from clerk_app.catalogue.pinyin import romanise
from clerk_app.catalogue.types import (
    ApplicantKind,
    Channel,
    CheckMethod,
    ELicence,
    Fee,
    Handling,
    ItemDetail,
    ItemStatus,
    ItemSummary,
    ItemType,
    Material,
    MaterialForm,
    MaterialSource,
    Necessity,
    ResultKind,
    Situation,
)
from clerk_app.db.catalogue_models import (
    CatalogueItem,
    CatalogueMaterial,
    CatalogueVersion,
    ItemFee,
    ItemSituation,
)


def _tokens(values: tuple[str, ...]) -> str:
    return " ".join(values)


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# ---------------------------------------------------------------------------- spec -> row
def _material_row(
    spec: MaterialSpec, order: int, situations: dict[str, ItemSituation]
) -> CatalogueMaterial:
    licence = spec.e_licence
    return CatalogueMaterial(
        code=spec.code,
        sort_order=order,
        name_zh=spec.name_zh,
        name_en=spec.name_en,
        form=spec.form.value,
        copies=spec.copies,
        paper_size=spec.paper_size,
        necessity=spec.necessity.value,
        source=spec.source.value,
        e_licence_type=licence.type_code if licence else None,
        e_licence_name_zh=licence.name_zh if licence else None,
        e_licence_name_en=licence.name_en if licence else None,
        acceptance_standard=spec.acceptance_standard,
        notes=spec.notes,
        check_method=spec.check.value,
        blank_form=spec.blank_form,
        sample=spec.sample,
        legal_basis=spec.legal_basis,
        demo_fields=_tokens(spec.demo_fields),
        commitment=spec.commitment,
        situations=[situations[code] for code in spec.situations],
    )


def item_row(spec: ItemSpec) -> CatalogueItem:
    """A new item version with its situations, materials and fees, pinyin computed once."""
    pinyin, initials = romanise(spec.name_zh)
    situations = {
        s.code: ItemSituation(code=s.code, name_zh=s.name_zh, name_en=s.name_en, sort_order=n)
        for n, s in enumerate(spec.situations)
    }
    return CatalogueItem(
        code=spec.code,
        item_version=spec.version,
        content_hash=item_checksum(spec),
        basic_code=spec.basic_code,
        local_code=spec.local_code,
        status=spec.status.value,
        name_zh=spec.name_zh,
        name_en=spec.name_en,
        name_pinyin=pinyin,
        name_initials=initials,
        item_type=spec.item_type.value,
        department_zh=spec.department_zh,
        department_en=spec.department_en,
        region=spec.region,
        applicant_kinds=_tokens(tuple(k.value for k in spec.applicant_kinds)),
        statutory_limit_days=spec.statutory_limit_days,
        promised_limit_days=spec.promised_limit_days,
        handling=spec.handling.value,
        visits=spec.visits,
        channels=_tokens(tuple(c.value for c in spec.channels)),
        fee_note=spec.fee_note,
        result_name_zh=spec.result_name_zh,
        result_name_en=spec.result_name_en,
        result_kind=spec.result_kind.value,
        legal_basis=spec.legal_basis,
        sources=json.dumps(list(spec.sources), ensure_ascii=False),
        demo_fields=_tokens(spec.demo_fields),
        notify_commit=spec.notify_commit,
        post_check_days=spec.post_check_days,
        situations=list(situations.values()),
        materials=[_material_row(m, n, situations) for n, m in enumerate(spec.materials)],
        fees=[
            ItemFee(
                name_zh=f.name_zh,
                name_en=f.name_en,
                amount_fen=f.amount_fen,
                basis=f.basis,
                sort_order=n,
            )
            for n, f in enumerate(spec.fees)
        ],
    )


# ---------------------------------------------------------------------------- row -> views
def _licence(row: CatalogueMaterial) -> ELicence | None:
    if row.e_licence_type is None:
        return None
    return ELicence(row.e_licence_type, row.e_licence_name_zh or "", row.e_licence_name_en or "")


def material_view(row: CatalogueMaterial) -> Material:
    return Material(
        material_id=row.id,
        code=row.code,
        name_zh=row.name_zh,
        name_en=row.name_en,
        form=MaterialForm(row.form),
        copies=row.copies,
        paper_size=row.paper_size,
        necessity=Necessity(row.necessity),
        source=MaterialSource(row.source),
        e_licence=_licence(row),
        acceptance_standard=row.acceptance_standard,
        notes=row.notes,
        check=CheckMethod(row.check_method),
        blank_form=row.blank_form,
        sample=row.sample,
        legal_basis=row.legal_basis,
        situation_codes=tuple(s.code for s in row.situations),
        demo_fields=_split(row.demo_fields),
        commitment=row.commitment,
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
        item_id=row.id,
        catalogue_version_id=version.id,
        catalogue_version=version.label,
        code=row.code,
        basic_code=row.basic_code,
        local_code=row.local_code,
        item_version=row.item_version,
        status=ItemStatus(row.status),
        name_zh=row.name_zh,
        name_en=row.name_en,
        item_type=ItemType(row.item_type),
        department_zh=row.department_zh,
        department_en=row.department_en,
        region=row.region,
        applicant_kinds=tuple(ApplicantKind(k) for k in _split(row.applicant_kinds)),
        statutory_limit_days=row.statutory_limit_days,
        promised_limit_days=row.promised_limit_days,
        handling=Handling(row.handling),
        visits=row.visits,
        channels=tuple(Channel(c) for c in _split(row.channels)),
        fees=tuple(Fee(f.name_zh, f.name_en, f.amount_fen, f.basis) for f in row.fees),
        fee_note=row.fee_note,
        result_name_zh=row.result_name_zh,
        result_name_en=row.result_name_en,
        result_kind=ResultKind(row.result_kind),
        legal_basis=row.legal_basis,
        sources=tuple(json.loads(row.sources)),
        situations=tuple(Situation(s.id, s.code, s.name_zh, s.name_en) for s in row.situations),
        materials=tuple(material_view(m) for m in row.materials),
        demo_fields=_split(row.demo_fields),
        notify_commit=row.notify_commit,
        post_check_days=row.post_check_days,
    )


# ---------------------------------------------------------------------------- row -> spec
def _material_spec(m: Material) -> MaterialSpec:
    return MaterialSpec(
        code=m.code,
        name_zh=m.name_zh,
        name_en=m.name_en,
        form=m.form,
        copies=m.copies,
        paper_size=m.paper_size,
        necessity=m.necessity,
        source=m.source,
        e_licence=m.e_licence,
        acceptance_standard=m.acceptance_standard,
        notes=m.notes,
        check=m.check,
        blank_form=m.blank_form,
        sample=m.sample,
        legal_basis=m.legal_basis,
        situations=m.situation_codes,
        demo_fields=m.demo_fields,
        commitment=m.commitment,
    )


def spec_of(d: ItemDetail) -> ItemSpec:
    """The item as the catalogue file states it (for export)."""
    return ItemSpec(
        code=d.code,
        basic_code=d.basic_code,
        local_code=d.local_code,
        version=d.item_version,
        status=d.status,
        name_zh=d.name_zh,
        name_en=d.name_en,
        item_type=d.item_type,
        department_zh=d.department_zh,
        department_en=d.department_en,
        region=d.region,
        applicant_kinds=d.applicant_kinds,
        statutory_limit_days=d.statutory_limit_days,
        promised_limit_days=d.promised_limit_days,
        handling=d.handling,
        visits=d.visits,
        channels=d.channels,
        fees=d.fees,
        fee_note=d.fee_note,
        result_name_zh=d.result_name_zh,
        result_name_en=d.result_name_en,
        result_kind=d.result_kind,
        legal_basis=d.legal_basis,
        sources=d.sources,
        situations=tuple(
            SituationSpec(code=s.code, name_zh=s.name_zh, name_en=s.name_en) for s in d.situations
        ),
        materials=tuple(_material_spec(m) for m in d.materials),
        demo_fields=d.demo_fields,
        notify_commit=d.notify_commit,
        post_check_days=d.post_check_days,
    )
