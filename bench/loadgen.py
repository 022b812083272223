"""A load generator that plays many counter devices over the real sync protocol (issue 20).

Each simulated device does what the counter's sync engine does in a cycle (token refresh when
due, ``hello``, the push of its outbox with the scans uploaded first, the changes pull to the
end of the feed, a conditional catalogue GET when the ETag moved, the conditional GET of its
hall's bookings when hello's bookings revision moved) and keeps the little state a
counter keeps: its device sequence, its feed cursor, its outbox, the cases the server
acknowledged. Payloads are built and checked with ``onewindow_protocol``'s wire models, so the
generator sends exactly what the protocol allows.

A back-office actor (in the first generator process) takes received cases into review and
approves or rejects a share of them, so decisions flow back through the devices' pulls; a
device that pulls a decision on one of its cases records the handover (``handover.record``).
It also books appointments online for the halls (``Mix.booking_every_s``), so the counters of a
hall pull their bookings again after each.

Requests are retried as the protocol says for the network, 5xx, 429 and 503 (capped exponential
backoff, full jitter, the same operation ids), so a server worker killed mid-request costs a
retry, never a case. Everything here is asyncio + httpx: thousands of devices in one process.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import os
import random
import ssl
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import httpx

from clerk_app.settings_schema import DEFAULT_PULL_DAYS
from clerk_app.sync.appointments import bookings_mark
from onewindow_protocol import paths
from onewindow_protocol.identifiers import id_check_character
from onewindow_protocol.version import protocol_headers
from onewindow_protocol.wire.appointments import BookingRequest
from onewindow_protocol.wire.auth import EnrolReply, Hello, TokenReply
from onewindow_protocol.wire.backoffice import CaseList
from onewindow_protocol.wire.blobs import UploadState
from onewindow_protocol.wire.changes import ChangesPage
from onewindow_protocol.wire.common import CaseStatus
from onewindow_protocol.wire.ops import (
    Applicant,
    ApplicantKind,
    BatchResult,
    BlobRef,
    CaseAcceptV1,
    HandoverMethod,
    HandoverRecordV1,
    IdType,
    ItemRef,
    MaterialState,
    MaterialStatus,
    OperationIn,
    OpKind,
    ResultStatus,
)

PROTOCOL = protocol_headers()
TZ = dt.timezone(dt.timedelta(hours=8))
TOKEN_MARGIN_S = 60.0  # refresh this long before the access token expires
MAX_ATTEMPTS = 8  # per request: the network, 5xx, 429/503 are retried this often in a cycle
BACKOFF_BASE_S, BACKOFF_CAP_S = 0.25, 4.0
SLOW_MS = 250.0  # a request slower than this is also kept with its time, to see when tails come
DECIDED = {CaseStatus.APPROVED.value, CaseStatus.REJECTED.value}
ID_NUMBER = "11010519491231002X"  # a valid resident ID (check digit X), the same for all


class LoadError(Exception):
    """An answer the protocol does not allow here (a 4xx the generator did not expect)."""


@dataclass
class Mix:
    """What a device does, per cycle."""

    case_every: int = 20  # a case every this many cycles (every 10 min at a 30 s cycle)
    scans: int = 2
    scan_bytes: int = 300_000
    approve_share: float = 0.6  # of the received cases the back office reviews
    reject_share: float = 0.1  # the rest stay under review
    booking_every_s: float = 300.0  # an online booking per hall this often (the back office)


@dataclass
class DeviceState:
    """One counter's sync state, carried from phase to phase (plain data: crosses processes)."""

    index: int
    device_id: str
    hall_code: str
    window_code: str
    credential: str
    token: str = ""
    token_expires: float = 0.0  # wall clock (time.time), as the reply's expires_at
    seq: int = 0
    cursor: str | None = None
    catalogue_etag: str | None = None
    appointments_etag: str | None = None
    appointments_mark: str | None = None  # hello's bookings revision and the days pulled
    cycles: int = 0
    case_count: int = 0
    accepted: dict[str, str] = field(default_factory=dict)  # case_no -> case_id
    decided: dict[str, str] = field(default_factory=dict)  # case_no -> status pulled
    handed: list[str] = field(default_factory=list)  # case_nos whose handover was acknowledged
    outbox: list[dict[str, Any]] = field(default_factory=list)  # operations not acknowledged


