"""``clerk-app signing …``: the hall's certificate that signs official papers (``[signing]``).

``status`` says whether papers are signed, which certificate signs them, until when, and which
hall key seals its passphrase; ``create-demo-certificate`` makes a self-signed certificate
named as a demonstration one (演示证书), for the demo hall and tests, never for real papers;
``import FILE.p12`` installs the certificate the hall's CA issued (its passphrase is asked on
the terminal, or read from ``ONEWINDOW_SIGNING_PASSPHRASE``), sealed with the hall key; with
``--force`` over an installed one, the replaced certificate stays trusted for the papers it
signed (``status`` lists it);
``seal-image IMAGE`` installs the hall's e-seal image, also sealed with the hall key (shown
where ``[signing] seal = true``), ``seal-image --remove`` removes it.

None of them needs the database; all need the hall key ring (``clerk-app keys init``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path

from clerk_app.crypto.keys import hall_ring
from clerk_app.settings import Settings
from clerk_app.signing import (
    CertificateInfo,
    SigningUnavailable,
    create_demo_certificate,
    describe,
    install_pkcs12,
    install_seal_image,
    passphrase_path,
    pkcs12_path,
    seal_image_path,
)
from onewindow_base.crypto.keys import KeyStoreError
from printing.signing import SigningFailure

EXIT_OK, EXIT_REFUSED = 0, 1
PASSPHRASE_ENV = "ONEWINDOW_SIGNING_PASSPHRASE"  # noqa: S105 - the variable's name


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    signing = sub.add_parser("signing", help="the hall certificate that signs official papers")
    ssub = signing.add_subparsers(dest="action", required=True, metavar="ACTION")
    status = ssub.add_parser("status", help="whether papers are signed, and with what")
    status.add_argument("--json", action="store_true")
    demo = ssub.add_parser(
        "create-demo-certificate",
        help="a self-signed DEMONSTRATION certificate (demo hall, tests; not for real papers)",
    )
    demo.add_argument("--hall-name", default="一窗通演示大厅", help="the name it carries")
    demo.add_argument("--force", action="store_true", help="replace an installed certificate")
    demo.add_argument("--json", action="store_true")
    imp = ssub.add_parser("import", help="install the hall's PKCS#12 certificate file")
    imp.add_argument("file", metavar="FILE.p12")
    imp.add_argument("--force", action="store_true", help="replace an installed certificate")
    imp.add_argument("--json", action="store_true")
    seal = ssub.add_parser(
        "seal-image", help="install the hall's e-seal image (kept sealed with the hall key)"
    )
    seal.add_argument("file", metavar="IMAGE", nargs="?", help="PNG or JPEG")
    seal.add_argument("--remove", action="store_true", help="remove the installed image")
    seal.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        return _action(args, settings)
    except (KeyStoreError, SigningFailure, SigningUnavailable) as exc:
        print(f"clerk-app: {exc}", file=sys.stderr)
        return EXIT_REFUSED


def _action(args: argparse.Namespace, settings: Settings) -> int:
    target = pkcs12_path(settings)
    if args.action == "status":
        return _status(args, settings, target)
    if args.action == "seal-image":
        return _seal_image(args, settings, target)
    if target.exists() and not args.force:
        print(
            f"clerk-app: a certificate is already installed at {target}; --force replaces it "
            "(it stays trusted for the papers it signed)",
            file=sys.stderr,
        )
        return EXIT_REFUSED
    ring = hall_ring(settings)
    if args.action == "create-demo-certificate":
        info = create_demo_certificate(ring, target, args.hall_name, dt.datetime.now(dt.UTC))
    else:
        data = Path(args.file).read_bytes()
        passphrase = os.environ.get(PASSPHRASE_ENV)
        if passphrase is None:
            passphrase = getpass.getpass(f"passphrase of {args.file}: ")
        info = install_pkcs12(ring, target, data, passphrase.encode("utf-8"))
    note = "" if settings.signing.enabled else " ([signing] enabled = true signs papers with it)"
    return _say(args, _payload(info, settings), _text(info) + note)


def _seal_image(args: argparse.Namespace, settings: Settings, target: Path) -> int:
    where = seal_image_path(target)
    if args.remove:
        where.unlink(missing_ok=True)
        return _say(args, {"seal_image": None}, f"no e-seal image at {where} any more")
    if not args.file:
        print("clerk-app: name the image (PNG or JPEG), or --remove", file=sys.stderr)
        return EXIT_REFUSED
    install_seal_image(hall_ring(settings), target, Path(args.file).read_bytes())
    note = "" if settings.signing.seal else " ([signing] seal = true shows it on papers)"
    return _say(args, {"seal_image": str(where)}, f"e-seal image sealed in {where}" + note)


def _status(args: argparse.Namespace, settings: Settings, target: Path) -> int:
    if not target.exists():
        text = f"no certificate at {target}"
        if settings.signing.enabled:
            text += ": papers cannot be printed until one is installed"
        return _say(args, {"enabled": settings.signing.enabled, "installed": False}, text)
    info = describe(hall_ring(settings), target)
    state = "papers are signed" if settings.signing.enabled else "papers are NOT signed"
    tsa = settings.signing.tsa_url
    lines = [
        f"{state} ([signing] enabled = {str(settings.signing.enabled).lower()})",
        _text(info),
        f"timestamps: {tsa} (PAdES B-T)" if tsa else "timestamps: none (PAdES B-B)",
        "e-seal image: "
        + (f"installed ({seal_image_path(target)})" if seal_image_path(target).exists() else "none")
        + ("; shown on papers" if settings.signing.seal else "; invisible signature"),
    ]
    return _say(args, _payload(info, settings), "\n".join(lines))


def _text(info: CertificateInfo) -> str:
    demo = "DEMONSTRATION certificate (演示证书), not for real papers; " if info.demo else ""
    text = (
        f"{demo}certificate {info.path}: {info.subject}, issued by {info.issuer}, valid "
        f"{info.not_before:%Y-%m-%d} to {info.not_after:%Y-%m-%d}; passphrase sealed in "
        f"{passphrase_path(info.path)} with hall key {info.sealed_with}"
    )
    if info.retired:
        text += "\nstill trusted for the papers they signed: " + "; ".join(info.retired)
    return text


def _payload(info: CertificateInfo, settings: Settings) -> dict[str, object]:
    return {
        "enabled": settings.signing.enabled,
        "installed": True,
        "path": str(info.path),
        "subject": info.subject,
        "issuer": info.issuer,
        "not_before": info.not_before.isoformat(),
        "not_after": info.not_after.isoformat(),
        "demo": info.demo,
        "sealed_with_key": info.sealed_with,
        "retired": list(info.retired),
        "tsa_url": settings.signing.tsa_url,
    }


def _say(args: argparse.Namespace, payload: dict[str, object], text: str) -> int:
    print(json.dumps(payload, ensure_ascii=False) if args.json else text)
    return EXIT_OK
