"""The database engine rules and prebuilt statements (see :mod:`onewindow_base.db.engine`)."""
