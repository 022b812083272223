"""The server epoch: a UUID that changes when the database was restored from a backup.

Clients keep the epoch with their changes cursor and their acknowledged operations. When it
changes they re-pull everything (the old cursor is answered 410) and re-push the operations they
kept (each answered ``duplicate`` if the restored server still had it, ``applied`` if not).

Two ways to a new epoch: the operator runs ``central-server new-epoch`` after a restore, or the
server detects the restore at start-up. For the latter it keeps a guard file in its data
directory, ``epoch-guard.json``, with the highest change sequence and operation number it has
committed under the current epoch. A database whose numbers are lower than the guard's, under
the same epoch, or whose epoch the guard saw retired, has gone back in time: a new epoch starts.
A restore that also rolls back the data directory cannot be seen; then ``new-epoch`` is needed.

Several processes share the epoch: ``serve --workers N`` and servers on other machines on the
same database and data directory. The epoch row changes only under a PostgreSQL advisory lock
(:func:`lock_epoch`; SQLite's ``BEGIN IMMEDIATE`` already serialises writers), so N workers
starting at once after a restore start one new epoch, not N. The guard file is rewritten under
an exclusive ``flock`` on ``epoch-guard.lock`` beside it (its read-merge-write must not
interleave across processes) and fsynced with its directory.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from central_server.context import ServerContext
from central_server.models import ChangeEvent, Operation, ServerState
from central_server.services.common import ms_to_datetime
from onewindow_protocol.wire.backoffice import EpochReply

log = logging.getLogger(__name__)

GUARD_NAME = "epoch-guard.json"
LOCK_NAME = "epoch-guard.lock"
STATE_ID = 1
EPOCH_LOCK_KEY = 0x0E_57_A7_12  # PostgreSQL advisory lock: one epoch change at a time


def lock_epoch(session: Session) -> None:
    """Serialise epoch changes across processes on PostgreSQL (held to COMMIT)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": EPOCH_LOCK_KEY})


@dataclass(frozen=True, slots=True)
class HighWater:
    change_seq: int
    operation: int

    def below(self, other: HighWater) -> bool:
        return self.change_seq < other.change_seq or self.operation < other.operation


def state_row(session: Session, now_ms: int) -> ServerState:
    state = session.get(ServerState, STATE_ID)
    if state is None:
        lock_epoch(session)  # two first starts at once: one inserts, the other reads it
        state = session.get(ServerState, STATE_ID, populate_existing=True)
    if state is None:
        state = ServerState(
            id=STATE_ID, epoch=str(uuid.uuid4()), epoch_started_ms=now_ms, retired_epochs=[]
        )
        session.add(state)
        session.flush()
    return state


def current_epoch(ctx: ServerContext) -> str:
    with ctx.db.read() as session:
        state = session.get(ServerState, STATE_ID)
    if state is None:
        return ctx.db.run_write(lambda s: state_row(s, ctx.now_ms()).epoch)
    return state.epoch


def high_water(session: Session) -> HighWater:
    change = session.scalar(select(func.max(ChangeEvent.seq))) or 0
    op = session.scalar(select(func.max(Operation.id))) or 0
    return HighWater(int(change), int(op))


@dataclass(frozen=True, slots=True)
class GuardMark:
    """What the guard file is to hold: the epoch, the retired ones and the high water mark."""

    epoch: str
    retired: list[str]
    mark: HighWater


def guard_mark(session: Session) -> GuardMark | None:
    """The guard's contents as this transaction sees the database, in one statement (``None``
    before the epoch row exists). Read inside a write transaction, it counts that transaction's
    own rows: write it to the guard only once that transaction has committed."""
    change = select(func.max(ChangeEvent.seq)).scalar_subquery()
    op = select(func.max(Operation.id)).scalar_subquery()
    row = session.execute(
        select(ServerState.epoch, ServerState.retired_epochs, change, op).where(
            ServerState.id == STATE_ID
        )
    ).first()
    if row is None:
        return None
    epoch, retired, max_change, max_op = row
    return GuardMark(str(epoch), list(retired), HighWater(int(max_change or 0), int(max_op or 0)))


