"""``make dist-test``: the built bundle and the .deb, checked the way a hall PC would use them.

Each check prints one line and a verdict: the bundle's smoke test (fresh database migrated,
every sample paper rendered, every mode opened and closed), no library missing, the size
budget, the .deb's metadata and contents, the program run from the extracted package, and the
cold start to an interactive sign-in window. ``bench/dist.py`` runs the same functions and
turns them into benchmark rows.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from installer import bundle
from installer.build import (
    MB,
    SIZE_BUDGET_MB,
    STARTUP_BUDGET_S,
    app_env,
    build,
    bundle_size,
    missing_libraries,
    smoke_test,
)
from installer.deb import LIBRARY_PACKAGES, QT_XCB_DEPENDS, build_deb

STARTUP_TIMEOUT_S = 60.0
EXPECTED_IN_DEB = (
    "./opt/onewindow/onewindow",
    "./opt/onewindow/config/onewindow.example.toml",
    "./usr/bin/onewindow",
    *(f"./usr/share/applications/onewindow-{mode}.desktop" for mode in bundle.MODES),
    *(f"./usr/share/icons/hicolor/scalable/apps/onewindow-{mode}.svg" for mode in bundle.MODES),
)


# ---------------------------------------------------------------------------- .deb
def deb_problems(deb: Path) -> list[str]:
    """What is wrong with the package's metadata and file list (empty: nothing)."""
    info = subprocess.run(
        ["dpkg-deb", "--info", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    problems = []
    match = re.search(r"^ Depends: (.*)$", info, re.MULTILINE)
    declared = {d.split(" ")[0] for d in match.group(1).split(", ")} if match else set()
    problems += [f"Depends lacks {p}" for p in QT_XCB_DEPENDS if p not in declared]
    for field in ("Package: onewindow", "Architecture:", "Installed-Size:", "postinst"):
        if field not in info:
            problems.append(f"dpkg-deb --info shows no {field!r}")
    paths = {_listed_path(line) for line in listing.splitlines()}
    problems += [f"{p} is not in the package" for p in EXPECTED_IN_DEB if p not in paths]
    # Nothing under /etc, /var or /home: the hall's config and data never belong to the package.
    strays = sorted(p for p in paths if p != "./" and not p.startswith(("./opt/", "./usr/")))
    problems += [f"{p} lies outside /opt and /usr" for p in strays]
    return problems


def _listed_path(line: str) -> str:
    """The path in a ``dpkg-deb -c`` line (a symbolic link's line ends ``-> TARGET``)."""
    fields = line.split()
    return fields[-3] if len(fields) > 2 and fields[-2] == "->" else fields[-1]


@contextlib.contextmanager
def extracted(deb: Path) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="ow-deb-") as tmp:
        subprocess.run(["dpkg-deb", "-x", str(deb), tmp], check=True)
        yield Path(tmp)


def desktop_problems(root: Path) -> list[str]:
    """The installed desktop entries, validated, and each one's program present."""
    problems = []
    for entry in sorted((root / "usr" / "share" / "applications").glob("*.desktop")):
        if shutil.which("desktop-file-validate"):
            result = subprocess.run(
                ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
            )
            if result.returncode != 0 or result.stdout.strip():
                problems.append(f"{entry.name}: {result.stdout.strip()}")
        exec_line = re.search(r"^Exec=(\S+)", entry.read_text(encoding="utf-8"), re.MULTILINE)
        program = root / exec_line.group(1).lstrip("/") if exec_line else None
        if program is None or not program.is_file():
            problems.append(f"{entry.name}: its program is not in the package")
    return problems


# ---------------------------------------------------------------------------- startup
@dataclass(frozen=True)
class Startup:
    outside_s: float  # spawn to the marker line, timed by this process
    inside_s: float | None  # the process's own age at the marker (Linux)
    widget: str


def evict_from_page_cache(folder: Path) -> None:
    """Drop the bundle's files from the page cache (posix_fadvise, no root needed and no
    other program's cache touched), so the next start reads them from the disk."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


@contextlib.contextmanager
def x_display() -> Iterator[dict[str, str]]:
    """A private Xvfb screen when Xvfb is installed (the real xcb plugin, as on a desktop),
    else Qt's offscreen platform."""
    if shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as handle:
            number = handle.readline().strip()
        yield {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    finally:
        server.terminate()
        server.wait(10)


def start_once(executable: Path, db_url: str, env: dict[str, str]) -> Startup:
    command = [str(executable), "--db", db_url, "run", "--mode", "clerk", "--measure-startup"]
    return time_to_marker(command, env)


# The floor: the least any Qt program takes to show a dialog here, in this machine's state.
BARE_DIALOG = """
import sys
from PySide6.QtCore import QAbstractEventDispatcher
from PySide6.QtWidgets import QApplication, QDialog
app = QApplication(sys.argv[:1])
dialog = QDialog()
dialog.show()
def idle():
    handle = dialog.windowHandle()
    if handle is not None and handle.isExposed():
        print("STARTUP-INTERACTIVE - QDialog", flush=True)
        app.exit(0)
QAbstractEventDispatcher.instance().aboutToBlock.connect(idle)
app.exec()
"""


def bare_dialog_starts(python: Path, runs: int) -> list[Startup]:
    with tempfile.TemporaryDirectory(prefix="ow-floor-") as tmp, x_display() as display:
        env = app_env(Path(tmp), **display)
        time_to_marker([str(python), "-c", BARE_DIALOG], env)  # warms the page cache
        return [time_to_marker([str(python), "-c", BARE_DIALOG], env) for _ in range(runs)]


def time_to_marker(command: list[str], env: dict[str, str]) -> Startup:
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if line.startswith("STARTUP-INTERACTIVE"):
                outside = time.perf_counter() - started
                _, age, widget = line.split(maxsplit=2)
                process.wait(STARTUP_TIMEOUT_S)
                return Startup(outside, None if age == "-" else float(age), widget.strip())
            if line.startswith("STARTUP-FAILED"):
                raise RuntimeError(f"the app did not start: {line.strip()}")
        raise RuntimeError(f"the app ended without a marker (status {process.wait()})")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def measure_startup(executable: Path, runs: int, *, cold: bool) -> list[Startup]:
    """Starts of the clerk app to its sign-in dialog on a migrated demo-hall SQLite file."""
    with tempfile.TemporaryDirectory(prefix="ow-startup-") as tmp, x_display() as display:
        home = Path(tmp)
        db_url = f"sqlite:///{home / 'hall.sqlite3'}"
        env = app_env(home, **display)
        subprocess.run(
            [str(executable), "--db", db_url, "demo"], env=env, check=True, capture_output=True
        )
        start_once(executable, db_url, env)  # the first start writes logs and caches
        results = []
        for _ in range(runs):
            if cold:
                evict_from_page_cache(executable.parent)
            results.append(start_once(executable, db_url, env))
        return results


# ---------------------------------------------------------------------------- make dist-test
def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def run_dist_test() -> int:
    failures = 0

    def say(ok: bool, text: str) -> None:
        nonlocal failures
        failures += not ok
        print(f"{_verdict(ok)}  {text}", flush=True)

    result = build()
    say(True, f"bundle {'current' if result.cached else f'built in {result.seconds:.0f} s'}")
    size = bundle_size(result.folder) / MB
    say(size <= SIZE_BUDGET_MB, f"bundle size {size:.0f} MB (budget {SIZE_BUDGET_MB:.0f} MB)")
    missing = missing_libraries(result.folder)
    unprovided = [lib for lib in missing if lib not in LIBRARY_PACKAGES]
    provided = [
        f"{lib} (Depends: {LIBRARY_PACKAGES[lib]})" for lib in missing if lib not in unprovided
    ]
    say(
        not unprovided,
        f"libraries missing: {', '.join(unprovided) or 'none'}; "
        f"not on this machine but in the package's Depends: {', '.join(provided) or 'none'}",
    )
    smoke = smoke_test(result.executable)
    say(smoke.status == 0, f"bundle smoke test ({smoke.seconds:.1f} s): {smoke.line}")
    deb = build_deb(result.folder)
    say(True, f"{deb.name}: {deb.stat().st_size / MB:.0f} MB")
    problems = deb_problems(deb)
    say(not problems, f"dpkg-deb --info and -c: {'; '.join(problems) or 'as expected'}")
    with extracted(deb) as root:
        problems = desktop_problems(root)
        say(not problems, f"desktop entries: {'; '.join(problems) or 'valid'}")
        extracted_smoke = smoke_test(root / "opt" / bundle.APP_NAME / bundle.GUI_EXE)
        say(extracted_smoke.status == 0, f"extracted package: {extracted_smoke.line}")
    for cold in (False, True):
        starts = sorted(s.outside_s for s in measure_startup(result.executable, 7, cold=cold))
        label = "cold (bundle evicted from the page cache)" if cold else "warm page cache"
        say(
            starts[0] <= STARTUP_BUDGET_S,
            f"start to an interactive sign-in dialog, {label}: best of 7 {starts[0]:.2f} s, "
            f"median {starts[3]:.2f} s (budget {STARTUP_BUDGET_S} s on the best, as timeit)",
        )
    print(f"\n{'all checks passed' if not failures else f'{failures} check(s) failed'}")
    return 1 if failures else 0
