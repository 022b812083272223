"""告知承诺制 in the catalogue file and store: per-item and per-material flags, checked, kept
through import and export on both databases, and absent flags leave an item's hash as it was."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from clerk_app.accounts.authz import HostOperator
from clerk_app.catalogue.format import item_checksum, item_json
from clerk_app.catalogue.service import CatalogueService
from clerk_app.catalogue.types import CatalogueRefused
from onewindow_base.db.engine import Database
from tests.catalogue.helpers import document, item, material

HOST = HostOperator("test")
CODE = "220100000000000001"


def committing(**extra: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "notify_commit": True,
        "post_check_days": 15,
        "materials": [
            material("M01", "申请书"),
            material("M02", "经营场所使用证明", commitment=True),
            material("M03", "健康证明", necessity="deferrable"),
        ],
    }
    return item(CODE, "食品经营许可", **{**fields, **extra})


@pytest.fixture
def empty_db(empty_db_url: str) -> Iterator[Database]:
    database = Database(empty_db_url)
    yield database
    database.dispose()


def test_the_flags_round_trip_through_the_store(empty_db: Database) -> None:
    service = CatalogueService(empty_db)
    original = document(items=[committing()])
    service.import_document(original, by=HOST)
    stored = service.item_by_code(CODE)
    assert (stored.notify_commit, stored.post_check_days) == (True, 15)
    assert [m.code for m in stored.materials if m.commitment] == ["M02"]
    assert service.store.export_document() == original


def test_an_item_without_the_flags_keeps_its_hash() -> None:
    plain = document(items=[item(CODE, "食品经营许可")]).items[0]
    body = item_json(plain)
    assert "notify_commit" not in body and "post_check_days" not in body
    assert all("commitment" not in m for m in body["materials"])
    assert item_checksum(plain) != item_checksum(document(items=[committing()]).items[0])


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        ({"notify_commit": None}, "materials[1].commitment", "does not offer"),
        ({"notify_commit": "yes"}, "notify_commit", "true or false"),
        ({"notify_commit": None, "post_check_days": 10}, "post_check_days", "only an item"),
        ({"post_check_days": 0}, "post_check_days", "between 1"),
    ],
)
def test_inconsistent_flags_are_refused(change: dict[str, object], path: str, message: str) -> None:
    raw = {**committing(), **change}
    if change.get("notify_commit", True) is None:
        del raw["notify_commit"]
        if "post_check_days" not in change:
            del raw["post_check_days"]
    with pytest.raises(CatalogueRefused) as caught:
        document(items=[raw])
    found = [p for p in caught.value.problems if p.path.endswith(path)]
    assert found and message in found[0].message, caught.value.problems


def test_a_commitment_on_an_optional_material_or_on_nothing_is_refused() -> None:
    optional = committing(
        materials=[
            material("M01", "申请书"),
            material("M02", "其他材料", necessity="optional", commitment=True),
        ]
    )
    with pytest.raises(CatalogueRefused) as caught:
        document(items=[optional])
    assert any("optional material" in p.message for p in caught.value.problems)
    nothing = committing(materials=[material("M01", "申请书")])
    with pytest.raises(CatalogueRefused) as caught:
        document(items=[nothing])
    assert any(p.path.endswith("notify_commit") for p in caught.value.problems)
