"""The environment of an app process a test starts: the offscreen Qt platform, and home,
config, data and state folders of its own under ``tmp_path`` (nothing of the developer's)."""

from __future__ import annotations

import os
from pathlib import Path


def isolated_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONEWINDOW_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        ONEWINDOW_CONFIG=str(tmp_path / "none.toml"),
        **extra,
    )
    return env