@dataclass
class Stats:
    """Client-side figures of one generator process."""

    latencies: dict[str, list[float]] = field(default_factory=dict)  # name -> ms
    statuses: dict[str, int] = field(default_factory=dict)  # "5xx", "network", "401", ...
    cycles: int = 0
    failed_cycles: int = 0
    cases_made: int = 0
    duplicates: int = 0
    refused: list[str] = field(default_factory=list)  # conflict/rejected answers, with codes
    errors: list[str] = field(default_factory=list)  # unexpected answers (first few)
    decisions_made: int = 0
    bookings_made: int = 0
    catalogue_downloads: int = 0
    catalogue_not_modified: int = 0
    slow: list[tuple[float, str, float]] = field(default_factory=list)  # (time.time(), name, ms)

    def add(self, name: str, ms: float) -> None:
        self.latencies.setdefault(name, []).append(ms)
        if ms > SLOW_MS:
            self.slow.append((time.time(), name, ms))

    def count(self, what: str) -> None:
        self.statuses[what] = self.statuses.get(what, 0) + 1

    def error(self, text: str) -> None:
        self.count("unexpected")
        if len(self.errors) < 20:
            self.errors.append(text)


@dataclass(frozen=True)
class Target:
    base_url: str
    item_code: str
    item_version: int
    day: str  # YYYYMMDD in case numbers


def _backoff(attempt: int) -> float:
    return random.uniform(0, min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2**attempt))


class Session:
    """The requests of one generator process. Each device has an HTTP client of its own (one
    connection, as a counter has; httpx's pool costs CPU per request for every connection it
    holds, so thousands of devices in one pool would measure the generator, not the server);
    the back office and the enrolment share one."""

    def __init__(self, target: Target, stats: Stats) -> None:
        self.target = target
        self.stats = stats
        self._tls = ssl.create_default_context()  # made once: each client would load it again
        self.http = self.client(connections=16)

    def client(self, *, connections: int = 1) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=self.target.base_url,
            timeout=httpx.Timeout(60.0, connect=10.0),
            limits=httpx.Limits(max_connections=connections),
            verify=self._tls,
        )

    async def close(self) -> None:
        await self.http.aclose()

    async def request(
        self,
        name: str | None,
        method: str,
        path: str,
        *,
        token: Callable[[], Awaitable[str]] | None = None,
        refresh: Callable[[], Awaitable[None]] | None = None,
        ok: tuple[int, ...] = (200,),
        headers: dict[str, str] | None = None,
        http: httpx.AsyncClient | None = None,
        **kw: Any,
    ) -> httpx.Response:
        """Send, retrying what the protocol says to retry; ``name`` records the latency of the
        attempt that succeeded. A 401 refreshes the token once (``refresh``) and resends."""
        refreshed = False
        for attempt in range(MAX_ATTEMPTS):
            sent = dict(PROTOCOL, **(headers or {}))
            if token is not None:
                sent["Authorization"] = f"Bearer {await token()}"
            started = time.perf_counter()
            try:
                reply = await (http or self.http).request(method, path, headers=sent, **kw)
            except httpx.TransportError as exc:
                self.stats.count("network")
                self.stats.count(f"network:{type(exc).__name__}")
                await asyncio.sleep(_backoff(attempt))
                continue
            took = (time.perf_counter() - started) * 1000
            status = reply.status_code
            if status >= 500 or status in (429, 503):
                self.stats.count("5xx" if status >= 500 else str(status))
                retry_after = reply.headers.get("Retry-After")
                wait = float(retry_after) if retry_after and retry_after.isdigit() else 0.0
                await asyncio.sleep(max(wait, _backoff(attempt)))
                continue
            if status == 401 and refresh is not None and not refreshed:
                self.stats.count("401")
                refreshed = True
                await refresh()
                continue
            if status in ok:
                if name is not None:
                    self.stats.add(name, took)
                return reply
            raise LoadError(
                f"{method} {path.split('?', maxsplit=1)[0]}: {status} {reply.text[:200]}"
            )
        raise LoadError(
            f"{method} {path.split('?', maxsplit=1)[0]}: gave up after {MAX_ATTEMPTS} attempts"
        )


