"""Database access: engine factory, typed models, migrations."""

from clerk_app.db.engine import Database, is_postgres

__all__ = ["Database", "is_postgres"]
