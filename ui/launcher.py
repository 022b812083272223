"""Entry point of ``clerk-app``: Qt is imported only when the desktop app starts.

``clerk-app --smoke-test`` checks an installation headless (see :mod:`ui.smoke`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from clerk_app.cli.main import main as cli_main
from clerk_app.settings import Settings


def _run_gui(url: str, settings: Settings, args: argparse.Namespace) -> int:
    from ui.app import run_app  # noqa: PLC0415 - Qt loads only when the app starts

    return run_app(url, settings, args)


def _show_config_problems(path: Path, lines: list[str]) -> None:
    from ui.config_message import show_config_problems  # noqa: PLC0415 - Qt loads only here

    show_config_problems(path, lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--smoke-test"]:  # an installation proving itself, headless (ui/smoke.py)
        from ui.smoke import main as smoke_test  # noqa: PLC0415 - Qt loads only here

        return smoke_test()
    return cli_main(args, gui=_run_gui, gui_message=_show_config_problems)


if __name__ == "__main__":
    sys.exit(main())
