"""Autogenerate an Alembic migration against a scratch SQLite database at the current head.

    python tools/new_migration.py REVISION_ID "message"

The revision id is given (ids like ``0011_something`` read in order); review the file it writes.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from clerk_app.db import migrate


def main() -> int:
    revision, message = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'scratch.sqlite3'}"
        cfg = migrate._config()
        engine = create_engine(url)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message=message, autogenerate=True, rev_id=revision)
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
