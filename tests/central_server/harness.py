"""Talk to a running central server as a counter device and as an approver would."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from central_server.app import build_app
from central_server.composition import Services
from central_server.runner import ServerThread
from central_server.services import auth, catalogue
from onewindow_base.clock import FixedClock
from onewindow_protocol.version import protocol_headers
from tests.catalogue.helpers import item, raw_document

PROTOCOL = protocol_headers()
ITEM_CODE = "11220100MB0001"
CATALOGUE: dict[str, Any] = raw_document(
    "2026.11",
    [
        item(
            ITEM_CODE,
            "食品经营许可",
            "长春市市场监督管理局",
            result={
                "name_zh": "食品经营许可证",
                "name_en": "Food business licence",
                "kind": "licence",
            },
        ),
        item("11220100MB0002", "公共场所卫生许可", "长春市卫生健康委员会", version=3),
    ],
)


@dataclass
class Device:
    client: httpx.Client
    device_id: str
    hall_code: str
    refresh_credential: str
    token: str = ""
    seq: int = 0
    window_code: str = "W03"
    cases: int = 0

    def refresh(self, clerk: str | None = "clerk1") -> httpx.Response:
        reply = self.client.post(
            "/v1/token",
            json={
                "device_id": self.device_id,
                "refresh_credential": self.refresh_credential,
                "clerk": clerk,
            },
            headers=PROTOCOL,
        )
        if reply.status_code == 200:
            self.token = reply.json()["access_token"]
        return reply

    def headers(self, **extra: str) -> dict[str, str]:
        return {**PROTOCOL, "Authorization": f"Bearer {self.token}", **extra}

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.get(path, headers=self.headers(**kw.pop("headers", {})), **kw)

    def post(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.post(path, headers=self.headers(**kw.pop("headers", {})), **kw)

    def head(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.head(path, headers=self.headers(**kw.pop("headers", {})), **kw)

    def patch(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.patch(path, headers=self.headers(**kw.pop("headers", {})), **kw)

    def next_case_no(self) -> str:
        self.cases += 1
        return f"{self.hall_code}-{self.window_code}-20261124-{self.cases:04d}"

    def op(self, kind: str, payload: dict[str, Any], **extra: Any) -> dict[str, Any]:
        self.seq += 1
        body = {
            "op_id": str(uuid.uuid4()),
            "device_seq": self.seq,
            "kind": kind,
            "schema_version": 1,
            "created_at": "2026-11-24T09:31:00+08:00",
            "payload": payload,
        }
        body.update(extra)
        return body

    def push(self, *ops: dict[str, Any]) -> httpx.Response:
        return self.post("/v1/operations", json={"operations": list(ops)})

    def results(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        reply = self.push(*ops)
        assert reply.status_code == 200, reply.text
        return list(reply.json()["results"])

    def upload(self, data: bytes, chunk: int = 1 << 20) -> str:
        sha = hashlib.sha256(data).hexdigest()
        state = self.post("/v1/uploads", json={"sha256": sha, "size": len(data)}).json()
        offset = state["offset"]
        while not state["complete"]:
            part = data[offset : offset + chunk]
            reply = self.patch(
                f"/v1/uploads/{state['upload_id']}",
                content=part,
                headers={
                    "Upload-Offset": str(offset),
                    "Chunk-Sha256": hashlib.sha256(part).hexdigest(),
                    "Content-Type": "application/offset+octet-stream",
                },
            )
            assert reply.status_code == 200, reply.text
            state = reply.json()
            offset = state["offset"]
        return sha


def intake(
    device: Device,
    *,
    case_no: str | None = None,
    case_id: str | None = None,
    item: tuple[str, int] = (ITEM_CODE, 1),
    blobs: tuple[str, ...] = (),
    id_number: str = "11010519491231002X",
) -> dict[str, Any]:
    """A complete case.accept payload (the other counter decisions add their own fields)."""
    return {
        "case_id": case_id or str(uuid.uuid4()),
        "case_no": case_no or device.next_case_no(),
        "hall_code": device.hall_code,
        "window_code": device.window_code,
        "item": {"code": item[0], "version": item[1]},
        "situation": "新办",
        "applicant": {
            "kind": "natural_person",
            "name": "张𠀋明",  # a CJK Extension B character must round-trip
            "id_type": "resident_id",
            "id_number": id_number,
            "phone": "13812345678",
        },
        "materials": [
            {
                "name": "营业执照",
                "status": "received",
                "copies": 1,
                "blobs": [
                    {"sha256": sha, "size": 3, "media_type": "image/png", "label": f"p{i + 1}"}
                    for i, sha in enumerate(blobs)
                ],
            },
            {"name": "食品安全管理制度", "status": "received"},
        ],
        "clerk": "clerk1",
        "decided_at": "2026-11-24T09:45:00+08:00",
    }


@dataclass
class Harness:
    services: Services
    clock: FixedClock
    base_url: str
    _clients: list[httpx.Client] = field(default_factory=list)

    @classmethod
    @contextmanager
    def running(
        cls, services: Services, clock: FixedClock, *, tls: tuple[str, str] | None = None
    ) -> Iterator[Harness]:
        """``tls`` (certificate file, key file): serve HTTPS."""
        certfile, keyfile = tls or (None, None)
        with ServerThread(
            build_app(services), ssl_certfile=certfile, ssl_keyfile=keyfile
        ) as thread:
            harness = cls(services, clock, thread.base_url)
            try:
                yield harness
            finally:
                for client in harness._clients:
                    client.close()

    def http(self) -> httpx.Client:
        client = httpx.Client(base_url=self.base_url, timeout=30)
        self._clients.append(client)
        return client

    def enrolment_code(self, hall: str = "CC01") -> str:
        return auth.create_enrolment_code(self.services.ctx, hall).code

    def enrol(self, hall: str = "CC01", window: str = "W03") -> Device:
        client = self.http()
        device_id = str(uuid.uuid4())
        reply = client.post(
            "/v1/enrol",
            json={
                "code": self.enrolment_code(hall),
                "device_id": device_id,
                "device_name": f"window {window}",
                "window_code": window,
            },
            headers=PROTOCOL,
        )
        assert reply.status_code == 201, reply.text
        device = Device(client, device_id, hall, reply.json()["refresh_credential"])
        device.window_code = window
        assert device.refresh().status_code == 200
        return device

    def approver(self, name: str = "approver1") -> httpx.Client:
        token = auth.issue_backoffice_token(self.services.ctx, name).access_token
        client = self.http()
        client.headers["Authorization"] = f"Bearer {token}"
        return client

    def publish(self, document: dict[str, Any] | None = None) -> None:
        catalogue.publish(self.services.ctx, document or CATALOGUE)

    def settle(self) -> None:
        """Wait until the server's message dispatcher has tried every message due now."""
        assert self.services.dispatcher.settle(), "the message dispatcher did not finish a pass"

    def advance(self, **kw: float) -> None:
        self.clock.advance(**kw)

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.clock.now_ms() / 1000, dt.UTC)
