"""Database access: engine factory, typed models, migrations."""

from clerk_app.db import screens_models  # noqa: F401 - completes Base.metadata
from clerk_app.db.engine import Database, is_postgres

__all__ = ["Database", "is_postgres"]
