"""The catalogue file format: every problem listed with its path and item code, at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.catalogue.format import dumps, load_file, loads, parse
from clerk_app.catalogue.types import CatalogueRefused, Necessity
from tests.catalogue.helpers import item, material, raw_document


def problems_of(raw: object) -> list[str]:
    with pytest.raises(CatalogueRefused) as caught:
        parse(raw)
    return [str(p) for p in caught.value.problems]


def test_a_good_document_reads_back_unchanged_after_writing() -> None:
    doc = parse(raw_document())
    assert loads(dumps(doc)) == doc
    first = doc.items[0]
    assert [m.code for m in first.materials] == ["M01", "M02", "M03"]
    assert first.materials[1].situations == ("02",)
    assert first.materials[2].necessity is Necessity.DEFERRABLE


def test_every_problem_is_listed_with_its_path_and_item_code() -> None:
    raw = raw_document()
    raw["items"][0]["materials"][1]["necessity"] = "must"
    raw["items"][0]["visits"] = 5
    raw["items"][1]["promised_limit_days"] = 30  # above the statutory 20
    raw["items"][2]["materials"][0]["situations"] = ["09"]
    raw["items"][2]["colour"] = "red"
    del raw["items"][2]["name_en"]
    found = problems_of(raw)
    assert found == [
        (
            "items[0].materials[1].necessity [item 220100000000000001]: must be one of required, "
            "optional, deferrable, not 'must'"
        ),
        "items[0].visits [item 220100000000000001]: must be between 0 and 2, not 5",
        (
            "items[1].promised_limit_days [item 220100000000000002]: the promised limit (30) "
            "exceeds the statutory limit (20)"
        ),
        "items[2].colour [item 220100000000000003]: unknown field",
        (
            "items[2].materials[0].situations[0] [item 220100000000000003]: no situation '09' "
            "in this item"
        ),
        "items[2].name_en [item 220100000000000003]: is required",
    ]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda r: r.update(format_version=0), "format_version: must be one of 1, 2, not 0"),
        (lambda r: r.update(items=[]), "items: must not be empty"),
        (lambda r: r.update(version="no spaces allowed"), "version: 'no spaces allowed' does not"),
        (
            lambda r: r["items"][1].update(code=r["items"][0]["code"]),
            "items[1].code [item 220100000000000001]: the code is also used by items[0]",
        ),
        (
            lambda r: r["items"][0].update(basic_code="short"),
            "items[0].basic_code [item 220100000000000001]: 'short' does not match",
        ),
        (
            lambda r: r["items"][0].update(handling="promised", promised_limit_days=0),
            "a promised-deadline item needs at least 1 day",
        ),
        (
            lambda r: r["items"][0]["materials"][0].update(necessity="optional"),
            "items[0].situations[0] [item 220100000000000001]: situation '01' has no required",
        ),
        (
            lambda r: r["items"][0]["materials"].append(material("M01", "重复")),
            "items[0].materials[3].code [item 220100000000000001]: material 'M01' is listed twice",
        ),
        (
            lambda r: r["items"][0].update(demo_fields=["colour"]),
            "items[0].demo_fields[0] [item 220100000000000001]: 'colour' is not a field",
        ),
        (
            lambda r: r["items"][0].update(channels=["window", "window"]),
            "items[0].channels[1] [item 220100000000000001]: 'window' is listed twice",
        ),
        (lambda r: r["items"].append("not an item"), "items[3]: must be an object, not a string"),
    ],
)
def test_each_rule_names_the_field(mutate: object, expected: str) -> None:
    raw = raw_document()
    mutate(raw)  # type: ignore[operator]
    found = problems_of(raw)
    assert any(expected in p for p in found), found


def test_a_file_that_is_not_json_is_one_clear_problem(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": "onewindow-catalogue",\n "items": [}', encoding="utf-8")
    with pytest.raises(CatalogueRefused) as caught:
        load_file(path)
    assert [str(p) for p in caught.value.problems] == [
        "(file): not valid JSON: Expecting value at line 2 column 12"
    ]
    with pytest.raises(CatalogueRefused, match="refused"):
        load_file(tmp_path / "missing.json")
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CatalogueRefused) as caught:
        load_file(path)
    assert "not UTF-8" in str(caught.value.problems[0])


def test_material_situations_follow_the_item_order() -> None:
    raw = raw_document(items=[item("220100000000000001", "食品经营许可")])
    raw["items"][0]["materials"][1]["situations"] = ["02", "01"]
    assert parse(raw).items[0].materials[1].situations == ("01", "02")


def test_the_demo_catalogue_is_valid_and_flags_its_demo_values() -> None:
    doc = load_file(demo_catalogue_path())
    assert len(doc.items) >= 40
    assert doc.note is not None and "DEMO values" in doc.note
    raw = json.loads(demo_catalogue_path().read_text(encoding="utf-8"))
    assert all(i["demo_fields"] for i in raw["items"])  # at least the invented item code
    assert all(i.sources for i in doc.items)
    for spec in doc.items:
        assert spec.name_zh and spec.name_en and spec.department_en
        assert all(m.name_en and m.name_en != m.name_zh for m in spec.materials)
