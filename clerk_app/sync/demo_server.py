"""The reference central server beside the demo hall (``clerk-app run --seed-demo --with-server``,
which ``make run`` uses), so a newcomer can try the whole loop on one PC: accept a case, watch it
sync, approve it with ``central-server approve CASE_NO``, see the decision arrive.

The server runs as a child process (``python -m central_server.cli … serve``) on a loopback port
with its own SQLite database in ``<data dir>/central-demo/``; the counter bundle leaves the
server out, so this is for a development checkout only. The first start publishes the demo
catalogue on the server, imports the demo applicants' e-licences (``clerk_app.licences.demo``:
查证照 finds them), puts one made-up applicant on the joint-punishment list (``DEMO_LISTED``:
the intake form's 信用核查 says 失信被执行人 for that number) and enrols the hall database with a
one-time code it makes itself; a later start on another port only records the new address.
``stop()`` ends the child; the app calls it on exit, also on SIGTERM (``ui.app``). Should the
app end without a word (SIGKILL, a crash), the server still stops: its standard input is a pipe
only the app holds (``--lifeline``), and the operating system closes it with the app.
"""

from __future__ import annotations

import atexit
import datetime as dt
import json
import logging
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy.orm import Session

from clerk_app.catalogue.demo import demo_catalogue_path
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.licences.demo import write_demo_licences
from clerk_app.sync import state
from clerk_app.sync.enrolment import enrol
from clerk_app.sync.payload import HALL_TZ
from onewindow_base.db.engine import Database
from onewindow_protocol import paths
from onewindow_protocol.masking import mask_id
from onewindow_protocol.version import protocol_headers

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
PREFERRED_PORT = 8700
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0
DEVICE_FILE = "enrolled-device"  # the device id this server enrolled (a later start reuses it)
BOOKED_FILE = "demo-bookings"  # the hall day the demo bookings were last made for
DEMO_ID = "11010519491231002X"  # the standard's example number: the simulated ID card's
# (service, minutes from now rounded to the half hour, ID number): checked in by code, by the
# simulated card, and one for tomorrow (the kiosk says "another day")
DEMO_BOOKINGS = (
    ("BIZ", 0, "220102199003071234"),
    ("PERMIT", 30, DEMO_ID),
    ("SOCIAL", 60, DEMO_ID),
    ("CIVIL", 24 * 60, "220102198501011234"),
)
LICENCES_DIR = "demo-licences"  # the demo e-licences' import file and PDF copies
CREDIT_FILE = "demo-credit"  # written once the demo listing is on the server's list
# A made-up applicant no other demo flow uses (the simulated card, the bookings and the
# e-licence holders stay clear): typed at intake, 信用核查 answers listed.
DEMO_LISTED = ("赵强", "220104197806120030")
DEMO_LISTED_REASON = "失信被执行人"


class DemoServerError(RuntimeError):
    """The demo server could not be started or the hall not enrolled."""


@dataclass(frozen=True, slots=True)
class DemoLink:
    url: str
    enrolled_now: bool  # False: the hall was enrolled on an earlier start


