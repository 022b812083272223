"""Changing and resetting passwords: policy codes, history, expiry at sign-in, audit records."""

from __future__ import annotations

import itertools

import pytest
from argon2 import PasswordHasher

from clerk_app.accounts.auth import (
    AuthService,
    LockoutPolicy,
    LoginFailed,
    LoginFailure,
    PasswordRejected,
)
from clerk_app.accounts.authz import PermissionDenied
from clerk_app.accounts.password_policy import PasswordPolicy, PasswordProblem
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database

pytestmark = pytest.mark.allow_log_warnings  # a lockout is logged as a warning, by design

FIRST = "Reset#2026a"


def _user(auth: AuthService, name: str) -> UserInfo:
    return next(u for u in auth.list_users() if u.username == name)


def _actions(db: Database, clock: FixedClock) -> list[tuple[str, str]]:
    return [(e.action, e.outcome) for e in AuditService(db, clock).entries(0, 2**62)]


@pytest.fixture
def auth(db: Database, clock: FixedClock, fast_hasher: PasswordHasher) -> AuthService:
    """clerk1's password reset by the administrator to ``FIRST`` (cheap hash, must change)."""
    service = AuthService(db, clock=clock, hasher=fast_hasher)
    service.set_password("clerk1", FIRST, by=_user(service, "admin"))
    return service


def test_an_administrator_reset_must_be_changed_at_sign_in(
    auth: AuthService, db: Database, clock: FixedClock
) -> None:
    with pytest.raises(LoginFailed) as caught:
        auth.authenticate("clerk1", FIRST)
    assert caught.value.reason is LoginFailure.PASSWORD_MUST_CHANGE
    auth.change_password("clerk1", FIRST, "Counter#2026b")
    assert auth.authenticate("clerk1", "Counter#2026b").username == "clerk1"
    actions = _actions(db, clock)
    assert ("auth.password_reset", "ok") in actions
    assert ("auth.password_change", "ok") in actions
    assert actions[-1] == ("auth.login", "ok")
    assert AuditService(db, clock).verify().intact


def test_only_an_administrator_sets_passwords(auth: AuthService) -> None:
    with pytest.raises(PermissionDenied):
        auth.set_password("clerk2", "Whatever#2026", by=_user(auth, "supervisor"))
    with pytest.raises(PasswordRejected) as caught:
        auth.set_password("clerk2", "short", by=_user(auth, "admin"))
    assert PasswordProblem.TOO_SHORT in caught.value.problems


def test_a_bad_new_password_is_refused_with_every_reason(
    auth: AuthService, db: Database, clock: FixedClock
) -> None:
    with pytest.raises(PasswordRejected) as caught:
        auth.change_password("clerk1", FIRST, "clerk1")
    assert caught.value.problems == (
        PasswordProblem.TOO_SHORT,
        PasswordProblem.TOO_FEW_CHARACTER_CLASSES,
        PasswordProblem.CONTAINS_USERNAME,
    )
    with pytest.raises(LoginFailed):  # nothing changed: still the administrator's password
        auth.authenticate("clerk1", FIRST)
    entries = AuditService(db, clock).entries(0, 2**62)
    refused = [e for e in entries if e.action == "auth.password_change"]
    assert refused[-1].outcome == "denied"
    assert "too_short" in refused[-1].detail
    assert FIRST not in "".join(e.detail for e in entries)  # never a password in the trail


def test_the_last_five_passwords_are_not_reused(auth: AuthService, clock: FixedClock) -> None:
    passwords = [FIRST, *(f"Counter#{n}xyz" for n in range(1, 6))]
    for old, new in itertools.pairwise(passwords):
        clock.advance(minutes=1)
        auth.change_password("clerk1", old, new)
    current = passwords[-1]
    for recent in passwords[-5:]:  # the current one and the four before it
        with pytest.raises(PasswordRejected) as caught:
            auth.change_password("clerk1", current, recent)
        assert caught.value.problems == (PasswordProblem.REUSED,)
    clock.advance(minutes=1)
    auth.change_password("clerk1", current, passwords[0])  # six changes ago: allowed again


def test_a_wrong_old_password_counts_toward_the_lockout(
    db: Database, clock: FixedClock, fast_hasher: PasswordHasher
) -> None:
    auth = AuthService(db, clock=clock, hasher=fast_hasher, lockout=LockoutPolicy(max_failures=3))
    auth.set_password("clerk1", FIRST, by=_user(auth, "admin"))
    for _ in range(2):
        with pytest.raises(LoginFailed) as caught:
            auth.change_password("clerk1", "wrong", "Counter#2026c")
        assert caught.value.reason is LoginFailure.UNKNOWN_OR_WRONG
    with pytest.raises(LoginFailed) as caught:
        auth.change_password("clerk1", "wrong", "Counter#2026c")
    assert caught.value.reason is LoginFailure.LOCKED
    with pytest.raises(LoginFailed) as caught:  # locked: even the right one does not help
        auth.change_password("clerk1", FIRST, "Counter#2026c")
    assert caught.value.reason is LoginFailure.LOCKED


def test_an_old_password_expires_under_mlps_not_under_modern(
    db: Database, clock: FixedClock, fast_hasher: PasswordHasher
) -> None:
    auth = AuthService(db, clock=clock, hasher=fast_hasher)
    auth.set_password("clerk1", FIRST, by=_user(auth, "admin"))
    auth.change_password("clerk1", FIRST, "Counter#2026d")
    clock.advance(minutes=89 * 24 * 60)
    auth.authenticate("clerk1", "Counter#2026d")
    clock.advance(minutes=24 * 60)
    with pytest.raises(LoginFailed) as caught:
        auth.authenticate("clerk1", "Counter#2026d")
    assert caught.value.reason is LoginFailure.PASSWORD_EXPIRED
    modern = AuthService(db, clock=clock, hasher=fast_hasher, policy=PasswordPolicy.modern())
    assert modern.authenticate("clerk1", "Counter#2026d").username == "clerk1"
    # The right password was given: the expiry does not count as a failed attempt.
    auth.change_password("clerk1", "Counter#2026d", "Counter#2026e")
    assert auth.authenticate("clerk1", "Counter#2026e").username == "clerk1"


def test_the_modern_policy_refuses_common_passwords(
    db: Database, clock: FixedClock, fast_hasher: PasswordHasher
) -> None:
    auth = AuthService(db, clock=clock, hasher=fast_hasher, policy=PasswordPolicy.modern())
    auth.set_password("clerk1", "a long first passphrase", by=_user(auth, "admin"))
    with pytest.raises(PasswordRejected) as caught:
        auth.change_password("clerk1", "a long first passphrase", "qwertyuiop123")
    assert caught.value.problems == (PasswordProblem.COMMON,)
    auth.change_password("clerk1", "a long first passphrase", "counter lamp river 7")


def test_screen_unlock_checks_the_password_and_is_audited(
    auth: AuthService, db: Database, clock: FixedClock
) -> None:
    auth.change_password("clerk1", FIRST, "Counter#2026f")
    clerk = _user(auth, "clerk1")
    auth.lock_screen(clerk)
    with pytest.raises(LoginFailed):
        auth.unlock_screen(clerk, "wrong")
    auth.unlock_screen(clerk, "Counter#2026f")
    actions = _actions(db, clock)
    assert actions[-3:] == [
        ("auth.screen_lock", "ok"),
        ("auth.login_failed", "denied"),
        ("auth.screen_unlock", "ok"),
    ]
