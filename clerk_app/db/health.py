"""``maintenance check``: is the hall database sound? Read only; nothing is repaired.

SQLite: ``PRAGMA integrity_check`` (every page, index, NOT NULL and CHECK constraint),
``PRAGMA foreign_key_check`` and the schema revision. PostgreSQL checks its pages itself (WAL,
checksums when enabled) and enforces foreign keys, so its equivalent is: the server answers,
the schema is at the app's revision, no row breaks a foreign key the models declare (possible
only after a restore or a load that disabled triggers), no constraint left ``NOT VALID`` and no
index left invalid by an interrupted ``CREATE INDEX CONCURRENTLY``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Table, and_, func, select, text
from sqlalchemy.exc import SQLAlchemyError

from clerk_app.db.migrate import head_revision, revision_on
from clerk_app.db.models import Base
from clerk_app.db.sqlite_file import connect_existing, file_problems
from onewindow_base.db.engine import Database, normalise_url

SQLITE_CHECKS = ("integrity_check", "foreign_key_check", "schema revision")
POSTGRES_CHECKS = (
    "connection",
    "schema revision",
    "foreign keys",
    "constraints validated",
    "indexes valid",
)
_NOT_VALIDATED = text(
    "SELECT conrelid::regclass::text, conname FROM pg_constraint c "
    "JOIN pg_namespace n ON n.oid = c.connamespace "
    "WHERE NOT convalidated AND n.nspname = current_schema()"
)
_INVALID_INDEXES = text(
    "SELECT indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE NOT (indisvalid AND indisready) AND n.nspname = current_schema()"
)


@dataclass(frozen=True, slots=True)
class HealthReport:
    database: str  # the file, or the URL without its password
    checks: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def sound(self) -> bool:
        return not self.problems


def _revision_problem(revision: str | None) -> list[str]:
    head = head_revision()
    if revision == head:
        return []
    return [f"schema revision {revision or 'none'}, the app expects {head} (clerk-app migrate)"]


def check_sqlite(path: Path) -> HealthReport:
    problems = file_problems(path)
    if not problems:
        problems += _revision_problem(sqlite_revision(path))
    return HealthReport(str(path), SQLITE_CHECKS, tuple(problems))


def sqlite_revision(path: Path) -> str | None:
    """The schema revision of a sound SQLite file, read without an engine."""
    with connect_existing(path) as conn:
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchall():
            return None
        found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    return str(found[0][0]) if found else None


def check_postgres(url: str) -> HealthReport:
    shown = normalise_url(url)
    db = Database(url, pool_size=1)
    try:
        shown = db.engine.url.render_as_string(hide_password=True)
        with db.engine.connect() as conn:
            problems = _revision_problem(revision_on(conn))
            problems += orphans(conn)
            problems += [
                f"constraint {c} on {t} is NOT VALID" for t, c in conn.execute(_NOT_VALIDATED)
            ]
            problems += [
                f"index {i} is invalid (rebuild it: REINDEX)"
                for (i,) in conn.execute(_INVALID_INDEXES)
            ]
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines() or ["no answer"]
        problems = [f"cannot check the database: {reason[0]}"]
    finally:
        db.dispose()
    return HealthReport(shown, POSTGRES_CHECKS, tuple(problems))


def orphans(conn: Connection) -> list[str]:
    """Rows whose foreign key names no row, for every foreign key the models declare."""
    found = []
    for table in Base.metadata.sorted_tables:
        for constraint in table.foreign_key_constraints:
            referred = constraint.referred_table
            assert isinstance(referred, Table)
            parent = referred.alias()
            pairs = [(el.parent, parent.c[el.column.name]) for el in constraint.elements]
            match = select(1).select_from(parent).where(and_(*(p == c for c, p in pairs)))
            count = conn.scalar(
                select(func.count())
                .select_from(table)
                .where(*(c.is_not(None) for c, _ in pairs), ~match.exists())
            )
            if count:
                columns = ", ".join(c.name for c, _ in pairs)
                found.append(
                    f"foreign key: {count} row(s) of {table.name} ({columns}) name a missing "
                    f"{referred.name}"
                )
    return found
