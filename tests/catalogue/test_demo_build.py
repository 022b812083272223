"""The committed demo catalogue is exactly what the build script makes from the reference."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.catalogue.format import dumps, load_file

TOOLS = Path(__file__).resolve().parents[2] / "tools"

DEPARTMENT_WORDS = {
    "market regulation": ("市场", "食品药品"),
    "health": ("卫生",),
    "construction and planning": ("规划", "城市管理", "城管", "住房"),
    "transport": ("交通",),
    "civil affairs": ("民政",),
    "social security": ("社会保障", "社保", "就业", "医保"),
    "tax": ("税务",),
}


def test_the_demo_catalogue_spans_the_departments() -> None:
    doc = load_file(demo_catalogue_path())
    departments = " ".join(i.department_zh for i in doc.items)
    for area, words in DEPARTMENT_WORDS.items():
        assert any(w in departments for w in words), area
    assert sum(len(i.materials) for i in doc.items) >= 200
    assert sum(len(i.situations) for i in doc.items) >= 50


def test_the_build_script_reproduces_the_committed_file() -> None:
    sys.path.insert(0, str(TOOLS))
    try:
        spec = importlib.util.spec_from_file_location(
            "build_demo", TOOLS / "build_demo_catalogue.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(TOOLS))
    reference = next((p for p in module.REFERENCES if p.exists()), None)
    if reference is None:
        pytest.skip(f"the reference catalogue is not beside this checkout: {module.REFERENCES}")
    built = dumps(module.build(reference))
    assert built == demo_catalogue_path().read_text(encoding="utf-8")
