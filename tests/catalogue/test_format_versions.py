"""The catalogue's format version: a file written for a newer program asks for an upgrade, an
unknown key within a known version is refused at its path, a version 1 file is read as 2, and a
catalogue stored from a version 1 file is the same version when its content comes back as 2."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from clerk_app.accounts.authz import HostOperator
from clerk_app.catalogue.format import FORMAT_VERSION, document_checksum, dumps, parse
from clerk_app.catalogue.service import CatalogueService
from clerk_app.catalogue.types import CatalogueRefusal, CatalogueRefused
from clerk_app.db.catalogue_models import CatalogueVersion
from onewindow_base.db.engine import Database
from tests.catalogue.helpers import item, material, raw_document
from tests.test_cli import run

HOST = HostOperator("test")
CODE = "220100000000000001"


def refusal(raw: object) -> CatalogueRefused:
    with pytest.raises(CatalogueRefused) as caught:
        parse(raw)
    return caught.value


def version_2_fields() -> dict[str, object]:
    """An item using what format 2 added (notify_commit, post_check_days, a material's
    commitment) and a legal basis (in format 1 already)."""
    return item(
        CODE,
        "食品经营许可",
        legal_basis="《中华人民共和国食品安全法》第三十五条",
        notify_commit=True,
        post_check_days=15,
        materials=[material("M01", "申请书"), material("M02", "场所证明", commitment=True)],
    )


def test_a_file_of_a_newer_format_version_asks_for_a_newer_program() -> None:
    raw = raw_document()
    raw["format_version"] = FORMAT_VERSION + 1
    raw["items"][0]["ai_summary"] = "a field of that newer format"
    refused = refusal(raw)
    assert refused.code is CatalogueRefusal.NEWER_FORMAT
    assert "newer version of OneWindow" in str(refused)
    assert [str(p) for p in refused.problems] == [
        (
            f"format_version: this file is written in format version {FORMAT_VERSION + 1}; this "
            f"program reads versions 1 to {FORMAT_VERSION}: install a newer version of OneWindow"
        )
    ]


def test_the_cli_says_to_upgrade_in_one_line_and_changes_nothing(
    empty_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = raw_document()
    raw["format_version"] = 7
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    code, out, err = run(capsys, "--db", empty_db_url, "catalog", "import", str(path))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert lines[0].endswith("install a newer version of OneWindow")
    assert "needs a newer version of OneWindow, please upgrade" in lines[-1]
    assert "nothing was changed" in lines[-1]


@pytest.mark.parametrize("version", [1, 2])
def test_an_unknown_key_within_a_known_version_is_refused_at_its_path(version: int) -> None:
    raw = raw_document()
    raw["format_version"] = version
    raw["items"][1]["materials"][0]["colour"] = "red"
    raw["extra"] = True
    refused = refusal(raw)
    assert refused.code is CatalogueRefusal.INVALID_FILE
    assert [str(p) for p in refused.problems] == [
        "extra: unknown field",
        "items[1].materials[0].colour [item 220100000000000002]: unknown field",
    ]


def test_a_version_1_file_with_the_later_fields_is_read_as_version_2() -> None:
    """This program's releases before format 2 wrote these fields under version 1."""
    raw = raw_document(items=[version_2_fields()])
    raw["format_version"] = 1
    doc = parse(raw)
    assert doc.format_version == FORMAT_VERSION == 2
    assert doc.items[0].notify_commit and doc.items[0].materials[1].commitment
    assert json.loads(dumps(doc))["format_version"] == 2
    raw["format_version"] = 2
    assert parse(raw) == doc


@pytest.fixture
def empty_db(empty_db_url: str) -> Iterator[Database]:
    database = Database(empty_db_url)
    yield database
    database.dispose()


def test_a_catalogue_stored_from_a_version_1_file_is_the_same_version_read_as_2(
    empty_db: Database,
) -> None:
    """A hall upgraded from a program that stored the checksum of the version 1 spelling
    imports the same catalogue again (the demo seeding does) without a refusal."""
    service = CatalogueService(empty_db)
    raw = raw_document(items=[version_2_fields()])
    doc = parse(raw)
    service.import_document(doc, by=HOST)
    as_version_1 = document_checksum(doc.model_copy(update={"format_version": 1}))
    empty_db.run_write(lambda s: s.execute(update(CatalogueVersion).values(checksum=as_version_1)))
    again = service.import_document(doc, by=HOST)
    assert (again.created, again.activated) == (False, False)
    changed = parse({**raw, "note": "another text under the same label"})
    with pytest.raises(CatalogueRefused, match="refused"):
        service.import_document(changed, by=HOST)
