"""The history of the catalogue version in force (migration 0021): started from each version's
latest activation when a hall upgrades, then one row per activation, on both databases."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text

from clerk_app.db.migrate import _config

BEFORE = "0014_callable_index"
VERSION = (
    "INSERT INTO catalogue_version (label, source, checksum, item_count, imported_ms, "
    "activated_ms, active) VALUES (:label, 's', 'c', 0, 1, :at, :active)"
)


def test_upgrading_starts_the_history_from_each_versions_last_activation(
    empty_db_url: str,
) -> None:
    cfg = _config()
    engine = create_engine(empty_db_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, BEFORE)
        conn.execute(text(VERSION), {"label": "old", "at": 1_000, "active": False})
        conn.execute(text(VERSION), {"label": "never", "at": None, "active": False})
        conn.execute(text(VERSION), {"label": "now", "at": 2_000, "active": True})
        command.upgrade(cfg, "head")
        rows = conn.execute(
            text(
                "SELECT v.label, a.activated_ms FROM catalogue_activation a "
                "JOIN catalogue_version v ON v.id = a.version_id ORDER BY a.id"
            )
        ).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [("old", 1_000), ("now", 2_000)]
