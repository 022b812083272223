"""Enrolment with one-time codes, access tokens that expire, hello, the protocol header."""

from __future__ import annotations

import uuid

from tests.central_server.harness import PROTOCOL, Harness


def _enrol(server: Harness, code: str, device_id: str) -> tuple[int, dict[str, object]]:
    reply = server.http().post(
        "/v1/enrol",
        json={"code": code, "device_id": device_id, "device_name": "window 3"},
        headers=PROTOCOL,
    )
    return reply.status_code, reply.json()


def test_a_code_enrols_one_device_once(server: Harness) -> None:
    code = server.enrolment_code("CC01")
    first = str(uuid.uuid4())
    status, body = _enrol(server, code, first)
    assert status == 201
    assert body["hall_code"] == "CC01" and body["device_id"] == first
    # Another device cannot reuse the code.
    status, body = _enrol(server, code, str(uuid.uuid4()))
    assert (status, body["code"]) == (403, "enrolment_code_used")
    # Lower case and without dashes is the same code; unknown codes are refused.
    status, body = _enrol(server, "nope-nope-nope", first)
    assert (status, body["code"]) == (403, "enrolment_code_invalid")


def test_the_same_device_replaying_its_code_gets_a_new_credential(server: Harness) -> None:
    """The enrol reply was lost: the replay works, and only the newest credential is valid."""
    code = server.enrolment_code("CC01")
    device_id = str(uuid.uuid4())
    _, first = _enrol(server, code, device_id)
    status, second = _enrol(server, code.lower().replace("-", ""), device_id)
    assert status == 201
    assert second["refresh_credential"] != first["refresh_credential"]
    client = server.http()
    for credential, expected in ((first, 401), (second, 200)):
        reply = client.post(
            "/v1/token",
            json={"device_id": device_id, "refresh_credential": credential["refresh_credential"]},
            headers=PROTOCOL,
        )
        assert reply.status_code == expected


def test_an_expired_code_is_refused(server: Harness) -> None:
    code = server.enrolment_code("CC01")
    server.advance(minutes=7 * 24 * 60 + 1)
    status, body = _enrol(server, code, str(uuid.uuid4()))
    assert (status, body["code"]) == (403, "enrolment_code_expired")


def test_access_tokens_expire_with_401_and_refresh(server: Harness) -> None:
    device = server.enrol()
    assert device.get("/v1/hello").status_code == 200
    server.advance(minutes=15)
    reply = device.get("/v1/hello")
    assert reply.status_code == 401
    assert reply.json()["code"] == "token_expired"
    assert reply.headers["WWW-Authenticate"].startswith("Bearer")
    assert device.refresh().status_code == 200
    assert device.get("/v1/hello").status_code == 200


def test_wrong_credentials_and_tokens_are_401(server: Harness) -> None:
    device = server.enrol()
    client = server.http()
    bad = client.post(
        "/v1/token",
        json={"device_id": device.device_id, "refresh_credential": "owr_not-the-right-one"},
        headers=PROTOCOL,
    )
    assert (bad.status_code, bad.json()["code"]) == (401, "credential_invalid")
    reply = client.get("/v1/hello", headers={**PROTOCOL, "Authorization": "Bearer owa_forged"})
    assert (reply.status_code, reply.json()["code"]) == (401, "token_invalid")
    reply = client.get("/v1/hello", headers=PROTOCOL)
    assert (reply.status_code, reply.json()["code"]) == (401, "token_missing")


def test_a_revoked_device_loses_its_tokens_and_its_credential(server: Harness) -> None:
    device = server.enrol()
    approver = server.approver()
    assert approver.post(f"/v1/backoffice/devices/{device.device_id}/revoke").status_code == 204
    reply = device.get("/v1/hello")
    assert reply.status_code == 401
    assert device.refresh().json()["code"] == "device_revoked"


def test_device_tokens_cannot_use_the_back_office_and_back_office_tokens_cannot_sync(
    server: Harness,
) -> None:
    device = server.enrol()
    reply = device.get("/v1/backoffice/cases")
    assert (reply.status_code, reply.json()["code"]) == (403, "not_allowed")
    approver = server.approver()
    reply = approver.get("/v1/hello", headers=PROTOCOL)
    assert (reply.status_code, reply.json()["code"]) == (403, "not_allowed")


def test_hello_reports_time_epoch_versions_sequence_and_catalogue(server: Harness) -> None:
    device = server.enrol()
    hello = device.get("/v1/hello").json()
    assert hello["server_time_ms"] == server.clock.now_ms()
    assert hello["protocol_versions"] == [1] and hello["protocol_version"] == 1
    assert hello["device_id"] == device.device_id and hello["hall_code"] == "CC01"
    assert hello["last_device_seq"] == 0
    assert hello["catalogue_release"] is None
    assert hello["max_batch"] == 50
    assert uuid.UUID(hello["epoch"])
    server.publish()
    hello = device.get("/v1/hello").json()
    assert hello["catalogue_release"] == 1
    assert hello["catalogue_etag"].startswith('"')


def test_an_old_or_missing_protocol_version_is_426(server: Harness) -> None:
    device = server.enrol()
    for version in ("0", "2", "one"):
        reply = device.get("/v1/hello", headers={"OneWindow-Protocol": version})
        assert reply.status_code == 426
        assert reply.json()["code"] == "protocol_unsupported"
        assert reply.headers["OneWindow-Protocol-Supported"] == "1"
    reply = device.client.get("/v1/hello", headers={"Authorization": f"Bearer {device.token}"})
    assert reply.status_code == 426
    # Every answer names the server's protocol.
    assert reply.headers["OneWindow-Protocol"] == "1"
