"""Alembic migrations of the hall database (run by ``clerk_app.db.migrate``)."""
