"""Build the desktop bundle and prove it: ``make dist``, ``make dist-test`` and ``make bench``.

    python -m installer.build dist        # PyInstaller one-folder build into dist/onewindow
    python -m installer.build test        # the built bundle and the .deb, checked (make dist-test)

A build is skipped when ``dist/onewindow/.inputs`` holds the digest of everything that goes
into it (sources, resources, spec, installed packages), so repeated benchmark runs are quick.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from installer import bundle

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = ROOT / "installer" / "onewindow.spec"
SIZE_BUDGET_MB = 220.0
STARTUP_BUDGET_S = 1.5
INPUTS_FILE = ".inputs"
SOURCE_DIRS = (
    "clerk_app",
    "ui",
    "printing",
    "onewindow_protocol",
    "onewindow_base",
    "installer",
    "resources",
)
MB = 1_000_000


@dataclass(frozen=True)
class Build:
    folder: Path
    seconds: float  # the PyInstaller run; 0 when the cached build was current
    cached: bool

    @property
    def executable(self) -> Path:
        suffix = ".exe" if sys.platform == "win32" else ""
        return self.folder / f"{bundle.GUI_EXE}{suffix}"


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            yield path


def inputs_digest() -> str:
    """Everything the build reads: our files, the installed distributions and their versions."""
    digest = hashlib.sha256()
    for name in SOURCE_DIRS:
        for path in _files(ROOT / name):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    for dist in sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    ):
        digest.update(dist.encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def build(dist: Path = DIST, work: Path = WORK, *, force: bool = False) -> Build:
    folder = dist / bundle.APP_NAME
    stamp = folder / INPUTS_FILE
    digest = inputs_digest()
    if not force and stamp.is_file() and stamp.read_text(encoding="ascii") == digest:
        return Build(folder, 0.0, cached=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
            "--distpath", str(dist), "--workpath", str(work), str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    stamp.write_text(digest, encoding="ascii")
    return Build(folder, seconds, cached=False)


def bundle_size(folder: Path) -> int:
    """Bytes on disk once unpacked (symbolic links count as links, not as their targets)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def _elf_files(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    yield path


def missing_libraries(folder: Path) -> dict[str, list[str]]:
    """Linux: for each library a bundled file needs and nobody provides, the files needing it.
    The bundle's own folders come first on the search path, as the bootloader sets them."""
    search = sorted({str(p.parent) for p in _elf_files(folder)})
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(search)}
    missing: dict[str, list[str]] = {}
    for path in _elf_files(folder):
        result = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        )
        for line in result.stdout.splitlines():
            if "=> not found" in line:
                library = line.split("=>")[0].strip()
                missing.setdefault(library, []).append(str(path.relative_to(folder)))
    return missing


def resolved_system_libraries(folder: Path) -> set[Path]:
    """The operating system's libraries the bundle's files load (for the .deb's Depends)."""
    search = sorted({str(p.parent) for p in _elf_files(folder)})
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(search)}
    found: set[Path] = set()
    for path in _elf_files(folder):
        result = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        )
        for line in result.stdout.splitlines():
            if "=>" in line and "not found" not in line:
                target = line.split("=>")[1].split("(")[0].strip()
                if target and not target.startswith(str(folder)):
                    found.add(Path(target))
    return found


def app_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean user for the bundle: own home (config, data, logs), no config file."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ONEWINDOW_", "QT_", "PYTHON", "VIRTUAL_ENV"))
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        ONEWINDOW_CONFIG=str(home / "config.toml"),  # absent: defaults, never /etc's file
        LANG="C.UTF-8",
    )
    env.update(extra)
    return env


@dataclass(frozen=True)
class Smoke:
    status: int
    line: str
    seconds: float


def smoke_test(executable: Path) -> Smoke:
    with tempfile.TemporaryDirectory(prefix="ow-dist-smoke-") as tmp:
        started = time.perf_counter()
        result = subprocess.run(
            [str(executable), "--smoke-test"],
            capture_output=True,
            text=True,
            env=app_env(Path(tmp), QT_QPA_PLATFORM="offscreen"),
            timeout=300,
            check=False,
        )
        seconds = time.perf_counter() - started
    lines = [line for line in result.stdout.splitlines() if line.startswith("smoke test")]
    line = lines[-1] if lines else (result.stderr.strip().splitlines() or ["no output"])[-1]
    return Smoke(result.returncode, line, seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer.build", description=__doc__)
    parser.add_argument("action", choices=("dist", "test"))
    parser.add_argument("--force", action="store_true", help="build even when current")
    args = parser.parse_args(argv)
    if args.action == "dist":
        result = build(force=args.force)
        size = bundle_size(result.folder) / MB
        how = "current, not rebuilt" if result.cached else f"built in {result.seconds:.0f} s"
        verdict = "within" if size <= SIZE_BUDGET_MB else "OVER"
        print(
            f"{result.folder.relative_to(ROOT)}: {how}; {size:.0f} MB unpacked "
            f"({verdict} the {SIZE_BUDGET_MB:.0f} MB budget)"
        )
        return 0 if size <= SIZE_BUDGET_MB else 1
    from installer.disttest import run_dist_test  # noqa: PLC0415 - needs a built bundle

    return run_dist_test()


if __name__ == "__main__":
    raise SystemExit(main())
