"""No module imports another module's private name (``from x import _y``): a name shared
between modules is part of an interface and named as one (the outbox once imported the intake
service's private ``_Visit``)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "clerk_app", "ui", "printing", "central_server", "onewindow_protocol", "onewindow_base",
)  # fmt: skip


def test_no_module_imports_a_private_name() -> None:
    found = [
        f"{path.relative_to(ROOT)}: from {node.module} import {alias.name}"
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]
    assert found == []