class Device:
    """One simulated counter: its state and its sync cycle."""

    def __init__(self, state: DeviceState, session: Session, mix: Mix) -> None:
        self.state = state
        self.session = session
        self.mix = mix
        self._refreshing: asyncio.Lock = asyncio.Lock()
        self.http = session.client()

    async def close(self) -> None:
        await self.http.aclose()

    # ---------------------------------------------------------------- auth
    async def _refresh(self) -> None:
        async with self._refreshing:
            reply = await self.session.request(
                "token",
                "POST",
                paths.TOKEN,
                http=self.http,
                json={
                    "device_id": self.state.device_id,
                    "refresh_credential": self.state.credential,
                    "clerk": f"clerk{self.state.window_code.lower()}",
                },
            )
            issued = TokenReply.model_validate_json(reply.content)
            self.state.token = issued.access_token
            self.state.token_expires = issued.expires_at.timestamp()

    async def _token(self) -> str:
        if not self.state.token or self.state.token_expires - time.time() < TOKEN_MARGIN_S:
            await self._refresh()
        return self.state.token

    async def _call(self, name: str | None, method: str, path: str, **kw: Any) -> httpx.Response:
        return await self.session.request(
            name, method, path, token=self._token, refresh=self._refresh, http=self.http, **kw
        )

    # ---------------------------------------------------------------- the cycle
    async def cycle(self, *, new_cases: bool = True) -> None:
        state = self.state
        state.cycles += 1
        hello = Hello.model_validate_json((await self._call("hello", "GET", paths.HELLO)).content)
        state.seq = max(state.seq, hello.last_device_seq)
        if new_cases and (state.cycles + state.index) % self.mix.case_every == 0:
            self._new_case()
        await self._push()
        await self._pull()
        if hello.catalogue_etag is not None and hello.catalogue_etag != state.catalogue_etag:
            await self._catalogue()
        await self._appointments(hello.bookings_revision)  # last, as the counter's engine does

    async def _appointments(self, revision: int | None) -> None:
        """The hall's bookings of the pulled days, conditionally, when hello's revision or the
        days moved since the last pull (as ``clerk_app.sync.appointments`` does)."""
        today = dt.datetime.now(TZ).date()
        mark = bookings_mark(revision, today, DEFAULT_PULL_DAYS)
        if mark is not None and mark == self.state.appointments_mark:
            return
        held = self.state.appointments_etag
        reply = await self._call(
            "appointments",
            "GET",
            paths.APPOINTMENTS,
            ok=(200, 304),
            headers={"If-None-Match": held} if held else {},
            params={"from": today.isoformat(), "days": DEFAULT_PULL_DAYS},
        )
        self.state.appointments_etag = reply.headers.get("ETag", held)
        self.state.appointments_mark = mark

    async def _catalogue(self) -> None:
        """Fetch the catalogue, conditionally (If-None-Match) when one is held."""
        headers = {"If-None-Match": self.state.catalogue_etag} if self.state.catalogue_etag else {}
        reply = await self._call(
            "catalogue", "GET", paths.CATALOGUE, ok=(200, 304), headers=headers
        )
        if reply.status_code == 304:
            self.session.stats.catalogue_not_modified += 1
        else:
            self.session.stats.catalogue_downloads += 1
        self.state.catalogue_etag = reply.headers.get("ETag", self.state.catalogue_etag)

    def _op(self, kind: OpKind, payload: dict[str, Any], **extra: Any) -> dict[str, Any]:
        self.state.seq += 1
        op = OperationIn(
            op_id=uuid.uuid4(),
            device_seq=self.state.seq,
            kind=kind,
            created_at=dt.datetime.now(TZ),
            payload=payload,
        )
        return {"op": op.model_dump(mode="json"), **extra}

    def _new_case(self) -> None:
        state, target, mix = self.state, self.session.target, self.mix
        state.case_count += 1
        self.session.stats.cases_made += 1
        case_no = f"{state.hall_code}-{state.window_code}-{target.day}-{state.case_count:04d}"
        scans = [os.urandom(mix.scan_bytes) for _ in range(mix.scans)]
        shas = [hashlib.sha256(scan).hexdigest() for scan in scans]
        payload = CaseAcceptV1(
            case_id=uuid.uuid4(),
            case_no=case_no,
            hall_code=state.hall_code,
            window_code=state.window_code,
            item=ItemRef(code=target.item_code, version=target.item_version),
            situation="新办",
            applicant=Applicant(
                kind=ApplicantKind.NATURAL_PERSON,
                name="张三",
                id_type=IdType.RESIDENT_ID,
                id_number=ID_NUMBER,
                phone="13812345678",
            ),
            materials=[
                MaterialState(
                    name="申请表",
                    status=MaterialStatus.RECEIVED,
                    copies=1,
                    blobs=[
                        BlobRef(
                            sha256=sha, size=len(scan), media_type="image/jpeg", label=f"p{i + 1}"
                        )
                        for i, (sha, scan) in enumerate(zip(shas, scans, strict=True))
                    ],
                )
            ],
            clerk=f"clerk{state.window_code.lower()}",
            decided_at=dt.datetime.now(TZ),
        )
        state.outbox.append(
            self._op(
                OpKind.CASE_ACCEPT,
                payload.model_dump(mode="json", exclude_none=True),
                case_no=case_no,
                blobs=[(sha, scan) for sha, scan in zip(shas, scans, strict=True)],
            )
        )

    def _handover(self, case_no: str) -> None:
        payload = HandoverRecordV1(
            case_id=uuid.UUID(self.state.accepted[case_no]),
            case_no=case_no,
            method=HandoverMethod.PICKUP,
            recipient_name="张三",
            clerk=f"clerk{self.state.window_code.lower()}",
            handed_at=dt.datetime.now(TZ),
        )
        self.state.outbox.append(
            self._op(
                OpKind.HANDOVER_RECORD,
                payload.model_dump(mode="json", exclude_none=True),
                handover=case_no,
            )
        )

    async def _upload(self, sha: str, data: bytes) -> None:
        reply = await self._call(
            "upload", "POST", paths.UPLOADS, ok=(200, 201), json={"sha256": sha, "size": len(data)}
        )
        state = UploadState.model_validate_json(reply.content)
        while not state.complete and state.upload_id is not None:
            part = data[state.offset : state.offset + state.max_chunk_bytes]
            reply = await self._call(
                "chunk",
                "PATCH",
                paths.UPLOAD.format(upload_id=state.upload_id),
                ok=(200, 409),
                content=part,
                headers={
                    "Upload-Offset": str(state.offset),
                    "Chunk-Sha256": hashlib.sha256(part).hexdigest(),
                    "Content-Type": "application/offset+octet-stream",
                },
            )
            if reply.status_code == 409:  # a chunk whose reply was lost: resume at the server's
                offset = reply.json().get("detail", {}).get("offset")
                if not isinstance(offset, int):
                    raise LoadError(f"409 without an offset: {reply.text[:200]}")
                state = state.model_copy(update={"offset": offset})
                continue
            state = UploadState.model_validate_json(reply.content)

    async def _push(self) -> None:
        """Each case alone with its scans first (timed as "push"), the handovers in one batch."""
        cases = [entry for entry in self.state.outbox if "case_no" in entry]
        others = [entry for entry in self.state.outbox if "case_no" not in entry]
        for entry in cases:
            started = time.perf_counter()
            for sha, data in entry["blobs"]:
                await self._upload(sha, data)
            done = await self._send([entry], name="push_case")
            if done:
                self.session.stats.add("push", (time.perf_counter() - started) * 1000)
        if others:
            await self._send(others[:50], name="push_ops")

    async def _send(self, entries: list[dict[str, Any]], name: str | None = None) -> bool:
        reply = await self._call(
            name, "POST", paths.OPERATIONS, json={"operations": [e["op"] for e in entries]}
        )
        results = BatchResult.model_validate_json(reply.content).results
        done = True
        for entry, result in zip(entries, results, strict=True):
            if result.status in (ResultStatus.APPLIED, ResultStatus.DUPLICATE):
                if result.status is ResultStatus.DUPLICATE:
                    self.session.stats.duplicates += 1
                self.state.outbox.remove(entry)
                if "case_no" in entry:
                    self.state.accepted[entry["case_no"]] = entry["op"]["payload"]["case_id"]
                else:
                    self.state.handed.append(entry["handover"])
            elif result.status is ResultStatus.MISSING_BLOB:
                done = False  # uploaded again next cycle
                self.session.stats.count("missing_blob")
            else:
                self.state.outbox.remove(entry)
                self.session.stats.refused.append(f"{result.status.value}/{result.code}")
                done = False
        return done

    async def _pull(self) -> None:
        while True:
            query = f"?cursor={self.state.cursor}" if self.state.cursor else ""
            reply = await self._call("pull", "GET", f"{paths.CHANGES}{query}")
            page = ChangesPage.model_validate_json(reply.content)
            for change in page.changes:
                case = change.case
                if case is None or case.case_no not in self.state.accepted:
                    continue
                status = case.status.value
                if status in DECIDED and case.case_no not in self.state.decided:
                    self.state.decided[case.case_no] = status
                    self._handover(case.case_no)
            self.state.cursor = page.next_cursor
            if not page.has_more:
                return


