"""The documents the code cites live in this repository's docs/: every ``docs/NAME`` a source
file, test or document names exists, and nothing cites the team's shared notes (DOMAIN.md,
QUEUE.md, SYNC.md, HARDWARE.md, STYLE.md, ../shared), which a checkout does not have."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITED = re.compile(r"(?<![\w/.-])docs/([\w.-]+\.(?:md|json))")
SHARED = re.compile(r"(?<![\w/-])(?:DOMAIN|QUEUE|SYNC|HARDWARE|STYLE)\.md|\.\./shared/docs")
THIS_FILE = "tests/test_docs_references.py"  # names them to forbid them


def _sources() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "*.py", "*.md", "*.spec", "*.toml", "Makefile"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [name for name in listed if name != "CHANGELOG.md"]


def test_every_cited_document_exists() -> None:
    missing = sorted(
        {
            f"{name}: docs/{cited}"
            for name in _sources()
            for cited in CITED.findall((ROOT / name).read_text(encoding="utf-8"))
            if not (ROOT / "docs" / cited).is_file()
        }
    )
    assert missing == []


def test_nothing_cites_the_shared_notes() -> None:
    citing = sorted(
        name
        for name in _sources()
        if name != THIS_FILE and SHARED.search((ROOT / name).read_text(encoding="utf-8"))
    )
    assert citing == []
