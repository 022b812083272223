"""The system printer on Linux and macOS: CUPS ``lp`` prints vector PDFs as they are."""

from __future__ import annotations

import shutil
import subprocess

from printing.backends.base import FailureReason, PayloadFormat, PrintError, PrintJob, check_format

_NOT_FOUND = ("does not exist", "no such destination", "unknown destination", "not found")
_OFFLINE = ("not accepting", "unable to connect", "connection refused", "scheduler is not running")


class CupsPrinter:
    """``lp -d QUEUE`` (the default destination when ``queue`` is None), the PDF on stdin."""

    format = PayloadFormat.PDF

    def __init__(
        self, name: str, queue: str | None = None, *, lp: str = "lp", timeout_s: float = 60.0
    ) -> None:
        self._name = name
        self.queue = queue
        self.lp = lp
        self.timeout_s = timeout_s

    @property
    def name(self) -> str:
        return self._name

    def command(self, job: PrintJob) -> list[str]:
        lp = shutil.which(self.lp)
        if lp is None:
            raise PrintError(
                FailureReason.NOT_CONFIGURED,
                f"printer {self.name}: the CUPS command {self.lp!r} is not installed",
            )
        args = [lp] + (["-d", self.queue] if self.queue else [])
        return [*args, "-t", job.title, "-n", str(job.copies), "-o", "fit-to-page", "--", "-"]

    def send(self, job: PrintJob) -> None:
        check_format(self, job)
        try:
            done = subprocess.run(  # noqa: S603 - a fixed command, no shell
                self.command(job),
                input=job.payload,
                capture_output=True,
                timeout=self.timeout_s,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PrintError(
                FailureReason.TIMEOUT,
                f"printer {self.name}: lp did not answer in {self.timeout_s:g} s",
            ) from None
        except OSError as exc:
            raise PrintError(FailureReason.IO_ERROR, f"printer {self.name}: {exc}") from exc
        if done.returncode != 0:
            text = (
                done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
            )
            lowered = text.lower()
            reason = FailureReason.REJECTED
            if any(s in lowered for s in _NOT_FOUND):
                reason = FailureReason.NOT_CONFIGURED
            elif any(s in lowered for s in _OFFLINE):
                reason = FailureReason.OFFLINE
            raise PrintError(reason, f"printer {self.name}: {text.splitlines()[0]}")
