"""The demo catalogue (resources/catalogue/demo-catalogue.json), imported idempotently."""

from __future__ import annotations

from pathlib import Path

from clerk_app.catalogue.service import CatalogueService
from clerk_app.catalogue.types import ImportOutcome
from clerk_app.db.engine import Database


def demo_catalogue_path() -> Path:
    """``resources/catalogue/demo-catalogue.json`` at the repository root, found from here."""
    return Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "demo-catalogue.json"


def seed_demo_catalogue(db: Database) -> ImportOutcome:
    """Import the demo catalogue; running it again changes nothing."""
    return CatalogueService(db).import_file(demo_catalogue_path())
