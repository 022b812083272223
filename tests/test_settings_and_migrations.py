"""Where the database URL comes from; migrations on start, with the SQLite file copied aside."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from clerk_app.bootstrap import open_database
from clerk_app.db.migrate import _config, current_revision, head_revision
from clerk_app.db.models import Base
from clerk_app.settings import (
    ConfigError,
    DatabaseSettings,
    Settings,
    load_settings,
    resolve_db_url,
)
from onewindow_base.db.engine import Database


def test_db_url_precedence(tmp_path: Path) -> None:
    cfg = Settings(database=DatabaseSettings(url="sqlite:///from-config.db"))
    env = {"ONEWINDOW_DB": "sqlite:///from-env.db"}
    assert resolve_db_url("sqlite:///cli.db", cfg, env) == "sqlite:///cli.db"
    assert resolve_db_url(None, cfg, env) == "sqlite:///from-env.db"
    assert resolve_db_url(None, cfg, {}) == "sqlite:///from-config.db"
    fallback = resolve_db_url(None, Settings(), {}, data=tmp_path / "data")
    assert fallback == f"sqlite:///{tmp_path / 'data' / 'onewindow.sqlite3'}"
    assert (tmp_path / "data").is_dir()


def test_config_file_is_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[database]\nurl = "postgresql://postgres@127.0.0.1/hall"\n'
        '[hall]\ncode = "CC01"\nwindow = 3\n[ui]\nlanguage = "en"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.db_url == "postgresql://postgres@127.0.0.1/hall"
    assert (settings.hall_code, settings.window, settings.language) == ("CC01", 3, "en")
    assert load_settings(tmp_path / "missing.toml") == Settings()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[hall]\nwindow = 'three'\n", "hall.window must be a whole number"),
        ("[ui]\nlanguage = 'fr'\n", "ui.language"),
        ("database = 5\n", "[database] must be a table"),
        ("[database\n", "cannot read"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load_settings(path)


def test_sqlite_pragmas_are_set(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with db.engine.connect() as conn:
        pragmas = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 15000,
    }
    db.dispose()


def test_write_transactions_take_the_sqlite_write_lock_at_begin(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'lock.sqlite3'}")
    other = sqlite3.connect(tmp_path / "lock.sqlite3", timeout=0, isolation_level=None)
    with db.write() as session:
        session.execute(text("SELECT 1"))  # no write yet, but BEGIN IMMEDIATE holds the lock
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()
    db.dispose()


def test_migrating_an_old_sqlite_file_copies_it_aside_first(tmp_path: Path) -> None:
    path = tmp_path / "hall.sqlite3"
    legacy = sqlite3.connect(path)
    legacy.execute("CREATE TABLE keepme (x INTEGER)")
    legacy.execute("INSERT INTO keepme VALUES (42)")
    legacy.commit()
    legacy.close()
    db = open_database(f"sqlite:///{path}")
    assert current_revision(db.engine) == head_revision()
    backups = list(tmp_path.glob("hall.sqlite3.before-empty-*.bak"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT x FROM keepme").fetchall() == [(42,)]
    copy.close()
    db.dispose()
    # An up-to-date database is not copied again.
    open_database(f"sqlite:///{path}").dispose()
    assert len(list(tmp_path.glob("*.bak"))) == 1


def test_fresh_database_is_migrated_to_head(empty_db_url: str) -> None:
    db = Database(empty_db_url)
    assert current_revision(db.engine) == head_revision()
    db.dispose()


def test_the_cheap_revision_answers_are_alembics(empty_db_url: str) -> None:
    """Start-up reads the revisions without Alembic (clerk_app/db/migrate.py); the answers
    must be the ones Alembic gives, before and after migrating."""
    assert head_revision() == ScriptDirectory.from_config(_config()).get_current_head()
    db = Database(empty_db_url)
    with db.engine.connect() as conn:
        before = MigrationContext.configure(conn).get_current_revision()
    assert current_revision(db.engine) == before
    db.dispose()
    db = open_database(empty_db_url)
    with db.engine.connect() as conn:
        after = MigrationContext.configure(conn).get_current_revision()
    assert current_revision(db.engine) == after == head_revision()
    db.dispose()


def test_opening_an_up_to_date_database_does_not_load_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    open_database(url).dispose()  # migrated here, with Alembic
    script = (
        "import sys\n"
        "from clerk_app.bootstrap import open_database\n"
        f"open_database({url!r}).dispose()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_postgres_url_without_driver_uses_psycopg(pg_url: str) -> None:
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    db = Database(plain)
    assert db.engine.dialect.driver == "psycopg"
    with db.read() as session:
        assert session.execute(text("SELECT 1")).scalar() == 1
    db.dispose()


def test_migrations_create_exactly_what_the_models_declare(empty_db_url: str) -> None:

    db = Database(empty_db_url)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.dispose()
    assert diff == []


def test_screen_settings_have_defaults_and_are_typed(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[device]\nuser = "kiosk1"\npassword = "secret"\n'
        '[screens]\nkiosk_idle_s = 45\ndisplay_english = false\nvoice = "clips"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert (settings.device_user, settings.device_password) == ("kiosk1", "secret")
    assert (settings.kiosk_idle_s, settings.display_english, settings.voice) == (45, False, "clips")
    assert (settings.pause_alert_min, settings.crowd_alert, settings.alert_sound) == (20, 10, True)
    assert "secret" not in repr(settings)
    path.write_text('[screens]\nvoice = "loud"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"screens\.voice"):
        load_settings(path)
    path.write_text("[screens]\ncrowd_alert = true\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"screens\.crowd_alert"):
        load_settings(path)
