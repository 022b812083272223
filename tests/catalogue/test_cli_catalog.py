"""``clerk-app catalog …``: exit codes, every problem on stderr, nothing changed by a refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clerk_app.catalogue.format import dumps
from onewindow_base.db.engine import Database
from tests.catalogue.helpers import document, raw_document
from tests.snapshot import snapshot
from tests.test_cli import run


def write(path: Path, raw: object) -> Path:
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_export_validate_and_search(
    empty_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "v1.json"
    source.write_text(dumps(document()), encoding="utf-8")
    code, out, _ = run(capsys, "--db", empty_db_url, "catalog", "validate", str(source))
    assert code == 0 and "3 items" in out and "valid" in out
    code, out, _ = run(capsys, "--db", empty_db_url, "catalog", "import", str(source), "--json")
    assert code == 0
    imported = json.loads(out)
    assert imported["created"] and imported["version"]["label"] == "v1"
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "--db", empty_db_url, "catalog", "export", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "--db", empty_db_url, "catalog", "search", "yyzz", "--json")
    assert code == 0
    assert [(h["name"], h["match"]) for h in json.loads(out)] == [
        ("营业执照办理", "initials_prefix")
    ]
    code, out, _ = run(capsys, "--db", empty_db_url, "catalog", "versions", "--json")
    assert [v["label"] for v in json.loads(out)] == ["v1"]
    code, out, _ = run(capsys, "--db", empty_db_url, "catalog", "show", "220100000000000001")
    assert code == 0 and "[02] 委托办理" in out and "授权委托书" in out


def test_a_bad_file_exits_1_with_every_problem_one_per_line(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = raw_document("v9")
    raw["items"][0]["necessity"] = "required"  # a material field on an item
    raw["items"][1]["materials"][2]["form"] = "fax"
    raw["items"][2]["promised_limit_days"] = -1
    bad = write(tmp_path / "bad.json", raw)
    db = Database(db_url)
    before = snapshot(db)
    for action in ("import", "validate"):
        code, out, err = run(capsys, "--db", db_url, "catalog", action, str(bad))
        assert code == 1 and out == ""
        lines = err.strip().splitlines()
        assert lines[:3] == [
            f"{bad}: items[0].necessity [item 220100000000000001]: unknown field",
            (
                f"{bad}: items[1].materials[2].form [item 220100000000000002]: must be one of "
                "original, copy, original_and_copy, electronic, not 'fax'"
            ),
            (
                f"{bad}: items[2].promised_limit_days [item 220100000000000003]: must be between "
                "0 and 3650, not -1"
            ),
        ]
        assert lines[3] == (
            "clerk-app: the catalogue file was refused (3 problems); nothing was changed"
        )
    code, out, _ = run(capsys, "--db", db_url, "catalog", "import", str(bad), "--json")
    assert code == 1 and len(json.loads(out)["problems"]) == 3
    assert snapshot(db) == before
    db.dispose()


@pytest.mark.parametrize(
    "args",
    [("catalog",), ("catalog", "import"), ("catalog", "export"), ("catalog", "frobnicate")],
)
def test_usage_errors_exit_2(
    empty_db_url: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    assert run(capsys, "--db", empty_db_url, *args)[0] == 2


def test_generate_writes_a_valid_catalogue(
    empty_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "gen.json"
    code, _, _ = run(
        capsys, "--db", empty_db_url, "catalog", "generate", "-o", str(target), "--items", "50"
    )
    assert code == 0
    code, out, _ = run(capsys, "--db", empty_db_url, "catalog", "validate", str(target))
    assert code == 0 and "50 items" in out
