"""Sign-in: lockout after repeated failures that survives a restart, unlock, audit records;
the cost a hall hashes passwords at, and a cheaper stored hash upgraded at the next sign-in."""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Callable
from typing import Literal

import argon2
import pytest
from sqlalchemy import select, update

from clerk_app.accounts.auth import AuthService, LockoutPolicy, LoginFailed, LoginFailure
from clerk_app.accounts.authz import PermissionDenied
from clerk_app.audit.service import AuditService
from clerk_app.db.models import User
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from tests.passwords import FAST_HASHER, SHIPPED

pytestmark = pytest.mark.allow_log_warnings  # a lockout is logged as a warning, by design


def _actions(db: Database, clock: FixedClock) -> list[tuple[str, str]]:
    audit = AuditService(db, clock)
    return [(e.action, e.outcome) for e in audit.entries(0, 2**62)]


def _fail(auth: AuthService, times: int, password: str = "wrong") -> LoginFailed:
    failure = None
    for _ in range(times):
        with pytest.raises(LoginFailed) as caught:
            auth.authenticate("clerk1", password)
        failure = caught.value
    assert failure is not None
    return failure


def test_five_failures_lock_the_account_even_after_a_restart(
    db_url: str, clock: FixedClock
) -> None:
    db = Database(db_url)
    auth = AuthService(db, clock=clock)
    assert _fail(auth, 4).reason is LoginFailure.UNKNOWN_OR_WRONG
    locked = _fail(auth, 1)
    assert locked.reason is LoginFailure.LOCKED
    assert locked.locked_until_ms == clock.now_ms() + 30 * 60_000
    db.dispose()

    restarted = Database(db_url)  # a new process: nothing kept in memory
    auth = AuthService(restarted, clock=clock)
    with pytest.raises(LoginFailed) as caught:
        auth.authenticate("clerk1", "clerk1-demo")  # even the right password
    assert caught.value.reason is LoginFailure.LOCKED

    clock.advance(minutes=31)
    assert auth.authenticate("clerk1", "clerk1-demo").username == "clerk1"
    actions = _actions(restarted, clock)
    assert actions.count(("auth.login_failed", "denied")) == 6
    assert ("auth.lockout", "ok") in actions
    assert actions[-1] == ("auth.login", "ok")
    assert AuditService(restarted, clock).verify().intact
    restarted.dispose()


def test_a_success_resets_the_failure_count(db: Database, clock: FixedClock) -> None:
    auth = AuthService(db, clock=clock, lockout=LockoutPolicy(max_failures=3))
    _fail(auth, 2)
    auth.authenticate("clerk1", "clerk1-demo")
    assert _fail(auth, 2).reason is LoginFailure.UNKNOWN_OR_WRONG  # not locked: count restarted


def test_a_supervisor_unlocks_and_a_clerk_may_not(db: Database, clock: FixedClock) -> None:
    auth = AuthService(db, clock=clock)
    _fail(auth, 5)
    clerk2 = auth.authenticate("clerk2", "clerk2-demo")
    with pytest.raises(PermissionDenied):
        auth.unlock("clerk1", by=clerk2)
    assert _fail(auth, 1, "clerk1-demo").reason is LoginFailure.LOCKED

    supervisor = auth.authenticate("supervisor", "supervisor-demo")
    auth.unlock("clerk1", by=supervisor)
    assert auth.authenticate("clerk1", "clerk1-demo").username == "clerk1"
    actions = _actions(db, clock)
    assert ("auth.access_denied", "denied") in actions
    assert ("auth.unlock", "ok") in actions


def test_unknown_users_are_audited_without_revealing_which_part_was_wrong(
    db: Database, clock: FixedClock
) -> None:
    auth = AuthService(db, clock=clock)
    with pytest.raises(LoginFailed) as caught:
        auth.authenticate("nobody", "x")
    assert caught.value.reason is LoginFailure.UNKNOWN_OR_WRONG
    entries = AuditService(db, clock).entries(0, 2**62)
    assert [(e.action, e.target, e.detail) for e in entries] == [
        ("auth.login_failed", "nobody", '{"reason":"unknown_user"}')
    ]


