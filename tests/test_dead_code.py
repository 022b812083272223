"""No dead code: ``make lint`` runs vulture (configured in pyproject.toml, framework-reached
names in tools/vulture_whitelist.py) and it finds nothing unused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_make_lint_checks_for_dead_code() -> None:
    recipe = subprocess.run(
        ["make", "-s", "-n", "lint"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert any(line.strip().endswith("/vulture") for line in recipe.splitlines()), recipe


def test_nothing_is_left_unused() -> None:
    found = subprocess.run(
        [sys.executable, "-m", "vulture"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert (found.returncode, found.stdout) == (0, ""), found.stdout + found.stderr