def free_port(preferred: int | None = None) -> int:
    """``preferred`` (default 8700) when it is free on loopback, else one the system picks."""
    for port in (PREFERRED_PORT if preferred is None else preferred, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((HOST, port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise DemoServerError("no free loopback port")


class DemoServer:
    def __init__(self, root: Path, *, port: int | None = None) -> None:
        self.root = root
        self.port = port
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.root / 'central.sqlite3'}"

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def command(self, *args: str) -> list[str]:
        if getattr(sys, "frozen", False):
            raise DemoServerError("the installed app has no central server; use a checkout")
        base = [sys.executable, "-m", "central_server.cli", "--db", self.db_url]
        return [*base, "--data-dir", str(self.root), *args]

    def admin(self, *args: str) -> str:
        """Run one ``central-server`` command against this server's database; its stdout."""
        done = subprocess.run(  # noqa: S603 - our own interpreter and module, fixed arguments
            self.command(*args), capture_output=True, timeout=120, check=False
        )
        if done.returncode != 0:
            message = done.stderr.decode(errors="replace").strip().splitlines()
            raise DemoServerError(f"central-server {args[0]} failed: {message[-1:]}")
        return done.stdout.decode()

    def start(self) -> str:
        self.root.mkdir(parents=True, exist_ok=True)
        if self.port is None:
            self.port = free_port()
        log_file = (self.root / "server.log").open("ab")
        try:
            self._process = subprocess.Popen(  # noqa: S603 - see command()
                self.command("serve", "--host", HOST, "--port", str(self.port), "--lifeline"),
                stdin=subprocess.PIPE,  # the lifeline: only this process holds its other end
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        finally:
            log_file.close()
        atexit.register(self.stop)  # also when the app ends before it could stop the server
        self._wait_ready()
        log.info("demo central server at %s (log %s)", self.url, self.root / "server.log")
        return self.url

    def _wait_ready(self) -> None:
        """Until the server answers HTTP at all (a 401 from ``hello`` is an answer)."""
        deadline = time.monotonic() + START_TIMEOUT_S
        headers = protocol_headers()
        with httpx.Client(base_url=self.url, timeout=2.0, headers=headers) as http:
            while time.monotonic() < deadline:
                if not self.running:
                    raise DemoServerError(
                        f"the central server exited; see {self.root / 'server.log'}"
                    )
                try:
                    http.get(paths.HELLO)
                except httpx.TransportError:
                    time.sleep(0.1)  # a child process: there is no signal to wait on
                    continue
                return
        self.stop()
        raise DemoServerError(f"the central server did not answer within {START_TIMEOUT_S:.0f} s")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            if process is not None and process.stdin is not None:
                process.stdin.close()
            return
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        finally:
            if process.stdin is not None:
                process.stdin.close()  # the lifeline, no longer needed

    def connect(self, db: Database, protector: PersonalDataProtector, hall_code: str) -> DemoLink:
        """Enrol the hall database with this server, or point it at the new address when this
        server enrolled it before."""
        marker = self.root / DEVICE_FILE
        current = db.run_read(state.status)
        known = marker.read_text(encoding="utf-8").strip() if marker.exists() else None
        if current.enrolled and known == current.device_id:
            if not (self.root / LICENCES_DIR).exists():  # enrolled before the demo had licences
                self.import_demo_licences()
            if not (self.root / CREDIT_FILE).exists():  # … or its credit listing
                self.list_demo_credit()
            db.run_write(lambda s: _set_server_url(s, self.url))
            return DemoLink(self.url, enrolled_now=False)
        self.admin("catalog", "publish", str(demo_catalogue_path()))
        self.import_demo_licences()
        self.list_demo_credit()
        code = json.loads(self.admin("enroll-code", "--hall", hall_code, "--json"))["code"]
        done = enrol(db, protector, self.url, str(code), device_name="demo counter")
        marker.write_text(done.device_id, encoding="utf-8")
        return DemoLink(self.url, enrolled_now=True)

    def book_demo(self, hall_code: str, now: dt.datetime) -> list[str]:
        """A few bookings for the hall's present hours, once a day (``make run``'s kiosk
        shows check-in with them); the codes, or nothing when today's were made already."""
        marker = self.root / BOOKED_FILE
        today = now.date().isoformat()
        if marker.exists() and marker.read_text(encoding="utf-8").strip() == today:
            return []
        start = now.replace(second=0, microsecond=0) + dt.timedelta(minutes=30 - now.minute % 30)
        codes = []
        for service, offset, id_number in DEMO_BOOKINGS:
            when = start + dt.timedelta(minutes=offset)
            reply = self.admin(
                "appointments",
                "book",
                "--hall",
                hall_code,
                "--service",
                service,
                "--date",
                when.date().isoformat(),
                "--slot",
                f"{when:%H:%M}",
                "--id",
                id_number,
                "--phone",
                "13800000000",
                "--json",
            )
            codes.append(str(json.loads(reply)["code"]))
        marker.write_text(today, encoding="utf-8")
        return codes

    def import_demo_licences(self) -> None:
        """The demo applicants' e-licences into the registry (idempotent: by type and number)."""
        path = write_demo_licences(self.root / LICENCES_DIR)
        log.info("demo e-licences: %s", self.admin("licences", "import", str(path)).strip())

    def list_demo_credit(self) -> None:
        """``DEMO_LISTED`` on the joint-punishment list, once: not again when the list already
        has it (a hall enrolled afresh with the same server)."""
        masked = mask_id(DEMO_LISTED[1])
        listed = json.loads(self.admin("credit", "list", "--json"))["listings"]
        if not any(
            x["identifier_masked"] == masked and x["reason"] == DEMO_LISTED_REASON for x in listed
        ):
            self.admin("credit", "add", DEMO_LISTED[1], "--reason", DEMO_LISTED_REASON, "--json")
            log.info("demo credit listing: %s", masked)
        (self.root / CREDIT_FILE).write_text(masked, encoding="utf-8")


def _set_server_url(session: Session, url: str) -> None:
    row = state.load(session, for_update=True)
    if row.server_url != url:
        row.server_url = url
        row.backoff_until_ms = 0  # the old address's failures say nothing about the new one


def start_demo_server(
    db: Database, protector: PersonalDataProtector, hall_code: str, root: Path
) -> DemoServer:
    """Start the server and connect the hall database to it; the server is stopped again when
    the connection fails, so nothing is left running."""
    server = DemoServer(root)
    server.start()
    try:
        link = server.connect(db, protector, hall_code)
    except Exception:
        server.stop()
        raise
    log.info(
        "hall %s %s the demo server", hall_code, "enrolled with" if link.enrolled_now else "uses"
    )
    try:
        codes = server.book_demo(hall_code, dt.datetime.now(HALL_TZ))
    except DemoServerError as exc:  # the demo goes on without bookings
        log.warning("no demo bookings: %s", exc)
    else:
        if codes:
            log.info("demo bookings for the kiosk: %s", ", ".join(codes))
    return server
