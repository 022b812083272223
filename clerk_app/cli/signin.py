"""Who runs a ``clerk-app`` command: a signed-in user (``--user``) or the host's operator.

With ``--user NAME`` the password comes from ``ONEWINDOW_PASSWORD`` or, at a terminal, a
prompt; the command then runs as that user and every administration is role-checked in the
service layer (``clerk_app.accounts.authz``), a refusal audited. Without ``--user`` the
command runs as the host's operator (:class:`clerk_app.accounts.authz.HostOperator`), who is
trusted with administration only while the hall has not separated administrator duties, and
audited as the OS user on this host (``cli:ops@hall-pc-3``).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from clerk_app.accounts.auth import LoginFailed
from clerk_app.accounts.authz import HostOperator, Operator
from clerk_app.services import Services

ENV_PASSWORD = "ONEWINDOW_PASSWORD"  # noqa: S105 - the variable's name


class SignInFailed(Exception):  # noqa: N818 - an expected refusal with its reason
    pass


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user",
        metavar="NAME",
        help=f"run as this user (password from ${ENV_PASSWORD} or a prompt)",
    )


def _password(name: str) -> str:
    if os.environ.get(ENV_PASSWORD):
        return os.environ[ENV_PASSWORD]
    if sys.stdin.isatty():
        return getpass.getpass(f"password for {name}: ")
    raise SignInFailed(f"no password for {name}: set {ENV_PASSWORD} or run at a terminal")


def operator(services: Services, args: argparse.Namespace) -> Operator:
    """The signed-in user for ``--user`` (a failed sign-in counts toward the lockout)."""
    name = getattr(args, "user", None)
    if not name:
        return HostOperator.here()
    try:
        return services.auth.authenticate(name, _password(name))
    except LoginFailed as exc:
        raise SignInFailed(f"sign-in as {name} failed ({exc.reason.value})") from None
