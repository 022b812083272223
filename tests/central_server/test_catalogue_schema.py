"""The server reads a published catalogue with the counter's models: what a counter would
refuse is refused at publication with the counter's problem lines, and the server's hashes
are the counter's checksums (a release's ETag, each item version's SHA-256)."""

from __future__ import annotations

import copy
import json

import pytest

from central_server.services.catalogue import publish
from central_server.services.errors import Refused
from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.catalogue.format import document_checksum, item_checksum, load_file
from tests.central_server.harness import CATALOGUE, Harness


def test_a_catalogue_the_counter_would_refuse_is_refused_at_publication(server: Harness) -> None:
    bad = copy.deepcopy(CATALOGUE)
    bad["items"][0]["promised_limit_days"] = 30  # above the statutory 20
    bad["items"][1]["materials"][0]["colour"] = "red"
    with pytest.raises(Refused) as refused:
        publish(server.services.ctx, bad)
    assert refused.value.code == "catalogue_invalid"
    assert refused.value.detail == {
        "problems": [
            (
                "items[0].promised_limit_days [item 11220100MB0001]: the promised limit (30) "
                "exceeds the statutory limit (20)"
            ),
            "items[1].materials[0].colour [item 11220100MB0002]: unknown field",
        ]
    }
    newer = {**copy.deepcopy(CATALOGUE), "format_version": 3}
    with pytest.raises(Refused, match="install a newer version of OneWindow"):
        publish(server.services.ctx, newer)
    device = server.enrol()
    assert device.get("/v1/catalogue").status_code == 404  # nothing was published


def test_the_server_hashes_the_demo_catalogue_as_the_counter_does(server: Harness) -> None:
    raw = json.loads(demo_catalogue_path().read_text(encoding="utf-8"))
    raw["items"][0]["name_zh"] = f"  {raw['items'][0]['name_zh']} "  # read trimmed
    raw["items"][0]["materials"][0]["commitment"] = False  # the same as absent
    outcome = publish(server.services.ctx, raw)
    doc = load_file(demo_catalogue_path())
    assert outcome.etag == f'"{document_checksum(doc)}"'
    release = server.enrol().get("/v1/catalogue").json()
    assert release["document"]["format_version"] == 2
    assert [i["sha256"] for i in release["items"]] == [item_checksum(i) for i in doc.items]
