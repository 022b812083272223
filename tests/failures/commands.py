"""One representative invocation of every ``clerk-app`` command, for the failure tests.

``invocations(tmp)`` must name every leaf command of the parser: a new command without an entry
here fails ``test_every_command_is_run_under_each_failure``. ``{tmp}`` is a scratch folder
of the test; files named there do not exist unless a test makes them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from clerk_app.cli.main import build_parser

ID_NUMBER = "11010519491231002X"

_INVOCATIONS: dict[str, list[str]] = {
    "demo": ["demo", "--cases", "1"],
    "migrate": ["migrate"],
    "queue issue": ["queue", "issue", "A"],
    "queue cancel-appointment": ["queue", "cancel-appointment", "YY-ABCDEF"],
    "queue call": ["queue", "call", "--window", "1"],
    "queue recall": ["queue", "recall", "--window", "1"],
    "queue skip": ["queue", "skip", "--window", "1"],
    "queue start": ["queue", "start", "--window", "1"],
    "queue finish": ["queue", "finish", "--window", "1"],
    "queue open": ["queue", "open", "--window", "1"],
    "queue close": ["queue", "close", "--window", "1"],
    "queue transfer": ["queue", "transfer", "--window", "1", "--to-service", "B"],
    "queue park": ["queue", "park", "--window", "1", "--minutes", "5"],
    "queue pause": ["queue", "pause", "--window", "1", "--reason", "break"],
    "queue cancel": ["queue", "cancel", "A001"],
    "queue return": ["queue", "return", "A001"],
    "queue status": ["queue", "status"],
    "queue stats": ["queue", "stats", "--from", "2026-11-01", "--to", "2026-11-30"],
    "audit verify": ["audit", "verify"],
    "audit export": [
        "audit",
        "export",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "-o",
        "{tmp}/audit.csv",
    ],
    "audit purge": ["audit", "purge", "--older-than-days", "400"],
    "check id": ["check", "id", ID_NUMBER],
    "check credit-code": ["check", "credit-code", "91350100M000100Y43"],
    "check phone": ["check", "phone", "13812345678"],
    "device idcard": ["device", "idcard", "--port", "{tmp}/ttyUSB-none", "--timeout", "0.1"],
    "catalog import": ["catalog", "import", "{tmp}/catalogue.json"],
    "catalog validate": ["catalog", "validate", "{tmp}/catalogue.json"],
    "catalog export": ["catalog", "export", "-o", "{tmp}/export.json"],
    "catalog versions": ["catalog", "versions"],
    "catalog activate": ["catalog", "activate", "demo-2026.12"],
    "catalog search": ["catalog", "search", "登记"],
    "catalog show": ["catalog", "show", "22010001001700000017"],
    "catalog generate": ["catalog", "generate", "-o", "{tmp}/generated.json"],
    "calendar import": ["calendar", "import", "{tmp}/calendar.toml"],
    "calendar show": ["calendar", "show", "2026"],
    "calendar export": ["calendar", "export", "2026"],
    "print sample": ["print", "sample", "ticket", "-o", "{tmp}/ticket.pdf"],
    "print test-page": ["print", "test-page", "--printer", "nowhere"],
    "print jobs": ["print", "jobs"],
    "print numbers": ["print", "numbers", "--year", "2026"],
    "print retry": ["print", "retry", "1"],
    "print reprint": ["print", "reprint", "1"],
    "print confirm": ["print", "confirm", "1", "--printed"],
    "keys init": ["keys", "init"],
    "keys status": ["keys", "status"],
    "keys rotate": ["keys", "rotate"],
    "keys reencrypt": ["keys", "reencrypt"],
    "keys retire": ["keys", "retire", "0000"],
    "signing status": ["signing", "status"],
    "signing create-demo-certificate": ["signing", "create-demo-certificate"],
    "signing import": ["signing", "import", "{tmp}/hall.p12"],
    "signing seal-image": ["signing", "seal-image", "{tmp}/seal.png"],
    "stats": ["stats", "--from", "2026-11-01", "--to", "2026-11-30"],
    "config check": ["config", "check", "{tmp}/config.toml"],
    "config init": ["config", "init", "{tmp}/new-config.toml"],
    "sync": ["sync", "--once"],
    "enroll": ["enroll", "--server", "http://127.0.0.1:9", "--code", "X"],
    "maintenance sweep-blobs": ["maintenance", "sweep-blobs"],
    "maintenance check": ["maintenance", "check"],
    "maintenance backup": ["maintenance", "backup"],
    "maintenance restore": ["maintenance", "restore", "--from", "{tmp}/backup.sqlite3"],
    "users list": ["users", "list"],
    "users create": ["users", "create", "newclerk", "--name", "新职员"],
    "users role": ["users", "role", "clerk1", "supervisor"],
    "users disable": ["users", "disable", "clerk1"],
    "users reset-password": ["users", "reset-password", "clerk1"],
    "users unlock": ["users", "unlock", "clerk1"],
    "users separation": ["users", "separation", "status"],
    "credit check": ["credit", "check", ID_NUMBER, "--json"],
    "licence lookup": ["licence", "lookup", "--holder", ID_NUMBER, "--json"],
    "case post-check": ["case", "post-check", "CC01-W03-20261124-0001", "--outcome", "verified"],
}
# Covered elsewhere, with the reason.
NOT_RUN_HERE = {
    "run": "the desktop app: tests/ui/test_start_failures.py (a damaged file, a server down)",
}


def leaf_commands(parser: argparse.ArgumentParser | None = None) -> set[str]:
    """Every runnable command path of the parser: ``queue issue``, ``demo`` …"""
    found: set[str] = set()

    def walk(node: argparse.ArgumentParser, prefix: tuple[str, ...]) -> None:
        for action in node._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    nested = any(isinstance(a, argparse._SubParsersAction) for a in child._actions)
                    if nested:
                        walk(child, (*prefix, name))
                    else:
                        found.add(" ".join((*prefix, name)))

    walk(parser or build_parser(), ())
    return found


def invocations(tmp: Path) -> dict[str, list[str]]:
    return {
        name: [part.replace("{tmp}", str(tmp)) for part in argv]
        for name, argv in _INVOCATIONS.items()
    }


def names() -> list[str]:
    return sorted(_INVOCATIONS)
