"""Moving a central database to a schema revision, for the migration tests."""

from __future__ import annotations

from alembic import command

from central_server.db import _config
from onewindow_base.crypto.keys import KeyRing
from onewindow_base.db.engine import Database


def migrate_to(
    db: Database, revision: str, *, ring: KeyRing | None = None, down: bool = False
) -> None:
    """Up (or ``down``) to ``revision`` in one transaction; ``ring``: the server's key ring,
    for the migrations that encrypt stored personal data."""
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        cfg.attributes["ring"] = ring
        (command.downgrade if down else command.upgrade)(cfg, revision)
