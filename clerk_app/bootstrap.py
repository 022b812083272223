"""Open a hall database ready for use: engine, migrations (SQLite copied aside first)."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.engine import make_url

from clerk_app.db.engine import Database
from clerk_app.db.migrate import migrate

log = logging.getLogger(__name__)


def open_database(url: str, *, pool_size: int = 5) -> Database:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(str(parsed.database)).parent.mkdir(parents=True, exist_ok=True)
    db = Database(url, pool_size=pool_size)
    migrate(db.engine)
    return db
