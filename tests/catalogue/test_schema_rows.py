"""The database rows hold every field of the catalogue models: an item with every field set
comes back from both databases exactly as imported, and its checksum with it. A field added
to the models but not to the rows fails here (the fixture must set every field)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clerk_app.accounts.authz import HostOperator
from clerk_app.catalogue.format import document_checksum, item_checksum
from clerk_app.catalogue.service import CatalogueService
from onewindow_base.db.engine import Database
from onewindow_protocol.catalogue.models import FileObject, Item, Material
from tests.catalogue.helpers import document, item, material

HOST = HostOperator("test")
CODE = "220100000000000001"

EVERYTHING = item(
    CODE,
    "食品经营许可",
    local_code="SCJG-01",
    region="长春市南关区",
    fees=[{"name_zh": "工本费", "name_en": "Fee", "amount_fen": 1000, "basis": "收费文件"}],
    fee_note="按件收费",
    legal_basis="《中华人民共和国食品安全法》第三十五条",
    sources=["https://example.gov.cn/guide/1"],
    demo_fields=["region"],
    notify_commit=True,
    post_check_days=15,
    materials=[
        material("M01", "申请书"),
        material(
            "M02",
            "营业执照",
            form="copy",
            copies=2,
            paper_size="A4",
            source="government",
            e_licence={"type": "CN.BUSINESS_LICENCE", "name_zh": "营业执照", "name_en": "BL"},
            acceptance_standard="复印件清晰",
            notes="加盖公章",
            check="check_original_keep_copy",
            blank_form="form.pdf",
            sample="sample.pdf",
            legal_basis="《条例》第五条",
            situations=["02"],
            demo_fields=["copies"],
            commitment=True,
        ),
    ],
)


def unset_fields(model: FileObject) -> list[str]:
    return [
        name
        for name, field in type(model).model_fields.items()
        if not field.is_required() and getattr(model, name) == field.default
    ]


@pytest.fixture
def empty_db(empty_db_url: str) -> Iterator[Database]:
    database = Database(empty_db_url)
    yield database
    database.dispose()


def test_every_field_of_the_models_round_trips_through_the_rows(empty_db: Database) -> None:
    original = document(items=[EVERYTHING])
    spec = original.items[0]
    assert isinstance(spec, Item) and unset_fields(spec) == []
    assert [name for m in spec.materials[1:] for name in unset_fields(m)] == []
    assert isinstance(spec.materials[1], Material)
    service = CatalogueService(empty_db)
    outcome = service.import_document(original, by=HOST)
    exported = service.export_document()
    assert exported == original
    assert document_checksum(exported) == outcome.version.checksum
    assert item_checksum(exported.items[0]) == item_checksum(spec)
    detail = service.item_by_code(CODE)
    assert detail.materials[1].e_licence is not None
    assert detail.materials[1].e_licence.type_code == "CN.BUSINESS_LICENCE"
    assert [m.code for m in detail.materials_for("01")] == ["M01"]
