"""Signed papers: pyHanko and poppler's pdfsig both accept what printing.signing signs, and
neither accepts a paper altered after signing; the TSA path runs over real HTTP."""

from __future__ import annotations

import datetime as dt
import http.server
import io
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from PIL import Image
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pypdf import PdfReader, PdfWriter

from clerk_app.signing import demo_pkcs12
from printing.render import render_pdf
from printing.signing import (
    REASONS,
    PaperSigner,
    SealPlacement,
    SigningFailure,
    SigningOptions,
    VerifyProblem,
    verify,
)
from tests.pdf_read import pdfium_text
from tests.printing import literals

NOW = dt.datetime.now(dt.UTC)
PASS = b"test-passphrase"


@pytest.fixture(scope="module")
def hall_p12() -> bytes:
    return demo_pkcs12("测试大厅", PASS, NOW)


@pytest.fixture(scope="module")
def receipt_pdf() -> bytes:
    return render_pdf(literals.receipt(), literals.BRANDING)


def signer_for(p12: bytes, **options: object) -> PaperSigner:
    return PaperSigner.from_pkcs12(p12, PASS, SigningOptions(**options))  # type: ignore[arg-type]


def pdfsig(path: Path) -> str:
    binary = shutil.which("pdfsig")
    if binary is None:
        print("pdfsig is missing (poppler-utils, installed by tools/system-deps.sh): skipped")
        pytest.skip("poppler's pdfsig is not installed")
    done = subprocess.run(
        [binary, str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    return done.stdout + done.stderr


def test_a_signed_receipt_verifies_with_pyhanko_and_reads_the_same(
    hall_p12: bytes, receipt_pdf: bytes
) -> None:
    signer = signer_for(hall_p12, location="CC01")
    signed = signer.sign(receipt_pdf, reason=REASONS["receipt"])
    check = verify(signed, [signer.certificate_der])
    assert check.ok, check.problem
    assert (check.signer, check.reason, check.timestamped) == (
        "测试大厅 演示证书 DEMO ONLY",
        "一窗通 受理回执",
        False,
    )
    assert signed.startswith(receipt_pdf)  # an incremental update: the paper's bytes untouched
    assert pdfium_text(signed) == pdfium_text(receipt_pdf)
    assert literals.CASE_NUMBER in pdfium_text(signed)


def test_pdfsig_accepts_the_signature_and_refuses_an_altered_copy(
    hall_p12: bytes, receipt_pdf: bytes, tmp_path: Path
) -> None:
    signed = signer_for(hall_p12).sign(receipt_pdf, reason=REASONS["receipt"])
    good = tmp_path / "signed.pdf"
    good.write_bytes(signed)
    report = pdfsig(good)
    assert "Signature is Valid" in report, report
    assert "Total document signed" in report
    assert "测试大厅 演示证书 DEMO ONLY" in report
    bad = tmp_path / "altered.pdf"
    bad.write_bytes(altered(signed))
    report = pdfsig(bad)
    assert "Signature is Valid" not in report, report


def altered(signed: bytes) -> bytes:
    """One byte of the paper's content changed (a digit of the PDF's first object)."""
    at = signed.index(b"0 obj") - 2
    assert signed[at : at + 1].isdigit()
    digit = b"7" if signed[at : at + 1] != b"7" else b"8"
    return signed[:at] + digit + signed[at + 1 :]


def test_a_changed_byte_fails_verification(hall_p12: bytes, receipt_pdf: bytes) -> None:
    signer = signer_for(hall_p12)
    check = verify(altered(signer.sign(receipt_pdf)), [signer.certificate_der])
    assert not check.ok and check.signed and not check.intact
    assert check.problem is VerifyProblem.CHANGED


def test_a_page_added_after_signing_fails_verification(hall_p12: bytes, receipt_pdf: bytes) -> None:
    signer = signer_for(hall_p12)
    signed = signer.sign(receipt_pdf)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(signed)))
    writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    check = verify(out.getvalue(), [signer.certificate_der])
    assert not check.ok and check.problem is not None


