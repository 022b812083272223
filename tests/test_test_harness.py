"""The harness itself: PostgreSQL tests never silently skip on CI; the fast lane leaves out the
long tests and ``make test`` runs them all, with coverage."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


ROOT = Path(__file__).resolve().parent.parent
# One test of each kind the fast lane leaves out, and a quick neighbour it keeps.
LONG = (
    (
        "tests/central_server/test_openapi_schemathesis.py::"
        "test_schemathesis_finds_no_server_error_and_no_schema_violation"
    ),
    "tests/test_queue_properties.py::test_random_operation_sequences_keep_invariants",
    (
        "tests/sync/test_demo_server_lifetime.py::"
        "test_the_demo_server_ends_with_the_app_on_sigterm_and_on_sigkill"
    ),
    "tests/ui/test_smoke_and_startup.py::test_smoke_test_option_from_source",
    "tests/failures/test_failures_in_processes.py::test_a_damaged_hall_file_is_one_line",
    "tests/test_queue_concurrency.py::test_racing_windows_serve_each_ticket_exactly_once",
)
QUICK = (
    (
        "tests/central_server/test_openapi_schemathesis.py::"
        "test_the_committed_openapi_document_is_current"
    ),
    "tests/ui/test_smoke_and_startup.py::test_process_age_counts_from_the_process_start",
)


COLLECT = (sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider")


def _recipe(target: str) -> str:
    """The commands ``make TARGET`` would run (nothing is run)."""
    result = subprocess.run(
        ["make", "-s", "-n", target], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout


def test_the_fast_lane_leaves_out_the_long_tests() -> None:
    (line,) = [ln for ln in _recipe("test-fast").splitlines() if "pytest" in ln]
    assert '-m "not slow"' in line and "--cov" not in line
    files = sorted({test.split("::")[0] for test in LONG + QUICK})
    collected = subprocess.run(
        [*COLLECT, "-m", "not slow", *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    ids = {ln.split("[")[0] for ln in collected.stdout.splitlines() if "::" in ln}
    assert set(QUICK) <= ids, collected.stdout + collected.stderr
    assert not ids & set(LONG)


def test_make_test_runs_everything_with_coverage_and_prints_the_total() -> None:
    recipe = _recipe("pytest")
    (line,) = [ln for ln in recipe.splitlines() if "-m pytest" in ln]
    assert " -m " not in line.replace("-m pytest", "")  # no marker filter: every test
    assert all(f"--cov={pkg}" in line for pkg in ("clerk_app", "ui", "printing", "central_server"))
    assert "coverage report --format=total" in recipe
