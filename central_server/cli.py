"""``central-server``: the reference central approval server's command line.

Only ``--version`` exists so far; the server and its commands (serve, enroll-code, cases,
approve, reject, supplement, catalog publish) arrive with the sync work.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from central_server import __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="central-server", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"central-server {__version__}")
    parser.parse_args(argv)
    parser.print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