def test_an_unsigned_paper_and_garbage_are_reported_not_raised(receipt_pdf: bytes) -> None:
    unsigned = verify(receipt_pdf, [])
    assert (unsigned.signed, unsigned.readable, unsigned.ok) == (False, True, False)
    assert unsigned.problem is VerifyProblem.UNSIGNED
    garbage = verify(b"not a pdf at all", [])
    assert (garbage.signed, garbage.readable, garbage.ok) == (False, False, False)
    assert garbage.problem is VerifyProblem.NOT_PDF


@pytest.mark.allow_log_warnings  # pyHanko logs the certificate path it could not build
def test_another_halls_certificate_is_not_trusted(hall_p12: bytes, receipt_pdf: bytes) -> None:
    signed = signer_for(hall_p12).sign(receipt_pdf)
    other = signer_for(demo_pkcs12("别的大厅", PASS, NOW))
    check = verify(signed, [other.certificate_der])
    assert check.intact and check.valid and not check.trusted and not check.ok
    assert check.problem is VerifyProblem.UNTRUSTED


def test_a_wrong_passphrase_cannot_sign(hall_p12: bytes) -> None:
    with pytest.raises(SigningFailure):
        PaperSigner.from_pkcs12(hall_p12, b"wrong", SigningOptions())


def test_the_e_seal_image_is_the_signature_at_its_configured_place(
    hall_p12: bytes, receipt_pdf: bytes
) -> None:
    image = io.BytesIO()
    Image.new("RGBA", (120, 120), (200, 0, 0, 255)).save(image, format="PNG")
    seal = SealPlacement(image.getvalue(), page=0, box=(400, 60, 520, 180))
    signer = signer_for(hall_p12, seal=seal)
    signed = signer.sign(receipt_pdf)
    assert verify(signed, [signer.certificate_der]).ok
    page = PdfReader(io.BytesIO(signed)).pages[0]
    widgets = [a.get_object() for a in page.get("/Annots", [])]
    sig = [w for w in widgets if w.get("/FT") == "/Sig" or "/Parent" in w or "/T" in w]
    assert [[round(float(v)) for v in w["/Rect"]] for w in sig] == [[400, 60, 520, 180]]
    assert "/AP" in sig[0]


# ---------------------------------------------------------------------- the TSA, over HTTP
def tsa_material() -> tuple[bytes, asn1_x509.Certificate, asn1_keys.PrivateKeyInfo]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "测试时间戳服务")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    der = cert.public_bytes(serialization.Encoding.DER)
    key_der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return der, asn1_x509.Certificate.load(der), asn1_keys.PrivateKeyInfo.load(key_der)


@pytest.fixture(scope="module")
def tsa() -> Iterator[tuple[str, bytes, list[int]]]:
    """An RFC 3161 server on 127.0.0.1: pyHanko's DummyTimeStamper answering real HTTP posts."""
    der, cert, key = tsa_material()
    stamper = DummyTimeStamper(tsa_cert=cert, tsa_key=key)
    served = [0]

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            assert self.headers["Content-Type"] == "application/timestamp-query"
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            served[0] += 1
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *_args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tsa", der, served
    server.shutdown()
    thread.join()
    server.server_close()


def test_with_a_tsa_the_paper_carries_its_timestamp(
    hall_p12: bytes, receipt_pdf: bytes, tsa: tuple[str, bytes, list[int]], tmp_path: Path
) -> None:
    url, tsa_der, served = tsa
    before = served[0]
    signer = signer_for(hall_p12, tsa_url=url)
    signed = signer.sign(receipt_pdf, reason=REASONS["notice"])
    assert served[0] > before  # the TSA was asked over HTTP
    check = verify(signed, [signer.certificate_der, tsa_der])
    assert check.ok and check.timestamped, check.problem
    path = tmp_path / "stamped.pdf"
    path.write_bytes(signed)
    report = pdfsig(path)
    assert "Signature is Valid" in report, report


def test_an_unreachable_tsa_refuses_to_sign(hall_p12: bytes, receipt_pdf: bytes) -> None:
    signer = signer_for(hall_p12, tsa_url="http://127.0.0.1:9/tsa", tsa_timeout_s=2)
    with pytest.raises(SigningFailure):
        signer.sign(receipt_pdf)