def test_a_hall_process_hashes_at_argon2s_recommended_cost() -> None:
    """This test process hashes cheaply (tests/passwords.py); a hall's process does not."""
    made = subprocess.run(
        [
            sys.executable,
            "-c",
            "from clerk_app.accounts.auth import hash_password; print(hash_password('x'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert argon2.extract_parameters(made) == argon2.profiles.RFC_9106_LOW_MEMORY
    assert argon2.extract_parameters(SHIPPED.hash("x")) == argon2.profiles.RFC_9106_LOW_MEMORY


def test_a_cheaper_stored_hash_is_upgraded_at_the_next_sign_in(
    db: Database, clock: FixedClock
) -> None:
    def stored() -> argon2.Parameters:
        found = db.run_read(
            lambda s: s.scalar(select(User.password_hash).where(User.username == "clerk1"))
        )
        assert found is not None
        return argon2.extract_parameters(found)

    assert stored() == argon2.extract_parameters(FAST_HASHER.hash("x"))  # the test templates'
    AuthService(db, clock=clock, hasher=SHIPPED).authenticate("clerk1", "clerk1-demo")
    assert stored() == argon2.profiles.RFC_9106_LOW_MEMORY
    AuthService(db, clock=clock, hasher=SHIPPED).authenticate("clerk1", "clerk1-demo")


class _Racing(argon2.PasswordHasher):
    """A cost above the test templates' (their hashes get upgraded); after its first check,
    before the sign-in it checked for writes, ``meanwhile`` runs once (the same clerk at a
    second PC, an administrator)."""

    def __init__(self, meanwhile: Callable[[], object] | None = None, *, times: int = 1) -> None:
        super().__init__(time_cost=2, memory_cost=8, parallelism=1)
        self.meanwhile = meanwhile
        self.times = times

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        verified = super().verify(hash, password)
        if self.meanwhile is not None and self.times > 0:
            self.times -= 1
            self.meanwhile()
        return verified


def test_a_sign_in_whose_hash_another_sign_in_upgraded_meanwhile_goes_through(
    db: Database, clock: FixedClock
) -> None:
    second_pc = AuthService(db, clock=clock, hasher=_Racing())
    first_pc = _Racing(lambda: second_pc.authenticate("clerk1", "clerk1-demo"))
    assert (
        AuthService(db, clock=clock, hasher=first_pc).authenticate("clerk1", "clerk1-demo").username
        == "clerk1"
    )
    assert _actions(db, clock) == [("auth.login", "ok"), ("auth.login", "ok")]


def test_a_password_reset_meanwhile_judges_the_sign_in_on_the_new_one(
    db: Database, clock: FixedClock
) -> None:
    def reset() -> None:
        db.run_write(
            lambda s: s.execute(
                update(User)
                .where(User.username == "clerk1")
                .values(password_hash=FAST_HASHER.hash("Reset-by-admin-2026"))
            )
        )

    auth = AuthService(db, clock=clock, hasher=_Racing(reset))
    assert _fail(auth, 1, "clerk1-demo").reason is LoginFailure.UNKNOWN_OR_WRONG
    assert _actions(db, clock) == [("auth.login_failed", "denied")]
    failures = db.run_read(
        lambda s: s.scalar(select(User.failed_logins).where(User.username == "clerk1"))
    )
    assert failures == 1  # judged (wrong now), not waved through as a race
    assert auth.authenticate("clerk1", "Reset-by-admin-2026").username == "clerk1"


def test_a_hash_that_keeps_changing_under_a_sign_in_refuses_it_without_counting(
    db: Database, clock: FixedClock
) -> None:
    def reset() -> None:  # to the same password, each time with a new salt
        db.run_write(
            lambda s: s.execute(
                update(User)
                .where(User.username == "clerk1")
                .values(password_hash=FAST_HASHER.hash("clerk1-demo"))
            )
        )

    auth = AuthService(db, clock=clock, hasher=_Racing(reset, times=3))
    assert _fail(auth, 1, "clerk1-demo").reason is LoginFailure.UNKNOWN_OR_WRONG
    entries = AuditService(db, clock).entries(0, 2**62)
    assert [(e.action, e.detail) for e in entries] == [
        ("auth.login_failed", '{"reason":"password_changed_meanwhile"}')
    ]
    failures = db.run_read(
        lambda s: s.scalar(select(User.failed_logins).where(User.username == "clerk1"))
    )
    assert failures == 0
    assert auth.authenticate("clerk1", "clerk1-demo").username == "clerk1"  # it settled


def test_a_refused_sign_in_crosses_a_process_boundary() -> None:
    """Pickled with its reason (a worker process's refusal reached its parent as an error in
    the pool's result thread, and the pool waited for ever)."""
    again = pickle.loads(pickle.dumps(LoginFailed(LoginFailure.LOCKED, 1_795_000_000_000)))
    assert (again.reason, again.locked_until_ms) == (LoginFailure.LOCKED, 1_795_000_000_000)