# -------------------------------------------------------------------- enrolment
async def enrol_all(
    target: Target, codes: list[tuple[str, str, str]], *, concurrency: int = 32
) -> tuple[list[DeviceState], Stats]:
    """Enrol one device per (hall, window, code) and fetch the catalogue; not timed (it happens
    once, before the hall opens). The first device downloads it; the others ask with its ETag
    (If-None-Match) and are answered 304, as counters installed with the current release."""
    stats = Stats()
    session = Session(target, stats)
    gate = asyncio.Semaphore(concurrency)
    states: list[DeviceState | None] = [None] * len(codes)

    async def one(index: int, hall: str, window: str, code: str, held: str | None = None) -> None:
        async with gate:
            device_id = str(uuid.uuid4())
            reply = await session.request(
                None,
                "POST",
                paths.ENROL,
                ok=(201,),
                json={
                    "code": code,
                    "device_id": device_id,
                    "device_name": f"load {hall}-{window}",
                    "window_code": window,
                },
            )
            enrolled = EnrolReply.model_validate_json(reply.content)
            state = DeviceState(
                index, device_id, hall, window, enrolled.refresh_credential, catalogue_etag=held
            )
            device = Device(state, session, Mix())
            try:
                await device._catalogue()
            finally:
                await device.close()
            states[index] = state

    try:
        if codes:
            await one(0, *codes[0])
            first = states[0]
            assert first is not None
            held = first.catalogue_etag
        else:
            held = None

        async def rest(index: int, hall: str, window: str, code: str) -> None:
            if index == 0:
                return
            await one(index, hall, window, code, held)

        await asyncio.gather(*(rest(i, *entry) for i, entry in enumerate(codes)))
    finally:
        await session.close()
    return [s for s in states if s is not None], stats


