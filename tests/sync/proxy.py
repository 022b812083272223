"""A loopback HTTP fault proxy between the sync client and the central server.

Each client connection carries one request (the proxy answers ``Connection: close``). Rules pick
a fault by method and path, a set number of times; everything else passes. Faults: drop after
the server answered (the server committed, the client never hears), drop after part of the reply,
hold (the request waits at the proxy until the test releases it: a link slower than the client's
patience), truncate the body, a 200 HTML captive-portal page, a status (500/429/503, optionally with
Retry-After) before or after the server saw the request, a corrupted or cut request body.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field

HTML = (
    b"<!DOCTYPE html><html><head><title>Wi-Fi login</title></head>"
    b"<body>Please sign in to the hall network.</body></html>"
)


@dataclass
class Rule:
    action: str  # pass | drop_after_request | drop_mid_response | hold | truncate | truncate_json |
    #              html | status | status_after | corrupt_request | cut_request
    method: str | None = None
    path: str | None = None  # a prefix
    times: int = 1
    status: int = 500
    retry_after: str | None = None
    hold_limit_s: float = 30.0  # a held request goes on by itself after this (a forgotten release)


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body_len: int
    action: str


@dataclass
class _Request:
    method: str
    path: str
    head: bytes
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def _read_request(conn: socket.socket) -> _Request | None:
    data = b""
    while b"\r\n\r\n" not in data:
        part = conn.recv(65536)
        if not part:
            return None
        data += part
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path, _version = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        part = conn.recv(65536)
        if not part:
            break
        rest += part
    kept = [line for line in lines if not line.lower().startswith(("connection:", "keep-alive:"))]
    new_head = ("\r\n".join(kept) + "\r\nConnection: close\r\n\r\n").encode("latin-1")
    return _Request(method, path, new_head, rest, headers)


def _reply(status: int, body: bytes, content_type: str, extra: str = "") -> bytes:
    return (
        f"HTTP/1.1 {status} Proxy\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n{extra}Connection: close\r\n\r\n"
    ).encode() + body


class FaultProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.rules: list[Rule] = []
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._answered = threading.Condition(self._lock)
        self.answered: list[str] = []  # "METHOD /path" of each reply the server finished
        self._released = threading.Event()  # lets the requests a "hold" rule keeps go on
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._stopped = False
        self._thread = threading.Thread(target=self._accept, daemon=True, name="fault-proxy")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def release(self) -> None:
        """Let every held request (and any later one a hold rule catches) go on to the server."""
        self._released.set()

    def add(self, rule: Rule) -> FaultProxy:
        with self._lock:
            self.rules.append(rule)
        return self

    def clear(self) -> None:
        with self._lock:
            self.rules.clear()
            self.seen.clear()

    def requests(self, method: str | None = None, path: str | None = None) -> list[Seen]:
        with self._lock:
            return [
                s
                for s in self.seen
                if (method is None or s.method == method)
                and (path is None or s.path.startswith(path))
            ]

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped = True
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self._listener.close()
        self._thread.join(5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _accept(self) -> None:
        while not self._stopped:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _pick(self, request: _Request) -> Rule | None:
        with self._lock:
            for rule in self.rules:
                if rule.times <= 0:
                    continue
                if rule.method and rule.method != request.method:
                    continue
                if rule.path and not request.path.startswith(rule.path):
                    continue
                rule.times -= 1
                return rule
        return None

    def _forward(self, head: bytes, body: bytes) -> bytes:
        with socket.create_connection(self.upstream, timeout=60) as up:
            up.sendall(head + body)
            chunks = []
            while True:
                part = up.recv(65536)
                if not part:
                    break
                chunks.append(part)
        method, path = head.split(b" ", 2)[:2]
        with self._answered:
            self.answered.append(f"{method.decode()} {path.decode()}")
            self._answered.notify_all()
        return b"".join(chunks)

    def wait_answered(self, method: str, path: str, count: int, timeout: float = 10.0) -> None:
        """Until the server has finished ``count`` replies to ``method path…`` (delayed or not)."""

        def done() -> bool:
            prefix = f"{method} {path}"
            return sum(a.startswith(prefix) for a in self.answered) >= count

        with self._answered:
            assert self._answered.wait_for(done, timeout), f"{count} × {method} {path} unanswered"

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            try:
                request = _read_request(conn)
            except (OSError, ValueError):
                return
            if request is None:
                return
            rule = self._pick(request)
            action = rule.action if rule else "pass"
            with self._lock:
                self.seen.append(
                    Seen(request.method, request.path, request.headers, len(request.body), action)
                )
            try:
                self._act(conn, request, rule)
            except OSError:
                return

    def _act(self, conn: socket.socket, request: _Request, rule: Rule | None) -> None:
        if rule is None or rule.action == "pass":
            conn.sendall(self._forward(request.head, request.body))
            return
        a = rule.action
        if a == "html":
            conn.sendall(_reply(200, HTML, "text/html; charset=utf-8"))
        elif a == "status":
            extra = f"Retry-After: {rule.retry_after}\r\n" if rule.retry_after else ""
            conn.sendall(_reply(rule.status, b"", "text/plain", extra))
        elif a == "status_after":
            self._forward(request.head, request.body)
            conn.sendall(_reply(rule.status, b"<h1>Bad gateway</h1>", "text/html"))
        elif a == "drop_after_request":
            self._forward(request.head, request.body)  # the server did the work; no reply
        elif a == "drop_mid_response":
            reply = self._forward(request.head, request.body)
            conn.sendall(reply[: max(1, len(reply) // 2)])
        elif a == "hold":
            self._released.wait(rule.hold_limit_s)
            conn.sendall(self._forward(request.head, request.body))
        elif a == "truncate":  # the Content-Length promises more than arrives
            reply = self._forward(request.head, request.body)
            head, _, body = reply.partition(b"\r\n\r\n")
            conn.sendall(head + b"\r\n\r\n" + body[: len(body) // 2])
        elif a == "truncate_json":  # a consistent reply whose JSON is cut short
            reply = self._forward(request.head, request.body)
            head, _, body = reply.partition(b"\r\n\r\n")
            cut = body[: len(body) // 2]
            lines = [
                f"content-length: {len(cut)}".encode()
                if line.lower().startswith(b"content-length:")
                else line
                for line in head.split(b"\r\n")
            ]
            conn.sendall(b"\r\n".join(lines) + b"\r\n\r\n" + cut)
        elif a == "corrupt_request":  # one byte flipped on the way to the server
            flipped = bytearray(request.body)
            if flipped:
                flipped[len(flipped) // 2] ^= 0xFF
            conn.sendall(self._forward(request.head, bytes(flipped)))
        elif a == "cut_request":  # the link dies half way through the request body
            with socket.create_connection(self.upstream, timeout=60) as up:
                up.sendall(request.head + request.body[: len(request.body) // 2])
                up.shutdown(socket.SHUT_WR)
                while up.recv(65536):
                    pass
        else:
            raise ValueError(a)
