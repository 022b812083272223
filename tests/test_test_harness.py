"""The harness itself: PostgreSQL tests never silently skip on CI."""

from __future__ import annotations

import pytest

from tests import dbs


def test_unreachable_postgres_fails_on_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dbs, "PG_ADMIN_DSN", "postgresql://postgres@127.0.0.1:1/postgres")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        dbs.require_pg()


def test_unreachable_postgres_skips_with_a_reason_off_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dbs, "PG_ADMIN_DSN", "postgresql://postgres@127.0.0.1:1/postgres")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="unreachable"):
        dbs.require_pg()
