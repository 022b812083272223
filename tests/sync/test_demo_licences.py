"""``make run``'s central server holds the demo applicants' e-licences: the app's start (as
``clerk-app run --seed-demo --with-server``) imports them, and the counter's LicenceService
finds them over real HTTP with their PDF copies (rendered by the app's printing); a later
start does not import them twice. Both databases."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from clerk_app.audit.types import Actor
from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.licences.demo import DEMO_COMPANY, DEMO_LICENCES, DEMO_PERSON
from clerk_app.licences.types import LookupState
from clerk_app.settings import ENV_DATA
from clerk_app.sync import demo_server
from tests.sync.test_demo_server import start_app

CLERK = Actor(1, "窗口1办事员")


def _catalogue_types() -> set[str]:
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            licence = node.get("e_licence")
            if isinstance(licence, dict):
                found.add(str(licence["type"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(demo_catalogue_path().read_text("utf-8")))
    return found


def test_the_demo_licences_are_of_types_the_demo_catalogue_takes() -> None:
    assert {x.type for x in DEMO_LICENCES} <= _catalogue_types()
    assert {"CN.RESIDENT_ID", "CN.BUSINESS_LICENCE"} <= {x.type for x in DEMO_LICENCES}


@pytest.mark.slow  # the app with its demo server
def test_the_demo_server_answers_a_lookup_for_a_demo_applicant(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DATA, str(tmp_path / "data"))
    monkeypatch.setattr(demo_server, "PREFERRED_PORT", 0)  # never a fixed port in tests
    app = start_app(db_url)
    server = app.demo_server
    assert server is not None and app.sync is not None
    try:
        licences = app.services.licences
        company = licences.lookup(DEMO_COMPANY[1], "CN.BUSINESS_LICENCE", by=CLERK)
        assert company.state is LookupState.FOUND
        (licence,) = company.licences
        assert (licence.number, licence.status, licence.holder_name, licence.source) == (
            DEMO_COMPANY[1],
            "valid",
            DEMO_COMPANY[0],
            "imported",
        )
        sha = licences.fetch_copy(licence)
        assert sha is not None
        pdf = app.services.blobs.read_bytes(sha)
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        assert DEMO_COMPANY[0] in text and DEMO_COMPANY[1] in text
        person = licences.lookup(DEMO_PERSON[1], "CN.RESIDENT_ID", by=CLERK)
        assert [(x.number, x.status) for x in person.licences] == [(DEMO_PERSON[1], "valid")]
        food = licences.lookup(DEMO_COMPANY[1], "CN.FOOD_PRODUCTION_LICENCE", by=CLERK)
        assert sorted(x.status for x in food.licences) == ["expired", "valid"]
        licences.close()
    finally:
        app.sync.close()
        server.stop()
        app.db.dispose()
    again = start_app(db_url)  # the next start: nothing imported twice
    assert again.demo_server is not None and again.sync is not None
    try:
        listed = json.loads(again.demo_server.admin("licences", "list", "--json"))
        assert len(listed["licences"]) == len(DEMO_LICENCES)
    finally:
        again.sync.close()
        again.demo_server.stop()
        again.db.dispose()
