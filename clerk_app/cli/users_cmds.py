"""``clerk-app users …``: accounts, roles and the separation of administrator duties.

New and reset passwords come from ``ONEWINDOW_NEW_PASSWORD`` or a prompt, never the command
line (it would stay in the shell history and the process list).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable

from clerk_app.accounts.auth import AuthService, PasswordRejected
from clerk_app.accounts.roles import Role
from clerk_app.accounts.users import UserAdmin, UserRefused
from clerk_app.services import Services

EXIT_OK, EXIT_REFUSED = 0, 1
ENV_NEW_PASSWORD = "ONEWINDOW_NEW_PASSWORD"  # noqa: S105 - the variable's name


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = sub.add_parser("users", help="user accounts, roles, separation of duties")
    usub = users.add_subparsers(dest="action", required=True, metavar="ACTION")
    roles = [r.value for r in Role]
    usub.add_parser("list", help="active accounts and their roles")
    create = usub.add_parser("create", help="a new account (it sets its own password later)")
    create.add_argument("username")
    create.add_argument("--name", required=True, help="display name")
    create.add_argument("--role", choices=roles, default=Role.CLERK.value)
    role = usub.add_parser("role", help="change an account's role")
    role.add_argument("username")
    role.add_argument("role", choices=roles)
    usub.add_parser("disable", help="disable an account").add_argument("username")
    usub.add_parser("reset-password", help="set a password to change at sign-in").add_argument(
        "username"
    )
    usub.add_parser("unlock", help="lift a lockout").add_argument("username")
    separation = usub.add_parser("separation", help="separate administrator duties (三员分立)")
    separation.add_argument("state", choices=("on", "off", "status"))
    for p in usub.choices.values():
        p.add_argument("--json", action="store_true")


def _new_password() -> str:
    if os.environ.get(ENV_NEW_PASSWORD):
        return os.environ[ENV_NEW_PASSWORD]
    if sys.stdin.isatty():
        return getpass.getpass("new password: ")
    raise UserRefused(f"no new password: set {ENV_NEW_PASSWORD} or run at a terminal")


def run(services: Services, args: argparse.Namespace) -> int:
    auth = services.auth
    admin = UserAdmin(services.db, auth)
    try:
        payload, text = _action(auth, admin, args)
    except (UserRefused, PasswordRejected) as exc:
        print(f"clerk-app: {exc}; nothing was changed", file=sys.stderr)
        return EXIT_REFUSED
    print(json.dumps(payload, ensure_ascii=False) if args.json else text)
    return EXIT_OK


Outcome = tuple[object, str]


def _list(auth: AuthService, _admin: UserAdmin, _args: argparse.Namespace) -> Outcome:
    users = auth.list_users()
    rows = [{"username": u.username, "name": u.display_name, "role": u.role} for u in users]
    return rows, "\n".join(f"{u.username:<16} {u.role.value:<11} {u.display_name}" for u in users)


def _create(_auth: AuthService, admin: UserAdmin, args: argparse.Namespace) -> Outcome:
    role = Role(args.role)
    made = admin.create_user(args.username, args.name, role, _new_password(), by=args.operator)
    return {"user_id": made.user_id}, f"user {made.username} created ({made.role.value})"


def _role(_auth: AuthService, admin: UserAdmin, args: argparse.Namespace) -> Outcome:
    admin.change_role(args.username, Role(args.role), by=args.operator)
    return {"username": args.username, "role": args.role}, f"{args.username}: {args.role}"


def _disable(_auth: AuthService, admin: UserAdmin, args: argparse.Namespace) -> Outcome:
    admin.disable(args.username, by=args.operator)
    return {"disabled": args.username}, f"{args.username} disabled"


def _reset(auth: AuthService, _admin: UserAdmin, args: argparse.Namespace) -> Outcome:
    auth.set_password(args.username, _new_password(), args.operator)
    return {"reset": args.username}, f"{args.username} must choose a new password"


def _unlock(auth: AuthService, _admin: UserAdmin, args: argparse.Namespace) -> Outcome:
    auth.unlock(args.username, args.operator)
    return {"unlocked": args.username}, f"{args.username} unlocked"


def _separation(_auth: AuthService, admin: UserAdmin, args: argparse.Namespace) -> Outcome:
    if args.state != "status":
        admin.separate_duties(args.state == "on", by=args.operator)
    on = admin.duties_separated()
    return {"separated": on}, f"administrator duties {'separated' if on else 'not separated'}"


ACTIONS: dict[str, Callable[[AuthService, UserAdmin, argparse.Namespace], Outcome]] = {
    "list": _list,
    "create": _create,
    "role": _role,
    "disable": _disable,
    "reset-password": _reset,
    "unlock": _unlock,
    "separation": _separation,
}


def _action(auth: AuthService, admin: UserAdmin, args: argparse.Namespace) -> Outcome:
    return ACTIONS[args.action](auth, admin, args)
