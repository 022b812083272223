"""Import, export and versions on both databases: atomic, immutable, old versions kept."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from clerk_app.accounts.authz import HostOperator
from clerk_app.catalogue import store
from clerk_app.catalogue.format import dumps, parse
from clerk_app.catalogue.rows import item_row
from clerk_app.catalogue.service import CatalogueService
from clerk_app.catalogue.types import CatalogueRefusal, CatalogueRefused, Necessity
from clerk_app.db.catalogue_models import CatalogueItem
from onewindow_base.db.engine import Database
from onewindow_protocol.catalogue import models
from tests.catalogue.helpers import changed, document, item, raw_document
from tests.snapshot import snapshot

HOST = HostOperator("test")  # the host's operator: trusted while duties are not separated


@pytest.fixture
def empty_db(empty_db_url: str) -> Iterator[Database]:
    database = Database(empty_db_url)
    yield database
    database.dispose()


@pytest.fixture
def service(empty_db: Database) -> CatalogueService:
    return CatalogueService(empty_db)


def test_import_makes_the_version_active_and_its_items_readable(service: CatalogueService) -> None:
    assert service.active_version() is None
    outcome = service.import_document(document(), by=HOST)
    assert (outcome.created, outcome.activated, outcome.items_added) == (True, True, 3)
    active = service.active_version()
    assert active is not None and active.label == "v1" and active.item_count == 3
    detail = service.item_by_code("220100000000000001")
    assert detail.catalogue_version == "v1"
    assert [m.code for m in detail.materials_for("01")] == ["M01", "M03"]
    assert [m.code for m in detail.materials_for("02")] == ["M01", "M02", "M03"]
    assert detail.materials[2].necessity is Necessity.DEFERRABLE
    assert [s.name_zh for s in service.list_items()] == ["食品经营许可", "营业执照办理", "结婚登记"]


def test_a_bad_file_is_refused_whole_with_every_problem_and_nothing_changes(
    service: CatalogueService, empty_db: Database, tmp_path: Path
) -> None:
    service.import_document(document(), by=HOST)
    before = snapshot(empty_db)
    raw = raw_document("v2")
    raw["items"][0]["materials"][0]["necessity"] = "must"
    raw["items"][2]["visits"] = 9
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    for attempt in (functools.partial(service.import_file, by=HOST), service.validate_file):
        with pytest.raises(CatalogueRefused) as caught:
            attempt(path)
        assert caught.value.code is CatalogueRefusal.INVALID_FILE
        assert [(p.path, p.item_code) for p in caught.value.problems] == [
            ("items[0].materials[0].necessity", "220100000000000001"),
            ("items[2].visits", "220100000000000003"),
        ]
    assert snapshot(empty_db) == before
    assert service.active_version().label == "v1"  # type: ignore[union-attr]


def test_export_then_import_round_trips(
    service: CatalogueService, empty_db_url: str, tmp_path: Path
) -> None:
    original = document()
    service.import_document(original, by=HOST)
    path = tmp_path / "export.json"
    exported = service.export_file(path)
    assert exported == original
    assert path.read_text(encoding="utf-8") == dumps(original)
    again = service.import_file(path, by=HOST)  # the same version: recognised, nothing added
    assert (again.created, again.activated, again.items_added) == (False, False, 0)
    assert len(service.versions()) == 1


def test_versions_are_kept_and_unchanged_items_shared(service: CatalogueService) -> None:
    raw = raw_document("v1")
    first = service.import_document(parse(raw), by=HOST).version
    old_item = service.item_by_code("220100000000000001")
    raw2 = changed(raw, 0, version=2, name_zh="食品经营许可（新版）")
    raw2["version"] = "v2"
    raw2["items"].pop(2)
    raw2["items"].append(item("220100000000000004", "发票领用", "税务局"))
    outcome = service.import_document(parse(raw2), by=HOST)
    assert (outcome.items_added, outcome.items_reused) == (2, 1)
    assert outcome.previous_version_id == first.version_id
    assert [v.label for v in service.versions()] == ["v1", "v2"]
    assert service.item_by_code("220100000000000001").name_zh == "食品经营许可（新版）"
    # A case pinned to v1 still reads the item as it was.
    pinned = service.item(old_item.item_id, first.version_id)
    assert pinned.name_zh == "食品经营许可" and pinned.catalogue_version == "v1"
    with pytest.raises(CatalogueRefused) as caught:
        service.item(old_item.item_id)  # not in the active version any more
    assert caught.value.code is CatalogueRefusal.UNKNOWN_ITEM
    shared = service.item_by_code("220100000000000002")
    assert shared.item_id == service.item_by_code("220100000000000002", first.version_id).item_id
    # Roll back to v1, then forward again by importing v2 once more.
    assert service.activate(first.version_id, by=HOST).active
    assert service.active_version().label == "v1"  # type: ignore[union-attr]
    again = service.import_document(parse(raw2), by=HOST)
    assert (again.created, again.activated) == (False, True)


def test_published_versions_never_change(service: CatalogueService, empty_db: Database) -> None:
    raw = raw_document("v1")
    service.import_document(parse(raw), by=HOST)
    before = snapshot(empty_db)
    same_item_new_content = changed(raw, 1, name_zh="营业执照补办")
    same_item_new_content["version"] = "v2"
    with pytest.raises(CatalogueRefused) as caught:
        service.import_document(parse(same_item_new_content), by=HOST)
    assert [(p.path, p.item_code) for p in caught.value.problems] == [
        ("items[1].version", "220100000000000002")
    ]
    same_label_new_content = changed(raw, 1, version=2, name_zh="营业执照补办")
    with pytest.raises(CatalogueRefused) as caught:
        service.import_document(parse(same_label_new_content), by=HOST)
    assert [p.path for p in caught.value.problems] == ["version"]
    assert snapshot(empty_db) == before


@pytest.mark.parametrize("where", ["mid_stage", "mid_swap"])
def test_a_failure_during_import_leaves_the_old_catalogue_active_and_nothing_written(
    service: CatalogueService, empty_db: Database, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    service.import_document(document("v1"), by=HOST)
    before = snapshot(empty_db)
    raw2 = raw_document("v2", [item(f"2201000000000001{n:02d}", f"事项{n}") for n in range(10)])
    if where == "mid_stage":
        calls: list[models.Item] = []
        real = item_row

        def failing_item_row(spec: models.Item) -> CatalogueItem:
            calls.append(spec)
            if len(calls) == 6:
                raise OSError(28, "No space left on device")
            return real(spec)

        monkeypatch.setattr(store, "item_row", failing_item_row)
    else:
        # The old version has just been switched off when the new one fails to switch on.
        def failing_mark_active(*args: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(store, "_mark_active", failing_mark_active)
    with pytest.raises(OSError, match="No space left"):
        service.import_document(parse(raw2), by=HOST)
    assert snapshot(empty_db) == before
    assert service.active_version().label == "v1"  # type: ignore[union-attr]
    assert len(service.search_index()) == 3


def test_unknown_things_are_refusals(service: CatalogueService) -> None:
    with pytest.raises(CatalogueRefused) as caught:
        service.search("食品")
    assert caught.value.code is CatalogueRefusal.NO_ACTIVE_CATALOGUE
    service.import_document(document(), by=HOST)
    cases: list[tuple[Callable[[], object], CatalogueRefusal]] = [
        (lambda: service.item_by_code("NOPE"), CatalogueRefusal.UNKNOWN_ITEM),
        (lambda: service.item(10_000), CatalogueRefusal.UNKNOWN_ITEM),
        (lambda: service.activate(999, by=HOST), CatalogueRefusal.UNKNOWN_VERSION),
        (lambda: service.export_document(999), CatalogueRefusal.UNKNOWN_VERSION),
    ]
    for call, code in cases:
        with pytest.raises(CatalogueRefused) as caught:
            call()
        assert caught.value.code is code


def test_the_demo_hall_has_the_demo_catalogue_once(db: Database) -> None:
    from clerk_app.demo import seed_demo  # noqa: PLC0415 - the seeding under test

    service = CatalogueService(db)
    active = service.active_version()
    assert active is not None and active.label.startswith("demo-") and active.item_count >= 40
    seed_demo(db)  # again: idempotent
    assert len(service.versions()) == 1
