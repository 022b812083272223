"""The counter's line to the central server for questions asked while the applicant waits
(the credit check, the e-licence registry): the hall's device credential, a short timeout, one
kept connection whose access token is reused (a token costs the server a password hash), and
every failure an :class:`UnknownReason` instead of an error, so the counter says plainly what
it could not check and goes on."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from clerk_app.credit.types import UnknownReason
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.sync import state
from clerk_app.sync.client import Credentials, ErrorKind, SyncError, Transport
from onewindow_base.db.engine import Database

log = logging.getLogger(__name__)

TransportFactory = Callable[[str, Credentials, float], Transport]
T = TypeVar("T")


class NotAsked(Exception):  # noqa: N818 - an expected outcome with its reason
    def __init__(self, reason: UnknownReason) -> None:
        super().__init__(reason.value)
        self.reason = reason


def unknown_reason(error: SyncError) -> UnknownReason:
    if error.code == "network":
        return UnknownReason.TIMEOUT if error.detail.get("timeout") else UnknownReason.OFFLINE
    if error.code == "invalid_reply":
        return UnknownReason.INVALID_REPLY
    if error.kind is ErrorKind.RETRYABLE:
        return UnknownReason.OFFLINE  # unavailable: 5xx, 429, 503, a failed TLS handshake
    return UnknownReason.REFUSED  # a revoked device, an upgrade needed, another 4xx


class CounterLine:
    """One question at a time over a kept connection (``what`` names them in the log)."""

    def __init__(
        self,
        db: Database,
        protector: PersonalDataProtector,
        transport: TransportFactory,
        timeout_s: float,
        what: str,
    ) -> None:
        self._db, self._protector = db, protector
        self._transport, self._timeout_s, self._what = transport, timeout_s, what
        self._lock = threading.Lock()  # the kept transport is not shared between questions
        self._kept: tuple[tuple[str, str, str], Transport] | None = None

    def ask(self, question: Callable[[Transport], T]) -> T:
        """``question`` over the line; :class:`NotAsked` with the reason when the hall is not
        enrolled or the server could not answer."""
        row, secret = self._db.run_read(
            lambda s: (state.status(s), state.refresh_credential(state.load(s), self._protector))
        )
        if not row.enrolled or not row.server_url or secret is None:
            raise NotAsked(UnknownReason.NOT_ENROLLED)
        url = row.server_url
        credentials = Credentials(row.device_id, secret)
        with self._lock:
            try:
                return question(self._connection(url, credentials))
            except SyncError as error:
                self._drop()  # the next question starts on a fresh connection
                reason = unknown_reason(error)
                log.info("%s not answered (%s): %s", self._what, reason.value, error.code)
                raise NotAsked(reason) from None

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _connection(self, url: str, credentials: Credentials) -> Transport:
        key = (url, credentials.device_id, credentials.refresh_credential)
        if self._kept is None or self._kept[0] != key:
            self._drop()
            self._kept = (key, self._transport(url, credentials, self._timeout_s))
        return self._kept[1]

    def _drop(self) -> None:
        if self._kept is not None:
            self._kept[1].close()
            self._kept = None
