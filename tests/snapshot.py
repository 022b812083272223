"""A whole-database snapshot, to prove that a refused operation changed nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from clerk_app.db.models import Base
from onewindow_base.db.engine import Database


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with db.read() as session:
        result = {}
        for table in Base.metadata.sorted_tables:
            rows = session.execute(select(table)).all()
            result[table.name] = sorted((tuple(r) for r in rows), key=repr)
        return result
