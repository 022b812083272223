"""A new catalogue version in which the tests' demo item has another type and legal basis."""

from __future__ import annotations

import dataclasses

from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.catalogue.format import load_file
from clerk_app.catalogue.service import CatalogueService
from clerk_app.catalogue.types import ItemType
from clerk_app.db.engine import Database
from tests.results.conftest import ITEM


def retype_item(db: Database, item_type: ItemType, basis: str | None) -> None:
    doc = load_file(demo_catalogue_path())
    items = tuple(
        dataclasses.replace(i, item_type=item_type, legal_basis=basis, version=i.version + 1)
        if i.code == ITEM
        else i
        for i in doc.items
    )
    label = f"{doc.version}-{item_type.value}"
    CatalogueService(db).store.import_document(dataclasses.replace(doc, version=label, items=items))
