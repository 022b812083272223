"""The demo catalogue (resources/catalogue/demo-catalogue.json), imported idempotently."""

from __future__ import annotations

from pathlib import Path

from clerk_app.catalogue.format import load_file
from clerk_app.catalogue.service import CatalogueService
from clerk_app.catalogue.types import ImportOutcome
from onewindow_base.db.engine import Database


def demo_catalogue_path() -> Path:
    """``resources/catalogue/demo-catalogue.json`` at the repository root, found from here."""
    return Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "demo-catalogue.json"


def seed_demo_catalogue(db: Database) -> ImportOutcome:
    """Import the demo catalogue; running it again changes nothing.

    Seeding is the system setting up a demo hall, not an operator's change: it goes to the
    store, below the role checks of ``CatalogueService.import_document``.
    """
    return CatalogueService(db).store.import_document(load_file(demo_catalogue_path()))
