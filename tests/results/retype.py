"""A new catalogue version in which the tests' demo item has another type and legal basis."""

from __future__ import annotations

from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.catalogue.format import load_file
from clerk_app.catalogue.service import CatalogueService
from clerk_app.catalogue.types import ItemType
from onewindow_base.db.engine import Database
from tests.results.conftest import ITEM


def retype_item(db: Database, item_type: ItemType, basis: str | None) -> None:
    doc = load_file(demo_catalogue_path())
    items = tuple(
        i.model_copy(
            update={"item_type": item_type, "legal_basis": basis, "version": i.version + 1}
        )
        if i.code == ITEM
        else i
        for i in doc.items
    )
    label = f"{doc.version}-{item_type.value}"
    changed = doc.model_copy(update={"version": label, "items": items})
    CatalogueService(db).store.import_document(changed)