# -------------------------------------------------------------------- the back office
async def _book(session: Session, headers: dict[str, str], hall: str, serial: int) -> None:
    """One online booking for tomorrow in ``hall`` (a full slot's 409 is an answer too)."""
    body = f"11010519800101{serial % 1000:03d}"
    request = BookingRequest(
        hall_code=hall,
        service_code="A",
        date=dt.datetime.now(TZ).date() + dt.timedelta(days=1),
        slot=f"{9 + serial % 8:02d}:{30 * (serial // 8 % 2):02d}",
        id_number=body + id_check_character(body),
        phone=f"139{serial % 10**8:08d}",
    )
    reply = await session.request(
        "bo_book",
        "POST",
        paths.BOOKINGS,
        headers=headers,
        ok=(201, 409),
        json=request.model_dump(mode="json"),
    )
    session.stats.bookings_made += reply.status_code == 201


async def back_office(
    session: Session,
    token: str,
    mix: Mix,
    stop: asyncio.Event,
    period_s: float,
    halls: tuple[str, ...] = (),
) -> None:
    """Review every received case; approve or reject a share of them (by the case number, so
    a run is repeatable); the rest stay under review. Book for ``halls`` as the mix says."""
    headers = {"Authorization": f"Bearer {token}"}
    # Spread evenly over the halls and the phase, as bookings arrive (a first one at once, so
    # a short phase has one too), never a burst of every hall at the same moment.
    owed, booked = 1.0 if halls else 0.0, 0
    while not stop.is_set():
        try:
            while owed >= 1:
                owed -= 1
                booked += 1
                await _book(session, headers, halls[booked % len(halls)], booked)
            owed += len(halls) * period_s / mix.booking_every_s
            reply = await session.request(
                "bo_list",
                "GET",
                "/v1/backoffice/cases?status=received&limit=200",
                headers=headers,
            )
            for case in CaseList.model_validate_json(reply.content).cases:
                share = int(hashlib.sha256(case.case_no.encode()).hexdigest()[:4], 16) / 0xFFFF
                if share < mix.approve_share:
                    action, body = "approve", {"approver": "load-approver"}
                elif share < mix.approve_share + mix.reject_share:
                    action, body = "reject", {"approver": "load-approver", "reason": "材料不符"}
                else:
                    action, body = "review", {"reviewer": "load-approver"}
                await session.request(
                    f"bo_{action}",
                    "POST",
                    f"/v1/backoffice/cases/{case.case_no}/{action}",
                    headers=headers,
                    ok=(200, 409),  # 409: decided meanwhile (never here: one actor)
                    json=body,
                )
                session.stats.decisions_made += action != "review"
        except LoadError as exc:
            session.stats.error(f"back office: {exc}")
        with_stop = asyncio.ensure_future(stop.wait())
        await asyncio.wait({with_stop}, timeout=period_s)
        with_stop.cancel()


