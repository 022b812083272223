"""The province publishes holiday arrangements: ``central-server calendar import FILE`` and
``GET /v1/calendars`` with its ETag (conditional GET), announced in ``/v1/hello``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.calendars.helpers import YEAR_2027, YEAR_2027_CORRECTED
from tests.central_server.harness import Harness
from tests.central_server.test_backoffice_cli import cli_args, run  # noqa: F401 - fixture


def test_a_year_is_published_versioned_and_served_with_an_etag(
    server: Harness,
    cli_args: tuple[str, ...],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    device = server.enrol()
    assert device.get("/v1/hello").json()["calendars_etag"] is None
    empty = device.get("/v1/calendars")
    assert (empty.status_code, empty.json()["years"]) == (200, [])

    path = tmp_path / "2027.toml"
    path.write_text(YEAR_2027, encoding="utf-8")
    code, out, _ = run(capsys, *cli_args, "calendar", "import", str(path), "--json")
    assert code == 0
    assert json.loads(out) == {"years": [{"year": 2027, "version": 1, "created": True}]}
    code, out, _ = run(capsys, *cli_args, "calendar", "import", str(path))
    assert (code, out) == (0, "calendar 2027: already current (version 1)\n")

    hello_etag = device.get("/v1/hello").json()["calendars_etag"]
    reply = device.get("/v1/calendars")
    assert reply.status_code == 200 and reply.headers["ETag"] == hello_etag
    [year] = reply.json()["years"]
    assert (year["year"], year["version"], year["document"]) == (2027, 1, YEAR_2027)
    same = device.get("/v1/calendars", headers=device.headers(**{"If-None-Match": hello_etag}))
    assert same.status_code == 304

    path.write_text(YEAR_2027_CORRECTED, encoding="utf-8")
    code, out, _ = run(capsys, *cli_args, "calendar", "import", str(path))
    assert (code, out) == (0, "calendar 2027: published version 2\n")
    changed = device.get("/v1/calendars", headers=device.headers(**{"If-None-Match": hello_etag}))
    assert changed.status_code == 200 and changed.json()["years"][0]["version"] == 2

    path.write_text(YEAR_2027.replace("complete = true", "complete = false"), encoding="utf-8")
    code, out, err = run(capsys, *cli_args, "calendar", "import", str(path))
    assert (code, out) == (1, "")
    assert err.startswith("central-server: [years.2027] says complete = false")
    assert len(err.splitlines()) == 1
