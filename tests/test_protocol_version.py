"""The protocol's header and versions are declared once (onewindow_protocol.version): neither
side spells the header or a version number of its own, and both speak what it declares."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from onewindow_protocol.version import (
    CURRENT_PROTOCOL,
    PROTOCOL_HEADER,
    PROTOCOL_VERSIONS,
    protocol_headers,
    supported_value,
)

ROOT = Path(__file__).resolve().parent.parent
DECLARED = "onewindow_protocol/version.py"
# The header as a string of its own in code: "OneWindow-Protocol" or 'OneWindow-Protocol'.
SPELLED = re.compile(r"""["']OneWindow-Protocol(?:-Supported)?["']""")


def test_no_package_spells_the_header_again() -> None:
    listed = subprocess.run(
        ["git", "ls-files", "clerk_app", "central_server", "ui", "onewindow_protocol"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    spelled = [
        name
        for name in listed
        if name.endswith(".py")
        and name != DECLARED
        and SPELLED.search((ROOT / name).read_text(encoding="utf-8"))
    ]
    assert spelled == []


def test_the_header_names_the_newest_version_spoken() -> None:
    assert max(PROTOCOL_VERSIONS) == CURRENT_PROTOCOL
    assert protocol_headers() == {PROTOCOL_HEADER: str(CURRENT_PROTOCOL)}
    assert supported_value().split(",") == [str(v) for v in PROTOCOL_VERSIONS]
