"""Database access: engine factory, typed models, migrations."""

from clerk_app.db import (
    calendar_models,  # noqa: F401 - the hall calendar
    intake_models,  # noqa: F401 - registers the intake tables on Base
    numbering_models,  # noqa: F401 - the papers' number book
    results_models,  # noqa: F401 - handovers, ratings, follow-ups
    screens_models,  # noqa: F401 - completes Base.metadata
)
from onewindow_base.db.engine import Database, is_postgres

__all__ = ["Database", "is_postgres"]
