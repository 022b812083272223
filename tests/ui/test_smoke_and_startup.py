"""``clerk-app --smoke-test`` and ``run --measure-startup`` from the source tree, and the
config-problem window: what the installers' checks and the start-up benchmark rely on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.app_env import isolated_env
from ui.config_message import config_problems_box
from ui.smoke import run_smoke
from ui.startup import FAILED_MARKER, MARKER, StartupProbe, process_age

ROOT = Path(__file__).resolve().parents[2]
CLERK_APP = Path(sys.executable).with_name("clerk-app")


def _env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path)


@pytest.mark.allow_log_warnings  # Qt Multimedia and speech warn on a PC without sound
@pytest.mark.qt_log_ignore("text-to-speech", "propagateSizeHints", "pipewire", "audio")
@pytest.mark.slow  # the whole smoke test: migrations, every paper, every mode
def test_smoke_test_proves_every_part(qapp: QApplication, tmp_path: Path) -> None:
    report = run_smoke(qapp, tmp_path)
    assert report.documents == 7 and report.pages >= 7  # the counter papers, real flow
    assert report.modes == ("clerk", "supervisor", "kiosk", "display")
    assert report.hall_code == "CC01"
    assert report.line().startswith("smoke test passed: database migrated to ")
    assert (tmp_path / "smoke.sqlite3").is_file()


@pytest.mark.slow  # the app as a process
def test_smoke_test_option_from_source(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(CLERK_APP), "--smoke-test"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("smoke test passed")


@pytest.mark.slow  # the app as a process
def test_measure_startup_from_source(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    result = subprocess.run(
        [str(CLERK_APP), "--db", url, "run", "--seed-demo", "--measure-startup"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    marker, age, widget = result.stdout.strip().splitlines()[-1].split()
    assert (marker, widget) == (MARKER, "LoginDialog")
    assert float(age) > 0


# Loaded behind the sign-in dialog, never before it is interactive (ui/flow.py, and the lazy
# imports in clerk_app.db.migrate, clerk_app.queue.notify, printing.stamp, clerk_app.scans.pdf).
NOT_BEFORE_SIGN_IN = (
    "alembic",
    "psycopg",
    "pypdf",
    "pypdfium2",
    "openpyxl",
    "ui.clerk.main_window",
    "ui.supervisor.main_window",
    "ui.intake.panel",
    "ui.display.display",
    "ui.kiosk.kiosk",
    "httpx",
)
LOADED_AT_THE_MARKER = """
import sys
import ui.startup
from ui.launcher import main

report = ui.startup.StartupProbe._report

def report_modules(self, marker, what, status):
    print("LOADED", " ".join(sorted(sys.modules)), flush=True)
    report(self, marker, what, status)

ui.startup.StartupProbe._report = report_modules
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow  # the app as a process
def test_the_sign_in_dialog_is_interactive_before_the_heavy_modules_load(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    env = _env(tmp_path)
    command = [sys.executable, "-c", LOADED_AT_THE_MARKER, "--db", url, "run"]
    seeded = subprocess.run(  # the first start migrates and seeds: the next one is a day's start
        [*command, "--seed-demo", "--measure-startup"], env=env, timeout=120, check=False
    )
    assert seeded.returncode == 0
    result = subprocess.run(
        [*command, "--measure-startup"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded_line, marker_line = result.stdout.strip().splitlines()[-2:]
    assert marker_line.startswith(MARKER) and marker_line.endswith("LoginDialog")
    loaded = set(loaded_line.split()[1:])
    assert "ui.login" in loaded  # the line lists what was loaded
    early = [m for m in NOT_BEFORE_SIGN_IN if any(n == m or n.startswith(m + ".") for n in loaded)]
    assert early == []


def _printed_once_idle(qtbot: QtBot, capsys: pytest.CaptureFixture[str]) -> str:
    """What was printed once the event loop has blocked (qtbot.wait runs a real event loop;
    waitUntil only processes events and never blocks, so aboutToBlock would not come)."""
    qtbot.wait(300)
    return capsys.readouterr().out


def test_probe_reports_the_first_interactive_target(
    qapp: QApplication, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    class Target(QDialog):
        pass

    finished: list[int] = []  # the shared QApplication must not be told to exit
    probe = StartupProbe(qapp, (Target,), finished.append)
    other = QDialog()  # shown first, not a target: ignored
    qtbot.addWidget(other)
    other.show()
    target = Target()
    qtbot.addWidget(target)
    target.show()
    assert f"{MARKER} " in _printed_once_idle(qtbot, capsys)
    assert _printed_once_idle(qtbot, capsys) == ""  # once only
    assert finished == [0]
    probe.deleteLater()


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, for a message box
def test_probe_reports_a_failure_instead_of_waiting(
    qapp: QApplication, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    class Target(QDialog):
        pass

    finished: list[int] = []
    probe = StartupProbe(qapp, (Target,), finished.append)
    box = QMessageBox(QMessageBox.Icon.Critical, "OneWindow", "The database cannot be opened.")
    qtbot.addWidget(box)
    box.show()
    out = _printed_once_idle(qtbot, capsys)
    assert out.startswith(FAILED_MARKER) and "The database cannot be opened." in out
    assert finished == [1]
    probe.deleteLater()


def test_process_age_counts_from_the_process_start() -> None:
    age = process_age()
    if age is None:
        pytest.skip("no /proc on this system: the age is measured from outside only")
    assert 0 < age < 24 * 3600


def test_config_problems_window(qtbot: QtBot, chinese: None) -> None:
    box = config_problems_box(Path("/etc/onewindow/config.toml"), ["error: hall.window …"])
    qtbot.addWidget(box)
    assert "/etc/onewindow/config.toml" in box.text() and "配置文件" in box.text()
    assert box.detailedText() == "error: hall.window …"
