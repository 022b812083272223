"""Operational failures: what the surroundings (disk, database, network, key file) refused.

A command (the counter's or the central server's) or the desktop app that meets one says so in
one translated line, naming what failed and what to do, and exits non-zero; a programming
error still shows its traceback. Raise an :class:`OperationalFailure` (or a subclass) to have
its message shown as it is; other exceptions are recognised by :func:`explain`.
"""

from onewindow_base.failures.base import FailureKind, OperationalFailure
from onewindow_base.failures.classify import Surroundings, explain
from onewindow_base.failures.report import report_failure

__all__ = [
    "FailureKind",
    "OperationalFailure",
    "Surroundings",
    "explain",
    "report_failure",
]
