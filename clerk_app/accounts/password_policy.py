"""Password rules: the MLPS 2.0 style (complexity, expiry, history) or the modern NIST one.

MLPS level 3 (GB/T 22239-2019) asks for complex passwords changed regularly; NIST SP 800-63B
advises length, no composition rules, no forced expiry and a check against passwords known from
breaches. A hall picks one in ``[security] password_policy``; single values can be overridden.
The policy only judges a candidate: history (old hashes) is checked by ``AuthService``.
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from clerk_app.settings import SecuritySettings

DAY_MS = 86_400_000
MAX_LENGTH = 128  # argon2 takes any length; this only stops absurd pastes
COMMON_PASSWORDS_FILE = (
    Path(__file__).resolve().parents[2] / "resources" / "security" / "common-passwords.txt"
)


class PolicyKind(enum.StrEnum):
    MLPS = "mlps"
    MODERN = "modern"


class PasswordProblem(enum.StrEnum):
    """Why a new password is refused; the UI lists every one found, in this order."""

    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    CONTROL_CHARACTER = "control_character"
    TOO_FEW_CHARACTER_CLASSES = "too_few_character_classes"
    CONTAINS_USERNAME = "contains_username"
    COMMON = "common"  # on the list of common and breached passwords
    REUSED = "reused"  # the current password or one of the last few


@dataclass(frozen=True, slots=True)
class PasswordPolicy:
    kind: PolicyKind
    min_length: int
    min_character_classes: int  # of upper case, lower case, digits, others; 0: no rule
    expiry_days: int  # 0: never expires
    history: int  # the new password may not be any of the last N (the current one included)
    refuse_common: bool
    refuse_username: bool = True
    max_length: int = MAX_LENGTH

    @classmethod
    def mlps(cls) -> PasswordPolicy:
        return cls(PolicyKind.MLPS, 8, 3, expiry_days=90, history=5, refuse_common=False)

    @classmethod
    def modern(cls) -> PasswordPolicy:
        return cls(PolicyKind.MODERN, 12, 0, expiry_days=0, history=0, refuse_common=True)

    @classmethod
    def from_settings(cls, settings: SecuritySettings) -> PasswordPolicy:
        base = (
            cls.modern()
            if PolicyKind(settings.password_policy) is PolicyKind.MODERN
            else cls.mlps()
        )
        return replace(
            base,
            min_length=_or(settings.password_min_length, base.min_length),
            expiry_days=_or(settings.password_expiry_days, base.expiry_days),
            history=_or(settings.password_history, base.history),
        )

    def problems(
        self, password: str, *, username: str, common: CommonPasswords | None = None
    ) -> list[PasswordProblem]:
        """Every rule the candidate breaks, except reuse (which needs the stored hashes)."""
        found: list[PasswordProblem] = []
        if len(password) < self.min_length:
            found.append(PasswordProblem.TOO_SHORT)
        if len(password) > self.max_length:
            found.append(PasswordProblem.TOO_LONG)
        if any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in password):
            found.append(PasswordProblem.CONTROL_CHARACTER)
        if character_classes(password) < self.min_character_classes:
            found.append(PasswordProblem.TOO_FEW_CHARACTER_CLASSES)
        name = username.strip().lower()
        if self.refuse_username and len(name) >= 3 and name in password.lower():
            found.append(PasswordProblem.CONTAINS_USERNAME)
        if self.refuse_common and common is not None and common.contains(password):
            found.append(PasswordProblem.COMMON)
        return found

    def expired(self, changed_ms: int | None, now_ms: int) -> bool:
        """Whether a password set at ``changed_ms`` must be changed now.

        A password with no recorded date (accounts from before this rule, the demo hall) is
        not judged by age; accounts created or reset by an administrator are flagged to change
        on first sign-in instead.
        """
        if self.expiry_days <= 0 or changed_ms is None:
            return False
        return now_ms - changed_ms >= self.expiry_days * DAY_MS


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def character_classes(password: str) -> int:
    """How many of the four classes occur: upper case, lower case, digits, everything else."""
    upper = any(c.isupper() for c in password)
    lower = any(c.islower() for c in password)
    digit = any(c.isdigit() for c in password)
    other = any(not (c.isupper() or c.islower() or c.isdigit()) for c in password)
    return sum((upper, lower, digit, other))


class CommonPasswords:
    """The bundled list (``resources/security``, see its build script for the sources).

    Compared case-insensitively: ``Password1`` is as guessable as ``password1``.
    """

    def __init__(self, entries: frozenset[str]) -> None:
        self._entries = entries

    @classmethod
    def load(cls, path: Path = COMMON_PASSWORDS_FILE) -> CommonPasswords:
        lines = path.read_text(encoding="utf-8").splitlines()
        return cls(frozenset(s.strip().lower() for s in lines if s.strip() and s[0] != "#"))

    def __len__(self) -> int:
        return len(self._entries)

    def contains(self, password: str) -> bool:
        return password.lower() in self._entries
