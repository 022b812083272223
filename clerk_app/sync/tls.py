"""Transport security to the central server: verified TLS, an optional pinned hall CA, and no
plain HTTP off this machine.

With ``[sync] ca_file`` set, that file's CA certificates are the *only* ones trusted for the
central server (the hall's own CA is pinned; a certificate from any other CA, public ones
included, is refused). Without it the operating system's trust store is used. Certificates are
always verified, host names always checked, TLS 1.2 at least.

Plain ``http://`` is refused before any byte is sent unless the host is this machine (the
loopback address: a local trial, a test server, or a TLS-terminating proxy on the same PC);
``clerk-app config check`` warns about such a URL too. There is no switch to turn verification
off.
"""

from __future__ import annotations

import ipaddress
import ssl
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

INSECURE_URL = "insecure_url"
TLS_UNTRUSTED = "tls_untrusted"
TLS_FAILED = "tls_failed"
CA_FILE_UNUSABLE = "ca_file_unusable"


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class TransportProblem:
    """Why a connection was refused or failed; ``client`` turns it into a ``SyncError``."""

    code: str
    message: str
    retryable: bool = False


def url_problem(url: str) -> TransportProblem | None:
    """A URL that would send case data unencrypted over the network, else None."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        return None
    if parts.scheme == "http" and is_loopback(parts.hostname or ""):
        return None
    return TransportProblem(
        INSECURE_URL,
        f"refusing the {parts.scheme or 'schemeless'} address {parts.hostname or url!r}: "
        "the central server must be reached over https://",
    )


def client_context(ca_file: Path | None) -> ssl.SSLContext | TransportProblem:
    """The TLS settings of every connection to the central server, or why the CA file fails."""
    try:
        context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    except (OSError, ssl.SSLError) as exc:
        return TransportProblem(
            CA_FILE_UNUSABLE, f"the hall CA file {ca_file} cannot be used: {type(exc).__name__}"
        )
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def handshake_problem(exc: BaseException) -> TransportProblem | None:
    """The TLS failure anywhere in ``exc``'s chain (a refused certificate first), else None."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            reason = seen.verify_message or seen.reason or "verification failed"
            return TransportProblem(
                TLS_UNTRUSTED,
                f"the central server's certificate is not trusted ({reason}); "
                "check [sync] ca_file (the hall CA)",
            )
        if isinstance(seen, ssl.SSLError):
            return TransportProblem(
                TLS_FAILED,
                f"TLS handshake with the central server failed ({seen.reason})",
                retryable=True,
            )
        seen = seen.__cause__ or seen.__context__
    return None
