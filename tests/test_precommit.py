"""The pre-commit configuration runs the checks `make test` runs before its tests, through the
Makefile (declared once): lint with the dead-code check, type checks and the import contracts."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _checks_before_pytest() -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^test: (.*)$", makefile, re.MULTILINE)
    assert match is not None
    return [t for t in match.group(1).split() if t in {"lint", "typecheck", "contracts"}]


def test_the_hook_runs_the_makefiles_checks() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    [hook] = repo["hooks"]
    assert repo["repo"] == "local" and hook["language"] == "system"
    entry = hook["entry"].split()
    assert entry[0] == "make" and entry[1:] == _checks_before_pytest()
    assert _checks_before_pytest() == ["lint", "typecheck", "contracts"]