class EpochGuard:
    """The guard file: epoch, retired epochs and the high water mark, rewritten atomically."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / GUARD_NAME
        self._lock = threading.Lock()

    def read(self) -> tuple[str, list[str], HighWater] | None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            mark = HighWater(int(raw["change_seq"]), int(raw["operation"]))
            return str(raw["epoch"]), [str(e) for e in raw.get("retired", [])], mark
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError):
            log.info("epoch guard %s unreadable; starting it afresh", self.path)
            return None

    @contextlib.contextmanager
    def _exclusive(self) -> Iterator[None]:
        """This process's threads, then every process on the data directory (``flock``, which
        Linux also takes on NFS); where there is no ``fcntl`` (Windows) only the former."""
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                import fcntl  # noqa: PLC0415 - POSIX only
            except ImportError:
                yield
                return
            with (self.path.parent / LOCK_NAME).open("a") as handle:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def write(self, epoch: str, retired: list[str], mark: HighWater) -> None:
        with self._exclusive():
            known = self.read()
            if known is not None:
                retired = sorted(set(retired) | set(known[1]))
            if known is not None and known[0] == epoch:
                mark = HighWater(
                    max(mark.change_seq, known[2].change_seq),
                    max(mark.operation, known[2].operation),
                )
            tmp = self.path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            body = {
                "epoch": epoch,
                "retired": retired,
                "change_seq": mark.change_seq,
                "operation": mark.operation,
            }
            with tmp.open("w", encoding="utf-8") as out:
                out.write(json.dumps(body))
                out.flush()
                os.fsync(out.fileno())
            tmp.replace(self.path)
            _fsync_dir(self.path.parent)

    def record(self, ctx: ServerContext) -> None:
        """After a commit: raise the mark to what the database now holds."""
        with ctx.db.read() as session:
            found = guard_mark(session)
        self.record_mark(found)

    def record_mark(self, found: GuardMark | None) -> None:
        """Write what :func:`guard_mark` read, after its transaction committed."""
        if found is not None:
            self.write(found.epoch, found.retired, found.mark)


def _fsync_dir(directory: Path) -> None:
    if os.name == "nt":
        return  # NTFS journals the rename; directories cannot be opened for fsync
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def start_new_epoch(session: Session, now_ms: int) -> EpochReply:
    lock_epoch(session)
    state = state_row(session, now_ms)
    previous = state.epoch
    state.retired_epochs = [*state.retired_epochs, previous]
    state.epoch = str(uuid.uuid4())
    state.epoch_started_ms = now_ms
    session.flush()
    return EpochReply(
        epoch=state.epoch, previous=previous, started_at=ms_to_datetime(state.epoch_started_ms)
    )


def new_epoch(ctx: ServerContext, guard: EpochGuard) -> EpochReply:
    reply = ctx.db.run_write(lambda s: start_new_epoch(s, ctx.now_ms()))
    log.info("new server epoch %s (was %s)", reply.epoch, reply.previous)
    guard.record(ctx)
    return reply


def check_at_start(ctx: ServerContext, guard: EpochGuard) -> EpochReply | None:
    """Start a new epoch if the database went back in time since the guard was written."""

    def work(session: Session) -> EpochReply | None:
        lock_epoch(session)  # the guard is read after a concurrent start's new epoch committed
        state = state_row(session, ctx.now_ms())
        known = guard.read()
        if known is None:
            return None
        epoch, retired, mark = known
        restored = (epoch == state.epoch and high_water(session).below(mark)) or (
            state.epoch in retired
        )
        if not restored:
            return None
        return start_new_epoch(session, ctx.now_ms())

    reply = ctx.db.run_write(work)
    if reply is not None:
        log.warning(
            "the database is older than this server's last commit (restored from a backup?): "
            "new epoch %s replaces %s; clients will re-pull and re-push",
            reply.epoch,
            reply.previous,
        )
    guard.record(ctx)
    return reply
