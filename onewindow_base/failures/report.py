"""How a command line reports an operational failure: one line on stderr, nothing else."""

from __future__ import annotations

import logging
import sys

from onewindow_base.failures.base import OperationalFailure
from onewindow_base.wording import Language

log = logging.getLogger(__name__)


def report_failure(
    prog: str, failure: OperationalFailure, exc: BaseException, language: Language
) -> None:
    """``prog: <the message>`` on stderr; the traceback goes only to the log at INFO level
    (``-v``), for whoever looks further than the message."""
    log.info("%s stopped by an operational failure", prog, exc_info=exc)
    print(f"{prog}: {failure.message(language)}", file=sys.stderr)
