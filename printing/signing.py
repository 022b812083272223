"""PDF signatures on official papers: PAdES baseline B-B, or B-T where the hall has a TSA.

The caller (the core) hands over the key material: the hall's PKCS#12 bytes and their
passphrase, the TSA's URL, the e-seal image and where it goes. This module only signs and
verifies bytes; it knows nothing of settings, key rings or the database::

    signer = PaperSigner.from_pkcs12(p12, passphrase, SigningOptions(tsa_url=None))
    signed = signer.sign(pdf, reason=REASONS["receipt"])
    check = verify(signed, trust_roots=[signer.certificate_der])
    assert check.ok, check.problem

The signature is an invisible field unless an e-seal image is configured; then the image is
the field's appearance at the configured place on the configured page. Papers are signed in
one revision with nothing after it: :func:`verify` refuses a paper changed after signing
(``intact`` false) and one whose bytes were altered beyond that (the signature itself no longer
matches), and says whether the signer's certificate chains to one of the trust roots.
"""

from __future__ import annotations

import enum
import io
import logging
from dataclasses import dataclass, field
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ec import ECDSA, EllipticCurvePrivateKey
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    pkcs12,
)
from PIL import Image
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

log = logging.getLogger(__name__)

FIELD_NAME = "OneWindowSignature"

# What a verifier shows as the signature's reason, by paper (the document kind's value).
REASONS: dict[str, str] = {
    "receipt": "一窗通 受理回执",
    "notice": "一窗通 一次性告知书",
    "deferral": "一窗通 延期办理通知书",
    "refusal": "一窗通 不予受理通知书",
    "denial": "一窗通 不予许可决定书",
    "certificate": "一窗通 办理结果",
    "handover": "一窗通 结果领取记录",
    "commitment": "一窗通 告知承诺书",
    "daily_report": "一窗通 日报",
}
DEFAULT_REASON = "一窗通 办事材料"


class SigningFailure(Exception):  # noqa: N818 - the printing package's own refusals are named so
    """The key material cannot sign (wrong passphrase, no key, unreadable file, TSA down)."""


@dataclass(frozen=True)
class SealPlacement:
    """The e-seal image (PNG or JPEG bytes) and where it goes: page (0 is the first, -1 the
    last) and the box in points from the page's lower left corner."""

    image: bytes
    page: int = -1
    box: tuple[int, int, int, int] = (400, 60, 520, 180)


@dataclass(frozen=True)
class SigningOptions:
    location: str = ""
    tsa_url: str | None = None
    tsa_timeout_s: int = 5
    seal: SealPlacement | None = None


class PaperSigner:
    """Signs paper PDFs with one certificate and its key; cheap to keep, reusable."""

    def __init__(
        self, signer: signers.SimpleSigner, options: SigningOptions, *, reserved: int | None = None
    ) -> None:
        self._signer = signer
        # Without a TSA the container's size is known; with one pyHanko measures a trial run
        # (the token's certificates are the TSA's business).
        self._reserved = None if options.tsa_url else reserved
        self.options = options
        self._stamper = (
            HTTPTimeStamper(options.tsa_url, timeout=options.tsa_timeout_s)  # type: ignore[no-untyped-call]
            if options.tsa_url
            else None
        )
        self._stamp_style = seal_style(options.seal) if options.seal else None

    @classmethod
    def from_pkcs12(
        cls, pkcs12_data: bytes, passphrase: bytes | None, options: SigningOptions
    ) -> PaperSigner:
        """Raises :class:`SigningFailure` when the bytes or the passphrase are wrong."""
        try:
            key, cert, extra = pkcs12.load_key_and_certificates(pkcs12_data, passphrase)
        except ValueError as exc:
            raise SigningFailure(f"the PKCS#12 file does not open: {exc}") from None
        if key is None or cert is None:
            raise SigningFailure("the PKCS#12 file holds no private key and certificate")
        store = SimpleCertificateStore()  # type: ignore[no-untyped-call]
        store.register_multiple([_asn1_cert(c) for c in extra])
        if not isinstance(key, RSAPrivateKey | EllipticCurvePrivateKey):
            raise SigningFailure("the PKCS#12 key is neither RSA nor ECDSA")
        der_key = key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
        signer = _KeptKeySigner(
            key,
            signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
            signing_cert=_asn1_cert(cert),
            cert_registry=store,
        )
        # Room for the CMS container: the certificates it carries, the signature, attributes.
        reserved = 4096 + len(cert.public_bytes(Encoding.DER))
        reserved += sum(len(c.public_bytes(Encoding.DER)) for c in extra)
        return cls(signer, options, reserved=reserved + reserved % 2)

    @property
    def certificate_der(self) -> bytes:
        cert = self._signer.signing_cert
        assert cert is not None  # loaded from a PKCS#12 with a certificate
        return bytes(cert.dump())

    @property
    def signer_name(self) -> str:
        cert = self._signer.signing_cert
        assert cert is not None
        return str(cert.subject.native.get("common_name", ""))

    @property
    def timestamped(self) -> bool:
        return self._stamper is not None

    def sign(self, pdf: bytes, *, reason: str = DEFAULT_REASON) -> bytes:
        """The PDF with its signature appended as an incremental update (PAdES B-B, or B-T
        with the TSA's timestamp). Raises :class:`SigningFailure`."""
        meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            name=self.signer_name,
            reason=reason,
            location=self.options.location or None,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
        )
        spec = None
        if self.options.seal is not None:
            spec = fields.SigFieldSpec(
                FIELD_NAME, on_page=self.options.seal.page, box=self.options.seal.box
            )
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
            pdf_signer = signers.PdfSigner(
                meta,
                signer=self._signer,
                timestamper=self._stamper,
                stamp_style=self._stamp_style,
                new_field_spec=spec,
            )
            out = pdf_signer.sign_pdf(writer, bytes_reserved=self._reserved, in_place=False)
        except (SigningError, PdfReadError, OSError) as exc:
            raise SigningFailure(f"the paper could not be signed: {exc}") from exc
        return bytes(out.getvalue())


