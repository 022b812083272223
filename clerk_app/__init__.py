"""OneWindow core: models, services and the command line. Never imports Qt."""

import importlib.metadata

# Written once, in pyproject.toml's [project] version; read from the installed distribution.
__version__ = importlib.metadata.version("onewindow")
