"""Scanning on Linux through SANE, by driving ``scanimage`` (Debian ``sane-utils``).

The Python binding (``python3-sane``) exists only for Debian's system Python, and the PyPI
package needs ``libsane-dev`` and a compiler; ``scanimage --batch`` needs neither and runs the
scanner in its own process, so a crashing driver cannot take the counter app down. Each page is
written to a private temporary folder and announced on stdout (``--batch-print``) as soon as it
is complete, so pages are checked while the feeder still runs. Cancelling terminates
``scanimage``, which cancels the scan on the device.

Tests use SANE's ``test`` backend: a private ``SANE_CONFIG_DIR`` whose ``dll.conf`` names only
``test`` gives a virtual scanner with a 10-page feeder (see :func:`virtual_scanner_env`).
"""

from __future__ import annotations

import logging
import os
import selectors
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from clerk_app.scans.sources import Cancelled, Progress, read_limited
from clerk_app.scans.types import IntakeLimits, RawPage

log = logging.getLogger(__name__)

SCANIMAGE = "scanimage"
POLL_S = 0.1  # how often a waiting scan looks at the cancel flag
STOP_WAIT_S = 10.0
LIST_TIMEOUT_S = 30.0


class ScanErrorCode(StrEnum):
    NOT_INSTALLED = "not-installed"  # no scanimage on this PC
    NO_DEVICE = "no-device"  # the scanner is not there (unplugged, switched off, wrong name)
    BUSY = "busy"  # another program is using it
    FEEDER_EMPTY = "feeder-empty"  # nothing in the feeder
    JAMMED = "jammed"
    COVER_OPEN = "cover-open"
    FAILED = "failed"  # anything else; ``detail`` has scanimage's last words


class ScanError(Exception):
    def __init__(self, code: ScanErrorCode, detail: str = "") -> None:
        super().__init__(f"{code.value}: {detail}" if detail else code.value)
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class SaneDevice:
    name: str  # e.g. "fujitsu:fi-7160:12345" or "test:0"
    vendor: str
    model: str
    kind: str


@dataclass(frozen=True, slots=True)
class SaneSettings:
    """Options passed to the device; names are SANE's standard ones, values device-specific."""

    device: str | None = None  # None: SANE's default (the first device)
    resolution: int = 200
    mode: str = "Gray"  # "Lineart", "Gray" or "Color"
    source: str | None = None  # e.g. "ADF", "Automatic Document Feeder", "Flatbed"
    max_pages: int | None = None  # None: until the feeder is empty
    options: tuple[str, ...] = ()  # backend-specific, passed as they are


# scanimage's messages (SANE status strings) and what they mean for the clerk.
_STATUS_WORDS = (
    ("out of documents", ScanErrorCode.FEEDER_EMPTY),
    ("no documents", ScanErrorCode.FEEDER_EMPTY),
    ("device busy", ScanErrorCode.BUSY),
    ("jammed", ScanErrorCode.JAMMED),
    ("cover open", ScanErrorCode.COVER_OPEN),
    ("open of device", ScanErrorCode.NO_DEVICE),
    ("no scanners were identified", ScanErrorCode.NO_DEVICE),
    ("invalid argument", ScanErrorCode.NO_DEVICE),
)


def virtual_scanner_env(config_dir: Path, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """An environment in which SANE sees only its ``test`` backend (a virtual scanner)."""
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "dll.conf").write_text("test\n", encoding="ascii")
    env = dict(os.environ if base is None else base)
    env["SANE_CONFIG_DIR"] = str(config_dir)
    return env


