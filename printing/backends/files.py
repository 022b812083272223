"""A printer that writes each job to a folder: for halls that print from another program,
for demos and for tests."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from printing.backends.base import FailureReason, PayloadFormat, PrintError, PrintJob, check_format

EXTENSIONS = {PayloadFormat.PDF: ".pdf", PayloadFormat.ESCPOS: ".bin"}


class FilePrinter:
    def __init__(self, name: str, directory: Path, payload_format: PayloadFormat) -> None:
        self._name = name
        self.directory = directory
        self._format = payload_format

    @property
    def name(self) -> str:
        return self._name

    @property
    def format(self) -> PayloadFormat:
        return self._format

    def path_for(self, job: PrintJob) -> Path:
        stem = re.sub(r"[^\w.-]+", "_", job.title).strip("_") or "job"
        prefix = f"{job.job_id:06d}-" if job.job_id is not None else ""
        return self.directory / f"{prefix}{stem}{EXTENSIONS[self._format]}"

    def send(self, job: PrintJob) -> None:
        check_format(self, job)
        target = self.path_for(job)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".printing-")
            with os.fdopen(fd, "wb") as out:
                out.write(
                    job.payload * job.copies if job.format is PayloadFormat.ESCPOS else job.payload
                )
            Path(tmp).replace(target)
        except OSError as exc:
            raise PrintError(
                FailureReason.IO_ERROR,
                f"printer {self.name}: cannot write {target}: {exc.strerror}",
            ) from exc
