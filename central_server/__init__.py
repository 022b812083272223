"""The reference central approval server that counters sync with (FastAPI + SQLAlchemy)."""

import importlib.metadata

# The distribution's version (pyproject.toml's [project] version), shared with the counter app.
__version__ = importlib.metadata.version("onewindow")