# -------------------------------------------------------------------- running a phase
@dataclass
class Phase:
    """How a phase drives the devices.

    ``period_s`` > 0: open loop, each device syncs every ``period_s`` (starts spread over one
    period). ``period_s`` == 0: closed loop, ``concurrency`` syncs back to back (saturating)."""

    seconds: float
    period_s: float = 30.0
    concurrency: int = 64
    drain: bool = True  # after the time is up, sync until every outbox is empty
    backoffice_token: str | None = None
    backoffice_period_s: float = 2.0
    halls: tuple[str, ...] = ()  # the back office books for these (all the phase's halls)
    mix: Mix = field(default_factory=Mix)


async def _guarded_cycle(device: Device, stats: Stats, *, new_cases: bool = True) -> None:
    try:
        await device.cycle(new_cases=new_cases)
        stats.cycles += 1
    except (LoadError, ValueError) as exc:  # ValueError: a reply that is not its model
        stats.failed_cycles += 1
        stats.error(f"{device.state.hall_code}-{device.state.window_code}: {exc}")


async def _open_loop(devices: list[Device], stats: Stats, phase: Phase, end: float) -> None:
    async def run(device: Device, offset: float) -> None:
        due = time.monotonic() + offset
        while True:
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            if time.monotonic() >= end:
                return
            await _guarded_cycle(device, stats)
            due = max(due + phase.period_s, time.monotonic())

    count = max(1, len(devices))
    await asyncio.gather(*(run(d, phase.period_s * i / count) for i, d in enumerate(devices)))


async def _closed_loop(devices: list[Device], stats: Stats, phase: Phase, end: float) -> None:
    queue: asyncio.Queue[Device] = asyncio.Queue()
    for device in devices:
        queue.put_nowait(device)

    async def worker() -> None:
        while time.monotonic() < end:
            device = await queue.get()
            await _guarded_cycle(device, stats)
            queue.put_nowait(device)

    await asyncio.gather(*(worker() for _ in range(min(phase.concurrency, len(devices)))))


async def _drain(devices: list[Device], stats: Stats) -> None:
    """Sync the devices with anything left (a failed cycle, a handover not yet sent) until
    their outboxes are empty, without new cases: what the run believes is then final."""
    gate = asyncio.Semaphore(32)

    async def one(device: Device) -> None:
        async with gate:
            await _guarded_cycle(device, stats, new_cases=False)

    for _ in range(5):
        waiting = [d for d in devices if d.state.outbox]
        if not waiting:
            return
        await asyncio.gather(*(one(d) for d in waiting))


async def run_phase(target: Target, states: list[DeviceState], phase: Phase) -> tuple[Stats, float]:
    """Drive ``states`` (updated in place) for ``phase.seconds``; returns the figures and the
    seconds the timed part took (before the drain)."""
    stats = Stats()
    session = Session(target, stats)
    devices = [Device(state, session, phase.mix) for state in states]
    stop = asyncio.Event()
    office = None
    if phase.backoffice_token is not None:
        office = asyncio.ensure_future(
            back_office(
                session,
                phase.backoffice_token,
                phase.mix,
                stop,
                phase.backoffice_period_s,
                phase.halls,
            )
        )
    started = time.monotonic()
    end = started + phase.seconds
    try:
        if phase.period_s > 0:
            await _open_loop(devices, stats, phase, end)
        else:
            await _closed_loop(devices, stats, phase, end)
        took = time.monotonic() - started
        if phase.drain:
            await _drain(devices, stats)
    finally:
        stop.set()
        if office is not None:
            await office
        await asyncio.gather(*(d.close() for d in devices))
        await session.close()
    return stats, took


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's event loop where it is installed (as the server runs on it): the generator
    shares the machine with the server, and every millisecond of its CPU is one the server
    does not get."""
    try:
        import uvloop  # noqa: PLC0415 - not on Windows
    except ImportError:
        return None
    return uvloop.new_event_loop


def run_slice(target: Target, states: list[DeviceState], phase: Phase) -> dict[str, Any]:
    """One generator process's part (a picklable entry point for a process pool)."""
    cpu = time.process_time()
    with asyncio.Runner(loop_factory=_loop_factory()) as runner:
        stats, took = runner.run(run_phase(target, states, phase))
    return {
        "stats": asdict(stats),
        "took": took,
        "cpu_s": time.process_time() - cpu,
        "states": [asdict(s) for s in states],
    }
