"""The published OpenAPI document is the server's: schemathesis against the live server.

Every operation gets a few generated requests (valid by the schema, with real tokens); no
answer may be a 5xx, an undocumented status or content type, or a body that breaks its schema.
The committed ``docs/central-openapi.json`` must equal what the code generates.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import APIOperation
from schemathesis.checks import not_a_server_error
from schemathesis.core.errors import InvalidSchema
from schemathesis.core.result import Err, Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from central_server.app import build_app
from tests.central_server.harness import Device, Harness, intake

EXAMPLES_PER_OPERATION = 6
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
Operation = APIOperation[Any, Any, Any, Any]
COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "central-openapi.json"


def test_the_committed_openapi_document_is_current() -> None:
    generated = json.dumps(build_app().openapi(), indent=2, ensure_ascii=False, sort_keys=True)
    assert COMMITTED.read_text(encoding="utf-8") == generated + "\n", (
        "run: central-server openapi -o docs/central-openapi.json"
    )


@pytest.mark.slow  # schemathesis against every operation
def test_schemathesis_finds_no_server_error_and_no_schema_violation(server: Harness) -> None:
    server.publish()
    device = server.enrol()
    device.results(*(device.op("case.accept", intake(device)) for _ in range(3)))
    device.results(*_ratings(device))  # the ratings summary and overdue list have rows to show
    approver_token = server.approver().headers["Authorization"]
    schema = schemathesis.openapi.from_url(f"{server.base_url}/openapi.json")
    operations = [_operation(result) for result in schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:
        back_office = operation.path.startswith("/v1/backoffice")
        auth = approver_token if back_office else f"Bearer {device.token}"
        _exercise(operation, {"Authorization": auth, "OneWindow-Protocol": "1"})


def _operation(result: Ok[Operation] | Err[InvalidSchema]) -> Operation:
    assert isinstance(result, Ok), result.err()
    return result.ok()


def _ratings(device: Device) -> list[dict[str, object]]:
    base = {
        "hall_code": "CC01",
        "window_code": "W03",
        "clerk": "clerk1",
        "channel": "window_pad",
        "rated_at": "2026-11-24T10:00:00+08:00",
    }
    bad = {"level": 1, "reasons": ["long_wait"], "follow_up_due": "2026-11-20"}
    return [
        device.op(
            "rating.submit", {"rating_id": str(uuid.uuid4()), **base, **bad}, schema_version=2
        ),
        device.op("rating.submit", {"rating_id": str(uuid.uuid4()), **base, "level": 5}),
    ]


def _exercise(operation: Operation, headers: dict[str, str]) -> None:
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(headers=headers))
    def exercise(case: schemathesis.Case[Operation]) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS, timeout=30)

    exercise()