class SaneSource:
    def __init__(
        self,
        settings: SaneSettings,
        limits: IntakeLimits | None = None,
        *,
        env: Mapping[str, str] | None = None,
        scanimage: str = SCANIMAGE,
    ) -> None:
        self.settings = settings
        self._max_bytes = (limits or IntakeLimits()).max_bytes
        self._env = dict(env) if env is not None else None
        self._scanimage = scanimage

    @staticmethod
    def available(scanimage: str = SCANIMAGE) -> bool:
        return shutil.which(scanimage) is not None

    def devices(self) -> tuple[SaneDevice, ...]:
        """The scanners SANE finds (network backends may take seconds)."""
        command = [self._program(), "--formatted-device-list=%d\t%v\t%m\t%t%n"]
        done = subprocess.run(  # noqa: S603 - a fixed program with our own arguments
            command,
            check=False,
            env=self._env,
            capture_output=True,
            text=True,
            timeout=LIST_TIMEOUT_S,
        )
        if done.returncode != 0:
            raise _error_from(done.stderr)
        found = []
        for line in done.stdout.splitlines():
            parts = line.split("\t")
            if len(parts) == 4 and parts[0]:
                found.append(SaneDevice(*parts))
        return tuple(found)

    def acquire(self, progress: Progress, cancelled: Cancelled) -> Iterator[RawPage]:
        with tempfile.TemporaryDirectory(prefix="onewindow-scan-") as tmp:
            yield from self._scan(Path(tmp), progress, cancelled)

    def _command(self, folder: Path) -> list[str]:
        s = self.settings
        command = [self._program()]
        if s.device:
            command.append(f"--device-name={s.device}")
        command += [
            "--format=png",
            f"--batch={folder / 'page%04d.png'}",
            "--batch-print",
            f"--resolution={s.resolution}",
            f"--mode={s.mode}",
        ]
        if s.source:
            command.append(f"--source={s.source}")
        if s.max_pages is not None:
            command.append(f"--batch-count={s.max_pages}")
        return command + list(s.options)

    def _scan(self, folder: Path, progress: Progress, cancelled: Cancelled) -> Iterator[RawPage]:
        stderr_path = folder / "scanimage.log"
        with stderr_path.open("wb") as stderr:
            process = subprocess.Popen(  # noqa: S603 - a fixed program with our own arguments
                self._command(folder),
                env=self._env,
                stdout=subprocess.PIPE,
                stderr=stderr,
                stdin=subprocess.DEVNULL,
                cwd=folder,
            )
        assert process.stdout is not None
        pages = 0
        try:
            for line in _lines(process, cancelled):
                pages += 1
                path = folder / Path(line).name
                yield read_limited(path, self._max_bytes, name=f"scan-{pages:03d}.png")
                path.unlink(missing_ok=True)
                progress(pages, self.settings.max_pages)
        finally:
            _stop(process)
        if cancelled():
            return
        if process.returncode != 0 or pages == 0:
            error = _error_from(stderr_path.read_text(encoding="utf-8", errors="replace"))
            if pages and error.code is ScanErrorCode.FEEDER_EMPTY:
                return  # the normal end of a feeder batch
            raise error

    def _program(self) -> str:
        found = shutil.which(self._scanimage)
        if found is None:
            raise ScanError(ScanErrorCode.NOT_INSTALLED, self._scanimage)
        return found


def _lines(process: subprocess.Popen[bytes], cancelled: Cancelled) -> Iterator[str]:
    """The page files ``scanimage`` announces, until it exits or the clerk cancels."""
    assert process.stdout is not None
    buffer = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while not cancelled():
            if not selector.select(POLL_S):
                continue
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                break
            buffer += chunk
            *complete, buffer = buffer.split(b"\n")
            for line in complete:
                if line.strip():
                    yield line.decode("utf-8", errors="replace").strip()


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()  # scanimage cancels the scan on SIGTERM
        try:
            process.wait(STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            log.error("scanimage did not stop within %.0f s; killing it", STOP_WAIT_S)
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


def _error_from(stderr: str) -> ScanError:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    text = stderr.lower()
    for words, code in _STATUS_WORDS:
        if words in text:
            return ScanError(code, lines[-1] if lines else "")
    return ScanError(ScanErrorCode.FAILED, lines[-1] if lines else "")
