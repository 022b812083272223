"""The protocol's header and the versions spoken, declared once for both sides.

Every request to the central server carries ``OneWindow-Protocol: <version>``; the server
answers 426 with ``OneWindow-Protocol-Supported`` listing what it speaks when the header is
missing or names a version it does not (docs/sync-protocol.md).
"""

from __future__ import annotations

PROTOCOL_HEADER = "OneWindow-Protocol"
SUPPORTED_HEADER = "OneWindow-Protocol-Supported"
PROTOCOL_VERSIONS: tuple[int, ...] = (1,)  # every version this release speaks, oldest first
CURRENT_PROTOCOL = max(PROTOCOL_VERSIONS)


def protocol_headers(version: int = CURRENT_PROTOCOL) -> dict[str, str]:
    """The header a request (or a reply) carries."""
    return {PROTOCOL_HEADER: str(version)}


def supported_value() -> str:
    """``OneWindow-Protocol-Supported``'s value: the versions, comma-separated."""
    return ",".join(str(v) for v in PROTOCOL_VERSIONS)
