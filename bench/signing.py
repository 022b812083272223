"""Signing budget (no database needed).

G1 signing a receipt PDF (the real counter flow's receipt, rendered once, signed with an
   RSA-2048 demonstration certificate, PAdES B-B as a hall without a TSA signs): p95 <= 100 ms
   over 50 signings. With a TSA the round trip to it comes on top (the TSA's, not ours).
   The certificate's name is one that costs pyHanko/asn1crypto about 45 ms a signature (other
   names cost about 12 ms; the cause is inside their re-encoding of the certificate), so the
   figure is the slower case.
G2 verifying it again as the archive does on read (no budget set; reported beside G1).
"""

from __future__ import annotations

import datetime as dt
import time

from bench.common import Row, Samples, budget_row
from clerk_app.demo import DEMO_BRANDING
from clerk_app.samples import SampleHall, SampleKind
from clerk_app.signing import demo_pkcs12
from printing.render import render_pdf
from printing.signing import REASONS, PaperSigner, SigningOptions, verify

PASSPHRASE = b"bench"


def run(*, quick: bool = False) -> list[Row]:
    count = 10 if quick else 50
    with SampleHall() as hall:
        receipt = render_pdf(hall.make(SampleKind.RECEIPT).document, DEMO_BRANDING)
    p12 = demo_pkcs12("基准测试大厅", PASSPHRASE, dt.datetime.now(dt.UTC))
    signer = PaperSigner.from_pkcs12(p12, PASSPHRASE, SigningOptions(location="CC01"))
    roots = [signer.certificate_der]
    signed = signer.sign(receipt, reason=REASONS["receipt"])  # warm: code paths loaded
    assert verify(signed, roots).ok
    signing, checking = [], []
    for _ in range(count):
        started = time.perf_counter()
        signed = signer.sign(receipt, reason=REASONS["receipt"])
        signing.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        verify(signed, roots)
        checking.append((time.perf_counter() - started) * 1000)
    sign = Samples.of(signing)
    check = Samples.of(checking)
    return [
        budget_row("G1", "sign a receipt PDF (p95)", "-", sign, None, q=0.95, limit_ms=100),
        Row("G2", "verify a signed receipt", "-", check, None,
            f"p50 {check.p(0.5):.1f} ms", "reported", ok=True),
    ]  # fmt: skip
