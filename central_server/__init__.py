"""The reference central approval server that counters sync with (FastAPI + SQLAlchemy)."""

__version__ = "0.1.0"
