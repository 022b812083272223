"""Database access: typed models and migrations (the engine rules are onewindow_base.db).

Every model module is imported here, so wherever a model is used ``Base.metadata`` holds every
table (migrations, the encrypted columns' declarations, relationships by name); the model
modules import only ``clerk_app.db.models`` (its ``Base``), never each other in a circle.
"""

from clerk_app.db import (
    audit_models,  # noqa: F401 - the audit chain
    calendar_models,  # noqa: F401 - the hall calendar
    catalogue_models,  # noqa: F401 - the installed catalogue
    fees_models,  # noqa: F401 - payments and mailing of cases
    intake_models,  # noqa: F401 - registers the intake tables on Base
    notify_models,  # noqa: F401 - the text-message opt-ins
    numbering_models,  # noqa: F401 - the papers' number book
    printing_models,  # noqa: F401 - print jobs
    results_models,  # noqa: F401 - handovers, ratings, follow-ups
    screens_models,  # noqa: F401 - completes Base.metadata
    security_models,  # noqa: F401 - password history, security settings
    signature_models,  # noqa: F401 - signatures taken on a pad
    sync_models,  # noqa: F401 - the outbox and the sync state
)
