"""The HTTP transport to the central server: protocol header, bearer token with one refresh on
401, timeouts, replies checked against the wire schema, errors classified for the engine.

A 200 whose body does not parse (a captive portal's HTML page, a truncated reply) is a failed
request: the caller changes nothing locally and retries later (docs/sync-rules.md fault 27).
"""

from __future__ import annotations

import enum
import json
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from clerk_app.sync.tls import (
    TransportProblem,
    client_context,
    handshake_problem,
    url_problem,
)
from onewindow_protocol import paths
from onewindow_protocol.version import protocol_headers
from onewindow_protocol.wire.auth import TokenReply

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)

M = TypeVar("M", bound=BaseModel)


class ErrorKind(enum.StrEnum):
    RETRYABLE = "retryable"  # network, 5xx, 429, 503, an unreadable reply: back off and retry
    PERMANENT = "permanent"  # another 4xx: a bug or a refusal; retrying as is will not help
    REVOKED = "revoked"  # the device credential is no longer valid: re-enrol; outbox kept
    UPGRADE = "upgrade"  # 426: this client is too old for the server; outbox kept
    DISK_FULL = "disk_full"  # this counter's disk (or its database server's) is full: what the
    # cycle received was not applied; the outbox, the cursor and the catalogue are as they were


class SyncError(Exception):
    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        detail: dict[str, Any] | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.code = code
        self.detail = detail or {}
        self.retry_after_s = retry_after_s

    @property
    def retryable(self) -> bool:
        return self.kind is ErrorKind.RETRYABLE


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # noqa: PLC0415 - rare: an HTTP date

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    import datetime as dt  # noqa: PLC0415

    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _error_body(response: httpx.Response) -> tuple[str | None, str, dict[str, Any]]:
    try:
        body = response.json()
    except ValueError:
        return None, f"HTTP {response.status_code}", {}
    if not isinstance(body, dict):
        return None, f"HTTP {response.status_code}", {}
    raw_code, raw_detail = body.get("code"), body.get("detail")
    code = raw_code if isinstance(raw_code, str) else None
    message = str(body.get("message") or f"HTTP {response.status_code}")
    detail: dict[str, Any] = raw_detail if isinstance(raw_detail, dict) else {}
    return code, message, detail


def classify(response: httpx.Response) -> SyncError:
    status = response.status_code
    code, message, detail = _error_body(response)
    text = f"{status} {code or ''} {message}".strip()
    if status in (429, 503) or status >= 500:
        return SyncError(
            ErrorKind.RETRYABLE,
            text,
            status=status,
            code=code,
            detail=detail,
            retry_after_s=_retry_after(response),
        )
    if status == 426:
        return SyncError(ErrorKind.UPGRADE, text, status=status, code=code, detail=detail)
    if status == 401 and code in ("credential_invalid", "device_revoked"):
        return SyncError(ErrorKind.REVOKED, text, status=status, code=code, detail=detail)
    return SyncError(ErrorKind.PERMANENT, text, status=status, code=code, detail=detail)


def problem_error(problem: TransportProblem) -> SyncError:
    kind = ErrorKind.RETRYABLE if problem.retryable else ErrorKind.PERMANENT
    return SyncError(kind, problem.message, code=problem.code)


def transport_error(exc: httpx.TransportError) -> SyncError:
    """A refused certificate or failed handshake by its code; anything else is the network."""
    problem = handshake_problem(exc)
    if problem is not None:
        return problem_error(problem)
    timeout = isinstance(exc, httpx.TimeoutException)  # the server is there but too slow
    return SyncError(
        ErrorKind.RETRYABLE,
        f"network: {type(exc).__name__}",
        code="network",
        detail={"timeout": True} if timeout else None,
    )


def secure_client(base_url: str, ca_file: Path | None, **kw: Any) -> httpx.Client:
    """An HTTP client for the central server: https (or loopback http), verified TLS, the hall
    CA pinned when ``ca_file`` is given (``clerk_app.sync.tls``)."""
    problem = url_problem(base_url)
    context: ssl.SSLContext | TransportProblem = (
        problem if problem is not None else client_context(ca_file)
    )
    if isinstance(context, TransportProblem):
        raise problem_error(context)
    return httpx.Client(base_url=base_url, verify=context, **kw)


def parse(model: type[M], response: httpx.Response) -> M:
    """The reply body as ``model``; a body that is not it is a retryable failure."""
    try:
        return model.model_validate(json.loads(response.content))
    except (ValueError, ValidationError) as exc:
        kind = type(exc).__name__
        raise SyncError(
            ErrorKind.RETRYABLE,
            f"unreadable reply from the server ({kind}; a captive portal or a cut connection?)",
            status=response.status_code,
            code="invalid_reply",
        ) from None


@dataclass
class Credentials:
    device_id: str
    refresh_credential: str
    clerk: str | None = None


class Transport:
    """One device's connection to the server. Not thread-safe: one per sync cycle."""

    def __init__(
        self,
        base_url: str,
        credentials: Credentials,
        *,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        http: httpx.Client | None = None,
        ca_file: Path | None = None,
    ) -> None:
        self.credentials = credentials
        self._http = http or secure_client(base_url, ca_file, timeout=timeout)
        self._own = http is None
        self._token: str | None = None
        self.requests = 0

    def close(self) -> None:
        if self._own:
            self._http.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _send(self, method: str, path: str, headers: dict[str, str], **kw: Any) -> httpx.Response:
        self.requests += 1
        try:
            return self._http.request(method, path, headers=headers, **kw)
        except httpx.TransportError as exc:  # refused, reset, timed out, cut mid-reply, TLS
            raise transport_error(exc) from None

    def refresh(self) -> None:
        c = self.credentials
        response = self._send(
            "POST",
            paths.TOKEN,
            protocol_headers(),
            json={
                "device_id": c.device_id,
                "refresh_credential": c.refresh_credential,
                "clerk": c.clerk,
            },
        )
        if response.status_code != 200:
            error = classify(response)
            if response.status_code == 401:
                error.kind = ErrorKind.REVOKED
            raise error
        self._token = parse(TokenReply, response).access_token

    def request(
        self,
        method: str,
        path: str,
        *,
        ok: tuple[int, ...] = (200,),
        headers: dict[str, str] | None = None,
        **kw: Any,
    ) -> httpx.Response:
        """Send with the access token (refreshed once on 401); a status outside ``ok`` raises."""
        if self._token is None:
            self.refresh()
        for attempt in (1, 2):
            all_headers = {
                **protocol_headers(),
                "Authorization": f"Bearer {self._token}",
                **(headers or {}),
            }
            response = self._send(method, path, all_headers, **kw)
            if response.status_code == 401 and attempt == 1:
                self.refresh()
                continue
            if response.status_code in ok:
                return response
            raise classify(response)
        raise AssertionError("unreachable")

    def get_json(self, path: str, model: type[M], **kw: Any) -> M:
        return parse(model, self.request("GET", path, **kw))