class _KeptKeySigner(signers.SimpleSigner):
    """pyHanko's SimpleSigner parses its private key again at every signature (about 35 ms for
    RSA-2048, with cryptography's key checks); this one keeps the parsed key."""

    def __init__(self, key: RSAPrivateKey | EllipticCurvePrivateKey, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._key = key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        hash_algo = get_pyca_cryptography_hash(digest_algorithm)
        if mechanism == "rsassa_pkcs1v15" and isinstance(self._key, RSAPrivateKey):
            return self._key.sign(data, PKCS1v15(), hash_algo)
        if mechanism == "ecdsa" and isinstance(self._key, EllipticCurvePrivateKey):
            return self._key.sign(data, ECDSA(hash_algo))
        return bytes(super().sign_raw(data, digest_algorithm))


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def seal_style(seal: SealPlacement) -> TextStampStyle:
    try:
        picture = Image.open(io.BytesIO(seal.image))
        picture.load()
        image = PdfImage(picture)
    except (OSError, ValueError) as exc:
        raise SigningFailure(f"the e-seal image does not open: {exc}") from None
    return TextStampStyle(stamp_text="", background=image, background_opacity=1.0, border_width=0)


class VerifyProblem(enum.StrEnum):
    """Why a paper does not verify (the core words each in both languages)."""

    NOT_PDF = "not_pdf"
    UNSIGNED = "unsigned"
    SEVERAL = "several_signatures"
    UNPARSABLE = "unparsable_signature"
    CHANGED = "changed_after_signing"
    BAD_SIGNATURE = "signature_mismatch"
    ADDED_AFTER = "added_after_signing"
    UNTRUSTED = "untrusted_signer"


@dataclass(frozen=True)
class Verification:
    """What :func:`verify` found. ``ok``: signed, untouched since, by a trusted certificate."""

    signed: bool
    readable: bool = True  # a PDF at all
    intact: bool = False  # the signed bytes are unchanged
    valid: bool = False  # the signature over them is cryptographically sound
    trusted: bool = False  # the signer's certificate chains to a trust root
    whole_file: bool = False  # nothing was added to the file after the signature
    signer: str | None = None
    reason: str | None = None
    timestamped: bool = False
    problem: VerifyProblem | None = None
    details: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.signed and self.intact and self.valid and self.trusted and self.whole_file


def verify(pdf: bytes, trust_roots: list[bytes]) -> Verification:
    """Check a paper's one signature against DER-encoded trust roots; never raises for a bad
    or unsigned file (the answer says what is wrong)."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        sigs = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        return Verification(
            signed=False, readable=False, problem=VerifyProblem.NOT_PDF, details=[str(exc)]
        )
    if not sigs:
        return Verification(signed=False, problem=VerifyProblem.UNSIGNED)
    if len(sigs) > 1:
        return Verification(signed=True, problem=VerifyProblem.SEVERAL)
    sig = sigs[0]
    roots = [asn1_x509.Certificate.load(der) for der in trust_roots]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        status = validate_pdf_signature(sig, context)
    except Exception as exc:  # noqa: BLE001 - pyHanko raises many kinds on mangled input
        return Verification(signed=True, problem=VerifyProblem.UNPARSABLE, details=[str(exc)])
    whole = sig.coverage is not None and sig.coverage.name == "ENTIRE_FILE"
    signer = status.signing_cert.subject.native.get("common_name") if status.signing_cert else None
    problem = None
    if not status.intact:
        problem = VerifyProblem.CHANGED
    elif not status.valid:
        problem = VerifyProblem.BAD_SIGNATURE
    elif not whole:
        problem = VerifyProblem.ADDED_AFTER
    elif not status.trusted:
        problem = VerifyProblem.UNTRUSTED
    reason = sig.sig_object.get("/Reason")
    return Verification(
        signed=True,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        whole_file=whole,
        signer=str(signer) if signer else None,
        reason=str(reason) if reason is not None else None,
        timestamped=status.timestamp_validity is not None,
        problem=problem,
        details=[status.summary()],
    )


def certificate_of(pkcs12_data: bytes, passphrase: bytes | None) -> x509.Certificate:
    """The certificate in a PKCS#12 file (for status and trust roots)."""
    try:
        _key, cert, _extra = pkcs12.load_key_and_certificates(pkcs12_data, passphrase)
    except ValueError as exc:
        raise SigningFailure(f"the PKCS#12 file does not open: {exc}") from None
    if cert is None:
        raise SigningFailure("the PKCS#12 file holds no certificate")
    return cert


def certificate_der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(Encoding.DER)
